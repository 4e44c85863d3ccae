package io.mxcp.secrets.onepassword;

import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Component;

import io.mxcp.sdk.secrets.SecretResolutionException;
import io.mxcp.sdk.secrets.SecretResolver;

/**
 * Resolves {@code op://<vault>/<item>/<field>[?attribute=otp]} references of the user config (spec 01 §1.9) with a
 * 1Password service account: the token is read from the environment variable the user config's
 * {@code onepassword.token_env} names ({@code OP_SERVICE_ACCOUNT_TOKEN} by default) and handed to the 1Password CLI
 * ({@code op read}). The original uses 1Password's Python SDK, which has no Java edition; the CLI reads the same
 * references with the same service accounts. The core checks {@code onepassword.enabled} before asking.
 */
@Component(service = SecretResolver.class)
public final class OnePasswordSecretResolver implements SecretResolver {

    static final String DEFAULT_TOKEN_VARIABLE = "OP_SERVICE_ACCOUNT_TOKEN";

    private final UnaryOperator<String> environment;
    private final OpCli cli;

    public OnePasswordSecretResolver() {
        this(System::getenv, new OpCli("op"));
    }

    OnePasswordSecretResolver(UnaryOperator<String> environment, OpCli cli) {
        this.environment = environment;
        this.cli = cli;
    }

    @Override
    public String scheme() {
        return "op";
    }

    @Override
    public String resolve(String reference, Map<String, Object> settings) throws SecretResolutionException {
        OnePasswordReference secret = OnePasswordReference.parse(reference);
        Object tokenVariable = settings.get("token_env");
        String variable = tokenVariable == null || tokenVariable.toString().isBlank() ? DEFAULT_TOKEN_VARIABLE
                : tokenVariable.toString();
        String token = environment.apply(variable);
        if (token == null || token.isEmpty()) {
            throw new SecretResolutionException("1Password service account token not found in environment variable '"
                    + variable + "'");
        }
        try {
            return cli.read(secret.secretReference(), token);
        } catch (IOException e) {
            throw new SecretResolutionException("Failed to resolve 1Password URL '" + reference + "': "
                    + e.getMessage(), e);
        }
    }
}
