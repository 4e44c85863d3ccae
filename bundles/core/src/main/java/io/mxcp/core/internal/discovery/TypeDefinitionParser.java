package io.mxcp.core.internal.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/** Parses a TypeDef (spec 01 §3.1) and a parameter (TypeDef plus name, §2.7). */
final class TypeDefinitionParser {

    static final String[] TYPES = {"string", "number", "integer", "boolean", "array", "object"};
    static final String[] FORMATS = {"email", "uri", "date", "time", "date-time", "duration", "timestamp"};

    private TypeDefinitionParser() {
    }

    static TypeDefinition parse(Object raw, String location) throws SchemaException {
        StrictObject object = StrictObject.of(raw, location, "TypeDefinitionModel");
        TypeDefinition type = fields(object);
        object.close();
        return type;
    }

    static ParameterDefinition parseParameter(Object raw, String location) throws SchemaException {
        StrictObject object = StrictObject.of(raw, location, "ParamDefinitionModel");
        String name = object.requiredString("name");
        checkName(name, object.at("name"));
        TypeDefinition type = fields(object);
        object.close();
        return new ParameterDefinition(name, type);
    }

    private static void checkName(String name, String location) throws SchemaException {
        if (name.isEmpty()) {
            throw SchemaException.valueError(location, "Parameter name cannot be empty");
        }
        int first = name.codePointAt(0);
        if (!Character.isLetter(first) && first != '_') {
            throw SchemaException.valueError(location, "Parameter name must start with a letter or underscore");
        }
        boolean valid = name.codePoints().allMatch(c -> isPythonAlnum(c) || c == '_');
        if (!valid) {
            throw SchemaException.valueError(location,
                    "Parameter name must contain only alphanumeric characters or underscores");
        }
    }

    /** Python's {@code str.isalnum} for one character: letters, and digits and numbers of any kind ({@code ²}, {@code Ⅷ}). */
    private static boolean isPythonAlnum(int c) {
        return Character.isLetter(c) || switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static TypeDefinition fields(StrictObject o) throws SchemaException {
        if (!o.has("type")) {
            throw new SchemaException(o.at("type"), "Field required");
        }
        String type = StrictObject.literalValue(o.raw("type"), o.at("type"), TYPES);
        String format = o.optionalLiteral("format", FORMATS);
        o.string("name", null);
        String description = o.string("description", null);
        boolean hasDefault = o.has("default");
        Object defaultValue = o.raw("default");
        List<Object> examples = o.optionalList("examples");
        List<Object> enumValues = o.optionalList("enum");
        boolean sensitive = o.bool("sensitive", false);
        Integer minLength = o.optionalInteger("minLength", 0);
        Integer maxLength = o.optionalInteger("maxLength", 0);
        String pattern = o.string("pattern", null);
        Double minimum = o.optionalNumber("minimum");
        Double maximum = o.optionalNumber("maximum");
        Double exclusiveMinimum = o.optionalNumber("exclusiveMinimum");
        Double exclusiveMaximum = o.optionalNumber("exclusiveMaximum");
        Double multipleOf = o.optionalNumber("multipleOf");
        Integer minItems = o.optionalInteger("minItems", 0);
        Integer maxItems = o.optionalInteger("maxItems", 0);
        Boolean uniqueItems = o.optionalBool("uniqueItems");
        Object itemsRaw = o.raw("items");
        TypeDefinition items = itemsRaw == null ? null : parse(itemsRaw, o.at("items"));
        Map<String, TypeDefinition> properties = properties(o);
        List<String> required = o.optionalStringList("required");
        Boolean additionalProperties = o.optionalBool("additionalProperties");
        return new TypeDefinition(type, format, description, hasDefault, defaultValue, examples, enumValues,
                sensitive, minLength, maxLength, pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum,
                multipleOf, minItems, maxItems, uniqueItems, items, properties, required, additionalProperties);
    }

    private static Map<String, TypeDefinition> properties(StrictObject o) throws SchemaException {
        Map<String, Object> raw = o.optionalMap("properties");
        if (raw == null) {
            return null;
        }
        Map<String, TypeDefinition> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            properties.put(entry.getKey(), parse(entry.getValue(), o.at("properties") + "." + entry.getKey()));
        }
        return properties;
    }
}
