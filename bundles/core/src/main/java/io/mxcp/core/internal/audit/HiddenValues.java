package io.mxcp.core.internal.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.core.internal.audit.schema.RedactionContext;
import io.mxcp.core.internal.types.PythonText;

/**
 * The values a call's record hides (masked as sensitive or redacted by its schema), kept to take them out of the
 * record's texts too: an error such as {@code Invalid email format: ann@example.com} would otherwise show in
 * {@code error} what {@code input_data} hides. A value is replaced where it stands as a whole — not inside a longer
 * word or number, so a hidden {@code 1000} leaves {@code 10000} as it is — and texts shorter than {@value #SHORTEST}
 * characters are left in: replacing them would garble the message around them and hardly hides anything. The values
 * are only walked when there is a text to clean, so a call that succeeds pays for a list of references.
 */
final class HiddenValues implements RedactionContext {

    static final int SHORTEST = 4;

    private final List<Object> values = new ArrayList<>();
    /** The masks made for this record's sensitive values, by identity: each a string of its own. */
    private final Set<Object> masks = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Notes a hidden value (an object or array stands for each of its leaves). */
    void add(Object value) {
        values.add(value);
    }

    /** Masks a sensitive value: notes it as hidden and its mask as one, which redactions then leave whole. */
    String mask(Object value, Function<Object, String> mask) {
        add(value);
        String masked = mask.apply(value);
        masks.add(masked);
        return masked;
    }

    @Override
    public boolean masked(Object value) {
        return masks.contains(value);
    }

    @Override
    public void hidden(Object value) {
        add(value);
    }

    /** The text with every hidden value in it replaced by {@code [REDACTED]}; null stays null. */
    String scrub(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        Set<String> texts = new LinkedHashSet<>();
        values.forEach(value -> collect(value, texts));
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
