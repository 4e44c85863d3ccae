package io.mxcp.mcp.internal.oauth;

/** What the authorization server shows the user's browser: a redirect, or the consent page. */
public sealed interface BrowserAnswer permits Redirect, ConsentPage {
}
