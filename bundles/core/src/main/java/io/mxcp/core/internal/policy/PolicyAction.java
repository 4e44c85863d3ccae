package io.mxcp.core.internal.policy;

import java.util.Locale;

/** What a policy rule does when its condition is true (spec 03 §2). */
enum PolicyAction {
    DENY,
    FILTER_FIELDS,
    MASK_FIELDS,
    FILTER_SENSITIVE_FIELDS;

    /** The action named in endpoint YAML ({@code deny}, {@code filter_fields}, ...); the parser checked the name. */
    static PolicyAction named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The name endpoint YAML uses, as decisions and logs report it. */
    String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
