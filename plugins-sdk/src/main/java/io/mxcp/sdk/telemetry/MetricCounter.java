package io.mxcp.sdk.telemetry;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** A metric instrument that sums the amounts added, per distinct set of attributes. */
@ConsumerType
public interface MetricCounter {

    /** Adds an amount (negative only for an up-down counter) to the series the attributes name. */
    void add(long amount, Map<String, String> attributes);
}
