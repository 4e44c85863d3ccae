package io.mxcp.sdk.exec;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An endpoint asked the MCP client for input of a kind the client did not declare ({@link ClientInput#supports}).
 * A 2026-07-28 request is refused with error -32021 naming the capabilities; an older one gets a tool error with
 * this message.
 */
public class MissingClientCapabilityException extends EndpointExecutionException {
    private static final long serialVersionUID = 1L;

    private final transient Set<String> capabilities;

    /** @param capabilities the undeclared capabilities the asks need ({@code elicitation}, {@code sampling}, {@code roots}) */
    public MissingClientCapabilityException(Set<String> capabilities) {
        super("the endpoint asked the MCP client for input, but the client did not declare the "
                + String.join(" and ", capabilities) + " capabilit" + (capabilities.size() == 1 ? "y" : "ies"));
        this.capabilities = Collections.unmodifiableSet(new LinkedHashSet<>(capabilities));
    }

    /** The undeclared capabilities, in the order the asks named them. */
    public Set<String> capabilities() {
        return capabilities;
    }

    /** The missing capability in a failure's cause chain, or null. */
    public static MissingClientCapabilityException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingClientCapabilityException missing) {
                return missing;
            }
        }
        return null;
    }
}
