package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.mcp.internal.arguments.ArgumentCheck;
import io.mxcp.mcp.internal.arguments.InvalidArgumentsException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.mcp.internal.mapping.PromptCatalog;
import io.mxcp.mcp.internal.mapping.ResourceCatalog;
import io.mxcp.mcp.internal.mapping.ToolCatalog;
import io.mxcp.mcp.internal.mapping.ToolResults;
import io.mxcp.sdk.exec.ClientInput;

/** {@code tools/call}, {@code resources/read} and {@code prompts/get}: run the endpoint through the core. */
final class EndpointMethods {
    private static final System.Logger LOG = System.getLogger(EndpointMethods.class.getName());

    private final Project project;
    private final ToolCatalog tools;
    private final ResourceCatalog resources;
    private final PromptCatalog prompts;
    private final Results results;
    private final ToolResults toolResults;
    private final InputRounds inputs;
    private final StopDrain stopDrain;
    private final ObjectMapper mapper;
    private final RepeatedFailures repeated = new RepeatedFailures(System::nanoTime);

    EndpointMethods(Project project, ToolCatalog tools, ResourceCatalog resources, PromptCatalog prompts,
            Results results, InputRounds inputs, StopDrain stopDrain, ObjectMapper mapper) {
        this.project = project;
        this.tools = tools;
        this.resources = resources;
        this.prompts = prompts;
        this.results = results;
        this.toolResults = new ToolResults(mapper);
        this.inputs = inputs;
        this.stopDrain = stopDrain;
        this.mapper = mapper;
    }

    /**
     * Arguments that fail the MCP-layer check (spec 01 §3.9) and failures while running are {@code isError}
     * results naming the tool. An unknown tool is a -32602 error for
     * modern requests (the 2026-07-28 schema's example) and an {@code isError} result for legacy ones (spec 04 §2).
     * A modern call whose tool needs client input gets an {@code input_required} result.
     */
    RpcResult callTool(ObjectNode params, RequestContext context) throws JsonRpcException {
        String name = requiredText(params, "name");
        ObjectNode arguments = arguments(params, "tools/call");
        ClientInput input = inputs.open("tools/call", name, params, context);
        ToolCatalog.Tool tool = tools.find(name);
        ObjectNode result;
        if (tool == null) {
            result = unknownTool(name, context);
        } else {
            try {
                Object value = project.execute(EndpointKind.TOOL, name, tool.arguments().apply(arguments),
                        options(params, context, input));
                result = toolResults.success(name, value, tool.definition().returns());
            } catch (InvalidArgumentsException e) {
                result = toolResults.error("Error executing tool " + name + ": " + e.getMessage());
            } catch (EndpointException e) {
                ObjectNode asked = inputs.inputRequired(e, input, "tools/call", name, params, context);
                if (asked != null) {
                    return RpcResult.of(asked);
                }
                logFailure("tools/call", name, e, context);
                result = e.reason() == EndpointException.Reason.NOT_FOUND ? unknownTool(name, context)
                        : toolResults.error("Error executing tool " + name + ": "
                                + stopDrain.failureText(e.getMessage(), context));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Tool " + name + " failed unexpectedly", e);
                result = toolResults.error("Error executing tool " + name + ": " + e);
            }
        }
        return RpcResult.of(results.complete(result, context.modern()));
    }

    private ObjectNode unknownTool(String name, RequestContext context) throws JsonRpcException {
        if (context.modern()) {
            throw JsonRpcErrors.invalidParams("Unknown tool: " + name);
        }
        return toolResults.error("Unknown tool: " + name);
    }

    /** Matches the URI against the declared URIs and templates; the placeholder values are the arguments. */
    RpcResult readResource(ObjectNode params, RequestContext context) throws JsonRpcException {
        String uri = requiredText(params, "uri");
        ClientInput input = inputs.open("resources/read", uri, params, context);
        ResourceCatalog.Match match = resources.match(uri);
        if (match == null) {
            throw JsonRpcErrors.resourceNotFound(uri, context.modern());
        }
        Object value;
        try {
            value = project.execute(EndpointKind.RESOURCE, match.definition().uri(), match.arguments(),
                    options(params, context, input));
        } catch (InvalidArgumentsException e) {
            throw JsonRpcErrors.invalidParams("Error creating resource from template: " + e.getMessage());
        } catch (EndpointException e) {
            ObjectNode asked = inputs.inputRequired(e, input, "resources/read", uri, params, context);
            if (asked != null) {
                return RpcResult.of(asked);
            }
            logFailure("resources/read", uri, e, context);
            if (e.reason() == EndpointException.Reason.EXECUTION_FAILED
                    || e.reason() == EndpointException.Reason.POLICY_DENIED) {
                throw JsonRpcErrors.internalError("Error reading resource " + uri + ": "
                        + stopDrain.failureText(e.getMessage(), context));
            }
            throw failure(e, () -> JsonRpcErrors.resourceNotFound(uri, context.modern()));
        }
        String declared = match.definition().mimeType();
        ObjectNode content = mapper.createObjectNode().put("uri", uri);
        content.put("mimeType", declared != null ? declared : value instanceof String ? "text/plain" : "application/json");
        content.put("text", toolResults.text(value));
        ObjectNode result = mapper.createObjectNode();
        result.putArray("contents").add(content);
        return RpcResult.of(results.cacheable(result, context.modern(), true));
    }

    /** Renders the prompt; a missing or invalid argument is a -32602 error naming it. */
    RpcResult getPrompt(ObjectNode params, RequestContext context) throws JsonRpcException {
        String name = requiredText(params, "name");
        ClientInput input = inputs.open("prompts/get", name, params, context);
        ArgumentCheck check = prompts.arguments(name);
        if (check == null) {
            throw JsonRpcErrors.invalidParams("Unknown prompt: " + name);
        }
        Object rendered;
        try {
            rendered = project.execute(EndpointKind.PROMPT, name, check.apply(arguments(params, "prompts/get")),
                    options(params, context, input));
        } catch (InvalidArgumentsException e) {
            throw JsonRpcErrors.invalidParams("Error rendering prompt " + name + ": " + e.getMessage());
        } catch (EndpointException e) {
            ObjectNode asked = inputs.inputRequired(e, input, "prompts/get", name, params, context);
            if (asked != null) {
                return RpcResult.of(asked);
            }
            logFailure("prompts/get", name, e, context);
            throw failure(e, () -> JsonRpcErrors.invalidParams("Unknown prompt: " + name));
        }
        ObjectNode result = mapper.createObjectNode();
        result.set("messages", prompts.messages(rendered));
        return RpcResult.of(results.complete(result, context.modern()));
    }

    private interface NotFound {
        JsonRpcException error();
    }

    /**
     * An endpoint that failed while running (SQL, Python, output) is logged for the operator, who sees nothing else
     * of it without an audit log (with its trace under {@code --debug}: a Python endpoint's frames; otherwise the
     * same failure of the same endpoint once a minute), and a policy's refusal too, as information; arguments the
     * client got wrong are the client's to read, and a call the client cancelled failed because it asked so.
     */
    private void logFailure(String method, String name, EndpointException e, RequestContext context) {
        if (context.cancellation() != null && context.cancellation().isCancelled()) {
            return;
        }
        switch (e.reason()) {
            case EXECUTION_FAILED -> logExecutionFailure(method, name, e);
            case POLICY_DENIED -> LOG.log(System.Logger.Level.INFO, "{0} {1} refused: {2}", method, name,
                    e.loggableMessage());
            case NOT_FOUND, INVALID_ARGUMENTS -> {
            }
        }
    }

    private void logExecutionFailure(String method, String name, EndpointException e) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.WARNING, "{0} {1} failed: {2}", method, name, e.loggableTrace());
            return;
        }
        String message = e.loggableMessage();
        String repeats = repeated.admit(method + " " + name, message);
        if (repeats != null) {
            LOG.log(System.Logger.Level.WARNING, "{0} {1} failed: {2}{3}", method, name, message, repeats);
        }
    }

    private static JsonRpcException failure(EndpointException e, NotFound notFound) {
        return switch (e.reason()) {
            case NOT_FOUND -> notFound.error();
            case INVALID_ARGUMENTS -> JsonRpcErrors.invalidParams(e.getMessage());
            case EXECUTION_FAILED, POLICY_DENIED -> JsonRpcErrors.internalError(e.getMessage());
        };
    }

    private CallOptions options(ObjectNode params, RequestContext context, ClientInput input) throws JsonRpcException {
        return new CallOptions(context.user(), context.requestHeaders(), context.cancellation(), false,
                RequestNotifications.of(params, context, mapper), input).withAuditCaller(context.caller())
                .withTraceContext(TraceContexts.of(params, context.requestHeaders()));
    }

    private static String requiredText(ObjectNode params, String member) throws JsonRpcException {
        JsonNode value = params.get(member);
        if (value == null || !value.isTextual()) {
            throw JsonRpcErrors.invalidParams("Invalid params: '" + member + "' must be a string");
        }
        return value.asText();
    }

    private ObjectNode arguments(ObjectNode params, String method) throws JsonRpcException {
        JsonNode arguments = params.get("arguments");
        if (arguments == null || arguments.isNull()) {
            return mapper.createObjectNode();
        }
        if (!(arguments instanceof ObjectNode object)) {
            throw JsonRpcErrors.invalidParams("Invalid params: " + method + " 'arguments' must be an object");
        }
        return object;
    }
}
