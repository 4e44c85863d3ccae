package io.mxcp.kernel.graal;

import java.util.Collection;
import java.util.List;

import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider;

/**
 * Registers {@link ThreadInterruptInstrument} with Truffle (found through {@code META-INF/services}); what Truffle's
 * annotation processor would generate from the registration, written out since the kernel does not run it.
 */
@TruffleInstrument.Registration(id = ThreadInterruptInstrument.ID, name = "MXCP thread interrupt",
        services = ThreadInterrupts.class)
public final class ThreadInterruptInstrumentProvider extends TruffleInstrumentProvider {

    @Override
    protected String getInstrumentClassName() {
        return ThreadInterruptInstrument.class.getName();
    }

    @Override
    protected Object create() {
        return new ThreadInterruptInstrument();
    }

    @Override
    protected Collection<String> getServicesClassNames() {
        return List.of(ThreadInterrupts.class.getName());
    }
}
