package io.mxcp.kernel.api;

/**
 * The call each thread runs DuckDB statements for, so that a plugin function a statement invokes on that thread can
 * tell whom it runs for (spec 01 §6.3: a UDF may call {@code get_user_context()}). The SQL executor binds its call
 * around the statements it runs; a plugin function's implementation reads it. The call is opaque here: executors
 * agree on its type (the plugin SDK's {@code ExecutionContext}). A function DuckDB runs on one of its own worker
 * threads sees none. Nothing stays bound once a binding is closed, so no bundle's object outlives its call here.
 *
 * @since 1.5
 */
public final class StatementCalls {

    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

    private StatementCalls() {
    }

    /** Binds {@code call} to this thread until the binding is closed, which puts back what was bound before. */
    public static Binding bind(Object call) {
        Object previous = CURRENT.get();
        CURRENT.set(call);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The call this thread runs statements for, or null. */
    public static Object current() {
        return CURRENT.get();
    }

    /** A call bound to a thread; closing it ends the binding. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
