package io.mxcp.core.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec 01 §0.1: PyYAML safe_load (YAML 1.1) scalar resolution and encoding sniffing. */
class YamlReaderTest {

    @Test
    void resolvesScalarsLikePyYaml() throws Exception {
        Map<?, ?> doc = (Map<?, ?>) YamlReader.parse("""
                a: yes
                b: Off
                c: y
                d: 2024-01-15
                e: 2024-01-15 10:00:00
                f: 017
                g: 1_000
                h: 1:30
                i: 0o17
                j: 1e3
                k: 1.0e+3
                l: ~
                m:
                """);
        assertEquals(true, doc.get("a"));
        assertEquals(false, doc.get("b"));
        assertEquals("y", doc.get("c"));
        assertEquals(LocalDate.of(2024, 1, 15), doc.get("d"));
        assertEquals(LocalDateTime.of(2024, 1, 15, 10, 0), doc.get("e"));
        assertEquals(15, doc.get("f"));
        assertEquals(1000, doc.get("g"));
        assertEquals(90, doc.get("h"));
        assertEquals("0o17", doc.get("i"));
        assertEquals("1e3", doc.get("j"));
        assertEquals(1000.0, doc.get("k"));
        assertNull(doc.get("l"));
        assertNull(doc.get("m"));
    }

    @Test
    void aFileLargerThanProjectFilesAreIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
        Path large = dir.resolve("large.yml");
        Files.writeString(large, "description: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n");
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> YamlReader.read(large));
        assertEquals("the file is 5,242,896 bytes; YAML files of a project are read up to 4,194,304 bytes (4 MiB)",
                e.getMessage());
    }

    @Test
    void aKeyGivenTwiceKeepsItsLastValueAndTheWarningSaysWhere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tool.yml");
        Files.writeString(file, "tool:\n  name: first\n  name: second\n  base: &b {x: 1}\n  merged:\n    <<: *b\n    y: 2\n");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(YamlReader.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            Map<?, ?> tool = (Map<?, ?>) ((Map<?, ?>) YamlReader.read(file)).get("tool");
            assertEquals("second", tool.get("name"));
            assertEquals(Map.of("x", 1, "y", 2), tool.get("merged"));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.of(file + ", line 3: the key 'name' is given twice; the last value is used"), warnings);
    }

    @Test
    void emptyOrCommentOnlyDocumentIsNull() throws Exception {
        assertNull(YamlReader.parse(""));
        assertNull(YamlReader.parse("# nothing\n"));
    }

    @Test
    void sniffsBomAndUtf16() throws Exception {
        byte[] utf8Bom = ("\uFEFFname: é").getBytes(StandardCharsets.UTF_8);
        assertEquals(Map.of("name", "é"), YamlReader.parse(utf8Bom));
        byte[] utf16 = ("\uFEFFname: é").getBytes(StandardCharsets.UTF_16LE);
        assertEquals(Map.of("name", "é"), YamlReader.parse(utf16));
        assertEquals(Map.of("name", "é"), YamlReader.parse(("\uFEFFname: é").getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void textNotValidInItsEncodingIsRefusedWithWhereInsteadOfReadWithReplacementCharacters() {
        byte[] latin1 = "tool:\n  description: \"Größe wählen\"\n".getBytes(StandardCharsets.ISO_8859_1);
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> YamlReader.parse(latin1));
        assertEquals("the file is not valid UTF-8: byte 0xf6 at line 2, column 19 cannot be decoded (save the file as "
                + "UTF-8)", e.getMessage());
        byte[] latin1AfterBom = "é: ü\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] withBom = new byte[latin1AfterBom.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(latin1AfterBom, 0, withBom, 3, latin1AfterBom.length);
        assertEquals("the file is not valid UTF-8: byte 0xe9 at line 1, column 1 cannot be decoded (save the file as "
                + "UTF-8)", assertThrows(YamlSyntaxException.class, () -> YamlReader.parse(withBom)).getMessage());
        byte[] loneSurrogate = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xD8, ':', 0};
        assertEquals("the file is not valid UTF-16LE: the bytes at position 2 cannot be decoded (save the file as "
                + "UTF-8)", assertThrows(YamlSyntaxException.class, () -> YamlReader.parse(loneSurrogate)).getMessage());
    }

    @Test
    void syntaxErrorsGiveTheParsersFirstLineThenWhereAndWhatTheProblemIs() {
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> YamlReader.parse("a: [1, 2\n"));
        assertEquals("while parsing a flow sequence (line 1, column 4): expected ',' or ']', but got <stream end>"
                + " (line 2, column 1)", e.getMessage());
        YamlSyntaxException quoted = assertThrows(YamlSyntaxException.class,
                () -> YamlReader.parse("tool:\n  name: x\n  description: \"unterminated\n"));
        assertEquals("while scanning a quoted scalar (line 3, column 16): found unexpected end of stream"
                + " (line 4, column 1)", quoted.getMessage());
    }
}
