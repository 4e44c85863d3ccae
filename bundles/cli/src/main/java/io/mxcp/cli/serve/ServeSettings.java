package io.mxcp.cli.serve;

import java.util.Map;

import io.mxcp.cli.context.CommandFailure;

/**
 * How to serve: each setting from the command line, else the user config's {@code transport} block, else the
 * default (streamable HTTP on localhost:8000, with sessions).
 */
public record ServeSettings(Transport transport, String host, int port, boolean stateless) {

    static final int DEFAULT_PORT = 8000;
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
        String host = http.get("host") != null ? String.valueOf(http.get("host")) : DEFAULT_HOST;
        boolean stateless = statelessOption || "true".equalsIgnoreCase(String.valueOf(http.get("stateless")));
        return new ServeSettings(transport, host, port, stateless);
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
