package io.mxcp.mcp.internal.oauth;

/**
 * The two kinds of pending authorization a state names: one waiting for the user's consent (its state travels in
 * the consent page only) and one sent on to the provider (its state comes back at the callback). The kind is part
 * of the state, so the callback never takes a request the user has not allowed, and the consent form never takes
 * one that went to the provider.
 */
final class PendingStates {
    private static final String AWAITING_CONSENT = "consent.";

    private PendingStates() {
    }

    static String awaitingConsent() {
        return AWAITING_CONSENT + Randoms.urlSafe(16);
    }

    static String sentToProvider() {
        return Randoms.urlSafe(16);
    }

    static boolean awaitsConsent(String state) {
        return state.startsWith(AWAITING_CONSENT);
    }
}
