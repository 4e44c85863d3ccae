package io.mxcp.core.internal.prompt;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;

/**
 * Jinja2's {@code {% filter name(args)|other %} ... {% endfilter %}}, which Jinjava lacks: the body is rendered, then
 * passed through the filters as {@code {{ body|name(args)|other }}} would.
 */
final class FilterTag implements Tag {
    private static final long serialVersionUID = 1L;
    private static final String BODY = "__mxcp_filter_body__";

    @Override
    public String getName() {
        return "filter";
    }

    @Override
    public String getEndTagName() {
        return "endfilter";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder body = new StringBuilder();
        TagBody.render(tagNode.getChildren(), interpreter, body);
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            interpreter.getContext().put(BODY, body.toString());
            Object filtered = interpreter.resolveELExpression(BODY + "|" + tagNode.getHelpers().strip(),
                    tagNode.getLineNumber());
            return interpreter.getAsString(filtered);
        }
    }
}
