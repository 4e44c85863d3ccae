package io.mxcp.cli.admin;

import static io.mxcp.cli.admin.JsonSchema.arrayOf;
import static io.mxcp.cli.admin.JsonSchema.integer;
import static io.mxcp.cli.admin.JsonSchema.number;
import static io.mxcp.cli.admin.JsonSchema.object;
import static io.mxcp.cli.admin.JsonSchema.string;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.cli.admin.host.CpuUsage;
import io.mxcp.cli.admin.host.DiskCounters;
import io.mxcp.cli.admin.host.HostMetrics;
import io.mxcp.cli.admin.host.MemoryUsage;
import io.mxcp.cli.admin.host.NetworkCounters;
import io.mxcp.cli.admin.host.ProcessCpu;
import io.mxcp.cli.admin.host.ProcessUsage;
import io.mxcp.cli.admin.host.SpaceUsage;
import io.mxcp.cli.admin.host.SystemInfo;

/**
 * The routes about the machine and this process: {@code GET /system/info}, {@code /system/cpu},
 * {@code /system/memory}, {@code /system/disk}, {@code /system/network} and {@code /system/process}, with the
 * reference's field names (psutil's figures).
 */
final class SystemRoutes {

    /** How long the CPU routes sample, as the reference does. */
    private static final Duration SAMPLE = Duration.ofMillis(100);

    private static final Map<String, Object> INFO = object()
            .with("boot_time_seconds", integer("When the machine booted, seconds since the epoch (0: unknown)"))
            .with("cpu_count_physical", integer("Physical CPU cores (0: unknown)"))
            .with("cpu_count_logical", integer("Logical CPUs online"))
            .with("memory_total_bytes", integer("Physical memory"))
            .schema("The machine");
    private static final Map<String, Object> CPU = object()
            .with("percent", number("The whole machine's busy share over 0.1 s, 0..100"))
            .with("per_cpu_percent", arrayOf(number(null), "Each logical CPU's busy share over the same 0.1 s "
                    + "(empty: unknown)"))
            .with("load_avg_1min", number("Load average over 1 minute (0: unknown)"))
            .with("load_avg_5min", number("Load average over 5 minutes (0: unknown)"))
            .with("load_avg_15min", number("Load average over 15 minutes (0: unknown)"))
            .schema("CPU use");
    private static final Map<String, Object> MEMORY = object()
            .with("total_bytes", integer("Physical memory"))
            .with("available_bytes", integer("Memory that can be given to programs without swapping"))
            .with("used_bytes", integer("Memory in use, caches and buffers not counted"))
            .with("free_bytes", integer("Memory not used at all"))
            .with("percent", number("The share not available, 0..100"))
            .with("swap_total_bytes", integer(null))
            .with("swap_used_bytes", integer(null))
            .with("swap_free_bytes", integer(null))
            .with("swap_percent", number("0..100"))
            .with("mxcp_process_rss_bytes", integer("This server's resident memory (0: unknown)"))
            .with("mxcp_process_vms_bytes", integer("This server's virtual memory"))
            .schema("Memory use");
    private static final Map<String, Object> DISK = object()
            .with("total_bytes", integer("The root file system's size"))
            .with("used_bytes", integer(null))
            .with("free_bytes", integer("Space an unprivileged user can still use"))
            .with("percent", number("used / (used + free), 0..100"))
            .with("read_bytes", integer("Read from the whole disks since boot (0: unknown)"))
            .with("write_bytes", integer("Written to the whole disks since boot (0: unknown)"))
            .with("read_count", integer(null))
            .with("write_count", integer(null))
            .schema("The root file system's space and disk I/O");
    private static final Map<String, Object> NETWORK = object()
            .with("bytes_sent", integer(null))
            .with("bytes_recv", integer(null))
            .with("packets_sent", integer(null))
            .with("packets_recv", integer(null))
            .with("errin", integer(null))
            .with("errout", integer(null))
            .with("dropin", integer(null))
            .with("dropout", integer(null))
            .schema("Traffic since boot over every interface but the loopback (0: unknown)");
    private static final Map<String, Object> PROCESS = object()
            .with("pid", integer(null))
            .with("status", string("running, sleeping, disk-sleep, stopped, zombie, idle, ..."))
            .with("cpu_percent", number("CPU used over 0.1 s as a share of one CPU: above 100 on several"))
            .with("memory_rss_bytes", integer("Resident memory (0: unknown)"))
            .with("memory_vms_bytes", integer("Virtual memory"))
            .with("num_threads", integer(null))
            .with("num_fds", integer("Open file descriptors (0: unknown)"))
            .schema("This server's process");

    private final HostMetrics host;

    SystemRoutes(HostMetrics host) {
        this.host = host;
    }

    void addTo(RouteTable table) {
        table.add("GET", "/system/info", Operation.json("Get system information", "Failed to get system info", INFO),
                request -> info())
                .add("GET", "/system/cpu", Operation.json("Get CPU statistics", "Failed to get CPU stats", CPU),
                        request -> cpu())
                .add("GET", "/system/memory", Operation.json("Get memory statistics", "Failed to get memory stats",
                        MEMORY), request -> memory())
                .add("GET", "/system/disk", Operation.json("Get disk statistics", "Failed to get disk stats", DISK),
                        request -> disk())
                .add("GET", "/system/network", Operation.json("Get network statistics",
                        "Failed to get network stats", NETWORK), request -> network())
                .add("GET", "/system/process", Operation.json("Get MXCP process statistics",
                        "Failed to get process stats", PROCESS), request -> process());
    }

    private Map<String, Object> info() {
        SystemInfo info = host.info();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("boot_time_seconds", info.bootTimeSeconds());
        body.put("cpu_count_physical", info.physicalCores());
        body.put("cpu_count_logical", info.logicalCpus());
        body.put("memory_total_bytes", info.memoryBytes());
        return body;
    }

    private Map<String, Object> cpu() throws InterruptedException {
        CpuUsage cpu = host.cpu(SAMPLE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("percent", cpu.percent());
        body.put("per_cpu_percent", cpu.perCpu());
        body.put("load_avg_1min", cpu.load().oneMinute());
        body.put("load_avg_5min", cpu.load().fiveMinutes());
        body.put("load_avg_15min", cpu.load().fifteenMinutes());
        return body;
    }

    private Map<String, Object> memory() {
        MemoryUsage memory = host.memory();
        ProcessUsage process = host.process();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_bytes", memory.totalBytes());
        body.put("available_bytes", memory.availableBytes());
        body.put("used_bytes", memory.usedBytes());
        body.put("free_bytes", memory.freeBytes());
        body.put("percent", memory.percent());
        body.put("swap_total_bytes", memory.swapTotalBytes());
        body.put("swap_used_bytes", memory.swapUsedBytes());
        body.put("swap_free_bytes", memory.swapFreeBytes());
        body.put("swap_percent", memory.swapPercent());
        body.put("mxcp_process_rss_bytes", process.rssBytes());
        body.put("mxcp_process_vms_bytes", process.vmsBytes());
        return body;
    }

    private Map<String, Object> disk() throws IOException {
        SpaceUsage space = SpaceUsage.ofRoot();
        DiskCounters io = host.diskIo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_bytes", space.totalBytes());
        body.put("used_bytes", space.usedBytes());
        body.put("free_bytes", space.freeBytes());
        body.put("percent", space.percent());
        body.put("read_bytes", io.readBytes());
        body.put("write_bytes", io.writeBytes());
        body.put("read_count", io.readCount());
        body.put("write_count", io.writeCount());
        return body;
    }

    private Map<String, Object> network() {
        NetworkCounters network = host.network();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bytes_sent", network.bytesSent());
        body.put("bytes_recv", network.bytesReceived());
        body.put("packets_sent", network.packetsSent());
        body.put("packets_recv", network.packetsReceived());
        body.put("errin", network.errorsIn());
        body.put("errout", network.errorsOut());
        body.put("dropin", network.dropsIn());
        body.put("dropout", network.dropsOut());
        return body;
    }

    private Map<String, Object> process() throws InterruptedException {
        double cpu = ProcessCpu.percent(SAMPLE);
        ProcessUsage process = host.process();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pid", ProcessHandle.current().pid());
        body.put("status", process.status());
        body.put("cpu_percent", cpu);
        body.put("memory_rss_bytes", process.rssBytes());
        body.put("memory_vms_bytes", process.vmsBytes());
        body.put("num_threads", process.threads());
        body.put("num_fds", process.openFiles());
        return body;
    }
}
