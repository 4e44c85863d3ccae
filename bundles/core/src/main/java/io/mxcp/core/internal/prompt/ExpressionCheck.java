package io.mxcp.core.internal.prompt;

import java.util.List;
import java.util.Set;

/**
 * The mistakes in a tag's expression that Jinja2 refuses and that are plain from its tokens — nothing where an
 * expression must be, an operator with nothing after it, a filter it does not have — with Jinja2's messages.
 * Not a full parser: an expression it lets through may still fail when rendered.
 */
final class ExpressionCheck {

    /** Tokens that need an operand after them. */
    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "//", "%", "**", "~", "and", "or", "not",
            "==", "!=", "<", ">", "<=", ">=", "in", "=", "if", "else");
    /** Jinja2's own filters (3.1): a template naming another one does not compile. */
    private static final Set<String> FILTERS = Set.of("abs", "attr", "batch", "capitalize", "center", "count", "d",
            "default", "dictsort", "e", "escape", "filesizeformat", "first", "float", "forceescape", "format",
            "groupby", "indent", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min",
            "pprint", "random", "reject", "rejectattr", "replace", "reverse", "round", "safe", "select",
            "selectattr", "slice", "sort", "string", "striptags", "sum", "title", "tojson", "trim", "truncate",
            "unique", "upper", "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr");

    private ExpressionCheck() {
    }

    /** An expression that must be there ({@code if}, {@code elif}, a loop's iterable): none is Jinja2's error. */
    static void required(List<String> tokens, boolean statement) throws TemplateSyntaxException {
        if (tokens.isEmpty()) {
            throw new TemplateSyntaxException("Expected an expression, got '" + end(statement) + "'");
        }
        check(tokens, statement);
    }

    /** An expression after a token that needs one ({@code =} of {@code set} and {@code with}, a loop's {@code if}). */
    static void operand(List<String> tokens, boolean statement) throws TemplateSyntaxException {
        if (tokens.isEmpty()) {
            throw new TemplateSyntaxException("unexpected '" + end(statement) + "'");
        }
        check(tokens, statement);
    }

    /**
     * Brackets are paired by the lexer already; what is left to see here is an operator with nothing after it and a
     * filter Jinja2 does not have.
     */
    static void check(List<String> tokens, boolean statement) throws TemplateSyntaxException {
        if (tokens.isEmpty()) {
            return;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i - 1).equals("|")) {
                filter(tokens.get(i));
            }
        }
        String last = tokens.get(tokens.size() - 1);
        if (last.equals("|") || last.equals("is")) {
            throw new TemplateSyntaxException("expected token 'name', got '" + end(statement) + "'");
        }
        if (last.equals(".")) {
            throw new TemplateSyntaxException("expected name or number");
        }
        if (OPERATORS.contains(last)) {
            throw new TemplateSyntaxException("unexpected '" + end(statement) + "'");
        }
    }

    /** A filter's name: one of Jinja2's. */
    static void filter(String name) throws TemplateSyntaxException {
        if (!FILTERS.contains(name)) {
            throw new TemplateSyntaxException("No filter named '" + name + "'.");
        }
    }

    private static String end(boolean statement) {
        return statement ? "end of statement block" : "end of print statement";
    }
}
