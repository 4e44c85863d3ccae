package io.mxcp.mcp.api;

import io.mxcp.core.api.Project;

/**
 * The step of a reload that replaces the served project, run by {@link RunningServer#reload} while no endpoint call
 * is in flight.
 *
 * @since 1.2
 */
@FunctionalInterface
public interface ProjectSwap {

    /**
     * Shuts down what must be shut down and returns the project to serve from now on (a new one, or a fallback).
     *
     * @param current the project served until now
     * @throws Exception when nothing could replace {@code current}; it then stays served
     */
    Project swap(Project current) throws Exception;
}
