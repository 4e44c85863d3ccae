package io.mxcp.executor.sql.memory;

/**
 * One look at the memory the server may still use.
 *
 * @param availableBytes what is left under the tightest bound: the machine's available memory, or a memory cgroup's
 *                       limit less what the cgroup uses (its reclaimable file cache not counted)
 * @param boundBytes     the size of that bound (the machine's memory, the cgroup's limit)
 * @param bound          that bound in words, for messages
 * @param residentBytes  the server process's resident size
 */
public record MemoryReading(long availableBytes, long boundBytes, String bound, long residentBytes) {
}
