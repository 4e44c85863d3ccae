package io.mxcp.cli.admin.host;

import java.util.List;

/**
 * How busy the CPUs were over a short sampling interval.
 *
 * @param percent    the whole machine, 0..100
 * @param perCpu     each logical CPU, 0..100; empty where the system does not tell
 * @param load       the load averages
 */
public record CpuUsage(double percent, List<Double> perCpu, LoadAverage load) {
}
