package io.mxcp.mcp.internal.oauth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps the server from fetching client metadata documents inside its own network (server-side request forgery):
 * a host is fetched only when every address it resolves to is a public one — not loopback, private, link-local,
 * unique-local, carrier-grade NAT, multicast or unspecified. The JVM caches the lookup (30 s by default), so the
 * fetch that follows connects to the addresses checked here, not to what a re-pointed name would give.
 */
class PublicAddressGuard {

    /** @throws OAuthError {@code invalid_client} when the host resolves nowhere or to a non-public address */
    void check(String host) throws OAuthError {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused(host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw refused(host + " resolves to " + address.getHostAddress() + ", which is not a public address");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            // 0.0.0.0/8, 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24 (protocol assignments)
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xFF) == 0);
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local addresses
            return (bytes[0] & 0xFE) != 0xFC;
        }
        return false;
    }

    private static OAuthError refused(String reason) {
        return OAuthError.badRequest("invalid_client", "The client metadata document cannot be fetched: " + reason);
    }
}
