package io.mxcp.core.internal.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.core.internal.files.StrictText;
import io.mxcp.core.internal.schema.LaxScalars;
import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.sdk.secrets.SecretResolutionException;
import io.mxcp.sdk.secrets.SecretResolver;

/**
 * Expands references in user-config strings (spec 01 §1.7): {@code ${NAME}} in place, and whole-value
 * {@code file://}, {@code vault://} and {@code op://} references. Vault and 1Password go to the
 * {@link SecretResolver} service for their scheme.
 */
final class ReferenceResolver {

    private static final System.Logger LOG = System.getLogger(ReferenceResolver.class.getName());

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Function<String, SecretResolver> resolvers;
    private final Map<String, Object> vaultSettings;
    private final Map<String, Object> onePasswordSettings;

    /**
     * @param resolvers           the installed resolver for a scheme, or null
     * @param vaultSettings       the raw (unresolved) {@code vault} block, or empty
     * @param onePasswordSettings the raw (unresolved) {@code onepassword} block, or empty
     */
    ReferenceResolver(Map<String, String> env, Path workingDirectory, Function<String, SecretResolver> resolvers,
            Map<String, Object> vaultSettings, Map<String, Object> onePasswordSettings) {
        this.env = env;
        this.workingDirectory = workingDirectory;
        this.resolvers = resolvers;
        this.vaultSettings = vaultSettings;
        this.onePasswordSettings = onePasswordSettings;
    }

    /**
     * A copy of the tree with every reference in it resolved; a failure is prefixed with the dotted location
     * of the value (spec 01 §0.4 style), e.g. {@code projects.demo.profiles.dev.secrets.0.parameters.TOKEN: ...}.
     */
    Object resolveTree(Object value, String location) throws ReferenceException {
        if (value instanceof String s) {
            try {
                return resolve(s);
            } catch (ReferenceException e) {
                throw new ReferenceException(location + ": " + e.getMessage());
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(entry.getKey(), resolveTree(entry.getValue(), location + "." + entry.getKey()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(resolveTree(list.get(i), location + "." + i));
            }
            return copy;
        }
        return value;
    }

    String resolve(String value) throws ReferenceException {
        if (value.startsWith("file://")) {
            return readFile(value.substring("file://".length()));
        }
        if (value.startsWith("vault://")) {
            return resolveSecret(value, "vault", "Vault", vaultSettings);
        }
        if (value.startsWith("op://")) {
            return resolveSecret(value, "op", "1Password", onePasswordSettings);
        }
        Matcher m = ENV_REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String replacement = env.get(m.group(1));
            if (replacement == null) {
                throw new ReferenceException("Environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(result);
        return result.toString();
    }

    /** Messages name the path looked at, which a relative reference takes from the working directory. */
    private String readFile(String location) throws ReferenceException {
        Path file = workingDirectory.resolve(location);
        if (!Files.exists(file)) {
            throw new ReferenceException("File not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ReferenceException("Path is not a file: " + file);
        }
        String content;
        try {
            content = StrictText.readUtf8(file).strip();
        } catch (StrictText.UndecodableFileException e) {
            throw new ReferenceException("File '" + file + "' is " + e.problem());
        } catch (AccessDeniedException e) {
            throw new ReferenceException("Permission denied reading file '" + file + "': " + e.getMessage());
        } catch (IOException e) {
            throw new ReferenceException("Error reading file '" + file + "': " + e.getMessage());
        }
        if (content.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "File ''{0}'' is empty", file);
        }
        return content;
    }

    private String resolveSecret(String reference, String scheme, String product, Map<String, Object> settings)
            throws ReferenceException {
        if (!enabled(settings.get("enabled"))) {
            throw new ReferenceException(product + " URL '" + reference + "' found but " + product
                    + " is not enabled in configuration");
        }
        SecretResolver resolver = resolvers.apply(scheme);
        if (resolver == null) {
            throw new ReferenceException("Cannot resolve '" + scheme + "://' reference '" + reference
                    + "': no secret resolver for scheme '" + scheme + "' is installed");
        }
        try {
            return resolver.resolve(reference, settings);
        } catch (SecretResolutionException e) {
            throw new ReferenceException(e.getMessage());
        }
    }

    private static boolean enabled(Object flag) {
        try {
            return flag != null && LaxScalars.toBoolean(flag, "enabled");
        } catch (SchemaException e) {
            return false;
        }
    }

    /** A reference that could not be resolved; the message is the spec's text. */
    static final class ReferenceException extends Exception {
        private static final long serialVersionUID = 1L;

        ReferenceException(String message) {
            super(message);
        }
    }
}
