package io.mxcp.mcp.internal.arguments;

import static io.mxcp.mcp.internal.TypeBuilder.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.mcp.internal.TypeBuilder;

class ArgumentCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArgumentCheck tool(String name, Object... namesAndTypes) {
        return ArgumentCheck.forTool(name, parameters(namesAndTypes));
    }

    private static ArgumentCheck resource(String name, Object... namesAndTypes) {
        return ArgumentCheck.forResource(name, parameters(namesAndTypes));
    }

    private static List<ParameterDefinition> parameters(Object... namesAndTypes) {
        List<ParameterDefinition> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            parameters.add(new ParameterDefinition((String) namesAndTypes[i],
                    ((TypeBuilder) namesAndTypes[i + 1]).build()));
        }
        return parameters;
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> accepted(ArgumentCheck check, String arguments) {
        try {
            return check.apply(json(arguments));
        } catch (InvalidArgumentsException e) {
            throw new AssertionError("rejected: " + e.getMessage(), e);
        }
    }

    private static String rejected(ArgumentCheck check, String arguments) {
        return assertThrows(InvalidArgumentsException.class, () -> check.apply(json(arguments))).getMessage();
    }

    /** The one message of a single-error rejection, without the count line and location. */
    private static String problem(ArgumentCheck check, String arguments) {
        String[] lines = rejected(check, arguments).split("\n");
        assertEquals(3, lines.length, Arrays.toString(lines));
        return lines[2].strip();
    }

    @Test
    void aNullDefaultMayBeSentAsTheSchemaPublishesIt() {
        ArgumentCheck check = tool("arrays", "flags", type("array").items(type("string")).defaultValue(null),
                "tags", type("array").items(type("string")));
        Map<String, Object> arguments = accepted(check, "{\"tags\": [], \"flags\": null}");
        assertTrue(arguments.containsKey("flags"));
        assertNull(arguments.get("flags"));
        assertEquals("Input should be a valid list", problem(check, "{\"tags\": null}"),
                "a list without a null default still refuses null, as the original's annotation does");
    }

    @Test
    void objectForStringIsRejectedInPydanticWordsNamingTheParameter() {
        ArgumentCheck check = tool("hello_world", "name", type("string"));
        assertEquals("1 validation error for hello_worldArguments\nname\n  Input should be a valid string",
                rejected(check, "{\"name\": {\"a\": 1}}"));
        assertEquals("Input should be a valid string", problem(check, "{\"name\": [\"x\"]}"));
        assertEquals("Ada", accepted(check, "{\"name\": \"Ada\"}").get("name"));
    }

    @Test
    void numbersAndBooleansForAStringParameterBecomeText() {
        ArgumentCheck check = tool("t", "name", type("string"));
        assertEquals("5", accepted(check, "{\"name\": 5}").get("name"));
        assertEquals("1.5", accepted(check, "{\"name\": 1.5}").get("name"));
        assertEquals("true", accepted(check, "{\"name\": true}").get("name"));
    }

    @Test
    void numbersAndBooleansForNestedStringsBecomeTextToo() {
        ArgumentCheck check = tool("t", "user", type("object").property("name", type("string"))
                .property("tags", type("array").items(type("string")))
                .property("address", type("object").property("city", type("string"))));
        Map<?, ?> user = (Map<?, ?>) accepted(check,
                "{\"user\": {\"name\": 123, \"tags\": [1, true, \"music\", 1e20], \"address\": {\"city\": 3.14}}}")
                .get("user");
        assertEquals("123", user.get("name"));
        assertEquals(List.of("1", "true", "music", "1e+20"), user.get("tags"));
        assertEquals(Map.of("city", "3.14"), user.get("address"));
        assertEquals("1 validation error for tArguments\nuser.tags.0\n  Input should be a valid string",
                rejected(check, "{\"user\": {\"tags\": [[\"a\"]]}}"));
    }

    @Test
    void numberTakesNumbersBooleansAndNumericStringsAsDoubles() {
        ArgumentCheck check = tool("t", "x", type("number"));
        assertEquals(1.5, accepted(check, "{\"x\": \"1.5\"}").get("x"));
        assertEquals(7.0, accepted(check, "{\"x\": 7}").get("x"));
        assertEquals(1.0, accepted(check, "{\"x\": true}").get("x"));
        assertEquals(-200.0, accepted(check, "{\"x\": \" -2e2 \"}").get("x"));
        assertEquals("Input should be a valid number, unable to parse string as a number",
                problem(check, "{\"x\": \"abc\"}"));
        assertEquals("Input should be a valid number", problem(check, "{\"x\": [1]}"));
    }

    @Test
    void integerTakesWholeFloatsAndIntegerStrings() {
        ArgumentCheck check = tool("t", "n", type("integer"));
        assertEquals(3, accepted(check, "{\"n\": 3}").get("n"));
        assertEquals(3L, accepted(check, "{\"n\": 3.0}").get("n"));
        assertEquals(42L, accepted(check, "{\"n\": \"42\"}").get("n"));
        assertEquals(-7L, accepted(check, "{\"n\": \" -7 \"}").get("n"));
        assertEquals(1L, accepted(check, "{\"n\": true}").get("n"));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                accepted(check, "{\"n\": \"123456789012345678901234567890\"}").get("n"));
        assertEquals("Input should be a valid integer, got a number with a fractional part",
                problem(check, "{\"n\": 3.5}"));
        assertEquals("Input should be a valid integer, unable to parse string as an integer",
                problem(check, "{\"n\": \"4.5\"}"));
        assertEquals("Input should be a valid integer", problem(check, "{\"n\": {}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "Y", "on", "t"})
    void booleanWordsForTrue(String word) {
        assertEquals(Boolean.TRUE, accepted(tool("t", "b", type("boolean")), "{\"b\": \"" + word + "\"}").get("b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "0", "no", "N", "OFF", "f"})
    void booleanWordsForFalse(String word) {
        assertEquals(Boolean.FALSE, accepted(tool("t", "b", type("boolean")), "{\"b\": \"" + word + "\"}").get("b"));
    }

    @Test
    void booleanTakesZeroAndOneOnly() {
        ArgumentCheck check = tool("t", "b", type("boolean"));
        assertEquals(Boolean.TRUE, accepted(check, "{\"b\": 1}").get("b"));
        assertEquals(Boolean.FALSE, accepted(check, "{\"b\": 0}").get("b"));
        assertEquals(Boolean.TRUE, accepted(check, "{\"b\": true}").get("b"));
        assertEquals("Input should be a valid boolean, unable to interpret input", problem(check, "{\"b\": 2}"));
        assertEquals("Input should be a valid boolean, unable to interpret input",
                problem(check, "{\"b\": \"maybe\"}"));
        assertEquals("Input should be a valid boolean", problem(check, "{\"b\": []}"));
    }

    @Test
    void arrayItemsAreCheckedAndConverted() {
        ArgumentCheck check = tool("t", "ids", type("array").items(type("integer")).itemCount(1, 3));
        assertEquals(List.of(1L, 2), accepted(check, "{\"ids\": [\"1\", 2]}").get("ids"));
        assertEquals(List.of(1, 2L), accepted(check, "{\"ids\": \"[1, \\\"2\\\"]\"}").get("ids"));
        assertEquals("Input should be a valid list", problem(check, "{\"ids\": \"[1, 2] and more\"}"));
        assertEquals("List should have at least 1 item after validation, not 0", problem(check, "{\"ids\": []}"));
        assertEquals("List should have at most 3 items after validation, not 4",
                problem(check, "{\"ids\": [1, 2, 3, 4]}"));
        assertEquals("2 validation errors for tArguments\nids.0\n  Input should be a valid integer, unable to parse "
                + "string as an integer\nids.2\n  Input should be a valid integer",
                rejected(check, "{\"ids\": [\"x\", 2, []]}"));
        ArgumentCheck untyped = tool("t", "any", type("array"));
        assertEquals(List.of("a", 1, Map.of("k", true)), accepted(untyped, "{\"any\": [\"a\", 1, {\"k\": true}]}")
                .get("any"));
    }

    @Test
    void objectPropertiesAreCheckedRecursively() {
        TypeBuilder user = type("object").property("id", type("integer")).property("name", type("string"))
                .property("address", type("object").property("zip", type("string").pattern("^\\d{5}$"))
                        .required("zip"))
                .required("id");
        ArgumentCheck check = tool("t", "user", user);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 5L);
        expected.put("name", null);
        expected.put("address", Map.of("zip", "12345"));
        expected.put("extra", List.of(1));
        assertEquals(expected, accepted(check,
                "{\"user\": {\"extra\": [1], \"id\": \"5\", \"name\": null, \"address\": {\"zip\": \"12345\"}}}")
                .get("user"));
        assertEquals(Map.of("id", 7, "name", "Ada"), accepted(check,
                "{\"user\": \"{\\\"id\\\": 7, \\\"name\\\": \\\"Ada\\\"}\"}").get("user"));
        assertEquals("Input should be a valid dictionary or instance of User", problem(check, "{\"user\": \"7\"}"));
        assertEquals("1 validation error for tArguments\nuser.id\n  Field required",
                rejected(check, "{\"user\": \"{}\"}"));
        assertEquals("1 validation error for tArguments\nuser.id\n  Field required",
                rejected(check, "{\"user\": {\"name\": \"Ada\"}}"));
        assertEquals("1 validation error for tArguments\nuser.address.zip\n  String should match pattern '^\\d{5}$'",
                rejected(check, "{\"user\": {\"id\": 1, \"address\": {\"zip\": \"1234\"}}}"));
        assertEquals("Input should be a valid dictionary or instance of Useraddress",
                problem(check, "{\"user\": {\"id\": 1, \"address\": 7}}"));
    }

    @Test
    void onlyToolParametersThatAreNotStringsTakeJsonText() {
        List<ParameterDefinition> parameters = parameters("note", type("string"), "n", type("integer"), "tags",
                type("array").items(type("string")));
        ArgumentCheck tool = ArgumentCheck.forTool("t", parameters);
        Map<String, Object> arguments = accepted(tool, "{\"note\": \"[1]\", \"n\": \"null\", \"tags\": \"[]\"}");
        assertEquals("[1]", arguments.get("note"));
        assertTrue(arguments.containsKey("n"));
        assertNull(arguments.get("n"));
        assertEquals(List.of(), arguments.get("tags"));
        assertEquals(12L, accepted(tool, "{\"n\": \" 12 \"}").get("n"));
        assertEquals("Input should be a valid integer", problem(tool, "{\"n\": \"[12]\"}"));
        ArgumentCheck prompt = ArgumentCheck.forPrompt("p", parameters);
        assertEquals("Input should be a valid list", problem(prompt, "{\"tags\": \"[]\"}"));
    }

    @Test
    void closedObjectsRejectUnknownKeys() {
        ArgumentCheck check = tool("t", "filter", type("object").property("limit", type("integer")).closed());
        assertEquals("1 validation error for tArguments\nfilter.offset\n  Extra inputs are not permitted",
                rejected(check, "{\"filter\": {\"limit\": 1, \"offset\": 2}}"));
        ArgumentCheck bare = tool("t", "options", type("object").closed());
        assertEquals("Extra inputs are not permitted", problem(bare, "{\"options\": {\"a\": 1}}"));
        assertEquals(Map.of(), accepted(bare, "{\"options\": {}}").get("options"));
        ArgumentCheck open = tool("t", "options", type("object"));
        assertEquals("Input should be a valid dictionary", problem(open, "{\"options\": [1]}"));
    }

    @Test
    void nullFitsToolAndPromptScalarsButNotResourcesListsOrObjects() {
        ArgumentCheck check = tool("t", "name", type("string"), "n", type("integer"), "tags",
                type("array").items(type("string")), "options", type("object"));
        Map<String, Object> arguments = accepted(check, "{\"name\": null, \"n\": null}");
        assertTrue(arguments.containsKey("name"));
        assertNull(arguments.get("name"));
        assertNull(arguments.get("n"));
        assertEquals(List.of("a"), accepted(check, "{\"tags\": [\"a\"]}").get("tags"));
        assertEquals(Arrays.asList("a", null), accepted(check, "{\"tags\": [\"a\", null]}").get("tags"));
        assertEquals("Input should be a valid list", problem(check, "{\"tags\": null}"));
        assertEquals("Input should be a valid dictionary", problem(check, "{\"options\": null}"));
        ArgumentCheck template = resource("users://{id}", "id", type("string"));
        assertEquals("1 validation error for users://{id}Arguments\nid\n  Input should be a valid string",
                rejected(template, "{\"id\": null}"));
    }

    @Test
    void stringConstraints() {
        ArgumentCheck check = tool("t", "code", type("string").length(3, 5).pattern("^[a-z]+$"));
        assertEquals("String should have at least 3 characters", problem(check, "{\"code\": \"ab\"}"));
        assertEquals("String should have at most 5 characters", problem(check, "{\"code\": \"abcdef\"}"));
        assertEquals("String should match pattern '^[a-z]+$'", problem(check, "{\"code\": \"abc1\"}"));
        assertEquals("abcd", accepted(check, "{\"code\": \"abcd\"}").get("code"));
        assertEquals("String should have at most 1 character",
                problem(tool("t", "c", type("string").length(null, 1)), "{\"c\": \"ab\"}"));
        ArgumentCheck unanchored = tool("t", "s", type("string").pattern("\\d"));
        assertEquals("a1b", accepted(unanchored, "{\"s\": \"a1b\"}").get("s"), "the pattern is searched, not matched");
        assertEquals("String should match pattern '^[a-z]+$'",
                problem(check, "{\"code\": 1234}"), "a stringified number meets the pattern too");
    }

    @Test
    void stringWithEnumCarriesNoConstraints() {
        ArgumentCheck check = tool("t", "mode", type("string").enumValues("fast", "safe").pattern("^x"));
        assertEquals("fast", accepted(check, "{\"mode\": \"fast\"}").get("mode"));
    }

    @Test
    void numericConstraints() {
        assertEquals("Input should be greater than or equal to 0",
                problem(tool("t", "n", type("integer").range(0.0, null)), "{\"n\": -1}"));
        assertEquals("Input should be less than or equal to 10.5",
                problem(tool("t", "x", type("number").range(null, 10.5)), "{\"x\": \"11\"}"));
        assertEquals("Input should be greater than 0",
                problem(tool("t", "x", type("number").exclusive(0.0, null)), "{\"x\": 0}"));
        assertEquals("Input should be less than 5",
                problem(tool("t", "n", type("integer").exclusive(null, 5.0)), "{\"n\": 5}"));
        assertEquals("Input should be a multiple of 3",
                problem(tool("t", "n", type("integer").multipleOf(3)), "{\"n\": 4}"));
        assertEquals(0.3, accepted(tool("t", "x", type("number").multipleOf(0.1)), "{\"x\": 0.3}").get("x"));
        assertEquals(5, accepted(tool("t", "n", type("integer").range(0.0, 5.0)), "{\"n\": 5}").get("n"));
    }

    @Test
    void errorsAreCountedInSignatureOrderRequiredFirst() {
        ArgumentCheck check = tool("t", "opt", type("integer").defaultValue(1), "req", type("boolean"));
        assertEquals("2 validation errors for tArguments\nreq\n  Input should be a valid boolean\nopt\n"
                + "  Input should be a valid integer", rejected(check, "{\"opt\": [], \"req\": {}}"));
    }

    @Test
    void unknownAndMissingParametersAreLeftToTheCore() {
        ArgumentCheck check = tool("t", "a", type("integer"), "b", type("string"));
        Map<String, Object> arguments = accepted(check, "{\"x\": {\"y\": [1, \"z\"]}}");
        assertEquals(Map.of("x", Map.of("y", List.of(1, "z"))), arguments);
    }

    @Test
    void modelNamesFollowPythonTitleCase() {
        assertEquals("UserAddress", Rules.className("user_address"));
        assertEquals("Useraddress", Rules.className("userAddress"));
        assertEquals("Tagsitem", Rules.className("tagsItem"));
        assertEquals("2Fa", Rules.className("2fa"));
        assertEquals("GetUser", Rules.className("get-user"));
    }
}
