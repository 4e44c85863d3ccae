package io.mxcp.executor.python.runtime;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A Python exception as the caller reads it: its type, its message, and where it was raised (the traceback's last
 * frame outside the bridge, with a file of the project relative to its root and any other one as its import path
 * names it).
 *
 * @param type    the exception's class name ({@code ValueError}); for a Java-side failure the Java class name
 * @param message {@code str(exception)}
 * @param where   {@code python/calc.py:12 in divide}, {@code requests/adapters.py:519 in send}, or null when unknown
 */
public record PythonFailure(String type, String message, String where) {

    static PythonFailure of(PolyglotException error, Value errorReport) {
        if (error.isGuestException() && !error.isInternalError()) {
            try {
                Value report = errorReport.execute(error.getGuestObject());
                String where = report.getArrayElement(2).isNull() ? null : report.getArrayElement(2).asString();
                return new PythonFailure(report.getArrayElement(0).asString(), report.getArrayElement(1).asString(), where);
            } catch (PolyglotException reportFailure) {
                error.addSuppressed(reportFailure);
            }
        }
        return new PythonFailure(error.isHostException() ? error.asHostException().getClass().getSimpleName() : "Error",
                error.getMessage(), null);
    }

    /** The message, or the type name when the message is empty ({@code raise KeyError()}). */
    public String text() {
        return message == null || message.isEmpty() ? type : message;
    }

    /** {@code <message> (<type> at <where>)}: the user's text first, then the traceback's last frame. */
    public String describe() {
        return where == null ? text() + " (" + type + ")" : text() + " (" + type + " at " + where + ")";
    }
}
