package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Concurrent callers of one tool, each with its own HTTP client, calling it back to back until closed and recording
 * every call: its arguments, when it ran and what it answered, or why it failed. For the tests that change a server's
 * plugins, or kill it, under load.
 */
final class ToolCallers implements AutoCloseable {

    /** One call: its arguments, start and end ({@link System#nanoTime()}) and its result text, or why it failed. */
    record Call(Map<String, Object> arguments, long startNanos, long endNanos, String text, String failure) {

        boolean succeeded() {
            return failure == null;
        }
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    ToolCallers(int port, int count, String tool, Map<String, Object> arguments) {
        this(port, count, tool, () -> arguments, null);
    }

    /** Callers whose requests carry a bearer token (null: none). */
    ToolCallers(int port, int count, String tool, Map<String, Object> arguments, String bearerToken) {
        this(port, count, tool, () -> arguments, bearerToken);
    }

    /** Callers each of whose calls takes the arguments {@code arguments} gives at that moment (a fresh id, say). */
    ToolCallers(int port, int count, String tool, Supplier<Map<String, Object>> arguments) {
        this(port, count, tool, arguments, null);
    }

    private ToolCallers(int port, int count, String tool, Supplier<Map<String, Object>> arguments,
            String bearerToken) {
        for (int i = 0; i < count; i++) {
            McpHttpClient client = new McpHttpClient(port, bearerToken);
            threads.add(Thread.ofPlatform().daemon().name(tool + " caller " + i)
                    .start(() -> callUntilClosed(client, tool, arguments)));
        }
    }

    private void callUntilClosed(McpHttpClient client, String tool, Supplier<Map<String, Object>> arguments) {
        while (running) {
            calls.add(call(client, tool, arguments.get()));
        }
    }

    /** Makes one call and records it as the callers do. */
    static Call call(McpHttpClient client, String tool, Map<String, Object> arguments) {
        long start = System.nanoTime();
        String text = null;
        String failure;
        try {
            McpHttpClient.ToolOutcome outcome = client.callTool(tool, arguments);
            text = outcome.successText();
            failure = text != null ? null : outcome.toString();
        } catch (RuntimeException | AssertionError e) {
            failure = e.toString();
        }
        return new Call(arguments, start, System.nanoTime(), text, failure);
    }

    /** Fails, naming the first failure and showing the server's log, unless every call succeeded. */
    static void assertNoneFailed(List<Call> calls, ServerProcess server) {
        List<Call> failed = calls.stream().filter(call -> !call.succeeded()).toList();
        assertEquals(0, failed.size(), () -> failed.size() + " of " + calls.size() + " calls failed, first: "
                + failed.get(0).failure() + "\n" + server.describe());
    }

    /** The calls made so far (all of them once closed). */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    int count() {
        return calls.size();
    }

    /** Stops after the calls in progress. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
