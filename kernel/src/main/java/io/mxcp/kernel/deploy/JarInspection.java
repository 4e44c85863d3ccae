package io.mxcp.kernel.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;

/**
 * Reads a dropped file's manifest before the framework sees it: for a clear message when it is not a bundle jar, and
 * for its symbolic name, which the swap rules check.
 */
record JarInspection(String symbolicName, String version, String problem) {

    /** The bundle's symbolic name (without directives) and version, or why the file is not a bundle jar. */
    static JarInspection of(Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return failed("not a bundle jar (no META-INF/MANIFEST.MF)");
            }
            String symbolicName = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (symbolicName == null) {
                return failed("not a bundle jar (the manifest has no Bundle-SymbolicName)");
            }
            String version = manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            return new JarInspection(symbolicName.split(";", 2)[0].strip(),
                    version == null ? "0.0.0" : version.strip(), null);
        } catch (IOException e) {
            return failed("not a bundle jar (" + e.getMessage() + ")");
        }
    }

    private static JarInspection failed(String problem) {
        return new JarInspection(null, null, problem);
    }
}
