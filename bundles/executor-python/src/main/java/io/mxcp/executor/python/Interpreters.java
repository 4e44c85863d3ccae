package io.mxcp.executor.python;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.executor.python.project.PythonProject;
import io.mxcp.executor.python.runtime.PythonRuntime;

/**
 * The interpreters of this executor's projects between their runtime generations. The original runs every
 * generation in its one Python process, so a reload imports no module again: the modules, their hook registrations
 * and their state carry over, and the init hooks run again (spec 01 §5.3, §5.8). Here a generation that ends hands
 * its interpreter back, and the project's next generation (a reload, or the fallback to the previous configuration)
 * takes it instead of starting GraalPy anew. One idle interpreter per project (root, python and plugin folders):
 * a generation beside another of the same project gets a new one, and the extra is closed when handed back. The
 * idle ones are closed with the executor.
 */
final class Interpreters implements AutoCloseable {

    private record Key(Path root, Path pythonDir, Path pluginDir) {
        static Key of(PythonProject project) {
            return new Key(project.root(), project.pythonDir(), project.pluginDir());
        }
    }

    private final Map<Key, PythonRuntime> idle = new HashMap<>();
    private boolean closed;

    /** The project's idle interpreter, now in use; null when there is none. */
    synchronized PythonRuntime take(PythonProject project) {
        return idle.remove(Key.of(project));
    }

    /** Keeps an interpreter whose generation ended for the project's next generation, or closes it. */
    void giveBack(PythonProject project, PythonRuntime interpreter) {
        synchronized (this) {
            if (!closed && idle.putIfAbsent(Key.of(project), interpreter) == null) {
                return;
            }
        }
        interpreter.close();
    }

    /** Closes the idle interpreters; the ones handed back later are closed at once. */
    @Override
    public void close() {
        List<PythonRuntime> closing;
        synchronized (this) {
            closed = true;
            closing = new ArrayList<>(idle.values());
            idle.clear();
        }
        closing.forEach(PythonRuntime::close);
    }
}
