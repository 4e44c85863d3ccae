import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;

/**
 * The ceiling of the load benchmark: the least an HTTP server on the same stack can do per call — Undertow,
 * Jackson and DuckDB JDBC, without MCP: it reads a posted {@code tools/call}, runs the tool's query on a pooled
 * connection with a reused prepared statement and answers with a JSON-RPC result shaped like MXCP's (a text item
 * and the structured content). No sessions, no validation, no era handling, no cancellation.
 *
 * <p>Usage: {@code java -cp <distribution lib/*> Bare.java <port> <db-file>}.
 */
public class Bare {
    static final Map<String, String[]> TOOLS = Map.of(
            "echo", new String[] {"SELECT ? AS msg", "msg"},
            "sum", new String[] {"SELECT sum(i) AS s FROM range(?) t(i)", "n"},
            "top", new String[] {"SELECT * FROM items ORDER BY score DESC LIMIT ?", "n"});
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A pooled connection with its prepared statements. */
    record Pooled(Connection connection, Map<String, PreparedStatement> statements) {
        PreparedStatement prepared(String sql) throws Exception {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Connection root = DriverManager.getConnection("jdbc:duckdb:" + args[1]);
        int size = Math.max(10, 2 * Runtime.getRuntime().availableProcessors());
        BlockingQueue<Pooled> pool = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            pool.add(new Pooled(((org.duckdb.DuckDBConnection) root).duplicate(), new HashMap<>()));
        }
        Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(new BlockingHandler(exchange -> {
            JsonNode request = MAPPER.readTree(exchange.getInputStream());
            JsonNode params = request.path("params");
            String[] tool = TOOLS.get(params.path("name").asText());
            ObjectNode answer = MAPPER.createObjectNode().put("jsonrpc", "2.0").set("id", request.get("id"));
            if (tool == null) {
                answer.putObject("error").put("code", -32602).put("message", "Unknown tool");
            } else {
                JsonNode argument = params.path("arguments").path(tool[1]);
                List<Map<String, Object>> rows = new ArrayList<>();
                Pooled connection = pool.take();
                try {
                    PreparedStatement statement = connection.prepared(tool[0]);
                    statement.setObject(1, argument.isNumber() ? argument.longValue() : argument.asText());
                    try (ResultSet result = statement.executeQuery()) {
                        ResultSetMetaData meta = result.getMetaData();
                        while (result.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int c = 1; c <= meta.getColumnCount(); c++) {
                                Object value = result.getObject(c);
                                row.put(meta.getColumnName(c), value instanceof Number || value == null ? value : value.toString());
                            }
                            rows.add(row);
                        }
                    }
                } finally {
                    pool.put(connection);
                }
                Object value = rows.size() == 1 ? rows.getFirst() : rows;
                ObjectNode result = answer.putObject("result");
                result.putArray("content").addObject().put("type", "text").put("text", MAPPER.writeValueAsString(value));
                result.set("structuredContent", MAPPER.valueToTree(rows.size() == 1 ? value : Map.of("result", value)));
                result.put("isError", false);
            }
            byte[] body = MAPPER.writeValueAsBytes(answer);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        })).build().start();
        System.out.println("bare server on port " + port);
    }
}
