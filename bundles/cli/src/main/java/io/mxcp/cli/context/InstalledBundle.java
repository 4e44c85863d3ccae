package io.mxcp.cli.context;

import java.util.List;

/**
 * One bundle of the running framework, as an operator asks about it: which plugin runs in which version, from which
 * jar, and what it offers; or a jar of the deploy folder that was not taken ({@code refused}, nothing installed).
 *
 * @param symbolicName its {@code Bundle-SymbolicName}; null for a refused jar
 * @param version      its {@code Bundle-Version}; null for a refused jar
 * @param state        {@code active}, {@code resolved}, {@code installed}, {@code starting}, {@code stopping} or
 *                     {@code refused}
 * @param source       {@code deploy} (hot deployed), {@code bundles} (the platform) or {@code framework}
 * @param file         the jar's file name in its folder; null for the framework
 * @param services     the interfaces of the services it registered now, sorted
 * @param problem      why it cannot serve although it runs (a deployed plugin the server could not use), or why a
 *                     refused jar was not taken; null when it serves
 */
public record InstalledBundle(String symbolicName, String version, String state, String source, String file,
        List<String> services, String problem) {
}
