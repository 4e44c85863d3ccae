package io.mxcp.cli.output;

import java.util.List;
import java.util.Map;

import io.mxcp.kernel.api.LogRecordText;

/**
 * Shows an endpoint result to a person: a non-empty list of rows as a table (a list of other values one per
 * line), an object as indented JSON with text in any script readable, anything else as itself; controls a terminal
 * would act on (ESC, BEL, bidirectional overrides) are shown escaped, line breaks and tabs kept.
 */
public final class ResultRenderer {

    private ResultRenderer() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Object result, Terminal terminal) {
        if (result instanceof List<?> list && !list.isEmpty()) {
            if (list.stream().allMatch(Map.class::isInstance)) {
                return TableRenderer.render((List<Map<?, ?>>) list);
            }
            StringBuilder lines = new StringBuilder();
            list.forEach(item -> lines.append(LogRecordText.escaped(TableRenderer.cellText(item))).append('\n'));
            return lines.toString();
        }
        if (result instanceof Map<?, ?>) {
            return terminal.emphasis("📋 Result:") + "\n" + Json.readable(result) + "\n";
        }
        String scalar = result instanceof String text ? text : Json.compact(result);
        return terminal.emphasis("📋 Result:") + " " + LogRecordText.escaped(scalar) + "\n";
    }
}
