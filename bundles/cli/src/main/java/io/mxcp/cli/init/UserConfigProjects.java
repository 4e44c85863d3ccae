package io.mxcp.cli.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the user config as it is on disk (without creating it or resolving references) to learn whether a
 * project name is already configured. The file is {@code MXCP_CONFIG}, else {@code ~/.mxcp/config.yml}.
 */
public final class UserConfigProjects {

    private UserConfigProjects() {
    }

    public static Path location(Map<String, String> environment) {
        String configured = environment.get("MXCP_CONFIG");
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured);
        }
        String home = environment.get("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, ".mxcp", "config.yml");
    }

    /** Whether {@code projects.<project>} exists; an absent or unreadable file counts as no. */
    public static boolean contains(Path configFile, String project) {
        if (!Files.isRegularFile(configFile)) {
            return false;
        }
        try {
            JsonNode root = new YAMLMapper().readTree(configFile.toFile());
            return root != null && root.path("projects").has(project);
        } catch (IOException unreadable) {
            // opening the project reports a broken user config properly; init only asks a courtesy question
            return false;
        }
    }
}
