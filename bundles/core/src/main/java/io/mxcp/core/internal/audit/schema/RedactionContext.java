package io.mxcp.core.internal.audit.schema;

/**
 * What one record's redactions are told and asked: the values they hide (to take them out of the record's texts
 * too), and whether a value is already masked as {@code sensitive} — such a value is left as it is, so that its HMAC
 * stays whole ({@code mxcp log --hmac-of} finds it) instead of a redaction cutting the HMAC into something that looks
 * like the value's own characters.
 */
public interface RedactionContext {

    /** A context that keeps nothing apart and is told nothing. */
    RedactionContext NONE = new RedactionContext() {
        @Override
        public boolean masked(Object value) {
            return false;
        }

        @Override
        public void hidden(Object value) {
        }
    };

    /** Whether the value is what a sensitive value was masked as. */
    boolean masked(Object value);

    /** Notes a value a redaction replaced. */
    void hidden(Object value);
}
