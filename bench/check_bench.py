#!/usr/bin/env python3
"""Smoke check of glstream-bench's output (meson suite 'bench').

usage: check_bench.py [--expect NAME,...] -- CMD ARGS...

Runs CMD (normally gls_with_env.py ... -- glstream-bench --quick), echoes
its output and passes when CMD exits 0, every "NAME: VALUE UNIT (median of
N)" line has a positive finite VALUE and N >= 5, the last line is
"BENCH {json}" whose JSON parses, has the same metrics with positive values
and no errors, and every expected metric is there.  No timing threshold.
"""

import argparse
import json
import math
import re
import subprocess
import sys

EXPECTED = [
    "state_calls",
    "latency_glGetError_median", "latency_glGetError_p90",
    "latency_glIsEnabled_median", "latency_glIsEnabled_p90",
    "upload_glBufferSubData", "upload_glTexSubImage2D",
    "readback_glReadPixels",
    "fps_800x600",
]
LINE_RE = re.compile(r"^(?P<name>\w+): (?P<value>\S+) (?P<unit>\S+) \(median of (?P<n>\d+)\)$")


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--expect", default=",".join(EXPECTED),
                   help="comma-separated metrics that must be printed")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    args = p.parse_args(argv)
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    if not cmd:
        p.error("no command given (put it after --)")

    proc = subprocess.run(cmd, stdout=subprocess.PIPE, timeout=600)
    text = proc.stdout.decode("utf-8", "replace")
    sys.stdout.write(text)
    problems = []
    if proc.returncode != 0:
        problems.append(f"{cmd[0]} exited with status {proc.returncode}")

    printed = {}
    for line in text.splitlines():
        m = LINE_RE.match(line)
        if not m:
            continue
        try:
            value = float(m.group("value"))
        except ValueError:
            value = float("nan")
        printed[m.group("name")] = value
        if not (math.isfinite(value) and value > 0):
            problems.append(f"{m.group('name')}: value {m.group('value')} is not a positive number")
        if int(m.group("n")) < 5:
            problems.append(f"{m.group('name')}: median of only {m.group('n')} repetitions")

    lines = text.strip().splitlines()
    bench = None
    if not lines or not lines[-1].startswith("BENCH "):
        problems.append("the last line is not 'BENCH {json}'")
    else:
        try:
            bench = json.loads(lines[-1][len("BENCH "):])
        except ValueError as e:
            problems.append(f"BENCH line is not valid JSON: {e}")
    if bench is not None:
        jm = bench.get("metrics", {})
        if set(jm) != set(printed):
            problems.append(f"JSON metrics {sorted(jm)} differ from printed {sorted(printed)}")
        for name, m in jm.items():
            v = m.get("value") if isinstance(m, dict) else None
            if not isinstance(v, (int, float)) or not v > 0:
                problems.append(f"JSON metric {name}: value {v!r} is not positive")
        if bench.get("errors") != 0:
            problems.append(f"glstream-bench reported errors: {bench.get('errors')!r}")
        if bench.get("skipped"):
            problems.append(f"metrics skipped: {bench['skipped']}")

    for name in filter(None, args.expect.split(",")):
        if name not in printed:
            problems.append(f"metric {name} was not printed")

    if problems:
        for line in problems:
            print(f"FAIL: {line}")
        return 1
    print(f"PASS: {len(printed)} metrics, all positive; BENCH JSON parses")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
