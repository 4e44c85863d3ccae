package io.mxcp.cli.serve;

import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.HttpServerOptions.RateLimit;

/**
 * How to serve: each setting from the command line, else the user config's {@code transport} block, else the
 * default (streamable HTTP on localhost:8000, with sessions). The HTTP limits and CORS origins come from
 * {@code transport.http} only ({@code json_response}, {@code max_request_bytes}, {@code max_concurrent_calls},
 * {@code cors_origins}, {@code allowed_hosts}, {@code rate_limit}, {@code trust_proxy}).
 */
public record ServeSettings(Transport transport, HttpServerOptions http) {

    static final int DEFAULT_PORT = 8000;
    private static final int MAX_PORT = 65_535;
    static final String DEFAULT_HOST = "localhost";

    /**
     * @param transportOption {@code --transport}, or null
     * @param portOption      {@code --port}, or null
     * @param statelessOption whether {@code --stateless} was given
     * @param userConfig      the project's resolved user config
     */
    public static ServeSettings resolve(Transport transportOption, Integer portOption, boolean statelessOption,
            Map<String, Object> userConfig) throws CommandFailure {
        Map<?, ?> transportBlock = map(userConfig.get("transport"));
        Map<?, ?> http = map(transportBlock.get("http"));

        Transport transport = transportOption != null ? transportOption : configuredTransport(transportBlock);
        if (transport == Transport.SSE) {
            throw CommandFailure.command("The sse transport is not supported: use streamable-http (endpoint /mcp) or stdio");
        }
        int port = portOption != null ? portOption : integer(http.get("port"), "transport.http.port", DEFAULT_PORT);
        if (port < 0 || port > MAX_PORT) {
            String source = portOption != null ? "--port" : "transport.http.port in the user config";
            throw CommandFailure.badParameter(source + ": " + port + " is not a TCP port (0 to " + MAX_PORT
                    + "; 0 takes a free one)");
        }
        String host = http.get("host") != null ? String.valueOf(http.get("host")) : DEFAULT_HOST;
        boolean stateless = statelessOption || flag(http.get("stateless"));
        long maxRequestBytes = number(http.get("max_request_bytes"), "transport.http.max_request_bytes",
                HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 1);
        long maxConcurrentCalls = number(http.get("max_concurrent_calls"), "transport.http.max_concurrent_calls",
                HttpServerOptions.DEFAULT_MAX_CONCURRENT_CALLS, 0);
        return new ServeSettings(transport, new HttpServerOptions(host, port, stateless,
                flag(http.get("json_response")), maxRequestBytes, (int) Math.min(maxConcurrentCalls, Integer.MAX_VALUE),
                texts(http.get("cors_origins"), "cors_origins"), texts(http.get("allowed_hosts"), "allowed_hosts"),
                rateLimit(http.get("rate_limit")), flag(http.get("trust_proxy"))));
    }

    public String host() {
        return http.host();
    }

    public int port() {
        return http.port();
    }

    public boolean stateless() {
        return http.stateless();
    }

    private static boolean flag(Object value) {
        return "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static long number(Object value, String key, long fallback, long least) throws CommandFailure {
        if (value == null) {
            return fallback;
        }
        try {
            long number = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CommandFailure.command("Invalid " + key + " in the user config: '" + value + "' is not a whole number >= "
                + least);
    }

    /** {@code {requests_per_minute, burst}} as the core validated it, or null for no limit. */
    private static RateLimit rateLimit(Object value) throws CommandFailure {
        if (!(value instanceof Map<?, ?> block)) {
            return null;
        }
        if (block.get("requests_per_minute") == null) {
            throw CommandFailure.command("transport.http.rate_limit.requests_per_minute is required in the user config");
        }
        long perMinute = number(block.get("requests_per_minute"), "transport.http.rate_limit.requests_per_minute", 1, 1);
        long burst = number(block.get("burst"), "transport.http.rate_limit.burst", perMinute, 1);
        return new RateLimit((int) Math.min(perMinute, Integer.MAX_VALUE), (int) Math.min(burst, Integer.MAX_VALUE));
    }

    /** A list of texts, or one text as a string (cors_origins, allowed_hosts). */
    private static List<String> texts(Object value, String key) throws CommandFailure {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw CommandFailure.command("Invalid transport.http." + key + " in the user config: " + value
                + " is not a list of texts");
    }

    private static Transport configuredTransport(Map<?, ?> transportBlock) throws CommandFailure {
        Object provider = transportBlock.get("provider");
        if (provider == null) {
            return Transport.STREAMABLE_HTTP;
        }
        Transport transport = Transport.named(String.valueOf(provider));
        if (transport == null) {
            throw CommandFailure.command("Invalid transport.provider in the user config: '" + provider
                    + "' (use streamable-http or stdio)");
        }
        return transport;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static int integer(Object value, String key, int fallback) throws CommandFailure {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw CommandFailure.command("Invalid " + key + " in the user config: '" + value + "' is not a port number");
        }
    }
}
