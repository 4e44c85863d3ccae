package io.mxcp.cli.output;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A JSON document did not parse; the message is the parser's detail with its position. */
public final class InvalidJsonException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Pattern SOURCE_MARKER = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private InvalidJsonException(String detail, Throwable cause) {
        super(detail, cause);
    }

    static InvalidJsonException from(IOException e) {
        if (e instanceof JsonProcessingException parse) {
            JsonLocation at = parse.getLocation();
            // Jackson names a start marker's place as "[Source: REDACTED (...); line: 1, column: 1]", which reads as
            // if something were hidden
            String detail = SOURCE_MARKER.matcher(parse.getOriginalMessage()).replaceAll("line $1, column $2");
            if (at != null && at.getLineNr() > 0) {
                detail += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            }
            return new InvalidJsonException(detail, e);
        }
        return new InvalidJsonException(String.valueOf(e.getMessage()), e);
    }
}
