package io.mxcp.kernel.api;

/**
 * Whiteboard service: the kernel catches the process signals below and calls every registered handler, on a
 * kernel thread, in no particular order. A running command that wants to react (a server draining on
 * {@link ProcessSignal#TERMINATE}, reloading on {@link ProcessSignal#HANGUP}) registers one for as long as it
 * runs. Without any handler, TERMINATE and INTERRUPT stop the framework and end the process, HANGUP is ignored.
 */
@FunctionalInterface
public interface ProcessSignalHandler {

    /** The signals the kernel forwards. */
    enum ProcessSignal {
        /** SIGHUP: reload configuration. */
        HANGUP,
        /** SIGINT (Ctrl-C): stop, as TERMINATE. */
        INTERRUPT,
        /** SIGTERM: drain in-flight work and stop. */
        TERMINATE
    }

    /** Reacts to a signal; must return promptly (start long work on another thread). */
    void handle(ProcessSignal signal);
}
