package io.mxcp.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.http.ExchangeFailure;
import io.mxcp.sdk.model.ModelException;
import io.mxcp.sdk.model.ModelSettings;

/**
 * JSON POSTs to one model API: each answered completely within the configured timeout, sent again after a rate
 * limit, an overload, a server error, a timeout or a dropped connection up to {@code max_retries} times (waiting as
 * {@code retry-after-ms} or {@code Retry-After} says, else 1 s, 2 s, 4 s…; an API that asks for more than
 * {@value #MAX_WAIT_SECONDS} s fails at once, saying so). Redirects are not followed: the API key must not travel to
 * another host. Errors name the status and the API's own message, never the key, nor credentials in the URL.
 */
public final class ModelHttp {

    private static final Set<Integer> RETRIED = Set.of(408, 409, 429, 500, 502, 503, 504, 529);
    private static final long MAX_WAIT_SECONDS = 30;

    private final String api;
    private final ModelSettings settings;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Sleeper sleeper;

    /** How the wait between attempts is spent (tests need not wait). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** @param api the API's name in messages ({@code Anthropic}, ...) */
    public ModelHttp(String api, ModelSettings settings) {
        this(api, settings, duration -> Thread.sleep(duration));
    }

    public ModelHttp(String api, ModelSettings settings, Sleeper sleeper) {
        this.api = api;
        this.settings = settings;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** POSTs the body and returns the answer's JSON, or fails with the API's error. */
    public JsonNode post(URI uri, Map<String, String> headers, JsonNode body) throws ModelException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            // the JDK's message quotes the header value: the API key
            throw new ModelException(api + " API request not sent: a header value (the API key?) has characters "
                    + "HTTP headers cannot carry");
        }
        for (int attempt = 0;; attempt++) {
            boolean lastAttempt = attempt >= settings.maxRetries();
            Answer response;
            try {
                response = exchange(request.build());
            } catch (LimitedBody.TooLarge e) {
                throw failure(api + " API at " + shown(uri) + " answered too much: " + e.getMessage(), e);
            } catch (IOException e) {
                if (lastAttempt) {
                    String why = e instanceof HttpTimeoutException ? "did not answer within "
                            + settings.timeout().toSeconds() + " s (the model's timeout setting)"
                            : "could not be reached: " + ExchangeFailure.reason(e);
                    throw failure(api + " API at " + shown(uri) + " " + why + attempts(attempt), e);
                }
                pause(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("Interrupted while waiting for the " + api + " API", e);
            }
            if (response.statusCode() / 100 == 2) {
                return parse(response);
            }
            if (lastAttempt || !RETRIED.contains(response.statusCode())) {
                throw failure(refused(uri, response) + attempts(attempt), null);
            }
            Duration wait = requestedWait(response.headers()).orElse(backoff(attempt));
            if (wait.toSeconds() > MAX_WAIT_SECONDS) {
                throw failure(refused(uri, response) + " (it asks to wait " + wait.toSeconds()
                        + " s before trying again)", null);
            }
            pause(wait);
        }
    }

    /** An answer: its status, headers and body text. */
    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }

    private Answer exchange(HttpRequest request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BodyDeadline watch = BodyDeadline.watch(response.body(), deadline)) {
            try {
                return new Answer(response.statusCode(), response.headers(), LimitedBody.read(response.body()));
            } catch (IOException e) {
                if (watch.passed()) {
                    throw new HttpTimeoutException("the answer's body did not arrive in time");
                }
                throw e;
            }
        }
    }

    private JsonNode parse(Answer response) throws ModelException {
        try {
            JsonNode answer = mapper.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw failure(api + " API answered " + response.statusCode() + " without a JSON object", null);
            }
            return answer;
        } catch (JsonProcessingException e) {
            // without the cause: its message quotes the body, which --debug would print unredacted
            throw failure(api + " API answered " + response.statusCode() + " with invalid JSON: "
                    + e.getOriginalMessage(), null);
        }
    }

    /**
     * A refusal: the status and the API's message, with the URL and the setting to check where the status points at
     * one ({@code base_url} for a 404: the path is wrong; {@code api_key} for a 401 or 403).
     */
    private String refused(URI uri, Answer response) {
        String hint = switch (response.statusCode()) {
            case 404 -> " (check the base_url of model '" + settings.name() + "')";
            case 401, 403 -> " (check the api_key of model '" + settings.name() + "')";
            default -> "";
        };
        return api + " API at " + shown(uri) + " answered " + response.statusCode() + ": " + errorText(response) + hint;
    }

    /** How often a request that failed was sent, when more than once. */
    private static String attempts(int attempt) {
        return attempt == 0 ? "" : " (after " + (attempt + 1) + " attempts)";
    }

    /**
     * A failure whose text cannot carry the API key: an API (or a gateway before it) may quote the key it refused,
     * and the text goes to CI logs and JSON reports.
     */
    private ModelException failure(String message, Throwable cause) {
        String key = settings.apiKey();
        // a key too short to be real (a test's) would also hide ordinary words
        String safe = key == null || key.length() < 8 ? message : message.replace(key, "<api_key>");
        return cause == null ? new ModelException(safe) : new ModelException(safe, cause);
    }

    /** Both APIs put their message at {@code error.message}; anything else is shown cut short. */
    private String errorText(Answer response) {
        String body = response.body() == null ? "" : response.body();
        try {
            JsonNode message = mapper.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return message.asText();
            }
        } catch (IOException notJson) {
            // shown as text below
        }
        String text = body.strip();
        return text.isEmpty() ? "(no body)" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private void pause(Duration duration) throws ModelException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("Interrupted while waiting to ask the " + api + " API again", e);
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(MAX_WAIT_SECONDS, 1L << Math.min(attempt, 5)));
    }

    /** The wait an answer asks for: {@code retry-after-ms} (OpenAI's), else {@code Retry-After} in seconds. */
    private static Optional<Duration> requestedWait(HttpHeaders headers) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(value -> whole(value))
                .map(Duration::ofMillis);
        return millis.isPresent() ? millis
                : headers.firstValue("Retry-After").flatMap(value -> whole(value)).map(Duration::ofSeconds);
    }

    /** A non-negative whole number, or nothing (an HTTP date, a fraction, garbage). */
    private static Optional<Long> whole(String value) {
        try {
            return Optional.of(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notWhole) {
            return Optional.empty();
        }
    }

    /** The URI without the user information a {@code base_url} may carry ({@code https://user:token@proxy/}). */
    static String shown(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    public void close() {
        client.shutdown();
    }
}
