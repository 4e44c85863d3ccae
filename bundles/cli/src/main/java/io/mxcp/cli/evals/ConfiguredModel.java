package io.mxcp.cli.evals;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.sdk.config.HttpUrl;
import io.mxcp.sdk.model.ModelSettings;

/**
 * A model of the user config's {@code models.models} (spec 02b §4): its provider type and settings.
 *
 * @param type     the provider type ({@code claude}, {@code openai}, or a plugin's)
 * @param settings what the provider opens the model with
 */
public record ConfiguredModel(String type, ModelSettings settings) {

    private static final int DEFAULT_TIMEOUT_SECONDS = 30;
    private static final int DEFAULT_MAX_RETRIES = 2;

    /**
     * The model to use: {@code --model}, else the suite's {@code model}, else {@code models.default}.
     *
     * @return null when none is named anywhere
     */
    public static String choose(String option, String suiteModel, Map<String, Object> userConfig) {
        if (option != null) {
            return option;
        }
        if (suiteModel != null) {
            return suiteModel;
        }
        return userConfig.get("models") instanceof Map<?, ?> models && models.get("default") instanceof String name
                ? name : null;
    }

    /** The configured model of that name, with the reference's error messages when it is not usable. */
    public static ConfiguredModel of(String name, Map<String, Object> userConfig) throws CommandFailure {
        if (!(userConfig.get("models") instanceof Map<?, ?> models)) {
            throw CommandFailure.command("No models configuration found in user config");
        }
        if (!(models.get("models") instanceof Map<?, ?> entries) || !(entries.get(name) instanceof Map<?, ?> model)) {
            throw CommandFailure.command("Model '" + name + "' not configured in user config");
        }
        if (!(model.get("api_key") instanceof String configuredKey) || configuredKey.isBlank()) {
            throw CommandFailure.command("No API key configured for model '" + name + "'");
        }
        String key = configuredKey.strip();
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            // the key itself is never shown
            throw CommandFailure.command("The API key of model '" + name
                    + "' has characters an API key cannot have (spaces, line breaks, non-ASCII)");
        }
        int timeout = model.get("timeout") instanceof Integer seconds && seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS;
        int retries = model.get("max_retries") instanceof Integer count && count >= 0 ? count : DEFAULT_MAX_RETRIES;
        return new ConfiguredModel(String.valueOf(model.get("type")),
                new ModelSettings(name, key, baseUrl(name, model.get("base_url")), Duration.ofSeconds(timeout), retries));
    }

    private static URI baseUrl(String name, Object value) throws CommandFailure {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return HttpUrl.parse(text, "models.models." + name + ".base_url");
        } catch (IllegalArgumentException e) {
            throw CommandFailure.command(e.getMessage());
        }
    }
}
