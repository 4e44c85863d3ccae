package io.mxcp.core.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mxcp-site.yml} as validated (spec 01 §1.3), with defaults applied.
 *
 * @param plugins    each {@code {name, module, config?}}
 * @param extensions each {@code {name, repo?}}
 * @param dbt        the {@code dbt} block with defaults
 * @param sqlTools   the {@code sql_tools} block with defaults
 * @param written    the file's map as written, without defaults (what Python's {@code site_config} shows)
 */
public record SiteConfig(int mxcp, String project, String profile, List<String> secrets,
        List<Map<String, String>> plugins, List<Map<String, String>> extensions, Map<String, Object> dbt,
        Map<String, Object> sqlTools, SitePaths paths, Map<String, SiteProfile> profiles, Map<String, Object> written) {

    SiteConfig withProfile(String name, SiteProfile completed) {
        Map<String, SiteProfile> updated = new LinkedHashMap<>(profiles);
        updated.put(name, completed);
        return new SiteConfig(mxcp, project, profile, secrets, plugins, extensions, dbt, sqlTools, paths, updated,
                written);
    }

    /** The plain map view: every key with its default; extensions without a repo as bare strings (§1.3). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mxcp", mxcp);
        map.put("project", project);
        map.put("profile", profile);
        map.put("secrets", new ArrayList<>(secrets));
        List<Object> pluginList = new ArrayList<>();
        plugins.forEach(p -> pluginList.add(new LinkedHashMap<>(p)));
        map.put("plugin", pluginList);
        List<Object> extensionList = new ArrayList<>();
        for (Map<String, String> ext : extensions) {
            extensionList.add(ext.containsKey("repo") ? new LinkedHashMap<>(ext) : ext.get("name"));
        }
        map.put("extensions", extensionList);
        map.put("dbt", dbt);
        map.put("sql_tools", sqlTools);
        map.put("paths", paths.toMap());
        Map<String, Object> profileMap = new LinkedHashMap<>();
        profiles.forEach((name, p) -> profileMap.put(name, p.toMap()));
        map.put("profiles", profileMap);
        return map;
    }
}
