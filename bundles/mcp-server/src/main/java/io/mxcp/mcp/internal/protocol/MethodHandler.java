package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;

/** Answers one MCP method. */
@FunctionalInterface
interface MethodHandler {
    RpcResult handle(ObjectNode params, RequestContext context) throws JsonRpcException;
}
