package io.mxcp.core.drift;

/** A snapshot file that is missing or is not a drift snapshot, or a profile without a drift path. */
public final class DriftSnapshotException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean fileMissing;

    private DriftSnapshotException(String message, boolean fileMissing) {
        super(message);
        this.fileMissing = fileMissing;
    }

    /** The snapshot cannot be used: {@code message} says why. */
    public static DriftSnapshotException invalid(String message) {
        return new DriftSnapshotException(message, false);
    }

    static DriftSnapshotException missingFile(String message) {
        return new DriftSnapshotException(message, true);
    }

    /** Whether the snapshot file does not exist (no snapshot was taken yet). */
    public boolean fileMissing() {
        return fileMissing;
    }
}
