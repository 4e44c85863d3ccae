package io.mxcp.cli.dbt;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Writes a temporary file beside the target and renames it over the target. */
    static void write(Path file, Map<String, Object> document) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text(document));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
