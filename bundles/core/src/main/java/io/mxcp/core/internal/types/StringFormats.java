package io.mxcp.core.internal.types;

import java.util.regex.Pattern;

/** The text formats checked on both input and output: {@code email}, {@code uri}, {@code duration} (spec 01 §3.4). */
final class StringFormats {

    private static final Pattern EMAIL = Pattern.compile("[^@]+@[^@]+\\.[^@]+");
    private static final Pattern URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*$", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile(
            "^P(?:\\d+Y)?(?:\\d+M)?(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+S)?)?$");

    private StringFormats() {
    }

    /** Checks a text format; other formats pass. */
    static void check(String format, String value) throws ConversionException {
        switch (format) {
            case "email" -> {
                // re.match: anchored at the start only
                if (!EMAIL.matcher(value).lookingAt()) {
                    throw ConversionException.invalid("Invalid email format: " + value);
                }
            }
            case "uri" -> {
                if (!URI.matcher(value).lookingAt()) {
                    throw ConversionException.invalid("Invalid URI format: " + value);
                }
            }
            case "duration" -> {
                if (!dollarMatch(DURATION, value)) {
                    throw ConversionException.invalid("Invalid duration format: " + value);
                }
            }
            default -> {
                // date formats are parsed on input and not checked on output
            }
        }
    }

    /** Python's {@code $} also matches before a final newline. */
    private static boolean dollarMatch(Pattern pattern, String value) {
        return pattern.matcher(value).matches()
                || (value.endsWith("\n") && pattern.matcher(value.substring(0, value.length() - 1)).matches());
    }
}
