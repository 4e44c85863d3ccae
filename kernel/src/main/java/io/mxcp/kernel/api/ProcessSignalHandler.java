package io.mxcp.kernel.api;

/**
 * Whiteboard service: the kernel catches the process signals below and calls every registered handler, on a
 * kernel thread, in no particular order. A running command that wants to react (a server draining on
 * {@link ProcessSignal#TERMINATE}, reloading on {@link ProcessSignal#HANGUP}) registers one for as long as it
 * runs, and takes the signals it reacts to. A TERMINATE or INTERRUPT that no handler takes stops the framework
 * and ends the process; a HANGUP that none takes is offered to the next handler registered (a server reloads for
 * a SIGHUP sent while it started), and dropped when a later HANGUP is taken.
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

    /**
     * Reacts to a signal; must return promptly (start long work on another thread).
     *
     * @return whether this handler took the signal (false for signals it does not react to)
     */
    boolean handle(ProcessSignal signal);
}
