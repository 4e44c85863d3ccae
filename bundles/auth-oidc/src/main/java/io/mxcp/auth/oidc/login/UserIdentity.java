package io.mxcp.auth.oidc.login;

/**
 * Who a provider's user-info says the user is.
 *
 * @param userId    stable identifier at the provider
 * @param username  login name
 * @param email     e-mail address, or null
 * @param name      display name, or null
 * @param avatarUrl picture URL, or null
 */
record UserIdentity(String userId, String username, String email, String name, String avatarUrl) {
}
