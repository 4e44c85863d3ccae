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
 * Fixture category "cli-run" (spec 01 §8; spec 02 §0.6, §1.4): {@code --param} as text, inline JSON and
 * {@code @file}, a nested object bound into SQL as a STRUCT, the caller from {@code --user-context}, request
 * headers, and the errors of malformed arguments (exit 2).
 */
class CompatCliRunIT {

    private static final String ORDER_TOOL = """
            mxcp: 1
            tool:
              name: summarize_order
              description: Summary of an order
              parameters:
                - {name: customer, type: string, description: Who orders}
                - name: order
                  description: The order
                  type: object
                  properties:
                    note: {type: string}
                    items:
                      type: array
                      items:
                        type: object
                        properties:
                          sku: {type: string}
                          qty: {type: integer}
              return: {type: object}
              source:
                code: >
                  SELECT $customer AS customer, len($order.items) AS lines, $order.items[1].sku AS first_sku,
                  list_sum(list_transform($order.items, i -> i.qty)) AS quantity, $order.note AS note
            """;

    private static final String CALLER_TOOL = """
            mxcp: 1
            tool:
              name: caller
              description: Who calls, and with which headers
              return: {type: object}
              source:
                code: >
                  SELECT get_username() AS username, get_user_email() AS email, get_user_provider() AS provider,
                  get_request_header('x-tenant') AS tenant
            """;

    private static final String ORDER_JSON = "{\"note\": \"fragile\", \"items\": [{\"sku\": \"A-1\", \"qty\": \"2\"}, "
            + "{\"sku\": \"B-2\", \"qty\": 3}]}";

    private static Mxcp mxcp;
    private static List<CommandResult> results;

    @BeforeAll
    static void runWithEveryKindOfArgument() {
        Path work = Workspace.forClass(CompatCliRunIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        ProjectFolder project = ProjectFolder.create(work, "cli-run")
                .write("tools/summarize_order.yml", ORDER_TOOL).write("tools/caller.yml", CALLER_TOOL)
                .write("args/order.json", ORDER_JSON).write("args/bad.json", "{\"note\": ")
                .write("args/user.json", "{\"username\": \"ann\", \"email\": \"ann@example.com\", \"role\": \"admin\"}");
        Path root = project.root();
        results = Batch.run(mxcp, List.of(
                Invocation.in(root, "run", "tool", "summarize_order", "-p", "customer=Ann", "-p", "order=@args/order.json",
                        "--json-output"),
                Invocation.in(root, "run", "tool", "summarize_order", "--param", "customer=Ann", "--param", "order=" + ORDER_JSON,
                        "--json-output"),
                Invocation.in(root, "run", "tool", "summarize_order", "-p", "customer=" + "x".repeat(60),
                        "-p", "order=@args/order.json"),
                Invocation.in(root, "run", "tool", "caller", "-u", "@args/user.json", "--request-headers",
                        "{\"x-tenant\": \"acme\"}", "--json-output"),
                Invocation.in(root, "run", "tool", "caller", "--json-output"),
                Invocation.in(root, "run", "tool", "summarize_order", "-p", "customer"),
                Invocation.in(root, "run", "tool", "summarize_order", "-p", "order=@args/missing.json"),
                Invocation.in(root, "run", "tool", "summarize_order", "-p", "order=@args/bad.json"),
                Invocation.in(root, "run", "tool", "caller", "-u", "{not json"),
                Invocation.in(root, "run", "tool", "caller", "--request-headers", "[1, 2]"),
                Invocation.in(root, "run", "tool", "nope", "--json-output")));
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void aNestedObjectFromAFileOrInlineJsonIsBoundAsAStruct() {
        // a SUM over integers is a HUGEINT, which reads as a float (spec 01 §3.7): 5.0
        String expected = "{\"customer\": \"Ann\", \"lines\": 2, \"first_sku\": \"A-1\", \"quantity\": 5.0, \"note\": \"fragile\"}";
        assertEquals(Outcomes.json(expected), Outcomes.result(results.get(0)));
        assertEquals(Outcomes.json(expected), Outcomes.result(results.get(1)));
    }

    @Test
    void theHeaderShowsFileArgumentsAndCutsLongValues() {
        CommandResult human = results.get(2);
        assertEquals(0, human.exitCode(), human::describe);
        assertTrue(human.stdout().contains("• customer = " + "x".repeat(47) + "...\n"), human::describe);
        assertTrue(human.stdout().contains("• order = <from file: args/order.json>"), human::describe);
        assertTrue(human.stdout().contains("📋 Result:\n{\n"), human::describe);
    }

    @Test
    void theUserContextAndHeadersReachTheSql() {
        assertEquals(Outcomes.json("{\"username\": \"ann\", \"email\": \"ann@example.com\", \"provider\": \"cli\", "
                + "\"tenant\": \"acme\"}"), Outcomes.result(results.get(3)));
        assertEquals(Outcomes.json("{\"username\": null, \"email\": null, \"provider\": null, \"tenant\": null}"),
                Outcomes.result(results.get(4)), "no --user-context: no user");
    }

    @Test
    void malformedArgumentsAreBadParameters() {
        badParameter(results.get(5), "Parameter must be in format name=value or name=@file.json: customer");
        badParameter(results.get(6), "JSON file not found: args/missing.json");
        badParameter(results.get(7), "Invalid JSON in file args/bad.json: ");
        badParameter(results.get(8), "Invalid JSON in user context: ");
        badParameter(results.get(9), "Request headers must be a JSON object");
    }

    @Test
    void anUnknownToolIsNotFound() {
        Outcomes.error(results.get(10), "Endpoint 'nope' not found in tools");
    }

    private static void badParameter(CommandResult result, String message) {
        assertEquals(2, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains("Error: Invalid value: " + message), result::describe);
    }
}
