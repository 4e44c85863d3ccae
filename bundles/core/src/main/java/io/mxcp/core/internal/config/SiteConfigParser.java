package io.mxcp.core.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.audit.schema.AuditSchemaOptions;
import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;

/** Validates the parsed {@code mxcp-site.yml} tree into a {@link SiteConfig} (spec 01 §1.3). */
final class SiteConfigParser {

    private static final List<String> DBT_LIST_FIELDS = List.of("model_paths", "analysis_paths", "test_paths",
            "seed_paths", "macro_paths", "snapshot_paths");
    private static final Map<String, List<String>> DBT_LIST_DEFAULTS = Map.of(
            "model_paths", List.of("models"), "analysis_paths", List.of("analyses"), "test_paths", List.of("tests"),
            "seed_paths", List.of("seeds"), "macro_paths", List.of("macros"), "snapshot_paths", List.of("snapshots"));
    private static final List<String> SQL_TOOLS = List.of("execute_sql_query", "list_tables", "get_table_schema");

    private SiteConfigParser() {
    }

    static SiteConfig parse(Object raw) throws SchemaException {
        StrictObject site = StrictObject.of(raw, "", "SiteConfigModel");
        int mxcp = 1;
        if (site.has("mxcp") && !Integer.valueOf(1).equals(site.raw("mxcp"))) {
            throw new SchemaException("mxcp", "Input should be 1");
        }
        String project = site.requiredString("project");
        String profile = site.requiredString("profile");
        List<String> secrets = StrictObject.stringList(wrapScalar(site.raw("secrets")), "secrets");
        List<Map<String, String>> plugins = plugins(wrapMapping(site.raw("plugin")));
        List<Map<String, String>> extensions = extensions(wrapScalar(site.raw("extensions")));
        Map<String, Object> dbt = dbt(site.raw("dbt"));
        Map<String, Object> sqlTools = sqlTools(site.raw("sql_tools"));
        SitePaths paths = paths(site.raw("paths"));
        Map<String, SiteProfile> profiles = profiles(site.raw("profiles"));
        site.close();
        @SuppressWarnings("unchecked")
        Map<String, Object> written = Collections.unmodifiableMap((Map<String, Object>) raw);
        return new SiteConfig(mxcp, project, profile, secrets, plugins, extensions, dbt, sqlTools, paths, profiles,
                written);
    }

    private static Object wrapScalar(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List || value instanceof Map ? value : List.of(value);
    }

    private static Object wrapMapping(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof Map ? List.of(value) : value;
    }

    private static List<Map<String, String>> plugins(Object raw) throws SchemaException {
        List<?> list = list(raw, "plugin");
        List<Map<String, String>> plugins = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            StrictObject plugin = StrictObject.of(list.get(i), "plugin." + i, "SitePluginDefinitionModel");
            Map<String, String> definition = new LinkedHashMap<>();
            definition.put("name", plugin.requiredString("name"));
            definition.put("module", plugin.requiredString("module"));
            String config = plugin.string("config", null);
            if (config != null) {
                definition.put("config", config);
            }
            plugin.close();
            plugins.add(definition);
        }
        return plugins;
    }

    private static List<Map<String, String>> extensions(Object raw) throws SchemaException {
        List<?> list = list(raw, "extensions");
        List<Map<String, String>> extensions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, String> extension = new LinkedHashMap<>();
            if (list.get(i) instanceof String name) {
                extension.put("name", name);
            } else {
                StrictObject ext = StrictObject.of(list.get(i), "extensions." + i, "SiteExtensionDefinitionModel");
                extension.put("name", ext.requiredString("name"));
                String repo = ext.optionalLiteral("repo", "community", "core_nightly");
                if (repo != null) {
                    extension.put("repo", repo);
                }
                ext.close();
            }
            extensions.add(extension);
        }
        return extensions;
    }

    private static Map<String, Object> dbt(Object raw) throws SchemaException {
        Map<String, Object> dbt = new LinkedHashMap<>();
        StrictObject block = raw == null ? null : StrictObject.of(raw, "dbt", "SiteDbtConfigModel");
        dbt.put("enabled", block == null || block.bool("enabled", true));
        for (String field : DBT_LIST_FIELDS) {
            dbt.put(field, block == null || !block.has(field) ? DBT_LIST_DEFAULTS.get(field)
                    : dbtList(block.raw(field), block.at(field)));
        }
        dbt.put("target_path", block == null ? "target" : block.string("target_path", "target"));
        dbt.put("clean_targets", block == null || !block.has("clean_targets") ? List.of("target", "dbt_packages")
                : dbtList(block.raw("clean_targets"), block.at("clean_targets")));
        if (block != null) {
            block.close();
        }
        return dbt;
    }

    private static List<String> dbtList(Object value, String location) throws SchemaException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            return List.of(io.mxcp.core.internal.types.PythonText.str(value));
        }
        return StrictObject.stringList(value, location);
    }

    private static Map<String, Object> sqlTools(Object raw) throws SchemaException {
        Map<String, Object> sqlTools = new LinkedHashMap<>();
        StrictObject block = raw == null ? null : StrictObject.of(raw, "sql_tools", "SiteSqlToolsConfigModel");
        sqlTools.put("enabled", block != null && block.bool("enabled", false));
        for (String tool : SQL_TOOLS) {
            Object toolRaw = block == null ? null : block.raw(tool);
            if (toolRaw == null) {
                continue;
            }
            StrictObject toolBlock = StrictObject.of(toolRaw, block.at(tool), "SqlToolConfigModel");
            String description = toolBlock.string("description", null);
            if (description != null && description.isEmpty()) {
                throw new SchemaException(toolBlock.at("description"), "String should have at least 1 character");
            }
            toolBlock.close();
            Map<String, Object> toolMap = new LinkedHashMap<>();
            toolMap.put("description", description);
            sqlTools.put(tool, toolMap);
        }
        if (block != null) {
            block.close();
        }
        return sqlTools;
    }

    private static SitePaths paths(Object raw) throws SchemaException {
        if (raw == null) {
            return SitePaths.DEFAULTS;
        }
        SitePaths d = SitePaths.DEFAULTS;
        StrictObject p = StrictObject.of(raw, "paths", "SitePathsConfigModel");
        SitePaths paths = new SitePaths(p.string("tools", d.tools()), p.string("resources", d.resources()),
                p.string("prompts", d.prompts()), p.string("evals", d.evals()), p.string("python", d.python()),
                p.string("plugins", d.plugins()), p.string("sql", d.sql()), p.string("drift", d.drift()),
                p.string("audit", d.audit()), p.string("data", d.data()));
        p.close();
        return paths;
    }

    private static Map<String, SiteProfile> profiles(Object raw) throws SchemaException {
        Map<String, SiteProfile> profiles = new LinkedHashMap<>();
        if (raw == null) {
            return profiles;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw SchemaException.valueError("profiles", "profiles must be a mapping");
        }
        for (Map.Entry<String, Object> entry : StrictObject.stringKeys(map).entrySet()) {
            profiles.put(entry.getKey(), profile(entry.getValue(), "profiles." + entry.getKey()));
        }
        return profiles;
    }

    private static SiteProfile profile(Object raw, String location) throws SchemaException {
        StrictObject profile = StrictObject.of(raw, location, "SiteProfileConfigModel");
        SiteProfile d = SiteProfile.DEFAULTS;
        String duckdbPath = null;
        boolean readonly = false;
        Object duckdbRaw = profile.raw("duckdb");
        if (duckdbRaw != null) {
            StrictObject duckdb = StrictObject.of(duckdbRaw, profile.at("duckdb"), "SiteDuckDBConfigModel");
            duckdbPath = duckdb.string("path", null);
            readonly = duckdb.bool("readonly", false);
            duckdb.close();
        }
        String driftPath = null;
        Object driftRaw = profile.raw("drift");
        if (driftRaw != null) {
            StrictObject drift = StrictObject.of(driftRaw, profile.at("drift"), "SiteDriftConfigModel");
            driftPath = drift.string("path", null);
            drift.close();
        }
        boolean auditEnabled = d.auditEnabled();
        String auditPath = null;
        long maxFileSize = d.auditMaxFileSize();
        String auditMode = null;
        String signingKey = null;
        List<AuditBackendEntry> backends = null;
        AuditSchemaOptions schemaOptions = AuditSchemaOptions.NONE;
        Object auditRaw = profile.raw("audit");
        if (auditRaw != null) {
            StrictObject audit = StrictObject.of(auditRaw, profile.at("audit"), "SiteAuditConfigModel");
            auditEnabled = audit.bool("enabled", false);
            auditPath = audit.string("path", null);
            maxFileSize = audit.integer("max_file_size", maxFileSize);
            auditMode = audit.optionalLiteral("mode", AuditMode.names());
            signingKey = audit.string("signing_key", null);
            backends = AuditBackendEntry.listOf(audit.optionalList("backends"), audit.at("backends"));
            schemaOptions = AuditSchemaOptions.parse(audit);
            audit.close();
        }
        profile.close();
        return new SiteProfile(duckdbPath, readonly, driftPath, auditEnabled, auditPath, maxFileSize, auditMode,
                signingKey, backends, schemaOptions);
    }

    private static List<?> list(Object raw, String location) throws SchemaException {
        if (!(raw instanceof List<?> list)) {
            throw new SchemaException(location, "Input should be a valid list");
        }
        return list;
    }
}
