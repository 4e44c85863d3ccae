"""Prints the load benchmark's table and its verdict on issue 4's targets (called by run.sh).

Usage: python3 report.py <floor.txt> <results.txt> <connections>
floor.txt lines:   floor <tool> <calls/s> <p50 ms> <p99 ms>
results.txt lines: <server> <lean|sdk> <connections> <tool> <calls/s> <p50> <p99> <server cpu ms/call>
                   <client cpu ms/call> <errors>      (or "... <tool> failed")
"""
import sys

TOOLS = ("echo", "sum", "top")
SERVERS = ("mxcp", "ref-v2", "ref-v1", "bare")


def read(floor_file, results_file):
    floor = {}
    for line in open(floor_file):
        _, tool, calls, p50, p99 = line.split()
        floor[tool] = (float(calls), float(p50), float(p99))
    cells = {}
    for line in open(results_file):
        fields = line.split()
        server, client, connections, tool = fields[:4]
        figures = fields[4:]
        cells[(server, client, int(connections), tool)] = (
            None if figures == ["failed"] else tuple(float(f) for f in figures)
        )
    return floor, cells


def table(floor, cells, connections):
    print("| tool | client | C | server | calls/s | p50 ms | p99 ms | server CPU ms/call | client CPU ms/call | errors |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for tool in TOOLS:
        calls, p50, p99 = floor[tool]
        print(f"| {tool} | raw JDBC (floor) | 1 | in-process | {calls:.0f} | {p50:.3f} | {p99:.3f} | | | |")
        for client, c in (("lean", connections), ("lean", 1), ("sdk", connections)):
            for server in SERVERS:
                figures = cells.get((server, client, c, tool))
                if server == "bare" and client == "sdk":
                    continue  # the bare server speaks no MCP beyond tools/call
                if figures is None:
                    print(f"| {tool} | {client} | {c} | {server} | failed | | | | | |")
                    continue
                calls, p50, p99, server_cpu, client_cpu, errors = figures
                print(f"| {tool} | {client} | {c} | {server} | {calls:.0f} | {p50:.3f} | {p99:.3f} "
                      f"| {server_cpu:.3f} | {client_cpu:.3f} | {errors:.0f} |")


def reference(cells, client, c, tool):
    """The better reference server for a cell: the one with more calls/s."""
    candidates = [(cells[(s, client, c, tool)], s) for s in ("ref-v2", "ref-v1") if cells.get((s, client, c, tool))]
    return max(candidates, key=lambda pair: pair[0][0]) if candidates else (None, None)


def verdict(floor, cells, connections):
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
    floor, cells = read(floor_file, results_file)
    table(floor, cells, connections)
    verdict(floor, cells, connections)


if __name__ == "__main__":
    main()
