package io.mxcp.mcp.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.Sha256;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;

/**
 * One list method's answers: its items cut into pages of at most the configured size, each page serialized once per
 * era, and the cursors that lead from one page to the next. A cursor names the listing it was cut from, so that one
 * kept across a reload that changed the list is refused as such rather than skipping or repeating items.
 */
final class ListPages {
    /** How much of a refused cursor its error repeats. */
    private static final int SHOWN_CURSOR_CHARS = 64;

    private final String method;
    private final int pageSize;
    private final int itemCount;
    private final String listing;
    private final String fingerprint;
    private final List<String> legacyPages = new ArrayList<>();
    private final List<String> modernPages = new ArrayList<>();

    /**
     * @param key      the result's member that holds the items ({@code tools}, {@code resourceTemplates}, ...)
     * @param pageSize the most items a page holds
     */
    ListPages(String method, String key, ArrayNode items, int pageSize, Results results, ObjectMapper mapper) {
        this.method = method;
        this.pageSize = pageSize;
        this.itemCount = items.size();
        this.listing = results.serialized(page(key, items, 0, itemCount, mapper));
        this.fingerprint = Sha256.hex(listing).substring(0, 16);
        int offset = 0;
        do {
            int end = (int) Math.min((long) offset + pageSize, itemCount);
            ObjectNode legacy = page(key, items, offset, end, mapper);
            if (end < itemCount) {
                legacy.put("nextCursor", cursor(end));
            }
            ObjectNode modern = legacy.deepCopy();
            legacyPages.add(results.serialized(results.cacheable(legacy, false, false)));
            modernPages.add(results.serialized(results.cacheable(modern, true, false)));
            offset = end;
        } while (offset < itemCount);
    }

    /** The whole list as a legacy client reads it: a reload changed the list when this text differs. */
    String listing() {
        return listing;
    }

    /** The page the request's {@code cursor} leads to (the first without one). */
    RpcResult answer(JsonNode params, boolean modern) throws JsonRpcException {
        int page = offset(params == null ? null : params.get("cursor")) / pageSize;
        return RpcResult.ofJson((modern ? modernPages : legacyPages).get(page));
    }

    private int offset(JsonNode cursor) throws JsonRpcException {
        if (cursor == null || cursor.isNull()) {
            return 0;
        }
        if (!cursor.isTextual()) {
            throw JsonRpcErrors.invalidParams("Invalid params: 'cursor' must be a string");
        }
        // method:listing:offset
        String[] parts = decode(cursor.asText()).split(":", 3);
        if (parts.length == 3 && parts[0].equals(method)) {
            if (!parts[1].equals(fingerprint)) {
                throw JsonRpcErrors.invalidParams("Invalid params: the cursor belongs to an earlier " + method
                        + " (the server reloaded and the list changed since); list again without a cursor");
            }
            if (parts[2].matches("[1-9][0-9]{0,9}")) {
                long offset = Long.parseLong(parts[2]);
                if (offset < itemCount && offset % pageSize == 0) {
                    return (int) offset;
                }
            }
        }
        String text = cursor.asText();
        throw JsonRpcErrors.invalidParams("Invalid params: cursor '"
                + (text.length() > SHOWN_CURSOR_CHARS ? text.substring(0, SHOWN_CURSOR_CHARS) + "…" : text)
                + "' is not one this server gave for " + method + "; list again without a cursor");
    }

    private String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((method + ":" + fingerprint + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static ObjectNode page(String key, ArrayNode items, int from, int to, ObjectMapper mapper) {
        ObjectNode result = mapper.createObjectNode();
        ArrayNode page = result.putArray(key);
        for (int i = from; i < to; i++) {
            page.add(items.get(i).deepCopy());
        }
        return result;
    }
}
