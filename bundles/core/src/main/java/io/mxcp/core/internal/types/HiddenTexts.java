package io.mxcp.core.internal.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/**
 * The values one call must not show beyond its answer — its arguments and result parts the endpoint marks
 * {@code sensitive}, and what its audit record hides — kept to take them out of the texts the server writes about the
 * call: its log line, its spans, its audit record. An error such as {@code Invalid email format: ann@example.com}
 * would otherwise show there what the record's {@code input_data} hides; the caller's own answer keeps the text, as in
 * the original.
 * <p>
 * A value is replaced where it stands as a whole — not inside a longer word or number, so a hidden {@code 1000} leaves
 * {@code 10000} as it is — and texts shorter than {@value #SHORTEST} characters are left in: replacing them would
 * garble the message around them and hardly hides anything. Case does not count, and a quoted value in the text
 * ({@code '…'} or {@code "…"}, as DuckDB quotes the value it could not convert) that shares {@value #SHARED_RUN}
 * characters in a row with a hidden value is replaced whole: SQL that transforms a secret ({@code upper},
 * {@code substr}, {@code ||}) puts a value in the error that is not the secret but gives it away. Values are noted by
 * reference and only walked when there is a text to clean, so a call that succeeds pays for a list of references. A
 * call notes values on the thread it runs on; a record may be built on another.
 */
public final class HiddenTexts {

    static final int SHORTEST = 4;
    /** The run of characters a quoted value must share with a hidden one to be taken for it (all of a shorter one). */
    static final int SHARED_RUN = 6;
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    /** Each a source of hidden leaves, walked when a text is cleaned. */
    private final List<Consumer<Consumer<Object>>> sources = new ArrayList<>();

    /** Notes a value to hide whole (an object or array stands for each of its leaves). */
    public synchronized void add(Object value) {
        sources.add(leaves -> leaves.accept(value));
    }

    /** Notes the parts of a value its type marks {@code sensitive}. */
    public synchronized void addSensitive(Object value, TypeDefinition type) {
        if (value != null && type != null) {
            sources.add(leaves -> SensitiveRedaction.value(value, type, masked(leaves)));
        }
    }

    /** Notes the arguments (and parts of them) the parameters mark {@code sensitive}. */
    public synchronized void addSensitive(Map<String, Object> arguments, List<ParameterDefinition> parameters) {
        if (arguments != null && !arguments.isEmpty()) {
            sources.add(leaves -> SensitiveRedaction.arguments(arguments, parameters, masked(leaves)));
        }
    }

    /** Notes everything another call's texts hide. */
    public void addAll(HiddenTexts other) {
        List<Consumer<Consumer<Object>>> theirs;
        synchronized (other) {
            theirs = List.copyOf(other.sources);
        }
        synchronized (this) {
            sources.addAll(theirs);
        }
    }

    /** The text with every hidden value in it replaced by {@code [REDACTED]}; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        Set<String> texts = new LinkedHashSet<>();
        synchronized (this) {
            sources.forEach(source -> source.accept(value -> collect(value, texts)));
        }
        if (texts.isEmpty()) {
            return text;
        }
        // longest first, so that a value containing another is replaced whole
        List<String> longestFirst = new ArrayList<>(texts);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String scrubbed = text;
        for (String hidden : longestFirst) {
            scrubbed = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(hidden) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(scrubbed).replaceAll(Matcher.quoteReplacement(SensitiveRedaction.REDACTED));
        }
        return QUOTED.matcher(scrubbed).replaceAll(quoted -> {
            String inner = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            boolean givesAway = longestFirst.stream().anyMatch(hidden -> sharesRun(inner, hidden));
            return Matcher.quoteReplacement(givesAway ? quoted.group().charAt(0) + SensitiveRedaction.REDACTED
                    + quoted.group().charAt(0) : quoted.group());
        });
    }

    /** Whether the text holds a run of the hidden value's characters, ignoring case, long enough to give it away. */
    private static boolean sharesRun(String text, String hidden) {
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = hidden.toLowerCase(Locale.ROOT);
        int run = Math.min(SHARED_RUN, needle.length());
        for (int start = 0; start + run <= needle.length(); start++) {
            if (haystack.contains(needle.substring(start, start + run))) {
                return true;
            }
        }
        return false;
    }

    /** A mask that passes each sensitive value on; what it returns is thrown away. */
    private static Function<Object, String> masked(Consumer<Object> leaves) {
        return value -> {
            leaves.accept(value);
            return SensitiveRedaction.REDACTED;
        };
    }

    private static void collect(Object value, Set<String> texts) {
        switch (value) {
            case null -> {
            }
            case Map<?, ?> object -> object.values().forEach(item -> collect(item, texts));
            case Collection<?> items -> items.forEach(item -> collect(item, texts));
            case Boolean flag -> {
            }
            default -> {
                String text = PythonText.str(value);
                if (text.length() >= SHORTEST) {
                    texts.add(text);
                }
            }
        }
    }
}
