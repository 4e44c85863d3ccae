package io.mxcp.kernel.launch;

import java.util.function.Consumer;

import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import sun.misc.Signal;

/**
 * Takes SIGTERM, SIGINT and SIGHUP over from the JVM. Without this, SIGTERM and SIGINT start the JVM's shutdown
 * hooks at once, and GraalVM's own hook then closes the polyglot engine while the bundles that use it are still
 * stopping; with it, the kernel decides when the process ends and every hook runs after the framework stopped.
 */
final class PosixSignals {

    private static final System.Logger LOG = System.getLogger(PosixSignals.class.getName());

    private PosixSignals() {
    }

    /** Sends each of the three signals to {@code receiver}, on a thread the JVM starts for each signal. */
    static void install(Consumer<ProcessSignal> receiver) {
        install("TERM", ProcessSignal.TERMINATE, receiver);
        install("INT", ProcessSignal.INTERRUPT, receiver);
        install("HUP", ProcessSignal.HANGUP, receiver);
    }

    private static void install(String name, ProcessSignal signal, Consumer<ProcessSignal> receiver) {
        try {
            Signal.handle(new Signal(name), caught -> receiver.accept(signal));
        } catch (IllegalArgumentException unavailable) {
            // the OS has no such signal, or the JVM keeps it (-Xrs): the JVM's default behaviour stays
            LOG.log(System.Logger.Level.DEBUG, "SIG" + name + " is not handled: " + unavailable.getMessage());
        }
    }
}
