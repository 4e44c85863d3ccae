package io.mxcp.cli.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The profile's secrets as dbt's environment and as profiles.yml entries: one naming for both. */
class SecretVariablesTest {

    private static final List<?> SECRETS = List.of(
            Map.of("name", "api", "type", "http", "parameters", ordered("BEARER_TOKEN", "t0k'en",
                    "EXTRA_HTTP_HEADERS", ordered("X-Team", "data", "X-Key", "k1"))),
            Map.of("name", "lake", "type", "s3", "parameters", ordered("KEY_ID", "AKIA", "REGION", "eu-west-1",
                    "USE_SSL", true, "PORT", 9000)),
            Map.of("name", "bare", "type", "http"),
            Map.of("name", "jira", "type", "python", "parameters", ordered("TOKEN", "j1")));

    @Test
    void mxcpDbtSetsOneVariablePerParameterAndHeader() {
        assertEquals(ordered("MXCP_SECRET_API_BEARER_TOKEN", "t0k'en",
                "MXCP_SECRET_API_EXTRA_HTTP_HEADERS_X_TEAM", "data", "MXCP_SECRET_API_EXTRA_HTTP_HEADERS_X_KEY", "k1",
                "MXCP_SECRET_LAKE_KEY_ID", "AKIA", "MXCP_SECRET_LAKE_REGION", "eu-west-1",
                "MXCP_SECRET_LAKE_USE_SSL", "True", "MXCP_SECRET_LAKE_PORT", "9000",
                "MXCP_SECRET_JIRA_TOKEN", "j1"),
                new SecretVariables(SECRETS).environment());
    }

    @Test
    void profilesYmlReadsExactlyThoseVariablesOrEmbedsTheValues() {
        List<Map<String, Object>> templated = new SecretVariables(SECRETS).dbtSecrets(false);
        assertEquals(ordered("type", "http", "name", "api",
                "bearer_token", "{{ env_var(\"MXCP_SECRET_API_BEARER_TOKEN\") }}",
                "extra_http_headers", "map { 'X-Team': '{{ env_var(\"MXCP_SECRET_API_EXTRA_HTTP_HEADERS_X_TEAM\") "
                        + "| replace(\"'\", \"''\") }}', 'X-Key': '{{ env_var(\"MXCP_SECRET_API_EXTRA_HTTP_HEADERS_X_KEY\") "
                        + "| replace(\"'\", \"''\") }}' }"),
                templated.get(0));
        assertEquals(ordered("type", "s3", "name", "lake", "key_id", "{{ env_var(\"MXCP_SECRET_LAKE_KEY_ID\") }}",
                "region", "{{ env_var(\"MXCP_SECRET_LAKE_REGION\") }}",
                "use_ssl", "{{ env_var(\"MXCP_SECRET_LAKE_USE_SSL\") }}",
                "port", "{{ env_var(\"MXCP_SECRET_LAKE_PORT\") }}"), templated.get(1));
        assertEquals(2, templated.size(), "no parameters, or a type DuckDB cannot create: nothing for dbt");
        assertEquals(List.of("jira"), new SecretVariables(SECRETS).notForDuckDb());

        Map<String, Object> embedded = new SecretVariables(SECRETS).dbtSecrets(true).get(0);
        assertEquals("{{ 't0k\\'en' }}", embedded.get("bearer_token"), "a Jinja string: dbt renders the file");
        assertEquals("map { 'X-Team': '{{ 'data' }}', 'X-Key': '{{ 'k1' }}' }", embedded.get("extra_http_headers"));
        assertEquals("map { 'it''s': '{{ 'a\\'\\'b{{x}}' }}' }", new SecretVariables(List.of(Map.of("name", "q",
                "type", "http", "parameters", Map.of("EXTRA_HTTP_HEADERS", Map.of("it's", "a'b{{x}}")))))
                .dbtSecrets(true).get(0).get("extra_http_headers"), "DuckDB quotes doubled inside a Jinja string");
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
