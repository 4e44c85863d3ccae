package io.mxcp.core.drift;

import io.mxcp.core.internal.drift.ResourceComparison;
import io.mxcp.core.internal.drift.TableComparison;
import io.mxcp.core.internal.drift.Timestamps;

/** Compares a baseline snapshot with the current one (spec 02 reference §6.2). */
public final class DriftComparison {

    private DriftComparison() {
    }

    /**
     * Tables are matched by name, endpoint files by path (a renamed file is one removed and one added).
     *
     * @param baselinePath the baseline's file, as the report names it
     */
    public static DriftReport compare(DriftSnapshot baseline, String baselinePath, DriftSnapshot current) {
        return new DriftReport(Timestamps.now(), baselinePath, current.generatedAt(), baseline.generatedAt(),
                TableComparison.changes(baseline.tables(), current.tables()),
                ResourceComparison.changes(baseline.resources(), current.resources()));
    }
}
