package io.mxcp.core.internal.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Completes the active profile with derived paths and environment overrides (spec 01 §1.4). Following
 * the quirk recommendation A2, this is done for the active profile, not only the site's default one.
 */
final class ProfileDefaults {

    private ProfileDefaults() {
    }

    static SiteConfig complete(SiteConfig site, String activeProfile, Path root, Map<String, String> env) {
        SiteProfile profile = site.profiles().getOrDefault(activeProfile, SiteProfile.DEFAULTS);
        SitePaths paths = site.paths();
        if (isEmpty(profile.duckdbPath())) {
            profile = profile.withDuckdbPath(derived(root, paths.data(), "db-" + activeProfile + ".duckdb"));
        }
        String duckdbOverride = env.get("MXCP_DUCKDB_PATH");
        if (!isEmpty(duckdbOverride)) {
            profile = profile.withDuckdbPath(duckdbOverride);
        }
        if (isEmpty(profile.driftPath())) {
            profile = profile.withDriftPath(derived(root, paths.drift(), "drift-" + activeProfile + ".json"));
        }
        boolean auditEnabled = profile.auditEnabled();
        String auditSwitch = env.get("MXCP_AUDIT_ENABLED");
        if (auditSwitch != null) {
            switch (auditSwitch.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> auditEnabled = true;
                case "false", "0", "no" -> auditEnabled = false;
                default -> {
                    // any other value leaves the setting as written
                }
            }
        }
        String auditPath = isEmpty(profile.auditPath())
                ? derived(root, paths.audit(), "logs-" + activeProfile + ".jsonl") : profile.auditPath();
        return site.withProfile(activeProfile, profile.withAudit(auditEnabled, auditPath));
    }

    private static String derived(Path root, String folder, String file) {
        return root.resolve(folder).resolve(file).toAbsolutePath().normalize().toString();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
