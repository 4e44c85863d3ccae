package io.mxcp.executor.python.project;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * What the Python runtime needs to know about a project beyond {@link ProjectRuntime}: the site file as written
 * (the {@code site_config} view and {@code get_setting} see only the keys written there, spec 01 §5.7), its
 * plugin declarations, the python/ and plugins/ folders, and the user-config view rebuilt from the active
 * profile's secrets and plugin config.
 *
 * @param profile    the active profile (the site file's {@code profile}, or the command's {@code --profile})
 * @param siteConfig the site file's map as loaded plus the active profile's derived {@code duckdb.path},
 *                   {@code drift.path} and {@code audit.path}
 * @param userConfig {@code {mxcp, projects: {<project>: {profiles: {<profile>: {secrets, plugin}}}}}}
 * @param plugins    each {@code {name, module, config}} with {@code config} the plugin's resolved map
 * @param pythonDir  {@code <root>/python}, absolute (it may not exist)
 * @param pluginDir  {@code <root>/<paths.plugins>}, absolute (it may not exist)
 */
public record PythonProject(Path root, String profile, Map<String, Object> siteConfig, Map<String, Object> userConfig,
        List<Map<String, Object>> plugins, Path pythonDir, Path pluginDir) {

    private static final Pattern LIFECYCLE_HOOK = Pattern.compile("\\bon_(?:init|shutdown)\\b");

    public static PythonProject of(ProjectRuntime runtime) throws InvalidProjectException {
        Path root = runtime.root().toAbsolutePath().normalize();
        Map<String, Object> site = runtime.siteFile() != null ? copy(runtime.siteFile())
                : readSiteFile(root.resolve("mxcp-site.yml"));
        addDerivedSettings(site, runtime);
        Map<String, Object> paths = map(site.get("paths"));
        Path pythonDir = root.resolve(string(paths.get("python"), "python")).normalize();
        Path pluginDir = root.resolve(string(paths.get("plugins"), "plugins")).normalize();
        return new PythonProject(root, runtime.profile(), site, userConfig(runtime), plugins(site, runtime), pythonDir, pluginDir);
    }

    /** Whether the site declares Python plugins: their SQL functions must exist before any SQL runs. */
    public boolean hasPlugins() {
        return !plugins.isEmpty();
    }

    /** Whether python/ holds modules, which a server imports at its start (spec 01 §5.8). */
    public boolean hasPythonModules() {
        return anyModule(file -> true);
    }

    /**
     * Whether a module under python/ names an {@code on_init} or {@code on_shutdown} hook: read as text, since
     * only importing it would register them, and a mention that is no hook costs no more than an early start.
     */
    public boolean mentionsLifecycleHooks() {
        return anyModule(file -> {
            try {
                return LIFECYCLE_HOOK.matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).find();
            } catch (IOException e) {
                return true; // unreadable here: importing it decides, as before
            }
        });
    }

    private boolean anyModule(Predicate<Path> test) {
        if (!Files.isDirectory(pythonDir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(pythonDir)) {
            return files.filter(file -> file.toString().endsWith(".py") && Files.isRegularFile(file)).anyMatch(test);
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    private static Map<String, Object> readSiteFile(Path file) throws InvalidProjectException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new LoaderOptions()).load(reader);
            return loaded instanceof Map<?, ?> ? copy(loaded) : new LinkedHashMap<>();
        } catch (IOException | RuntimeException e) {
            throw new InvalidProjectException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each derived {@code <block>.<key>} under the active profile, where the file leaves it out or null. */
    private static void addDerivedSettings(Map<String, Object> site, ProjectRuntime runtime) {
        Map<String, Object> profile = child(child(site, "profiles"), runtime.profile());
        runtime.derivedProfileSettings().forEach((dotted, value) -> {
            int dot = dotted.indexOf('.');
            child(profile, dotted.substring(0, dot)).putIfAbsent(dotted.substring(dot + 1), value);
        });
    }

    private static Map<String, Object> userConfig(ProjectRuntime runtime) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("secrets", copy(runtime.secrets()));
        profile.put("plugin", Map.of("config", copy(runtime.pluginConfig())));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mxcp", 1);
        config.put("projects", Map.of(runtime.projectName(), Map.of("profiles", Map.of(runtime.profile(), profile))));
        return config;
    }

    private static List<Map<String, Object>> plugins(Map<String, Object> site, ProjectRuntime runtime)
            throws InvalidProjectException {
        List<Map<String, Object>> plugins = new ArrayList<>();
        if (!(site.get("plugin") instanceof List<?> declared)) {
            return plugins;
        }
        Map<String, Map<String, String>> configs = runtime.pluginConfig();
        for (Object item : declared) {
            Map<String, Object> plugin = map(item);
            Object configName = plugin.get("config");
            Map<String, String> config = Map.of();
            if (configName != null) {
                config = configs.get(configName.toString());
                if (config == null) {
                    throw new InvalidProjectException(
                            "Plugin configuration '" + configName + "' not found in plugin config", null);
                }
            }
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", String.valueOf(plugin.get("name")));
            definition.put("module", String.valueOf(plugin.get("module")));
            definition.put("config", new LinkedHashMap<>(config));
            plugins.add(definition);
        }
        return plugins;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    private static String string(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    /** A mutable deep copy with string keys (YAML may give other key types). */
    @SuppressWarnings("unchecked")
    private static <T> T copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return (T) copy;
        }
        return (T) value;
    }

    /** The project's files do not make sense to the Python runtime. */
    public static final class InvalidProjectException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidProjectException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
