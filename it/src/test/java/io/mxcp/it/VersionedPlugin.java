package io.mxcp.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The UDF plugin of this module's test sources {@code versioned-plugin/}: {@code versioned_answer()} says which
 * version and build answers, and a build (the {@code X-Mxcp-It-Build} header) changes what it does.
 */
final class VersionedPlugin {

    private VersionedPlugin() {
    }

    /** Compiles the plugin as a bundle of that name, version and build (null: the plain one); drops it as one file. */
    static void drop(Path deploy, Path scratch, String fileName, String symbolicName, String version, String build)
            throws IOException {
        Path compiled = Files.createTempFile(scratch, "versioned", ".jar");
        try (OutputStream out = Files.newOutputStream(compiled)) {
            PluginJars.compiled("versioned-plugin", scratch, symbolicName, version,
                    "io.mxcp.sdk.udf;version=\"[1.0,2)\",org.osgi.framework", "OSGI-INF/versioned.xml", out);
        }
        DeployDrop.drop(deploy, fileName, out -> PluginJars.rewritten(compiled, headers -> {
            if (build != null) {
                headers.putValue("X-Mxcp-It-Build", build);
            }
        }, out));
    }
}
