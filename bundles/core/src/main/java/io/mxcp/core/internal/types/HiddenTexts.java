package io.mxcp.core.internal.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
 * garble the message around them and hardly hides anything. Values are noted by reference and only walked when there
 * is a text to clean, so a call that succeeds pays for a list of references. A call notes values on the thread it runs
 * on; a record may be built on another.
 */
public final class HiddenTexts {

    static final int SHORTEST = 4;

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
            scrubbed = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(hidden) + "(?![\\p{L}\\p{N}])")
                    .matcher(scrubbed).replaceAll(Matcher.quoteReplacement(SensitiveRedaction.REDACTED));
        }
        return scrubbed;
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
