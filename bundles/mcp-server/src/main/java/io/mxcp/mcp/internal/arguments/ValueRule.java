package io.mxcp.mcp.internal.arguments;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks one JSON value against a declared type and returns it as pydantic would hand it on. */
interface ValueRule {

    /** The accepted value as a Java value of the core's argument contract; on a violation, records it and returns null. */
    Object apply(JsonNode value, Location at, Violations violations);
}
