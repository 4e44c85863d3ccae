package io.mxcp.core.internal.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.mxcp.core.internal.files.StampedFileCache;
import io.mxcp.core.internal.files.StrictText;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.sdk.exec.EndpointSource;

/** Reads an endpoint's source (spec 01 §2.5): inline code, or a file next to the YAML (absolute = under the root). */
public final class SourceLoader {

    private SourceLoader() {
    }

    /** Where a {@code source.file} points. */
    public static Path resolve(EndpointDefinition definition, Path root) {
        String file = definition.source().file();
        if (file.startsWith("/")) {
            return root.resolve(file.substring(1)).normalize();
        }
        return definition.file().toAbsolutePath().getParent().resolve(file).normalize();
    }

    public static EndpointSource load(EndpointDefinition definition, Path root) throws IOException {
        return load(definition, root, SourceLoader::readText);
    }

    /** Loads the source, reading a source file through {@code files} (e.g. a cache). */
    public static EndpointSource load(EndpointDefinition definition, Path root, StampedFileCache.Reader<String> files)
            throws IOException {
        String code = definition.source().code();
        Path file = null;
        if (code == null) {
            file = resolve(definition, root);
            code = files.read(file);
        }
        return new EndpointSource(definition.kind().yamlKey(), definition.identifier(), definition.language(), code,
                file, definition.file(), ParameterTypes.of(definition));
    }

    /**
     * A source file's text; a folder is a {@link SourceIsFolderException}, anything else that is not a regular file a
     * {@link NoSuchFileException}, text that is not UTF-8 (nor a Python file's declared encoding) a
     * {@link StrictText.UndecodableFileException}.
     */
    public static String readText(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new SourceIsFolderException(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return StrictText.readSource(file);
    }

    /** A source path naming a folder, which the user would otherwise be told is missing. */
    public static final class SourceIsFolderException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        SourceIsFolderException(Path folder) {
            super(folder.toString(), null, "Is a directory");
        }
    }
}
