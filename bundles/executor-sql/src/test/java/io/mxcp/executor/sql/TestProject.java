package io.mxcp.executor.sql;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.exec.ProjectRuntime;

/** A project with a database file and optional extensions and secrets. */
public record TestProject(Path duckdbPath, boolean readOnly, List<Map<String, String>> extensions,
        List<Map<String, Object>> secrets) implements ProjectRuntime {

    public static TestProject at(Path file) {
        return new TestProject(file, false, List.of(), List.of());
    }

    @Override
    public Path root() {
        return duckdbPath.getParent();
    }

    @Override
    public String projectName() {
        return "test";
    }

    @Override
    public String profile() {
        return "default";
    }

    @Override
    public Map<String, Map<String, String>> pluginConfig() {
        return Map.of();
    }
}
