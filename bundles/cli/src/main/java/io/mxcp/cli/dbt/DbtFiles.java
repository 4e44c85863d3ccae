package io.mxcp.cli.dbt;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;

/**
 * What {@code mxcp dbt-config} writes (spec 01 §7): the project's profile in {@code ~/.dbt/profiles.yml} (other
 * profiles, and other targets of ours, kept) and the MXCP keys of {@code dbt_project.yml} (other keys kept).
 */
public final class DbtFiles {

    private final DbtNames names;
    private final DbtSettings settings;

    DbtFiles(DbtNames names, DbtSettings settings) {
        this.names = names;
        this.settings = settings;
    }

    /**
     * {@code profiles.yml} with our target: {@code type: duckdb}, the DuckDB file, {@code httpfs}, and the secrets
     * when the profile has any.
     *
     * @throws CommandFailure when our profile is already there and {@code force} is not given
     */
    Map<String, Object> profiles(Map<String, Object> existing, Path duckdbFile, List<Map<String, Object>> secrets,
            boolean force) throws CommandFailure {
        if (existing.containsKey(names.profile()) && !force) {
            throw CommandFailure.command("Profile '" + names.profile()
                    + "' already exists. Use --force to update configuration.");
        }
        Map<String, Object> profile = existing.get(names.profile()) instanceof Map<?, ?> map ? copy(map)
                : new LinkedHashMap<>();
        Map<String, Object> outputs = profile.get("outputs") instanceof Map<?, ?> map ? copy(map) : new LinkedHashMap<>();
        Map<String, Object> target = outputs.get(names.target()) instanceof Map<?, ?> map ? copy(map)
                : new LinkedHashMap<>();
        target.put("type", "duckdb");
        target.put("path", duckdbFile.toAbsolutePath().normalize().toString());
        target.put("extensions", List.of("httpfs"));
        if (secrets.isEmpty()) {
            target.remove("secrets");
        } else {
            target.put("secrets", secrets);
        }
        outputs.put(names.target(), target);
        profile.put("target", names.target());
        profile.put("outputs", outputs);
        Map<String, Object> updated = new LinkedHashMap<>(existing);
        updated.put(names.profile(), profile);
        return updated;
    }

    /** {@code dbt_project.yml} with the project's name, profile and the site's folders. */
    Map<String, Object> project(Map<String, Object> existing) {
        Map<String, Object> updated = new LinkedHashMap<>(existing);
        updated.put("name", names.project());
        updated.put("profile", names.profile());
        updated.put("config-version", 2);
        updated.put("model-paths", settings.list("model_paths", List.of("models")));
        updated.put("analysis-paths", settings.list("analysis_paths", List.of("analyses")));
        updated.put("test-paths", settings.list("test_paths", List.of("tests")));
        updated.put("seed-paths", settings.list("seed_paths", List.of("seeds")));
        updated.put("macro-paths", settings.list("macro_paths", List.of("macros")));
        updated.put("snapshot-paths", settings.list("snapshot_paths", List.of("snapshots")));
        updated.put("target-path", settings.text("target_path", "target"));
        updated.put("clean-targets", settings.list("clean_targets", List.of("target", "dbt_packages")));
        return updated;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
