package io.mxcp.auth.oauth2.github;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Picks the user's address from {@code GET /user/emails} when the profile shows none (the user keeps it private):
 * the primary verified one, else a verified one, else the first with an address, else none. Verified first because
 * policies and SQL treat the address as the user's.
 */
final class EmailChoice {

    private EmailChoice() {
    }

    /** The chosen address, or null; {@code emails} is the API's answer (an array of objects), or anything else. */
    static String pick(JsonNode emails) {
        if (emails == null || !emails.isArray()) {
            return null;
        }
        String verified = null;
        String first = null;
        for (JsonNode entry : emails) {
            String address = address(entry);
            if (address == null) {
                continue;
            }
            boolean isVerified = entry.path("verified").asBoolean(false);
            if (isVerified && entry.path("primary").asBoolean(false)) {
                return address;
            }
            if (isVerified && verified == null) {
                verified = address;
            }
            if (first == null) {
                first = address;
            }
        }
        return verified != null ? verified : first;
    }

    private static String address(JsonNode entry) {
        JsonNode email = entry.path("email");
        return email.isTextual() && !email.asText().isBlank() ? email.asText() : null;
    }
}
