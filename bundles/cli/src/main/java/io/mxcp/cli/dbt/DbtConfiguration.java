package io.mxcp.cli.dbt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.core.api.Project;

/**
 * {@code mxcp dbt-config} (spec 01 §7): the dbt profile of the project's active profile and its
 * {@code dbt_project.yml}, computed from the files as they are and written, or only shown.
 */
public final class DbtConfiguration {

    private final Project project;
    private final DbtNames names;
    private final DbtFiles files;
    private final Path profilesFile;
    private final Path projectFile;
    private final Map<String, String> environment;

    private DbtConfiguration(Project project, DbtSettings settings, Map<String, String> environment,
            Path workingDirectory) {
        this.project = project;
        this.names = DbtNames.of(project.name(), project.profile());
        this.files = new DbtFiles(names, settings);
        this.profilesFile = profilesFolder(environment).resolve("profiles.yml");
        this.projectFile = workingDirectory.resolve("dbt_project.yml");
        this.environment = environment;
    }

    /** @throws CommandFailure when the site turned the dbt integration off */
    public static DbtConfiguration of(Project project, Map<String, String> environment, Path workingDirectory)
            throws CommandFailure {
        return new DbtConfiguration(project, DbtSettings.enabledIn(project), environment, workingDirectory);
    }

    public DbtNames names() {
        return names;
    }

    public boolean dbtInstalled() {
        return Executables.find("dbt", environment).isPresent();
    }

    public Path profilesFile() {
        return profilesFile;
    }

    public Path projectFile() {
        return projectFile;
    }

    /** Both documents as they would be written: {@code profiles.yml}, then {@code dbt_project.yml}. */
    public List<Map<String, Object>> documents(boolean force, boolean embedSecrets) throws CommandFailure {
        return List.of(files.profiles(YamlDocuments.read(profilesFile), project.duckdbPath(),
                secrets().dbtSecrets(embedSecrets), force), files.project(YamlDocuments.read(projectFile)));
    }

    /** The profile's secrets that profiles.yml cannot hold (no DuckDB secret type of theirs). */
    public List<String> secretsLeftOut() {
        return secrets().notForDuckDb();
    }

    private SecretVariables secrets() {
        return SecretVariables.of(project);
    }

    public static String text(Map<String, Object> document) {
        return YamlDocuments.text(document);
    }

    public void write(List<Map<String, Object>> documents) throws IOException {
        // profiles.yml may hold embedded secrets: only its owner reads a new one
        YamlDocuments.write(profilesFile, documents.get(0), "rw-------");
        YamlDocuments.write(projectFile, documents.get(1), "rw-r--r--");
    }

    /** {@code DBT_PROFILES_DIR} when set (dbt reads its profiles there then), else {@code ~/.dbt}. */
    private static Path profilesFolder(Map<String, String> environment) {
        String configured = environment.get("DBT_PROFILES_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String home = environment.get("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, ".dbt");
    }
}
