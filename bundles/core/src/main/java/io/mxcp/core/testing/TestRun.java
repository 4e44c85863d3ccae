package io.mxcp.core.testing;

import java.util.List;

/**
 * The tests of every endpoint of a project.
 *
 * @param status    {@code ok}, {@code failed} or {@code error}, the worst of the endpoints'
 * @param testsRun  how many tests ran in all
 * @param endpoints each endpoint file's tests, in discovery order
 */
public record TestRun(String status, int testsRun, List<EndpointTestResult> endpoints) {

    public TestRun {
        endpoints = List.copyOf(endpoints);
    }
}
