package io.mxcp.cli.dbt;

import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.core.api.Project;

/**
 * The site's {@code dbt} block (spec 01 §1.3, defaults applied by the core): whether the integration is on and
 * the folders written into {@code dbt_project.yml}.
 */
record DbtSettings(Map<String, Object> block) {

    static final String DISABLED = "dbt integration is disabled in mxcp-site.yml";

    /** The block, or the command's failure when the integration is off. */
    static DbtSettings enabledIn(Project project) throws CommandFailure {
        Map<?, ?> block = project.siteConfig().get("dbt") instanceof Map<?, ?> map ? map : Map.of();
        if (Boolean.FALSE.equals(block.get("enabled"))) {
            throw CommandFailure.command(DISABLED);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) block;
        return new DbtSettings(typed);
    }

    List<?> list(String key, List<String> fallback) {
        return block.get(key) instanceof List<?> list ? list : fallback;
    }

    String text(String key, String fallback) {
        return block.get(key) instanceof String text ? text : fallback;
    }
}
