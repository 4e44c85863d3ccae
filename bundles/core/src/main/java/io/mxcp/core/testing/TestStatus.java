package io.mxcp.core.testing;

import java.util.List;

/** How statuses combine: {@code error} beats {@code failed}, which beats {@code ok}. */
final class TestStatus {

    private TestStatus() {
    }

    static String worst(List<String> statuses) {
        return statuses.contains("error") ? "error" : statuses.contains("failed") ? "failed" : "ok";
    }
}
