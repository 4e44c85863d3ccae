package io.mxcp.core.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.mxcp.core.internal.types.ArgumentValidator;
import io.mxcp.core.internal.types.InvalidArgumentException;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.PromptMessage;
import io.mxcp.core.model.TypeDefinition;

/**
 * The metadata rules of {@code mxcp lint} (spec 02b §2, reference §4.1) over one loaded endpoint, in the reference's
 * order: description, tags, tests, parameters (with their nested types), return type, annotations. A value is
 * missing when absent or empty. No database is touched.
 */
public final class EndpointLinter {

    private static final String ERROR = "error";
    private static final String WARNING = "warning";
    private static final String INFO = "info";
    /** The roles spec 01 names; MCP itself has only user and assistant. */
    private static final Set<String> KNOWN_ROLES = Set.of("user", "assistant", "system");

    private final String path;
    private final List<LintIssue> issues = new ArrayList<>();

    private EndpointLinter(String path) {
        this.path = path;
    }

    /** The issues of a loaded endpoint file. */
    public static List<LintIssue> lint(DiscoveredEndpoint endpoint) {
        EndpointLinter linter = new EndpointLinter(endpoint.relativePath());
        linter.endpoint(endpoint.definition());
        return List.copyOf(linter.issues);
    }

    private void endpoint(EndpointDefinition definition) {
        EndpointKind kind = definition.kind();
        String t = kind.yamlKey();
        String label = t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
        if (missing(definition.description())) {
            add(WARNING, t + ".description", label + " is missing a description",
                    "Add a 'description' field to help LLMs understand what this endpoint does");
        }
        if (missing(definition.tags())) {
            add(INFO, t + ".tags", label + " has no tags",
                    "Consider adding tags to help categorize and discover this endpoint");
        }
        if (kind != EndpointKind.PROMPT) {
            tests(t, label, definition.tests());
        }
        List<ParameterDefinition> parameters = definition.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            parameter(t + ".parameters[" + i + "]", parameters.get(i), kind != EndpointKind.PROMPT);
        }
        if (kind != EndpointKind.PROMPT && definition.returns() != null) {
            if (missing(definition.returns().description())) {
                add(WARNING, t + ".return.description", "Return type is missing a description",
                        "Add a 'description' field to help LLMs understand the output format");
            }
            nested(t + ".return", definition.returns());
        }
        if (kind == EndpointKind.PROMPT) {
            promptParameters(parameters);
            roles(definition.messages());
        }
        if (kind == EndpointKind.TOOL && !hasAnnotation(definition.annotations())) {
            add(INFO, "tool.annotations", "Tool has no behavioral annotations",
                    "Consider adding annotations like readOnlyHint, idempotentHint to help LLMs use the tool safely");
        }
    }

    /**
     * Ours: MCP prompt arguments are strings (the SDK clients type them so, and a JSON text is not converted, as in the
     * original), so no MCP client can give an array or object parameter of a prompt.
     */
    private void promptParameters(List<ParameterDefinition> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            String type = parameters.get(i).type().type();
            if ("array".equals(type) || "object".equals(type)) {
                add(WARNING, "prompt.parameters[" + i + "].type", "Parameter '" + parameters.get(i).name() + "' is of"
                        + " type " + type + ", which MCP clients cannot send: prompt arguments are strings",
                        "Take a string (a comma-separated list, say) and split it in the template");
            }
        }
    }

    /** Ours: a role MCP does not have reaches clients as {@code user}, so a mistyped {@code Assistant} would too. */
    private void roles(List<PromptMessage> messages) {
        for (int i = 0; messages != null && i < messages.size(); i++) {
            String role = messages.get(i).role();
            if (role != null && !KNOWN_ROLES.contains(role)) {
                add(WARNING, "prompt.messages[" + i + "].role", "Message " + i + " has role '" + role + "', which MCP"
                        + " clients receive as 'user'", "Use 'user' or 'assistant' ('system' is sent as 'user' too)");
            }
        }
    }

    private void tests(String t, String label, List<Object> tests) {
        if (missing(tests)) {
            add(WARNING, t + ".tests", label + " has no tests defined",
                    "Add at least one test case to ensure the endpoint works correctly");
            return;
        }
        for (int i = 0; i < tests.size(); i++) {
            Map<?, ?> test = (Map<?, ?>) tests.get(i);
            if (missing(test.get("description"))) {
                add(INFO, t + ".tests[" + i + "].description", "Test '" + test.get("name") + "' is missing a description",
                        "Add a 'description' field to explain what this test validates");
            }
        }
    }

    private void parameter(String base, ParameterDefinition parameter, boolean withNestedTypes) {
        TypeDefinition type = parameter.type();
        String name = parameter.name();
        if (missing(type.description())) {
            add(ERROR, base + ".description", "Parameter '" + name + "' is missing a description",
                    "Add a 'description' field to explain what this parameter does");
        }
        if (missing(type.examples())) {
            add(INFO, base + ".examples", "Parameter '" + name + "' has no examples",
                    "Consider adding an 'examples' array to help LLMs understand valid inputs");
        }
        if (!type.hasDefault()) {
            add(INFO, base + ".default", "Parameter '" + name + "' has no default value",
                    "Consider adding a 'default' value for optional parameters");
        } else {
            defaultTakenAsACallWouldTakeIt(base, parameter);
        }
        if (withNestedTypes) {
            nested(base, type);
        }
    }

    /**
     * Ours, not the reference's: a default is converted like a value sent (spec 01 §3.3), so one its own type refuses
     * (an unquoted YAML date for a {@code format: date} string, {@code null} outside an enum) fails every call that
     * leaves the parameter out, while validate and serve say nothing of it.
     */
    private void defaultTakenAsACallWouldTakeIt(String base, ParameterDefinition parameter) {
        try {
            ArgumentValidator.validate(List.of(parameter), Map.of());
        } catch (InvalidArgumentException e) {
            add(WARNING, base + ".default", "Parameter '" + parameter.name() + "' has a default its own type refuses: "
                    + e.getMessage(), "Every call that leaves the parameter out fails so; fix the default (a date in"
                    + " YAML needs quotes: '2024-01-15')");
        }
    }

    /** Array items and object properties, recursively: each needs a description of its own. */
    private void nested(String base, TypeDefinition type) {
        if ("array".equals(type.type()) && type.items() != null) {
            String location = base + ".items";
            typeDescription(location, type.items());
            nested(location, type.items());
        } else if ("object".equals(type.type()) && type.properties() != null) {
            for (Map.Entry<String, TypeDefinition> property : type.properties().entrySet()) {
                String location = base + ".properties." + property.getKey();
                if (missing(property.getValue().description())) {
                    add(WARNING, location, "Property '" + property.getKey() + "' is missing a description",
                            "Add a 'description' field to help LLMs understand this property");
                }
                typeDescription(location, property.getValue());
                nested(location, property.getValue());
            }
        }
    }

    private void typeDescription(String location, TypeDefinition type) {
        if (missing(type.description())) {
            add(WARNING, location, "Type '" + type.type() + "' is missing a description",
                    "Add a 'description' field to help LLMs understand this type");
        }
    }

    private static boolean hasAnnotation(Map<String, Object> annotations) {
        return annotations != null && annotations.values().stream().anyMatch(Objects::nonNull);
    }

    private static boolean missing(Object value) {
        return switch (value) {
            case null -> true;
            case String text -> text.isEmpty();
            case Collection<?> collection -> collection.isEmpty();
            case Map<?, ?> map -> map.isEmpty();
            default -> false;
        };
    }

    private void add(String severity, String location, String message, String suggestion) {
        issues.add(new LintIssue(severity, path, location, message, suggestion));
    }
}
