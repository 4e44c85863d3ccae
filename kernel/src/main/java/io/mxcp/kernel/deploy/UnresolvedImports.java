package io.mxcp.kernel.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Says in an operator's words which package imports keep a deployed bundle from resolving, and which versions of
 * those packages the server has instead (HOTSWAP.md rule 4: a plugin built against another major version of the SDK
 * is refused with a message naming both versions). The framework's own message shows only the import's filter.
 */
final class UnresolvedImports {

    private static final Pattern PACKAGE = Pattern.compile("\\(" + PackageNamespace.PACKAGE_NAMESPACE + "=([^)]+)\\)");
    private static final Pattern AT_LEAST = Pattern.compile("(?<!!)\\(version>=([^)]+)\\)");
    private static final Pattern ABOVE = Pattern.compile("\\(!\\(version<=([^)]+)\\)\\)");
    private static final Pattern BELOW = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern AT_MOST = Pattern.compile("(?<!!)\\(version<=([^)]+)\\)");

    private UnresolvedImports() {
    }

    /** What the bundle imports that no installed bundle exports in a matching version; null when imports are not why. */
    static String explain(BundleContext context, Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return null;
        }
        List<BundleCapability> exports = exports(context);
        List<String> problems = new ArrayList<>();
        for (BundleRequirement wanted : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            boolean optional = PackageNamespace.RESOLUTION_OPTIONAL.equals(
                    wanted.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (optional || exports.stream().anyMatch(wanted::matches)) {
                continue;
            }
            problems.add(describe(wanted, exports));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String describe(BundleRequirement wanted, List<BundleCapability> exports) {
        String filter = wanted.getDirectives().getOrDefault(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        Matcher name = PACKAGE.matcher(filter);
        if (!name.find()) {
            return "it needs " + filter + ", which nothing installed provides";
        }
        String packageName = name.group(1);
        String range = versionRange(filter);
        List<String> offered = exports.stream()
                .filter(export -> packageName.equals(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .map(export -> export.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) + " (from "
                        + export.getRevision().getSymbolicName() + ")")
                .distinct().toList();
        if (offered.isEmpty()) {
            return "it imports package " + packageName + range + ", which no installed bundle exports";
        }
        return "it imports package " + packageName + range + ", but this server has " + packageName + " "
                + String.join(", ", offered) + "; build it against a matching version";
    }

    /** The version range of an import, in OSGi notation, from the filter the framework made of it. */
    private static String versionRange(String filter) {
        String atLeast = first(AT_LEAST, filter);
        String above = first(ABOVE, filter);
        String below = first(BELOW, filter);
        String atMost = first(AT_MOST, filter);
        String lower = atLeast != null ? "[" + atLeast : above != null ? "(" + above : null;
        String upper = below != null ? below + ")" : atMost != null ? atMost + "]" : null;
        if (lower == null && upper == null) {
            return "";
        }
        if (upper == null) {
            return " version " + lower.substring(1) + (lower.startsWith("[") ? " or later" : " (exclusive) or later");
        }
        return " " + (lower != null ? lower : "[0.0.0") + "," + upper;
    }

    private static String first(Pattern pattern, String filter) {
        Matcher matcher = pattern.matcher(filter);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The packages every installed bundle exports (the bundle itself included: it may import what it exports). */
    private static List<BundleCapability> exports(BundleContext context) {
        List<BundleCapability> exports = new ArrayList<>();
        for (Bundle installed : context.getBundles()) {
            BundleRevision revision = installed.adapt(BundleRevision.class);
            if (revision != null && installed.getState() != Bundle.UNINSTALLED) {
                exports.addAll(revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE));
            }
        }
        return exports;
    }
}
