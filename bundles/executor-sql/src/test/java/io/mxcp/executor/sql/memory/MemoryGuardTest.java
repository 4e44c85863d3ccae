package io.mxcp.executor.sql.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {

    private static final long MIB = 1024 * 1024;
    private static final long BOUND = 8192 * MIB; // floor: 5 % = 409.6 MiB

    /** Each look takes the next reading; the last one stays. */
    private final LinkedBlockingQueue<MemoryReading> readings = new LinkedBlockingQueue<>();
    private volatile MemoryReading last;
    private final AtomicInteger looks = new AtomicInteger();
    private final MemoryGuard guard = MemoryGuard.of(() -> {
        looks.incrementAndGet();
        MemoryReading next = readings.poll();
        if (next != null) {
            last = next;
        }
        return Optional.ofNullable(last);
    }, Duration.ofMillis(5));
    private final List<String> stopped = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        guard.close();
    }

    private static MemoryReading reading(long availableMib, long residentMib) {
        return new MemoryReading(availableMib * MIB, BOUND, "the test's bound", residentMib * MIB);
    }

    /**
     * Until every queued reading was taken and judged: a look judges what it read before the next look reads, so two
     * more reads mean the last reading's judgement is over (a fixed pause was too short on a loaded machine).
     */
    private void awaitLooks() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!readings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int taken = looks.get();
        while (looks.get() < taken + 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aQueryDuringWhichTheServerGrewIntoTheFloorIsStoppedOnceWithTheFigures() throws Exception {
        readings.add(reading(6000, 500));
        try (MemoryGuard.Watch watch = guard.watch(stopped::add, () -> 0)) {
            awaitLooks();
            readings.add(reading(3000, 3500));
            awaitLooks();
            assertEquals(List.of(), stopped, "memory left above the floor");
            readings.add(reading(300, 6200));
            awaitLooks();
        }
        assertEquals(1, stopped.size(), stopped.toString());
        assertEquals("the query was stopped because memory was running out while it ran: 300 MiB left of the "
                + "test's bound (8,192 MiB), and this process grew by 5,700 MiB outside DuckDB's memory_limit "
                + "since the query started. DuckDB makes a query's whole result in memory: narrow it with WHERE, "
                + "LIMIT or aggregates", stopped.get(0));
    }

    @Test
    void growthHeldByDuckDbsBufferManagerIsLeftToItsMemoryLimit() throws Exception {
        List<Long> managedMib = new CopyOnWriteArrayList<>(List.of(5800L));
        readings.add(reading(6000, 500));
        try (MemoryGuard.Watch watch = guard.watch(stopped::add, () -> managedMib.get(0) * MIB)) {
            awaitLooks();
            readings.add(reading(300, 6200));
            awaitLooks();
            assertEquals(List.of(), stopped, "a sort spilling as its memory_limit says");
            managedMib.set(0, 4000L);
            awaitLooks();
        }
        assertEquals(1, stopped.size(), stopped.toString());
        assertTrue(stopped.get(0).contains("this process grew by 1,700 MiB outside DuckDB's memory_limit"),
                stopped.get(0));
    }

    @Test
    void aQueryStartedAfterTheGrowthIsLeftAlone() throws Exception {
        readings.add(reading(300, 6200));
        try (MemoryGuard.Watch watch = guard.watch(stopped::add, () -> 0)) {
            readings.add(reading(250, 6300));
            awaitLooks();
        }
        assertEquals(List.of(), stopped);
    }

    @Test
    void aClosedWatchIsNoLongerJudged() throws Exception {
        readings.add(reading(6000, 500));
        MemoryGuard.Watch closed = guard.watch(reason -> stopped.add("closed"), () -> 0);
        awaitLooks();
        closed.close();
        try (MemoryGuard.Watch open = guard.watch(reason -> stopped.add("open"), () -> 0)) {
            awaitLooks();
            readings.add(reading(100, 7000));
            awaitLooks();
        }
        assertEquals(List.of("open"), stopped);
    }
}
