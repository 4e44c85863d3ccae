package io.mxcp.executor.python.runtime;

import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A Python exception as the caller reads it: its type, its message, and where it was raised (the traceback's last
 * frame outside the bridge, with a file of the project relative to its root and any other one as its import path
 * names it).
 *
 * @param type      the exception's class name ({@code ValueError}); for a Java-side failure the Java class name
 * @param message   {@code str(exception)}
 * @param where     {@code python/calc.py:12 in divide}, {@code json/decoder.py:354 in raw_decode, called from
 *                  python/boom.py:7 in boom} (the project's innermost frame after a library's), or null when unknown
 * @param traceback the traceback's frames outside the bridge, innermost first as Java lists a stack (files named as in
 *                  {@code where}); empty when unknown
 * @param cause     the exception it was raised from or while handling ({@code raise X from Y}), or null
 * @param group     an exception group's members; empty for any other exception
 */
public record PythonFailure(String type, String message, String where, List<StackTraceElement> traceback,
        PythonFailure cause, List<PythonFailure> group) {

    /** Python's own name for the frames' "class", as GraalPy names them in a Java stack trace. */
    private static final String PYTHON_FRAME = "<python>";

    public PythonFailure {
        traceback = List.copyOf(traceback);
        group = List.copyOf(group);
    }

    public PythonFailure(String type, String message, String where) {
        this(type, message, where, List.of(), null, List.of());
    }

    static PythonFailure of(PolyglotException error, Value errorReport) {
        if (error.isGuestException() && !error.isInternalError()) {
            try {
                return reported(errorReport.execute(error.getGuestObject()));
            } catch (PolyglotException reportFailure) {
                error.addSuppressed(reportFailure);
            }
        }
        return new PythonFailure(error.isHostException() ? error.asHostException().getClass().getSimpleName() : "Error",
                error.getMessage(), null);
    }

    /** A failure from the bridge's {@code error_report}: [type, message, where, frames, cause, group]. */
    static PythonFailure reported(Value report) {
        String where = report.getArrayElement(2).isNull() ? null : report.getArrayElement(2).asString();
        Value cause = report.getArrayElement(4);
        Value members = report.getArrayElement(5);
        List<PythonFailure> group = new ArrayList<>();
        for (long i = 0; i < members.getArraySize(); i++) {
            group.add(reported(members.getArrayElement(i)));
        }
        return new PythonFailure(report.getArrayElement(0).asString(), report.getArrayElement(1).asString(), where,
                frames(report.getArrayElement(3)), cause.isNull() ? null : reported(cause), group);
    }

    /** [[file, line, function], ...] outermost first, as stack trace elements innermost first. */
    private static List<StackTraceElement> frames(Value trace) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (long i = trace.getArraySize() - 1; i >= 0; i--) {
            Value frame = trace.getArrayElement(i);
            frames.add(new StackTraceElement(PYTHON_FRAME, frame.getArrayElement(2).asString(),
                    frame.getArrayElement(0).asString(), frame.getArrayElement(1).asInt()));
        }
        return frames;
    }

    /** The message, or the type name when the message is empty ({@code raise KeyError()}). */
    public String text() {
        return message == null || message.isEmpty() ? type : message;
    }

    /**
     * {@code <message> (<type> at <where>)}: the user's text first, then the traceback's last frame; without a message
     * {@code <type> (at <where>)}.
     */
    public String describe() {
        if (message == null || message.isEmpty()) {
            return where == null ? type : type + " (at " + where + ")";
        }
        return where == null ? message + " (" + type + ")" : message + " (" + type + " at " + where + ")";
    }
}
