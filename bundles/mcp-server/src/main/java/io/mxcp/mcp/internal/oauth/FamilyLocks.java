package io.mxcp.mcp.internal.oauth;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the refreshes of one token family: of two refreshes racing with the same refresh token, only one asks
 * the provider; the other then finds the token rotated and is answered as its retry. Without it both would refresh
 * upstream with the same upstream refresh token, which providers that rotate theirs (Keycloak, Atlassian) treat as a
 * replay and answer by revoking the user's grant. Striped: families share a fixed set of locks.
 */
final class FamilyLocks {
    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    FamilyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String family) {
        return locks[Math.floorMod(family.hashCode(), STRIPES)];
    }
}
