package io.mxcp.cli.admin.host;

/**
 * This process as the kernel sees it (its CPU share is sampled apart, see {@link ProcessCpu}).
 *
 * @param status      psutil's name for the state: {@code running}, {@code sleeping}, {@code disk-sleep}, ...
 * @param rssBytes    resident memory, 0 where the system does not tell
 * @param vmsBytes    virtual memory
 * @param threads     threads of the process
 * @param openFiles   open file descriptors, 0 where the system does not tell
 */
public record ProcessUsage(String status, long rssBytes, long vmsBytes, int threads, long openFiles) {
}
