package io.mxcp.mcp.internal.protocol;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.Project;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.mcp.internal.mapping.Completions;
import io.mxcp.mcp.internal.mapping.PromptCatalog;
import io.mxcp.mcp.internal.mapping.ResourceCatalog;
import io.mxcp.mcp.internal.mapping.ToolCatalog;

/**
 * The protocol layer between the transports and the project: routes a classified request to its method for
 * its era. Catalogs and list results are computed once, when the engine is built for a server start.
 */
public final class McpEngine {
    /** Methods that run an endpoint; transports run them off their reading thread. */
    private static final Set<String> ENDPOINT_METHODS = Set.of("tools/call", "resources/read", "prompts/get");

    private final ServerInfo info;
    private final Subscriptions subscriptions;
    private final Map<String, MethodHandler> legacy = new HashMap<>();
    private final Map<String, MethodHandler> modern = new HashMap<>();

    public McpEngine(Project project, ServerInfo info, ObjectMapper mapper) {
        this.info = info;
        Results results = new Results(mapper, info);
        var endpoints = project.endpoints();
        ToolCatalog tools = new ToolCatalog(endpoints, mapper);
        ResourceCatalog resources = new ResourceCatalog(endpoints, mapper);
        PromptCatalog prompts = new PromptCatalog(endpoints, mapper);

        legacy.put("initialize", new Initialize(results, mapper)::handle);
        legacy.put("ping", (params, context) -> RpcResult.of(mapper.createObjectNode()));
        legacy.put("logging/setLevel", (params, context) -> setLevel(params, context, mapper));
        // resources are computed on read: a subscription is accepted for a served URI, updates come with reloads
        legacy.put("resources/subscribe", subscription(resources, mapper));
        legacy.put("resources/unsubscribe", subscription(resources, mapper));
        modern.put("server/discover", cached(results.cacheable(discover(results, mapper), true, false), results));

        both("tools/list", listOf("tools", tools.descriptions(), results, mapper));
        both("resources/list", listOf("resources", resources.resources(), results, mapper));
        both("resources/templates/list", listOf("resourceTemplates", resources.templates(), results, mapper));
        both("prompts/list", listOf("prompts", prompts.descriptions(), results, mapper));

        InputRounds inputs = new InputRounds(new RequestStates(mapper, Clock.systemUTC()), results, mapper);
        EndpointMethods calls = new EndpointMethods(project, tools, resources, prompts, results, inputs, mapper);
        both("tools/call", calls::callTool);
        both("resources/read", calls::readResource);
        both("prompts/get", calls::getPrompt);
        both("completion/complete", new Complete(new Completions(endpoints), results, mapper)::handle);
        subscriptions = new Subscriptions(resources, mapper);
    }

    private void both(String method, MethodHandler handler) {
        legacy.put(method, handler);
        modern.put(method, handler);
    }

    public ServerInfo info() {
        return info;
    }

    /** Handles a request; notifications are the transports' business. */
    public RpcResult handle(JsonRpcMessage request, RequestContext context) throws JsonRpcException {
        MethodHandler handler = (context.modern() ? modern : legacy).get(request.method());
        if (handler == null) {
            throw JsonRpcErrors.methodNotFound(request.method(), context.modern());
        }
        if (context.modern()) {
            RequestNotifications.threshold(request.meta(), context);
        }
        return handler.handle(request.params(), context);
    }

    /** Legacy {@code logging/setLevel}: the level holds for the connection or session, when it has state. */
    private static RpcResult setLevel(ObjectNode params, RequestContext context, ObjectMapper mapper)
            throws JsonRpcException {
        LogLevel level = LogLevel.requested(params.get("level"), "level");
        if (context.sessionLevel() != null) {
            context.sessionLevel().set(level);
        }
        return RpcResult.of(mapper.createObjectNode());
    }

    /** Whether the request opens a listen stream, which the transport holds open after {@link #acknowledge}. */
    public static boolean opensListenStream(JsonRpcMessage request, Classification classification) {
        return classification.modern() && Subscriptions.LISTEN.equals(request.method());
    }

    /** The first message of a listen stream (spec 04b §4). */
    public ObjectNode acknowledge(JsonRpcMessage listen) throws JsonRpcException {
        return subscriptions.acknowledgement(listen);
    }

    /** The result that ends a listen stream from the server's side. */
    public RpcResult listenClosed(JsonNode listenId) {
        return RpcResult.of(subscriptions.closing(listenId));
    }

    public static boolean runsEndpoint(String method) {
        return ENDPOINT_METHODS.contains(method);
    }

    private static MethodHandler subscription(ResourceCatalog resources, ObjectMapper mapper) {
        return (params, context) -> {
            JsonNode uri = params.get("uri");
            if (uri == null || !uri.isTextual()) {
                throw JsonRpcErrors.invalidParams("Invalid params: 'uri' must be a string");
            }
            if (resources.match(uri.asText()) == null) {
                throw JsonRpcErrors.resourceNotFound(uri.asText(), false);
            }
            return RpcResult.of(mapper.createObjectNode());
        };
    }

    private static ObjectNode discover(Results results, ObjectMapper mapper) {
        ObjectNode discover = mapper.createObjectNode();
        ArrayNode versions = discover.putArray("supportedVersions");
        ProtocolVersions.SUPPORTED.forEach(versions::add);
        discover.set("capabilities", Initialize.capabilities(mapper));
        return discover;
    }

    /** A list result, serialized once per era. */
    private static MethodHandler listOf(String key, ArrayNode items, Results results, ObjectMapper mapper) {
        String legacyJson = results.serialized(results.cacheable(list(key, items, mapper), false, false));
        String modernJson = results.serialized(results.cacheable(list(key, items, mapper), true, false));
        return (params, context) -> RpcResult.ofJson(context.modern() ? modernJson : legacyJson);
    }

    private static ObjectNode list(String key, ArrayNode items, ObjectMapper mapper) {
        ObjectNode result = mapper.createObjectNode();
        result.set(key, items.deepCopy());
        return result;
    }

    private static MethodHandler cached(ObjectNode result, Results results) {
        String json = results.serialized(result);
        return (params, context) -> RpcResult.ofJson(json);
    }
}
