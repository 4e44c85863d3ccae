package io.mxcp.kernel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSettingsTest {

    @TempDir
    Path home;

    @Test
    void theDeployFolderComesFromTheVariableThenTheConfFileThenTheDefault() {
        Properties conf = new Properties();
        assertEquals(home.resolve("deploy"), KernelSettings.deployFolder(home, conf, null));
        conf.setProperty("mxcp.deploy", "plugins");
        assertEquals(home.resolve("plugins"), KernelSettings.deployFolder(home, conf, " "));
        assertEquals(Path.of("/srv/mxcp-plugins"), KernelSettings.deployFolder(home, conf, "/srv/mxcp-plugins"),
                "the variable wins, so that it can live outside the installation an upgrade replaces");
    }

    @Test
    void theBuildIsTheStampFileLineWhenThereIsOne() throws IOException {
        Path file = home.resolve("BUILD");
        assertEquals(Optional.empty(), KernelSettings.build(file), "outside a distribution");
        Files.writeString(file, "20261129.204436 b8c3058c\n");
        assertEquals(Optional.of("20261129.204436 b8c3058c"), KernelSettings.build(file));
        Files.writeString(file, "20261129.204436 ");
        assertEquals(Optional.of("20261129.204436"), KernelSettings.build(file), "built outside a Git checkout");
    }
}
