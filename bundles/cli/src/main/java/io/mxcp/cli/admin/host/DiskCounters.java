package io.mxcp.cli.admin.host;

/** Disk I/O since boot, summed over the whole disks; all 0 where the system does not tell. */
public record DiskCounters(long readBytes, long writeBytes, long readCount, long writeCount) {

    static final DiskCounters NONE = new DiskCounters(0, 0, 0, 0);

    DiskCounters plus(DiskCounters other) {
        return new DiskCounters(readBytes + other.readBytes, writeBytes + other.writeBytes,
                readCount + other.readCount, writeCount + other.writeCount);
    }
}
