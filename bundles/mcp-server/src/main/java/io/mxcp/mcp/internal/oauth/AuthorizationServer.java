package io.mxcp.mcp.internal.oauth;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.ServerConfigException;
import io.mxcp.mcp.internal.auth.AuthProviders;
import io.mxcp.mcp.internal.auth.AuthSettings;
import io.mxcp.mcp.internal.auth.BearerAuthority;
import io.mxcp.mcp.internal.oauth.store.OAuthClient;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;
import io.mxcp.mcp.internal.oauth.store.SqliteOAuthStore;
import io.mxcp.sdk.auth.AuthException;

/**
 * Issuer mode's authorization server (spec 03 §1.2): the server is the OAuth 2.1 authorization server of its MCP
 * clients and signs users in at the configured provider. Owns the token store and the upstream login; its
 * endpoints are served by the HTTP transport's OAuth routes.
 */
public final class AuthorizationServer {
    private static final System.Logger LOG = System.getLogger(AuthorizationServer.class.getName());

    private final AuthSettings auth;
    private final IssuerSettings settings;
    private final OAuthStore store;
    private final IssuerUrls urls;
    private final UpstreamLogins login;
    private final ObjectMapper mapper;
    private final ClientRegistrar registrar;
    private final AuthorizeEndpoint authorize;
    private final CallbackEndpoint callback;
    private final TokenEndpoint tokens;
    private final ClientAuthentication clients;
    private final IssuerAuthority authority;
    private final Clock clock;
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mxcp-oauth-purge").daemon().factory());

    private AuthorizationServer(AuthSettings auth, IssuerSettings settings, OAuthStore store, IssuerUrls urls,
            AuthProviders providers, ObjectMapper mapper, MetadataDocumentFetcher documentFetcher, Clock clock) {
        this.auth = auth;
        this.settings = settings;
        this.store = store;
        this.urls = urls;
        this.login = new UpstreamLogins(providers, auth.provider());
        this.mapper = mapper;
        List<String> granted = auth.requiredScopes();
        this.registrar = new ClientRegistrar(store, granted);
        ClientMetadataDocuments documents = new ClientMetadataDocuments(documentFetcher, granted, mapper, clock);
        this.authorize = new AuthorizeEndpoint(store, documents, login, urls,
                settings.clients().stream().map(OAuthClient::clientId).collect(Collectors.toUnmodifiableSet()), clock);
        this.callback = new CallbackEndpoint(store, login, urls, granted, clock);
        this.clients = new ClientAuthentication(store);
        this.tokens = new TokenEndpoint(store, clients, login, urls, granted, mapper, clock);
        this.authority = new IssuerAuthority(store, urls, clock);
        this.clock = clock;
    }

    /** Opens the token store and writes the configured clients into it; the login opens at {@link #bound}. */
    public static AuthorizationServer open(AuthSettings auth, IssuerSettings settings, IssuerUrls urls,
            AuthProviders providers, ObjectMapper mapper) throws ServerConfigException {
        return open(auth, settings, urls, providers, mapper, new MetadataDocumentFetcher(new PublicAddressGuard()));
    }

    /** @param documentFetcher how client metadata documents are fetched */
    static AuthorizationServer open(AuthSettings auth, IssuerSettings settings, IssuerUrls urls,
            AuthProviders providers, ObjectMapper mapper, MetadataDocumentFetcher documentFetcher)
            throws ServerConfigException {
        OAuthStore store;
        try {
            store = SqliteOAuthStore.open(settings.storePath(), settings.encryptionKey());
            store.configureClients(settings.clients());
        } catch (OAuthStoreException | IllegalArgumentException e) {
            throw new ServerConfigException("auth.persistence: " + e.getMessage(), e);
        }
        return new AuthorizationServer(auth, settings, store, urls, providers, mapper, documentFetcher,
                Clock.systemUTC());
    }

    /**
     * The listener is bound: the issuer URL is known, so the login at the provider opens with its callback URL.
     * An issuer that is not https is refused unless it is the loopback interface.
     */
    public void bound(String host, int port) throws ServerConfigException {
        urls.bound(host, port);
        String issuer = urls.issuer().toLowerCase(Locale.ROOT);
        if (!issuer.startsWith("https://") && !issuer.matches("http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?(/.*)?")) {
            throw new ServerConfigException("Issuer URL must be HTTPS: " + urls.issuer()
                    + " (set transport.http.base_url to the https address clients reach the server at)");
        }
        try {
            login.open(auth.providerBlock(), urls.endpoint(settings.callbackPath()));
        } catch (AuthException e) {
            throw new ServerConfigException("OAuth server initialization failed: " + e.getMessage(), e);
        }
        purger.scheduleWithFixedDelay(this::purge, 0, 10, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            store.purgeExpired(clock.instant());
        } catch (OAuthStoreException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Purging expired OAuth entries failed: " + e.getMessage());
        }
    }

    /** The issuer (base) URL; null until the listener is bound when no base URL is configured. */
    public String issuer() {
        return urls.issuer();
    }

    public BearerAuthority authority() {
        return authority;
    }

    public String callbackPath() {
        return settings.callbackPath();
    }

    public ObjectNode metadata() {
        return ServerMetadata.of(urls, auth.requiredScopes(), mapper);
    }

    public ObjectNode register(JsonNode metadata) throws OAuthError, OAuthStoreException {
        return registrar.register(metadata);
    }

    public BrowserAnswer authorize(Map<String, String> parameters) throws OAuthError, OAuthStoreException {
        try {
            return authorize.authorize(parameters);
        } catch (AuthException e) {
            throw unavailable(e);
        }
    }

    /** The consent page's answer, with the browser's binding cookie (or null). */
    public BrowserAnswer consent(Map<String, String> form, String cookie) throws OAuthError, OAuthStoreException {
        try {
            return authorize.consent(form, cookie);
        } catch (AuthException e) {
            throw unavailable(e);
        }
    }

    /** The provider's redirect back, with the browser's binding cookie (or null). */
    public Redirect callback(Map<String, String> parameters, String cookie) throws OAuthError, OAuthStoreException {
        return callback.callback(parameters, cookie);
    }

    /** The cookie that binds an authorization request to its browser. */
    public String bindingCookieName() {
        return authorize.cookieName();
    }

    private OAuthError unavailable(AuthException e) {
        return new OAuthError(e.status(), e.error(),
                "The sign-in at " + login.displayName() + " is not available now");
    }

    public ObjectNode token(Map<String, String> form, String authorization) throws OAuthError, OAuthStoreException {
        return tokens.token(form, authorization);
    }

    /** RFC 7009: the client's token (access or refresh) stops working; unknown tokens are not an error. */
    public void revoke(Map<String, String> form, String authorization) throws OAuthError, OAuthStoreException {
        OAuthClient client = clients.authenticate(form, authorization);
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            throw OAuthError.badRequest("invalid_request", "token is required");
        }
        store.revoke(token, client.clientId());
    }

    public void close() {
        purger.shutdownNow();
        login.close();
        store.close();
    }
}
