package io.mxcp.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Plugin bundle jars made by the tests: other versions of a built plugin, and plugins compiled from test sources. */
final class PluginJars {

    private PluginJars() {
    }

    /** Writes a copy of the bundle jar {@code source} that says it is version {@code version}. */
    static void withVersion(Path source, String version, OutputStream out) throws IOException {
        rewritten(source, headers -> headers.putValue("Bundle-Version", version), out);
    }

    /** Writes a copy of the bundle jar {@code source} whose manifest headers {@code change} edited. */
    static void rewritten(Path source, Consumer<Attributes> change, OutputStream out) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = in.getManifest();
            change.accept(manifest.getMainAttributes());
            try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
    }

    /**
     * Compiles the plugin sources under the test resource folder {@code resourceFolder} against the distribution's
     * plugin SDK and OSGi framework API and writes them, with the folder's other files (its OSGI-INF component
     * descriptions), as a bundle of the given name and version whose {@code Service-Component} header lists
     * {@code components}. The classes are compiled into a new folder under {@code scratch}.
     */
    static void compiled(String resourceFolder, Path scratch, String symbolicName, String version,
            String importPackage, String components, OutputStream out) throws IOException {
        Path sources = resourceFolder(resourceFolder);
        Path classes = Files.createTempDirectory(scratch, resourceFolder + "-classes");
        List<String> javaFiles;
        try (Stream<Path> files = Files.walk(sources)) {
            javaFiles = files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(),
                "-classpath", Distribution.home().resolve("bundles/mxcp-plugins-sdk.jar") + File.pathSeparator
                        + osgiFramework()));
        arguments.addAll(javaFiles);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new)) != 0) {
            throw new AssertionError("the test plugin in " + sources + " does not compile:\n" + diagnostics);
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", importPackage);
        main.putValue("Service-Component", components);
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            addTree(jar, classes);
            addTree(jar, sources, file -> !file.toString().endsWith(".java"));
        }
    }

    /** The framework jar of the distribution, for plugins that use the OSGi API ({@code org.osgi.framework}). */
    private static Path osgiFramework() throws IOException {
        try (Stream<Path> jars = Files.list(Distribution.home().resolve("lib"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("org.apache.felix.framework-"))
                    .findFirst().orElseThrow(() -> new IOException("no Felix framework jar in the distribution's lib/"));
        }
    }

    private static void addTree(JarOutputStream jar, Path root) throws IOException {
        addTree(jar, root, file -> true);
    }

    private static void addTree(JarOutputStream jar, Path root, Predicate<Path> wanted)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(wanted).sorted().toList()) {
                jar.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }

    private static Path resourceFolder(String name) {
        try {
            URL url = PluginJars.class.getResource("/" + name);
            if (url == null) {
                throw new IllegalStateException("no test resource folder " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
