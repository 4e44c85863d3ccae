package io.mxcp.auth.oauth2;

import java.util.Map;

/**
 * A provider's name and how it speaks OAuth 2 where providers differ (spec 03 reference §1.3's table and token
 * request rules). {@link #named} gives the common case; the other methods return a changed copy.
 *
 * @param name               the provider's name in the user config ({@code auth.provider}, the block's key)
 * @param displayName        the provider's name in messages
 * @param leadingParameters  fixed authorization URL parameters before {@code client_id}, in the map's order
 * @param trailingParameters fixed authorization URL parameters after {@code state}, in the map's order
 * @param pkce               whether the provider takes S256 PKCE
 * @param tokenBody          how token requests send their fields
 * @param scopeList          how token answers list the granted scopes
 */
public record Dialect(String name, String displayName, Map<String, String> leadingParameters,
        Map<String, String> trailingParameters, boolean pkce, TokenEndpoint.Body tokenBody,
        TokenAnswers.ScopeList scopeList) {

    /** No fixed authorization parameters, no PKCE, form-encoded token requests, space-separated granted scopes. */
    public static Dialect named(String name, String displayName) {
        return new Dialect(name, displayName, Map.of(), Map.of(), false, TokenEndpoint.Body.FORM,
                TokenAnswers.ScopeList.SPACE_SEPARATED);
    }

    /** With fixed authorization URL parameters before {@code client_id} and after {@code state}. */
    public Dialect authorizeParameters(Map<String, String> leading, Map<String, String> trailing) {
        return new Dialect(name, displayName, leading, trailing, pkce, tokenBody, scopeList);
    }

    /** Taking S256 PKCE. */
    public Dialect withPkce() {
        return new Dialect(name, displayName, leadingParameters, trailingParameters, true, tokenBody, scopeList);
    }

    /** Sending token requests as JSON objects. */
    public Dialect jsonTokenRequests() {
        return new Dialect(name, displayName, leadingParameters, trailingParameters, pkce, TokenEndpoint.Body.JSON,
                scopeList);
    }

    /** Listing granted scopes comma-separated. */
    public Dialect commaSeparatedScopes() {
        return new Dialect(name, displayName, leadingParameters, trailingParameters, pkce, tokenBody,
                TokenAnswers.ScopeList.COMMA_SEPARATED);
    }
}
