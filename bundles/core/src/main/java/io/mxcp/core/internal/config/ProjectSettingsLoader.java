package io.mxcp.core.internal.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ProjectOptions;
import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.yaml.YamlReader;
import io.mxcp.core.internal.yaml.YamlSyntaxException;
import io.mxcp.sdk.secrets.SecretResolver;

/** Opens a project's configuration: root search, site config, active profile, user config (spec 01 §1). */
public final class ProjectSettingsLoader {

    private static final System.Logger LOG = System.getLogger(ProjectSettingsLoader.class.getName());

    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes");

    private final Function<String, SecretResolver> resolvers;

    public ProjectSettingsLoader(Function<String, SecretResolver> resolvers) {
        this.resolvers = resolvers;
    }

    public ProjectSettings load(ProjectOptions options) throws ProjectException {
        Map<String, String> env = options.environment() == null ? System.getenv() : options.environment();
        Path cwd = (options.workingDirectory() == null ? Path.of("") : options.workingDirectory())
                .toAbsolutePath().normalize();
        Path root = ProjectRootLocator.find(cwd)
                .orElseThrow(() -> new ProjectException("No mxcp-site.yml found in current directory or parents"));
        SiteConfig written = readSite(root);
        String active = activeProfile(options, env, written);
        SiteConfig site = ProfileDefaults.complete(written, active, root, env);
        SiteProfile profile = site.profiles().get(active);
        UserConfigLoader userConfig = new UserConfigLoader(env, cwd, resolvers);
        UserConfigLoader.Loaded loaded = userConfig.load(site.project(), site.profile(), active);
        Path duckdb = cwd.resolve(profile.duckdbPath()).normalize();
        if (!loaded.declaresActiveProfile() && !active.equals(written.profile())
                && !written.profiles().containsKey(active)) {
            warnOfUndeclared(active, written, userConfig.location(), duckdb);
        }
        Map<String, Object> user = loaded.values();
        boolean readOnly = options.readOnly()
                || TRUE_WORDS.contains(env.getOrDefault("MXCP_READONLY", "").trim().toLowerCase(Locale.ROOT))
                || profile.duckdbReadonly();
        boolean sqlTools = options.sqlTools() != null ? options.sqlTools()
                : Boolean.TRUE.equals(site.sqlTools().get("enabled"));
        ProjectSettings settings = new ProjectSettings(root, cwd, site, active, user, duckdb, readOnly, sqlTools,
                options.server() != null);
        warnOfMissingSecrets(settings, userConfig.location());
        return settings;
    }

    /**
     * The site's {@code secrets} list names what the project needs; spec 01 reads it nowhere, so a project name or
     * profile mistyped in the user config, or a secret left out, would only show as {@code None} inside a tool.
     */
    private static void warnOfMissingSecrets(ProjectSettings settings, Path userConfig) {
        Set<Object> given = new HashSet<>();
        settings.secrets().forEach(secret -> given.add(secret.get("name")));
        List<String> missing = settings.site().secrets().stream().filter(name -> !given.contains(name)).toList();
        if (!missing.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, ProjectRootLocator.SITE_FILE + " declares secret(s) {0}, which the"
                    + " user config {1} does not give project ''{2}'', profile ''{3}'': code that reads them gets"
                    + " None", String.join(", ", missing), userConfig, settings.site().project(), settings.profile());
        }
    }

    private static String activeProfile(ProjectOptions options, Map<String, String> env, SiteConfig site) {
        if (options.profile() != null && !options.profile().isEmpty()) {
            return options.profile();
        }
        String fromEnv = env.get("MXCP_PROFILE");
        return fromEnv != null && !fromEnv.isEmpty() ? fromEnv : site.profile();
    }

    /** A mistyped {@code --profile} or {@code MXCP_PROFILE} would otherwise run quietly on a new, empty database. */
    private static void warnOfUndeclared(String active, SiteConfig written, Path userConfig, Path duckdb) {
        List<String> declared = new ArrayList<>();
        declared.add(written.profile());
        written.profiles().keySet().stream().filter(name -> !declared.contains(name)).forEach(declared::add);
        LOG.log(System.Logger.Level.WARNING, "Profile ''{0}'' is declared neither in " + ProjectRootLocator.SITE_FILE
                + " (profiles: {1}) nor in the user config {2}: it runs with default settings, on the DuckDB file {3}",
                active, String.join(", ", declared), userConfig, duckdb);
    }

    private static SiteConfig readSite(Path root) throws ProjectException {
        Path file = root.resolve(ProjectRootLocator.SITE_FILE);
        Object raw;
        try {
            raw = YamlReader.read(file);
        } catch (IOException e) {
            throw new ProjectException(ProjectRootLocator.SITE_FILE + ": cannot read: " + e.getMessage(), e);
        } catch (YamlSyntaxException e) {
            throw new ProjectException(ProjectRootLocator.SITE_FILE + ": " + e.getMessage(), e);
        }
        if (raw instanceof Map<?, ?> map) {
            String migration = LegacyVersionCheck.siteMigrationMessage(map);
            if (migration != null) {
                throw new ProjectException(ProjectRootLocator.SITE_FILE + ": " + migration);
            }
        }
        try {
            return SiteConfigParser.parse(raw);
        } catch (SchemaException e) {
            throw new ProjectException(ProjectRootLocator.SITE_FILE + ": " + e.getMessage(), e);
        }
    }
}
