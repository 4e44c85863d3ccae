package io.mxcp.core.internal.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.yaml.YamlReader;
import io.mxcp.core.internal.yaml.YamlSyntaxException;

/**
 * Parsed endpoint files keyed by path, reused while the file's modification time and size are unchanged.
 * The reference re-reads YAML on every call so that edits take effect at once; this keeps that behaviour
 * without parsing on a hot call.
 */
public final class EndpointFileCache {

    private record Stamp(long modified, long size) {
    }

    private record Entry(Stamp stamp, ParsedEndpointFile parsed) {
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

    public ParsedEndpointFile get(Path file) {
        Stamp stamp;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            stamp = new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            entries.remove(file);
            return new ParsedEndpointFile(null, "Cannot read endpoint file: " + e.getMessage());
        }
        Entry cached = entries.get(file);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.parsed();
        }
        ParsedEndpointFile parsed = parse(file);
        entries.put(file, new Entry(stamp, parsed));
        return parsed;
    }

    private static ParsedEndpointFile parse(Path file) {
        Object document;
        try {
            document = YamlReader.read(file);
        } catch (IOException e) {
            return new ParsedEndpointFile(null, "Cannot read endpoint file: " + e.getMessage());
        } catch (YamlSyntaxException e) {
            return new ParsedEndpointFile(null, e.getMessage());
        }
        if (document == null) {
            return new ParsedEndpointFile(null, "Endpoint file is empty");
        }
        try {
            return new ParsedEndpointFile(EndpointParser.parse(document, file), null);
        } catch (SchemaException e) {
            return new ParsedEndpointFile(null, e.getMessage());
        }
    }
}
