package io.mxcp.cli.context;

import java.util.List;

/**
 * One bundle of the running framework, as an operator asks about it: which plugin runs in which version, from which
 * jar, and what it offers.
 *
 * @param symbolicName its {@code Bundle-SymbolicName}
 * @param version      its {@code Bundle-Version}
 * @param state        {@code active}, {@code resolved}, {@code installed}, {@code starting} or {@code stopping}
 * @param source       {@code deploy} (hot deployed), {@code bundles} (the platform) or {@code framework}
 * @param file         the jar's file name in its folder; null for the framework
 * @param services     the interfaces of the services it registered now, sorted
 * @param problem      why it cannot serve although it runs (a deployed plugin the server could not use); null when
 *                     it serves
 */
public record InstalledBundle(String symbolicName, String version, String state, String source, String file,
        List<String> services, String problem) {
}
