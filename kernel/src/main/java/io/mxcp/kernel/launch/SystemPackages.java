package io.mxcp.kernel.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: every package that a jar on the launcher's class
 * path declares in its {@code Export-Package} header, with its version. That is how DuckDB, Jackson, SnakeYAML,
 * Undertow and the kernel API reach bundles without being loaded twice (HOTSWAP.md rule 1).
 *
 * <p>A jar without that header but with a {@code module-info.class} (the GraalVM polyglot jars are JPMS modules,
 * not bundles) exports the packages its module descriptor exports to everyone, with the module's version when it
 * is a valid OSGi version.
 */
public final class SystemPackages {

    private static final Pattern OSGI_VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

    private SystemPackages() {
    }

    public static String fromClassPath(String classPath) {
        Map<String, String> versionByPackage = new LinkedHashMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                readExports(new File(entry), versionByPackage);
            }
        }
        List<String> clauses = new ArrayList<>();
        versionByPackage.forEach((pkg, version) -> clauses.add(version == null ? pkg : pkg + ";version=\"" + version + "\""));
        return String.join(",", clauses);
    }

    private static void readExports(File jar, Map<String, String> versionByPackage) {
        if (!jar.isFile() || jar.getName().startsWith("org.apache.felix.framework")) {
            return; // the framework exports its own packages
        }
        try (JarFile file = new JarFile(jar, false, ZipFile.OPEN_READ, Runtime.version())) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue(new Attributes.Name("Export-Package"));
            if (header != null) {
                for (String clause : splitOutsideQuotes(header, ',')) {
                    addClause(clause, versionByPackage);
                }
            } else {
                readModuleExports(file, versionByPackage);
            }
        } catch (IOException | InvalidModuleDescriptorException e) {
            System.getLogger(SystemPackages.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot read the manifest of " + jar + ": " + e.getMessage());
        }
    }

    /** The unqualified exports of the jar's module descriptor (the one for this JDK in a multi-release jar). */
    private static void readModuleExports(JarFile file, Map<String, String> versionByPackage) throws IOException {
        JarEntry entry = file.getJarEntry("module-info.class");
        if (entry == null) {
            return;
        }
        ModuleDescriptor descriptor;
        try (InputStream in = file.getInputStream(entry)) {
            descriptor = ModuleDescriptor.read(in);
        }
        String version = descriptor.rawVersion().filter(v -> OSGI_VERSION.matcher(v).matches()).orElse(null);
        descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .sorted()
                .forEach(pkg -> versionByPackage.putIfAbsent(pkg, version));
    }

    /** A clause is {@code pkg1;pkg2;attr=value;directive:=value}; keep the packages and the version. */
    private static void addClause(String clause, Map<String, String> versionByPackage) {
        List<String> packages = new ArrayList<>();
        String version = null;
        for (String part : splitOutsideQuotes(clause, ';')) {
            String item = part.trim();
            if (item.startsWith("version=")) {
                version = unquote(item.substring("version=".length()));
            } else if (!item.contains("=") && !item.isEmpty()) {
                packages.add(item);
            }
        }
        for (String pkg : packages) {
            versionByPackage.putIfAbsent(pkg, version);
        }
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.startsWith("\"") && trimmed.endsWith("\"") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
