package io.mxcp.cli.dbt;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.mxcp.cli.context.CommandFailure;

/** dbt's YAML files: read as a map (absent or empty: an empty map), written whole by an atomic rename. */
final class YamlDocuments {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "5432" stays a string: other profiles' passwords and ports must keep their types
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private YamlDocuments() {
    }

    static Map<String, Object> read(Path file) throws CommandFailure {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> document = YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
            return document == null ? new LinkedHashMap<>() : document;
        } catch (IOException e) {
            throw CommandFailure.command("Cannot read " + file + ": " + e.getMessage());
        }
    }

    static String text(Map<String, Object> document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException("A map of YAML values did not serialise", e);
        }
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
