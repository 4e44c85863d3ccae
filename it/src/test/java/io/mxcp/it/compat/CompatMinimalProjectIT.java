package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.it.CommandResult;

/**
 * Spec 01 appendix C, the minimal reference project, without its Python parts (the echo tool, the on_init hook
 * and the util plugin need the Python executor): profile {@code dev}, the {@code json} extension, an {@code http}
 * secret from the user config with a {@code ${TOKEN}} reference, the add and person tools, the item resource and the
 * greet prompt.
 */
class CompatMinimalProjectIT {

    private static final String SITE = "mxcp: 1\nproject: demo\nprofile: dev\nextensions: [json]\nsecrets: [api]\n";

    private static final String USER_CONFIG = """
            mxcp: 1
            projects:
              demo:
                profiles:
                  dev:
                    secrets:
                      - name: api
                        type: http
                        parameters:
                          BEARER_TOKEN: "${TOKEN}"
            """;

    private static final String GREET = """
            mxcp: 1
            prompt:
              name: %s
              description: Greets someone
              parameters:
                - {name: who, type: string, description: Who to greet}
              messages:
                - {role: system, type: text, prompt: "You are a friendly assistant."}
                - {role: user, type: text, prompt: "Hello {{ who }}%s"}
            """;

    @RegisterExtension
    static final CompatFixture fixture = new CompatFixture();

    private static List<CommandResult> results;

    @BeforeAll
    static void runTheSmokeChecks() {
        ProjectFolder demo = ProjectFolder.createWithSite(fixture.work(), "demo", SITE)
                .write("mxcp-config.yml", USER_CONFIG)
                .write("tools/add.yml", SqlTools.adder("add"))
                .write("tools/person.yml", """
                        mxcp: 1
                        tool:
                          name: person
                          description: One person
                          parameters:
                            - {name: id, type: integer, minimum: 1, description: Person id}
                          return:
                            type: object
                            properties:
                              id: {type: integer}
                              born: {type: string, format: date}
                          source:
                            file: ../sql/person.sql
                        """)
                .write("sql/person.sql", "SELECT $id AS id, DATE '2000-01-31' AS born\n")
                .write("resources/item.yml", """
                        mxcp: 1
                        resource:
                          uri: "item://{item_id}"
                          description: One item
                          parameters:
                            - {name: item_id, type: string, description: Item id}
                          return: {type: object}
                          source:
                            code: SELECT $item_id AS id
                        """)
                .write("prompts/greet.yml", GREET.formatted("greet", ""))
                .write("prompts/greet-x.yml", GREET.formatted("greet_x", " {{ x }}"));
        Path root = demo.root();
        Map<String, String> environment = Map.of("MXCP_CONFIG", root.resolve("mxcp-config.yml").toString(), "TOKEN", "t0k");
        results = fixture.run(List.of(
                Invocation.in(root, "run", "tool", "add", "-p", "a=1", "-p", "b=2", "--json-output"),
                Invocation.in(root, "run", "tool", "person", "-p", "id=0", "--json-output"),
                Invocation.in(root, "run", "tool", "person", "-p", "id=5", "--json-output"),
                Invocation.in(root, "run", "prompt", "greet", "-p", "who=Ann", "--json-output"),
                Invocation.in(root, "run", "resource", "item://{item_id}", "-p", "item_id=42", "--json-output"),
                Invocation.in(root, "query", "SELECT name, type FROM duckdb_secrets()", "--json-output"),
                Invocation.in(root, "validate", "resources/item.yml", "--json-output"),
                Invocation.in(root, "validate", "prompts/greet-x.yml", "--json-output"))
                .stream().map(invocation -> invocation.withEnvironment(environment)).toList());
    }

    @Test
    void addReturnsAFloat() {
        assertEquals(Outcomes.json("3.0"), Outcomes.result(results.get(0)));
    }

    @Test
    void personChecksItsMinimumAndReturnsTheDateColumnAsMidnight() {
        Outcomes.error(results.get(1), "Error validating parameter 'id': Value must be >= 1.0");
        assertEquals(Outcomes.json("{\"id\": 5, \"born\": \"2000-01-31T00:00:00\"}"), Outcomes.result(results.get(2)));
    }

    @Test
    void greetRendersItsMessages() {
        assertEquals(Outcomes.json("[{\"prompt\": \"You are a friendly assistant.\", \"role\": \"system\", \"type\": \"text\"}, "
                + "{\"prompt\": \"Hello Ann\", \"role\": \"user\", \"type\": \"text\"}]"), Outcomes.result(results.get(3)));
    }

    @Test
    void itemIsReadByItsUriTemplate() {
        assertEquals(Outcomes.json("{\"id\": \"42\"}"), Outcomes.result(results.get(4)));
    }

    @Test
    void theApiSecretIsInDuckDb() {
        assertEquals(Outcomes.json("[{\"name\": \"api\", \"type\": \"http\"}]"), Outcomes.result(results.get(5)));
    }

    @Test
    void validation() {
        assertEquals(Outcomes.json("{\"status\": \"ok\", \"path\": \"resources/item.yml\"}"), Outcomes.result(results.get(6)));
        CommandResult undeclared = results.get(7);
        assertEquals(1, undeclared.exitCode(), undeclared::describe);
        JsonNode payload = undeclared.json().path("result");
        assertEquals("Message 1 uses undefined template variables: x", payload.path("message").asText(), undeclared::describe);
    }
}
