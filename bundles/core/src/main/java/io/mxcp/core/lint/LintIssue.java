package io.mxcp.core.lint;

/**
 * One finding of {@code mxcp lint}.
 *
 * @param severity   {@code error}, {@code warning} or {@code info}
 * @param path       the endpoint file, relative to the project root
 * @param location   where in the definition, e.g. {@code tool.parameters[0].description}
 * @param message    what is missing
 * @param suggestion what to add
 */
public record LintIssue(String severity, String path, String location, String message, String suggestion) {
}
