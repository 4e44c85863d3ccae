package io.mxcp.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the MCP client scripts in src/test/js, run with node; it prints one JSON report of its steps. */
enum ClientScript {
    /** TypeScript SDK v2, pinned to 2026-07-28. */
    V2("client-v2.mjs"),
    /** TypeScript SDK v1, the legacy initialize handshake. */
    V1("client-v1.mjs"),
    /** TypeScript SDK v2 (2026-07-28) with its own scenario for the Python fixture project, over HTTP only. */
    PYTHON_V2("python-client-v2.mjs");

    private static final long TIMEOUT_SECONDS = 120;

    private final String file;

    ClientScript(String file) {
        this.file = file;
    }

    /** The script's report, with its stderr (and that of a stdio server it ran) for assertion messages. */
    record Report(JsonNode json, String stderr) {

        JsonNode step(String name) {
            return json.path(name);
        }

        String describe() {
            return json.toPrettyString() + "\n--- client stderr\n" + stderr;
        }
    }

    /** Connects over HTTP to {@code url}, served by the process {@code serverPid} (its CPU use is measured). */
    Report overHttp(Mxcp mxcp, Path workFolder, String url, long serverPid) {
        return overHttp(mxcp, workFolder, url, serverPid, Map.of());
    }

    /** As {@link #overHttp(Mxcp, Path, String, long)}, with extra environment variables for the script. */
    Report overHttp(Mxcp mxcp, Path workFolder, String url, long serverPid, Map<String, String> environment) {
        return run(mxcp, workFolder, List.of("--http", url), Long.toString(serverPid), environment);
    }

    /** Spawns `mxcp serve --transport stdio` in {@code project} and talks to it over its stdin/stdout. */
    Report overStdio(Mxcp mxcp, Path workFolder, Path project) {
        List<String> args = new ArrayList<>(List.of("--cwd", project.toString(), "--stdio"));
        args.addAll(mxcp.commandLine("serve", "--transport", "stdio"));
        return run(mxcp, workFolder, args, null, Map.of());
    }

    private Report run(Mxcp mxcp, Path workFolder, List<String> args, String serverPid,
            Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Distribution.node());
        command.add(Distribution.clientScripts().resolve(file).toString());
        command.addAll(args);
        try {
            Path out = Files.createTempFile(workFolder, name() + "-stdout", ".json");
            Path err = Files.createTempFile(workFolder, name() + "-stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Distribution.clientScripts().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            mxcp.configure(builder.environment());
            if (serverPid != null) {
                builder.environment().put("MXCP_IT_SERVER_PID", serverPid);
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                Processes.stop(process);
                throw new AssertionError(file + " " + args + " did not finish within " + TIMEOUT_SECONDS + " s\n"
                        + Files.readString(out) + "\n--- stderr\n" + Files.readString(err));
            }
            String stderr = Files.readString(err);
            String stdout = Files.readString(out);
            if (stdout.isBlank()) {
                throw new AssertionError(file + " " + args + " printed no report (exit " + process.exitValue() + ")\n"
                        + "--- stderr\n" + stderr);
            }
            return new Report(Json.parse(stdout, "report of " + file), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
