package io.mxcp.mcp.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;

/**
 * The answers of one JSON-RPC batch, held until they go out together. Each member keeps within its own limits, but a
 * batch of a few hundred calls with medium results would hold them all at once: once the answers take more than one
 * result may (an eighth of the heap), the members left get an error instead of running.
 */
public final class BatchAnswers {
    private static final int HEAP_SHARE_DIVISOR = 8;

    private final List<byte[]> answers = new ArrayList<>();
    private final long limitBytes;
    private long bytes;

    public BatchAnswers(List<byte[]> refusals) {
        this(refusals, Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR);
    }

    BatchAnswers(List<byte[]> refusals, long limitBytes) {
        this.limitBytes = limitBytes;
        refusals.forEach(this::add);
    }

    /** Whether the members left are refused rather than run. */
    public boolean full() {
        return bytes > limitBytes;
    }

    /** Adds a member's answer; null (a withdrawn request) adds nothing. */
    public void add(byte[] answer) {
        if (answer != null) {
            answers.add(answer);
            bytes += answer.length;
        }
    }

    /** Answers a member that was not run because the batch's answers are full. */
    public void refuse(JsonNode id, JsonRpcCodec codec) {
        add(codec.error(id, new JsonRpcException(JsonRpcErrors.SERVER_ERROR, String.format(Locale.ROOT,
                "Batch answer too large: the answers before this request already take more than %,d MiB (an eighth "
                        + "of the server's Java heap), so it was not run; send fewer requests per batch",
                Math.max(1, limitBytes / (1024 * 1024))), null, 200)));
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }

    /** The answers as one JSON array. */
    public byte[] joined() {
        return Batch.join(answers);
    }
}
