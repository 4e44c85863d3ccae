package io.mxcp.executor.sql.runtime;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.kernel.api.DuckDbDatabase;

/**
 * Connections to one database, opened on demand up to a limit (opening all of them up front would slow
 * every CLI command), each initialised once. A checkout waits while all are busy.
 */
public final class ConnectionPool {
    private static final long ABANDON_CHECK_MILLIS = 100;

    /** How long {@link #close} waits for connections still in use. */
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final DuckDbDatabase database;
    private final ConnectionInitializer initializer;
    private final int capacity;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<PooledConnection> idle = new ArrayDeque<>();
    private final List<PooledConnection> all = new ArrayList<>();
    private int opening;
    private boolean closed;

    ConnectionPool(DuckDbDatabase database, ConnectionInitializer initializer, int capacity) {
        this.database = database;
        this.initializer = initializer;
        this.capacity = capacity;
    }

    /** {@code max(10, 2 x CPUs)} as in the reference. */
    static int defaultCapacity() {
        return Math.max(10, 2 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * Takes an idle connection, opens a new one if the pool is below capacity, or waits for one.
     *
     * @throws PoolClosedException   when the pool is shutting down
     * @throws InterruptedException  when the waiting thread is interrupted
     */
    public PooledConnection checkout() throws SQLException, InterruptedException {
        return checkout(() -> false);
    }

    /**
     * As {@link #checkout()}, for a caller that may give up while it waits (a cancelled call behind long queries
     * that hold every connection): asked every {@value #ABANDON_CHECK_MILLIS} ms of waiting.
     *
     * @return the connection, or null when the caller gave up
     */
    public PooledConnection checkout(BooleanSupplier abandoned) throws SQLException, InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (closed) {
                    throw new PoolClosedException();
                }
                PooledConnection connection = idle.pollFirst();
                if (connection != null) {
                    return connection;
                }
                if (all.size() + opening < capacity) {
                    opening++;
                    break;
                }
                changed.await(ABANDON_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (abandoned.getAsBoolean()) {
                    return null;
                }
            }
        } finally {
            lock.unlock();
        }
        return open();
    }

    private PooledConnection open() throws SQLException {
        PooledConnection connection = null;
        try {
            ConnectionValues values = database.connectionValues();
            connection = new PooledConnection(database.connect(), values);
            initializer.initialize(connection.connection(), values);
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            lock.lock();
            try {
                opening--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        lock.lock();
        try {
            opening--;
            all.add(connection);
            return connection;
        } finally {
            lock.unlock();
        }
    }

    /** Takes a connection back; the caller's values are forgotten, so an idle connection holds no one's. */
    public void release(PooledConnection connection) {
        connection.forgetCaller();
        lock.lock();
        try {
            if (closed) {
                all.remove(connection);
                connection.close();
            } else {
                idle.addFirst(connection);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes a connection instead of taking it back: it ran SQL a caller wrote, which may have changed it (a TEMP
     * MACRO named like a caller function, a setting) or read its key to the caller values; the next checkout opens
     * a fresh one.
     */
    public void retire(PooledConnection connection) {
        lock.lock();
        try {
            all.remove(connection);
            connection.close();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses new checkouts, waits up to five seconds for connections in use, and closes them. A connection
     * returned later is closed on release.
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            long remaining = CLOSE_WAIT_NANOS;
            while ((idle.size() < all.size() || opening > 0) && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            for (PooledConnection connection : idle) {
                connection.close();
                all.remove(connection);
            }
            idle.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Checkout refused: the session is closing ({@code DuckDB runtime is shutting down}). */
    public static final class PoolClosedException extends SQLException {
        private static final long serialVersionUID = 1L;

        PoolClosedException() {
            super("DuckDB runtime is shutting down");
        }
    }
}
