#!/usr/bin/env python3
"""es2gears_x11 (Debian: mesa-utils) under a private Xvfb, through glstream
(default) or natively (--native).

It runs for --seconds (default 3), then the window is captured twice with
`xwd -root -silent`, one second apart.  The test passes when es2gears is
still running, its window is not black, shows several colours and changes
between the two captures (it animates), and es2gears printed at least one
"N frames in T seconds = F FPS" line (printed every 5 s).  The FPS lines are
echoed.  Exit 77 (skip) when es2gears_x11, xwd or xwininfo are missing.
"""

import argparse
import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402

PROGRAM = "es2gears_x11"
WINDOW_NAME = "es2gears"
FPS_RE = re.compile(r"(\d+) frames in ([\d.]+) seconds = ([\d.]+) FPS")


def colour_stats(rows):
    """(non-black pixel count, number of well-represented colour buckets)."""
    total = sum(len(r) for r in rows)
    nonblack = 0
    buckets = {}
    for row in rows:
        for r, g, b in row:
            if r > 16 or g > 16 or b > 16:
                nonblack += 1
                key = (r >> 5, g >> 5, b >> 5)
                buckets[key] = buckets.get(key, 0) + 1
    # a colour bucket counts when it covers at least 0.1% of the window
    several = sum(1 for n in buckets.values() if n * 1000 >= total)
    return nonblack, several


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--native", action="store_true", help="run natively, without glstream")
    p.add_argument("--qrexec", action="store_true",
                   help="through glstream over a stand-in qrexec call (glstream-server --stdio)")
    p.add_argument("--seconds", type=float, default=3.0, help="run time before the capture")
    p.add_argument("--fps-wait", type=float, default=20.0,
                   help="how long to wait for the first FPS line after the capture")
    args = p.parse_args(argv)

    for tool in (PROGRAM, "xwd", "xwininfo", "stdbuf"):
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} not found (run tools/install-deps.sh)")
            return 77

    glslib.install_signal_handlers()
    with glslib.Session(prefix="glstream-es2gears-") as s:
        try:
            s.start_xvfb(extra_args=["-br"])        # black root window
            if args.native:
                s.native_env()
                prefix = []
            elif args.qrexec:
                s.use_qrexec_stand_in()
                prefix = []
            else:
                sock = s.start_server()
                prefix = s.glstream_run_prefix(sock)
        except glslib.HarnessError as e:
            print(f"ERROR: {e}")
            return 1

        out_path = os.path.join(s.tmpdir, "es2gears.out")
        mode = "natively" if args.native else "through glstream"
        # stdbuf: es2gears uses stdio; keep its FPS lines line-buffered.
        cmd = prefix + ["stdbuf", "-oL", PROGRAM]
        print(f"running {mode}: {' '.join(cmd)}", flush=True)
        with open(out_path, "wb") as out:
            proc = s.spawn(PROGRAM, cmd, stdout=out, stderr=out)

        def output():
            return glslib.read_text(out_path)

        def fail(msg):
            print(f"FAIL: {msg}")
            print("---- es2gears output ----")
            print(output(), end="")
            print("---- end of es2gears output ----")
            s.dump_logs()
            return 1

        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                return fail(f"{PROGRAM} exited early with status "
                            f"{glslib.exit_status(proc.returncode)}")
            time.sleep(0.1)

        geom = glslib.window_geometry(s.env, WINDOW_NAME)
        if geom is None:
            return fail(f"no window named '{WINDOW_NAME}' on the display")
        try:
            w, h, shot1 = glslib.screenshot(s.env, geom)
            time.sleep(1.0)
            _, _, shot2 = glslib.screenshot(s.env, geom)
        except (glslib.HarnessError, ValueError) as e:
            return fail(f"screenshot failed: {e}")
        if proc.poll() is not None:
            return fail(f"{PROGRAM} exited during the capture with status "
                        f"{glslib.exit_status(proc.returncode)}")

        fps_deadline = time.monotonic() + args.fps_wait
        while not FPS_RE.search(output()) and time.monotonic() < fps_deadline:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
        text = output()

        nonblack, colours = colour_stats(shot1)
        changed = sum(1 for r1, r2 in zip(shot1, shot2) for a, b in zip(r1, r2) if a != b)
        area = w * h
        fps_lines = [m.group(0) for m in FPS_RE.finditer(text)]
        print(f"window {geom[2]}x{geom[3]}+{geom[0]}+{geom[1]}: "
              f"{nonblack}/{area} non-black pixels, {colours} colours, "
              f"{changed} pixels changed in 1 s")
        for line in fps_lines:
            print(f"es2gears ({mode}): {line}")

        problems = []
        if area == 0:
            problems.append("window has no area")
        if nonblack * 50 < area:      # gears cover far more than 2% of the window
            problems.append(f"window is (almost) black: {nonblack} of {area} pixels lit")
        if colours < 3:
            problems.append(f"only {colours} colour(s) visible, expected several")
        if changed == 0:
            problems.append("the window did not change in 1 s (not animating)")
        if not fps_lines:
            problems.append(f"no FPS line printed within {args.seconds + args.fps_wait:.0f} s")
        elif all(int(FPS_RE.search(line).group(1)) == 0 for line in fps_lines):
            problems.append("es2gears reported 0 frames")
        if problems:
            return fail("; ".join(problems))
        print(f"PASS: es2gears rendered {mode}")
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
