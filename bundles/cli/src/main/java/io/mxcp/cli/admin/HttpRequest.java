package io.mxcp.cli.admin;

import java.util.Map;

/**
 * One HTTP request read from the admin socket; the body is read and dropped (no route takes one).
 *
 * @param method the method, as sent (upper case by HTTP's rules)
 * @param path   the decoded path, without the query
 * @param query  the decoded query parameters; the first of repeated names wins
 */
record HttpRequest(String method, String path, Map<String, String> query) {
}
