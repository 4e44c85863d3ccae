package io.mxcp.mcp.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host names a server bound to a non-loopback interface answers to ({@code transport.http.allowed_hosts}):
 * exact names, or {@code *.example.com} for any subdomain. IP addresses and {@code localhost} always pass: DNS
 * rebinding puts the attacker's domain name in {@code Host}, never an address, and load balancers' health checks
 * often name the address. Without a list every host passes.
 */
final class AllowedHosts {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> names;

    AllowedHosts(List<String> configured) {
        this.names = configured.stream().map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).toList();
    }

    /** @param host the {@code Host} header's name, without the port, lower-cased */
    boolean allows(String host) {
        if (names.isEmpty() || host.equals("localhost") || host.startsWith("[") || IPV4.matcher(host).matches()) {
            return true;
        }
        for (String name : names) {
            if (name.startsWith("*.") ? host.endsWith(name.substring(1)) : host.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
