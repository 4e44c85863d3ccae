package io.mxcp.mcp.internal.oauth.store;

/**
 * A stored row could not be decoded or decrypted: the store reports the entry absent (fail closed). The message
 * says what was wrong and never quotes a stored value.
 */
final class UnreadableRowException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableRowException(String message) {
        super(message);
    }
}
