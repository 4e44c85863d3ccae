package io.mxcp.cli.admin;

/** A request the admin socket cannot read as HTTP/1.1; answered 400 and the connection closed. */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
