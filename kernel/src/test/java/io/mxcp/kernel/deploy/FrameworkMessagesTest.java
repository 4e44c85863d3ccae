package io.mxcp.kernel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class FrameworkMessagesTest {

    @Test
    void theReasonTheFrameworkWrapsIsShownAfterItsMessage() {
        BundleException activator = new BundleException("Activator start error in bundle t.actthrows [25].",
                BundleException.ACTIVATOR_ERROR, new IllegalStateException("activator exploded on purpose"));
        assertEquals("Activator start error in bundle t.actthrows [25]. IllegalStateException: activator exploded on "
                + "purpose", FrameworkMessages.of(activator));

        BundleException plain = new BundleException("Unresolved constraint");
        assertEquals("Unresolved constraint", FrameworkMessages.of(plain));
    }
}
