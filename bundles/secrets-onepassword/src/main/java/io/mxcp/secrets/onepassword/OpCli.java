package io.mxcp.secrets.onepassword;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code op read --no-newline <reference>} of the 1Password CLI with a service account's token
 * ({@code OP_SERVICE_ACCOUNT_TOKEN} in its environment), within a time limit.
 */
final class OpCli {

    /** Where the CLI is documented, for the operator who has not installed it. */
    static final String INSTALL = "https://developer.1password.com/docs/cli/get-started/";
    private static final long TIME_LIMIT_SECONDS = 30;

    private final String executable;

    /** @param executable {@code op}, looked up on the {@code PATH}, or a path to it */
    OpCli(String executable) {
        this.executable = executable;
    }

    /**
     * The secret's value.
     *
     * @throws IOException naming why it could not be read: the CLI's own words, a missing CLI, a time-out
     */
    String read(String secretReference, String serviceAccountToken) throws IOException {
        ProcessBuilder command = new ProcessBuilder(executable, "read", "--no-newline", secretReference)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        command.environment().put("OP_SERVICE_ACCOUNT_TOKEN", serviceAccountToken);
        Process op;
        try {
            op = command.start();
        } catch (IOException e) {
            throw new IOException("the 1Password CLI '" + executable + "' cannot be run (" + e.getMessage()
                    + "); install it: " + INSTALL, e);
        }
        op.getOutputStream().close();
        // read beside the value, or a CLI filling the error pipe would wait for us while we wait for its value
        CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> text(op.getErrorStream()),
                Thread.ofVirtual()::start);
        String value = text(op.getInputStream());
        try {
            if (!op.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                op.destroyForcibly();
                throw new IOException("the 1Password CLI did not answer within " + TIME_LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            op.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (op.exitValue() != 0) {
            String error = said.join().strip();
            throw new IOException(error.isEmpty() ? "op exited with " + op.exitValue() : error);
        }
        return value;
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
