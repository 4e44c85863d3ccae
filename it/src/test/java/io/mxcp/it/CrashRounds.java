package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves one project again and again, each server killed with SIGKILL at a random moment while concurrent callers
 * load it, and records every call the clients made: a tool taking an {@code id} argument, each call with an id never
 * used before, so that each record in the audit log tells which call it belongs to. Each server first makes a few
 * calls one after the other, which must succeed (a restart after a crash works); the last one, started after the
 * last kill, has removed the framework folders the killed servers left, makes those calls and stops cleanly.
 */
final class CrashRounds {

    /** The calls made while one server ran, when it was killed, and what it logged until then. */
    record Round(int number, long pid, List<ToolCallers.Call> calls, long killNanos, Duration loadedFor,
            String serverLog) {
    }

    /** Every killed server's round, and the calls of the server started after the last kill. */
    record History(List<Round> killed, List<ToolCallers.Call> afterLastKill) {
    }

    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final long MIN_LOAD_MILLIS = 500;
    private static final long MAX_LOAD_MILLIS = 2_500;

    private final Mxcp mxcp;
    private final Path project;
    private final String tool;
    private final int callers;
    private final int callsAfterStart;
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param callers         how many clients load each server
     * @param callsAfterStart how many calls each server makes one after the other before the load
     */
    CrashRounds(Mxcp mxcp, Path project, String tool, int callers, int callsAfterStart) {
        this.mxcp = mxcp;
        this.project = project;
        this.tool = tool;
        this.callers = callers;
        this.callsAfterStart = callsAfterStart;
    }

    /** A change to the project's files between the last kill and the next start (what else a crash can leave). */
    @FunctionalInterface
    interface AfterLastKill {
        void change(Path project) throws IOException;
    }

    History run(int rounds, AfterLastKill afterLastKill) throws InterruptedException, IOException {
        List<Round> killed = new ArrayList<>();
        for (int number = 1; number <= rounds; number++) {
            killed.add(killedUnderLoad(number));
        }
        afterLastKill.change(project);
        int port = FreePort.find();
        try (ServerProcess server = mxcp.serve(project, port)) {
            FrameworkFolders.assertNoneLeftBy(killed.stream().map(Round::pid).toList());
            List<ToolCallers.Call> calls = callsThatMustSucceed(port, server);
            server.signal("TERM");
            assertEquals(0, server.awaitExit(STOP_LIMIT), server::describe);
            return new History(killed, calls);
        }
    }

    private Round killedUnderLoad(int number) throws InterruptedException {
        int port = FreePort.find();
        try (ServerProcess server = mxcp.serve(project, port)) {
            List<ToolCallers.Call> calls = new ArrayList<>(callsThatMustSucceed(port, server));
            long loadMillis = ThreadLocalRandom.current().nextLong(MIN_LOAD_MILLIS, MAX_LOAD_MILLIS + 1);
            ToolCallers load = new ToolCallers(port, callers, tool, this::freshArguments);
            long pid = server.jvm().pid();
            FrameworkFolders.assertOneOwnedBy(pid);
            long killNanos;
            try (load) {
                Thread.sleep(loadMillis);
                killNanos = server.killJvm();
            }
            server.awaitExit(STOP_LIMIT);
            calls.addAll(load.calls());
            return new Round(number, pid, calls, killNanos, Duration.ofMillis(loadMillis), server.describe());
        }
    }

    private List<ToolCallers.Call> callsThatMustSucceed(int port, ServerProcess server) {
        McpHttpClient client = new McpHttpClient(port);
        List<ToolCallers.Call> calls = new ArrayList<>();
        for (int i = 0; i < callsAfterStart; i++) {
            calls.add(ToolCallers.call(client, tool, freshArguments()));
        }
        ToolCallers.assertNoneFailed(calls, server);
        return calls;
    }

    private Map<String, Object> freshArguments() {
        return Map.of("id", ids.incrementAndGet());
    }
}
