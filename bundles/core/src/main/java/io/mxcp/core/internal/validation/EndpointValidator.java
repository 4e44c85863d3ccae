package io.mxcp.core.internal.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.internal.pipeline.ExecutorSessions;
import io.mxcp.core.internal.pipeline.SourceLoader;
import io.mxcp.core.internal.pipeline.UnsupportedLanguageException;
import io.mxcp.core.internal.policy.PolicyCompiler;
import io.mxcp.core.internal.prompt.TemplateSyntaxException;
import io.mxcp.core.internal.prompt.TemplateVariables;
import io.mxcp.core.internal.types.PythonText;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointSource;

/** The semantic checks of one loaded endpoint (spec 01 §2.11); the first failing rule wins. */
public final class EndpointValidator {

    private static final Pattern URI_PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private final Path root;
    private final ExecutorSessions sessions;

    public EndpointValidator(Path root, ExecutorSessions sessions) {
        this.root = root;
        this.sessions = sessions;
    }

    /** The endpoint file's result: the first failing rule's message, none when the endpoint is valid. */
    public ValidationResult validate(String relativePath, EndpointDefinition definition) {
        Optional<String> failure;
        try {
            failure = switch (definition.kind()) {
                case PROMPT -> prompt(definition);
                case RESOURCE -> resourceUri(definition).or(() -> source(definition));
                case TOOL -> source(definition);
            };
        } catch (RuntimeException e) {
            failure = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (failure.isPresent()) {
            return new ValidationResult(relativePath, failure.get());
        }
        // a condition that cannot compile never holds: a deny rule would silently let every call through. Reported,
        // but the endpoint stays servable, as in the original, which checks no condition before a call
        return PolicyCompiler.compile(definition).compileError()
                .map(problem -> new ValidationResult(relativePath, problem, true))
                .orElseGet(() -> new ValidationResult(relativePath, null));
    }

    private static Optional<String> prompt(EndpointDefinition definition) {
        if (definition.messages() == null || definition.messages().isEmpty()) {
            return Optional.of("No messages found in prompt definition");
        }
        Set<String> declared = names(definition.parameters());
        for (int i = 0; i < definition.messages().size(); i++) {
            Set<String> undeclared;
            try {
                undeclared = new TreeSet<>(TemplateVariables.undeclared(definition.messages().get(i).prompt()));
            } catch (TemplateSyntaxException e) {
                return Optional.of(e.getMessage()); // the original's validator reports Jinja2's error as it is
            }
            undeclared.removeAll(declared);
            if (!undeclared.isEmpty()) {
                return Optional.of("Message " + i + " uses undefined template variables: " + String.join(", ", undeclared));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> resourceUri(EndpointDefinition definition) {
        Set<String> placeholders = new LinkedHashSet<>();
        Matcher m = URI_PLACEHOLDER.matcher(definition.uri());
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Set<String> unused = new TreeSet<>(names(definition.parameters()));
        unused.removeAll(placeholders);
        if (unused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Resource parameter(s) " + PythonText.repr(List.copyOf(unused)) + " are not used in uri '"
                + definition.uri() + "'. Put them in the uri or make a 'tool:' instead.");
    }

    private Optional<String> source(EndpointDefinition definition) {
        if ("python".equals(definition.language())) {
            return python(definition);
        }
        EndpointSource source;
        try {
            source = SourceLoader.load(definition, root);
        } catch (IOException e) {
            return Optional.of("Error resolving source code: " + describe(e));
        }
        if (source.code().isBlank()) {
            return Optional.of("No SQL query found");
        }
        return delegate(definition, source);
    }

    private Optional<String> python(EndpointDefinition definition) {
        String file = definition.source().file();
        if (file == null) {
            return Optional.of("Python endpoints must specify source.file");
        }
        // The rule checks the path as written: relative to the YAML folder, an absolute path as is.
        Path path = Path.of(file).isAbsolute() ? Path.of(file)
                : definition.file().toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            return Optional.of("Python source file not found: " + path);
        }
        return Optional.empty();
    }

    private Optional<String> delegate(EndpointDefinition definition, EndpointSource source) {
        try (ExecutorSessions.Lease lease = sessions.acquire(definition.language())) {
            return lease.session().validate(source, names(definition.parameters()));
        } catch (EndpointExecutionException | UnsupportedLanguageException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Set<String> names(List<ParameterDefinition> parameters) {
        Set<String> names = new LinkedHashSet<>();
        parameters.forEach(p -> names.add(p.name()));
        return names;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "[Errno 2] No such file or directory: '" + e.getMessage() + "'";
        }
        if (e instanceof SourceLoader.SourceIsFolderException folder) {
            return "[Errno 21] Is a directory: '" + folder.getFile() + "'";
        }
        return e.getMessage();
    }
}
