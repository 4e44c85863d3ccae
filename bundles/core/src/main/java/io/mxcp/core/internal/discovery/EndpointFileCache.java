package io.mxcp.core.internal.discovery;

import java.io.IOException;
import java.nio.file.Path;

import io.mxcp.core.internal.files.StampedFileCache;
import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.yaml.YamlReader;
import io.mxcp.core.internal.yaml.YamlSyntaxException;

/** Parsed endpoint files keyed by path, parsed again only when a file changes. */
public final class EndpointFileCache {

    private final StampedFileCache<ParsedEndpointFile> files = new StampedFileCache<>(EndpointFileCache::parse);

    public ParsedEndpointFile get(Path file) {
        try {
            return files.get(file);
        } catch (IOException e) {
            return ParsedEndpointFile.failed("Cannot read endpoint file: " + e.getMessage());
        }
    }

    private static ParsedEndpointFile parse(Path file) {
        Object document;
        try {
            document = YamlReader.read(file);
        } catch (IOException e) {
            return ParsedEndpointFile.failed("Cannot read endpoint file: " + e.getMessage());
        } catch (YamlSyntaxException e) {
            return ParsedEndpointFile.failed(e.getMessage());
        }
        if (document == null) {
            return ParsedEndpointFile.failed("Endpoint file is empty");
        }
        try {
            return ParsedEndpointFile.loaded(EndpointParser.parse(document, file));
        } catch (SchemaException e) {
            return ParsedEndpointFile.invalid(e.getMessage(), document);
        }
    }
}
