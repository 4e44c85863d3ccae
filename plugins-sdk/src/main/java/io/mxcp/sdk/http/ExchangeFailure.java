package io.mxcp.sdk.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLException;

/**
 * Why an HTTP exchange failed, in words an operator reads in a log or an audit record: {@code connection refused},
 * {@code unknown host}, {@code connect timed out}, {@code no answer in time}, {@code TLS failure: <reason>}. The JDK's
 * client fails a refused connection or an unknown host with exceptions that carry no message, which would otherwise
 * reach users as Java class names.
 */
public final class ExchangeFailure {
    private ExchangeFailure() {
    }

    /** The failure of {@code HttpClient.send} (or of reading its answer) in words. */
    public static String reason(IOException failure) {
        // the client wraps an unknown host in ConnectExceptions, which alone would mean a refused connection
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String known = known(cause);
            if (known != null) {
                return known;
            }
        }
        String message = firstMessage(failure);
        return message == null ? "the connection failed" : message;
    }

    private static String known(Throwable cause) {
        return switch (cause) {
            case HttpConnectTimeoutException ignored -> "connect timed out";
            case HttpTimeoutException ignored -> "no answer in time";
            case SSLException tls -> "TLS failure: " + firstMessage(tls);
            // the client's own ConnectException has no message; the socket's under it may ("No route to host")
            case ConnectException failed -> Objects.requireNonNullElse(firstMessage(failed), "connection refused")
                    .toLowerCase(Locale.ROOT);
            default -> null;
        };
    }

    private static String firstMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return null;
    }
}
