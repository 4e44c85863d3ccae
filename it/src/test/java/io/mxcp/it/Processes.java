package io.mxcp.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping processes and everything they started. */
final class Processes {

    private Processes() {
    }

    /** Asks the process tree to stop (SIGTERM), then kills what is still alive after a few seconds. */
    static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
    }

    /** Kills the given processes (leftovers found after a test) and waits for them to go. */
    static void kill(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller, which lists what it found
            }
        }
    }
}
