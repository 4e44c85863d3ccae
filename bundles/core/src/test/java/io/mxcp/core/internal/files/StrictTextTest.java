package io.mxcp.core.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictTextTest {

    @TempDir
    Path dir;

    @Test
    void aPythonFileIsReadInTheEncodingItDeclaresAndOtherSourcesAsUtf8() throws Exception {
        String python = "#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\ndef größe():\n    return 'Größe'\n";
        Path declared = Files.write(dir.resolve("tool.py"), python.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(python, StrictText.readSource(declared));

        Path undeclared = Files.write(dir.resolve("other.py"),
                "def f():\n    return 'Größe'\n".getBytes(StandardCharsets.ISO_8859_1));
        StrictText.UndecodableFileException python3Default = assertThrows(StrictText.UndecodableFileException.class,
                () -> StrictText.readSource(undeclared));
        assertEquals("not valid UTF-8: byte 0xf6 at line 2, column 15 cannot be decoded (save the file as UTF-8)",
                python3Default.problem());

        Path sql = Files.write(dir.resolve("q.sql"),
                "-- coding: latin-1\nSELECT 'Größe'".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(StrictText.UndecodableFileException.class, () -> StrictText.readSource(sql),
                "only Python reads a coding comment");

        Path lateDeclaration = Files.write(dir.resolve("late.py"),
                "x = 1\ny = 2\n# coding: latin-1\nz = 'ö'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(StrictText.UndecodableFileException.class, () -> StrictText.readSource(lateDeclaration),
                "a declaration below the second line counts for nothing");
    }
}
