package io.mxcp.core.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The site's {@code paths} block: folder names relative to the project root (spec 01 §1.2). */
public record SitePaths(String tools, String resources, String prompts, String evals, String python,
        String plugins, String sql, String drift, String audit, String data) {

    static final SitePaths DEFAULTS = new SitePaths("tools", "resources", "prompts", "evals", "python", "plugins",
            "sql", "drift", "audit", "data");

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tools", tools);
        map.put("resources", resources);
        map.put("prompts", prompts);
        map.put("evals", evals);
        map.put("python", python);
        map.put("plugins", plugins);
        map.put("sql", sql);
        map.put("drift", drift);
        map.put("audit", audit);
        map.put("data", data);
        return map;
    }
}
