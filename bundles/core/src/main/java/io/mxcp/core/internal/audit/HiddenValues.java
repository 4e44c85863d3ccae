package io.mxcp.core.internal.audit;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Function;

import io.mxcp.core.internal.audit.schema.RedactionContext;
import io.mxcp.core.internal.types.HiddenTexts;

/**
 * The values a call's record hides — masked as sensitive, redacted by its schema, and what the call itself kept from
 * its texts (a result that failed its output check) — to take them out of the record's error and policy reason too.
 */
final class HiddenValues implements RedactionContext {

    private final HiddenTexts texts = new HiddenTexts();
    /** The masks made for this record's sensitive values, by identity: each a string of its own. */
    private final Set<Object> masks = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param call what the call hid from its own texts */
    HiddenValues(HiddenTexts call) {
        texts.addAll(call);
    }

    /** Notes a hidden value (an object or array stands for each of its leaves). */
    void add(Object value) {
        texts.add(value);
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
        return texts.scrub(text);
    }
}
