package io.mxcp.core.internal.config;

import java.util.Map;

/** Refuses configs written for the pre-1 format, where {@code mxcp} held a version string (spec 01 §1.10). */
final class LegacyVersionCheck {

    private LegacyVersionCheck() {
    }

    /** The migration text when the site config's {@code mxcp} is a string, else null. */
    static String siteMigrationMessage(Map<?, ?> site) {
        if (!(site.get("mxcp") instanceof String version)) {
            return null;
        }
        return """
                MIGRATION REQUIRED: this mxcp-site.yml uses the old configuration format (mxcp: "%s").
                Change it to:  mxcp: 1
                and move endpoint files from the flat 'endpoints/' folder into the new layout:
                  tools/ resources/ prompts/ evals/ python/ sql/ drift/ audit/ data/""".formatted(version);
    }

    /** The migration text when the user config's {@code mxcp} is a string, else null. */
    static String userMigrationMessage(Map<?, ?> user) {
        if (!(user.get("mxcp") instanceof String version)) {
            return null;
        }
        return """
                MIGRATION REQUIRED: this user config uses the old configuration format (mxcp: "%s").
                Change it to:  mxcp: 1""".formatted(version);
    }
}
