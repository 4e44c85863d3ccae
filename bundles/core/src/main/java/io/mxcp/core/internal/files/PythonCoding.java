package io.mxcp.core.internal.files;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The source encoding a Python file declares in a comment on one of its first two lines (PEP 263). */
final class PythonCoding {

    private static final Pattern DECLARATION = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
    /** Python's names that Java does not know by the same spelling. */
    private static final Map<String, Charset> PYTHON_NAMES = Map.of(
            "latin-1", StandardCharsets.ISO_8859_1, "latin1", StandardCharsets.ISO_8859_1,
            "iso-8859-1", StandardCharsets.ISO_8859_1, "l1", StandardCharsets.ISO_8859_1,
            "utf8", StandardCharsets.UTF_8, "utf-8", StandardCharsets.UTF_8);

    private PythonCoding() {
    }

    /** The declared encoding; empty when none is declared or Java has no such charset (the file is read as UTF-8). */
    static Optional<Charset> declared(byte[] source) {
        String[] lines = new String(source, 0, Math.min(source.length, 400), StandardCharsets.ISO_8859_1)
                .split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            Matcher declaration = DECLARATION.matcher(lines[i]);
            if (declaration.find()) {
                return charset(declaration.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        Charset known = PYTHON_NAMES.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
