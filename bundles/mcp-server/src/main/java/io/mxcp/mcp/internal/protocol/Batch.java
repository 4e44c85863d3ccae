package io.mxcp.mcp.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;

/**
 * A JSON-RPC batch, which only protocol revision 2025-03-26 has (2025-06-18 took it out; 2026-07-28 requests are
 * one per POST): its members sorted into what a transport does with each. A member that cannot be run is answered
 * here with its error, so one bad member never costs the others their answers. {@code initialize} must not be
 * batched (2025-03-26, lifecycle) and a 2026-07-28 request cannot be.
 *
 * @param responses     the client's answers to the server's requests
 * @param notifications notifications, which get no answer
 * @param requests      requests to run, each answered by the transport
 * @param refusals      the error responses of members that are not requests this server runs in a batch
 */
public record Batch(List<JsonNode> responses, List<JsonRpcMessage> notifications, List<JsonRpcMessage> requests,
        List<byte[]> refusals) {
    /** The one protocol revision with batches. */
    public static final String REVISION = "2025-03-26";
    /** The classification of a batch's requests: legacy, of the one revision that batches. */
    public static final Classification CLASSIFICATION = new Classification(Era.LEGACY, REVISION);

    /**
     * Refuses a batch where another revision was agreed or named.
     *
     * @param whose where the version comes from, as the refusal says it ("this session agreed on")
     * @param unit  what carries one message in that revision ("POST", "line")
     */
    public static void refuseOtherRevisions(String revision, String whose, String unit) throws JsonRpcException {
        String version = revision == null ? null : revision.strip();
        if (version != null && !version.equals(REVISION)) {
            throw JsonRpcErrors.invalidRequest("JSON-RPC batches belong to protocol revision " + REVISION + "; " + whose
                    + " " + version + ", which takes one message per " + unit);
        }
    }

    /**
     * Sorts a batch's members.
     *
     * @throws JsonRpcException -32600 for an empty batch, answered as one error (JSON-RPC 2.0 §6)
     */
    public static Batch of(JsonNode array, JsonRpcCodec codec) throws JsonRpcException {
        if (array.isEmpty()) {
            throw JsonRpcErrors.invalidRequest("an empty JSON-RPC batch");
        }
        Batch batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (JsonNode member : array) {
            batch.sort(member, codec);
        }
        return batch;
    }

    private void sort(JsonNode member, JsonRpcCodec codec) {
        if (JsonRpcCodec.isResponse(member)) {
            responses.add(member);
            return;
        }
        JsonRpcMessage message;
        try {
            message = codec.toMessage(member);
            refuseUnbatchable(message);
        } catch (JsonRpcException e) {
            JsonNode id = JsonRpcCodec.idOf(member);
            if (id != null || !member.has("method")) {
                refusals.add(codec.error(id, e));
            }
            return;
        }
        (message.isNotification() ? notifications : requests).add(message);
    }

    private static void refuseUnbatchable(JsonRpcMessage message) throws JsonRpcException {
        if (message.method().equals("initialize")) {
            throw JsonRpcErrors.invalidRequest("initialize must not be part of a JSON-RPC batch");
        }
        if (message.meta() != null && message.meta().has(MetaKeys.PROTOCOL_VERSION)) {
            throw JsonRpcErrors.invalidRequest("a " + ProtocolVersions.MODERN + " request cannot be part of a "
                    + "JSON-RPC batch (batches belong to protocol revision " + REVISION + ")");
        }
    }

    /** Whether anything in the batch needs an answer. */
    public boolean answered() {
        return !requests.isEmpty() || !refusals.isEmpty();
    }

    /** The batch's answers as one JSON array (JSON-RPC 2.0 §6: in any order, none for notifications). */
    public static byte[] join(List<byte[]> answers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(answers.stream().mapToInt(a -> a.length + 1).sum() + 1);
        out.write('[');
        for (int i = 0; i < answers.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(answers.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }
}
