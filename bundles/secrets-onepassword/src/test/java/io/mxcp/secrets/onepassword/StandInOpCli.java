package io.mxcp.secrets.onepassword;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for the 1Password CLI (the resolver's tests and the distribution's): an executable {@code op} that
 * answers {@code op read --no-newline <reference>} for one service account as the CLI does, the value on standard
 * output, an {@code [ERROR]} line on standard error and exit code 1 otherwise.
 */
public final class StandInOpCli {

    public static final String TOKEN = "ops_service_account_token";
    public static final String PASSWORD = "op://Prod/db/password";
    public static final String PASSWORD_VALUE = "s3cr3t #1";
    public static final String ONE_TIME_PASSWORD = "op://Prod/db/one-time password?attribute=otp";
    public static final String ONE_TIME_PASSWORD_VALUE = "123456";

    private StandInOpCli() {
    }

    /** Writes the executable {@code op} into {@code folder} and returns its path. */
    public static Path writeInto(Path folder) throws IOException {
        Path op = folder.resolve("op");
        Files.writeString(op, """
                #!/bin/sh
                [ "$1 $2" = "read --no-newline" ] || { echo "[ERROR] unexpected arguments: $*" >&2; exit 2; }
                [ "$OP_SERVICE_ACCOUNT_TOKEN" = "%s" ] || {
                  echo "[ERROR] 2026/11/28 12:00:00 invalid service account token" >&2; exit 1; }
                case "$3" in
                  "%s") printf '%%s' "%s" ;;
                  "%s") printf '%%s' "%s" ;;
                  *) echo "[ERROR] 2026/11/28 12:00:00 could not read secret '$3': item not found" >&2; exit 1 ;;
                esac
                """.formatted(TOKEN, PASSWORD, PASSWORD_VALUE, ONE_TIME_PASSWORD, ONE_TIME_PASSWORD_VALUE));
        Files.setPosixFilePermissions(op, PosixFilePermissions.fromString("rwxr-xr-x"));
        return op;
    }
}
