package io.mxcp.executor.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.mxcp.executor.sql.statement.DeclaredType;
import io.mxcp.sdk.exec.EndpointSource;

/**
 * The declared types of an endpoint's parameters, by lower-cased name, read from its definition file: an executor is
 * handed the validated values only, and binding an object parameter needs its declared properties (spec 01 §4.2).
 * A file is read again when it changes, as the core re-reads an endpoint file edited while the project runs.
 */
final class DeclaredParameters {

    private record Stamp(FileTime modified, long size, Object identity) {
    }

    private record Entry(Stamp stamp, Map<String, DeclaredType> types) {
    }

    private final Map<Path, Entry> byFile = new ConcurrentHashMap<>();

    /** The endpoint's declared parameter types; empty for SQL without a definition file (e.g. ad-hoc queries). */
    Map<String, DeclaredType> of(EndpointSource source) {
        Path file = source.definitionFile();
        Stamp stamp = file == null ? null : stamp(file);
        if (stamp == null) {
            return Map.of();
        }
        Entry entry = byFile.get(file);
        if (entry == null || !entry.stamp().equals(stamp)) {
            entry = new Entry(stamp, read(file));
            byFile.put(file, entry);
        }
        return entry.types();
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, DeclaredType> read(Path file) {
        Map<String, DeclaredType> types = new HashMap<>();
        for (Object parameter : parameters(file)) {
            if (parameter instanceof Map<?, ?> declared && declared.get("name") instanceof String name) {
                DeclaredType type = DeclaredType.fromYaml(declared);
                if (type != null) {
                    types.put(name.toLowerCase(Locale.ROOT), type);
                }
            }
        }
        return Map.copyOf(types);
    }

    /**
     * The {@code parameters} of the file's tool or resource (the kinds SQL serves). Anything unreadable reads as none:
     * the core has loaded and validated this file already, and without declarations values still bind by inference.
     */
    private static List<?> parameters(Path file) {
        Object document;
        try (InputStream in = Files.newInputStream(file)) {
            // YAML 1.1 from bytes, as the core reads definitions (spec 01 §0.1)
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        if (document instanceof Map<?, ?> root) {
            for (String kind : List.of("tool", "resource")) {
                if (root.get(kind) instanceof Map<?, ?> endpoint && endpoint.get("parameters") instanceof List<?> parameters) {
                    return parameters;
                }
            }
        }
        return List.of();
    }
}
