package io.mxcp.cli.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.core.internal.yaml.YamlReader;

/**
 * dbt's files written back as dbt's PyYAML reads them (the core's reader has PyYAML's YAML 1.1 typing): other
 * profiles keep their values and types.
 */
class YamlDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void stringsThatYaml11WouldReadAsSomethingElseStayStrings() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String text : List.of("5432", "0x1F", "0b101", "0o17", "017", "12:30", "1_000", "1.5", "1e3", "2024-01-15",
                "2024-01-15 10:30:00", "yes", "No", "on", "OFF", "true", "null", "~", "", ".inf", "-.5",
                "{{ env_var('MXCP_SECRET_X') }}", "a: b", "- x", "#not a comment", "'quoted'", "ünïcödé")) {
            values.put("k" + values.size(), text);
        }
        values.put("threads", 7);
        values.put("ratio", 0.25);
        values.put("debug", false);
        values.put("nothing", null);
        Map<String, Object> document = Map.of("other", Map.of("outputs", Map.of("dev", values)));

        assertEquals(document, YamlReader.parse(YamlDocuments.text(document)));
    }

    @Test
    void anchorsAliasesAndMergeKeysOfOtherProfilesAreWrittenExpanded() throws Exception {
        Path file = Files.writeString(dir.resolve("profiles.yml"), """
                defaults: &defaults
                  type: postgres
                  port: 5432
                warehouse:
                  target: dev
                  outputs:
                    dev:
                      <<: *defaults
                      host: db.internal
                    prod: *defaults
                """);
        Map<String, Object> read = YamlDocuments.read(file);
        Object written = YamlReader.parse(YamlDocuments.text(read));

        assertEquals(YamlReader.read(file), written);
        assertEquals(Map.of("type", "postgres", "port", 5432, "host", "db.internal"),
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) written).get("warehouse")).get("outputs")).get("dev"));
    }

    @Test
    void anEmptyOrCommentOnlyFileIsAnEmptyMappingAndAListIsRefused() throws Exception {
        assertEquals(Map.of(), YamlDocuments.read(Files.writeString(dir.resolve("empty.yml"), "")));
        assertEquals(Map.of(), YamlDocuments.read(Files.writeString(dir.resolve("comments.yml"), "# nothing yet\n")));
        Path list = Files.writeString(dir.resolve("list.yml"), "- a\n");
        CommandFailure refused = assertThrows(CommandFailure.class, () -> YamlDocuments.read(list));
        assertEquals("Cannot read " + list + ": it should hold a mapping, not a list", refused.getMessage());
    }
}
