package io.mxcp.cli.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.context.CommandFailure;

/** profiles.yml and dbt_project.yml as dbt-config merges them into what is there. */
class DbtFilesTest {

    private final DbtFiles files = new DbtFiles(DbtNames.of("covid-owid", "dev-eu"),
            new DbtSettings(Map.of("enabled", true, "model_paths", List.of("transform"), "target_path", "out")));

    @Test
    void ourProfileIsAddedBesideTheOthersAndReplacedOnlyWithForce() throws Exception {
        Map<String, Object> existing = new LinkedHashMap<>();
        existing.put("other", Map.of("target", "x"));
        Map<String, Object> written = files.profiles(existing, Path.of("/data/db-dev.duckdb"), List.of(), false);
        assertEquals(Map.of("target", "x"), written.get("other"));
        assertEquals(Map.of("target", "dev_eu", "outputs", Map.of("dev_eu", Map.of("type", "duckdb",
                "path", "/data/db-dev.duckdb", "extensions", List.of("httpfs")))), written.get("covid_owid_dev_eu"));

        CommandFailure exists = assertThrows(CommandFailure.class,
                () -> files.profiles(written, Path.of("/data/db-dev.duckdb"), List.of(), false));
        assertEquals("Profile 'covid_owid_dev_eu' already exists. Use --force to update configuration.",
                exists.getMessage());
        Map<?, ?> outputs = (Map<?, ?>) ((Map<?, ?>) withTarget(written, "prod").get("covid_owid_dev_eu")).get("outputs");
        Map<String, Object> forced = files.profiles(withTarget(written, "prod"), Path.of("/data/new.duckdb"),
                List.of(Map.of("type", "s3", "name", "lake")), true);
        Map<?, ?> forcedOutputs = (Map<?, ?>) ((Map<?, ?>) forced.get("covid_owid_dev_eu")).get("outputs");
        assertEquals(outputs.get("prod"), forcedOutputs.get("prod"), "another target of ours is kept");
        assertEquals("/data/new.duckdb", ((Map<?, ?>) forcedOutputs.get("dev_eu")).get("path"));
        assertEquals(List.of(Map.of("type", "s3", "name", "lake")), ((Map<?, ?>) forcedOutputs.get("dev_eu")).get("secrets"));
    }

    @Test
    void theProjectFileGetsOurKeysAndKeepsTheRest() {
        Map<String, Object> written = files.project(new LinkedHashMap<>(Map.of("name", "old", "vars", Map.of("a", 1))));
        assertEquals("covid_owid", written.get("name"));
        assertEquals("covid_owid_dev_eu", written.get("profile"));
        assertEquals(2, written.get("config-version"));
        assertEquals(List.of("transform"), written.get("model-paths"));
        assertEquals(List.of("seeds"), written.get("seed-paths"));
        assertEquals("out", written.get("target-path"));
        assertEquals(List.of("target", "dbt_packages"), written.get("clean-targets"));
        assertEquals(Map.of("a", 1), written.get("vars"));
    }

    private static Map<String, Object> withTarget(Map<String, Object> profiles, String target) {
        Map<String, Object> copy = new LinkedHashMap<>(profiles);
        Map<String, Object> profile = new LinkedHashMap<>((Map<String, Object>) copy.get("covid_owid_dev_eu"));
        Map<String, Object> outputs = new LinkedHashMap<>((Map<String, Object>) profile.get("outputs"));
        outputs.put(target, Map.of("type", "duckdb", "path", "/prod.duckdb"));
        profile.put("outputs", outputs);
        copy.put("covid_owid_dev_eu", profile);
        return copy;
    }
}
