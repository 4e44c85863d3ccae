package io.mxcp.kernel.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Checks that a dropped file is a bundle jar before the framework sees it, for a clear message when it is not. */
final class JarInspection {

    private JarInspection() {
    }

    /** Returns why the file is not a bundle jar, or null when it is one. */
    static String problemWith(Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return "not a bundle jar (no META-INF/MANIFEST.MF)";
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "not a bundle jar (the manifest has no Bundle-SymbolicName)";
            }
            return null;
        } catch (IOException e) {
            return "not a bundle jar (" + e.getMessage() + ")";
        }
    }
}
