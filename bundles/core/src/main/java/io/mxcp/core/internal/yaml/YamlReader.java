package io.mxcp.core.internal.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.Locale;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import io.mxcp.core.internal.files.StrictText;

/**
 * Reads MXCP YAML files with PyYAML {@code safe_load} semantics (spec 01 §0.1): YAML 1.1 scalars, the
 * encoding sniffed from the bytes, an empty document as null. Mappings come back as
 * {@code LinkedHashMap}s in document order.
 */
public final class YamlReader {

    /**
     * The largest file read. SnakeYAML copies a scalar's text so far each time its buffer moves on, so a long one costs
     * quadratic time (a 10 MB description took 82 s, 60 MB never ended); project files are far smaller.
     */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private YamlReader() {
    }

    /** Parses a file; null for an empty document or one holding only comments. */
    public static Object read(Path file) throws IOException, YamlSyntaxException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new YamlSyntaxException(String.format(Locale.ROOT, "the file is %,d bytes; YAML files of a project "
                    + "are read up to %,d bytes (4 MiB)", size, MAX_FILE_BYTES), null);
        }
        return parse(decode(Files.readAllBytes(file)), file.toString());
    }

    public static Object parse(byte[] bytes) throws YamlSyntaxException {
        return parse(decode(bytes));
    }

    public static Object parse(String text) throws YamlSyntaxException {
        return parse(text, null);
    }

    /** @param source the file the text comes from, which a warning of a duplicate key names; null when none */
    private static Object parse(String text, String source) throws YamlSyntaxException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setWarnOnDuplicateKeys(false); // PyYamlConstructor says where
        Yaml yaml = new Yaml(new PyYamlConstructor(options, source), new Representer(new DumperOptions()),
                new DumperOptions(), options, new PyYamlResolver());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            throw new YamlSyntaxException(located(e), e);
        } catch (YAMLException e) {
            throw new YamlSyntaxException(firstLine(e.getMessage()), e);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new YamlSyntaxException(firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * UTF-8 (BOM optional), or UTF-16 LE/BE when a BOM says so; refused, as PyYAML does, when the bytes are not valid
     * in that encoding.
     */
    static String decode(byte[] bytes) throws YamlSyntaxException {
        try {
            if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF) {
                return StrictText.decode(bytes, 3, StandardCharsets.UTF_8);
            }
            if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
                return StrictText.decode(bytes, 2, StandardCharsets.UTF_16LE);
            }
            if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
                return StrictText.decode(bytes, 2, StandardCharsets.UTF_16BE);
            }
            return StrictText.decode(bytes, 0, StandardCharsets.UTF_8);
        } catch (StrictText.UndecodableTextException e) {
            throw new YamlSyntaxException("the file is " + e.getMessage(), e);
        }
    }

    /**
     * The parser's message as the original shows it (its first line), then where, and what the problem is, which the
     * original leaves out: {@code while scanning a quoted scalar (line 3, column 16): found unexpected end of stream
     * (line 4, column 1)}.
     */
    private static String located(MarkedYAMLException e) {
        StringBuilder message = new StringBuilder();
        if (e.getContext() != null) {
            message.append(firstLine(e.getContext())).append(at(e.getContextMark())).append(": ");
        }
        return message.append(firstLine(e.getProblem())).append(at(e.getProblemMark())).toString();
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
