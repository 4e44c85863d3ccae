package io.mxcp.executor.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretStatementsTest {

    @Test
    void scalarsPrintLikePythonStrAndMapsAsMapLiterals() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("BEARER_TOKEN", "abc");
        parameters.put("USE_SSL", true);
        parameters.put("PORT", 5);
        parameters.put("RATIO", 1.5);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("header1", "Foo");
        headers.put("header2", "Bar");
        parameters.put("EXTRA_HTTP_HEADERS", headers);
        assertEquals(Optional.of("CREATE TEMPORARY SECRET s1 ( TYPE http, BEARER_TOKEN 'abc', USE_SSL 'True', PORT '5', "
                + "RATIO '1.5', EXTRA_HTTP_HEADERS MAP {'header1': 'Foo', 'header2': 'Bar'} )"),
                SecretStatements.create(Map.of("name", "s1", "type", "http", "parameters", parameters)));
    }

    @Test
    void quotesAreDoubledAndEmptySecretsSkipped() {
        assertEquals(Optional.of("CREATE TEMPORARY SECRET s ( TYPE http, BEARER_TOKEN 'it''s' )"),
                SecretStatements.create(Map.of("name", "s", "type", "http", "parameters", Map.of("BEARER_TOKEN", "it's"))));
        assertEquals(Optional.empty(), SecretStatements.create(Map.of("name", "s", "type", "http", "parameters", Map.of())));
    }
}
