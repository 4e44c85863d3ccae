package io.mxcp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.mcp.api.ProjectSwap;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.exec.ReloadPayload;

class ProjectReloaderTest {

    @TempDir
    Path root;

    /** Serves whatever its reloads' swaps return, and counts them. */
    static final class SwappingServer implements RunningServer {
        Project served;
        int reloads;
        volatile int activeRequests;

        SwappingServer(Project served) {
            this.served = served;
        }

        @Override
        public void reload(ProjectSwap swap) throws Exception {
            reloads++;
            served = swap.swap(served);
        }

        @Override
        public int activeRequests() {
            return activeRequests;
        }

        @Override
        public int port() {
            return -1;
        }

        @Override
        public void awaitTermination() {
        }

        @Override
        public void close() {
        }
    }

    private FakeProject old;
    private SwappingServer server;

    private ProjectReloader reloader(ProjectReloader.ConfigReader config) {
        old = new FakeProject(root).withTool("old_tool", "tools/old.yml");
        ProjectReloader reloader = new ProjectReloader(config);
        server = new SwappingServer(new ServedProject(old, Set.of(), reloader));
        reloader.serve(server, server.served);
        return reloader;
    }

    /** A payload that records what it saw and when it was released. */
    static final class RecordingPayload implements ReloadPayload {
        final List<String> events = new ArrayList<>();
        final FakeProject before;
        final FakeProject after;
        final Exception failure;
        final CountDownLatch released = new CountDownLatch(1);

        RecordingPayload(FakeProject before, FakeProject after, Exception failure) {
            this.before = before;
            this.after = after;
            this.failure = failure;
        }

        @Override
        public void run() throws Exception {
            events.add("run: old closed " + before.closed + ", new started " + (after.runtimeInitializations > 0));
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void release() {
            events.add("released");
            released.countDown();
        }

        /** Waits for the reload to be done with the payload: it is released last. */
        void awaitRelease() throws InterruptedException {
            assertTrue(released.await(10, TimeUnit.SECONDS), "the payload was released");
        }
    }


    private static boolean reload(ProjectReloader reloader) throws Exception {
        return reloader.request().get(10, TimeUnit.SECONDS);
    }

    private static List<String> served(Project project) {
        List<String> names = new ArrayList<>();
        project.endpoints().stream().map(DiscoveredEndpoint::identifier).forEach(names::add);
        return names;
    }

    @Test
    void statusReportsTheCallsTheServerCountsRunningAndNoneBeforeServing() {
        assertEquals(0, new ProjectReloader(() -> old).status().activeRequests());
        ProjectReloader reloader = reloader(() -> old);
        server.activeRequests = 3;
        assertEquals(3, reloader.status().activeRequests());
        server.activeRequests = 0;
        assertEquals(0, reloader.status().activeRequests());
    }

    @Test
    void theOldRuntimeIsShutDownBeforeTheNewOneStartsAndTheNewEndpointsAreServed() throws Exception {
        FakeProject next = new FakeProject(root).withTool("new_tool", "tools/new.yml");
        ProjectReloader reloader = reloader(() -> {
            assertFalse(old.closed, "the files are read while the old configuration still serves");
            return next;
        });
        assertTrue(reload(reloader));
        assertTrue(old.closed);
        assertEquals(1, next.runtimeInitializations);
        assertEquals(List.of("new_tool"), served(server.served));
        assertSame(server.served, reloader.served());
        ReloadStatus status = reloader.status();
        assertFalse(status.inProgress());
        assertTrue(status.last().succeeded());
        assertEquals(null, status.last().error());
        assertEquals(List.of(true), next.reloadsEnded, "the project now serving counts the reload");

        reloader.close();
        assertTrue(next.closed, "closing closes the project served last");
    }

    @Test
    void aConfigThatCannotBeReadLeavesTheServerUntouched() throws Exception {
        ProjectReloader reloader = reloader(() -> {
            throw new ProjectException("Error in /p/mxcp-site.yml: mapping values are not allowed here");
        });
        assertEquals(null, reloader.status().last(), "no reload has ended yet");
        assertFalse(reload(reloader));
        assertEquals("Error in /p/mxcp-site.yml: mapping values are not allowed here", reloader.status().last().error());
        assertFalse(reloader.status().last().succeeded());
        assertEquals(0, server.reloads, "no drain, no runtime restart");
        assertFalse(old.closed);
        assertEquals(List.of("old_tool"), served(server.served));
        assertEquals(List.of(false), old.reloadsEnded);
    }

    @Test
    void aNewRuntimeThatCannotStartGivesWayToThePreviousConfiguration() throws Exception {
        FakeProject next = new FakeProject(root).withTool("new_tool", "tools/new.yml");
        next.runtimeFailure = new ProjectException("Cannot open DuckDB at /nowhere/db.duckdb");
        ProjectReloader reloader = reloader(() -> next);
        assertFalse(reload(reloader));
        assertTrue(next.closed);
        assertTrue(old.closed);
        assertEquals(1, old.reopened.runtimeInitializations, "the previous configuration runs again");
        assertEquals(List.of(false), old.reopened.reloadsEnded, "counted as failed by what serves now");
        assertEquals(List.of(), next.reloadsEnded);
        assertEquals(List.of(), served(server.served), "the reopened project serves (its files as on disk now)");
        server.served.close();
        assertTrue(old.reopened.closed, "what serves is the reopened previous configuration");
    }

    @Test
    void invalidEndpointFilesAreSkipped() throws Exception {
        FakeProject next = new FakeProject(root).withTool("good", "tools/good.yml").withTool("bad", "tools/bad.yml")
                .invalid("tools/bad.yml", "Missing required field: source");
        ProjectReloader reloader = reloader(() -> next);
        assertTrue(reload(reloader));
        assertEquals(List.of("good"), served(server.served));
        List<ValidationResult> skipped = reloader.status().last().skipped();
        assertEquals(List.of("tools/bad.yml: Missing required field: source"), skipped.stream()
                .map(result -> result.relativePath() + ": " + result.message()).toList(), "what /status reports");
    }

    @Test
    void aBurstOfReloadsWhileOneRunsMakesOneMoreNotOnePerSignal() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        List<String> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProjectReloader reloader = reloader(() -> {
            reads.add("read");
            reading.countDown();
            assertTrue(goOn.await(10, TimeUnit.SECONDS));
            return new FakeProject(root);
        });
        var first = reloader.request();
        assertTrue(reading.await(10, TimeUnit.SECONDS), "the first reload is under way");
        List<java.util.concurrent.Future<Boolean>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reloader.handle(ProcessSignal.HANGUP);
            burst.add(reloader.request());
        }
        goOn.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        for (var joined : burst) {
            assertTrue(joined.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("read", "read"), reads, "the burst joined one reload queued behind the running one");
        assertTrue(reload(reloader), "a request after the burst reloads again");
        assertEquals(3, reads.size());
    }

    @Test
    void onlyHangupReloadsAndNothingReloadsOnceClosed() throws Exception {
        List<String> reads = new ArrayList<>();
        ProjectReloader reloader = reloader(() -> {
            reads.add("read");
            return new FakeProject(root);
        });
        reloader.handle(ProcessSignal.TERMINATE);
        reloader.handle(ProcessSignal.INTERRUPT);
        reloader.handle(ProcessSignal.HANGUP);
        reloader.close();
        assertEquals(List.of("read"), reads, "the queued reload ran before close returned");
        assertFalse(reload(reloader));
        assertEquals(1, server.reloads);
    }

    @Test
    void anEndpointsPayloadRunsBetweenTheOldRuntimesShutdownAndTheNewOnesStart() throws Exception {
        FakeProject next = new FakeProject(root).withTool("new_tool", "tools/new.yml");
        ProjectReloader reloader = reloader(() -> next);
        RecordingPayload payload = new RecordingPayload(old, next, null);
        reloader.request("replace the database", payload);
        payload.awaitRelease();
        assertEquals(List.of("run: old closed true, new started false", "released"), payload.events);
        assertEquals(List.of("new_tool"), served(server.served));
        assertEquals(1, server.reloads);
    }

    @Test
    void aFailingPayloadGivesWayToThePreviousConfiguration() throws Exception {
        FakeProject next = new FakeProject(root).withTool("new_tool", "tools/new.yml");
        ProjectReloader reloader = reloader(() -> next);
        RecordingPayload payload = new RecordingPayload(old, next, new IllegalStateException("copy failed"));
        reloader.request("", payload);
        payload.awaitRelease();
        assertEquals(List.of("run: old closed true, new started false", "released"), payload.events);
        assertEquals(0, next.runtimeInitializations, "the new configuration never starts");
        assertTrue(next.closed);
        assertEquals(1, old.reopened.runtimeInitializations, "the previous configuration runs again");
        server.served.close();
        assertTrue(old.reopened.closed, "what serves is the reopened previous configuration");
    }

    @Test
    void aPayloadIsReleasedUnrunWhenTheConfigCannotBeRead() throws Exception {
        ProjectReloader reloader = reloader(() -> {
            throw new ProjectException("Error in /p/mxcp-site.yml: mapping values are not allowed here");
        });
        RecordingPayload payload = new RecordingPayload(old, old, null);
        reloader.request("", payload);
        payload.awaitRelease();
        assertEquals(List.of("released"), payload.events);
        assertFalse(old.closed);
    }

    @Test
    void payloadsAskedBeforeServingOrAfterClosingAreReleasedUnrun() {
        ProjectReloader idle = new ProjectReloader(() -> {
            throw new AssertionError("nothing is read before the server runs");
        });
        RecordingPayload early = new RecordingPayload(old, old, null);
        idle.request("", early);
        assertEquals(List.of("released"), early.events);

        ProjectReloader reloader = reloader(() -> new FakeProject(root));
        reloader.close();
        RecordingPayload late = new RecordingPayload(old, old, null);
        reloader.request("", late);
        assertEquals(List.of("released"), late.events);
        assertEquals(0, server.reloads);
    }

    @Test
    void endpointCallsOfTheServedProjectCarryTheReload() throws Exception {
        ProjectReloader reloader = reloader(() -> new FakeProject(root));
        server.served.execute(EndpointKind.TOOL, "old_tool", Map.of(),
                new CallOptions(null, Map.of(), CancellationSignal.never(),
                        false));
        assertSame(reloader, old.calledOptions.serverReload());

        FakeProject next = new FakeProject(root).withTool("new_tool", "tools/new.yml");
        ProjectReloader second = reloader(() -> next);
        assertTrue(reload(second));
        server.served.execute(EndpointKind.TOOL, "new_tool", Map.of(),
                new CallOptions(null, Map.of(), CancellationSignal.never(),
                        false));
        assertSame(second, next.calledOptions.serverReload(), "the reloaded project carries it too");
    }
}
