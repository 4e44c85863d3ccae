package io.mxcp.mcp.internal.oauth;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /.well-known/oauth-authorization-server} (RFC 8414). */
final class ServerMetadata {

    private ServerMetadata() {
    }

    static ObjectNode of(IssuerUrls urls, List<String> scopes, ObjectMapper mapper) {
        ObjectNode metadata = mapper.createObjectNode().put("issuer", urls.issuer())
                .put("authorization_endpoint", urls.endpoint(OAuthPaths.AUTHORIZE))
                .put("token_endpoint", urls.endpoint(OAuthPaths.TOKEN))
                .put("registration_endpoint", urls.endpoint(OAuthPaths.REGISTER))
                .put("revocation_endpoint", urls.endpoint(OAuthPaths.REVOKE));
        metadata.putArray("response_types_supported").add("code");
        metadata.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        metadata.putArray("token_endpoint_auth_methods_supported").add("client_secret_post")
                .add("client_secret_basic").add("none");
        metadata.putArray("revocation_endpoint_auth_methods_supported").add("client_secret_post")
                .add("client_secret_basic").add("none");
        metadata.putArray("code_challenge_methods_supported").add("S256");
        if (!scopes.isEmpty()) {
            ArrayNode supported = metadata.putArray("scopes_supported");
            scopes.forEach(supported::add);
        }
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("client_id_metadata_document_supported", true);
        return metadata;
    }
}
