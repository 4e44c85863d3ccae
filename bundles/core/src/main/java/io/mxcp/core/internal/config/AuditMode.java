package io.mxcp.core.internal.config;

import java.util.Arrays;

/** How a call depends on its audit record being written (the profile's {@code audit.mode}, ours). */
public enum AuditMode {
    /** The default: the record is queued and written off the call path; a failure to write it is retried. */
    BEST_EFFORT("best_effort"),
    /**
     * A call completes only once its record is durably written, and is refused before it runs while the log is known
     * to be unwritable (spec 03 tests D.35; HashiCorp Vault's audit devices behave so).
     */
    FAIL_CLOSED("fail_closed");

    private final String yamlValue;

    AuditMode(String yamlValue) {
        this.yamlValue = yamlValue;
    }

    /** The value as the site config writes it. */
    public String yamlValue() {
        return yamlValue;
    }

    static String[] names() {
        return Arrays.stream(values()).map(AuditMode::yamlValue).toArray(String[]::new);
    }

    /** The mode a site config value names; null (not written) is the default. */
    static AuditMode of(String yamlValue) {
        return Arrays.stream(values()).filter(mode -> mode.yamlValue.equals(yamlValue)).findFirst().orElse(BEST_EFFORT);
    }
}
