package io.mxcp.kernel.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the distribution lives and how the kernel is tuned. The launcher passes {@code mxcp.home} (and
 * {@code mxcp.launcher}); {@code conf/mxcp.properties} may override the folders, the deploy poll interval, and
 * carry framework properties ({@code org.osgi.*}, {@code felix.*}) that are handed to Felix as they are;
 * {@code MXCP_DEPLOY} overrides the deploy folder.
 */
public record KernelSettings(Path home, Path bundles, Path deploy, long deployPollMillis, Optional<Path> launcher,
        Properties frameworkProperties, String version, Optional<String> build) {

    /** One line: the build time and, when known, the commit (written by the distribution's build). */
    static final String BUILD_FILE = "lib/BUILD";

    public static KernelSettings fromSystemProperties() throws IOException {
        Path home = Path.of(System.getProperty("mxcp.home", ".")).toAbsolutePath().normalize();
        Properties conf = new Properties();
        Path confFile = home.resolve("conf/mxcp.properties");
        if (Files.isRegularFile(confFile)) {
            try (Reader reader = Files.newBufferedReader(confFile)) {
                conf.load(reader);
            }
        }
        Properties framework = new Properties();
        for (String key : conf.stringPropertyNames()) {
            if (key.startsWith("org.osgi.") || key.startsWith("felix.")) {
                framework.setProperty(key, conf.getProperty(key));
            }
        }
        String launcher = System.getProperty("mxcp.launcher");
        return new KernelSettings(home,
                home.resolve(conf.getProperty("mxcp.bundles", "bundles")),
                deployFolder(home, conf, System.getenv("MXCP_DEPLOY")),
                Long.parseLong(conf.getProperty("mxcp.deploy.poll.ms", "200")),
                launcher == null || launcher.isBlank() ? Optional.empty() : Optional.of(Path.of(launcher).toAbsolutePath()),
                framework,
                productVersion(),
                build(home.resolve(BUILD_FILE)));
    }

    /**
     * The hot-deploy folder: {@code MXCP_DEPLOY}, else {@code mxcp.deploy} of the conf file, else {@code deploy/}; a
     * relative path is the installation's. The variable lets a service keep its plugins outside the installation,
     * which an upgrade replaces (conf/mxcp.properties with it).
     */
    static Path deployFolder(Path home, Properties conf, String variable) {
        String folder = variable == null || variable.isBlank() ? conf.getProperty("mxcp.deploy", "deploy") : variable;
        return home.resolve(folder);
    }

    /** The distribution's build stamp, which bin/mxcp also reads (it names the class-data archives after it). */
    static Optional<String> build(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String stamp = Files.readString(file).strip();
        return stamp.isEmpty() ? Optional.empty() : Optional.of(stamp);
    }

    private static String productVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = KernelSettings.class.getResourceAsStream("/io/mxcp/kernel/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        return build.getProperty("version", "unknown");
    }
}
