package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ReloadGateTest {

    @Test
    void countsTheCallsInsideAndNotThoseHeldBack() throws Exception {
        ReloadGate gate = new ReloadGate(5, TimeUnit.SECONDS);
        assertEquals(0, gate.inside());
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        assertEquals(2, gate.inside());
        gate.leave();
        assertEquals(1, gate.inside());
        CompletableFuture<Integer> draining = CompletableFuture.supplyAsync(() -> gate.close(5, TimeUnit.SECONDS));
        CompletableFuture<Boolean> heldBack = CompletableFuture.supplyAsync(gate::enter);
        Thread.sleep(100);
        assertEquals(1, gate.inside(), "a call waiting for the reload is not running");
        gate.leave();
        assertEquals(0, draining.get(5, TimeUnit.SECONDS));
        gate.open();
        assertTrue(heldBack.get(5, TimeUnit.SECONDS));
        assertEquals(1, gate.inside());
        gate.leave();
    }

    @Test
    void closingWaitsForTheCallsInsideAndReportsThoseStillRunningAtTheLimit() throws Exception {
        ReloadGate gate = new ReloadGate(5, TimeUnit.SECONDS);
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        assertEquals(2, gate.close(50, TimeUnit.MILLISECONDS), "the drain is bounded");
        gate.leave();
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> gate.close(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertFalse(drained.isDone(), "one call is still inside");
        gate.leave();
        assertEquals(0, drained.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aCallArrivingWhileClosedGoesInWhenTheGateOpensOrGivesUpAtItsLimit() throws Exception {
        ReloadGate gate = new ReloadGate(2, TimeUnit.SECONDS);
        assertEquals(0, gate.close(1, TimeUnit.SECONDS));
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(gate::enter);
        Thread.sleep(100);
        assertFalse(waiting.isDone());
        gate.open();
        assertTrue(waiting.get(5, TimeUnit.SECONDS));
        gate.leave();

        AtomicBoolean cancelled = new AtomicBoolean();
        ReloadGate held = new ReloadGate(1, TimeUnit.MINUTES);
        held.close(1, TimeUnit.SECONDS);
        CompletableFuture<Boolean> withdrawn = CompletableFuture.supplyAsync(() -> held.enter(cancelled::get));
        cancelled.set(true);
        assertFalse(withdrawn.get(5, TimeUnit.SECONDS), "a call cancelled while it waits gives up, the gate still closed");
        assertEquals(0, held.inside());

        ReloadGate impatient = new ReloadGate(100, TimeUnit.MILLISECONDS);
        impatient.close(1, TimeUnit.SECONDS);
        long start = System.nanoTime();
        assertFalse(impatient.enter());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
    }
}
