package io.mxcp.executor.python.runtime;

/**
 * A failure of Python code the server runs outside any call, named by what failed: a module that did not preload
 * ({@code python/broken.py}), a hook ({@code warm_cache}) or a plugin's {@code shutdown()} ({@code myplugin}).
 */
public record NamedFailure(String name, PythonException error) {

    /** {@code warm_cache: cache is cold (ValueError at python/cache.py:7 in warm_cache)} */
    @Override
    public String toString() {
        return name + ": " + error.getMessage();
    }
}
