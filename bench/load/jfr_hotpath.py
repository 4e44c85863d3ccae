"""Where the MXCP server's request threads spend their time, from a JDK Flight Recorder file (run.sh with MXCP_JFR).

Usage: python3 jfr_hotpath.py <jfr binary> <recording.jfr> [top]
Counts Java and native method samples of Undertow's worker threads ("XNIO-1 task-N", where a call runs from JSON
parsing to the written answer) and prints (1) the methods they were executing (self), (2) the io.mxcp methods on
the stack (inclusive: a method counts once per sample it appears in), each as a share of the worker samples.
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+\([^)]*\))")
THREAD = re.compile(r'sampledThread = "([^"]*)"')
IDLE = ("Unsafe.park", "EPoll.wait", "Object.wait")


def samples(jfr, recording):
    """Yields (thread, frames innermost first) of every execution and native method sample."""
    output = subprocess.run(
        [jfr, "print", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample", "--stack-depth", "64", recording],
        check=True, capture_output=True, text=True).stdout
    thread, frames, in_stack = None, [], False
    for line in output.splitlines():
        if line.startswith("jdk."):
            if thread is not None:
                yield thread, frames
            thread, frames, in_stack = None, [], False
        elif (match := THREAD.search(line)) is not None:
            thread = match.group(1)
        elif "stackTrace = [" in line:
            in_stack = True
        elif in_stack and (match := FRAME.match(line)) is not None:
            frames.append(match.group(1))
    if thread is not None:
        yield thread, frames


def main():
    jfr, recording = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    self_counts, inclusive, total = collections.Counter(), collections.Counter(), 0
    for thread, frames in samples(jfr, recording):
        if "task" not in thread or not frames or frames[0].startswith(IDLE) or any(i in frames[0] for i in IDLE):
            continue
        total += 1
        self_counts[frames[0]] += 1
        for method in {f for f in frames if f.startswith("io.mxcp.")}:
            inclusive[method] += 1
    print(f"worker-thread samples (Java + native, idle excluded): {total}")
    print("self (the method executing):")
    for method, count in self_counts.most_common(top):
        print(f"  {100 * count / total:5.1f} %  {method}")
    print("inclusive io.mxcp methods (share of samples with the method on the stack):")
    for method, count in inclusive.most_common(top):
        print(f"  {100 * count / total:5.1f} %  {method}")


if __name__ == "__main__":
    main()
