package io.mxcp.kernel.launch;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Takes SIGTERM, SIGINT and SIGHUP over from the JVM. Without this, SIGTERM and SIGINT start the JVM's shutdown
 * hooks at once, and GraalVM's own hook then closes the polyglot engine while the bundles that use it are still
 * stopping; with it, the kernel decides when the process ends and every hook runs after the framework stopped.
 */
final class PosixSignals {

    private static final System.Logger LOG = System.getLogger(PosixSignals.class.getName());

    private PosixSignals() {
    }

    /**
     * Sends each of the three signals to {@code receiver}, on a thread the JVM starts for each signal.
     *
     * @return the signals the process was started with ignored: the JVM leaves those ignored (POSIX lets a
     *         non-interactive program inherit that), so they never arrive
     */
    static Set<ProcessSignal> install(Consumer<ProcessSignal> receiver) {
        Set<ProcessSignal> ignored = EnumSet.noneOf(ProcessSignal.class);
        install("TERM", ProcessSignal.TERMINATE, receiver, ignored);
        install("INT", ProcessSignal.INTERRUPT, receiver, ignored);
        install("HUP", ProcessSignal.HANGUP, receiver, ignored);
        return Set.copyOf(ignored);
    }

    private static void install(String name, ProcessSignal signal, Consumer<ProcessSignal> receiver,
            Set<ProcessSignal> ignored) {
        try {
            if (Signal.handle(new Signal(name), caught -> receiver.accept(signal)) == SignalHandler.SIG_IGN) {
                ignored.add(signal);
                LOG.log(System.Logger.Level.DEBUG, "SIG" + name + " was ignored when the process started: it stays so");
            }
        } catch (IllegalArgumentException unavailable) {
            // the OS has no such signal, or the JVM keeps it (-Xrs): the JVM's default behaviour stays
            LOG.log(System.Logger.Level.DEBUG, "SIG" + name + " is not handled: " + unavailable.getMessage());
        }
    }
}
