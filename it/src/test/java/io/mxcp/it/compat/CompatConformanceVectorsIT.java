package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Distribution;
import io.mxcp.it.Leftovers;
import io.mxcp.it.Mxcp;

/**
 * Spec 01 appendix B through the real type system, as a user meets it: {@code mxcp run tool ... --json-output}
 * on a project with one SQL tool per vector. Vectors that convert successfully share one tool (a parameter per
 * vector, each selected back by the SQL), so they cost one command; every failing vector needs a command of its
 * own, since the first failing parameter ends a call. Commands run a few at a time ({@link Batch}).
 */
class CompatConformanceVectorsIT {

    /** Input vectors whose conversion succeeds: checked through one call of the {@code accepted} tool. */
    private static final List<InputVector> ACCEPTED = List.of(
            InputVector.of("I1", "type: integer", Raw.text("42")).value("42"),
            InputVector.of("I2", "type: integer", Raw.json("12.9")).value("12"),
            InputVector.of("I4", "type: integer", Raw.json("true")).value("1"),
            InputVector.of("I5", "type: integer", Raw.text(" 1_000 ")).value("1000"),
            InputVector.of("I10", "type: number", Raw.text("1e3")).value("1000.0"),
            InputVector.of("I11a", "type: boolean", Raw.text("yes")).value("false"),
            InputVector.of("I11b", "type: boolean", Raw.text("1")).value("false"),
            InputVector.of("I12a", "type: boolean", Raw.text("TRUE")).value("true"),
            InputVector.of("I12b", "type: boolean", Raw.json("0")).value("false"),
            InputVector.of("I13", "type: string", Raw.json("5")).value("\"5\""),
            InputVector.of("I17", "type: string\nformat: email\nmaxLength: 3", Raw.text("a@b.cd")).value("\"a@b.cd\""),
            // a DATE value: its SQL type and text
            InputVector.of("I18", "type: string\nformat: date", Raw.text("2024-1-5"))
                    .selectedAs("typeof($p) || ' ' || CAST($p AS VARCHAR)").value("\"DATE 2024-01-05\""),
            // a zoned timestamp: its SQL type and the instant, whatever the host's time zone
            InputVector.of("I21", "type: string\nformat: date-time", Raw.text("2024-01-15T10:30:00Z"))
                    .selectedAs("typeof($p) || ' ' || epoch($p)").value("\"TIMESTAMP WITH TIME ZONE 1705314600.0\""),
            InputVector.of("I28", "type: integer\nenum: [1, 2]", Raw.json("2.0")).value("2"),
            InputVector.of("I29", "type: array\nitems:\n  type: integer", Raw.text("[1,\"2\"]")).value("[1, 2]"),
            InputVector.of("I37", "type: object\nproperties:\n  a:\n    type: integer", Raw.json("{\"a\":\"1\",\"b\":2}"))
                    .value("{\"a\": 1, \"b\": 2}"),
            InputVector.of("I38", "type: object", Raw.text("{\"x\": 1}")).value("{\"x\": 1}"),
            InputVector.of("I40", "type: string", Raw.json("null")).value("null"),
            InputVector.of("I41", "type: object\nproperties:\n  a:\n    type: string\n    enum: [x]",
                    Raw.json("{\"a\":\"zzz\"}")).value("{\"a\": \"zzz\"}"),
            InputVector.of("I42", "type: string\ndefault: null", Raw.absent()).value("null"));

    /** Input vectors that fail: one tool and one call each, the error text exactly as the vector states. */
    private static final List<InputVector> REFUSED = List.of(
            InputVector.of("I3", "type: integer", Raw.text("12.5"))
                    .error("Error validating parameter 'p': Expected integer, got str"),
            InputVector.of("I6", "type: integer\nminimum: 1\nmaximum: 10", Raw.json("11"))
                    .error("Error validating parameter 'p': Value must be <= 10.0"),
            InputVector.of("I7", "type: integer\nminimum: 1\nmultipleOf: 5", Raw.json("7"))
                    .error("Error validating parameter 'p': Value must be multiple of 5.0"),
            InputVector.of("I8", "type: number\nexclusiveMinimum: 0", Raw.json("0"))
                    .error("Error validating parameter 'p': Value must be > 0.0"),
            InputVector.of("I9", "type: number", Raw.text("abc"))
                    .error("Error validating parameter 'p': Expected number, got str"),
            InputVector.of("I14", "type: string\nmaxLength: 3", Raw.text("abcd"))
                    .error("Error validating parameter 'p': String must be at most 3 characters long"),
            InputVector.of("I15", "type: string\nminLength: 2", Raw.json("5"))
                    .error("object of type 'int' has no len()"),
            InputVector.of("I16", "type: string\nformat: email", Raw.text("bad"))
                    .error("Error validating parameter 'p': Invalid email format: bad"),
            InputVector.of("I19", "type: string\nformat: date", Raw.text("not-a-date"))
                    .error("time data 'not-a-date' does not match format '%Y-%m-%d'"),
            InputVector.of("I20", "type: string\nformat: date", Raw.json("20240101"))
                    .error("Error validating parameter 'p': Expected string for date format, got int"),
            InputVector.of("I22", "type: string\nformat: time", Raw.text("10:30"))
                    .error("time data '10:30' does not match format '%H:%M:%S'"),
            InputVector.of("I23", "type: string\nformat: timestamp", Raw.text("abc"))
                    .error("Error validating parameter 'p': Invalid timestamp: abc"),
            InputVector.of("I24", "type: string\nformat: duration", Raw.text("P1W"))
                    .error("Error validating parameter 'p': Invalid duration format: P1W"),
            InputVector.of("I25", "type: string\nformat: uri", Raw.text("example.com"))
                    .error("Error validating parameter 'p': Invalid URI format: example.com"),
            InputVector.of("I26", "type: string\nenum: [a, b]", Raw.text("c"))
                    .error("Invalid value for p. Must be one of: ['a', 'b']"),
            InputVector.of("I27", "type: integer\nenum: [1, 2]", Raw.text("2"))
                    .error("Invalid value for p. Must be one of: [1, 2]"),
            InputVector.of("I30", "type: array", Raw.text("not json"))
                    .error("Error validating parameter 'p': Invalid JSON array: not json"),
            InputVector.of("I31", "type: array", Raw.json("{\"a\":1}"))
                    .error("Error validating parameter 'p': Expected array, got object"),
            InputVector.of("I32", "type: array\nuniqueItems: true", Raw.json("[1,\"1\"]"))
                    .error("Error validating parameter 'p': Array must contain unique items"),
            InputVector.of("I33", "type: array\nminItems: 2", Raw.json("[1]"))
                    .error("Error validating parameter 'p': Array must have at least 2 items"),
            InputVector.of("I34", "type: array\nitems:\n  type: integer", Raw.json("[1,\"x\"]"))
                    .error("Error validating parameter 'p': Expected integer, got str"),
            InputVector.of("I35", "type: object\nrequired: [a]", Raw.json("{}"))
                    .error("Error validating parameter 'p': Missing required properties: a"),
            InputVector.of("I36", "type: object\nproperties:\n  a:\n    type: integer\nadditionalProperties: false",
                    Raw.json("{\"a\":\"1\",\"b\":2}"))
                    .error("Error validating parameter 'p': Unexpected property: b"),
            InputVector.of("I39", "type: object", Raw.json("5"))
                    .error("Error validating parameter 'p': Expected object, got integer"),
            InputVector.of("I43", "type: string", Raw.absent()).error("Required parameter missing: p"),
            InputVector.of("I44", "type: string", Raw.text("x")).extra("q", "1").error("Unknown parameter: q"));

    /** Output vectors a SQL result can produce: a tool per vector whose SQL yields the value. */
    private static final List<OutputVector> OUTPUTS = List.of(
            OutputVector.of("O1", "type: integer", "SELECT 3.0::DOUBLE AS v")
                    .error("Output validation failed: Expected integer, got float"),
            OutputVector.of("O2", "type: number", "SELECT 3 AS v").value("3"),
            OutputVector.of("O3", "type: number", "SELECT true AS v")
                    .error("Output validation failed: Expected number, got bool"),
            OutputVector.of("O4", "type: string", "SELECT 5 AS v").error("Output validation failed: Expected string, got int"),
            // a DATE nested in a STRUCT stays a date (spec 01 §3.7); a top-level DATE column is a timestamp
            OutputVector.of("O5", "type: object\nproperties:\n  s:\n    type: object\n    properties:\n"
                    + "      d:\n        type: string", "SELECT {'d': DATE '2024-01-02'} AS s").value("{\"s\": {\"d\": \"2024-01-02\"}}"),
            OutputVector.of("O6", "type: string\nformat: email", "SELECT 'x' AS v")
                    .error("Output validation failed: Invalid email format: x"),
            OutputVector.of("O7", "type: string\nformat: date", "SELECT 'garbage' AS v").value("\"garbage\""),
            OutputVector.of("O8", "type: boolean", "SELECT 1 AS v").error("Output validation failed: Expected boolean, got int"),
            // a UNION column gives one row an integer and the next a string
            OutputVector.of("O9", "type: array\nitems:\n  type: object\n  properties:\n    a:\n      type: integer",
                    "SELECT u AS a FROM (VALUES (1::UNION(i INTEGER, s VARCHAR)), ('x'::UNION(i INTEGER, s VARCHAR))) t(u)")
                    .error("Output validation failed: Array item 1: Property 'a': Expected integer, got str"),
            OutputVector.of("O10", "type: object\nproperties:\n  a:\n    type: object\n    required: [b]",
                    "SELECT MAP {}::MAP(VARCHAR, INTEGER) AS a")
                    .error("Output validation failed: Property 'a': Missing required properties: b"),
            OutputVector.of("O11", "type: object\nrequired: [a]", "SELECT NULL AS a").value("{\"a\": null}"),
            OutputVector.of("O12", "type: string\nenum: [x]", "SELECT 'y' AS v").value("\"y\""),
            OutputVector.of("O13", "type: object\nproperties:\n  d:\n    type: string",
                    "SELECT TIMESTAMP '2024-01-02 03:04:05' AS d").value("{\"d\": \"2024-01-02T03:04:05\"}"),
            OutputVector.of("O14", "type: array\nmaxItems: 1", "SELECT * FROM (VALUES (1), (2)) t(a)")
                    .error("Output validation failed: Array must have at most 1 items"));

    private static Mxcp mxcp;
    private static ProjectFolder project;
    private static CommandResult validation;
    private static CommandResult accepted;
    private static List<CommandResult> refused;
    private static List<CommandResult> outputs;

    @BeforeAll
    static void runEveryVector() {
        Path work = Workspace.forClass(CompatConformanceVectorsIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = ProjectFolder.create(work, "vectors");
        writeAcceptedTool();
        REFUSED.forEach(vector -> project.write("tools/in/" + vector.toolName() + ".yml", vector.toolYaml()));
        OUTPUTS.forEach(vector -> project.write("tools/out/" + vector.toolName() + ".yml", vector.toolYaml()));

        List<Invocation> invocations = new ArrayList<>();
        invocations.add(Invocation.in(project.root(), "validate", "--json-output"));
        invocations.add(Invocation.in(project.root(), acceptedCall()));
        REFUSED.forEach(vector -> invocations.add(Invocation.in(project.root(), vector.call(project, "p"))));
        OUTPUTS.forEach(vector -> invocations.add(Invocation.in(project.root(), vector.call())));
        List<CommandResult> results = Batch.run(mxcp, invocations);
        validation = results.get(0);
        accepted = results.get(1);
        refused = results.subList(2, 2 + REFUSED.size());
        outputs = results.subList(2 + REFUSED.size(), results.size());
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void everyVectorToolIsAValidEndpoint() {
        JsonNode payload = Outcomes.result(validation);
        assertEquals("ok", payload.path("status").asText(), validation::describe);
        assertEquals(1 + REFUSED.size() + OUTPUTS.size(), payload.path("validated").size(), validation::describe);
    }

    @TestFactory
    Stream<DynamicTest> acceptedInputsConvertAsStated() {
        JsonNode row = Outcomes.result(accepted).path(0);
        return ACCEPTED.stream().map(vector -> DynamicTest.dynamicTest(vector.id() + " " + vector.describe(),
                () -> assertEquals(Outcomes.json(vector.expectedValue()), row.path(vector.parameterName()),
                        accepted::describe)));
    }

    @TestFactory
    Stream<DynamicTest> refusedInputsGiveTheStatedError() {
        return java.util.stream.IntStream.range(0, REFUSED.size()).mapToObj(i -> DynamicTest.dynamicTest(
                REFUSED.get(i).id() + " " + REFUSED.get(i).describe(),
                () -> Outcomes.error(refused.get(i), REFUSED.get(i).expectedError())));
    }

    @TestFactory
    Stream<DynamicTest> outputsAreShapedValidatedAndSerializedAsStated() {
        return java.util.stream.IntStream.range(0, OUTPUTS.size()).mapToObj(i -> {
            OutputVector vector = OUTPUTS.get(i);
            CommandResult result = outputs.get(i);
            return DynamicTest.dynamicTest(vector.id() + " " + vector.sql(), () -> {
                if (vector.expectedError() != null) {
                    Outcomes.error(result, vector.expectedError());
                } else {
                    assertEquals(Outcomes.json(vector.expectedValue()), Outcomes.result(result), result::describe);
                }
            });
        });
    }

    /** One tool with a parameter per accepted vector; its one row holds each converted value under the vector's id. */
    private static void writeAcceptedTool() {
        StringBuilder yaml = new StringBuilder("mxcp: 1\ntool:\n  name: accepted\n  description: Appendix B vectors that convert\n"
                + "  parameters:\n");
        List<String> columns = new ArrayList<>();
        for (InputVector vector : ACCEPTED) {
            yaml.append(vector.parameterYaml(vector.parameterName()));
            columns.add(vector.selection(vector.parameterName()) + " AS " + vector.parameterName());
        }
        yaml.append("  source:\n    code: \"SELECT ").append(String.join(", ", columns).replace("\"", "\\\"")).append("\"\n");
        project.write("tools/accepted.yml", yaml.toString());
    }

    private static String[] acceptedCall() {
        List<String> arguments = new ArrayList<>(List.of("run", "tool", "accepted", "--json-output"));
        for (InputVector vector : ACCEPTED) {
            arguments.addAll(vector.raw().arguments(project, vector.parameterName(), vector.id()));
        }
        return arguments.toArray(String[]::new);
    }

    /** How a vector's raw input reaches {@code mxcp run}: a string as {@code -p p=text}, other JSON from a file. */
    record Raw(String text, String json) {

        static Raw text(String text) {
            return new Raw(text, null);
        }

        static Raw json(String json) {
            return new Raw(null, json);
        }

        static Raw absent() {
            return new Raw(null, null);
        }

        List<String> arguments(ProjectFolder project, String parameter, String id) {
            if (text != null) {
                return List.of("--param", parameter + "=" + text);
            }
            if (json != null) {
                String file = "args/" + id + "-" + parameter + ".json";
                project.write(file, json);
                return List.of("--param", parameter + "=@" + file);
            }
            return List.of();
        }

        String describe() {
            return text != null ? "'" + text + "'" : json != null ? json : "(absent)";
        }
    }

    /** An input row of appendix B: the parameter's schema, the raw argument, and the value or error stated. */
    record InputVector(String id, String schema, Raw raw, String selectExpression, Map<String, String> extras,
            String expectedValue, String expectedError) {

        static InputVector of(String id, String schema, Raw raw) {
            return new InputVector(id, schema, raw, "$p", Map.of(), null, null);
        }

        InputVector selectedAs(String expression) {
            return new InputVector(id, schema, raw, expression, extras, expectedValue, expectedError);
        }

        InputVector extra(String name, String value) {
            return new InputVector(id, schema, raw, selectExpression, Map.of(name, value), expectedValue, expectedError);
        }

        InputVector value(String json) {
            return new InputVector(id, schema, raw, selectExpression, extras, json, null);
        }

        InputVector error(String message) {
            return new InputVector(id, schema, raw, selectExpression, extras, null, message);
        }

        String parameterName() {
            return id.toLowerCase(java.util.Locale.ROOT);
        }

        String toolName() {
            return "in_" + parameterName();
        }

        String describe() {
            return schema.replace('\n', ' ') + " <- " + raw.describe();
        }

        String selection(String parameter) {
            return selectExpression.replace("$p", "$" + parameter);
        }

        /** The parameter as an item of {@code tool.parameters}. */
        String parameterYaml(String parameter) {
            StringBuilder yaml = new StringBuilder("    - name: ").append(parameter).append('\n');
            yaml.append("      description: vector ").append(id).append('\n');
            schema.lines().forEach(line -> yaml.append("      ").append(line).append('\n'));
            return yaml.toString();
        }

        String toolYaml() {
            return "mxcp: 1\ntool:\n  name: " + toolName() + "\n  description: Appendix B vector " + id + "\n"
                    + "  parameters:\n" + parameterYaml("p") + "  source:\n    code: SELECT " + selection("p") + " AS value\n";
        }

        String[] call(ProjectFolder project, String parameter) {
            List<String> arguments = new ArrayList<>(List.of("run", "tool", toolName(), "--json-output"));
            arguments.addAll(raw.arguments(project, parameter, id));
            extras.forEach((name, value) -> arguments.addAll(List.of("--param", name + "=" + value)));
            return arguments.toArray(String[]::new);
        }
    }

    /** An output row of appendix B: the return schema, SQL producing the value, and the result or error stated. */
    record OutputVector(String id, String returnSchema, String sql, String expectedValue, String expectedError) {

        static OutputVector of(String id, String returnSchema, String sql) {
            return new OutputVector(id, returnSchema, sql, null, null);
        }

        OutputVector value(String json) {
            return new OutputVector(id, returnSchema, sql, json, null);
        }

        OutputVector error(String message) {
            return new OutputVector(id, returnSchema, sql, null, message);
        }

        String toolName() {
            return "out_" + id.toLowerCase(java.util.Locale.ROOT);
        }

        String toolYaml() {
            StringBuilder yaml = new StringBuilder("mxcp: 1\ntool:\n  name: ").append(toolName()).append('\n');
            yaml.append("  description: Appendix B vector ").append(id).append("\n  return:\n");
            returnSchema.lines().forEach(line -> yaml.append("    ").append(line).append('\n'));
            yaml.append("  source:\n    code: \"").append(sql.replace("\"", "\\\"")).append("\"\n");
            return yaml.toString();
        }

        String[] call() {
            return new String[] {"run", "tool", toolName(), "--json-output"};
        }
    }
}
