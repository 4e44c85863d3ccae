package io.mxcp.cli.admin;

/** A route's answer that is an HTML page rather than JSON. */
record HtmlPage(String html) {
}
