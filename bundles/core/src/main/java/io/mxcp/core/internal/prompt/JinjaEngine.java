package io.mxcp.core.internal.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jinjava.javax.el.CompositeELResolver;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.interpret.errorcategory.BasicTemplateErrorCategory;

/**
 * Jinjava set up to behave like Jinja2's defaults: no autoescape, undefined names render empty, variable
 * values are never rendered again as templates, and printed values use Python's {@code str()}
 * ({@link PythonInterpreter}). A defined {@code None} prints {@code None} ({@link PythonNone}); the {@code for}
 * tag is Jinja2's ({@link ForTag}: its {@code else} and loop filter), and Jinja2's {@code with} and {@code filter}
 * tags are there ({@link WithTag}, {@link FilterTag}), with its {@code max}, {@code min}, {@code items} and
 * {@code sum} filters and {@code sort}'s named arguments ({@link ExtremeFilter}, {@link ItemsFilter},
 * {@link SumFilter}, {@link KeywordArguments}).
 */
final class JinjaEngine {

    /**
     * How deep a macro may call itself: well within a thread's stack (each level takes several kilobytes of it
     * in Jinjava, more while the code is interpreted; 300 overflowed a 1 MB stack) and deeper than templates nest.
     */
    private static final int MAX_MACRO_DEPTH = 64;

    /** Built on first use (class initialisation is lazy), then shared: Jinjava is thread-safe. */
    private static final Jinjava JINJAVA = withBundleClassLoader(JinjaEngine::newJinjava);

    private JinjaEngine() {
    }

    private static Jinjava newJinjava() {
        Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withNestedInterpretationEnabled(false)
                // a macro may call itself, as in Jinja2 (Jinjava cut such a call short without a word)
                .withEnableRecursiveMacroCalls(true)
                .withMaxMacroRecursionDepth(MAX_MACRO_DEPTH)
                .withFailOnUnknownTokens(false)
                // Jinja2's parsing: a '-' is whitespace control only right at a delimiter ({{ -x }} negates), and
                // {{- -}} and {#- -#} trim as {%- -%} does
                .withElResolver(new CompositeELResolver() {
                    {
                        add(new PythonStringMethods());
                        add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
                    }
                })
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withParseWhitespaceControlStrictly(true)
                        .withUseTrimmingForNotesAndExpressions(true)
                        .build())
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
        jinjava.getGlobalContext().registerExpTest(new PythonNone.IsNoneTest());
        jinjava.getGlobalContext().registerTag(new WithTag());
        jinjava.getGlobalContext().registerTag(new FilterTag());
        jinjava.getGlobalContext().registerTag(new ForTag());
        jinjava.getGlobalContext().registerFilter(new KeywordArguments(jinjava.getGlobalContext().getFilter("sort"),
                new KeywordArguments.Parameter("reverse", false),
                new KeywordArguments.Parameter("case_sensitive", false),
                new KeywordArguments.Parameter("attribute", null)));
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.max());
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.min());
        jinjava.getGlobalContext().registerFilter(new ItemsFilter());
        jinjava.getGlobalContext().registerFilter(new SumFilter());
        return jinjava;
    }

    /**
     * Runs the action with this bundle's class loader as the thread's context class loader: Jinjava's
     * expression language finds some of its own classes by name through it, and inside OSGi the caller's
     * context loader cannot see the classes copied into this bundle.
     */
    private static <T> T withBundleClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JinjaEngine.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static String render(String template, Map<String, Object> variables) throws PromptRenderException {
        Map<String, Object> bindings = new LinkedHashMap<>();
        variables.forEach((name, value) -> bindings.put(name, PythonNone.wrapNulls(value)));
        RenderResult result = withBundleClassLoader(() -> JINJAVA.renderForResult(template, bindings));
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == ErrorType.FATAL) {
                throw new PromptRenderException(error.getMessage());
            }
            if (error.getCategory() == BasicTemplateErrorCategory.CYCLE_DETECTED) { // a warning to Jinjava
                throw new PromptRenderException("maximum recursion depth exceeded: " + error.getMessage());
            }
        }
        return result.getOutput();
    }
}
