package io.mxcp.cli.init;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Claude Desktop {@code mcpServers} entry that serves a project over stdio, and where Claude Desktop keeps
 * its configuration on this operating system.
 */
public final class ClaudeDesktopConfig {

    public static final String FILE_NAME = "server_config.json";

    private ClaudeDesktopConfig() {
    }

    /**
     * @param command the launcher to run (the absolute {@code bin/mxcp} when known, else {@code mxcp})
     */
    public static Map<String, Object> serverEntry(String project, String command, Path folder) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("command", command);
        server.put("args", List.of("serve", "--transport", "stdio"));
        server.put("cwd", folder.toString());
        return Map.of("mcpServers", Map.of(project, server));
    }

    public static String location(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "~/Library/Application Support/Claude/claude_desktop_config.json";
        }
        if (os.contains("win")) {
            return "%APPDATA%\\Claude\\claude_desktop_config.json";
        }
        return "~/.config/Claude/claude_desktop_config.json";
    }
}
