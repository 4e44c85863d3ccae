package io.mxcp.core.internal.prompt;

import java.util.Map;

/**
 * Renders prompt message templates with Jinja2's defaults (spec 01 §2.4): undefined variables as the empty
 * string, no autoescape, one trailing newline of the template removed, values printed with Python's
 * {@code str()}. The template engine (Jinjava) is loaded on the first render only, so commands that render
 * no prompt do not pay for it.
 */
public final class PromptRenderer {

    private PromptRenderer() {
    }

    /**
     * @throws PromptRenderException when the template does not parse or fails while rendering
     */
    public static String render(String template, Map<String, Object> variables) throws PromptRenderException {
        String text = template.endsWith("\n") ? template.substring(0, template.length() - 1) : template;
        try {
            // Jinjava would print a broken tag as text; Jinja2 refuses the template
            TemplateVariables.undeclared(text);
        } catch (TemplateSyntaxException e) {
            throw new PromptRenderException(e.getMessage());
        }
        return JinjaEngine.render(text, variables);
    }
}
