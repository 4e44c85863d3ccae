package io.mxcp.cli.command;

import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads one word of a fixed set; anything else is a usage error naming the choices (picocli: exit 2). */
abstract class ChoiceConverter implements ITypeConverter<String> {

    private final List<String> choices;

    ChoiceConverter(String... choices) {
        this.choices = List.of(choices);
    }

    @Override
    public String convert(String value) {
        if (choices.contains(value)) {
            return value;
        }
        throw new TypeConversionException("'" + value + "' is not one of "
                + choices.stream().map(choice -> "'" + choice + "'").collect(Collectors.joining(", ")));
    }
}
