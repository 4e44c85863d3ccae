package io.mxcp.kernel.graal;

import io.mxcp.kernel.polyglot.GuestThreadInterrupt;

/** The service of {@link ThreadInterruptInstrument}, as the embedder looks it up. */
interface ThreadInterrupts {

    /** For the calling thread, which has entered a context of the engine. */
    GuestThreadInterrupt forCurrentThread();
}
