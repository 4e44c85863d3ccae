package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;

class BatchAnswersTest {

    @Test
    void onceTheAnswersPassTheLimitTheMembersLeftAreRefusedNamingIt() throws Exception {
        BatchAnswers answers = new BatchAnswers(List.of(), 3L * 1024 * 1024);
        answers.add(("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(answers.full());
        answers.add(null); // a withdrawn member
        answers.add(("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(answers.full());
        answers.refuse(IntNode.valueOf(3), new JsonRpcCodec(Messages.JSON));

        JsonNode joined = Messages.JSON.readTree(answers.joined());
        assertEquals(3, joined.size());
        assertEquals(3, joined.get(2).get("id").asInt());
        assertEquals(-32000, joined.get(2).at("/error/code").asInt());
        assertEquals("Batch answer too large: the answers before this request already take more than 3 MiB (an eighth "
                + "of the server's Java heap), so it was not run; send fewer requests per batch",
                joined.get(2).at("/error/message").asText());
    }
}
