package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.Messages;

/** A client that goes away cancels its running call; clients that stay keep their connection working. */
class DisconnectWatchTest {
    private final FakeProject project = new FakeProject();
    private RunningServer server;

    @BeforeEach
    void start() throws IOException {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project, new HttpServerOptions("localhost", 0, true));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private byte[] request(ObjectNode message) {
        return request(message, "application/json, text/event-stream");
    }

    private byte[] request(ObjectNode message, String accept) {
        byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode name = message.at("/params/name");
        String head = "POST /mcp HTTP/1.1\r\n"
                + "Host: localhost:" + server.port() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: " + accept + "\r\n"
                + "MCP-Protocol-Version: 2026-07-28\r\n"
                + "Mcp-Method: " + message.get("method").asText() + "\r\n"
                + (name.isTextual() ? "Mcp-Name: " + name.asText() + "\r\n" : "")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(body, 0, all, head8.length, body.length);
        return all;
    }

    /** Reads one HTTP response with a Content-Length and returns its body as JSON. */
    private static JsonNode response(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        assertTrue(headers.startsWith("HTTP/1.1 200"), headers);
        int length = -1;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return Messages.parse(new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    @Test
    void closingTheConnectionCancelsTheRunningCall() throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.getOutputStream().write(request(modern(1, "tools/call", call("slow", null))));
            socket.getOutputStream().flush();
            assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS), "the call started");
        }
        assertTrue(project.slowCancelled.await(1, TimeUnit.SECONDS), "the call was cancelled within a second");
    }

    @Test
    void closingAnEventStreamAnswerCancelsTheRunningCall() throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.getOutputStream().write(request(modern(1, "tools/call", call("slow", null)), "text/event-stream"));
            socket.getOutputStream().flush();
            assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS), "the call started");
        }
        assertTrue(project.slowCancelled.await(1, TimeUnit.SECONDS), "the call was cancelled within a second");
    }

    @Test
    void keepAliveConnectionServesRequestAfterRequest() throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 20; i++) {
                out.write(request(modern(i, "tools/call", call("echo", Messages.object().put("text", "hi " + i)))));
                out.flush();
                JsonNode answer = response(in);
                assertEquals(i, answer.get("id").asInt());
                assertEquals("hi " + i, answer.at("/result/content/0/text").asText());
            }
        }
        assertEquals(1, project.slowStarted.getCount(), "nothing ran but echo");
    }

    @Test
    void pipelinedRequestIsAnsweredAfterTheRunningOne() throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request(modern(1, "tools/call", call("echo", Messages.object().put("text", "first")))));
            out.write(request(modern(2, "tools/list", null)));
            out.flush();
            InputStream in = socket.getInputStream();
            assertEquals("first", response(in).at("/result/content/0/text").asText());
            JsonNode second = response(in);
            assertEquals(2, second.get("id").asInt());
            assertTrue(second.at("/result/tools").isArray());
        }
    }
}
