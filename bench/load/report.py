"""Prints the load benchmark's table and its verdict on issue 4's targets (called by run.sh).

Usage: python3 report.py <floor.txt> <results.txt> <connections>
floor.txt lines:   floor <tool> <calls/s> <p50 ms> <p99 ms>
                   floor-concurrent <tool> <callers> <calls/s> <cpu ms/call>
results.txt lines: <server> <lean|sdk> <connections> <tool> <calls/s> <p50> <p99> <server cpu ms/call>
                   <client cpu ms/call> <errors> [<other cores>]      (or "... <tool> failed")
                   other cores: the CPU the rest of the machine used meanwhile (older results lack it)
"""
import sys

TOOLS = ("echo", "sum", "top")
SERVERS = ("mxcp", "ref-v2", "ref-v1", "bare")


def read(floor_file, results_file):
    floor, concurrent = {}, {}
    for line in open(floor_file):
        kind, tool, *figures = line.split()
        if kind == "floor":
            floor[tool] = tuple(float(f) for f in figures)
        else:
            concurrent[tool] = tuple(float(f) for f in figures)
    cells = {}
    for line in open(results_file):
        fields = line.split()
        server, client, connections, tool = fields[:4]
        figures = fields[4:]
        cells[(server, client, int(connections), tool)] = (
            None if figures == ["failed"] else tuple(float(f) for f in figures)
        )
    return floor, concurrent, cells


def table(floor, concurrent, cells, connections):
    print("| tool | client | C | server | calls/s | p50 ms | p99 ms | server CPU ms/call | client CPU ms/call | errors "
          "| other procs (cores) |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for tool in TOOLS:
        calls, p50, p99 = floor[tool]
        print(f"| {tool} | raw JDBC (floor) | 1 | in-process | {calls:.0f} | {p50:.3f} | {p99:.3f} | | | | |")
        if tool in concurrent:
            callers, calls, cpu = concurrent[tool]
            print(f"| {tool} | raw JDBC (ceiling) | {callers:.0f} | in-process | {calls:.0f} | | | {cpu:.3f} | | | |")
        for client, c in (("lean", connections), ("lean", 1), ("sdk", connections)):
            for server in SERVERS:
                figures = cells.get((server, client, c, tool))
                if server == "bare" and client == "sdk":
                    continue  # the bare server speaks no MCP beyond tools/call
                if figures is None:
                    print(f"| {tool} | {client} | {c} | {server} | failed | | | | | | |")
                    continue
                calls, p50, p99, server_cpu, client_cpu, errors = figures[:6]
                others = f"{figures[6]:.2f}" if len(figures) > 6 else ""
                print(f"| {tool} | {client} | {c} | {server} | {calls:.0f} | {p50:.3f} | {p99:.3f} "
                      f"| {server_cpu:.3f} | {client_cpu:.3f} | {errors:.0f} | {others} |")


def reference(cells, client, c, tool):
    """The better reference server for a cell: the one with more calls/s."""
    candidates = [(cells[(s, client, c, tool)], s) for s in ("ref-v2", "ref-v1") if cells.get((s, client, c, tool))]
    return max(candidates, key=lambda pair: pair[0][0]) if candidates else (None, None)


def verdict(floor, concurrent, cells, connections):
    print()
    print(f"Targets (issue 4), MXCP against the better reference per tool; C={connections} unless noted:")
    for tool in TOOLS:
        mxcp_lean = cells.get(("mxcp", "lean", connections, tool))
        ref_lean, ref_lean_name = reference(cells, "lean", connections, tool)
        mxcp_sdk = cells.get(("mxcp", "sdk", connections, tool))
        ref_sdk, ref_sdk_name = reference(cells, "sdk", connections, tool)
        mxcp_one = cells.get(("mxcp", "lean", 1, tool))
        checks = []
        if mxcp_lean and ref_lean:
            ratio = mxcp_lean[0] / ref_lean[0]
            cpu = mxcp_lean[3] / ref_lean[3]
            checks.append(f"lean calls/s {ratio:.2f}x {ref_lean_name} (>= 3x: {'met' if ratio >= 3 else 'NOT met'})")
            checks.append(f"lean CPU/call {cpu:.2f}x (<= 0.3x: {'met' if cpu <= 0.3 else 'NOT met'})")
            bare = cells.get(("bare", "lean", connections, tool))
            if bare:
                checks.append(f"[the bare Undertow + JDBC handler: {bare[0] / ref_lean[0]:.2f}x calls/s, "
                              f"{bare[3] / ref_lean[3]:.2f}x CPU/call; MXCP {mxcp_lean[0] / bare[0]:.2f}x its calls/s]")
            if tool in concurrent:
                _, calls, cpu = concurrent[tool]
                checks.append(f"[the query alone in-process, {connections} callers: {calls / ref_lean[0]:.2f}x calls/s, "
                              f"{cpu / ref_lean[3]:.2f}x CPU/call]")
        if mxcp_sdk and ref_sdk:
            ratio = mxcp_sdk[0] / ref_sdk[0]
            checks.append(f"SDK calls/s {ratio:.2f}x {ref_sdk_name} (>= 2x: {'met' if ratio >= 2 else 'NOT met'})")
        if mxcp_one:
            overhead = mxcp_one[1] - floor[tool][1]
            checks.append(f"C=1 p50 overhead over raw query {overhead:.3f} ms (< 0.5 ms: "
                          f"{'met' if overhead < 0.5 else 'NOT met'})")
        print(f"- {tool}: " + "; ".join(checks))


def main():
    floor_file, results_file, connections = sys.argv[1], sys.argv[2], int(sys.argv[3])
    floor, concurrent, cells = read(floor_file, results_file)
    table(floor, concurrent, cells, connections)
    verdict(floor, concurrent, cells, connections)


if __name__ == "__main__":
    main()
