package io.mxcp.core.internal.prompt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The mistakes in a tag's expression that Jinja2 refuses and that are plain from its tokens — nothing where an
 * expression must be, an operator with nothing after it, two operands with nothing between them, a comma where
 * an operand must be, a filter it does not have — with Jinja2's messages.
 * Not a full parser: an expression it lets through may still fail when rendered.
 */
final class ExpressionCheck {

    /** Tokens that need an operand after them. */
    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "//", "%", "**", "~", "and", "or", "not",
            "==", "!=", "<", ">", "<=", ">=", "in", "=", "if", "else");
    /** Words that join or qualify operands rather than being one. */
    private static final Set<String> KEYWORD_OPERATORS = Set.of("and", "or", "not", "in", "is", "if", "else",
            "recursive");
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
     * Brackets are paired by the lexer already; what is left to see here is an operator with nothing after it, an
     * operand right after another, a comma where an operand must be and a filter Jinja2 does not have.
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
        adjacentOperands(tokens, statement);
        misplacedComma(tokens);
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

    /**
     * An operand right after another ({@code {{ a b }}}, {@code [1 2]}) is where Jinja2 wanted the token that ends
     * the enclosing construct: the tag's end, the comma of a list, subscript, mapping or call, or a parenthesis.
     * Adjacent string literals are one string to Jinja2, and a test takes one operand without brackets
     * ({@code a is divisibleby 3}).
     */
    private static void adjacentOperands(List<String> tokens, boolean statement) throws TemplateSyntaxException {
        Deque<String> wanted = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean afterOperand = i > 0 && endsOperand(tokens.get(i - 1));
            switch (token) {
                case "(" -> wanted.push(afterOperand ? "," : ")"); // a call's arguments or a parenthesised expression
                case "[", "{" -> wanted.push(",");
                case ")", "]", "}" -> wanted.poll();
                default -> {
                }
            }
            if (afterOperand && startsOperand(token) && !(token.equals("'") && tokens.get(i - 1).equals("'"))
                    && !isTestName(tokens, i - 1)) {
                String expected = wanted.isEmpty() ? end(statement) : wanted.peek();
                throw new TemplateSyntaxException("expected token '" + expected + "', got '" + describe(token) + "'");
            }
        }
    }

    /** A comma first, after an opening bracket, another comma or an operator ({@code [1,,2]}, {@code f(,)}). */
    private static void misplacedComma(List<String> tokens) throws TemplateSyntaxException {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals(",")) {
                String before = i == 0 ? "," : tokens.get(i - 1);
                if (before.equals(",") || before.equals("(") || before.equals("[") || before.equals("{")
                        || OPERATORS.contains(before)) {
                    throw new TemplateSyntaxException("unexpected ','");
                }
            }
        }
    }

    private static boolean endsOperand(String token) {
        return token.equals(")") || token.equals("]") || token.equals("}") || startsOperand(token)
                && !token.equals("{");
    }

    private static boolean startsOperand(String token) {
        char first = token.charAt(0);
        return token.equals("'") || token.equals("{") || Character.isDigit(first)
                || (Character.isLetter(first) || first == '_') && !KEYWORD_OPERATORS.contains(token);
    }

    private static boolean isTestName(List<String> tokens, int at) {
        String before = at > 0 ? tokens.get(at - 1) : "";
        return before.equals("is") || before.equals("not") && at > 1 && tokens.get(at - 2).equals("is");
    }

    /** A token as Jinja2's messages name it: a name by itself, a literal by its kind. */
    static String describe(String token) {
        if (token.equals("'")) {
            return "string";
        }
        if (Character.isDigit(token.charAt(0))) {
            return token.chars().anyMatch(c -> c == '.' || c == 'e' || c == 'E') ? "float" : "integer";
        }
        return token;
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
