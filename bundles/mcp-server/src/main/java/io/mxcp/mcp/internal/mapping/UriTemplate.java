package io.mxcp.mcp.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource URI with {@code {placeholder}}s; each placeholder matches one path segment, percent-decoded. A value
 * that decodes to more than a segment ({@code %2F}) or to a dot segment ({@code .}, {@code ..}) matches nothing: an
 * endpoint building a path from it ({@code 'docs/' || $name}) would otherwise be led out of its folder by a value the
 * unencoded form could not carry.
 */
final class UriTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Pattern pattern;
    private final List<String> names;

    private UriTemplate(Pattern pattern, List<String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    static boolean isTemplate(String uri) {
        return PLACEHOLDER.matcher(uri).find();
    }

    static UriTemplate parse(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([^/?#]+)");
            names.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return new UriTemplate(Pattern.compile(regex.toString()), List.copyOf(names));
    }

    /** The placeholder values when the URI matches, else null. */
    Map<String, String> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String value = PercentDecoding.decode(matcher.group(i + 1));
            if (value.indexOf('/') >= 0 || value.equals(".") || value.equals("..")) {
                return null;
            }
            values.put(names.get(i), value);
        }
        return values;
    }
}
