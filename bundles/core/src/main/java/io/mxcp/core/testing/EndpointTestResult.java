package io.mxcp.core.testing;

/**
 * The tests of one endpoint file in a run over the whole project.
 *
 * @param endpoint {@code <kind>/<name>}, or the file's path when it could not be loaded
 * @param path     the file, relative to the project root
 * @param results  its tests
 */
public record EndpointTestResult(String endpoint, String path, SuiteResult results) {
}
