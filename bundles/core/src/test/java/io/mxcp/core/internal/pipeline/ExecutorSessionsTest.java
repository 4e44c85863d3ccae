package io.mxcp.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/** A replacement executor takes over only once its session is open, and the one it replaces serves until then. */
class ExecutorSessionsTest {

    private final ExecutorRegistry registry = new ExecutorRegistry();
    private final ExecutorSessions sessions = new ExecutorSessions(registry, null);

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void aNewExecutorWarmsUpWhileTheOldOneServesThenTheOldSessionCloses() throws Exception {
        GatedExecutor old = inUse(GatedExecutor.open("python"));

        GatedExecutor replacement = GatedExecutor.gated("python");
        registry.add(replacement);
        assertTrue(replacement.openStarted.await(5, TimeUnit.SECONDS), "the replacement starts opening at once");
        assertSame(old.session, sessionFor("python"), "calls stay on the old executor while the new one opens");

        replacement.gate.countDown();
        assertTrue(old.session.closed.await(5, TimeUnit.SECONDS), "the old session closes once the new one is open");
        assertSame(replacement.session, sessionFor("python"));
        assertEquals(1, replacement.opens.get());
    }

    @Test
    void removingTheOldExecutorWaitsForItsReplacementToOpen() throws Exception {
        GatedExecutor old = inUse(GatedExecutor.open("python"));
        GatedExecutor replacement = GatedExecutor.gated("python");
        registry.add(replacement);

        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> registry.remove(old));
        Thread.sleep(300);
        assertFalse(removal.isDone(), "the removal waits for the replacement's session");
        assertSame(old.session, sessionFor("python"), "the leaving executor serves while its removal waits");

        replacement.gate.countDown();
        removal.get(5, TimeUnit.SECONDS);
        assertTrue(old.session.closed.await(5, TimeUnit.SECONDS));
        assertSame(replacement.session, sessionFor("python"));
    }

    @Test
    void removalReturnsOnlyOnceTheCallsOnTheLeavingExecutorEnded() throws Exception {
        GatedExecutor old = inUse(GatedExecutor.open("python"));
        ExecutorSessions.Lease running = sessions.acquire("python");
        GatedExecutor replacement = GatedExecutor.open("python");
        registry.add(replacement);

        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> registry.remove(old));
        Thread.sleep(300);
        assertFalse(removal.isDone(), "the removal waits for the call still running on the old session");
        assertEquals(1, old.session.closed.getCount(), "the old session stays open while a call runs on it");
        assertSame(replacement.session, sessionFor("python"), "new calls go to the replacement meanwhile");

        running.close();
        removal.get(5, TimeUnit.SECONDS);
        assertEquals(0, old.session.closed.getCount(), "the old session was closed before the removal returned");
    }

    @Test
    void aReplacementThatCannotOpenLeavesTheOldOneServingAndFailsCallsOnceAlone() throws Exception {
        GatedExecutor old = inUse(GatedExecutor.open("python"));
        GatedExecutor broken = GatedExecutor.failing("python", "Failed to create RuntimeEnvironment: no interpreter");
        registry.add(broken);
        assertTrue(broken.openStarted.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertSame(old.session, sessionFor("python"));

        registry.remove(old);
        EndpointExecutionException error = assertThrows(EndpointExecutionException.class,
                () -> sessions.acquire("python").close());
        assertEquals("Failed to create RuntimeEnvironment: no interpreter", error.getMessage());
    }

    @Test
    void anExecutorForALanguageNotInUseIsOpenedOnlyByItsFirstCall() throws Exception {
        GatedExecutor sql = inUse(GatedExecutor.open("sql"));
        GatedExecutor python = GatedExecutor.open("python");
        registry.add(python);
        Thread.sleep(100);
        assertEquals(0, python.opens.get(), "no session is opened ahead for a language no call used yet");
        assertSame(python.session, sessionFor("python"));
        assertEquals(1, sql.session.closed.getCount(), "another language's session is left alone");
    }

    /** Installs the executor and makes a call of its language, so its session is open. */
    private GatedExecutor inUse(GatedExecutor executor) throws Exception {
        registry.add(executor);
        assertSame(executor.session, sessionFor(executor.language));
        return executor;
    }

    private ExecutorSession sessionFor(String language) throws Exception {
        try (ExecutorSessions.Lease lease = sessions.acquire(language)) {
            return lease.session();
        }
    }

    /** An executor whose session opening waits for a gate, or fails. */
    private static final class GatedExecutor implements EndpointExecutor {
        final String language;
        final CountDownLatch gate;
        final String failure;
        final CountDownLatch openStarted = new CountDownLatch(1);
        final AtomicInteger opens = new AtomicInteger();
        final RecordingSession session = new RecordingSession();

        private GatedExecutor(String language, CountDownLatch gate, String failure) {
            this.language = language;
            this.gate = gate;
            this.failure = failure;
        }

        static GatedExecutor open(String language) {
            return new GatedExecutor(language, new CountDownLatch(0), null);
        }

        static GatedExecutor gated(String language) {
            return new GatedExecutor(language, new CountDownLatch(1), null);
        }

        static GatedExecutor failing(String language, String failure) {
            return new GatedExecutor(language, new CountDownLatch(0), failure);
        }

        @Override
        public String language() {
            return language;
        }

        @Override
        public ExecutorSession open(ProjectRuntime project) throws EndpointExecutionException {
            openStarted.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw new EndpointExecutionException(failure);
            }
            opens.incrementAndGet();
            return session;
        }
    }

    private static final class RecordingSession implements ExecutorSession {
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public Object execute(EndpointSource source, Map<String, Object> arguments, ExecutionContext context) {
            return null;
        }

        @Override
        public Optional<String> validate(EndpointSource source, Set<String> declaredParameters) {
            return Optional.empty();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
