package io.mxcp.mcp.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Which refusals are recorded: a burst per client, then one a second, the rest counted into the next record. */
class RefusalBudgetTest {

    private final AtomicLong now = new AtomicLong();
    private final RefusalBudget budget = new RefusalBudget(now::get);

    @Test
    void aBurstIsRecordedThenOneASecondCarryingTheCountOfThoseLeftOut() {
        for (int i = 0; i < RefusalBudget.BURST; i++) {
            assertEquals(0, budget.admit("10.0.0.1"));
        }
        for (int i = 0; i < 7; i++) {
            assertEquals(-1, budget.admit("10.0.0.1"), "over the burst: counted, not recorded");
        }
        assertEquals(0, budget.admit("10.0.0.2"), "another client has its own budget");
        now.addAndGet(1_000_000_000L);
        assertEquals(7, budget.admit("10.0.0.1"), "the next record carries the seven left out");
        assertEquals(-1, budget.admit("10.0.0.1"));
        now.addAndGet(1_000_000_000L);
        assertEquals(1, budget.admit("10.0.0.1"));
    }

    @Test
    void refusalsAdmittedButNotTakenCountTowardTheNextRecord() {
        assertEquals(0, budget.admit("10.0.0.1"));
        budget.unrecorded("10.0.0.1", 4);
        assertEquals(4, budget.admit("10.0.0.1"));
        assertEquals(0, budget.admit("10.0.0.1"));
    }
}
