package io.mxcp.cli.input;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CommandFailure;

/**
 * Parses {@code --param} arguments: split at the first {@code =}; the value stays a string (the endpoint's
 * type system converts it) unless it is {@code @path}, whose JSON content is passed instead. A repeated
 * name keeps its last value.
 */
public final class ParamParser {

    private static final int DISPLAY_LIMIT = 50;

    private ParamParser() {
    }

    public static Map<String, CommandParameter> parse(List<String> arguments, Path workingDirectory)
            throws CommandFailure {
        Map<String, CommandParameter> parameters = new LinkedHashMap<>();
        for (String argument : arguments) {
            CommandParameter parameter = parseOne(argument, workingDirectory);
            parameters.remove(parameter.name());
            parameters.put(parameter.name(), parameter);
        }
        return parameters;
    }

    /** The values to pass to the endpoint, by name. */
    public static Map<String, Object> values(Map<String, CommandParameter> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> values.put(name, parameter.value()));
        return values;
    }

    static CommandParameter parseOne(String argument, Path workingDirectory) throws CommandFailure {
        int equals = argument.indexOf('=');
        if (equals < 0) {
            throw CommandFailure.badParameter("Parameter must be in format name=value or name=@file.json: " + argument);
        }
        String name = argument.substring(0, equals);
        String value = argument.substring(equals + 1);
        if (value.startsWith("@")) {
            String path = value.substring(1);
            return new CommandParameter(name, JsonFile.read(path, workingDirectory, null), "<from file: " + path + ">");
        }
        return new CommandParameter(name, value, abbreviate(value));
    }

    private static String abbreviate(String value) {
        return value.length() > DISPLAY_LIMIT ? value.substring(0, DISPLAY_LIMIT - 3) + "..." : value;
    }
}
