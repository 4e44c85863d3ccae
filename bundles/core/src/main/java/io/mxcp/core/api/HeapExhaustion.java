package io.mxcp.core.api;

/**
 * A call that ran out of Java heap, as the server says it wherever it catches one: the pipeline while the call runs,
 * a transport while the answer is written. Other kinds of {@link OutOfMemoryError} (metaspace, native threads) are
 * not this: more heap would not help, and their own text says what ran out.
 *
 * @since 1.15
 */
public final class HeapExhaustion {

    private HeapExhaustion() {
    }

    /** Whether the failure is the heap running out. */
    public static boolean is(Throwable failure) {
        return failure instanceof OutOfMemoryError
                && ("Java heap space".equals(failure.getMessage())
                        || "GC overhead limit exceeded".equals(failure.getMessage()));
    }

    /** @param doing what ran out of heap, after "while": {@code running this call or checking its result} */
    public static String message(String doing) {
        return "The server ran out of memory (Java heap) while " + doing + ", together with the calls running beside "
                + "it; it goes on serving. Ask for less at a time (WHERE, LIMIT) or give the server more heap (-Xmx in "
                + "MXCP_JAVA_OPTS)";
    }
}
