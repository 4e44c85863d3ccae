package io.mxcp.core.internal.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;

/**
 * Jinja2's {@code {% with a = expr, b = expr %} ... {% endwith %}}, which Jinjava lacks: the values are worked out
 * where the tag stands, then the body is rendered in a scope of its own that holds them.
 */
final class WithTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "with";
    }

    @Override
    public String getEndTagName() {
        return "endwith";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String assignment : topLevelParts(tagNode.getHelpers())) {
            int assign = assignmentSign(assignment);
            if (assign > 0) {
                values.put(assignment.substring(0, assign).strip(), interpreter.resolveELExpression(
                        assignment.substring(assign + 1).strip(), tagNode.getLineNumber()));
            }
        }
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            values.forEach(interpreter.getContext()::put);
            StringBuilder body = new StringBuilder();
            TagBody.render(tagNode.getChildren(), interpreter, body);
            return body.toString();
        }
    }

    /** The text split at commas outside strings and brackets. */
    private static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = QuotedText.findTopLevel(text, start, i -> text.charAt(i) == ',');
            if (comma < 0) {
                parts.add(text.substring(start));
                return parts;
            }
            parts.add(text.substring(start, comma));
            start = comma + 1;
        }
    }

    /** The first {@code =} that is an assignment (not part of {@code ==}, {@code !=}, {@code <=}, {@code >=}). */
    private static int assignmentSign(String assignment) {
        for (int i = 0; i < assignment.length(); i++) {
            if (assignment.charAt(i) == '=' && (i + 1 >= assignment.length() || assignment.charAt(i + 1) != '=')
                    && (i == 0 || "=!<>".indexOf(assignment.charAt(i - 1)) < 0)) {
                return i;
            }
        }
        return -1;
    }
}
