package io.mxcp.cli.admin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /proc readers against sample files: a current x86 machine, odd and old formats, and nothing at all. */
class ProcHostMetricsTest {

    private static ProcHostMetrics sample(String name) throws URISyntaxException {
        return new ProcHostMetrics(new ProcFs(Path.of(ProcHostMetricsTest.class.getResource(name).toURI())));
    }

    @Test
    void aCurrentMachine() throws Exception {
        ProcHostMetrics host = sample("linux");
        // two sockets of one core with two threads each: the cores are (socket, core) pairs, not core ids
        assertEquals(new SystemInfo(1795648051, 2, 4, 8_192_000_000L), host.info());
        // used leaves out buffers and caches, reclaimable slab included; percent is of what is not available
        assertEquals(new MemoryUsage(8_192_000_000L, 5_120_000_000L, 4_096_000_000L, 1_024_000_000L, 37.5,
                2_048_000_000L, 512_000_000L, 1_536_000_000L, 25.0), host.memory());
        // whole disks only (vda, nvme0n1 on the older 14-field format): not the partition, loop or device-mapper lines
        assertEquals(new DiskCounters(10_280_960, 3_153_920, 1010, 320), host.diskIo());
        // eth0 and wlan0 (written without a space after the colon), not lo
        assertEquals(new NetworkCounters(3400, 1200, 34, 12, 1, 3, 3, 4), host.network());
        assertEquals(new ProcessUsage("sleeping", 307_200_000, 8_192_000_000L, 57, 4), host.process());
        // both readings are the same file: no tick passed
        assertEquals(new CpuUsage(0.0, List.of(0.0, 0.0, 0.0, 0.0), new LoadAverage(0.52, 0.58, 0.59)),
                host.cpu(Duration.ZERO));
    }

    @Test
    void oddAndOldFormatsGiveWhatTheyCanAndZeroForTheRest() throws Exception {
        ProcHostMetrics host = sample("odd");
        // cpu1's garbage, cpuX and a two-number cpu2 are skipped; btime does not parse; an ARM cpuinfo names no cores
        assertEquals(new SystemInfo(0, 0, 1, 4_096_000), host.info());
        // no MemAvailable (kernels before 3.14): free + buffers + cached; no swap: 0 %, not a division by zero
        assertEquals(new MemoryUsage(4_096_000, 2_048_000, 2_048_000, 1_024_000, 50.0, 0, 0, 0, 0.0), host.memory());
        // the 7-field line of kernels before 2.6.25; short and unreadable lines skipped
        assertEquals(new DiskCounters(409_600, 204_800, 100, 50), host.diskIo());
        assertEquals(new NetworkCounters(20, 10, 2, 1, 0, 0, 0, 0), host.network());
        // an unknown state letter is shown as is; unreadable thread count and missing VmRSS are 0; no fd folder
        assertEquals(new ProcessUsage("Q", 0, 1_024_000, 0, 0), host.process());
        assertEquals(LoadAverage.NONE, host.cpu(Duration.ZERO).load());
    }

    @Test
    void nothingToReadIsZerosNotAFailure(@TempDir Path empty) throws Exception {
        ProcFs files = new ProcFs(empty);
        assertFalse(files.available(), "no /proc: the JDK's figures are used instead");
        ProcHostMetrics host = new ProcHostMetrics(files);
        assertEquals(new SystemInfo(0, 0, 0, 0), host.info());
        assertEquals(new MemoryUsage(0, 0, 0, 0, 0.0, 0, 0, 0, 0.0), host.memory());
        assertEquals(DiskCounters.NONE, host.diskIo());
        assertEquals(NetworkCounters.NONE, host.network());
        assertEquals(new ProcessUsage("unknown", 0, 0, 0, 0), host.process());
        assertEquals(new CpuUsage(0.0, List.of(), LoadAverage.NONE), host.cpu(Duration.ZERO));
    }

    @Test
    void cpuPercentIsTheBusyShareOfTheTicksBetweenTwoReadings() {
        ProcStat before = ProcStat.parse("""
                cpu  100 0 100 800 0 0 0 0 0 0
                cpu0 50 0 50 400
                cpu1 50 0 50 400
                cpu3 10 0 10 80
                """);
        // guest time (10) is in user already: not counted twice; iowait (50) is idle
        ProcStat after = ProcStat.parse("""
                cpu  200 0 150 850 50 0 0 0 10 0
                cpu0 100 0 50 450
                cpu1 50 0 50 500
                cpu2 1 1 1 1
                cpu3 5 0 5 40
                """);
        assertEquals(60.0, after.total().busyPercentSince(before.total()));
        // cpu2 came online between the readings: left out; cpu3's counters went back (taken offline and on): 0
        assertEquals(List.of(50.0, 0.0, 0.0), after.perCpuPercentSince(before));
        assertEquals(33.3, new CpuTicks(200, 300).busyPercentSince(new CpuTicks(0, 0)), "rounded to one decimal");
    }

    @Test
    void physicalCoresCountEveryBlockTheLastOneToo() {
        // a two-core VM: the file ends right after the last block, without a blank line
        assertEquals(2, CpuInfo.physicalCores("processor\t: 0\nphysical id\t: 0\ncore id\t\t: 0\n\n"
                + "processor\t: 1\nphysical id\t: 0\ncore id\t\t: 1\n"));
    }

    @Test
    void usedMemoryFallsBackWhenCachesExceedWhatIsNotFree() {
        // some kernels (containers, odd accounting) report caches larger than total - free
        MemoryUsage memory = MemInfo.parse("MemTotal: 1000 kB\nMemFree: 600 kB\nCached: 700 kB\nMemAvailable: 900 kB\n");
        assertEquals(400 * 1024, memory.usedBytes());
        assertEquals(10.0, memory.percent());
    }
}
