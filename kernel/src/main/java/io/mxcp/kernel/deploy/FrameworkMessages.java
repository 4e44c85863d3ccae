package io.mxcp.kernel.deploy;

import org.osgi.framework.BundleException;

/**
 * The framework's message with the reason it wraps: Felix says "Activator start error in bundle x [25]." or "Could
 * not create bundle object." and keeps what the plugin threw, or what was wrong with its manifest, as the cause.
 */
final class FrameworkMessages {

    private FrameworkMessages() {
    }

    static String of(BundleException e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            String message = cause.getMessage();
            text.append(text.toString().endsWith(".") ? " " : ": ").append(cause.getClass().getSimpleName())
                    .append(message == null ? "" : ": " + message);
            cause = cause.getCause();
        }
        return text.toString();
    }
}
