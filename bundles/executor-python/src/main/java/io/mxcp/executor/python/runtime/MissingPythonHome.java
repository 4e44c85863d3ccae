package io.mxcp.executor.python.runtime;

import java.nio.file.Path;

import org.graalvm.polyglot.PolyglotException;

/**
 * Recognises an interpreter that started without GraalPy's Python home and says where that home was looked for.
 * GraalPy unpacks its standard library into a cache on first use (or reads it from a resources folder the launcher
 * names); when it can do neither, it starts anyway and fails on its first import with only
 * {@code No module named 'importlib'}, which names no folder.
 */
final class MissingPythonHome {

    private static final String FIRST_IMPORT_FAILED = "No module named 'importlib'";

    private MissingPythonHome() {
    }

    /** An exception naming the folder when {@code failure} is that first import failing; otherwise the failure. */
    static RuntimeException explain(RuntimeException failure) {
        if (!(failure instanceof PolyglotException polyglot) || !polyglot.isGuestException()
                || polyglot.getMessage() == null || !polyglot.getMessage().contains(FIRST_IMPORT_FAILED)) {
            return failure;
        }
        return new IllegalStateException("GraalPy found no Python standard library (" + FIRST_IMPORT_FAILED + "): "
                + whereItWasLookedFor(), failure);
    }

    private static String whereItWasLookedFor() {
        String resources = System.getProperty("polyglot.engine.resourcePath");
        if (resources != null) {
            return "its Python home is missing from " + resources + " (polyglot.engine.resourcePath), which must hold"
                    + " the lib/polyglot/<platform> folder of the Python distribution";
        }
        return "its Python home could not be unpacked into " + cacheFolder() + "; make that folder writable, or"
                + " name a writable one with MXCP_JAVA_OPTS=-Dpolyglot.engine.userResourceCache=<folder>";
    }

    /** Truffle's own choice of the cache: the property, else XDG_CACHE_HOME, else the account's home. */
    private static Path cacheFolder() {
        String configured = System.getProperty("polyglot.engine.userResourceCache");
        if (configured != null) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("org.graalvm.polyglot");
    }
}
