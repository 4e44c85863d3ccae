package io.mxcp.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The atomic drop HOTSWAP.md asks operators for: the file is written under a name the deployer ignores, then
 * renamed into place, so the deployer never sees half a jar.
 */
final class DeployDrop {

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private DeployDrop() {
    }

    static void drop(Path deployFolder, String fileName, Content content) throws IOException {
        Path partial = deployFolder.resolve(fileName + ".tmp");
        try (OutputStream out = Files.newOutputStream(partial)) {
            content.writeTo(out);
        }
        Files.move(partial, deployFolder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }
}
