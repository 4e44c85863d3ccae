package io.mxcp.mcp.internal.http;

import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps a planned stop's log free of XNIO's accept race: while Undertow stops, connections that clients keep opening
 * meet a listening channel being closed and I/O threads ending, and XNIO logs each such accept as an ERROR with its
 * stack ({@code XNIO001009 Failed to accept a connection}: ClosedChannelException, {@code XNIO000011 Task … failed}:
 * RejectedExecutionException). Those two failures are left out of XNIO's loggers for the length of the stop; any
 * other record passes. The filters are removed afterwards, only where they still are these (HOTSWAP rule 2: nothing
 * of a stopped bundle stays in the JVM-wide logging).
 */
final class AcceptRaceAtStop implements AutoCloseable {
    static final List<String> LOGGERS = List.of("org.xnio.nio", "org.xnio.listener");

    private record Held(Logger logger, Filter before, Filter installed) {
    }

    private final List<Held> held;

    private AcceptRaceAtStop(List<Held> held) {
        this.held = held;
    }

    /** Filters XNIO's loggers until closed. */
    static AcceptRaceAtStop hold() {
        return new AcceptRaceAtStop(LOGGERS.stream().map(Logger::getLogger).map(logger -> {
            Filter before = logger.getFilter();
            Filter installed = record -> !acceptRace(record) && (before == null || before.isLoggable(record));
            logger.setFilter(installed);
            return new Held(logger, before, installed);
        }).toList());
    }

    static boolean acceptRace(LogRecord record) {
        Throwable thrown = record.getThrown();
        return thrown instanceof ClosedChannelException || thrown instanceof RejectedExecutionException;
    }

    @Override
    public void close() {
        for (Held one : held) {
            if (one.logger().getFilter() == one.installed()) {
                one.logger().setFilter(one.before());
            }
        }
    }
}
