package io.mxcp.kernel.polyglot;

import org.graalvm.polyglot.Engine;

/**
 * Owns the one polyglot {@link Engine} of the process (HOTSWAP.md rule 1: Truffle's native parts are loaded once,
 * by the kernel's class loader). Bundles build their contexts on it and close only their contexts, never the
 * engine; sharing it lets contexts share parsed code and compiled methods.
 */
public interface PolyglotHost {

    /** The shared engine, started on the first call (a few seconds); later calls return the same engine. */
    Engine engine();

    /** Whether the engine compiles guest code with the optimizing runtime (false: it is interpreted). */
    boolean optimizing();

    /**
     * What stops the calling thread's guest code later, from any thread. The calling thread must have entered a
     * context of {@link #engine()} ({@code Context.enter()}); the interrupt stays bound to that context.
     *
     * @throws IllegalStateException when the calling thread has entered no context of the engine
     * @since 1.1
     */
    GuestThreadInterrupt interruptForCurrentThread();
}
