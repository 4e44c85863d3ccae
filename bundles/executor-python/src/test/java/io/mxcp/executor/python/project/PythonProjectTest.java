package io.mxcp.executor.python.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.sdk.exec.ProjectRuntime;

class PythonProjectTest {

    @TempDir
    Path root;

    private ProjectRuntime runtime(Map<String, Map<String, String>> pluginConfig) {
        return runtime(pluginConfig, null, null);
    }

    /** @param siteFile the site file as the core loaded it, null: read from disk; derived likewise */
    private ProjectRuntime runtime(Map<String, Map<String, String>> pluginConfig, Map<String, Object> siteFile,
            Map<String, String> derived) {
        return new ProjectRuntime() {
            public Path root() { return root; }
            public String projectName() { return "demo"; }
            public String profile() { return "default"; }
            public Path duckdbPath() { return root.resolve("db.duckdb"); }
            public boolean readOnly() { return false; }
            public List<Map<String, String>> extensions() { return List.of(); }
            public List<Map<String, Object>> secrets() {
                return List.of(Map.of("name", "api", "type", "value", "parameters", Map.of("value", "x")));
            }
            public Map<String, Map<String, String>> pluginConfig() { return pluginConfig; }
            public Map<String, Object> siteFile() { return siteFile; }
            public Map<String, String> derivedProfileSettings() {
                return derived != null ? derived : ProjectRuntime.super.derivedProfileSettings();
            }
        };
    }

    @Test
    void pluginsGetTheirUserConfigMapAndTheViewsHoldWhatCodeReads() throws Exception {
        Files.writeString(root.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: demo
                profile: default
                plugin:
                  - {name: str_secret, module: caesar, config: rot1}
                  - {name: plain, module: other}
                """);

        PythonProject project = PythonProject.of(runtime(Map.of("rot1", Map.of("rotation", "1"))));

        assertEquals(List.of(
                Map.of("name", "str_secret", "module", "caesar", "config", Map.of("rotation", "1")),
                Map.of("name", "plain", "module", "other", "config", Map.of())), project.plugins());
        assertEquals(root.resolve("db.duckdb").toString(),
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) project.siteConfig().get("profiles")).get("default")).get("duckdb")).get("path"));
        assertFalse(project.siteConfig().containsKey("paths"), "only keys written in the site file (spec 01 §5.7)");
        assertTrue(project.userConfig().toString().contains("api"), project.userConfig().toString());
        assertTrue(project.hasPlugins());
        assertFalse(project.hasPythonModules());
    }

    @Test
    void lifecycleHooksAreFoundInAnyModuleUnderPythonAsTheirNamesAnyWayTheyAreImported() throws Exception {
        Files.writeString(root.resolve("mxcp-site.yml"), "mxcp: 1\nproject: demo\n");
        Path tools = Files.createDirectories(root.resolve("python/pkg"));
        Files.writeString(tools.resolve("tools.py"), "def on_initial_load():\n    return 1\n");
        PythonProject project = PythonProject.of(runtime(Map.of()));

        assertTrue(project.hasPythonModules());
        assertFalse(project.mentionsLifecycleHooks(), "a longer name is no hook");

        Files.writeString(tools.resolve("hooks.py"), "import mxcp.runtime as rt\n\n@rt.on_shutdown\ndef bye():\n    pass\n");
        assertTrue(project.mentionsLifecycleHooks());
    }

    @Test
    void theSiteFileAsTheCoreLoadedItWinsOverTheFileAsItIsNow() throws Exception {
        // a restart of the previous configuration after a failed reload: the file on disk is the broken new one
        Files.writeString(root.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: demo
                plugin:
                  - {name: str_secret, module: caesar, config: missing}
                """);
        Map<String, Object> loaded = Map.of("mxcp", 1, "project", "demo",
                "plugin", List.of(Map.of("name", "str_secret", "module", "caesar", "config", "rot1")));
        ProjectRuntime asLoaded = runtime(Map.of("rot1", Map.of("rotation", "1")), loaded,
                Map.of("duckdb.path", "/db.duckdb", "drift.path", "drift/drift-default.json",
                        "audit.path", "audit/logs-default.jsonl"));

        PythonProject project = PythonProject.of(asLoaded);

        assertEquals(Map.of("rotation", "1"), project.plugins().get(0).get("config"));
        assertEquals(Map.of("duckdb", Map.of("path", "/db.duckdb"), "drift", Map.of("path", "drift/drift-default.json"),
                "audit", Map.of("path", "audit/logs-default.jsonl")),
                ((Map<?, ?>) project.siteConfig().get("profiles")).get("default"));
    }

    @Test
    void aMissingPluginConfigIsNamed() throws IOException {
        Files.writeString(root.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: demo
                plugin:
                  - {name: str_secret, module: caesar, config: rot9}
                """);

        PythonProject.InvalidProjectException error = assertThrows(PythonProject.InvalidProjectException.class,
                () -> PythonProject.of(runtime(Map.of())));
        assertEquals("Plugin configuration 'rot9' not found in plugin config", error.getMessage());
    }
}
