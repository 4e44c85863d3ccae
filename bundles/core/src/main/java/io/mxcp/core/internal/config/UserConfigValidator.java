package io.mxcp.core.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;

/**
 * Validates the resolved user config (spec 01 §1.6) and returns it normalized: defaults filled in for
 * {@code transport}, {@code logging} and every profile's {@code secrets} and {@code plugin}. The
 * {@code auth} and {@code telemetry} blocks of a profile are kept as written (later issues own them).
 */
final class UserConfigValidator {

    private UserConfigValidator() {
    }

    static Map<String, Object> validate(Map<String, Object> raw) throws SchemaException {
        StrictObject root = StrictObject.of(raw, "", "UserConfigModel");
        Map<String, Object> config = new LinkedHashMap<>();
        if (root.has("mxcp") && !Integer.valueOf(1).equals(root.raw("mxcp"))) {
            throw new SchemaException("mxcp", "Input should be 1");
        }
        config.put("mxcp", 1);
        config.put("projects", projects(root.raw("projects")));
        config.put("vault", vault(root.raw("vault")));
        config.put("onepassword", onePassword(root.raw("onepassword")));
        config.put("transport", transport(root.raw("transport")));
        config.put("models", models(root.raw("models")));
        config.put("logging", logging(root.raw("logging")));
        root.close();
        return config;
    }

    private static Map<String, Object> projects(Object raw) throws SchemaException {
        Map<String, Object> projects = new LinkedHashMap<>();
        if (raw == null) {
            return projects;
        }
        for (Map.Entry<String, Object> entry : mapping(raw, "projects").entrySet()) {
            String location = "projects." + entry.getKey();
            StrictObject project = StrictObject.of(entry.getValue(), location, "UserProjectConfigModel");
            Map<String, Object> profiles = new LinkedHashMap<>();
            Object profilesRaw = project.raw("profiles");
            if (profilesRaw != null) {
                for (Map.Entry<String, Object> p : mapping(profilesRaw, project.at("profiles")).entrySet()) {
                    profiles.put(p.getKey(), profile(p.getValue(), project.at("profiles") + "." + p.getKey()));
                }
            }
            project.close();
            projects.put(entry.getKey(), new LinkedHashMap<>(Map.of("profiles", profiles)));
        }
        return projects;
    }

    private static Map<String, Object> profile(Object raw, String location) throws SchemaException {
        StrictObject profile = StrictObject.of(raw, location, "UserProfileConfigModel");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("secrets", secrets(profile.raw("secrets"), profile.at("secrets")));
        result.put("plugin", plugin(profile.raw("plugin"), profile.at("plugin")));
        Map<String, Object> auth = profile.optionalMap("auth");
        if (auth == null) {
            auth = new LinkedHashMap<>();
            auth.put("mode", "issuer");
            auth.put("provider", "none");
        }
        result.put("auth", auth);
        result.put("telemetry", profile.optionalMap("telemetry"));
        profile.close();
        return result;
    }

    private static List<Object> secrets(Object raw, String location) throws SchemaException {
        List<Object> secrets = new ArrayList<>();
        if (raw == null) {
            return secrets;
        }
        if (!(raw instanceof List<?> list)) {
            throw new SchemaException(location, "Input should be a valid list");
        }
        for (int i = 0; i < list.size(); i++) {
            StrictObject secret = StrictObject.of(list.get(i), location + "." + i, "UserSecretDefinitionModel");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", secret.requiredString("name"));
            entry.put("type", secret.requiredString("type"));
            Map<String, Object> parameters = secret.optionalMap("parameters");
            entry.put("parameters", parameters == null ? new LinkedHashMap<>() : parameters);
            secret.close();
            secrets.add(entry);
        }
        return secrets;
    }

    private static Map<String, Object> plugin(Object raw, String location) throws SchemaException {
        Map<String, Object> configs = new LinkedHashMap<>();
        if (raw != null) {
            StrictObject plugin = StrictObject.of(raw, location, "UserPluginConfigModel");
            Object configRaw = plugin.raw("config");
            if (configRaw != null) {
                for (Map.Entry<String, Object> entry : mapping(configRaw, plugin.at("config")).entrySet()) {
                    String entryLocation = plugin.at("config") + "." + entry.getKey();
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> kv : mapping(entry.getValue(), entryLocation).entrySet()) {
                        if (!(kv.getValue() instanceof String s)) {
                            throw new SchemaException(entryLocation + "." + kv.getKey(), "Input should be a valid string");
                        }
                        values.put(kv.getKey(), s);
                    }
                    configs.put(entry.getKey(), values);
                }
            }
            plugin.close();
        }
        return new LinkedHashMap<>(Map.of("config", configs));
    }

    private static Map<String, Object> vault(Object raw) throws SchemaException {
        if (raw == null) {
            return null;
        }
        StrictObject vault = StrictObject.of(raw, "vault", "UserVaultConfigModel");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enabled", vault.bool("enabled", false));
        result.put("address", vault.string("address", null));
        result.put("token_env", vault.string("token_env", null));
        vault.close();
        return result;
    }

    private static Map<String, Object> onePassword(Object raw) throws SchemaException {
        if (raw == null) {
            return null;
        }
        StrictObject op = StrictObject.of(raw, "onepassword", "UserOnePasswordConfigModel");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enabled", op.bool("enabled", false));
        result.put("token_env", op.string("token_env", null));
        op.close();
        return result;
    }

    private static Map<String, Object> transport(Object raw) throws SchemaException {
        StrictObject transport = raw == null ? null : StrictObject.of(raw, "transport", "UserTransportConfigModel");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("provider", transport == null ? "streamable-http"
                : transport.literal("provider", "streamable-http", "streamable-http", "sse", "stdio"));
        // ours: the most items an MCP list answer holds (all when absent, as the original)
        Integer pageSize = transport == null ? null : transport.optionalInteger("page_size", 1);
        if (pageSize != null) {
            result.put("page_size", pageSize);
        }
        Object httpRaw = transport == null ? null : transport.raw("http");
        StrictObject http = httpRaw == null ? null : StrictObject.of(httpRaw, "transport.http", "UserHttpTransportConfigModel");
        Map<String, Object> httpResult = new LinkedHashMap<>();
        httpResult.put("port", http == null ? 8000L : http.integer("port", 8000));
        httpResult.put("host", http == null ? "localhost" : http.string("host", "localhost"));
        httpResult.put("scheme", http == null ? "http" : http.literal("scheme", "http", "http", "https"));
        httpResult.put("base_url", http == null ? null : http.string("base_url", null));
        httpResult.put("trust_proxy", http != null && http.bool("trust_proxy", false));
        httpResult.put("stateless", http != null && http.bool("stateless", false));
        if (http != null) {
            extensionHttpSettings(http, httpResult);
            http.close();
        }
        result.put("http", httpResult);
        if (transport != null) {
            transport.close();
        }
        return result;
    }

    /**
     * Settings of this port's HTTP server that the reference does not have (json_response, max_request_bytes,
     * max_concurrent_calls, cors_origins, allowed_hosts, rate_limit); kept only when written, so the server's own defaults apply otherwise.
     */
    private static void extensionHttpSettings(StrictObject http, Map<String, Object> result) throws SchemaException {
        if (http.raw("json_response") != null) {
            result.put("json_response", http.bool("json_response", false));
        }
        Integer maxRequestBytes = http.optionalInteger("max_request_bytes", 1);
        if (maxRequestBytes != null) {
            result.put("max_request_bytes", maxRequestBytes);
        }
        Integer maxConcurrentCalls = http.optionalInteger("max_concurrent_calls", 0);
        if (maxConcurrentCalls != null) {
            result.put("max_concurrent_calls", maxConcurrentCalls);
        }
        List<String> corsOrigins = http.optionalStringList("cors_origins");
        if (corsOrigins != null) {
            result.put("cors_origins", corsOrigins);
        }
        List<String> allowedHosts = http.optionalStringList("allowed_hosts");
        if (allowedHosts != null) {
            result.put("allowed_hosts", allowedHosts);
        }
        Object rateLimitRaw = http.raw("rate_limit");
        if (rateLimitRaw != null) {
            StrictObject rateLimit = StrictObject.of(rateLimitRaw, http.at("rate_limit"), "RateLimitModel");
            Map<String, Object> limit = new LinkedHashMap<>();
            Integer perMinute = rateLimit.optionalInteger("requests_per_minute", 1);
            if (perMinute == null) {
                throw new SchemaException(rateLimit.at("requests_per_minute"), "Field required");
            }
            limit.put("requests_per_minute", perMinute);
            Integer burst = rateLimit.optionalInteger("burst", 1);
            limit.put("burst", burst == null ? perMinute : burst);
            rateLimit.close();
            result.put("rate_limit", limit);
        }
    }

    private static Map<String, Object> models(Object raw) throws SchemaException {
        if (raw == null) {
            return null;
        }
        StrictObject models = StrictObject.of(raw, "models", "UserModelsConfigModel");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("default", models.string("default", null));
        Map<String, Object> entries = new LinkedHashMap<>();
        Object entriesRaw = models.raw("models");
        if (entriesRaw != null) {
            for (Map.Entry<String, Object> entry : mapping(entriesRaw, "models.models").entrySet()) {
                StrictObject model = StrictObject.of(entry.getValue(), "models.models." + entry.getKey(), "UserModelConfigModel");
                Map<String, Object> m = new LinkedHashMap<>();
                // any type: a model provider bundle (claude and openai ship) may serve others
                m.put("type", model.requiredString("type"));
                m.put("api_key", model.string("api_key", null));
                m.put("base_url", model.string("base_url", null));
                m.put("timeout", model.optionalInteger("timeout", null));
                m.put("max_retries", model.optionalInteger("max_retries", null));
                model.close();
                entries.put(entry.getKey(), m);
            }
        }
        result.put("models", entries);
        models.close();
        return result;
    }

    private static Map<String, Object> logging(Object raw) throws SchemaException {
        StrictObject logging = raw == null ? null : StrictObject.of(raw, "logging", "UserLoggingConfigModel");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enabled", logging == null || logging.bool("enabled", true));
        result.put("path", logging == null ? null : logging.string("path", null));
        // left out when not given (the original's default is WARNING): a server logs at INFO unless the user says
        result.put("level", logging == null ? null
                : logging.literal("level", null, "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"));
        result.put("max_bytes", logging == null ? 10485760L : logging.integer("max_bytes", 10485760));
        result.put("backup_count", logging == null ? 5L : logging.integer("backup_count", 5));
        if (logging != null) {
            logging.close();
        }
        return result;
    }

    private static Map<String, Object> mapping(Object raw, String location) throws SchemaException {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new SchemaException(location, "Input should be a valid dictionary");
        }
        return StrictObject.stringKeys(map);
    }
}
