package io.mxcp.cli.input;

/**
 * One {@code --param name=value}: the value passed to the endpoint (a string, or the parsed JSON of an
 * {@code @file}) and how the run header shows it.
 */
public record CommandParameter(String name, Object value, String display) {
}
