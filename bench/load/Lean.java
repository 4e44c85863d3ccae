import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lean load client: C keep-alive HTTP/1.1 connections on plain sockets, each posting one {@code tools/call} after
 * the other and reading the answer (Content-Length or chunked, JSON or SSE). It does as little as possible per call,
 * so the server is what limits the figures.
 *
 * <p>{@code modern} posts 2026-07-28 requests (per-request {@code _meta} and the {@code Mcp-*} headers); {@code legacy}
 * opens a 2025-11-25 session per connection first ({@code initialize}, {@code notifications/initialized}) and then
 * posts plain {@code tools/call} requests with its {@code Mcp-Session-Id}.
 *
 * <p>Usage: {@code java Lean.java <url> <modern|legacy> <tool> <arguments JSON> <connections> <warm-up s> <measure s>
 * <server pid>}. Prints {@code calls/s p50-ms p99-ms server-cpu-ms/call client-cpu-ms/call errors other-cores}; the
 * server's CPU is read from /proc/<pid>/stat at the start and end of the measured window, and other-cores is the CPU
 * the rest of the machine used meanwhile (/proc/stat's busy time less server and client, in cores). With {@code LEAN_VARY=1} in the
 * environment each request carries a {@code _meta} entry of 0-6 characters, so request sizes (and
 * {@code Content-Length}) differ from call to call as real clients' do. With {@code LEAN_BEARER=<token>} every request
 * carries {@code Authorization: Bearer <token>} (a server with authentication on).
 */
public class Lean {
    static final String MODERN = "2026-07-28";
    static final String LEGACY = "2025-11-25";
    /** Whether requests vary in size (environment LEAN_VARY=1), as real clients' do. */
    static final boolean VARY = "1".equals(System.getenv("LEAN_VARY"));
    /** The {@code Authorization} header line of every request (environment LEAN_BEARER), or empty. */
    static final String AUTHORIZATION = System.getenv("LEAN_BEARER") == null ? ""
            : "Authorization: Bearer " + System.getenv("LEAN_BEARER") + "\r\n";
    static final Pattern SESSION = Pattern.compile("(?im)^mcp-session-id:\\s*(\\S+)");

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            throw new IllegalArgumentException(
                    "usage: Lean <url> <modern|legacy> <tool> <arguments JSON> <connections> <warm-up s> <measure s> <server pid>");
        }
        URI url = URI.create(args[0]);
        boolean modern = switch (args[1]) {
            case "modern" -> true;
            case "legacy" -> false;
            default -> throw new IllegalArgumentException("era must be modern or legacy, got " + args[1]);
        };
        String tool = args[2];
        String arguments = args[3];
        int connections = Integer.parseInt(args[4]);
        long warmUpNanos = (long) (Double.parseDouble(args[5]) * 1e9);
        long measureNanos = (long) (Double.parseDouble(args[6]) * 1e9);
        Path serverStat = Path.of("/proc", args[7], "stat");

        Window window = new Window();
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Caller caller = new Caller(url, modern, tool, arguments, window);
            caller.open();
            callers.add(caller);
        }
        List<Thread> threads = callers.stream().map(c -> Thread.ofPlatform().daemon().start(c)).toList();

        Thread.sleep(warmUpNanos / 1_000_000);
        long serverTicks = cpuTicks(serverStat);
        long clientTicks = cpuTicks(Path.of("/proc/self/stat"));
        long machineTicks = machineBusyTicks();
        long start = System.nanoTime();
        window.measuring = true;
        Thread.sleep(measureNanos / 1_000_000);
        window.measuring = false;
        long elapsed = System.nanoTime() - start;
        serverTicks = cpuTicks(serverStat) - serverTicks;
        clientTicks = cpuTicks(Path.of("/proc/self/stat")) - clientTicks;
        machineTicks = machineBusyTicks() - machineTicks;
        window.stopped = true;
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        long[] latencies = callers.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
        long errors = callers.stream().mapToLong(c -> c.errors).sum();
        String failure = callers.stream().map(c -> c.failure).filter(f -> f != null).findFirst().orElse(null);
        if (latencies.length == 0) {
            System.err.println("no call completed in the measured window" + (failure == null ? "" : ": " + failure));
            System.exit(1);
        }
        double msPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux
        double otherCores = (machineTicks - serverTicks - clientTicks) * msPerTick / (elapsed / 1e6);
        System.out.printf(Locale.ROOT, "%.0f %.3f %.3f %.3f %.3f %d %.2f%n", latencies.length / (elapsed / 1e9),
                percentile(latencies, 0.50), percentile(latencies, 0.99), serverTicks * msPerTick / latencies.length,
                clientTicks * msPerTick / latencies.length, errors, otherCores);
        if (failure != null) {
            System.err.println("first error: " + failure);
        }
        System.exit(0);
    }

    /** utime + stime of a process, in clock ticks. */
    static long cpuTicks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The machine's busy time (every state of /proc/stat's cpu line but idle and iowait), in clock ticks. */
    static long machineBusyTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 8; i++) {
            busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
        }
        return busy;
    }

    static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
    }

    /** The phase all callers share: calls finishing while {@code measuring} are counted. */
    static final class Window {
        volatile boolean measuring;
        volatile boolean stopped;
    }

    /** One connection and the thread that drives it. */
    static final class Caller implements Runnable {
        private static final AtomicLong SAMPLES = new AtomicLong();

        private final URI url;
        private final boolean modern;
        private final String tool;
        private final String arguments;
        private final Window window;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private String session;
        private long nextId = 1;
        long[] latencies = new long[1 << 14];
        int count;
        long errors;
        String failure;

        Caller(URI url, boolean modern, String tool, String arguments, Window window) {
            this.url = url;
            this.modern = modern;
            this.tool = tool;
            this.arguments = arguments;
            this.window = window;
        }

        void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()));
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
            if (!modern) {
                Response init = exchange("initialize", null, """
                        {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"%s",\
                        "capabilities":{},"clientInfo":{"name":"lean","version":"1"}}}""".formatted(LEGACY));
                Matcher matcher = SESSION.matcher(init.headers);
                if (init.status != 200 || !matcher.find()) {
                    throw new IOException("initialize failed: HTTP " + init.status + " " + init.body);
                }
                session = matcher.group(1);
                Response initialized = exchange("notifications/initialized", null,
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                if (initialized.status / 100 != 2) {
                    throw new IOException("notifications/initialized failed: HTTP " + initialized.status);
                }
            }
        }

        @Override
        public void run() {
            try {
                while (!window.stopped) {
                    long begin = System.nanoTime();
                    Response response = exchange("tools/call", tool, body(nextId++));
                    long end = System.nanoTime();
                    boolean failed = response.status != 200 || response.body.contains("\"isError\":true")
                            || response.body.contains("\"error\":{");
                    if (SAMPLES.getAndIncrement() == 0 || failed && failure == null) {
                        System.err.println((failed ? "error " : "sample ") + tool + ": HTTP " + response.status + " "
                                + response.body.strip());
                    }
                    if (window.measuring) {
                        if (failed) {
                            errors++;
                            failure = failure == null ? "HTTP " + response.status + " " + response.body : failure;
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = end - begin;
                    }
                }
            } catch (IOException e) {
                failure = e.toString();
            }
        }

        private String body(long id) {
            // real clients' requests differ in size from call to call; LEAN_VARY=1 pads _meta by 0-6 characters
            String pad = VARY ? "\"bench/pad\":\"" + "x".repeat((int) (id % 7)) + "\"" : null;
            String meta = modern ? ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN
                    + "\",\"io.modelcontextprotocol/clientCapabilities\":{}" + (pad == null ? "" : "," + pad) + "}"
                    : pad == null ? "" : ",\"_meta\":{" + pad + "}";
            return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                    + "\",\"arguments\":" + arguments + meta + "}}";
        }

        private Response exchange(String method, String name, String body) throws IOException {
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(256)
                    .append("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Accept: application/json, text/event-stream\r\n")
                    .append("Content-Length: ").append(payload.length).append("\r\n").append(AUTHORIZATION);
            if (modern) {
                request.append("MCP-Protocol-Version: ").append(MODERN).append("\r\n")
                        .append("Mcp-Method: ").append(method).append("\r\n");
                if (name != null) {
                    request.append("Mcp-Name: ").append(name).append("\r\n");
                }
            } else if (session != null) {
                request.append("MCP-Protocol-Version: ").append(LEGACY).append("\r\n")
                        .append("Mcp-Session-Id: ").append(session).append("\r\n");
            }
            request.append("\r\n");
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return readResponse();
        }

        private Response readResponse() throws IOException {
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            StringBuilder headers = new StringBuilder();
            long length = -1;
            boolean chunked = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                headers.append(line).append('\n');
                int colon = line.indexOf(':');
                String header = line.substring(0, colon).trim();
                if (header.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(line.substring(colon + 1).trim());
                } else if (header.equalsIgnoreCase("transfer-encoding")) {
                    chunked = line.substring(colon + 1).toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            byte[] body;
            if (chunked) {
                body = readChunked();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
            } else {
                throw new IOException("response without Content-Length or chunked encoding: " + statusLine);
            }
            return new Response(status, headers.toString(), new String(body, StandardCharsets.UTF_8));
        }

        private byte[] readChunked() throws IOException {
            byte[] all = new byte[0];
            while (true) {
                String sizeLine = readLine();
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // trailers
                    }
                    return all;
                }
                int offset = all.length;
                all = Arrays.copyOf(all, offset + size);
                if (in.readNBytes(all, offset, size) != size) {
                    throw new IOException("connection closed inside a chunk");
                }
                readLine();
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    record Response(int status, String headers, String body) {}
}
