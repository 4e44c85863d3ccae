package io.mxcp.cli.output;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A JSON document did not parse; the message is the parser's detail with its position. */
public final class InvalidJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private InvalidJsonException(String detail, Throwable cause) {
        super(detail, cause);
    }

    static InvalidJsonException from(IOException e) {
        if (e instanceof JsonProcessingException parse) {
            JsonLocation at = parse.getLocation();
            String detail = parse.getOriginalMessage();
            if (at != null && at.getLineNr() > 0) {
                detail += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            }
            return new InvalidJsonException(detail, e);
        }
        return new InvalidJsonException(String.valueOf(e.getMessage()), e);
    }
}
