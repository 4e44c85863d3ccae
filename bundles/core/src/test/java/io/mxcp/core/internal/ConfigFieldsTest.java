package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.model.DiscoveredEndpoint;

/** Every field of mxcp-site.yml (spec 01 §1.3) and the user config (§1.6), with defaults and strict errors. */
class ConfigFieldsTest {

    @TempDir
    Path dir;

    private ProjectFixture site(String yaml) throws Exception {
        return new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n" + yaml);
    }

    @Test
    void siteBlocksHaveTheirDefaults() throws Exception {
        try (Project project = site("dbt: ~\nsql_tools: ~\npaths: ~\nprofiles: ~\n").open()) {
            Map<String, Object> config = project.siteConfig();
            assertEquals(1, config.get("mxcp"));
            assertEquals(Map.of("enabled", true, "model_paths", List.of("models"), "analysis_paths", List.of("analyses"),
                    "test_paths", List.of("tests"), "seed_paths", List.of("seeds"), "macro_paths", List.of("macros"),
                    "snapshot_paths", List.of("snapshots"), "target_path", "target",
                    "clean_targets", List.of("target", "dbt_packages")), config.get("dbt"));
            assertEquals(Map.of("enabled", false), config.get("sql_tools"));
            assertEquals(Map.of("tools", "tools", "resources", "resources", "prompts", "prompts", "evals", "evals",
                    "python", "python", "plugins", "plugins", "sql", "sql", "drift", "drift", "audit", "audit",
                    "data", "data"), config.get("paths"));
            Map<?, ?> dev = (Map<?, ?>) ((Map<?, ?>) config.get("profiles")).get("dev");
            assertEquals(Map.of("path", dir.resolve("data/db-dev.duckdb").toString(), "readonly", false), dev.get("duckdb"));
            assertEquals(Map.of("path", dir.resolve("drift/drift-dev.json").toString()), dev.get("drift"));
            assertEquals(Map.of("enabled", false, "path", dir.resolve("audit/logs-dev.jsonl").toString(),
                    "max_file_size", 52428800L), dev.get("audit"));
        }
    }

    @Test
    void siteBlocksAreReadAsWritten() throws Exception {
        ProjectFixture f = site("""
                dbt: {enabled: "no", model_paths: m, seed_paths: ~, target_path: out}
                sql_tools: {enabled: yes, execute_sql_query: {description: Run it}}
                paths: {tools: my_tools, data: db, drift: dr, audit: au}
                profiles:
                  dev:
                    duckdb: {path: rel.duckdb, readonly: true}
                    drift: {path: d.json}
                    audit: {enabled: true, path: a.jsonl, max_file_size: "1000"}
                """).write("my_tools/t.yml", "tool:\n  name: t\n  source: {code: SELECT 1}\n");
        f.env.put("MXCP_AUDIT_ENABLED", "no");
        try (Project project = f.open("dev", false)) {
            Map<String, Object> config = project.siteConfig();
            Map<?, ?> dbt = (Map<?, ?>) config.get("dbt");
            assertEquals(false, dbt.get("enabled"));
            assertEquals(List.of("m"), dbt.get("model_paths"), "a scalar becomes a one-element list");
            assertEquals(List.of(), dbt.get("seed_paths"), "null becomes the empty list");
            assertEquals("out", dbt.get("target_path"));
            assertEquals(Map.of("enabled", true, "execute_sql_query", Map.of("description", "Run it")), config.get("sql_tools"));
            assertEquals("Run it", project.endpoints().stream().filter(e -> "execute_sql_query".equals(e.identifier()))
                    .findFirst().orElseThrow().definition().description());
            assertEquals(List.of("t", "execute_sql_query", "list_tables", "get_table_schema"),
                    project.endpoints().stream().map(DiscoveredEndpoint::identifier).toList(), "paths.tools is scanned");
            Map<?, ?> dev = (Map<?, ?>) ((Map<?, ?>) config.get("profiles")).get("dev");
            assertEquals(Map.of("path", "rel.duckdb", "readonly", true), dev.get("duckdb"), "explicit paths are kept verbatim");
            assertEquals(Map.of("path", "d.json"), dev.get("drift"));
            assertEquals(Map.of("enabled", false, "path", "a.jsonl", "max_file_size", 1000L), dev.get("audit"),
                    "MXCP_AUDIT_ENABLED=no switches audit off");
            assertEquals(dir.resolve("rel.duckdb"), project.duckdbPath(), "relative to the working directory (quirk A4)");
            assertEquals(true, project.readOnly(), "the site's readonly counts (quirk A1)");
        }
    }

    @Test
    void siteDerivedPathsFollowThePathsBlock() throws Exception {
        try (Project project = site("paths: {data: db}\n").open()) {
            assertEquals(dir.resolve("db/db-dev.duckdb"), project.duckdbPath());
        }
    }

    @Test
    void badSiteFieldsNameTheirLocation() throws Exception {
        ProjectFixture f = site("");
        String[][] cases = {
            {"sql_tools: {list_tables: {description: \"\"}}", "sql_tools.list_tables.description: String should have at least 1 character"},
            {"sql_tools: {list_tables: {title: x}}", "sql_tools.list_tables.title: Extra inputs are not permitted"},
            {"dbt: {target_path: 5}", "dbt.target_path: Input should be a valid string"},
            {"paths: {tool: x}", "paths.tool: Extra inputs are not permitted"},
            {"paths: []", "paths: Input should be a valid dictionary or instance of SitePathsConfigModel"},
            {"profiles: {dev: {duckdb: []}}",
                "profiles.dev.duckdb: Input should be a valid dictionary or instance of SiteDuckDBConfigModel"},
            {"profiles: [a]", "profiles: Value error, profiles must be a mapping"},
            {"profiles: {dev: ~}", "profiles.dev: Input should be a valid dictionary or instance of SiteProfileConfigModel"},
            {"profiles: {dev: {audit: {max_file_size: big}}}",
                "profiles.dev.audit.max_file_size: Input should be a valid integer, unable to parse string as an integer"},
            {"profiles: {dev: {audit: {mode: fail-closed}}}",
                "profiles.dev.audit.mode: Input should be 'best_effort' or 'fail_closed'"},
            {"profiles: {dev: {audit: {backends: jsonl}}}", "profiles.dev.audit.backends: Input should be a valid list"},
            {"profiles: {dev: {audit: {backends: []}}}",
                "profiles.dev.audit.backends: Value error, audit.backends must name at least one backend"},
            {"profiles: {dev: {audit: {backends: [jsonl, sqlite, jsonl]}}}",
                "profiles.dev.audit.backends.2: Value error, 'jsonl' is listed twice"},
            {"profiles: {dev: {audit: {backends: [jsonl, {name: jsonl, path: b/log.jsonl}, {name: jsonl, path: b/log.jsonl}]}}}",
                "profiles.dev.audit.backends.2: Value error, 'jsonl' at b/log.jsonl is listed twice"},
            {"profiles: {dev: {audit: {backends: [{path: b/log.jsonl}]}}}", "profiles.dev.audit.backends.0.name: Field required"},
            {"profiles: {dev: {audit: {backends: [{name: jsonl, size: 1}]}}}",
                "profiles.dev.audit.backends.0.size: Extra inputs are not permitted"},
            {"profiles: {dev: {audit: {backends: [JSONL]}}}", "profiles.dev.audit.backends.0: Value error, 'JSONL' is not"
                + " a backend name (lower-case letters, digits, '_' and '-', starting with a letter)"},
            {"profiles: {dev: {audit: {redactions: [{strategy: full}]}}}",
                "profiles.dev.audit.redactions.0.field_path: Field required"},
            {"profiles: {dev: {audit: {redactions: [{field_path: a..b, strategy: full}]}}}",
                "profiles.dev.audit.redactions.0.field_path: Value error, 'a..b' is not a dot path of field names"
                + " (customer.email)"},
            {"profiles: {dev: {audit: {redactions: [{field_path: a, strategy: mask}]}}}",
                "profiles.dev.audit.redactions.0.strategy: Input should be 'full', 'partial', 'hash', 'truncate',"
                + " 'email' or 'preserve_type'"},
            {"profiles: {dev: {audit: {redactions: [{field_path: a, strategy: full, options: {length: 3}}]}}}",
                "profiles.dev.audit.redactions.0.options.length: Value error, the strategy 'full' has no option"
                + " 'length'"},
            {"profiles: {dev: {audit: {redactions: [{field_path: a, strategy: partial, options: {show_last: -1}}]}}}",
                "profiles.dev.audit.redactions.0.options.show_last: Value error, expected a whole number of"
                + " characters (0 or more)"},
            {"profiles: {dev: {audit: {redactions: [{field_path: a, strategy: hash, options: {algorithm: md5}}]}}}",
                "profiles.dev.audit.redactions.0.options.algorithm: Value error, the algorithm is sha256 or sha1"},
            {"profiles: {dev: {audit: {redactions: [{field_path: a, strategy: truncate, options: {size: 3}}]}}}",
                "profiles.dev.audit.redactions.0.options.size: Value error, the strategy 'truncate' has no option"
                + " 'size' (it reads length, suffix)"},
            {"profiles: {dev: {audit: {redactions: [{field_path: a, strategy: email, when: x}]}}}",
                "profiles.dev.audit.redactions.0.when: Extra inputs are not permitted"},
            {"profiles: {dev: {audit: {retention_days: 0}}}",
                "profiles.dev.audit.retention_days: Input should be greater than or equal to 1"},
            {"plugin: [{name: p}]", "plugin.0.module: Field required"},
            {"extensions: [{name: x, version: 1}]", "extensions.0.version: Extra inputs are not permitted"},
        };
        for (String[] c : cases) {
            f.write("mxcp-site.yml", "project: demo\nprofile: dev\n" + c[0] + "\n");
            assertEquals("mxcp-site.yml: " + c[1], assertThrows(ProjectException.class, f::open).getMessage(), c[0]);
        }
    }

    @Test
    void userConfigBlocksHaveTheirDefaults() throws Exception {
        ProjectFixture f = site("").write("home/.mxcp/config.yml", """
                mxcp: 1
                vault: {enabled: true, address: "http://vault"}
                onepassword: {enabled: false}
                models: {default: c, models: {c: {type: claude, timeout: "30"}}}
                logging: {level: DEBUG}
                projects:
                  demo:
                    profiles:
                      dev:
                        auth: {provider: github}
                        telemetry: {enabled: true}
                """);
        try (Project project = f.open()) {
            Map<String, Object> user = project.userConfig();
            assertEquals(Map.of("enabled", true, "address", "http://vault"), withoutNulls(user.get("vault")));
            assertEquals(Map.of("enabled", false), withoutNulls(user.get("onepassword")));
            assertEquals(Map.of("provider", "streamable-http", "http", Map.of("port", 8000L, "host", "localhost",
                    "scheme", "http", "trust_proxy", false, "stateless", false)),
                    Map.of("provider", ((Map<?, ?>) user.get("transport")).get("provider"),
                            "http", withoutNulls(((Map<?, ?>) user.get("transport")).get("http"))));
            Map<?, ?> models = (Map<?, ?>) user.get("models");
            assertEquals("c", models.get("default"));
            assertEquals(Map.of("type", "claude", "timeout", 30), withoutNulls(((Map<?, ?>) models.get("models")).get("c")));
            assertEquals(Map.of("enabled", true, "level", "DEBUG", "max_bytes", 10485760L, "backup_count", 5L),
                    withoutNulls(user.get("logging")));
            Map<?, ?> dev = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) user.get("projects")).get("demo"))
                    .get("profiles")).get("dev");
            assertEquals(List.of(), dev.get("secrets"));
            assertEquals(Map.of("config", Map.of()), dev.get("plugin"));
            assertEquals(Map.of("provider", "github"), dev.get("auth"));
            assertEquals(Map.of("enabled", true), dev.get("telemetry"));
        }
    }

    @Test
    void thePortsOwnHttpSettingsAreAccepted() throws Exception {
        ProjectFixture f = site("").write("home/.mxcp/config.yml", """
                transport:
                  http: {json_response: true, max_request_bytes: 1024, max_concurrent_calls: 0, cors_origins: ["http://a"]}
                """);
        try (Project project = f.open()) {
            Map<?, ?> http = (Map<?, ?>) ((Map<?, ?>) project.userConfig().get("transport")).get("http");
            assertEquals(List.of(true, 1024, 0, List.of("http://a")), List.of(http.get("json_response"),
                    http.get("max_request_bytes"), http.get("max_concurrent_calls"), http.get("cors_origins")));
        }
        f.write("home/.mxcp/config.yml", "transport: {http: {max_request_bytes: 0}}\n");
        assertEquals(dir.resolve("home/.mxcp/config.yml") + ": Invalid user config: transport.http.max_request_bytes: "
                + "Input should be greater than or equal to 1", assertThrows(ProjectException.class, f::open).getMessage());
        f.write("home/.mxcp/config.yml", "transport: {page_size: 50}\n");
        try (Project project = f.open()) {
            assertEquals(50, ((Map<?, ?>) project.userConfig().get("transport")).get("page_size"));
        }
        f.write("home/.mxcp/config.yml", "transport: {page_size: 0}\n");
        assertEquals(dir.resolve("home/.mxcp/config.yml") + ": Invalid user config: transport.page_size: "
                + "Input should be greater than or equal to 1", assertThrows(ProjectException.class, f::open).getMessage());
    }

    @Test
    void badUserConfigFieldsNameTheirLocation() throws Exception {
        ProjectFixture f = site("");
        String[][] cases = {
            {"transport: {provider: websocket}", "transport.provider: Input should be 'streamable-http', 'sse' or 'stdio'"},
            {"transport: {http: {port: abc}}",
                "transport.http.port: Input should be a valid integer, unable to parse string as an integer"},
            {"logging: {level: TRACE}", "logging.level: Input should be 'DEBUG', 'INFO', 'WARNING', 'ERROR' or 'CRITICAL'"},
            {"transport: []", "transport: Input should be a valid dictionary or instance of UserTransportConfigModel"},
            {"projects: {demo: {profiles: {dev: {secrets: [x]}}}}",
                "projects.demo.profiles.dev.secrets.0: Input should be a valid dictionary or instance of UserSecretDefinitionModel"},
            {"models: {models: {m: {api_key: k}}}", "models.models.m.type: Field required"},
            {"vault: {enabled: true, url: x}", "vault.url: Extra inputs are not permitted"},
            {"projects: {demo: {profiles: {dev: {secrets: [{name: s, type: env, key: K}]}}}}",
                "projects.demo.profiles.dev.secrets.0.key: Extra inputs are not permitted"},
            {"projects: {demo: {profiles: {dev: {plugin: {config: {c: {rotation: 1}}}}}}}",
                "projects.demo.profiles.dev.plugin.config.c.rotation: Input should be a valid string"},
            {"mxcp: 2", "mxcp: Input should be 1"},
        };
        for (String[] c : cases) {
            f.write("home/.mxcp/config.yml", c[0] + "\n");
            String message = assertThrows(ProjectException.class, f::open).getMessage();
            assertEquals(dir.resolve("home/.mxcp/config.yml") + ": Invalid user config: " + c[1], message, c[0]);
        }
        f.write("home/.mxcp/config.yml", "- a\n");
        assertEquals(dir.resolve("home/.mxcp/config.yml") + ": MXCP user config must be a mapping",
                assertThrows(ProjectException.class, f::open).getMessage());
    }

    private static Map<?, ?> withoutNulls(Object map) {
        Map<Object, Object> copy = new java.util.LinkedHashMap<>((Map<?, ?>) map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
