package io.mxcp.cli.serve;

/** The transports {@code mxcp serve} knows by name. */
public enum Transport {
    STREAMABLE_HTTP("streamable-http"),
    SSE("sse"),
    STDIO("stdio");

    private final String cliName;

    Transport(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The transport with this CLI / user-config name, or null. */
    public static Transport named(String name) {
        for (Transport transport : values()) {
            if (transport.cliName.equals(name)) {
                return transport;
            }
        }
        return null;
    }
}
