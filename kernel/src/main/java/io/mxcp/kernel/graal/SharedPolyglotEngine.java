package io.mxcp.kernel.graal;

import org.graalvm.polyglot.Engine;
import org.osgi.framework.BundleContext;

import io.mxcp.kernel.polyglot.GuestThreadInterrupt;
import io.mxcp.kernel.polyglot.PolyglotHost;

/**
 * The kernel's polyglot engine, built on first use and closed with the kernel. Without JVMCI (a plain Temurin
 * started without the Graal compiler) Truffle runs guest code interpreted and would warn about it on every
 * start: the warning is switched off and {@link #optimizing()} reports the mode instead.
 */
public final class SharedPolyglotEngine implements PolyglotHost, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SharedPolyglotEngine.class.getName());

    private Engine engine;
    /** Read by every cancellable call: looked up once, then read without the lock. */
    private volatile ThreadInterrupts interrupts;

    private SharedPolyglotEngine() {
    }

    /**
     * Registers the host service when the polyglot jars are on the kernel's class path; returns what closes the
     * engine with the kernel, or null when there is no polyglot runtime (the plain distribution).
     */
    public static AutoCloseable registerIfPresent(BundleContext context) {
        try {
            Class.forName("org.graalvm.polyglot.Engine", false, SharedPolyglotEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        SharedPolyglotEngine host = new SharedPolyglotEngine();
        context.registerService(PolyglotHost.class, host, null);
        return host;
    }

    @Override
    public synchronized Engine engine() {
        if (engine == null) {
            long start = System.nanoTime();
            engine = Engine.newBuilder()
                    .option("engine.WarnInterpreterOnly", "false")
                    .build();
            LOG.log(System.Logger.Level.DEBUG, () -> "Polyglot engine " + engine.getImplementationName() + " started in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return engine;
    }

    @Override
    public boolean optimizing() {
        return !"Interpreted".equals(engine().getImplementationName());
    }

    @Override
    public GuestThreadInterrupt interruptForCurrentThread() {
        ThreadInterrupts current = interrupts;
        return (current != null ? current : lookUpInterrupts()).forCurrentThread();
    }

    private synchronized ThreadInterrupts lookUpInterrupts() {
        if (interrupts == null) {
            interrupts = engine().getInstruments().get(ThreadInterruptInstrument.ID).lookup(ThreadInterrupts.class);
        }
        return interrupts;
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close(true);
            engine = null;
            interrupts = null;
        }
    }
}
