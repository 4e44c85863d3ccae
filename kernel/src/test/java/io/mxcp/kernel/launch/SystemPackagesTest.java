package io.mxcp.kernel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPackagesTest {

    @TempDir
    Path temp;

    @Test
    void exportsPackagesWithVersionsAndDropsDirectives() throws IOException {
        Path library = jar("lib.jar", "com.acme.a;version=\"2.1.0\";uses:=\"com.acme.b,com.acme.c\","
                + "com.acme.b;com.acme.c;version=1.5,org.plain");
        Path notABundle = jar("plain.jar", null);

        String exports = SystemPackages.fromClassPath(library + File.pathSeparator + notABundle
                + File.pathSeparator + temp.resolve("classes-folder"));

        assertEquals("com.acme.a;version=\"2.1.0\",com.acme.b;version=\"1.5\",com.acme.c;version=\"1.5\",org.plain",
                exports);
    }

    @Test
    void theKernelApiIsExportedFromTheRealClassPath() {
        String exports = SystemPackages.fromClassPath(System.getProperty("java.class.path"));
        assertTrue(exports.contains("org.duckdb"), exports);
        assertTrue(exports.contains("com.fasterxml.jackson.databind;version=\"2."), exports);
        assertFalse(exports.contains("uses:="), exports);
    }

    @Test
    void aModuleJarWithoutBundleHeadersExportsItsUnqualifiedModuleExports() {
        String polyglotJar = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(entry -> entry.contains("polyglot-25")).findFirst().orElseThrow();

        List<String> exports = List.of(SystemPackages.fromClassPath(polyglotJar).split(","));

        assertTrue(exports.contains("org.graalvm.polyglot"), exports.toString());
        assertTrue(exports.contains("org.graalvm.polyglot.proxy"), exports.toString());
        assertFalse(exports.contains("org.graalvm.polyglot.impl"), "qualified export leaked: " + exports);
    }

    @Test
    void splitsOnlyOutsideQuotes() {
        assertEquals(List.of("a;x=\"1,2\"", "b"), SystemPackages.splitOutsideQuotes("a;x=\"1,2\",b", ','));
    }

    private Path jar(String name, String exportPackage) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (exportPackage != null) {
            manifest.getMainAttributes().putValue("Export-Package", exportPackage);
        }
        Path file = temp.resolve(name);
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.flush();
        }
        return file;
    }
}
