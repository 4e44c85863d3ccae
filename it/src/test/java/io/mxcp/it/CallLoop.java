package io.mxcp.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls hello_world over and over on a background thread while a test changes the server's plugins, and
 * records every call that did not answer "Hello, World!".
 */
final class CallLoop implements AutoCloseable {

    private final McpHttpClient client;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    CallLoop(McpHttpClient client) {
        this.client = client;
        this.thread = Thread.ofPlatform().daemon().name("hello_world loop").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                McpHttpClient.ToolOutcome outcome = client.callTool("hello_world", Map.of("name", "World"));
                if (!"Hello, World!".equals(outcome.successText())) {
                    failures.add(outcome.toString());
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.toString());
            }
            calls.incrementAndGet();
        }
    }

    int calls() {
        return calls.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops after the call in progress. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }
}
