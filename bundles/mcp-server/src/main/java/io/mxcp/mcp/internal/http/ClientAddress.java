package io.mxcp.mcp.internal.http;

import java.net.InetSocketAddress;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Who sent a request, for per-client limits: the connection's peer, or behind a trusted proxy
 * ({@code transport.http.trust_proxy}) the first address of {@code X-Forwarded-For} — without the trust a client
 * could name any address and so escape its limit.
 */
final class ClientAddress {
    private static final HttpString FORWARDED_FOR = HttpString.tryFromString("X-Forwarded-For");

    private ClientAddress() {
    }

    static String of(HttpServerExchange exchange, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = exchange.getRequestHeaders().getFirst(FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            }
        }
        InetSocketAddress peer = exchange.getSourceAddress();
        return peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
    }
}
