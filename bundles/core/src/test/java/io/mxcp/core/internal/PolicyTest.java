package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.EndpointException.Reason;
import io.mxcp.core.api.Project;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.auth.UserContext;

/** Endpoint policies (spec 03 §2) through the whole pipeline, with the executor's calls recorded. */
class PolicyTest {

    @TempDir
    Path dir;

    private ProjectFixture f;
    private final List<String> ran = new ArrayList<>();

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/pay.yml", """
                        tool:
                          name: pay
                          parameters: [{name: amount, type: number}, {name: note, type: string, default: none}]
                          return: {type: object}
                          source: {code: "SELECT 1"}
                          policies:
                            input:
                              - {condition: "user.role == 'anonymous'", action: deny, reason: "Sign in to pay"}
                              - {condition: "amount > 1000 && !('approve_large' in user.permissions)", action: deny}
                              - {condition: "user.security_clearance > 3", action: deny, reason: "never: no such key"}
                              - {condition: "note == 'none'", action: filter_fields, fields: [x]}
                        """)
                .write("tools/people.yml", """
                        tool:
                          name: people
                          return:
                            type: array
                            items:
                              type: object
                              properties:
                                name: {type: string}
                                ssn: {type: string, sensitive: true}
                                card: {type: object, properties: {number: {type: string, sensitive: true}, brand: {type: string}}}
                          source: {code: "SELECT 1"}
                          policies:
                            output:
                              - {condition: "user.role != 'admin'", action: filter_sensitive_fields}
                              - {condition: "size(response) > 1", action: mask_fields, fields: [name, absent]}
                              - {condition: "response[0].name == 'Ann'", action: filter_fields, fields: [extra]}
                        """)
                .write("tools/secret.yml", """
                        tool:
                          name: secret
                          return: {type: object}
                          source: {code: "SELECT 1"}
                          policies:
                            output:
                              - {condition: "response.level >= 5", action: deny}
                        """);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            ran.add(source.name());
            return switch (source.name()) {
                case "people" -> List.of(
                        row("name", "Ann", "ssn", "1", "card", row("number", "4111", "brand", "visa"), "extra", 1),
                        row("name", "Bob", "ssn", "2", "card", null));
                case "secret" -> List.of(row("level", args.isEmpty() ? 7 : 1));
                case "by_id" -> List.of(row("id", args.get("id")));
                default -> List.of(row("paid", args.get("amount")));
            };
        }));
    }

    @Test
    void anInputDenyStopsTheCallBeforeItRuns() throws Exception {
        try (Project project = f.open()) {
            EndpointException denied = refused(project, "pay", Map.of("amount", 5), anonymous());
            assertEquals(Reason.POLICY_DENIED, denied.reason());
            assertEquals("Policy enforcement failed: Sign in to pay", denied.getMessage());

            EndpointException large = refused(project, "pay", Map.of("amount", 1500.5), as(Map.of("role", "clerk")));
            assertEquals("Policy enforcement failed: Access denied by policy", large.getMessage());
            assertEquals(List.of(), ran);

            // a condition that fails to evaluate (no such key) counts as false; other actions do nothing on input
            assertEquals(Map.of("paid", 1500.5), project.execute(EndpointKind.TOOL, "pay", Map.of("amount", 1500.5),
                    as(Map.of("role", "clerk", "permissions", List.of("approve_large")))));
            assertEquals(Map.of("paid", 20.0), project.execute(EndpointKind.TOOL, "pay", Map.of("amount", 20),
                    as(Map.of())));
            assertEquals(List.of("pay", "pay"), ran);
        }
    }

    @Test
    void argumentsGivenAsTextOnTheCommandLineMeetTheRulesAsAClientsTypedValuesDo() throws Exception {
        f.write("tools/by_id.yml", """
                tool:
                  name: by_id
                  parameters:
                    - {name: id, type: integer}
                    - {name: tags, type: array, items: {type: string}, default: []}
                    - {name: label, type: string, default: "3"}
                  return: {type: object}
                  source: {code: "SELECT 1"}
                  policies:
                    input:
                      - {condition: "id == 3", action: deny, reason: "id 3 is secret"}
                      - {condition: "'admin' in tags", action: deny, reason: "no admin tag"}
                      - {condition: "label == 3", action: deny, reason: "a string stays a string"}
                """);
        try (Project project = f.open()) {
            assertEquals("Policy enforcement failed: id 3 is secret",
                    refused(project, "by_id", Map.of("id", "3"), as(Map.of())).getMessage(), "mxcp run --param id=3");
            assertEquals("Policy enforcement failed: id 3 is secret",
                    refused(project, "by_id", Map.of("id", 3), as(Map.of())).getMessage(), "an MCP client's id: 3");
            assertEquals("Policy enforcement failed: no admin tag",
                    refused(project, "by_id", Map.of("id", "1", "tags", "[\"admin\"]"), as(Map.of())).getMessage());
            assertEquals(Map.of("id", 1L), project.execute(EndpointKind.TOOL, "by_id", Map.of("id", "1"),
                    as(Map.of())), "the endpoint still gets the converted value");
            assertEquals(Reason.INVALID_ARGUMENTS,
                    refused(project, "by_id", Map.of("id", "1e400"), as(Map.of())).reason(),
                    "text beyond a double stays text for the rules, and conversion refuses it");
        }
    }

    @Test
    void aRuleOnAnArgumentTheCallLacksCountsAsFalseAndTheCallIsToldWhatIsMissing() throws Exception {
        f.write("tools/salary.yml", """
                tool:
                  name: salary
                  parameters: [{name: who, type: string}, {name: amount, type: integer}]
                  return: {type: object}
                  source: {code: "SELECT 1"}
                  policies:
                    input:
                      - {condition: "who == 'ceo' && user.role != 'board'", action: deny, reason: "Private"}
                      - {condition: "amount == 12345", action: deny, reason: "Not that amount"}
                """);
        try (Project project = f.open()) {
            EndpointException missing = refused(project, "salary", Map.of(), as(Map.of("role", "hr")));
            assertEquals("Required parameter missing: who", missing.getMessage());
            assertEquals("Policy enforcement failed: Not that amount", refused(project, "salary",
                    Map.of("who", "ann", "amount", 12345), as(Map.of("role", "hr"))).getMessage(),
                    "a rule on present arguments still holds");
        }
    }

    @Test
    void inputRulesSeeTheCapabilitiesTheUsersClaimsMapTo() throws Exception {
        f.write("tools/vault.yml", """
                tool:
                  name: vault
                  return: {type: object}
                  source: {code: "SELECT 1"}
                  policies:
                    input:
                      - {condition: "!('vault' in user.capabilities)", action: deny, reason: "Vault access only"}
                """);
        try (Project project = f.open()) {
            UserContext keyHolder = new UserContext("k", "k", null, null, null, "oidc", List.of(), null, Map.of(),
                    List.of("read", "vault"));
            project.execute(EndpointKind.TOOL, "vault", Map.of(), new CallOptions(keyHolder, Map.of(), null, false));
            assertEquals(List.of("vault"), ran);
            EndpointException denied = refused(project, "vault", Map.of(), as(Map.of("role", "admin")));
            assertEquals("Policy enforcement failed: Vault access only", denied.getMessage());
            assertEquals(List.of("vault"), ran, "the denied call did not run");
        }
    }

    @Test
    void outputRulesFilterMaskAndRemoveSensitiveValues() throws Exception {
        try (Project project = f.open()) {
            // Bob's card is a NULL the data holds, not a sensitive value: it stays
            assertEquals(List.of(row("name", "****", "card", row("brand", "visa")), row("name", "****", "card", null)),
                    project.execute(EndpointKind.TOOL, "people", Map.of(), anonymous()));
            // every rule sees the original response; the admin keeps sensitive values, and masking is still applied
            assertEquals(List.of(row("name", "****", "ssn", "1", "card", row("number", "4111", "brand", "visa")),
                    row("name", "****", "ssn", "2", "card", null)),
                    project.execute(EndpointKind.TOOL, "people", Map.of(), as(Map.of("role", "admin"))));
        }
    }

    @Test
    void anOutputDenyFailsTheCallAfterItRan() throws Exception {
        try (Project project = f.open()) {
            EndpointException denied = refused(project, "secret", Map.of(), anonymous());
            assertEquals("Output policy enforcement failed: Output blocked by policy", denied.getMessage());
            assertEquals(List.of("secret"), ran);
        }
    }

    @Test
    void validateReportsAConditionThatDoesNotCompile() throws Exception {
        f.write("tools/broken.yml", """
                tool:
                  name: broken
                  parameters: [{name: a, type: string}]
                  source: {code: "SELECT 1"}
                  policies:
                    input: [{condition: "a == 'x'", action: deny}, {condition: "response.x == 1", action: deny}]
                """);
        try (Project project = f.open()) {
            String message = project.validate(dir.resolve("tools/broken.yml")).message();
            assertEquals("Policy input[1] condition 'response.x == 1' does not compile: undeclared reference to "
                    + "'response'", message);
            assertTrue(project.validate(dir.resolve("tools/pay.yml")).valid());
        }
    }

    /** The refusal of a call to one of the project's tools. */
    private static EndpointException refused(Project project, String tool, Map<String, Object> arguments,
            CallOptions options) {
        return assertThrows(EndpointException.class,
                () -> project.execute(EndpointKind.TOOL, tool, arguments, options));
    }

    private static CallOptions anonymous() {
        return new CallOptions(null, Map.of(), null, false);
    }

    private static CallOptions as(Map<String, Object> profile) {
        return new CallOptions(new UserContext("u1", "u1", null, null, null, "cli", List.of(), null, profile), Map.of(),
                null, false);
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }
}
