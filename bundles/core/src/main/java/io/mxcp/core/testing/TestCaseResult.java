package io.mxcp.core.testing;

/**
 * The outcome of one test of an endpoint.
 *
 * @param name        the test's name
 * @param description the test's description, or empty
 * @param status      {@code passed}, {@code failed} (an assertion did not hold) or {@code error} (the call failed)
 * @param error       the failed assertion's or the call's message, or null when passed
 * @param errorCause  the message of the failure's cause, or null
 * @param seconds     how long the test took
 */
public record TestCaseResult(String name, String description, String status, String error, String errorCause,
        double seconds) {

    public boolean passed() {
        return "passed".equals(status);
    }
}
