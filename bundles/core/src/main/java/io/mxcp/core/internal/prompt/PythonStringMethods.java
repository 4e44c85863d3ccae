package io.mxcp.core.internal.prompt;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

import io.mxcp.core.internal.types.PythonText;

/**
 * Python's methods on strings, which Jinja2 templates call ({@code name.upper()}, {@code s.startswith("a")},
 * {@code "a,b".split(",")}, {@code "{} x".format(n)}): Jinjava looks methods up on the Java class, where most are
 * missing ({@code Cannot find method upper … java.lang.String}) or differ ({@code split} gave a Java array). A method
 * this table does not have falls through to Jinjava's own resolution. A string's items are Python's too
 * ({@code name[0]}, {@code name[-1]}).
 */
final class PythonStringMethods extends ELResolver {

    private static final Set<String> NAMES = Set.of("upper", "lower", "title", "capitalize", "swapcase", "strip", "lstrip",
            "rstrip", "startswith", "endswith", "split", "splitlines", "join", "replace", "find", "count", "format",
            "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "zfill", "center", "ljust", "rjust");
    private static final Pattern INDEX = Pattern.compile("-?\\d{1,18}");
    private static final Pattern FIELD = Pattern.compile("\\{\\{|}}|\\{([^{}]*)}");

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof String text) || !(method instanceof String name) || !NAMES.contains(name)) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        Object result = call(text, name, args);
        context.setPropertyResolved(true);
        return result;
    }

    private static Object call(String s, String name, Object[] args) {
        return switch (name) {
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s
                    : s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                            + s.substring(s.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT);
            case "swapcase" -> swapcase(s);
            case "strip" -> strip(s, arg(args, 0), true, true);
            case "lstrip" -> strip(s, arg(args, 0), true, false);
            case "rstrip" -> strip(s, arg(args, 0), false, true);
            case "startswith" -> affixes(args).stream().anyMatch(s::startsWith);
            case "endswith" -> affixes(args).stream().anyMatch(s::endsWith);
            case "split" -> split(s, arg(args, 0), args.length > 1 ? ((Number) args[1]).intValue() : -1);
            case "splitlines" -> List.of(s.split("\\r\\n|\\r|\\n", -1)).subList(0, lineCount(s));
            case "join" -> join(s, args.length > 0 ? args[0] : List.of());
            case "replace" -> replace(s, text(args, 0), text(args, 1), args.length > 2 ? ((Number) args[2]).intValue() : -1);
            case "find" -> (long) s.indexOf(text(args, 0));
            case "count" -> count(s, text(args, 0));
            case "format" -> format(s, args);
            case "isdigit" -> !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
            case "isspace" -> !s.isEmpty() && s.codePoints().allMatch(Character::isWhitespace);
            case "isupper" -> s.codePoints().anyMatch(Character::isUpperCase) && s.equals(s.toUpperCase(Locale.ROOT));
            case "islower" -> s.codePoints().anyMatch(Character::isLowerCase) && s.equals(s.toLowerCase(Locale.ROOT));
            case "zfill" -> zfill(s, width(args));
            case "center", "ljust", "rjust" -> pad(s, name, width(args), args.length > 1 ? text(args, 1) : " ");
            default -> throw new IllegalStateException(name);
        };
    }

    private static String arg(Object[] args, int at) {
        return at < args.length && args[at] != null && !(args[at] instanceof PythonNone) ? argText(args[at]) : null;
    }

    private static String argText(Object value) {
        return value instanceof String text ? text : PythonText.str(value);
    }

    private static String text(Object[] args, int at) {
        if (at >= args.length || !(args[at] instanceof String text)) {
            throw new PythonError("expected a string as argument " + (at + 1));
        }
        return text;
    }

    private static int width(Object[] args) {
        if (args.length == 0 || !(args[0] instanceof Number width)) {
            throw new PythonError("expected a width (an integer)");
        }
        return width.intValue();
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            out.appendCodePoint(inWord ? Character.toLowerCase(c) : Character.toTitleCase(c));
            inWord = Character.isLetter(c);
        }
        return out.toString();
    }

    private static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
                : Character.toUpperCase(c)));
        return out.toString();
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.charAt(start), chars)) {
            start++;
        }
        while (right && end > start && stripped(s.charAt(end - 1), chars)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    /** The prefix or suffix asked for, or each of a tuple (a list) of them. */
    private static List<String> affixes(Object[] args) {
        if (args.length > 0 && args[0] instanceof Collection<?> several) {
            List<String> affixes = new ArrayList<>();
            several.forEach(affix -> affixes.add(argText(affix)));
            return affixes;
        }
        return List.of(text(args, 0));
    }

    private static List<String> split(String s, String separator, int maxSplit) {
        List<String> parts = new ArrayList<>();
        if (separator == null) {
            // runs of whitespace, none at either end
            Matcher word = Pattern.compile("\\S+").matcher(s);
            while (word.find()) {
                if (maxSplit >= 0 && parts.size() == maxSplit) {
                    parts.add(s.substring(word.start()).stripTrailing());
                    return parts;
                }
                parts.add(word.group());
            }
            return parts;
        }
        if (separator.isEmpty()) {
            throw new PythonError("empty separator");
        }
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0 && (maxSplit < 0 || parts.size() < maxSplit);
                at = s.indexOf(separator, from)) {
            parts.add(s.substring(from, at));
            from = at + separator.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static int lineCount(String s) {
        String[] lines = s.split("\\r\\n|\\r|\\n", -1);
        return lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    }

    private static String join(String separator, Object items) {
        Iterator<?> values = items instanceof Map<?, ?> map ? map.keySet().iterator()
                : items instanceof Collection<?> collection ? collection.iterator()
                : items instanceof String text ? text.codePoints().mapToObj(Character::toString).iterator()
                : List.of(items).iterator();
        StringBuilder out = new StringBuilder();
        for (int i = 0; values.hasNext(); i++) {
            Object value = values.next();
            if (!(value instanceof String text)) {
                throw new PythonError("sequence item " + i + ": expected str instance, " + PythonTypeName.of(value)
                        + " found");
            }
            out.append(i == 0 ? "" : separator).append(text);
        }
        return out.toString();
    }

    private static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int done = 0, at = s.indexOf(old); at >= 0 && done < count; done++, at = s.indexOf(old, from)) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
            if (old.isEmpty()) {
                break;
            }
        }
        return out.append(s.substring(from)).toString();
    }

    private static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.codePointCount(0, s.length()) + 1L;
        }
        long found = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            found++;
        }
        return found;
    }

    /** {@code {}}, {@code {0}} and {@code {{}}/{@code }}}; a field with a format spec or a name is refused by name. */
    private static String format(String s, Object[] args) {
        Matcher field = FIELD.matcher(s);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (field.find()) {
            String replacement;
            if (field.group().equals("{{")) {
                replacement = "{";
            } else if (field.group().equals("}}")) {
                replacement = "}";
            } else {
                String index = field.group(1);
                int at = index.isEmpty() ? next++ : parseIndex(index);
                if (at >= args.length) {
                    throw new PythonError("Replacement index " + at + " out of range for positional "
                            + "args tuple");
                }
                replacement = argText(args[at]);
            }
            field.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        field.appendTail(out);
        return out.toString();
    }

    private static int parseIndex(String index) {
        try {
            return Integer.parseInt(index.strip());
        } catch (NumberFormatException e) {
            throw new PythonError("format fields with names or format specs are not supported here: {"
                    + index + "}");
        }
    }

    private static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        String zeros = "0".repeat(width - s.length());
        return !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? s.charAt(0) + zeros + s.substring(1)
                : zeros + s;
    }

    private static String pad(String s, String how, int width, String fill) {
        int missing = width - s.codePointCount(0, s.length());
        if (missing <= 0) {
            return s;
        }
        return switch (how) {
            case "ljust" -> s + fill.repeat(missing);
            case "rjust" -> fill.repeat(missing) + s;
            default -> {
                // Python puts the odd fill character on the left when the width is odd
                int left = missing / 2 + (missing & width & 1);
                yield fill.repeat(left) + s + fill.repeat(missing - left);
            }
        };
    }

    /**
     * What Python would raise (a {@code TypeError}, a {@code ValueError}); not an {@link IllegalArgumentException},
     * which Jinjava takes for "no such method" and answers with the Java class's name.
     */
    static final class PythonError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PythonError(String message) {
            super(message);
        }
    }

    /**
     * {@code s[i]}: the code point at the index, counted from the end when negative, as Python indexes; an index
     * past the end is undefined (prints nothing), as Jinja2 answers a failed subscript. Jinjava printed nothing for
     * every index.
     */
    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        // Jinjava hands the index over as text ("0", "-1")
        if (!(base instanceof String text) || !(property instanceof String name) || !INDEX.matcher(name).matches()) {
            return null;
        }
        context.setPropertyResolved(true);
        int[] codePoints = text.codePoints().toArray();
        long index = Long.parseLong(name);
        long at = index < 0 ? codePoints.length + index : index;
        return at < 0 || at >= codePoints.length ? null : Character.toString(codePoints[(int) at]);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
