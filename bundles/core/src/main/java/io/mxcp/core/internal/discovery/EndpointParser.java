package io.mxcp.core.internal.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.PromptMessage;
import io.mxcp.core.model.SourceDefinition;
import io.mxcp.core.model.TypeDefinition;

/** Validates a parsed endpoint document into an {@link EndpointDefinition} (spec 01 §2.1–2.9). */
public final class EndpointParser {

    private static final String[] LANGUAGES = {"sql", "python"};
    private static final String[] POLICY_ACTIONS = {"deny", "filter_fields", "mask_fields", "filter_sensitive_fields"};
    private static final String[] ANNOTATION_FLAGS = {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"};

    private EndpointParser() {
    }

    /** The document's single endpoint definition. */
    public static EndpointDefinition parse(Object document, Path file) throws SchemaException {
        StrictObject root = StrictObject.of(document, "", "EndpointDefinitionModel");
        if (root.has("mxcp")) {
            checkVersion(root.raw("mxcp"));
        }
        List<EndpointDefinition> found = new ArrayList<>();
        for (EndpointKind kind : EndpointKind.values()) {
            Object body = root.raw(kind.yamlKey());
            if (body != null) {
                found.add(component(kind, body, file));
            }
        }
        root.optionalMap("metadata");
        root.close();
        if (found.isEmpty()) {
            throw SchemaException.valueError("", "Endpoint definition must include a tool, resource, or prompt definition");
        }
        if (found.size() > 1) {
            throw SchemaException.valueError("", "Endpoint definition must contain exactly one endpoint type");
        }
        return found.get(0);
    }

    /** {@code mxcp}: any integer; a string goes through {@code int(float(s))}. */
    private static void checkVersion(Object version) throws SchemaException {
        if (version instanceof String s) {
            try {
                Double.parseDouble(s.trim());
                return;
            } catch (NumberFormatException e) {
                throw new SchemaException("mxcp", "Input should be a valid integer, unable to parse string as an integer");
            }
        }
        io.mxcp.core.internal.schema.LaxScalars.toLong(version, "mxcp");
    }

    private static EndpointDefinition component(EndpointKind kind, Object body, Path file) throws SchemaException {
        String location = kind.yamlKey();
        StrictObject o = StrictObject.of(body, location, switch (kind) {
            case TOOL -> "ToolDefinitionModel";
            case RESOURCE -> "ResourceDefinitionModel";
            case PROMPT -> "PromptDefinitionModel";
        });
        String uri = kind == EndpointKind.RESOURCE ? o.requiredString("uri") : null;
        String name = kind == EndpointKind.RESOURCE ? o.string("name", null) : o.requiredString("name");
        String description = o.string("description", null);
        List<String> tags = o.optionalStringList("tags");
        Map<String, Object> annotations = kind == EndpointKind.TOOL ? annotations(o) : null;
        List<ParameterDefinition> parameters = parameters(o);
        TypeDefinition returns = returns(o);
        String mimeType = kind == EndpointKind.RESOURCE ? o.string("mime_type", null) : null;
        List<PromptMessage> messages = kind == EndpointKind.PROMPT ? messages(o) : null;
        String language = kind == EndpointKind.PROMPT ? null : o.literal("language", "sql", LANGUAGES);
        SourceDefinition source = kind == EndpointKind.PROMPT ? null : source(o);
        boolean enabled = o.bool("enabled", true);
        List<Object> tests = tests(o);
        Map<String, Object> policies = policies(o);
        o.close();
        return new EndpointDefinition(kind, name, uri, description, tags == null ? List.of() : tags, annotations,
                parameters, returns, language, source, mimeType, messages, enabled, policies, tests, file);
    }

    private static Map<String, Object> annotations(StrictObject o) throws SchemaException {
        Object raw = o.raw("annotations");
        if (raw == null) {
            return null;
        }
        StrictObject a = StrictObject.of(raw, o.at("annotations"), "ToolAnnotationsModel");
        Map<String, Object> annotations = new LinkedHashMap<>();
        if (a.has("title") && a.raw("title") != null) {
            annotations.put("title", a.string("title", null));
        }
        for (String flag : ANNOTATION_FLAGS) {
            if (a.has(flag) && a.raw(flag) != null) {
                annotations.put(flag, a.optionalBool(flag));
            }
        }
        a.close();
        return annotations;
    }

    private static List<ParameterDefinition> parameters(StrictObject o) throws SchemaException {
        List<Object> raw = o.optionalList("parameters");
        List<ParameterDefinition> parameters = new ArrayList<>();
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                parameters.add(TypeDefinitionParser.parseParameter(raw.get(i), o.at("parameters") + "." + i));
            }
        }
        return parameters;
    }

    private static TypeDefinition returns(StrictObject o) throws SchemaException {
        if (o.has("return") && o.has("return_")) {
            // the original's field is return_ under the alias return: given both, return_ is one key too many
            throw new SchemaException(o.at("return_"), "Extra inputs are not permitted");
        }
        String key = o.has("return") ? "return" : "return_";
        Object raw = o.raw(key);
        return raw == null ? null : TypeDefinitionParser.parse(raw, o.at(key));
    }

    private static List<PromptMessage> messages(StrictObject o) throws SchemaException {
        if (!o.has("messages")) {
            throw new SchemaException(o.at("messages"), "Field required");
        }
        List<Object> raw = o.optionalList("messages");
        if (raw == null) {
            throw new SchemaException(o.at("messages"), "Input should be a valid list");
        }
        List<PromptMessage> messages = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            StrictObject m = StrictObject.of(raw.get(i), o.at("messages") + "." + i, "PromptMessageModel");
            messages.add(new PromptMessage(m.requiredString("prompt"), m.string("role", null), m.string("type", null)));
            m.close();
        }
        return messages;
    }

    private static SourceDefinition source(StrictObject o) throws SchemaException {
        if (!o.has("source")) {
            throw new SchemaException(o.at("source"), "Field required");
        }
        StrictObject s = StrictObject.of(o.raw("source"), o.at("source"), "SourceDefinitionModel");
        String code = s.string("code", null);
        String file = s.string("file", null);
        String language = s.optionalLiteral("language", LANGUAGES);
        s.close();
        boolean hasCode = code != null && !code.isEmpty();
        boolean hasFile = file != null && !file.isEmpty();
        if (hasCode == hasFile) {
            throw SchemaException.valueError(o.at("source"), "Source must provide exactly one of 'code' or 'file'");
        }
        return new SourceDefinition(hasCode ? code : null, hasFile ? file : null, language);
    }

    private static List<Object> tests(StrictObject o) throws SchemaException {
        List<Object> raw = o.optionalList("tests");
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.size(); i++) {
            StrictObject t = StrictObject.of(raw.get(i), o.at("tests") + "." + i, "TestDefinitionModel");
            t.requiredString("name");
            t.string("description", null);
            if (!t.has("arguments")) {
                throw new SchemaException(t.at("arguments"), "Field required");
            }
            List<Object> arguments = t.optionalList("arguments");
            if (arguments == null) {
                throw new SchemaException(t.at("arguments"), "Input should be a valid list");
            }
            for (int j = 0; j < arguments.size(); j++) {
                StrictObject argument = StrictObject.of(arguments.get(j), t.at("arguments") + "." + j, "TestArgumentModel");
                argument.requiredString("key");
                if (!argument.has("value")) {
                    throw new SchemaException(argument.at("value"), "Field required");
                }
                argument.raw("value");
                argument.close();
            }
            t.optionalMap("user_context");
            t.raw("result");
            t.raw("result_contains");
            t.optionalStringList("result_not_contains");
            t.raw("result_contains_item");
            t.optionalList("result_contains_all");
            t.optionalInteger("result_length", 0);
            t.string("result_contains_text", null);
            t.close();
        }
        return raw;
    }

    private static Map<String, Object> policies(StrictObject o) throws SchemaException {
        Object raw = o.raw("policies");
        if (raw == null) {
            return null;
        }
        StrictObject p = StrictObject.of(raw, o.at("policies"), "PoliciesDefinitionModel");
        for (String phase : new String[] {"input", "output"}) {
            List<Object> rules = p.optionalList(phase);
            if (rules == null) {
                continue;
            }
            for (int i = 0; i < rules.size(); i++) {
                StrictObject rule = StrictObject.of(rules.get(i), p.at(phase) + "." + i, "PolicyRuleModel");
                rule.requiredString("condition");
                if (!rule.has("action")) {
                    throw new SchemaException(rule.at("action"), "Field required");
                }
                StrictObject.literalValue(rule.raw("action"), rule.at("action"), POLICY_ACTIONS);
                rule.string("reason", null);
                rule.optionalStringList("fields");
                rule.close();
            }
        }
        p.close();
        return StrictObject.stringKeys((Map<?, ?>) raw);
    }
}
