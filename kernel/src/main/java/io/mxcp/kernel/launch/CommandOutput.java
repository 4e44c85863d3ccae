package io.mxcp.kernel.launch;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A command's standard output or error, which the kernel can silence: once a signal no command took stops the
 * framework under a command still starting, what the command prints next is the stop seen from inside (a bundle
 * gone, a wiring no longer valid), not an error of its own. The log, written to the streams directly, goes on.
 */
final class CommandOutput extends PrintStream {

    private final Gate gate;

    private CommandOutput(Gate gate, PrintStream target) {
        super(gate, false, target.charset());
        this.gate = gate;
    }

    /** Writes through to {@code target}, in its charset, flushed when the command flushes. */
    static CommandOutput of(PrintStream target) {
        return new CommandOutput(new Gate(target), target);
    }

    void silence() {
        flush();
        gate.silenced = true;
    }

    private static final class Gate extends FilterOutputStream {
        private volatile boolean silenced;

        Gate(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            if (!silenced) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!silenced) {
                out.write(bytes, offset, length);
            }
        }
    }
}
