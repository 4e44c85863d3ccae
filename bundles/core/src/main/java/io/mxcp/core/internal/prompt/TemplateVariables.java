package io.mxcp.core.internal.prompt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a Jinja template reads but does not declare itself (like Jinja2's
 * {@code meta.find_undeclared_variables}), for {@code {{ ... }}} expressions with attribute access and
 * filters, {@code {% if/elif %}} conditions, and {@code {% for %}} / {@code {% set %}} declarations.
 * For dotted access only the base name counts; filter and test names are not variables.
 */
public final class TemplateVariables {

    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}|\\{#.*?#}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")|([A-Za-z_][A-Za-z0-9_]*)|(\\d+(?:\\.\\d+)?)|(==|!=|<=|>=|\\*\\*|//|.))",
            Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "true", "false",
            "none", "True", "False", "None", "recursive");
    private static final Set<String> GLOBALS = Set.of("range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop");

    private TemplateVariables() {
    }

    /** The undeclared names, sorted. */
    public static Set<String> undeclared(String template) {
        Set<String> declared = new HashSet<>();
        List<String> used = new ArrayList<>();
        Matcher tag = TAG.matcher(template);
        while (tag.find()) {
            if (tag.group(1) != null) {
                used.addAll(names(tokens(trimDash(tag.group(1)))));
            } else if (tag.group(2) != null) {
                statement(tokens(trimDash(tag.group(2))), declared, used);
            }
        }
        Set<String> result = new TreeSet<>(used);
        result.removeAll(declared);
        return result;
    }

    private static void statement(List<String> tokens, Set<String> declared, List<String> used) {
        if (tokens.isEmpty()) {
            return;
        }
        switch (tokens.get(0)) {
            case "for" -> {
                int in = tokens.indexOf("in");
                if (in < 0) {
                    return;
                }
                tokens.subList(1, in).stream().filter(TemplateVariables::isIdentifier).forEach(declared::add);
                used.addAll(names(tokens.subList(in + 1, tokens.size())));
            }
            case "set" -> {
                int assign = tokens.indexOf("=");
                List<String> targets = assign < 0 ? tokens.subList(1, tokens.size()) : tokens.subList(1, assign);
                targets.stream().filter(TemplateVariables::isIdentifier).forEach(declared::add);
                if (assign >= 0) {
                    used.addAll(names(tokens.subList(assign + 1, tokens.size())));
                }
            }
            case "if", "elif" -> used.addAll(names(tokens.subList(1, tokens.size())));
            default -> {
                // end tags, else, raw blocks and the like read no variables
            }
        }
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
                tokens.add("0");
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

    private static String trimDash(String inner) {
        String s = inner.strip();
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.endsWith("-") || s.endsWith("+")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
