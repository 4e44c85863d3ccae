package io.mxcp.cli.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/** The files and folders {@code mxcp init} writes into a new project folder (spec 01 §1.2). */
public final class ProjectScaffold {

    /** The folders and what each holds, in the order the next-steps banner lists them. */
    public static final SequencedMap<String, String> FOLDER_PURPOSES = purposes(
            "tools", "tool definitions (YAML)",
            "resources", "resource definitions",
            "prompts", "prompt definitions",
            "evals", "LLM evaluation suites",
            "python", "Python endpoint code",
            "plugins", "Python plugins (DuckDB functions)",
            "sql", "SQL of the endpoints",
            "drift", "drift snapshots",
            "audit", "audit logs",
            "data", "the DuckDB database");

    static final String HELLO_WORLD_SQL = "SELECT 'Hello, ' || $name || '!' as greeting\n";

    static final String HELLO_WORLD_TOOL = """
            mxcp: 1
            tool:
              name: hello_world
              description: A simple hello world tool
              enabled: true
              parameters:
              - name: name
                type: string
                description: Name to greet
                examples:
                - World
                - Alice
                - Bob
              return:
                type: string
                description: Greeting message
              source:
                file: ../sql/hello-world.sql
            """;

    private static SequencedMap<String, String> purposes(String... namesAndPurposes) {
        SequencedMap<String, String> purposes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPurposes.length; i += 2) {
            purposes.put(namesAndPurposes[i], namesAndPurposes[i + 1]);
        }
        return Collections.unmodifiableSequencedMap(purposes);
    }

    private final Path folder;

    public ProjectScaffold(Path folder) {
        this.folder = folder;
    }

    /** Writes {@code mxcp-site.yml} with exactly {@code mxcp}, {@code profile} and {@code project}. */
    public void writeSiteFile(String project, String profile) throws IOException {
        Files.createDirectories(folder);
        String site = "mxcp: 1\nprofile: " + yamlScalar(profile) + "\nproject: " + yamlScalar(project) + "\n";
        Files.writeString(folder.resolve("mxcp-site.yml"), site, StandardCharsets.UTF_8);
    }

    public void createFolders() throws IOException {
        for (String name : FOLDER_PURPOSES.keySet()) {
            Files.createDirectories(folder.resolve(name));
        }
    }

    /** The {@code --bootstrap} example: tool {@code hello_world} backed by {@code sql/hello-world.sql}. */
    public void writeHelloWorld() throws IOException {
        Files.createDirectories(folder.resolve("sql"));
        Files.createDirectories(folder.resolve("tools"));
        Files.writeString(folder.resolve("sql/hello-world.sql"), HELLO_WORLD_SQL, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("tools/hello-world.yml"), HELLO_WORLD_TOOL, StandardCharsets.UTF_8);
    }

    /** A name as a YAML 1.1 plain scalar when it reads back as the same string, else double-quoted. */
    static String yamlScalar(String value) {
        boolean plain = value.matches("[A-Za-z_][A-Za-z0-9_.-]*")
                && !value.matches("(?i)y|n|yes|no|on|off|true|false|null|~");
        if (plain) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
