package io.mxcp.core.internal.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.HeapExhaustion;
import io.mxcp.core.api.EndpointException.Reason;
import io.mxcp.core.internal.discovery.EndpointDiscovery;
import io.mxcp.core.internal.files.StampedFileCache;
import io.mxcp.core.internal.files.StrictText;
import io.mxcp.core.internal.policy.EndpointPolicies;
import io.mxcp.core.internal.policy.PolicyCache;
import io.mxcp.core.internal.policy.PolicyEnforcer;
import io.mxcp.core.internal.prompt.PromptRenderException;
import io.mxcp.core.internal.prompt.PromptRenderer;
import io.mxcp.core.internal.sqltools.BuiltinSqlTools;
import io.mxcp.core.internal.telemetry.CallTelemetry;
import io.mxcp.core.internal.telemetry.ExecutorRun;
import io.mxcp.core.internal.types.ArgumentValidator;
import io.mxcp.core.internal.types.InvalidArgumentException;
import io.mxcp.core.internal.types.OutputException;
import io.mxcp.core.internal.types.OutputShaper;
import io.mxcp.core.internal.types.OutputValidator;
import io.mxcp.core.internal.types.PolicyArguments;
import io.mxcp.core.internal.types.ValueSerializer;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.PromptMessage;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.telemetry.TelemetrySpan;

/**
 * One endpoint call (spec 01 §4.1): lookup, input policies, input conversion, executor, output shaping, output
 * validation, serialization, output policies; prompts are rendered instead of executed. Each stage of a traced call
 * records its span (spec 03 §6.2): the execution engine's around conversion, executor and output checks.
 */
public final class EndpointPipeline {

    private static final String SQL_FAILURE_PREFIX = "Failed to execute SQL: ";
    private static final String OUT_OF_MEMORY = HeapExhaustion.message("running this call or checking its result");

    private final Path root;
    private final EndpointDiscovery discovery;
    private final ExecutorSessions sessions;
    private final BuiltinSqlTools builtins;
    /** Whether the project's database is read-only, as SQL execution spans report it. */
    private final boolean readOnly;
    /** Source files are read again on every call only when they changed (edits still apply at once). */
    private final StampedFileCache<String> sources = new StampedFileCache<>(SourceLoader::readText);
    private final PolicyCache policyCache = new PolicyCache();

    /**
     * @param builtins the built-in SQL tools served beside the project's own tools (none when disabled)
     * @param readOnly whether the project's database is opened read-only
     */
    public EndpointPipeline(Path root, EndpointDiscovery discovery, ExecutorSessions sessions, BuiltinSqlTools builtins,
            boolean readOnly) {
        this.root = root;
        this.discovery = discovery;
        this.sessions = sessions;
        this.builtins = builtins;
        this.readOnly = readOnly;
    }

    public Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options)
            throws EndpointException {
        return execute(kind, identifier, arguments, options, new CallTrace());
    }

    /** Runs a call, noting in the trace what it resolved to and what its policies decided. */
    public Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options,
            CallTrace trace) throws EndpointException {
        EndpointDefinition definition = resolve(kind, identifier, trace);
        trace.hidden().addSensitive(arguments, definition.parameters());
        EndpointPolicies policies = policyCache.of(definition);
        UserContext user = options == null ? null : options.user();
        CallTelemetry telemetry = trace.telemetry();
        if (!policies.isEmpty()) {
            PolicyEnforcer.checkInput(identifier, policies, PolicyArguments.of(definition.parameters(),
                    withDefaults(definition.parameters(), arguments)), user, trace.policies(), telemetry,
                    trace.hidden());
        }
        boolean skipValidation = options != null && options.skipOutputValidation();
        Object result = kind == EndpointKind.PROMPT ? renderPrompt(definition, arguments, skipValidation)
                : runEndpoint(definition, arguments, options, skipValidation, trace);
        return PolicyEnforcer.applyOutput(identifier, policies, result, user, definition.returns(), trace.policies(),
                telemetry, trace.hidden());
    }

    /**
     * A tool or resource, in the execution engine's span: converted arguments, the executor, then shaping,
     * validation and serialization.
     */
    private Object runEndpoint(EndpointDefinition definition, Map<String, Object> arguments, CallOptions options,
            boolean skipValidation, CallTrace trace) throws EndpointException {
        CallTelemetry telemetry = trace.telemetry();
        boolean adHocSql = BuiltinSqlTools.isExecuteSqlQuery(definition);
        TelemetrySpan engine = telemetry.open("mxcp.execution_engine.execute");
        if (engine.recording()) {
            engine.setAttribute("mxcp.execution.language", adHocSql ? "sql" : definition.language());
            engine.setAttribute("mxcp.params.count", arguments == null ? 0 : arguments.size());
            engine.setAttribute("mxcp.has_input_schema", !definition.parameters().isEmpty());
            engine.setAttribute("mxcp.has_output_schema", definition.returns() != null);
        }
        try {
            Map<String, Object> converted = validatedArguments(definition.parameters(), arguments, telemetry);
            ResultCheck check = value -> {
                Object shaped = OutputShaper.shape(value, definition.returns());
                // an output check's or an output policy's error may quote a value the endpoint marks sensitive
                trace.hidden().addSensitive(shaped, definition.returns());
                if (definition.returns() != null && !skipValidation) {
                    OutputValidator.validate(shaped, definition.returns());
                }
                return ValueSerializer.serialize(shaped);
            };
            Object result = adHocSql
                    ? run("sql", () -> EndpointSource.adHocSql(definition.name(), (String) converted.get("sql")),
                            Map.of(), options, check, telemetry)
                    : run(definition.language(), () -> source(definition), converted, options, check, telemetry);
            if (engine.recording() && result instanceof List<?> rows) {
                engine.setAttribute("mxcp.result.count", rows.size());
            }
            telemetry.close(engine);
            return result;
        } catch (EndpointException | RuntimeException | Error e) {
            telemetry.close(engine, e);
            throw e;
        }
    }

    /** The arguments converted and checked against the parameters, in the span {@code mxcp.validation.input}. */
    private static Map<String, Object> validatedArguments(List<ParameterDefinition> parameters,
            Map<String, Object> arguments, CallTelemetry telemetry) throws EndpointException {
        TelemetrySpan validation = telemetry.open("mxcp.validation.input");
        try {
            Map<String, Object> converted = convertArguments(parameters, arguments);
            validation.setAttribute("mxcp.validation.passed", true);
            telemetry.close(validation);
            return converted;
        } catch (EndpointException e) {
            validation.setAttribute("mxcp.validation.passed", false);
            telemetry.close(validation, e);
            throw e;
        }
    }

    /**
     * Runs SQL as {@code mxcp query} does: no conversion of the parameters, rows serialized, and DuckDB's own
     * message on failure.
     */
    public List<Map<String, Object>> query(String sql, Map<String, Object> parameters, CallOptions options)
            throws EndpointException {
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) ValueSerializer.serialize(
                    run("sql", () -> EndpointSource.adHocSql("query", sql), parameters == null ? Map.of() : parameters,
                            options, ResultCheck.NONE, CallTelemetry.NONE));
            return rows;
        } catch (EndpointException e) {
            String message = e.getMessage();
            if (message != null && message.startsWith(SQL_FAILURE_PREFIX)) {
                throw new EndpointException(e.reason(), message.substring(SQL_FAILURE_PREFIX.length()), e.getCause());
            }
            throw e;
        }
    }

    /**
     * Finds the endpoint a call names and notes it in the trace, without running anything (a call refused before it
     * runs still needs it to be recorded).
     *
     * @throws EndpointException NOT_FOUND when no enabled endpoint has that name
     */
    public EndpointDefinition resolve(EndpointKind kind, String identifier, CallTrace trace) throws EndpointException {
        EndpointDefinition definition = lookup(kind, identifier);
        trace.resolved(definition);
        return definition;
    }

    /** The definition a call of the endpoint runs (spec 01 §1.5 execution lookup), or a built-in SQL tool. */
    public Optional<EndpointDefinition> find(EndpointKind kind, String identifier) {
        Optional<EndpointDefinition> found = discovery.find(kind, identifier);
        return found.isEmpty() && kind == EndpointKind.TOOL ? builtins.find(identifier) : found;
    }

    private EndpointDefinition lookup(EndpointKind kind, String identifier) throws EndpointException {
        Optional<EndpointDefinition> found = find(kind, identifier);
        if (found.isPresent()) {
            return found.get();
        }
        Optional<String> broken = discovery.brokenFileOf(kind, identifier);
        throw broken.isPresent() ? new EndpointException(Reason.EXECUTION_FAILED, broken.get())
                : new EndpointException(Reason.NOT_FOUND, "Endpoint '" + identifier + "' not found in " + kind.plural());
    }

    /**
     * Executes and checks the result while the session is leased, so that a result failing its check is reported
     * with what produced it (the executor's {@link ExecutorSession#resultOrigin}).
     */
    private Object run(String language, SourceSupplier source, Map<String, Object> arguments, CallOptions options,
            ResultCheck check, CallTelemetry telemetry) throws EndpointException {
        try (ExecutorSessions.Lease lease = sessions.acquire(language)) {
            EndpointSource loaded = source.get();
            Object result = execute(lease.session(), loaded, arguments, options, telemetry);
            TelemetrySpan validation = check == ResultCheck.NONE ? CallTelemetry.NONE.root()
                    : telemetry.open("mxcp.validation.output");
            try {
                Object checked = check.apply(result);
                validation.setAttribute("mxcp.validation.passed", true);
                telemetry.close(validation);
                return checked;
            } catch (OutputException e) {
                validation.setAttribute("mxcp.validation.passed", false);
                telemetry.close(validation, e);
                throw new EndpointException(Reason.EXECUTION_FAILED, e.getMessage() + origin(lease.session(), loaded), e);
            }
        } catch (EndpointExecutionException | UnsupportedLanguageException e) {
            throw new EndpointException(Reason.EXECUTION_FAILED, e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            // a LinkageError: the executor's bundle went away mid-call and a class it still needed cannot be loaded
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new EndpointException(Reason.EXECUTION_FAILED, message, e);
        } catch (OutOfMemoryError e) {
            if (!HeapExhaustion.is(e)) {
                throw e; // metaspace, native threads: more heap would not help, and the text says what ran out
            }
            // what filled the heap is this call's (and maybe its neighbours') results, unreachable once thrown past
            throw new EndpointException(Reason.EXECUTION_FAILED, OUT_OF_MEMORY, e);
        }
    }

    /** The executor's run, in its span ({@code mxcp.duckdb.execute}, {@code mxcp.python.execute}) and metrics. */
    private Object execute(ExecutorSession session, EndpointSource source, Map<String, Object> arguments,
            CallOptions options, CallTelemetry telemetry) throws EndpointExecutionException {
        ExecutorRun run = ExecutorRun.start(telemetry, source, arguments, readOnly);
        try {
            Object result = session.execute(source, arguments, CallContext.of(options));
            run.succeeded(result);
            return result;
        } catch (EndpointExecutionException | RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    /** {@code " (returned by <origin>)"}, or nothing when the executor names no origin. */
    private static String origin(ExecutorSession session, EndpointSource source) {
        try {
            return session.resultOrigin(source).map(origin -> " (returned by " + origin + ")").orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static Map<String, Object> convertArguments(List<ParameterDefinition> parameters, Map<String, Object> arguments)
            throws EndpointException {
        try {
            return ArgumentValidator.validate(parameters, arguments);
        } catch (InvalidArgumentException e) {
            throw new EndpointException(Reason.INVALID_ARGUMENTS, e.getMessage(), e);
        }
    }

    /** Loads the source once a session is leased, so a missing executor is reported before a missing file. */
    private interface SourceSupplier {
        EndpointSource get() throws EndpointException;
    }

    /** Output shaping, validation and serialization of a result (spec 01 §3.5–3.6). */
    private interface ResultCheck {
        ResultCheck NONE = result -> result;

        Object apply(Object result) throws OutputException;
    }

    private EndpointSource source(EndpointDefinition definition) throws EndpointException {
        try {
            return SourceLoader.load(definition, root, sources::get);
        } catch (IOException e) {
            Path file = SourceLoader.resolve(definition, root);
            String kind = "python".equals(definition.language()) ? "Python file " : "Source file ";
            // named from the project's root: the message reaches MCP clients, who have no business with server paths
            Path shown = file.startsWith(root) ? root.relativize(file) : file;
            String message = switch (e) {
                case SourceLoader.SourceIsFolderException folder -> kind + "is a folder: " + shown;
                case StrictText.UndecodableFileException text -> kind + shown + " is " + text.problem();
                default -> kind + "not found: " + shown;
            };
            throw new EndpointException(Reason.EXECUTION_FAILED, message, e);
        }
    }

    /** The rendered messages, each {@code {prompt, role, type}} (spec 01 §2.4). */
    private static List<Map<String, Object>> renderPrompt(EndpointDefinition definition, Map<String, Object> arguments,
            boolean skipValidation) throws EndpointException {
        Map<String, Object> variables;
        if (definition.parameters().isEmpty()) {
            variables = arguments == null ? Map.of() : arguments;
        } else if (skipValidation) {
            variables = withDefaults(definition.parameters(), arguments);
        } else {
            variables = convertArguments(definition.parameters(), arguments);
        }
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (PromptMessage message : definition.messages()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            try {
                entry.put("prompt", PromptRenderer.render(message.prompt(), variables));
            } catch (PromptRenderException e) {
                throw new EndpointException(Reason.EXECUTION_FAILED, e.getMessage(), e);
            }
            entry.put("role", message.role());
            entry.put("type", message.type());
            rendered.add(entry);
        }
        return rendered;
    }

    private static Map<String, Object> withDefaults(List<ParameterDefinition> parameters, Map<String, Object> arguments) {
        Map<String, Object> variables = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        for (ParameterDefinition parameter : parameters) {
            if (!variables.containsKey(parameter.name()) && parameter.type().hasDefault()) {
                variables.put(parameter.name(), parameter.type().defaultValue());
            }
        }
        return variables;
    }
}
