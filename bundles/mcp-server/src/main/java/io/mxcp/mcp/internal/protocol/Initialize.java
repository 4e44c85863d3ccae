package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;

/** The legacy handshake: negotiates a 2025-era version (never 2026-07-28) and names the server. */
final class Initialize {
    private final Results results;
    private final ObjectMapper mapper;

    Initialize(Results results, ObjectMapper mapper) {
        this.results = results;
        this.mapper = mapper;
    }

    /** Also records the client's capabilities, which decide what the server may ask it (elicitation, sampling, roots). */
    RpcResult handle(ObjectNode params, RequestContext context) throws JsonRpcException {
        requireShape(params);
        String version = ProtocolVersions.negotiateLegacy(context.classification().protocolVersion());
        if (context.legacy() != null) {
            context.legacy().clientRequests().declare(params.get("capabilities"));
            context.legacy().negotiated(version);
        }
        ObjectNode result = mapper.createObjectNode();
        result.put("protocolVersion", version);
        // a stateless server keeps no session, so nothing could tell this client about changes later
        result.set("capabilities", capabilities(mapper, context.legacy() != null));
        result.set("serverInfo", results.serverInfo());
        return RpcResult.of(result);
    }

    /**
     * The members the 2025 schemas type: a client that sends {@code "protocolVersion": 5} has a bug that a negotiated
     * answer would hide (the SDKs refuse it the same way).
     */
    static void requireShape(ObjectNode params) throws JsonRpcException {
        if (!(params.get("protocolVersion") instanceof JsonNode version) || !version.isTextual()) {
            throw JsonRpcErrors.invalidParams("Invalid params: initialize needs protocolVersion, a string");
        }
        for (String member : new String[] {"capabilities", "clientInfo"}) {
            JsonNode value = params.get(member);
            if (value != null && !value.isObject()) {
                throw JsonRpcErrors.invalidParams("Invalid params: initialize's " + member + " must be an object");
            }
        }
    }

    /**
     * What the server offers: tools, resources and prompts, completions, and {@code logging}: endpoints' log messages,
     * at the level legacy clients set with {@code logging/setLevel} and modern ones name per request. With
     * {@code notifies}, resource subscriptions (legacy {@code resources/subscribe}, modern listen streams) and
     * {@code listChanged} on each list (a reload that changes a list says so).
     */
    static ObjectNode capabilities(ObjectMapper mapper, boolean notifies) {
        ObjectNode capabilities = mapper.createObjectNode();
        ObjectNode tools = capabilities.putObject("tools");
        ObjectNode resources = capabilities.putObject("resources");
        ObjectNode prompts = capabilities.putObject("prompts");
        if (notifies) {
            tools.put("listChanged", true);
            resources.put("subscribe", true).put("listChanged", true);
            prompts.put("listChanged", true);
        }
        capabilities.putObject("completions");
        capabilities.putObject("logging");
        return capabilities;
    }
}
