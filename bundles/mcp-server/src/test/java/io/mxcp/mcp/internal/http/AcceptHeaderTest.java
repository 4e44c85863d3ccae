package io.mxcp.mcp.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptHeaderTest {
    private static final String JSON = "application/json";
    private static final String STREAM = "text/event-stream";

    @ParameterizedTest(name = "[{0}] allows json {1}, allows stream {2}, names stream {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | true | true | false",
        "'' | true | true | false",
        "application/json, text/event-stream | true | true | true",
        "Application/JSON | true | false | false",
        "application/json;q=0, text/event-stream | false | true | true",
        "application/json; charset=utf-8; Q=0.0, text/event-stream;q=0.8 | false | true | true",
        "*/* | true | true | false",
        "*/*;q=0 | false | false | false",
        "application/*;q=0, */* | false | true | false",
        "text/*, application/json;q=0.1 | true | true | false",
        "text/event-stream;q=0, */* | true | false | false",
        "text/html | false | false | false",
        "application/json;q=oops | true | false | false",
        "text/event-stream;q=0.001, | false | true | true",
        "applications/json, text/event-streams | false | false | false",
    })
    void theMostSpecificRangeDecidesAndQualityZeroRefuses(String header, boolean allowsJson, boolean allowsStream,
            boolean namesStream) {
        assertEquals(allowsJson, AcceptHeader.allows(header, JSON), "allows " + JSON);
        assertEquals(allowsStream, AcceptHeader.allows(header, STREAM), "allows " + STREAM);
        assertEquals(namesStream, AcceptHeader.names(header, STREAM), "names " + STREAM);
    }
}
