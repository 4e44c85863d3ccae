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
 * carry framework properties ({@code org.osgi.*}, {@code felix.*}) that are handed to Felix as they are.
 */
public record KernelSettings(Path home, Path bundles, Path deploy, long deployPollMillis, Optional<Path> launcher,
        Properties frameworkProperties, String version) {

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
                home.resolve(conf.getProperty("mxcp.deploy", "deploy")),
                Long.parseLong(conf.getProperty("mxcp.deploy.poll.ms", "200")),
                launcher == null || launcher.isBlank() ? Optional.empty() : Optional.of(Path.of(launcher).toAbsolutePath()),
                framework,
                productVersion());
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
