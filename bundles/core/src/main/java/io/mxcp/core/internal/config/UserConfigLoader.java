package io.mxcp.core.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.mxcp.core.api.ProjectException;
import io.mxcp.core.internal.config.ReferenceResolver.ReferenceException;
import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;
import io.mxcp.core.internal.yaml.YamlReader;
import io.mxcp.core.internal.yaml.YamlSyntaxException;
import io.mxcp.sdk.secrets.SecretResolver;

/**
 * Loads the user config (spec 01 §1.6): finds the file, synthesizes one when it is absent, resolves the
 * references of the active project and profile only (selective interpolation, §1.7), makes sure the
 * active profile exists, then validates.
 */
public final class UserConfigLoader {

    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Function<String, SecretResolver> resolvers;

    public UserConfigLoader(Map<String, String> env, Path workingDirectory, Function<String, SecretResolver> resolvers) {
        this.env = env;
        this.workingDirectory = workingDirectory;
        this.resolvers = resolvers;
    }

    /** The user config's location: {@code MXCP_CONFIG}, else {@code ~/.mxcp/config.yml}. */
    Path location() {
        String explicit = env.get("MXCP_CONFIG");
        if (explicit != null && !explicit.isEmpty()) {
            return workingDirectory.resolve(explicit);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".mxcp", "config.yml");
    }

    /** The validated user config, and whether it named the active profile before the loader added it. */
    public record Loaded(Map<String, Object> values, boolean declaresActiveProfile) {
    }

    public Loaded load(String project, String siteProfile, String activeProfile) throws ProjectException {
        Path file = location();
        Map<String, Object> raw;
        if (Files.isRegularFile(file)) {
            raw = read(file);
        } else if (env.get("MXCP_CONFIG") != null && !env.get("MXCP_CONFIG").isEmpty()) {
            throw new ProjectException(Files.isDirectory(file) ? "MXCP user config " + file + " is a folder, not a file"
                    : "MXCP user config not found at " + file);
        } else {
            raw = synthesized(project, siteProfile);
        }
        String migration = LegacyVersionCheck.userMigrationMessage(raw);
        if (migration != null) {
            throw new ProjectException(file + ": " + migration);
        }
        Map<String, Object> resolved;
        try {
            resolved = resolveSelectively(raw, project, activeProfile);
        } catch (ReferenceException e) {
            throw new ProjectException(file + ": " + e.getMessage(), e);
        }
        boolean declared = !ensureProfile(resolved, project, activeProfile);
        try {
            return new Loaded(UserConfigValidator.validate(resolved), declared);
        } catch (SchemaException e) {
            throw new ProjectException(file + ": Invalid user config: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> read(Path file) throws ProjectException {
        Object parsed;
        try {
            parsed = YamlReader.read(file);
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read: " + e.getMessage(), e);
        } catch (YamlSyntaxException e) {
            throw new ProjectException(file + ": " + e.getMessage(), e);
        }
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ProjectException(file + ": MXCP user config must be a mapping");
        }
        return StrictObject.stringKeys(map);
    }

    private static Map<String, Object> synthesized(String project, String siteProfile) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("secrets", new java.util.ArrayList<>());
        profile.put("plugin", new LinkedHashMap<>(Map.of("config", new LinkedHashMap<>())));
        Map<String, Object> profiles = new LinkedHashMap<>();
        profiles.put(siteProfile, profile);
        Map<String, Object> projects = new LinkedHashMap<>();
        projects.put(project, new LinkedHashMap<>(Map.of("profiles", profiles)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mxcp", 1);
        config.put("projects", projects);
        return config;
    }

    /** Resolves every top-level block but {@code projects}, and within it only the active profile. */
    private Map<String, Object> resolveSelectively(Map<String, Object> raw, String project, String profile)
            throws ReferenceException {
        ReferenceResolver resolver = new ReferenceResolver(env, workingDirectory, resolvers,
                block(raw.get("vault")), block(raw.get("onepassword")));
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            result.put(entry.getKey(), "projects".equals(entry.getKey()) ? entry.getValue()
                    : resolver.resolveTree(entry.getValue(), entry.getKey()));
        }
        for (Map<String, Object> profiles : profilesOf(result, project, false)) {
            if (profiles.containsKey(profile)) {
                profiles.put(profile, resolver.resolveTree(profiles.get(profile),
                        "projects." + project + ".profiles." + profile));
            }
        }
        return result;
    }

    /**
     * Adds {@code projects.<project>.profiles.<profile>: {}} when absent (quirk: the active profile).
     *
     * @return whether the profile was absent
     */
    private static boolean ensureProfile(Map<String, Object> config, String project, String profile) {
        boolean added = false;
        for (Map<String, Object> profiles : profilesOf(config, project, true)) {
            added = !profiles.containsKey(profile);
            if (profiles.get(profile) == null) {
                profiles.put(profile, new LinkedHashMap<>());
            }
        }
        return added;
    }

    /**
     * The project's {@code profiles} map as a mutable copy placed back into the tree (zero or one element);
     * with {@code create}, missing levels are created. Malformed levels are left for the validator.
     */
    private static List<Map<String, Object>> profilesOf(Map<String, Object> config, String project, boolean create) {
        Map<String, Object> projects = copiedChild(config, "projects", create);
        Map<String, Object> projectEntry = projects == null ? null : copiedChild(projects, project, create);
        Map<String, Object> profiles = projectEntry == null ? null : copiedChild(projectEntry, "profiles", create);
        return profiles == null ? List.of() : List.of(profiles);
    }

    /** A mutable copy of {@code parent[key]} put back in its place, or null when it is no mapping (nor created). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> copiedChild(Map<String, Object> parent, String key, boolean create) {
        Object raw = parent.get(key);
        if (raw == null && create) {
            raw = new LinkedHashMap<String, Object>();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        parent.put(key, copy);
        return copy;
    }

    private static Map<String, Object> block(Object raw) {
        return raw instanceof Map<?, ?> map ? StrictObject.stringKeys(map) : Map.of();
    }
}
