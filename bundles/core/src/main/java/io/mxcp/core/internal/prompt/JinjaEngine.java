package io.mxcp.core.internal.prompt;

import java.util.LinkedHashMap;
import java.util.Map;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;

/**
 * Jinjava set up to behave like Jinja2's defaults: no autoescape, undefined names render empty, variable
 * values are never rendered again as templates, and printed values use Python's {@code str()}
 * ({@link PythonInterpreter}). A defined {@code None} prints {@code None} ({@link PythonNone}).
 */
final class JinjaEngine {

    /** Built on first use (class initialisation is lazy), then shared: Jinjava is thread-safe. */
    private static final Jinjava JINJAVA = new Jinjava(JinjavaConfig.newBuilder()
            .withNestedInterpretationEnabled(false)
            .withFailOnUnknownTokens(false)
            .withInterperterFactory(new InterpreterFactory() {
                @Override
                public JinjavaInterpreter newInstance(JinjavaInterpreter parent) {
                    return new PythonInterpreter(parent);
                }

                @Override
                public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
                    return new PythonInterpreter(jinjava, context, config);
                }
            })
            .build());

    static {
        JINJAVA.getGlobalContext().registerExpTest(new PythonNone.IsNoneTest());
    }

    private JinjaEngine() {
    }

    static String render(String template, Map<String, Object> variables) throws PromptRenderException {
        Map<String, Object> bindings = new LinkedHashMap<>();
        variables.forEach((name, value) -> bindings.put(name, PythonNone.wrapNulls(value)));
        RenderResult result = JINJAVA.renderForResult(template, bindings);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == ErrorType.FATAL) {
                throw new PromptRenderException(error.getMessage());
            }
        }
        return result.getOutput();
    }
}
