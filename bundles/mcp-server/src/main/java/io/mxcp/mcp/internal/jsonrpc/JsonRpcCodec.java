package io.mxcp.mcp.internal.jsonrpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads inbound JSON-RPC messages and writes responses. Results are written either from a tree or from
 * pre-serialized JSON ({@link RpcResult#raw}), so cached results are not re-serialized per request.
 */
public final class JsonRpcCodec {
    /** A place in Jackson's messages: {@code [Source: <description>; line: L, column: C]}. */
    private static final Pattern PLACE_IN_SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    /**
     * Inbound messages are read strictly: a second value after the first, or a member named twice, is a parse error
     * rather than something a filter in front of the server and the server itself could read differently.
     */
    private final ObjectReader inbound;

    public JsonRpcCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
        this.inbound = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses bytes as one JSON value. */
    public JsonNode parse(byte[] body) throws JsonRpcException {
        return parseWith(() -> inbound.readTree(body));
    }

    private interface TreeRead {
        JsonNode read() throws IOException;
    }

    private static JsonNode parseWith(TreeRead read) throws JsonRpcException {
        try {
            JsonNode node = read.read();
            if (node == null || node.isMissingNode()) {
                throw JsonRpcErrors.parseError("empty message");
            }
            return node;
        } catch (StreamConstraintsException e) {
            // Jackson's text names its own settings, of no use to a client
            throw JsonRpcErrors.parseError("the message is nested, long or large beyond what the server reads");
        } catch (MismatchedInputException e) {
            // the trailing-token check's text names Jackson's feature and classes
            throw JsonRpcErrors.parseError(e.getOriginalMessage().startsWith("Trailing token")
                    ? "more than one JSON value in the message" : located(e));
        } catch (JsonProcessingException e) {
            throw JsonRpcErrors.parseError(located(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Jackson's message with its places as {@code line L, column C} and where reading stopped: the source
     * description it puts in a place names one of its settings, of no use to a client.
     */
    private static String located(JsonProcessingException e) {
        String message = PLACE_IN_SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
        JsonLocation stopped = e.getLocation();
        return stopped == null || stopped.getLineNr() < 1 ? message
                : message + ", at line " + stopped.getLineNr() + ", column " + stopped.getColumnNr();
    }

    /** Whether the value is a JSON-RPC response (a reply to a server request), which this server ignores. */
    public static boolean isResponse(JsonNode node) {
        return node.isObject() && !node.has("method") && (node.has("result") || node.has("error"));
    }

    /**
     * Reads a request or notification.
     *
     * @throws JsonRpcException -32600 for anything that is not one (a batch is the transport's to take apart)
     */
    public JsonRpcMessage toMessage(JsonNode node) throws JsonRpcException {
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
        if (id != null && !id.isTextual() && !isEchoableNumber(id)) {
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
        return id != null && (id.isTextual() || isEchoableNumber(id)) ? id : null;
    }

    /** 1e400 reads as infinity, which could not be echoed as the number the client sent. */
    private static boolean isEchoableNumber(JsonNode id) {
        return id.isNumber() && Double.isFinite(id.asDouble());
    }

    public byte[] result(JsonNode id, RpcResult result) {
        return response(256, id, gen -> {
            gen.writeFieldName("result");
            if (result.raw() != null) {
                gen.writeRawValue(result.raw());
            } else {
                gen.writeTree(result.tree());
            }
        });
    }

    /** An error response; {@code id} is null when the request's id could not be read. */
    public byte[] error(JsonNode id, JsonRpcException error) {
        return response(128, id, gen -> {
            gen.writeObjectFieldStart("error");
            gen.writeNumberField("code", error.code());
            gen.writeStringField("message", error.getMessage());
            if (error.data() != null) {
                gen.writeFieldName("data");
                gen.writeTree(error.data());
            }
            gen.writeEndObject();
        });
    }

    private interface ResponseBody {
        void writeTo(JsonGenerator gen) throws IOException;
    }

    /** The response envelope ({@code jsonrpc}, {@code id}) around the member {@code body} writes. */
    private byte[] response(int expectedSize, JsonNode id, ResponseBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedSize);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.setCodec(mapper);
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", "2.0");
            writeId(gen, id);
            body.writeTo(gen);
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
