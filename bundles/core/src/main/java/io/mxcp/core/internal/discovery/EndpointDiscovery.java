package io.mxcp.core.internal.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.mxcp.core.internal.config.SitePaths;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;

/** Finds endpoint files (spec 01 §1.5): discovery with the duplicate check, and lookup for execution. */
public final class EndpointDiscovery {

    private static final System.Logger LOG = System.getLogger(EndpointDiscovery.class.getName());

    private final Path root;
    private final SitePaths paths;
    private final EndpointFileCache cache;
    /** The file each endpoint was last found in, so a call checks one file's stamp instead of walking a folder. */
    private final Map<String, Path> lastFound = new ConcurrentHashMap<>();
    /** The parse error last logged for each broken file, so a broken edit is logged once, not at every call. */
    private final Map<Path, String> loggedErrors = new ConcurrentHashMap<>();
    /** Files in another kind's folder already warned of: a command discovers several times. */
    private final Set<Path> loggedMisplaced = ConcurrentHashMap.newKeySet();
    /** {@code .yaml} files already warned of. */
    private final Set<Path> loggedYaml = ConcurrentHashMap.newKeySet();

    public EndpointDiscovery(Path root, SitePaths paths, EndpointFileCache cache) {
        this.root = root;
        this.paths = paths;
        this.cache = cache;
    }

    /** Every endpoint file of every kind, tools then resources then prompts, each sorted by path. */
    public List<DiscoveredEndpoint> discover() {
        List<DiscoveredEndpoint> found = new ArrayList<>();
        for (EndpointKind kind : EndpointKind.values()) {
            for (Path file : files(kind)) {
                ParsedEndpointFile parsed = cache.get(file);
                EndpointDefinition definition = parsed.definition();
                if (definition == null) {
                    found.add(new DiscoveredEndpoint(file, relativePath(file), kind, null, null, parsed.error()));
                } else if (definition.kind() != kind) {
                    if (loggedMisplaced.add(file)) {
                        LOG.log(Level.WARNING, "Skipping {0}: it defines a {1}, not a {2}", relativePath(file),
                                definition.kind().yamlKey(), kind.yamlKey());
                    }
                } else if (definition.enabled()) {
                    found.add(new DiscoveredEndpoint(file, relativePath(file), kind, definition.identifier(),
                            definition, null));
                    lastFound.put(key(kind, definition.identifier()), file);
                }
            }
        }
        return markDuplicates(found);
    }

    /**
     * The first enabled endpoint of the kind with that name or URI (§1.5 last paragraph). The file it was last found
     * in is tried first, re-read when it changed; only when it no longer defines the endpoint is the folder walked
     * again. (A second file defining the same endpoint is a duplicate, reported by discovery and validation.)
     */
    public Optional<EndpointDefinition> find(EndpointKind kind, String identifier) {
        String key = key(kind, identifier);
        Path known = lastFound.get(key);
        if (known != null) {
            EndpointDefinition definition = cache.get(known).definition();
            if (defines(definition, kind, identifier)) {
                return Optional.of(definition);
            }
            if (definition != null || !Files.exists(known)) {
                lastFound.remove(key); // kept while the file is broken, for brokenFileOf to name it
            }
        }
        Optional<Path> file = walkFor(kind, identifier);
        file.ifPresent(path -> lastFound.put(key, path));
        return file.map(path -> cache.get(path).definition()).filter(found -> defines(found, kind, identifier));
    }

    /**
     * Why an endpoint {@link #find} does not find is not simply gone: the file it was last found in is there but no
     * longer parses (an edit saved half-done), or a file that never loaded names it (a mistake in a new file), as
     * {@code find} left it in {@code lastFound}. The problem is logged once per file and error, at INFO: the call
     * that asked fails with the same text (a command's error, a server's failed-call warning).
     */
    public Optional<String> brokenFileOf(EndpointKind kind, String identifier) {
        Path known = lastFound.get(key(kind, identifier));
        String error = known == null || !Files.exists(known) ? null : cache.get(known).error();
        if (error == null) {
            return Optional.empty();
        }
        String problem = "Endpoint file " + relativePath(known) + " is invalid: " + error;
        if (!error.equals(loggedErrors.put(known, error))) {
            LOG.log(Level.INFO, "{0} {1} cannot be called: {2}", kind.yamlKey(), identifier, problem);
        }
        return Optional.of(problem);
    }

    private static String key(EndpointKind kind, String identifier) {
        return kind.yamlKey() + ":" + identifier;
    }

    private static boolean defines(EndpointDefinition definition, EndpointKind kind, String identifier) {
        return definition != null && definition.kind() == kind && definition.enabled()
                && identifier.equals(definition.identifier());
    }

    /** The first file that defines the endpoint, else the first that meant to but does not load. */
    private Optional<Path> walkFor(EndpointKind kind, String identifier) {
        Path meant = null;
        for (Path file : files(kind)) {
            ParsedEndpointFile parsed = cache.get(file);
            EndpointDefinition definition = parsed.definition();
            if (definition == null) {
                LOG.log(Level.DEBUG, "Skipping invalid endpoint file {0}: {1}", file, parsed.error());
                meant = meant == null && parsed.meant(kind, identifier) ? file : meant;
            } else if (defines(definition, kind, identifier)) {
                return Optional.of(file);
            }
        }
        return Optional.ofNullable(meant);
    }

    /** The folder scanned for a kind. */
    public Path directory(EndpointKind kind) {
        return root.resolve(switch (kind) {
            case TOOL -> paths.tools();
            case RESOURCE -> paths.resources();
            case PROMPT -> paths.prompts();
        });
    }

    /** A file's path relative to the root with {@code /} separators; the bare file name when outside it. */
    public String relativePath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            return absolute.getFileName().toString();
        }
        return root.relativize(absolute).toString().replace(absolute.getFileSystem().getSeparator(), "/");
    }

    private List<Path> files(EndpointKind kind) {
        Path dir = directory(kind);
        if (!Files.isDirectory(dir)) {
            LOG.log(Level.DEBUG, "No {0} folder at {1}", kind.plural(), dir);
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> isEndpointFile(p) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Cannot list {0}: {1}", dir, e.getMessage());
            return List.of();
        }
    }

    /** A {@code .yml} file; a {@code .yaml} one is passed over as the original does, with a warning once. */
    private boolean isEndpointFile(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".yaml") && loggedYaml.add(path)) {
            LOG.log(Level.WARNING, "Skipping {0}: endpoint files are read only when their name ends in .yml",
                    relativePath(path));
        }
        return name.endsWith(".yml");
    }

    private static List<DiscoveredEndpoint> markDuplicates(List<DiscoveredEndpoint> found) {
        Map<String, List<DiscoveredEndpoint>> byIdentifier = new LinkedHashMap<>();
        for (DiscoveredEndpoint endpoint : found) {
            if (endpoint.loaded()) {
                byIdentifier.computeIfAbsent(endpoint.identifier(), k -> new ArrayList<>()).add(endpoint);
            }
        }
        Map<DiscoveredEndpoint, String> errors = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, List<DiscoveredEndpoint>> group : byIdentifier.entrySet()) {
            List<DiscoveredEndpoint> involved = group.getValue();
            if (involved.size() < 2) {
                continue;
            }
            boolean anyResource = involved.stream().anyMatch(e -> e.kind() == EndpointKind.RESOURCE);
            String message = "Duplicate endpoint " + (anyResource ? "URI" : "name") + " '" + group.getKey()
                    + "' found in: " + String.join(", ", involved.stream().map(DiscoveredEndpoint::relativePath).toList());
            involved.forEach(e -> errors.put(e, message));
        }
        if (errors.isEmpty()) {
            return found;
        }
        List<DiscoveredEndpoint> result = new ArrayList<>();
        for (DiscoveredEndpoint endpoint : found) {
            String error = errors.get(endpoint);
            result.add(error == null ? endpoint
                    : new DiscoveredEndpoint(endpoint.file(), endpoint.relativePath(), endpoint.kind(), null, null, error));
        }
        return result;
    }
}
