package io.mxcp.kernel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

import io.mxcp.kernel.api.KernelEnvironment.RefusedJar;

class DeployDirectoryTest {

    @TempDir
    Path temp;

    private Framework framework;
    private Path deploy;
    private DeployDirectory directory;
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final ReportedProblems problems = new ReportedProblems();
    private final Logger deployLogger = Logger.getLogger("io.mxcp.kernel.deploy");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, temp.resolve("cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE); // as the kernel's
        framework = new Felix(config);
        framework.start();
        deploy = Files.createDirectories(temp.resolve("deploy"));
        directory = new DeployDirectory(deploy, framework.getBundleContext(), problems, 50);
        deployLogger.addHandler(capture);
    }

    @AfterEach
    void stopFramework() throws Exception {
        deployLogger.removeHandler(capture);
        directory.close();
        framework.stop();
        framework.waitForStop(5000);
    }

    @Test
    void replacesSideBySideAndRemovesWhenTheFileGoes() throws Exception {
        drop("plugin.jar", bundleJar("sample.plugin", "1.0.0", null));
        scanUntilSettled();
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"));

        drop("plugin.jar", bundleJar("sample.plugin", "2.0.0", null));
        scanUntilSettled();
        assertEquals(List.of("2.0.0"), activeVersions("sample.plugin"), "exactly the new version runs");
        assertEquals(1, installed("sample.plugin").size(), "the old version is uninstalled");
        assertEquals(Optional.of("plugin.jar"), DeployDirectory.deployedFile(installed("sample.plugin").getFirst()));
        assertEquals(Optional.empty(), DeployDirectory.deployedFile(framework));

        Files.delete(deploy.resolve("plugin.jar"));
        directory.scan();
        assertTrue(installed("sample.plugin").isEmpty());
    }

    @Test
    void filesThatAreNotPluginsArePassedOverSayingSoOnce() throws Exception {
        Files.writeString(deploy.resolve("notes.txt"), "not a plugin");
        Files.writeString(deploy.resolve("README.txt"), "the folder's own");
        Files.writeString(deploy.resolve("half.jar.tmp"), "being copied");
        Files.createDirectories(deploy.resolve("sub"));
        directory.scan();
        directory.scan();
        List<String> passedOver = logLines.stream().filter(line -> line.contains("is passed over")).toList();
        assertEquals(List.of("deploy: notes.txt is passed over: plugins are files named *.jar directly in " + deploy,
                "deploy: sub/ is passed over: plugins are files named *.jar directly in " + deploy),
                passedOver.stream().sorted().toList());
    }

    @Test
    void aFolderThatCannotBeReadForAWhileRemovesNothingAndIsReportedOnce() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean unreadable = new java.util.concurrent.atomic.AtomicBoolean();
        DeployDirectory flaky = new DeployDirectory(deploy, framework.getBundleContext(), problems, 50, () -> {
            if (unreadable.get()) {
                throw new IOException("Too many open files");
            }
            return DeployDirectory.readJars(deploy);
        });
        drop("plugin.jar", bundleJar("sample.plugin", "1.0.0", null));
        flaky.scan();
        flaky.scan();
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"));

        unreadable.set(true);
        for (int i = 0; i < 5; i++) {
            flaky.scan();
        }
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"), "what cannot be read is not gone");
        assertEquals(1, logLines.stream().filter(line -> line.contains("Too many open files")).count(), logLines::toString);

        unreadable.set(false);
        flaky.scan();
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"));
        assertLogged("deploy", "can be read again");
        Files.delete(deploy.resolve("plugin.jar"));
        flaky.scan();
        assertTrue(installed("sample.plugin").isEmpty(), "a jar that is really gone still takes its plugin with it");
        flaky.close();
    }

    @Test
    void aMissingFolderIsReportedAtStartAndWhenItComesOrGoes() throws Exception {
        Path typo = temp.resolve("deplyo");
        DeployDirectory missing = new DeployDirectory(typo, framework.getBundleContext(), problems, 50);
        missing.deployPresent();
        missing.scan();
        assertEquals(List.of("deploy: " + typo + " does not exist: no plugins are deployed from it until it is created"
                + " (it is watched)"), logLines, "said once");

        Files.createDirectories(typo);
        Files.copy(new java.io.ByteArrayInputStream(bundleJar("sample.plugin", "1.0.0", null)), typo.resolve("p.jar"));
        missing.scan();
        missing.scan();
        assertLogged(typo.toString(), "was created: the plugins in it are deployed");
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"));

        Files.delete(typo.resolve("p.jar"));
        Files.delete(typo);
        missing.scan();
        assertLogged(typo.toString(), " is gone: no plugins are deployed from it until it is created");
        assertTrue(installed("sample.plugin").isEmpty());
        missing.close();
    }

    @Test
    void aFileIsActedOnOnlyOnceItStopsChanging() throws Exception {
        drop("plugin.jar", bundleJar("sample.plugin", "1.0.0", null));
        directory.scan();
        assertTrue(installed("sample.plugin").isEmpty(), "first sight: wait for the file to settle");
        directory.scan();
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"));
    }

    @Test
    void unresolvableAndBrokenJarsAreReportedAndTheRestKeepsRunning() throws Exception {
        drop("good.jar", bundleJar("sample.good", "1.0.0", null));
        drop("missing-import.jar", bundleJar("sample.needy", "1.0.0", "com.example.does.not.exist"));
        drop("broken.jar", "this is not a zip file".getBytes());
        scanUntilSettled();

        assertEquals(List.of("1.0.0"), activeVersions("sample.good"));
        assertTrue(installed("sample.needy").isEmpty(), "an unresolvable bundle is not left installed");
        assertLogged("missing-import.jar",
                "cannot resolve: it imports package com.example.does.not.exist, which no installed bundle exports");
        assertLogged("broken.jar", "not a bundle jar");
        assertEquals(List.of("broken.jar", "missing-import.jar"), refusedFiles(), "the admin socket lists them");
        assertTrue(problems.refusedJars().get(1).reason().startsWith("cannot resolve: it imports package "
                + "com.example.does.not.exist"), problems.refusedJars().toString());
        assertEquals(List.of("null null", "sample.needy 1.0.0"), problems.refusedJars().stream()
                .map(refused -> refused.symbolicName() + " " + refused.version()).toList(),
                "a bundle jar is named, a file that is not one cannot be");

        Files.delete(deploy.resolve("broken.jar"));
        drop("missing-import.jar", bundleJar("sample.needy", "1.0.1", null));
        scanUntilSettled();
        assertEquals(List.of(), refusedFiles(), "a removed jar and a jar taken at last leave the list");
        assertEquals(List.of("1.0.1"), activeVersions("sample.needy"));
    }

    @Test
    void anImportOfAnotherMajorVersionIsReportedWithBothVersions() throws Exception {
        drop("api.jar", bundleJar("sample.api", "1.3.0", null, "com.example.api;version=1.3.0"));
        drop("future.jar", bundleJar("sample.future", "1.0.0", "com.example.api;version=\"[2.0,3)\"", null));
        drop("current.jar", bundleJar("sample.current", "1.0.0", "com.example.api;version=\"[1.2,2)\"", null));
        scanUntilSettled();

        assertEquals(List.of("1.0.0"), activeVersions("sample.current"));
        assertTrue(installed("sample.future").isEmpty(), "the bundle built for api 2 is not left installed");
        assertLogged("future.jar", "cannot resolve: it imports package com.example.api [2.0.0,3.0.0), but this server"
                + " has com.example.api 1.3.0 (from sample.api)");
    }

    @Test
    void aPlatformBundleThatExportsPackagesIsNotSwappedButAPluginThatExportsIsDeployedWithAWarning()
            throws Exception {
        Path platformJar = temp.resolve("mxcp-sdk.jar");
        Files.write(platformJar, bundleJar("sample.sdk", "1.0.0", null, "com.example.sdk;version=1.0.0"));
        framework.getBundleContext().installBundle("reference:" + platformJar.toUri()).start();

        drop("sdk.jar", bundleJar("sample.sdk", "1.1.0", null, "com.example.sdk;version=1.1.0"));
        drop("exporter.jar", bundleJar("sample.exporter", "1.0.0", null, "com.example.exported"));
        scanUntilSettled();

        assertEquals(List.of("1.0.0"), activeVersions("sample.sdk"));
        assertLogged("sdk.jar", "sample.sdk is part of the platform and exports packages other bundles are wired to: it"
                + " cannot be swapped while mxcp runs; replace it in bundles/ and restart");
        assertEquals(List.of("1.0.0"), activeVersions("sample.exporter"));
        assertLogged("exporter.jar", "exports packages (com.example.exported): bundles wired to them restart whenever"
                + " it is swapped");
    }

    @Test
    void aFailedReplacementKeepsThePreviousVersion() throws Exception {
        drop("plugin.jar", bundleJar("sample.plugin", "1.0.0", null));
        scanUntilSettled();
        drop("plugin.jar", bundleJar("sample.plugin", "2.0.0", "com.example.does.not.exist"));
        scanUntilSettled();
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"));
        assertLogged("plugin.jar", "cannot resolve");
        assertLogged("plugin.jar", "sample.plugin 1.0.0 keeps serving until the server stops, but the next start");
    }

    @Test
    void aReplacementAConsumerCannotUseIsRemovedAndThePreviousVersionKeepsServing() throws Exception {
        // a consumer binding the new version's services reports it while the deployer starts it
        framework.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STARTED && event.getBundle().getVersion().getMajor() == 2) {
                problems.report(event.getBundle(), "functions() threw IllegalStateException: boom");
            }
        });
        drop("plugin.jar", bundleJar("sample.plugin", "1.0.0", null));
        scanUntilSettled();
        drop("plugin.jar", bundleJar("sample.plugin", "2.0.0", null));
        scanUntilSettled();
        assertEquals(List.of("1.0.0"), activeVersions("sample.plugin"));
        assertEquals(1, installed("sample.plugin").size(), "the unusable version is uninstalled");
        assertLogged("plugin.jar", "sample.plugin 2.0.0 not taken, sample.plugin 1.0.0 keeps serving: "
                + "functions() threw IllegalStateException: boom");
        assertLogged("plugin.jar", "sample.plugin 1.0.0 keeps serving until the server stops, but the next start loads "
                + "plugin.jar as it is now: replace it with a version that works, or put sample.plugin 1.0.0 back");
        assertEquals("sample.plugin 2.0.0 not taken, sample.plugin 1.0.0 keeps serving: functions() threw "
                + "IllegalStateException: boom", problems.refusedJars().getFirst().reason());
        assertEquals("2.0.0", problems.refusedJars().getFirst().version(), "the refused version, not the one serving");

        drop("plugin.jar", bundleJar("sample.plugin", "3.0.0", null));
        scanUntilSettled();
        assertEquals(List.of("3.0.0"), activeVersions("sample.plugin"), "a usable version still takes over");
    }

    @Test
    void aRebuiltJarOfTheSameVersionIsSwappedSideBySide() throws Exception {
        drop("plugin.jar", bundleJar("sample.plugin", "1.0.0", null));
        scanUntilSettled();
        Bundle first = installed("sample.plugin").getFirst();
        List<Bundle> startedDuringTheSwap = new CopyOnWriteArrayList<>();
        framework.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STARTED) {
                startedDuringTheSwap.add(event.getBundle());
            }
        });
        drop("plugin.jar", bundleJar("sample.plugin", "1.0.0", "org.osgi.framework"));
        scanUntilSettled();
        Bundle rebuilt = installed("sample.plugin").getFirst();
        assertEquals(List.of(rebuilt), startedDuringTheSwap, "a new bundle started beside the old one");
        assertEquals(1, installed("sample.plugin").size());
        assertTrue(rebuilt.getBundleId() != first.getBundleId() && first.getState() == Bundle.UNINSTALLED);
        assertEquals("org.osgi.framework", rebuilt.getHeaders().get(Constants.IMPORT_PACKAGE));
    }

    private List<String> refusedFiles() {
        return problems.refusedJars().stream().map(RefusedJar::fileName).toList();
    }

    private void scanUntilSettled() {
        directory.scan();
        directory.scan();
    }

    private void assertLogged(String file, String reason) {
        assertTrue(logLines.stream().anyMatch(line -> line.contains(file) && line.contains(reason)),
                "expected a log line naming " + file + " and '" + reason + "' in " + logLines);
    }

    private List<Bundle> installed(String symbolicName) {
        return Arrays.stream(framework.getBundleContext().getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName())).toList();
    }

    private List<String> activeVersions(String symbolicName) {
        return installed(symbolicName).stream().filter(b -> b.getState() == Bundle.ACTIVE)
                .map(b -> b.getVersion().toString()).toList();
    }

    /** Writes through a temporary name and renames, as operators are told to. */
    private void drop(String name, byte[] content) throws IOException {
        Path tmp = deploy.resolve(name + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, deploy.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // a new file time, so a quick replacement is not mistaken for the same file
        Files.setLastModifiedTime(deploy.resolve(name),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + content.length));
    }

    private static byte[] bundleJar(String symbolicName, String version, String importPackage) throws IOException {
        return bundleJar(symbolicName, version, importPackage, null);
    }

    private static byte[] bundleJar(String symbolicName, String version, String importPackage, String exportPackage)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, version);
        if (importPackage != null) {
            main.putValue(Constants.IMPORT_PACKAGE, importPackage);
        }
        if (exportPackage != null) {
            main.putValue(Constants.EXPORT_PACKAGE, exportPackage);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
