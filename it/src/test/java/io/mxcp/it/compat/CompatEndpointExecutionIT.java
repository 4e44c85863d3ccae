package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Distribution;
import io.mxcp.it.Leftovers;
import io.mxcp.it.Mxcp;

/**
 * Fixture category "endpoint-execution" (spec 01 §8, §4.2): one SQL tool taking a string, an integer, a boolean
 * with a default, an array and an object, returning an array of objects.
 */
class CompatEndpointExecutionIT {

    private static final String TOOL = """
            mxcp: 1
            tool:
              name: describe_person
              description: Everything about one person, from every kind of parameter
              parameters:
                - {name: name, type: string, description: Name}
                - {name: age, type: integer, minimum: 0, description: Age in years}
                - {name: active, type: boolean, default: true, description: Still active}
                - name: tags
                  type: array
                  items: {type: string}
                  description: Labels
                - name: address
                  type: object
                  properties:
                    city: {type: string}
                    zip: {type: integer}
                  description: Where
              return:
                type: array
                items:
                  type: object
                  properties:
                    name: {type: string}
                    age: {type: integer}
                    active: {type: boolean}
                    tag_count: {type: integer}
                    first_tag: {type: string}
                    city: {type: string}
                    zip: {type: integer}
              source:
                file: ../sql/describe_person.sql
            """;

    private static final String SQL = """
            SELECT $name AS name, $age AS age, $active AS active, len($tags) AS tag_count, $tags[1] AS first_tag,
                   $address.city AS city, $address.zip AS zip
            """;

    private static Mxcp mxcp;
    private static List<CommandResult> results;

    @BeforeAll
    static void runTheTool() {
        Path work = Workspace.forClass(CompatEndpointExecutionIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        ProjectFolder project = ProjectFolder.create(work, "execution")
                .write("tools/describe_person.yml", TOOL).write("sql/describe_person.sql", SQL);
        String[] common = {"run", "tool", "describe_person", "-p", "name=Ann", "-p", "age=42", "-p", "tags=[\"a\",\"b\"]",
                "-p", "address={\"city\": \"Oslo\", \"zip\": \"150\"}"};
        results = Batch.run(mxcp, List.of(
                Invocation.in(project.root(), concat(common, "--json-output")),
                Invocation.in(project.root(), concat(common, "-p", "active=false", "--json-output")),
                Invocation.in(project.root(), common),
                Invocation.in(project.root(), "run", "tool", "describe_person", "-p", "name=Ann", "--json-output")));
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void everyParameterKindIsConvertedAndBound() {
        assertEquals(Outcomes.json("[{\"name\": \"Ann\", \"age\": 42, \"active\": true, \"tag_count\": 2, \"first_tag\": \"a\", "
                + "\"city\": \"Oslo\", \"zip\": 150}]"), Outcomes.result(results.get(0)), "the default of active applies");
        assertEquals(false, Outcomes.result(results.get(1)).path(0).path("active").asBoolean(true), results.get(1)::describe);
    }

    @Test
    void humanOutputIsATable() {
        CommandResult human = results.get(2);
        assertEquals(0, human.exitCode(), human::describe);
        assertTrue(human.stdout().contains("🚀 Running tool describe_person"), human::describe);
        assertTrue(human.stdout().contains("• tags = [\"a\",\"b\"]"), human::describe);
        assertTrue(human.stdout().contains("│ Ann  │ 42  │ true   │"), human::describe);
    }

    @Test
    void aMissingParameterIsNamed() {
        Outcomes.error(results.get(3), "Required parameter missing: age");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
