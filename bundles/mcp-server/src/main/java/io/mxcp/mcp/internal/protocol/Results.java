package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Era-specific result fields: modern results carry {@code resultType} and {@code _meta.serverInfo}; cacheable
 * ones also {@code ttlMs} and {@code cacheScope} (spec 04b §2, §4). Legacy results stay as they were.
 */
final class Results {
    /**
     * Lists change only on reload, and only clients holding a listen stream hear of it: the others must not keep a
     * list beyond the request.
     */
    static final long TTL_MS = 0;

    private final ObjectMapper mapper;
    private final ObjectNode serverInfo;

    Results(ObjectMapper mapper, ServerInfo info) {
        this.mapper = mapper;
        this.serverInfo = mapper.createObjectNode().put("name", info.name()).put("version", info.version());
    }

    ObjectNode serverInfo() {
        return serverInfo.deepCopy();
    }

    ObjectNode complete(ObjectNode result, boolean modern) {
        if (modern) {
            result.put("resultType", "complete");
            result.putObject("_meta").set(MetaKeys.SERVER_INFO, serverInfo.deepCopy());
        }
        return result;
    }

    /** A modern result asking the client for input before the request can complete (spec 04b §5). */
    ObjectNode inputRequired(ObjectNode result) {
        result.put("resultType", "input_required");
        result.putObject("_meta").set(MetaKeys.SERVER_INFO, serverInfo.deepCopy());
        return result;
    }

    /** {@code cacheScope} is {@code private} when the result may depend on the caller (policies). */
    ObjectNode cacheable(ObjectNode result, boolean modern, boolean perCaller) {
        if (modern) {
            result.put("ttlMs", TTL_MS).put("cacheScope", perCaller ? "private" : "public");
        }
        return complete(result, modern);
    }

    /** The JSON text of a result that never changes while the server runs. */
    String serialized(ObjectNode result) {
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
