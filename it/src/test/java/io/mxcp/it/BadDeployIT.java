package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broken drops into deploy/ are reported, naming the file and the reason, and do not disturb the running
 * server: a bundle whose import cannot be resolved, a `.jar` that is not a zip at all, and a plugin whose component
 * names a class it does not have (reported by the Declarative Services runtime on one line, not a stack trace).
 */
class BadDeployIT {

    private static final String MISSING_PACKAGE = "com.example.does.not.exist";
    private static final String MISSING_CLASS_BUNDLE = "io.mxcp.it.missing.clazz";
    private static final Duration REPORT_LIMIT = Duration.ofSeconds(10);
    /** A log record starts with its time: lines that do not are the continuation of the record before. */
    private static final Pattern RECORD_START = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d");

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivateHome((work, mxcp) -> mxcp.bootstrap(work, "bad"));

    @Test
    void brokenDropsAreReportedAndTheServerKeepsServing() throws Exception {
        Path deploy = served.deploy();
        ServerProcess server = served.server();
        McpHttpClient client = served.client();
        try (CallLoop helloLoop = new CallLoop(client)) {
            DeployDrop.drop(deploy, "missing-import.jar", BadDeployIT::writeBundleWithMissingImport);
            DeployDrop.drop(deploy, "built-for-sdk-2.jar", BadDeployIT::writePluginBuiltForSdk2);
            DeployDrop.drop(deploy, "sdk-9.jar", out -> PluginJars.withVersion(
                    Distribution.home().resolve("bundles/mxcp-plugins-sdk.jar"), "9.0.0", out));
            DeployDrop.drop(deploy, "broken.jar",
                    out -> out.write("this is not a zip file\n".getBytes(StandardCharsets.UTF_8)));
            DeployDrop.drop(deploy, "missing-class.jar", BadDeployIT::writeComponentWithMissingClass);

            String unresolved = reportAbout("missing-import.jar");
            assertTrue(unresolved.contains(MISSING_PACKAGE) && unresolved.toLowerCase().contains("resolve"),
                    () -> "the report does not name the missing package:\n" + unresolved);
            String wrongSdk = reportAbout("built-for-sdk-2.jar");
            assertTrue(Pattern.compile("cannot resolve: it imports package io\\.mxcp\\.sdk\\.udf \\[2\\.0\\.0,3\\.0\\.0\\),"
                    + " but this server has io\\.mxcp\\.sdk\\.udf 1\\.\\d+\\.\\d+ \\(from mxcp-plugins-sdk\\)")
                    .matcher(wrongSdk).find(), () -> "the report does not name both SDK versions:\n" + wrongSdk);
            String platform = reportAbout("sdk-9.jar");
            assertTrue(platform.contains("mxcp-plugins-sdk is part of the platform and exports packages other bundles"
                    + " are wired to: it cannot be swapped while mxcp runs; replace it in bundles/ and restart"),
                    () -> "the report does not refuse swapping the plugin SDK:\n" + platform);
            String notAJar = reportAbout("broken.jar");
            assertTrue(Pattern.compile("(?i)not a (bundle )?jar|zip").matcher(notAJar).find(),
                    () -> "the report does not say broken.jar is not a jar:\n" + notAJar);
            String cannotServe = reportAbout("missing-class.jar");
            assertTrue(cannotServe.contains("started " + MISSING_CLASS_BUNDLE + " 1.0.0, which cannot serve: its"
                    + " service ") && cannotServe.contains(" cannot be created: bundle " + MISSING_CLASS_BUNDLE)
                    && cannotServe.contains("Could not load implementation object class com.example.Missing"),
                    () -> "the deploy line does not say why the component cannot be created:\n" + cannotServe);
            String missingClass = reportAbout(MISSING_CLASS_BUNDLE + ":");
            assertTrue(missingClass.contains(" ERROR [org.apache.felix.scr] bundle " + MISSING_CLASS_BUNDLE + ":1.0.0 ")
                    && missingClass.contains("Could not load implementation object class com.example.Missing:"
                    + " java.lang.ClassNotFoundException: com.example.Missing not found by " + MISSING_CLASS_BUNDLE),
                    () -> "the runtime's report does not name the bundle and the class:\n" + missingClass);
            assertTrue(missingClass.lines().allMatch(line -> RECORD_START.matcher(line).find()),
                    () -> "the runtime's report is more than its line:\n" + missingClass);

            helloLoop.close();
            assertTrue(server.isAlive(), server::describe);
            assertTrue(helloLoop.calls() > 0, "the hello_world loop made no calls");
            assertEquals(List.of(), helloLoop.failures(), server::describe);
            assertEquals("Hello, World!", client.callTool("hello_world", Map.of("name", "World")).successText(),
                    server::describe);
        }
    }

    /** The log record (with its continuation lines) that names {@code fileName}. */
    private static String reportAbout(String fileName) {
        ServerProcess server = served.server();
        server.awaitStderrLine(REPORT_LIMIT, "a deploy report naming " + fileName, line -> line.contains(fileName));
        List<String> lines = server.stderr().lines().toList();
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fileName)) {
                record.append(lines.get(i)).append('\n');
                for (int next = i + 1; next < lines.size() && !RECORD_START.matcher(lines.get(next)).find(); next++) {
                    record.append(lines.get(next)).append('\n');
                }
            }
        }
        return record.toString();
    }

    /** The udf-examples plugin as if built against a plugin SDK 2, which this server does not have. */
    private static void writePluginBuiltForSdk2(OutputStream out) throws IOException {
        PluginJars.rewritten(Distribution.udfExamplesJar(), headers -> {
            String imports = headers.getValue("Import-Package");
            String sdk2 = imports.replaceFirst("io\\.mxcp\\.sdk\\.udf;version=\"\\[1\\.\\d+,2\\)\"",
                    "io.mxcp.sdk.udf;version=\"[2.0,3)\"");
            if (sdk2.equals(imports)) {
                throw new AssertionError("udf-examples no longer imports io.mxcp.sdk.udf [1.x,2): " + imports);
            }
            headers.putValue("Import-Package", sdk2);
        }, out);
    }

    /** A UDF plugin whose component description names an implementation class the jar does not have. */
    private static void writeComponentWithMissingClass(OutputStream out) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", MISSING_CLASS_BUNDLE);
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", "io.mxcp.sdk.udf");
        attributes.putValue("Service-Component", "OSGI-INF/missing.xml");
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("OSGI-INF/missing.xml"));
            jar.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="com.example.Missing">
                      <service><provide interface="io.mxcp.sdk.udf.SqlFunctionProvider"/></service>
                      <implementation class="com.example.Missing"/>
                    </scr:component>
                    """.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    /** A bundle that imports a package nobody exports, so the framework cannot resolve it. */
    private static void writeBundleWithMissingImport(OutputStream out) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", "io.mxcp.it.missing.import");
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", MISSING_PACKAGE);
        new JarOutputStream(out, manifest).finish();
    }
}
