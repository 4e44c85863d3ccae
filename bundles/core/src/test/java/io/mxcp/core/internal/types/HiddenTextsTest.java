package io.mxcp.core.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hidden values taken out of a record's texts where they stand whole. */
class HiddenTextsTest {

    @Test
    void aHiddenValueIsReplacedWhereItStandsWholeAndNowhereElse() {
        HiddenTexts hidden = new HiddenTexts();
        hidden.add(Map.of("email", "ann@example.com", "card", List.of(4111222233334444L)));
        hidden.add(1000L);
        hidden.add("abc"); // too short to take out
        hidden.add(true);

        assertEquals("Invalid email format: [REDACTED]", hidden.scrub("Invalid email format: ann@example.com"));
        assertEquals("card [REDACTED] refused", hidden.scrub("card 4111222233334444 refused"));
        assertEquals("amount [REDACTED] must be below 10000", hidden.scrub("amount 1000 must be below 10000"));
        assertEquals("abc is True", hidden.scrub("abc is True"));
        assertNull(hidden.scrub(null));
    }

    @Test
    void aQuotedValueMadeFromAHiddenOneIsReplacedWholeAndCaseDoesNotCount() {
        HiddenTexts hidden = new HiddenTexts();
        hidden.add("hunter9secret");
        assertEquals("Conversion Error: Could not convert string '[REDACTED]' to INT32",
                hidden.scrub("Conversion Error: Could not convert string 'HUNTER9SECRETunter9secret' to INT32"));
        assertEquals("bad \"[REDACTED]\" and [REDACTED]", hidden.scrub("bad \"ter9se\" and HUNTER9SECRET"));
        assertEquals("Could not convert string 'hunt' to INT32",
                hidden.scrub("Could not convert string 'hunt' to INT32"), "fewer than six of its characters give nothing away");
    }

    @Test
    void theLongerOfTwoOverlappingValuesIsReplacedWhole() {
        HiddenTexts hidden = new HiddenTexts();
        hidden.add("secret");
        hidden.add("secret-token-123");
        assertEquals("bad token [REDACTED]", hidden.scrub("bad token secret-token-123"));
    }
}
