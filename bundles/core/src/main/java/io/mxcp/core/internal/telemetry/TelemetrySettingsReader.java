package io.mxcp.core.internal.telemetry;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;
import io.mxcp.sdk.config.HttpUrl;
import io.mxcp.sdk.telemetry.TelemetrySettings;

/**
 * Reads the active profile's {@code telemetry} block and the environment's overrides (spec 03 §6.1) into the settings
 * a telemetry backend starts with. An environment variable replaces the file's key; a bad value in the file is an
 * error naming its key, a bad {@code MXCP_*} switch or interval in the environment is ignored with a warning, as in
 * the original. A {@code tracing} or {@code metrics} block written without {@code enabled} leaves its signal on (the
 * original turned it off, quirk Q24).
 */
public final class TelemetrySettingsReader {

    private static final System.Logger LOG = System.getLogger(TelemetrySettingsReader.class.getName());

    static final String ENABLED = "MXCP_TELEMETRY_ENABLED";
    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
    static final String SERVICE_NAME = "OTEL_SERVICE_NAME";
    static final String RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";
    static final String TRACING_CONSOLE = "MXCP_TELEMETRY_TRACING_CONSOLE";
    static final String METRICS_INTERVAL = "MXCP_TELEMETRY_METRICS_INTERVAL";

    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no");
    private static final long DEFAULT_INTERVAL_SECONDS = 60;

    private final Map<String, String> env;

    /** @param env the environment the project was opened with */
    public TelemetrySettingsReader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * The settings to start telemetry with, or empty when it is off (no block and no environment switch, the master
     * switch off, or both signals off).
     *
     * @param block    the profile's {@code telemetry} block as written, or null
     * @param location the block's dotted location in the user config, for error messages
     * @param server   the project, profile and MXCP version, for the defaults and the resource
     * @throws SchemaException naming the key (or environment variable) whose value cannot be used
     */
    public Optional<TelemetrySettings> read(Map<String, Object> block, String location, ServedIdentity server)
            throws SchemaException {
        // every key of the file is read (and checked) even where the environment replaces it
        StrictObject file = StrictObject.of(block == null ? Map.of() : block, location, "TelemetryConfig");
        boolean enabled = file.bool("enabled", false);
        URI endpoint = fileUrl(file);
        Map<String, String> headers = stringMap(file, "headers");
        ExportHeaders.check(headers, file.at("headers"));
        String serviceName = file.string("service_name", "mxcp");
        String serviceVersion = file.string("service_version", server.version());
        String environment = file.string("environment", server.profile());
        Map<String, String> attributes = stringMap(file, "resource_attributes");
        StrictObject tracing = signal(file, "tracing");
        boolean tracingOn = tracing.bool("enabled", true);
        boolean console = tracing.bool("console_export", false);
        tracing.close();
        StrictObject metrics = signal(file, "metrics");
        boolean metricsOn = metrics.bool("enabled", true);
        Integer interval = metrics.optionalInteger("export_interval", 1);
        metrics.close();
        file.close();

        enabled = envSwitch(ENABLED).orElse(enabled);
        if (env(ENDPOINT) != null) {
            endpoint = url(env(ENDPOINT), ENDPOINT);
        }
        if (env(HEADERS) != null) {
            headers = KeyValueList.parse(env(HEADERS), HEADERS);
            ExportHeaders.check(headers, HEADERS);
        }
        if (env(SERVICE_NAME) != null) {
            serviceName = env(SERVICE_NAME);
        }
        if (env(RESOURCE_ATTRIBUTES) != null) {
            attributes = KeyValueList.parse(env(RESOURCE_ATTRIBUTES), RESOURCE_ATTRIBUTES);
        }
        console = envSwitch(TRACING_CONSOLE).orElse(console);
        long seconds = envInterval().orElse(interval == null ? DEFAULT_INTERVAL_SECONDS : interval);
        if (!enabled || !tracingOn && !metricsOn) {
            return Optional.empty();
        }
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("mxcp.project", server.project());
        resource.put("mxcp.profile", server.profile());
        resource.putAll(attributes);
        resource.put("service.name", serviceName);
        resource.put("service.version", serviceVersion);
        resource.put("deployment.environment", environment);
        return Optional.of(new TelemetrySettings(endpoint, headers, resource, tracingOn, console, metricsOn,
                Duration.ofSeconds(seconds)));
    }

    /** A signal's block ({@code tracing}, {@code metrics}); an absent one reads as empty. */
    private static StrictObject signal(StrictObject file, String key) throws SchemaException {
        Map<String, Object> block = file.optionalMap(key);
        return StrictObject.of(block == null ? Map.of() : block, file.at(key), "TelemetrySignalConfig");
    }

    private static URI fileUrl(StrictObject file) throws SchemaException {
        String written = file.string("endpoint", null);
        return written == null ? null : url(written, file.at("endpoint"));
    }

    /** An absolute http(s) URL with a host: what an OTLP/HTTP exporter can post to. */
    static URI url(String value, String location) throws SchemaException {
        try {
            return HttpUrl.parse(value, location);
        } catch (IllegalArgumentException e) {
            throw new SchemaException(null, e.getMessage());
        }
    }

    /** A mapping of strings ({@code headers}, {@code resource_attributes}); scalar values are written as text. */
    private static Map<String, String> stringMap(StrictObject file, String key) throws SchemaException {
        Map<String, Object> written = file.optionalMap(key);
        Map<String, String> values = new LinkedHashMap<>();
        if (written == null) {
            return values;
        }
        for (Map.Entry<String, Object> entry : written.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                throw new SchemaException(file.at(key) + "." + entry.getKey(), "should be a single value, not a "
                        + (value instanceof Map<?, ?> ? "mapping" : "list"));
            }
            if (value != null) {
                values.put(entry.getKey(), String.valueOf(value));
            }
        }
        return values;
    }

    /** A boolean switch of the environment; a word that is not one is ignored with a warning. */
    private Optional<Boolean> envSwitch(String name) {
        String value = env(name);
        if (value == null) {
            return Optional.empty();
        }
        String word = value.trim().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word)) {
            return Optional.of(TRUE_WORDS.contains(word));
        }
        LOG.log(Level.WARNING, "{0}=''{1}'' is ignored: use true/1/yes or false/0/no", name, value);
        return Optional.empty();
    }

    /** {@code MXCP_TELEMETRY_METRICS_INTERVAL} in whole seconds; anything else is ignored with a warning. */
    private Optional<Long> envInterval() {
        String value = env(METRICS_INTERVAL);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 1) {
                return Optional.of(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.log(Level.WARNING, "{0}=''{1}'' is ignored: it should be a whole number of seconds, at least 1",
                METRICS_INTERVAL, value);
        return Optional.empty();
    }

    /** A variable's value; an empty one counts as unset, as OpenTelemetry's own variables do. */
    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
