package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Distribution;
import io.mxcp.it.Leftovers;
import io.mxcp.it.Mxcp;

/**
 * Fixture category "return-type-validation" (spec 01 §3.5 shaping, §3.6 validation): arrays, objects and scalars
 * from SQL rows, several rows and none, and an extra column against strict and flexible objects.
 */
class CompatReturnTypesIT {

    private static final String ID_OBJECT = "type: object\nproperties:\n  id:\n    type: integer\n";

    private static Mxcp mxcp;
    private static List<CommandResult> results;
    private static final List<String[]> CALLS = new ArrayList<>();

    @BeforeAll
    static void runEveryShape() {
        Path work = Workspace.forClass(CompatReturnTypesIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        ProjectFolder project = ProjectFolder.create(work, "return-types");
        tool(project, "rows", "type: array\nitems:\n  type: object\n  properties:\n    id:\n      type: integer",
                "SELECT * FROM (VALUES (1), (2)) t(id) ORDER BY id");
        tool(project, "no_rows", "type: array", "SELECT 1 AS id WHERE false");
        tool(project, "one_object", ID_OBJECT, "SELECT 7 AS id");
        tool(project, "two_objects", ID_OBJECT, "SELECT * FROM (VALUES (1), (2)) t(id)");
        tool(project, "no_object", ID_OBJECT, "SELECT 1 AS id WHERE false");
        tool(project, "scalar", "type: number", "SELECT 42.5 AS v");
        tool(project, "two_values", "type: string", "SELECT 'a' AS x, 'b' AS y");
        tool(project, "strict", ID_OBJECT + "additionalProperties: false", "SELECT 1 AS id, 'x' AS extra");
        tool(project, "flexible", ID_OBJECT + "additionalProperties: true", "SELECT 1 AS id, 'x' AS extra");
        project.write("tools/no_return.yml", "mxcp: 1\ntool:\n  name: no_return\n  description: d\n"
                + "  source:\n    code: SELECT 1 AS id\n");
        CALLS.add(new String[] {"run", "tool", "no_return", "--json-output"});
        CALLS.add(new String[] {"run", "tool", "strict", "--skip-output-validation", "--json-output"});
        results = Batch.run(mxcp, CALLS.stream().map(call -> Invocation.in(project.root(), call)).toList());
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void arraysKeepEveryRow() {
        assertEquals(Outcomes.json("[{\"id\": 1}, {\"id\": 2}]"), Outcomes.result(results.get(0)));
        assertEquals(Outcomes.json("[]"), Outcomes.result(results.get(1)));
    }

    @Test
    void objectsNeedExactlyOneRow() {
        assertEquals(Outcomes.json("{\"id\": 7}"), Outcomes.result(results.get(2)));
        Outcomes.error(results.get(3), "Expected single result for return type 'object', but got 2 results");
        Outcomes.error(results.get(4), "No results returned");
    }

    @Test
    void scalarsNeedExactlyOneColumn() {
        assertEquals(Outcomes.json("42.5"), Outcomes.result(results.get(5)));
        Outcomes.error(results.get(6), "Expected single value for return type 'string', but got 2 values");
    }

    @Test
    void anExtraColumnFailsAStrictObjectOnlyWhenValidated() {
        Outcomes.error(results.get(7), "Output validation failed: Unexpected property: extra");
        assertEquals(Outcomes.json("{\"id\": 1, \"extra\": \"x\"}"), Outcomes.result(results.get(8)));
        assertEquals(Outcomes.json("{\"id\": 1, \"extra\": \"x\"}"), Outcomes.result(results.get(10)),
                "--skip-output-validation still shapes");
    }

    @Test
    void withoutAReturnTypeTheRowsComeBackAsTheyAre() {
        assertEquals(Outcomes.json("[{\"id\": 1}]"), Outcomes.result(results.get(9)));
    }

    private static void tool(ProjectFolder project, String name, String returnSchema, String sql) {
        StringBuilder yaml = new StringBuilder("mxcp: 1\ntool:\n  name: " + name + "\n  description: d\n  return:\n");
        returnSchema.lines().forEach(line -> yaml.append("    ").append(line).append('\n'));
        yaml.append("  source:\n    code: \"").append(sql).append("\"\n");
        project.write("tools/" + name + ".yml", yaml.toString());
        CALLS.add(new String[] {"run", "tool", name, "--json-output"});
    }
}
