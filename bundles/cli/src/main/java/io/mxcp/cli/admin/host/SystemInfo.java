package io.mxcp.cli.admin.host;

/**
 * What the machine is: facts that change rarely.
 *
 * @param bootTimeSeconds when it booted, seconds since the epoch; 0 where the system does not tell
 * @param physicalCores   physical CPU cores; 0 where the system does not tell
 * @param logicalCpus     logical CPUs online
 * @param memoryBytes     physical memory
 */
public record SystemInfo(long bootTimeSeconds, int physicalCores, int logicalCpus, long memoryBytes) {
}
