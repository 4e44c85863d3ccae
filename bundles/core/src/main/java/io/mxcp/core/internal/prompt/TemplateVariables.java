package io.mxcp.core.internal.prompt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a Jinja template reads but does not declare itself, as Jinja2's
 * {@code meta.find_undeclared_variables} finds them after parsing: names in {@code {{ ... }}} expressions with
 * attribute access and filters, conditions, loop iterables and the values a tag assigns, but not those its
 * {@code for}, {@code set}, {@code with}, {@code macro} and {@code call} tags declare in their scope, nor anything
 * inside {@code {% raw %}}. A template Jinja2 would not take (a tag never closed, a block without its end tag, an
 * unknown tag, and the expression mistakes {@link ExpressionCheck} sees) is refused with Jinja2's message. For dotted
 * access only the base name counts; filter and test names are not variables.
 */
public final class TemplateVariables {

    /** A name as Python 3 (and so Jinja2) reads one: Unicode letters, digits and connectors, not first a digit. */
    private static final String NAME = "[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*";
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")|(" + NAME
                    + ")|(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|(==|!=|<=|>=|\\*\\*|//|.))",
            Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "true", "false",
            "none", "True", "False", "None", "recursive");
    /** Names Jinja2 provides everywhere. */
    private static final Set<String> GLOBALS = Set.of("range", "dict", "lipsum", "cycler", "joiner", "namespace", "self");
    /** Words of {@code include}, {@code import} and {@code from} that are not variables. */
    private static final Set<String> IMPORT_WORDS = Set.of("ignore", "missing", "with", "without", "context", "as",
            "import");

    private TemplateVariables() {
    }

    /**
     * The undeclared names, sorted.
     *
     * @throws TemplateSyntaxException when Jinja2 would not parse the template
     */
    public static Set<String> undeclared(String template) throws TemplateSyntaxException {
        TemplateLexer lexer = new TemplateLexer(template);
        OpenBlocks blocks = new OpenBlocks();
        Set<String> undeclared = new TreeSet<>();
        Uses uses = tokens -> names(tokens).stream().filter(name -> !blocks.isDeclared(name)).forEach(undeclared::add);
        for (TemplateLexer.Tag tag = lexer.next(); tag != null; tag = lexer.next()) {
            List<String> tokens = tokens(tag.inside());
            if (tag.statement()) {
                statement(tokens, blocks, uses);
            } else {
                ExpressionCheck.required(tokens, false);
                uses.read(tokens);
            }
        }
        blocks.end();
        return undeclared;
    }

    /** Notes the names an expression reads where they are not declared. */
    private interface Uses {
        void read(List<String> tokens);
    }

    private static void statement(List<String> tokens, OpenBlocks blocks, Uses uses) throws TemplateSyntaxException {
        if (tokens.isEmpty()) {
            throw new TemplateSyntaxException("tag name expected");
        }
        String tag = tokens.get(0);
        List<String> rest = tokens.subList(1, tokens.size());
        switch (tag) {
            case "if", "autoescape" -> {
                ExpressionCheck.required(rest, true);
                uses.read(rest);
                blocks.open(tag, Set.of());
            }
            case "elif" -> {
                blocks.continueOrClose(tag);
                ExpressionCheck.required(rest, true);
                uses.read(rest);
            }
            case "for" -> forLoop(rest, blocks, uses);
            case "with" -> {
                Set<String> declared = new HashSet<>();
                for (List<String> assignment : split(rest, ",")) {
                    int assign = assignment.indexOf("=");
                    if (assign > 0) {
                        ExpressionCheck.operand(assignment.subList(assign + 1, assignment.size()), true);
                        uses.read(assignment.subList(assign + 1, assignment.size()));
                        identifiers(assignment.subList(0, assign)).forEach(declared::add);
                    }
                }
                blocks.open(tag, declared);
            }
            case "set" -> set(rest, blocks, uses);
            case "macro" -> {
                if (!rest.isEmpty()) {
                    blocks.declare(rest.get(0));
                }
                Set<String> declared = arguments(rest.size() > 1 ? rest.subList(1, rest.size()) : List.of(), uses);
                declared.addAll(List.of("varargs", "kwargs", "caller"));
                blocks.open(tag, declared);
            }
            case "call" -> {
                List<String> expression = rest;
                Set<String> declared = new HashSet<>();
                if (!rest.isEmpty() && rest.get(0).equals("(")) {
                    int close = closingParenthesis(rest, 0);
                    declared = arguments(rest.subList(0, close + 1), uses);
                    expression = rest.subList(close + 1, rest.size());
                }
                uses.read(expression);
                blocks.open(tag, declared);
            }
            case "filter" -> {
                if (rest.isEmpty()) {
                    throw new TemplateSyntaxException("expected token 'name', got 'end of statement block'");
                }
                ExpressionCheck.filter(rest.get(0));
                ExpressionCheck.check(rest, true);
                int open = rest.indexOf("(");
                if (open >= 0) {
                    uses.read(rest.subList(open, rest.size()));
                }
                blocks.open(tag, Set.of());
            }
            case "block" -> blocks.open(tag, Set.of());
            case "include", "extends" -> uses.read(withoutImportWords(rest));
            case "import" -> {
                int as = rest.indexOf("as");
                uses.read(withoutImportWords(as < 0 ? rest : rest.subList(0, as)));
                if (as >= 0 && as + 1 < rest.size()) {
                    blocks.declare(rest.get(as + 1));
                }
            }
            case "from" -> {
                int names = rest.indexOf("import");
                if (names >= 0) {
                    uses.read(withoutImportWords(rest.subList(0, names)));
                    for (List<String> imported : split(rest.subList(names + 1, rest.size()), ",")) {
                        List<String> words = identifiers(imported);
                        words.removeIf(IMPORT_WORDS::contains); // `a as b`: b; `a with context`: a
                        if (!words.isEmpty()) {
                            blocks.declare(words.get(words.size() - 1));
                        }
                    }
                }
            }
            default -> {
                if (tag.equals("else") || tag.startsWith("end")) {
                    blocks.continueOrClose(tag);
                    if (!rest.isEmpty() && !tag.equals("endblock")) { // endblock may repeat the block's name
                        throw new TemplateSyntaxException("expected token 'end of statement block', got '"
                                + ExpressionCheck.describe(rest.get(0)) + "'");
                    }
                } else {
                    throw blocks.unknownTag(tag);
                }
            }
        }
    }

    /** {@code for <targets> in <iterable> [if <condition>] [recursive]}: the iterable is read outside the loop. */
    private static void forLoop(List<String> rest, OpenBlocks blocks, Uses uses) throws TemplateSyntaxException {
        int in = rest.indexOf("in");
        if (rest.isEmpty()) {
            throw new TemplateSyntaxException("Expected an expression, got 'end of statement block'");
        }
        if (in < 0) {
            throw new TemplateSyntaxException("expected token 'in', got 'end of statement block'");
        }
        if (in == 0) { // Jinja2 takes the `in` for the loop's target
            throw new TemplateSyntaxException("expected token 'in', got '"
                    + (rest.size() > 1 ? ExpressionCheck.describe(rest.get(1)) : "end of statement block") + "'");
        }
        int condition = rest.subList(in + 1, rest.size()).indexOf("if");
        List<String> iterable = condition < 0 ? rest.subList(in + 1, rest.size())
                : rest.subList(in + 1, in + 1 + condition);
        ExpressionCheck.required(iterable, true);
        uses.read(iterable);
        Set<String> declared = new HashSet<>(identifiers(rest.subList(0, in)));
        declared.add("loop");
        blocks.open("for", declared);
        if (condition >= 0) {
            ExpressionCheck.operand(rest.subList(in + 2 + condition, rest.size()), true);
            uses.read(rest.subList(in + 2 + condition, rest.size()));
        }
    }

    /** {@code set x = value}, {@code set a, b = value}, {@code set ns.attr = value} or the block form {@code set x}. */
    private static void set(List<String> rest, OpenBlocks blocks, Uses uses) throws TemplateSyntaxException {
        int assign = rest.indexOf("=");
        if (rest.isEmpty()) {
            throw new TemplateSyntaxException("Expected an expression, got 'end of statement block'");
        }
        if (assign < 0) {
            blocks.openSet(rest.get(0));
            return;
        }
        ExpressionCheck.required(rest.subList(assign + 1, rest.size()), true);
        uses.read(rest.subList(assign + 1, rest.size()));
        List<String> targets = rest.subList(0, assign);
        if (targets.contains(".")) {
            uses.read(targets); // an attribute of a namespace is set: the namespace is read
        } else {
            identifiers(targets).forEach(blocks::declare);
        }
    }

    /** The names a parenthesised parameter list declares; its default values are read. */
    private static Set<String> arguments(List<String> parenthesised, Uses uses) {
        Set<String> declared = new HashSet<>();
        int open = parenthesised.indexOf("(");
        if (open < 0) {
            return declared;
        }
        int close = closingParenthesis(parenthesised, open);
        for (List<String> parameter : split(parenthesised.subList(open + 1, close), ",")) {
            if (parameter.isEmpty()) {
                continue;
            }
            declared.add(parameter.get(0));
            int assign = parameter.indexOf("=");
            if (assign > 0) {
                uses.read(parameter.subList(assign + 1, parameter.size()));
            }
        }
        return declared;
    }

    private static int closingParenthesis(List<String> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** The tokens split at a separator outside brackets. */
    private static List<List<String>> split(List<String> tokens, String separator) {
        List<List<String>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("(") || token.equals("[") || token.equals("{")) {
                depth++;
            } else if (token.equals(")") || token.equals("]") || token.equals("}")) {
                depth--;
            } else if (depth == 0 && token.equals(separator)) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    private static List<String> identifiers(List<String> tokens) {
        return new ArrayList<>(tokens.stream().filter(TemplateVariables::isIdentifier).toList());
    }

    private static List<String> withoutImportWords(List<String> tokens) {
        return tokens.stream().filter(token -> !IMPORT_WORDS.contains(token)).toList();
    }

    /** Identifiers in an expression that name variables (not attributes, filters, tests, keyword arguments). */
    private static List<String> names(List<String> tokens) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!isIdentifier(token) || KEYWORDS.contains(token) || GLOBALS.contains(token)) {
                continue;
            }
            String previous = i > 0 ? tokens.get(i - 1) : "";
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (previous.equals(".") || previous.equals("|") || previous.equals("is")
                    || (previous.equals("not") && i > 1 && tokens.get(i - 2).equals("is")) || next.equals("=")) {
                continue;
            }
            names.add(token);
        }
        return names;
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        while (m.lookingAt()) {
            if (m.group(1) != null) {
                tokens.add("'");
            } else if (m.group(2) != null) {
                tokens.add(m.group(2));
            } else if (m.group(3) != null) {
                tokens.add(m.group(3));
            } else if (m.group(4) != null && !m.group(4).isBlank()) {
                tokens.add(m.group(4));
            }
            m.region(m.end(), expression.length());
        }
        return tokens;
    }

    private static boolean isIdentifier(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }
}
