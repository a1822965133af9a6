#!/usr/bin/env python3
"""glmark2-es2 (Debian: glmark2-es2-x11) in a 400x300 window under a private
Xvfb, through glstream (default: `glstream-run` autostarting a private
server) or natively (--native).

It runs glmark2's default benchmark set with a short duration for every
scene (`-b :duration=D` sets a default option for the benchmarks that
follow it; the default set is passed explicitly so the test knows which
results to expect).  Passes when glmark2 exits 0, every requested benchmark
printed a "FPS:" result, none printed "Unsupported" / "Set up failed" or any
other non-FPS result, and the "glmark2 Score:" line was printed.
Exit 77 (skip) when glmark2-es2 is missing.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402

PROGRAM = "glmark2-es2"

# glmark2's default benchmark set (src/default-benchmarks.h, glmark2 2023.01,
# the version in Debian 12); each is checked against --list-scenes below.
DEFAULT_BENCHMARKS = [
    "build:use-vbo=false",
    "build:use-vbo=true",
    "texture:texture-filter=nearest",
    "texture:texture-filter=linear",
    "texture:texture-filter=mipmap",
    "shading:shading=gouraud",
    "shading:shading=blinn-phong-inf",
    "shading:shading=phong",
    "shading:shading=cel",
    "bump:bump-render=high-poly",
    "bump:bump-render=normals",
    "bump:bump-render=height",
    "effect2d:kernel=0,1,0;1,-4,1;0,1,0;",
    "effect2d:kernel=1,1,1,1,1;1,1,1,1,1;1,1,1,1,1;",
    "pulsar:light=false:quads=5:texture=false",
    "desktop:blur-radius=5:effect=blur:passes=1:separable=true:windows=4",
    "desktop:effect=shadow:windows=4",
    "buffer:columns=200:interleave=false:update-dispersion=0.9:update-fraction=0.5:update-method=map",
    "buffer:columns=200:interleave=false:update-dispersion=0.9:update-fraction=0.5:update-method=subdata",
    "buffer:columns=200:interleave=true:update-dispersion=0.9:update-fraction=0.5:update-method=map",
    "ideas:speed=duration",
    "jellyfish",
    "terrain",
    "shadow",
    "refract",
    "conditionals:fragment-steps=0:vertex-steps=0",
    "conditionals:fragment-steps=5:vertex-steps=0",
    "conditionals:fragment-steps=0:vertex-steps=5",
    "function:fragment-complexity=low:fragment-steps=5",
    "function:fragment-complexity=medium:fragment-steps=5",
    "loop:fragment-loop=false:fragment-steps=5:vertex-steps=5",
    "loop:fragment-steps=5:fragment-uniform=false:vertex-steps=5",
    "loop:fragment-steps=5:fragment-uniform=true:vertex-steps=5",
]

RESULT_RE = re.compile(r"^\[(?P<scene>[\w-]+)\] (?P<opts>.*?): (?P<result>.*)$")
FPS_RE = re.compile(r"^FPS: (\d+) FrameTime: ([\d.]+) ms")
SCORE_RE = re.compile(r"glmark2 Score: (\d+)")


def available_scenes():
    out = subprocess.run([PROGRAM, "--list-scenes"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=60)
    return set(re.findall(r"^\[Scene\] (\S+)", out.stdout.decode(errors="replace"), re.M))


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--native", action="store_true", help="run natively, without glstream")
    p.add_argument("--qrexec", action="store_true",
                   help="through glstream over a stand-in qrexec call (glstream-server --stdio)")
    p.add_argument("--duration", default="0.2", help="seconds per scene")
    p.add_argument("--size", default="400x300", help="window size")
    p.add_argument("--timeout", type=float, default=280.0)
    args = p.parse_args(argv)

    if shutil.which(PROGRAM) is None:
        print(f"SKIP: {PROGRAM} not found (run tools/install-deps.sh)")
        return 77
    scenes = available_scenes()
    missing = sorted({b.split(":")[0] for b in DEFAULT_BENCHMARKS} - scenes)
    if missing:
        print(f"ERROR: {PROGRAM} --list-scenes lacks scenes {missing}; update DEFAULT_BENCHMARKS")
        return 1

    glslib.install_signal_handlers()
    with glslib.Session(prefix="glstream-glmark2-") as s:
        try:
            s.start_xvfb()
            if args.native:
                s.native_env()
                prefix = []
            elif args.qrexec:
                s.use_qrexec_stand_in()
                prefix = []
            else:
                s.native_env()          # glstream-run sets what it needs
                prefix = s.glstream_run_prefix()
        except glslib.HarnessError as e:
            print(f"ERROR: {e}")
            return 1

        cmd = prefix + [PROGRAM, "-s", args.size, "-b", f":duration={args.duration}"]
        for bench in DEFAULT_BENCHMARKS:
            cmd += ["-b", bench]
        out_path = os.path.join(s.tmpdir, "glmark2.out")
        mode = "natively" if args.native else "through glstream"
        print(f"running {mode}: {' '.join(cmd)}", flush=True)
        with open(out_path, "wb") as out:
            status = s.run(cmd, timeout=args.timeout, stdout=out, stderr=subprocess.STDOUT)
        text = glslib.read_text(out_path)
        print(text, end="")

        results = []
        for line in text.splitlines():
            m = RESULT_RE.match(line.strip())
            if m:
                results.append(m)
        problems = []
        if status != 0:
            problems.append(f"{PROGRAM} exited with status {status}")
        for i, bench in enumerate(DEFAULT_BENCHMARKS):
            scene = bench.split(":")[0]
            if i >= len(results):
                problems.append(f"benchmark {i + 1} ({bench}) did not run")
                continue
            m = results[i]
            if m.group("scene") != scene:
                problems.append(f"benchmark {i + 1}: expected scene {scene}, "
                                f"got [{m.group('scene')}]")
            elif not FPS_RE.match(m.group("result")):
                problems.append(f"[{scene}] {m.group('opts')}: {m.group('result').strip()}")
        if len(results) > len(DEFAULT_BENCHMARKS):
            problems.append(f"{len(results)} results for {len(DEFAULT_BENCHMARKS)} benchmarks")
        score = SCORE_RE.search(text)
        if not score:
            problems.append("no 'glmark2 Score:' line")

        ok = sum(1 for m in results if FPS_RE.match(m.group("result")))
        print(f"summary ({mode}): {ok}/{len(DEFAULT_BENCHMARKS)} benchmarks with an FPS result"
              + (f", glmark2 Score: {score.group(1)}" if score else ""))
        if problems:
            for line in problems:
                print(f"FAIL: {line}")
            s.dump_logs()
            return 1
        print(f"PASS: glmark2-es2 ran every default scene {mode}")
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
