package io.mxcp.kernel.launch;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;

/**
 * The process's standard output as commands write to it. For {@code serve}, {@code bin/mxcp} moves standard output
 * to another descriptor and points descriptor 1 at stderr, so that native code writing to descriptor 1 (DuckDB's
 * {@code COPY … TO '/dev/stdout'}, the JVM's own warnings) cannot put text on the stdio protocol's stream; the
 * system property {@value #MOVED_TO} names the descriptor it moved to.
 */
public final class StandardOutput {

    static final String MOVED_TO = "mxcp.stdout.fd";

    private StandardOutput() {
    }

    /** The stream for standard output: {@code descriptorOne} unless the launcher moved standard output. */
    public static PrintStream of(PrintStream descriptorOne) {
        String movedTo = System.getProperty(MOVED_TO);
        if (movedTo == null) {
            return descriptorOne;
        }
        FileOutputStream moved = new FileOutputStream(descriptor(Integer.parseInt(movedTo)));
        return new PrintStream(new BufferedOutputStream(moved, 8192), true, descriptorOne.charset());
    }

    /**
     * java.io has no public way to wrap an inherited descriptor, and reopening {@code /dev/fd/N} fails when it is a
     * socket, which is what libuv (Node, Electron: the desktop clients) gives a child for its stdio: the launcher
     * opens {@code java.io} to us for the private constructor.
     */
    private static FileDescriptor descriptor(int number) {
        try {
            Constructor<FileDescriptor> wrap = FileDescriptor.class.getDeclaredConstructor(int.class);
            wrap.setAccessible(true);
            return wrap.newInstance(number);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("standard output was moved to descriptor " + number + " (" + MOVED_TO
                    + ") but java.io is not open to reach it: start the JVM with "
                    + "--add-opens=java.base/java.io=ALL-UNNAMED", e);
        }
    }
}
