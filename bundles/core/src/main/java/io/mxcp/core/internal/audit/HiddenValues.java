package io.mxcp.core.internal.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.internal.types.PythonText;

/**
 * The values a call's record hides (masked as sensitive or redacted by its schema), kept to take them out of the
 * record's texts too: an error such as {@code Invalid email format: ann@example.com} would otherwise show in
 * {@code error} what {@code input_data} hides. Texts shorter than {@value #SHORTEST} characters are left in
 * the messages: replacing them would garble the message around them and hardly hides anything.
 */
final class HiddenValues {

    static final int SHORTEST = 4;

    private final Set<String> texts = new LinkedHashSet<>();

    /** Notes a hidden value: each text or number it holds (an object or array, each of its leaves). */
    void add(Object value) {
        switch (value) {
            case null -> {
            }
            case Map<?, ?> object -> object.values().forEach(this::add);
            case Collection<?> items -> items.forEach(this::add);
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

    /** The text with every hidden value in it replaced by {@code [REDACTED]}; null stays null. */
    String scrub(String text) {
        if (text == null || texts.isEmpty()) {
            return text;
        }
        // longest first, so that a value containing another is replaced whole
        List<String> longestFirst = new ArrayList<>(texts);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String scrubbed = text;
        for (String hidden : longestFirst) {
            scrubbed = scrubbed.replace(hidden, SensitiveRedaction.REDACTED);
        }
        return scrubbed;
    }
}
