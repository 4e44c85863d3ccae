package io.mxcp.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Looks inside a running server's JVM from outside, the way an operator would: {@code jcmd} (of the JDK running the
 * tests) for garbage collection, class loaders and HotSpot's counters, {@code /proc/<pid>/maps} for the native
 * libraries mapped into the process.
 */
final class JvmProbe {

    /** One reading of HotSpot's counters. */
    record Counters(long liveClasses, long liveThreads, long metaspaceUsedBytes) {
    }

    private final long pid;

    JvmProbe(long pid) {
        this.pid = pid;
    }

    /** A full collection, which also unloads the classes of class loaders nothing references any more. */
    void collectGarbage() {
        jcmd("GC.run");
    }

    /** How many class loaders have loaded a class of this name: one per live copy of a bundle that defines it. */
    int loadersOf(String className) {
        // each loader lists its classes one per line, the first after "Classes: "
        return (int) jcmd("VM.classloaders", "show-classes").lines()
                .map(line -> line.replace('|', ' ').strip())
                .map(line -> line.startsWith("Classes: ") ? line.substring("Classes: ".length()) : line)
                .filter(className::equals).count();
    }

    /**
     * Collects garbage until {@code expected} class loaders hold {@code className}, failing with {@code what} if
     * that does not happen within {@code limit}. A removed bundle's classes were seen (once in a few runs) to outlive
     * the first collection after a swap and go with a later one: something transient can hold them for a moment (a
     * JIT compilation of one of their methods in progress is one known holder).
     */
    void awaitLoaders(String className, int expected, Duration limit, String what) {
        int[] last = {-1};
        Poll.until(limit, what + ": " + expected, () -> {
            collectGarbage();
            last[0] = loadersOf(className);
            return last[0] == expected ? true : null;
        }, () -> "still " + last[0] + " after full collections");
    }

    Counters counters() {
        Map<String, Long> values = new HashMap<>();
        for (String line : jcmd("PerfCounter.print").lines().toList()) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(equals + 1).matches("-?\\d+")) {
                values.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1)));
            }
        }
        return new Counters(counter(values, "java.cls.loadedClasses") - counter(values, "java.cls.unloadedClasses"),
                counter(values, "java.threads.live"), counter(values, "sun.gc.metaspace.used"));
    }


    /** The names of the process's live threads. */
    List<String> threadNames() {
        return jcmd("Thread.print").lines().filter(line -> line.startsWith("\""))
                .map(line -> line.substring(1, line.indexOf('"', 1))).sorted().toList();
    }

    /** The files mapped into the process whose name contains {@code fragment} (e.g. one DuckDB engine). */
    Set<String> mappedFiles(String fragment) {
        try {
            Set<String> files = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.substring(slash).contains(fragment)) {
                    files.add(line.substring(slash));
                }
            }
            return files;
        } catch (IOException e) {
            throw new AssertionError("cannot read the memory map of process " + pid + ": " + e, e);
        }
    }

    private static long counter(Map<String, Long> values, String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new AssertionError("jcmd PerfCounter.print has no " + name);
        }
        return value;
    }

    /**
     * Whether one of the process's threads is running {@code method} (a qualified name, or the start of one) now;
     * false also while the JVM is too young to be attached to.
     */
    boolean runs(String method) {
        Jcmd dump = attempt("Thread.print");
        return dump.succeeded() && dump.output().lines().anyMatch(line -> line.strip().startsWith("at " + method));
    }

    private String jcmd(String... command) {
        Jcmd run = attempt(command);
        if (!run.succeeded()) {
            throw new AssertionError("jcmd " + pid + " " + String.join(" ", command) + " failed:\n" + run.output());
        }
        return run.output();
    }

    private record Jcmd(boolean succeeded, String output) {
    }

    private Jcmd attempt(String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        ProcessBuilder builder = new ProcessBuilder(jcmd.toString(), Long.toString(pid));
        builder.command().addAll(List.of(command));
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Jcmd(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + jcmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
