package io.mxcp.core.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * Everything an opened project knows about its configuration for the active profile: the validated site
 * config (active profile completed), the resolved user config and the effective runtime settings.
 * Executors see it as their {@link ProjectRuntime}.
 *
 * @param sqlTools whether the built-in SQL tools are on (the CLI's override, else the site's {@code sql_tools.enabled})
 * @param served   whether a server runs the project (else a one-shot command)
 */
public record ProjectSettings(Path root, Path workingDirectory, SiteConfig site, String activeProfile,
        Map<String, Object> userConfig, Path duckdbPath, boolean readOnly, boolean sqlTools, boolean served)
        implements ProjectRuntime {

    @Override
    public String projectName() {
        return site.project();
    }

    @Override
    public String profile() {
        return activeProfile;
    }

    /** The active profile's audit settings: whether calls are audited, and where (relative paths from the cwd). */
    public AuditSettings audit() {
        SiteProfile profile = site.profiles().getOrDefault(activeProfile, SiteProfile.DEFAULTS);
        Path log = workingDirectory.resolve(profile.auditPath()).normalize();
        Path signingKey = profile.auditSigningKey() == null ? AuditLogSettings.besideLog(log, ".signing-key")
                : workingDirectory.resolve(profile.auditSigningKey()).normalize();
        List<AuditBackendEntry> entries = profile.auditBackends() == null ? AuditBackendEntry.DEFAULT
                : profile.auditBackends();
        // entries a backend would store in the same files (the same folder and file name but for the extension, from
        // which backends derive theirs) are written once: twice would put each record twice into one log
        Map<AuditTarget, AuditTarget> byFiles = new LinkedHashMap<>();
        for (AuditBackendEntry entry : entries) {
            Path path = entry.path() == null ? log : workingDirectory.resolve(entry.path()).normalize();
            byFiles.putIfAbsent(new AuditTarget(entry.name(), AuditLogSettings.besideLog(path, "")),
                    new AuditTarget(entry.name(), path));
        }
        List<AuditTarget> targets = List.copyOf(byFiles.values());
        return new AuditSettings(profile.auditEnabled(), log, profile.auditMaxFileSize(),
                AuditMode.of(profile.auditMode()), signingKey, targets, profile.auditSchema());
    }

    public SitePaths paths() {
        return site.paths();
    }

    /** Honours {@code paths.python}, which the original ignores (spec 01 quirk A12). */
    @Override
    public Path pythonPath() {
        return root.resolve(site.paths().python());
    }

    @Override
    public Path pluginsPath() {
        return workingDirectory.resolve(site.paths().plugins());
    }

    @Override
    public List<Map<String, String>> extensions() {
        List<Map<String, String>> copy = new ArrayList<>();
        site.extensions().forEach(e -> copy.add(new LinkedHashMap<>(e)));
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> secrets() {
        return (List<Map<String, Object>>) activeUserProfile().getOrDefault("secrets", List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, String>> pluginConfig() {
        Map<String, Object> plugin = (Map<String, Object>) activeUserProfile().getOrDefault("plugin", Map.of());
        return (Map<String, Map<String, String>>) plugin.getOrDefault("config", Map.of());
    }

    @Override
    public Map<String, Object> siteFile() {
        return site.written();
    }

    @Override
    public Map<String, String> derivedProfileSettings() {
        SiteProfile profile = site.profiles().getOrDefault(activeProfile, SiteProfile.DEFAULTS);
        Map<String, String> derived = new LinkedHashMap<>();
        derived.put("duckdb.path", duckdbPath.toString());
        if (profile.driftPath() != null) {
            derived.put("drift.path", profile.driftPath());
        }
        if (profile.auditPath() != null) {
            derived.put("audit.path", profile.auditPath());
        }
        return derived;
    }

    /** {@code projects.<project>.profiles.<active>} of the user config (always present after loading). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> activeUserProfile() {
        Map<String, Object> projects = (Map<String, Object>) userConfig.get("projects");
        Map<String, Object> project = (Map<String, Object>) projects.get(site.project());
        Map<String, Object> profiles = (Map<String, Object>) project.get("profiles");
        return (Map<String, Object>) profiles.get(activeProfile);
    }
}
