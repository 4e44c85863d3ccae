package io.mxcp.core.internal.evals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.mxcp.core.evals.EvalSuite;
import io.mxcp.core.evals.EvalTest;
import io.mxcp.core.evals.EvalTest.ExpectedCall;
import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;
import io.mxcp.core.internal.yaml.YamlReader;
import io.mxcp.core.internal.yaml.YamlSyntaxException;

/** Reads one eval file with the closed schema of spec 02-reference §5.1 (unknown keys are errors). */
public final class EvalSuiteParser {

    private static final Pattern IDENTIFIER_REST = Pattern.compile("[A-Za-z0-9_]*");

    private EvalSuiteParser() {
    }

    public static EvalSuite parse(Path file) throws NotAnEvalFile, InvalidEvalFile {
        Object document;
        try {
            document = YamlReader.read(file);
        } catch (IOException e) {
            throw new InvalidEvalFile("cannot read it: " + e.getMessage());
        } catch (YamlSyntaxException e) {
            throw new InvalidEvalFile(e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map) || !map.containsKey("mxcp")) {
            throw new NotAnEvalFile();
        }
        try {
            return suite(StrictObject.of(map, "", "EvalSuiteModel"));
        } catch (SchemaException e) {
            throw new InvalidEvalFile(e.getMessage());
        }
    }

    private static EvalSuite suite(StrictObject root) throws SchemaException {
        root.integer("mxcp", 1);
        String name = identifier(root.requiredString("suite"), root.at("suite"), "Eval suite name");
        String description = root.string("description", null);
        String model = root.string("model", null);
        if (!root.has("tests")) {
            throw new SchemaException(root.at("tests"), "Field required");
        }
        if (!(root.raw("tests") instanceof List<?> rawTests)) {
            throw new SchemaException(root.at("tests"), "Input should be a valid list");
        }
        List<EvalTest> tests = new ArrayList<>();
        for (int i = 0; i < rawTests.size(); i++) {
            tests.add(test(StrictObject.of(rawTests.get(i), StrictObject.join(root.at("tests"), i), "EvalTestModel")));
        }
        root.close();
        return new EvalSuite(name, description, model, tests);
    }

    private static EvalTest test(StrictObject test) throws SchemaException {
        String name = identifier(test.requiredString("name"), test.at("name"), "Eval test name");
        String description = test.string("description", null);
        String prompt = test.requiredString("prompt");
        Map<String, Object> userContext = test.optionalMap("user_context");
        if (!test.has("assertions")) {
            throw new SchemaException(test.at("assertions"), "Field required");
        }
        StrictObject assertions = StrictObject.of(test.raw("assertions"), test.at("assertions"), "EvalAssertionsModel");
        List<ExpectedCall> mustCall = expectedCalls(assertions);
        List<String> mustNotCall = orEmpty(assertions.optionalStringList("must_not_call"));
        List<String> contains = orEmpty(assertions.optionalStringList("answer_contains"));
        List<String> notContains = orEmpty(assertions.optionalStringList("answer_not_contains"));
        assertions.close();
        test.close();
        return new EvalTest(name, description, prompt, userContext, mustCall, mustNotCall, contains, notContains);
    }

    private static List<ExpectedCall> expectedCalls(StrictObject assertions) throws SchemaException {
        List<Object> raw = assertions.optionalList("must_call");
        List<ExpectedCall> calls = new ArrayList<>();
        if (raw == null) {
            return calls;
        }
        for (int i = 0; i < raw.size(); i++) {
            StrictObject call = StrictObject.of(raw.get(i), StrictObject.join(assertions.at("must_call"), i),
                    "MustCallAssertion");
            String tool = call.requiredString("tool");
            if (!call.has("args")) {
                throw new SchemaException(call.at("args"), "Field required");
            }
            Map<String, Object> arguments = call.optionalMap("args");
            if (arguments == null) {
                throw new SchemaException(call.at("args"), "Input should be a valid dictionary");
            }
            call.close();
            calls.add(new ExpectedCall(tool, arguments));
        }
        return calls;
    }

    private static String identifier(String value, String location, String what) throws SchemaException {
        if (value.isEmpty()) {
            throw SchemaException.valueError(location, what + " cannot be empty");
        }
        char first = value.charAt(0);
        if (!(Character.isLetter(first) && first < 128 || first == '_')) {
            throw SchemaException.valueError(location, what + " must start with a letter or underscore");
        }
        if (!IDENTIFIER_REST.matcher(value).matches()) {
            throw SchemaException.valueError(location, what + " must contain only alphanumeric characters or underscores");
        }
        return value;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** A YAML file without a top-level {@code mxcp} key: skipped, not an error. */
    public static final class NotAnEvalFile extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnEvalFile() {
            super(null, null, false, false);
        }
    }

    /** An eval file that breaks the schema; the message is {@code <location>: <message>}. */
    public static final class InvalidEvalFile extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidEvalFile(String message) {
            super(message);
        }
    }
}
