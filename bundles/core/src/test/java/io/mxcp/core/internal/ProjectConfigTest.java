package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ProjectOptions;
import io.mxcp.sdk.secrets.SecretResolver;

class ProjectConfigTest {

    @TempDir
    Path dir;

    private ProjectFixture fixture() throws Exception {
        return new ProjectFixture(dir).write("mxcp-site.yml", "mxcp: 1\nproject: demo\nprofile: dev\n");
    }

    @Test
    void rootIsFoundFromASubfolder() throws Exception {
        ProjectFixture f = fixture();
        Files.createDirectories(dir.resolve("tools/nested"));
        try (Project project = f.service.open(new ProjectOptions(dir.resolve("tools/nested"), null, false, f.env))) {
            assertEquals(dir.toRealPath(), project.root().toRealPath());
            assertEquals("demo", project.name());
            assertEquals("dev", project.profile());
        }
    }

    @Test
    void aProfileDeclaredNowhereIsAWarningNamingTheDeclaredOnes() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml",
                "project: demo\nprofile: dev\nprofiles:\n  prod: {}\n");
        try (WarningLog log = WarningLog.of(io.mxcp.core.internal.config.ProjectSettingsLoader.class)) {
            try (Project project = f.open("stagin", false)) {
                assertEquals("stagin", project.profile(), "it still runs, as the original does");
            }
            assertEquals(List.of("Profile 'stagin' is declared neither in mxcp-site.yml (profiles: dev, prod) nor in"
                    + " the user config " + dir.resolve("home/.mxcp/config.yml") + ": it runs with default settings,"
                    + " on the DuckDB file " + dir.resolve("data/db-stagin.duckdb")), log.warnings());

            log.warnings().clear();
            f.open("prod", false).close();
            f.open("dev", false).close();
            f.write("home/.mxcp/config.yml", "projects:\n  demo:\n    profiles:\n      stagin: {}\n");
            f.open("stagin", false).close();
            assertEquals(List.of(), log.warnings(), "the site's default, its profiles and the user config's count");
        }
    }

    @Test
    void missingSiteFileHasTheCliMessage() {
        ProjectException e = assertThrows(ProjectException.class,
                () -> new ProjectServiceComponent().open(new ProjectOptions(dir, null, false, Map.of())));
        assertEquals("No mxcp-site.yml found in current directory or parents", e.getMessage());
    }

    @Test
    void derivedDefaultsApplyToTheActiveProfile() throws Exception {
        ProjectFixture f = fixture();
        try (Project project = f.open("prod", false)) {
            assertEquals("prod", project.profile());
            assertEquals(dir.resolve("data/db-prod.duckdb").toAbsolutePath(), project.duckdbPath());
            @SuppressWarnings("unchecked")
            Map<String, Object> profiles = (Map<String, Object>) project.siteConfig().get("profiles");
            assertTrue(profiles.containsKey("prod"));
        }
        f.env.put("MXCP_PROFILE", "staging");
        f.env.put("MXCP_DUCKDB_PATH", "/tmp/override.duckdb");
        try (Project project = f.open()) {
            assertEquals("staging", project.profile());
            assertEquals(Path.of("/tmp/override.duckdb"), project.duckdbPath());
        }
    }

    @Test
    void readOnlyIsCliFlagOrEnvOrSiteSetting() throws Exception {
        ProjectFixture f = fixture();
        try (Project project = f.open()) {
            assertFalse(project.readOnly());
        }
        try (Project project = f.open(null, true)) {
            assertTrue(project.readOnly());
        }
        f.env.put("MXCP_READONLY", "Yes");
        try (Project project = f.open()) {
            assertTrue(project.readOnly());
        }
        f.env.remove("MXCP_READONLY");
        f.write("mxcp-site.yml", "project: demo\nprofile: dev\nprofiles:\n  dev:\n    duckdb: {readonly: yes}\n");
        try (Project project = f.open()) {
            assertTrue(project.readOnly());
        }
    }

    @Test
    void strictSiteErrorsNameTheFileAndLocation() throws Exception {
        ProjectFixture f = fixture();
        f.write("mxcp-site.yml", "project: demo\nprofile: dev\nprofiles:\n  dev:\n    duckdb: {pth: x}\n");
        assertEquals("mxcp-site.yml: profiles.dev.duckdb.pth: Extra inputs are not permitted",
                assertThrows(ProjectException.class, f::open).getMessage());
        f.write("mxcp-site.yml", "project: demo\n");
        assertEquals("mxcp-site.yml: profile: Field required", assertThrows(ProjectException.class, f::open).getMessage());
        f.write("mxcp-site.yml", "project: 5\nprofile: dev\n");
        assertEquals("mxcp-site.yml: project: Input should be a valid string",
                assertThrows(ProjectException.class, f::open).getMessage());
        f.write("mxcp-site.yml", "mxcp: 2\nproject: demo\nprofile: dev\n");
        assertEquals("mxcp-site.yml: mxcp: Input should be 1", assertThrows(ProjectException.class, f::open).getMessage());
        f.write("mxcp-site.yml", "project: demo\nprofile: dev\nextensions: [{name: x, repo: other}]\n");
        assertEquals("mxcp-site.yml: extensions.0.repo: Input should be 'community' or 'core_nightly'",
                assertThrows(ProjectException.class, f::open).getMessage());
        f.write("mxcp-site.yml", "project: demo\nprofile: dev\nfoo: [\n");
        assertTrue(assertThrows(ProjectException.class, f::open).getMessage().startsWith("mxcp-site.yml: while parsing"));
    }

    @Test
    void legacyVersionStringNeedsMigration() throws Exception {
        ProjectFixture f = fixture();
        f.write("mxcp-site.yml", "mxcp: \"1.0.0\"\nproject: demo\nprofile: dev\n");
        assertTrue(assertThrows(ProjectException.class, f::open).getMessage().contains("MIGRATION REQUIRED"));
    }

    /** A project name mistyped in a multi-project user config would otherwise show only as None inside a tool. */
    @Test
    void aSecretTheSiteDeclaresThatTheUserConfigDoesNotGiveIsAWarning() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n"
                + "secrets: [api, db]\n");
        f.write("home/.mxcp/config.yml", "mxcp: 1\nprojects:\n  dmeo:\n    profiles:\n      dev:\n        secrets:\n"
                + "          - {name: api, type: env, parameters: {value: x}}\n");
        try (WarningLog log = WarningLog.of(io.mxcp.core.internal.config.ProjectSettingsLoader.class)) {
            f.open().close();
            assertEquals(List.of("mxcp-site.yml declares secret(s) api, db, which the user config "
                    + dir.resolve("home/.mxcp/config.yml") + " does not give project 'demo', profile 'dev': code that"
                    + " reads them gets None"), log.warnings());

            log.warnings().clear();
            f.userProfile("secrets: [{name: api, type: env, parameters: {value: x}}, {name: db, type: env}]");
            f.open().close();
            assertEquals(List.of(), log.warnings(), "every declared secret given");
        }
    }

    @Test
    void siteScalarsAreWrappedAndExtensionsNormalized() throws Exception {
        ProjectFixture f = fixture();
        f.write("mxcp-site.yml", "project: demo\nprofile: dev\nsecrets: api\nextensions: [json, {name: h3, repo: community}]\n"
                + "plugin: {name: util, module: util_plugin}\n");
        try (Project project = f.open()) {
            Map<String, Object> site = project.siteConfig();
            assertEquals(List.of("api"), site.get("secrets"));
            assertEquals(List.of("json", Map.of("name", "h3", "repo", "community")), site.get("extensions"));
            assertEquals(List.of(Map.of("name", "util", "module", "util_plugin")), site.get("plugin"));
        }
    }

    @Test
    void userConfigIsSynthesizedWhenAbsent() throws Exception {
        try (Project project = fixture().open("other", false)) {
            DefaultProject p = (DefaultProject) project;
            assertEquals(List.of(), ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) project.userConfig().get("projects"))
                    .get("demo")).get("profiles")).get("other")).get("secrets"));
            assertTrue(p.userConfig().containsKey("transport"));
        }
    }

    @Test
    void explicitUserConfigMustExist() throws Exception {
        ProjectFixture f = fixture();
        f.env.put("MXCP_CONFIG", dir.resolve("missing.yml").toString());
        assertEquals("MXCP user config not found at " + dir.resolve("missing.yml"),
                assertThrows(ProjectException.class, f::open).getMessage());
        f.env.put("MXCP_CONFIG", dir.toString());
        assertEquals("MXCP user config " + dir + " is a folder, not a file",
                assertThrows(ProjectException.class, f::open).getMessage());
    }

    @Test
    void referencesAreResolvedOnlyForTheActiveProfile() throws Exception {
        ProjectFixture f = fixture();
        f.write("secret.txt", "  from-file \n");
        f.write("home/.mxcp/config.yml", """
                mxcp: 1
                transport:
                  http: {port: "${PORT}"}
                projects:
                  demo:
                    profiles:
                      dev:
                        secrets:
                          - {name: api, type: http, parameters: {BEARER_TOKEN: "Bearer ${TOKEN}", FILE: "file://%s"}}
                        plugin: {config: {util_cfg: {suffix: "!"}}}
                      prod:
                        secrets: [{name: api, type: http, parameters: {BEARER_TOKEN: "${UNSET_VAR}"}}]
                """.formatted(dir.resolve("secret.txt")));
        f.env.put("TOKEN", "t0k");
        f.env.put("PORT", "9001");
        try (Project project = f.open()) {
            DefaultProject p = (DefaultProject) project;
            @SuppressWarnings("unchecked")
            Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) project.userConfig().get("transport")).get("http");
            assertEquals(9001L, http.get("port"));
            Map<String, Object> secret = settingsOf(p).secrets().get(0);
            assertEquals(Map.of("BEARER_TOKEN", "Bearer t0k", "FILE", "from-file"), secret.get("parameters"));
            assertEquals(Map.of("util_cfg", Map.of("suffix", "!")), settingsOf(p).pluginConfig());
        }
        ProjectException e = assertThrows(ProjectException.class, () -> f.open("prod", false));
        assertTrue(e.getMessage().endsWith(": projects.demo.profiles.prod.secrets.0.parameters.BEARER_TOKEN: "
                + "Environment variable UNSET_VAR is not set"), e.getMessage());
    }

    @Test
    void fileReferencesNameThePathTheyLookedAtAndWarnWhenItIsEmpty() throws Exception {
        ProjectFixture f = fixture();
        f.write("secrets/empty.txt", " \n");
        String config = "projects:\n  demo:\n    profiles:\n      dev:\n        secrets:\n"
                + "          - {name: api, type: http, parameters: {BEARER_TOKEN: \"file://secrets/%s\"}}\n";
        f.write("home/.mxcp/config.yml", config.formatted("empty.txt"));
        try (WarningLog log = WarningLog.of("io.mxcp.core.internal.config.ReferenceResolver")) {
            f.open().close();
            assertEquals(List.of("File '" + dir.resolve("secrets/empty.txt") + "' is empty"), log.warnings());
        }
        f.write("home/.mxcp/config.yml", config.formatted("missing.txt"));
        ProjectException e = assertThrows(ProjectException.class, f::open);
        assertTrue(e.getMessage().endsWith(": projects.demo.profiles.dev.secrets.0.parameters.BEARER_TOKEN: "
                + "File not found: " + dir.resolve("secrets/missing.txt")), e.getMessage());
    }

    @Test
    void userConfigValidationIsStrict() throws Exception {
        ProjectFixture f = fixture();
        f.write("home/.mxcp/config.yml", "projects:\n  demo:\n    profiles:\n      dev:\n        plugin: {config: {c: {rotation: 1}}}\n");
        ProjectException e = assertThrows(ProjectException.class, f::open);
        assertTrue(e.getMessage().endsWith(
                "Invalid user config: projects.demo.profiles.dev.plugin.config.c.rotation: Input should be a valid string"),
                e.getMessage());
        f.write("home/.mxcp/config.yml", "logging: {level: LOUD}\n");
        assertTrue(assertThrows(ProjectException.class, f::open).getMessage()
                .endsWith("logging.level: Input should be 'DEBUG', 'INFO', 'WARNING', 'ERROR' or 'CRITICAL'"));
    }

    @Test
    void vaultReferencesGoThroughTheResolverService() throws Exception {
        ProjectFixture f = fixture();
        f.write("home/.mxcp/config.yml", """
                vault: {enabled: true, address: "http://vault"}
                projects:
                  demo:
                    profiles:
                      dev:
                        secrets: [{name: db, type: value, parameters: {password: "vault://secret/db#password"}}]
                """);
        ProjectException e = assertThrows(ProjectException.class, f::open);
        assertTrue(e.getMessage().contains("no secret resolver for scheme 'vault' is installed"), e.getMessage());
        f.service.bindSecretResolver(new SecretResolver() {
            @Override
            public String scheme() {
                return "vault";
            }

            @Override
            public String resolve(String reference, Map<String, Object> settings) {
                return reference + "@" + settings.get("address");
            }
        });
        try (Project project = f.open()) {
            assertEquals(Map.of("password", "vault://secret/db#password@http://vault"),
                    settingsOf((DefaultProject) project).secrets().get(0).get("parameters"));
        }
    }

    private static io.mxcp.core.internal.config.ProjectSettings settingsOf(DefaultProject project) {
        return project.settings();
    }
}
