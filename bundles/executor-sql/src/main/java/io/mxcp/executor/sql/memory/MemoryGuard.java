package io.mxcp.executor.sql.memory;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Stops a running query before its result takes the server's last memory. DuckDB makes a query's whole result in
 * native memory, outside the Java heap and outside its own {@code memory_limit}, so a {@code SELECT * FROM
 * range(100000000000)} would otherwise grow the process until the kernel's OOM killer ends the server with every
 * call in flight. Each look finds how much memory is left under the tightest bound (the machine's, or a container's
 * cgroup limit); when that falls below a floor, every query that has been running while the process grew by at
 * least that floor, besides the memory DuckDB's buffer manager holds (sorts, joins and aggregates, which its
 * {@code memory_limit} bounds and which spill to disk), is stopped ({@link java.sql.Statement#cancel()}) with a
 * reason its caller is given. A query started after the growth is left alone: it did not cause it.
 */
public final class MemoryGuard implements AutoCloseable {

    /** How often memory is looked at while a query runs: results grow by at most a few hundred MiB in between. */
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final long MIB = 1024 * 1024;
    /** The least memory kept free, and the least growth a stopped query must have seen. */
    private static final long FLOOR_MINIMUM = 256 * MIB;
    /** Otherwise this share of the bound: 1/20, 5 %. */
    private static final int FLOOR_DIVISOR = 20;

    private final MemoryGauge gauge;
    private final Duration interval;
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    /** Made with the first watch, so that a command that runs no query has no thread for it. */
    private volatile ScheduledExecutorService looks;
    private boolean closed;

    private MemoryGuard(MemoryGauge gauge, Duration interval) {
        this.gauge = gauge;
        this.interval = interval;
    }

    /** A guard reading this machine's memory; one that never stops a query where memory cannot be read. */
    public static MemoryGuard ofThisMachine() {
        return of(LinuxMemoryGauge.ofThisMachine().orElse(Optional::empty), INTERVAL);
    }

    /** A guard looking at {@code gauge} every {@code interval} while a query runs. */
    public static MemoryGuard of(MemoryGauge gauge, Duration interval) {
        return new MemoryGuard(gauge, interval);
    }

    /**
     * Watches a query from now until the returned watch is closed.
     *
     * @param stop         stops the query, given why (called at most once, from the guard's thread)
     * @param managedBytes the memory the buffer manager of the query's database holds; asked only when memory runs
     *                     low
     */
    public Watch watch(Consumer<String> stop, LongSupplier managedBytes) {
        Watch watch = new Watch(stop, managedBytes);
        running.add(watch);
        if (looks == null) {
            startLooking();
        }
        return watch;
    }

    private synchronized void startLooking() {
        if (looks != null || closed) {
            return;
        }
        looks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mxcp-sql-memory-guard");
            thread.setDaemon(true);
            return thread;
        });
        looks.scheduleWithFixedDelay(this::look, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void look() {
        if (running.isEmpty()) {
            return;
        }
        Optional<MemoryReading> reading = gauge.read();
        if (reading.isEmpty()) {
            return;
        }
        MemoryReading memory = reading.get();
        long floor = Math.max(FLOOR_MINIMUM, memory.boundBytes() / FLOOR_DIVISOR);
        for (Watch watch : running) {
            watch.judge(memory, floor);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (looks != null) {
            looks.shutdownNow();
        }
    }

    /** One query under watch. */
    public final class Watch implements AutoCloseable {

        private final Consumer<String> stop;
        private final LongSupplier managedBytes;
        /** The process's resident size at the guard's first look after the query started; only the guard's thread. */
        private long residentAtStart = -1;
        private boolean stopped;

        private Watch(Consumer<String> stop, LongSupplier managedBytes) {
            this.stop = stop;
            this.managedBytes = managedBytes;
        }

        private void judge(MemoryReading memory, long floor) {
            if (residentAtStart < 0) {
                residentAtStart = memory.residentBytes();
                return;
            }
            long growth = memory.residentBytes() - residentAtStart;
            if (stopped || memory.availableBytes() >= floor || growth < floor) {
                return;
            }
            // at most what the buffer manager gained meanwhile, so this growth is at least what it did not
            growth -= managedBytes.getAsLong();
            if (growth < floor) {
                return;
            }
            stopped = true;
            String reason = String.format(Locale.ROOT, "the query was stopped because memory was running out while it "
                    + "ran: %,d MiB left of %s (%,d MiB), and this process grew by %,d MiB outside DuckDB's "
                    + "memory_limit since the query started. DuckDB makes a query's whole result in memory: narrow it "
                    + "with WHERE, LIMIT or aggregates",
                    memory.availableBytes() / MIB, memory.bound(), memory.boundBytes() / MIB, growth / MIB);
            System.getLogger(MemoryGuard.class.getName()).log(System.Logger.Level.WARNING, "Stopping a SQL query: "
                    + reason);
            stop.accept(reason);
        }

        @Override
        public void close() {
            running.remove(this);
        }
    }
}
