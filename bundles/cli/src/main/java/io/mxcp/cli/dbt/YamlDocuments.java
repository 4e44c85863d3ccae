package io.mxcp.cli.dbt;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import io.mxcp.cli.context.CommandFailure;

/**
 * dbt's YAML files: read as a map (absent or empty: an empty map), written whole by an atomic rename. Both ways follow
 * YAML 1.1 as dbt's PyYAML does: anchors, aliases and merge keys ({@code <<: *defaults}) of other profiles are
 * written out expanded, and a string that YAML 1.1 would read as something else ({@code "5432"}, {@code "0x1F"},
 * {@code "12:30"}, {@code "yes"}, {@code "2024-01-15"}) stays quoted, so other profiles keep their values and types.
 */
final class YamlDocuments {

    private YamlDocuments() {
    }

    static Map<String, Object> read(Path file) throws CommandFailure {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        Object document;
        try {
            document = yaml().load(Files.readString(file));
        } catch (IOException | YAMLException e) {
            throw CommandFailure.command("Cannot read " + file + ": " + e.getMessage());
        }
        if (document == null) {
            return new LinkedHashMap<>();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw CommandFailure.command("Cannot read " + file + ": it should hold a mapping, not a "
                    + (document instanceof List<?> ? "list" : "single value"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> mapping = (Map<String, Object>) map;
        return new LinkedHashMap<>(mapping);
    }

    static String text(Map<String, Object> document) {
        return yaml().dump(document);
    }

    /** A new instance per use: SnakeYAML's are not thread-safe. */
    private static Yaml yaml() {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setIndent(2);
        dumping.setWidth(Integer.MAX_VALUE);
        dumping.setAllowUnicode(true);
        dumping.setDereferenceAliases(true);
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading);
    }

    /**
     * Writes a temporary file beside the target (the file a symlink points to) and renames it over the target,
     * keeping the target's permissions.
     *
     * @param newFilePermissions the permissions of a file written for the first time ({@code rw-------})
     */
    static void write(Path file, Map<String, Object> document, String newFilePermissions) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text(document));
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, Files.exists(target)
                        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString(newFilePermissions));
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
