import java.nio.file.Path;

import org.graalvm.polyglot.Engine;

/**
 * A step of the Python distribution's build, run as a source file: unpacks the internal resources of GraalPy and
 * Truffle (the Python home with its standard library, the native helpers) for the building platform into the
 * folder given as the argument. bin/mxcp points {@code polyglot.engine.resourcePath} at that folder, so a start
 * never has to unpack them into a writable cache under HOME.
 */
public final class CopyPolyglotResources {

    private CopyPolyglotResources() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CopyPolyglotResources <target folder>");
        }
        if (!Engine.copyResources(Path.of(args[0]))) {
            throw new IllegalStateException("no polyglot component on the class path has resources to unpack");
        }
    }
}
