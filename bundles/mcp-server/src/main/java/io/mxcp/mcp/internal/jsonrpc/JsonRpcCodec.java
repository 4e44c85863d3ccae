package io.mxcp.mcp.internal.jsonrpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads inbound JSON-RPC messages and writes responses. Results are written either from a tree or from
 * pre-serialized JSON ({@link RpcResult#raw}), so cached results are not re-serialized per request.
 */
public final class JsonRpcCodec {
    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public JsonRpcCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses bytes as one JSON value. */
    public JsonNode parse(byte[] body) throws JsonRpcException {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw JsonRpcErrors.parseError("empty message");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JsonRpcErrors.parseError(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode parse(String line) throws JsonRpcException {
        try {
            JsonNode node = mapper.readTree(line);
            if (node == null || node.isMissingNode()) {
                throw JsonRpcErrors.parseError("empty message");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JsonRpcErrors.parseError(e.getOriginalMessage());
        }
    }

    /** Whether the value is a JSON-RPC response (a reply to a server request), which this server ignores. */
    public static boolean isResponse(JsonNode node) {
        return node.isObject() && !node.has("method") && (node.has("result") || node.has("error"));
    }

    /**
     * Reads a request or notification.
     *
     * @throws JsonRpcException -32600 for anything that is not one (arrays included: no batches)
     */
    public JsonRpcMessage toMessage(JsonNode node) throws JsonRpcException {
        if (node.isArray()) {
            throw JsonRpcErrors.invalidRequest("JSON-RPC batches are not supported");
        }
        if (!node.isObject()) {
            throw JsonRpcErrors.invalidRequest("a message must be a JSON object");
        }
        if (!"2.0".equals(node.path("jsonrpc").asText(null))) {
            throw JsonRpcErrors.invalidRequest("'jsonrpc' must be \"2.0\"");
        }
        JsonNode method = node.get("method");
        if (method == null || !method.isTextual()) {
            throw JsonRpcErrors.invalidRequest("'method' must be a string");
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isTextual() && !id.isNumber()) {
            throw JsonRpcErrors.invalidRequest("'id' must be a string or a number");
        }
        JsonNode params = node.get("params");
        ObjectNode paramsObject;
        if (params == null || params.isNull()) {
            paramsObject = JsonNodeFactory.instance.objectNode();
        } else if (params instanceof ObjectNode object) {
            paramsObject = object;
        } else {
            throw JsonRpcErrors.invalidRequest("'params' must be an object");
        }
        return new JsonRpcMessage(id, method.asText(), paramsObject);
    }

    /** The id of a message that failed {@link #toMessage}, when it has a usable one; else null. */
    public static JsonNode idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && (id.isTextual() || id.isNumber()) ? id : null;
    }

    public byte[] result(JsonNode id, RpcResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.setCodec(mapper);
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", "2.0");
            writeId(gen, id);
            gen.writeFieldName("result");
            if (result.raw() != null) {
                gen.writeRawValue(result.raw());
            } else {
                gen.writeTree(result.tree());
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An error response; {@code id} is null when the request's id could not be read. */
    public byte[] error(JsonNode id, JsonRpcException error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.setCodec(mapper);
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", "2.0");
            writeId(gen, id);
            gen.writeObjectFieldStart("error");
            gen.writeNumberField("code", error.code());
            gen.writeStringField("message", error.getMessage());
            if (error.data() != null) {
                gen.writeFieldName("data");
                gen.writeTree(error.data());
            }
            gen.writeEndObject();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeId(JsonGenerator gen, JsonNode id) throws IOException {
        gen.writeFieldName("id");
        if (id == null) {
            gen.writeNull();
        } else {
            gen.writeTree(id);
        }
    }
}
