#!/usr/bin/env python3
"""apitrace replays of real GLES programs, natively and through glstream,
compared snapshot by snapshot, pixel for pixel.

For every case a trace is recorded at test time, natively, under a private
Xvfb (`apitrace trace --api egl`): es2gears_x11 (stopped after --gears-seconds)
and glmark2-es2 benchmarks, one trace each, with a fixed frame count
(glmark2's `nframes` scene option).  Each trace is then replayed twice with
`eglretrace -s -` (a PNM snapshot of every frame on stdout): natively (Mesa)
and through glstream (a private glstream-server; eglretrace is an ordinary
EGL/GLES2 program).  Both replays must succeed, produce the same number of
frames, and every snapshot must be identical (zero differing pixels).  For
glmark2 cases the last snapshot is the scene's final frame.

  (default)       CI subset: es2gears + a few glmark2 scenes
  --full          es2gears + glmark2's whole default benchmark set
  --glmark2-all   --full + every non-default value of every scene option
                  that has a list of acceptable values (from --list-scenes)
  --gles3         the OpenGL ES 3 set instead: piglit's ES 3.x test programs
                  and shader_runner_gles3 shader tests (selected and classed
                  by version as tests/conformance/gls_piglit.py does), each
                  recorded natively with `-auto` (only those that pass), and
                  replayed with a snapshot after every draw call
                  (`eglretrace -S '*/draw'`); without --full one in
                  --gles3-fraction (name hash); traces eglretrace itself
                  cannot replay natively (persistent mappings, snapshots
                  of 2D array textures) are listed, not compared
A trace needing a higher OpenGL ES version than glstream offers (asked with
wflinfo / es2_info through glstream) is replayed natively only and reported
"skipped: glstream offers OpenGL ES X.Y": the comparison starts by itself
the day glstream offers that version.
Exit status: 0 all identical, 1 a difference or failure, 77 apitrace missing.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "harness"))
sys.path.insert(0, os.path.join(HERE, "..", "real"))
import glslib  # noqa: E402
import gls_piglit  # noqa: E402
from gls_es_version import as_text, as_tuple, offered_gl_version  # noqa: E402
from gls_real_glmark2 import DEFAULT_BENCHMARKS  # noqa: E402

GLMARK2 = "glmark2-es2"
GEARS = "es2gears_x11"
# CI subset: a spread of glmark2's features (VBOs, client arrays, textures
# with mipmaps, FBO effects, blending, several programs per frame).
SUBSET = [
    "build:use-vbo=false",
    "texture:texture-filter=mipmap",
    "shading:shading=phong",
    "bump:bump-render=normals",
    "effect2d:kernel=0,1,0;1,-4,1;0,1,0;",
    "desktop:blur-radius=5:effect=blur:passes=1:separable=true:windows=4",
    "buffer:columns=200:interleave=false:update-dispersion=0.9:update-fraction=0.5:update-method=map",
    "jellyfish",
    "refract",
]
# Options shared by every scene that do not change what is rendered in a
# way worth a case of its own.
GENERIC_OPTIONS = {"duration", "nframes", "show-fps", "title", "fps-pos", "fps-size",
                   "title-pos", "title-size"}


def glmark2_option_cases():
    """scene:option=value for every non-default acceptable value of every
    scene option listed by `glmark2-es2 --list-scenes`."""
    out = subprocess.run([GLMARK2, "--list-scenes"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=60).stdout.decode(errors="replace")
    cases, scene, opt, default = [], None, None, None
    for line in out.splitlines():
        s = line.strip()
        m = re.match(r"\[Scene\] (\S+)", s)
        if m:
            scene, opt = m.group(1), None
            continue
        m = re.match(r"\[Option\] (\S+)", s)
        if m:
            opt, default = m.group(1), None
            continue
        if s.startswith("Default Value:"):
            default = s.partition(":")[2].strip()
        elif s.startswith("Acceptable Values:") and scene and opt and opt not in GENERIC_OPTIONS:
            for val in s.partition(":")[2].strip().split(","):
                if val and val != default:
                    cases.append(f"{scene}:{opt}={val}")
    return cases


class Case:
    """One program to trace: argv, how long it runs (None: until it exits),
    the ES version its trace needs, the snapshot call set of the replays."""

    def __init__(self, name, cmd, stop_after=None, needs=(2, 0), callset=None,
                 env=None, cwd=None, must_pass=False):
        self.name, self.cmd, self.stop_after, self.needs = name, cmd, stop_after, needs
        self.callset, self.env, self.cwd, self.must_pass = callset, env or {}, cwd, must_pass


def gles3_cases(piglit_dir, native_env, args):
    """piglit's test programs and shader tests that need ES 3.x, as trace
    cases (parser tests draw nothing)."""
    tests = gls_piglit.select_tests(piglit_dir)
    tests = [t for t in tests if not os.path.basename(t.argv[0]).startswith("glslparsertest")]
    if not args.full:
        tests = [t for t in tests if gls_piglit.in_subset(t.name, args.gles3_fraction)]
    extra = {"PIGLIT_PLATFORM": "x11_egl", "PIGLIT_SOURCE_DIR": piglit_dir,
             "PATH": os.path.join(piglit_dir, "bin") + os.pathsep + native_env.get("PATH", "")}
    env = dict(native_env, **extra)
    gls_piglit.probe_versions(tests, env, piglit_dir, 2, 30.0)
    cases = []
    for t in tests:
        if t.version == "2.0":
            continue
        argv = [a for a in t.argv if a != "-fbo"]      # draw to the window
        cases.append(Case(f"piglit {t.name} [ES {t.version}]", argv, needs=as_tuple(t.version),
                          callset="*/draw", env=extra,
                          cwd=piglit_dir, must_pass=True))
    return cases


def piglit_status(log_text):
    status, _ = gls_piglit.parse_result(log_text, 0)
    return status


def read_pnm_stream(path):
    """Yield (comment, width, height, data) for each P6 image in the file."""
    with open(path, "rb") as f:
        while True:
            magic = f.readline()
            if not magic:
                return
            if magic.strip() != b"P6":
                raise ValueError(f"{path}: not a PNM stream (got {magic[:20]!r})")
            comment = b""
            line = f.readline()
            while line.startswith(b"#"):
                comment += line[1:].strip()
                line = f.readline()
            w, h = (int(x) for x in line.split())
            maxval = int(f.readline())
            if maxval != 255:
                raise ValueError(f"{path}: maxval {maxval}")
            data = f.read(w * h * 3)
            if len(data) != w * h * 3:
                raise ValueError(f"{path}: truncated image")
            yield comment.decode(), w, h, data


_masks = {}


def _pixel_bits(x, n):
    """One bit per RGB pixel (in the pixel's last byte) set where the pixel
    of the big-endian integer x of n bytes is non-zero: integer operations
    instead of a Python loop over the pixels."""
    if n not in _masks:
        _masks[n] = (int.from_bytes(b"\x01" * n, "big"),
                     int.from_bytes(b"\x00\x00\x01" * (n // 3), "big"))
    low, pixel = _masks[n]
    x |= x >> 4         # each byte's bit 0 = OR of its 8 bits
    x |= x >> 2
    x |= x >> 1
    x &= low
    return (x | (x >> 8) | (x >> 16)) & pixel


def differing_pixels(a, b, a2=None):
    """(pixels where b differs from a, undefined pixels): with a2, a second
    native snapshot made with other heap garbage, a pixel where a and a2
    differ is undefined (the program never wrote it) and not compared."""
    if a == b and (a2 is None or a2 == a):
        return 0, 0
    n = len(a)
    ia = int.from_bytes(a, "big")
    diff = _pixel_bits(ia ^ int.from_bytes(b, "big"), n)
    undefined = 0
    if a2 is not None and a2 != a:
        undef = _pixel_bits(ia ^ int.from_bytes(a2, "big"), n)
        undefined = undef.bit_count()
        diff &= ~undef
    return diff.bit_count(), undefined


def default_paths(args):
    build = args.build_dir or os.path.join(HERE, "..", "..", "build")
    os.environ.setdefault("GLSTREAM_SERVER_BIN", os.path.join(build, "glstream-server"))
    os.environ.setdefault("GLSTREAM_VENDOR_JSON", os.path.join(build, "client", "glstream_build.json"))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--full", action="store_true", help="glmark2's whole default set")
    p.add_argument("--glmark2-all", action="store_true",
                   help="--full plus every non-default scene option value")
    p.add_argument("--gles3", action="store_true", help="the OpenGL ES 3 set (piglit programs)")
    p.add_argument("--gles3-fraction", type=int, default=12, metavar="N",
                   help="without --full, --gles3 takes one piglit test in N (default 12)")
    p.add_argument("--native-twice", action="store_true",
                   help="replay natively in place of glstream (checks the comparison itself, "
                        "e.g. of the ES 3 set before glstream offers ES 3)")
    p.add_argument("--frames", type=int, default=12, help="glmark2 frames per scene")
    p.add_argument("--gears-seconds", type=float, default=2.0)
    p.add_argument("--size", default="400x300", help="glmark2 window size")
    p.add_argument("--timeout", type=float, default=180.0, help="seconds per record/replay")
    p.add_argument("--build-dir", help="glstream build dir (default: build/; meson test sets it)")
    p.add_argument("--filter", help="only cases whose name contains this")
    p.add_argument("--keep", help="keep traces and snapshots in this directory")
    args = p.parse_args(argv)

    for tool in ("apitrace", "eglretrace"):
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} not found (Debian packages apitrace, apitrace-tracers; "
                  "run tools/install-deps.sh)")
            return 77
    default_paths(args)

    cases = []
    piglit_dir = None
    if args.gles3:
        piglit_dir = gls_piglit.find_piglit(None)
        if not piglit_dir or not os.path.exists(os.path.join(piglit_dir, "bin", "shader_runner_gles3")):
            print("SKIP: piglit's GLES 3 programs are not installed (Debian package piglit)")
            return 77
    else:
        if shutil.which(GEARS):
            cases.append(Case("es2gears", [GEARS], stop_after=args.gears_seconds))
        else:
            print(f"note: {GEARS} not found, skipping it")
        if shutil.which(GLMARK2):
            benches = list(SUBSET)
            if args.full or args.glmark2_all:
                benches = list(DEFAULT_BENCHMARKS)
            if args.glmark2_all:
                benches += [c for c in glmark2_option_cases() if c not in benches]
            for b in benches:
                cases.append(Case(f"glmark2 {b}", [GLMARK2, "-s", args.size, "-b",
                                                   f"{b}:nframes={args.frames}"]))
        else:
            print(f"note: {GLMARK2} not found, skipping it")
        if not cases:
            print("SKIP: no program to trace (es2gears_x11, glmark2-es2)")
            return 77

    glslib.install_signal_handlers()
    t0 = time.monotonic()
    compared = identical = native_snapshots = 0
    failures, skipped, untraced, no_draw, unreplayable = [], [], [], [], []
    with glslib.Session(prefix="glstream-apitrace-") as s:
        try:
            s.start_xvfb()
            s.native_env()
            native_env = dict(s.env)
            s.start_server()
            gls_env = dict(s.env)
            if args.gles3:
                cases = gles3_cases(piglit_dir, native_env, args)
        except glslib.HarnessError as e:
            print(f"ERROR: {e}")
            return 1
        if args.filter:
            cases = [c for c in cases if args.filter in c.name]
        if args.native_twice:
            gls_env = native_env
        gls_text, gls_ver = offered_gl_version(gls_env)
        print(f"apitrace: {len(cases)} cases; glstream: {gls_text}", flush=True)
        work = args.keep or s.tmpdir
        os.makedirs(work, exist_ok=True)

        for idx, case in enumerate(cases):
            name = case.name
            trace = os.path.join(work, f"case{idx}.trace")
            log_path = os.path.join(work, f"case{idx}.record.log")
            rec = ["apitrace", "trace", "--api", "egl", "-o", trace] + case.cmd
            rec_env = dict(native_env, **case.env)
            with open(log_path, "wb") as logf:
                if case.stop_after:
                    proc = s.spawn("recorder", rec, env=rec_env, stdout=logf, stderr=logf,
                                   cwd=case.cwd)
                    time.sleep(case.stop_after)
                    glslib._stop(proc)      # SIGTERM: apitrace flushes the trace
                    rc = 0
                else:
                    rc = s.run(rec, timeout=args.timeout, env=rec_env,
                               stdout=logf, stderr=logf, cwd=case.cwd)
            log_text = glslib.read_text(log_path)
            if case.must_pass:
                # A piglit test exits non-zero unless it passes: trace the
                # ones that pass natively, note the others.
                status = piglit_status(log_text)
                if status != "pass":
                    untraced.append(f"{name}: natively {status}")
                    continue
                rc = 0
            if rc != 0 or not os.path.exists(trace) or os.path.getsize(trace) == 0:
                failures.append(f"{name}: recording failed (status {rc}):\n{log_text[-1500:]}")
                continue
            if "Unsupported" in log_text or "Set up failed" in log_text:
                failures.append(f"{name}: glmark2 did not run the scene natively:\n{log_text[-800:]}")
                continue

            sides = [("native", native_env)]
            if case.callset:
                # piglit leaves parts of the window undefined (no glClear):
                # two native replays with different heap garbage
                # (MALLOC_PERTURB_) tell the undefined pixels, which
                # glstream zero-fills, from the defined ones.
                sides = [("native", dict(native_env, MALLOC_PERTURB_="85")),
                         ("native2", dict(native_env, MALLOC_PERTURB_="170"))]
            if gls_ver is not None and gls_ver >= case.needs:
                sides.append(("glstream", dict(gls_env, MALLOC_PERTURB_="51")
                              if args.native_twice else gls_env))
            streams = {}
            for which, env in sides:
                out = os.path.join(work, f"case{idx}.{which}.pnm")
                err = os.path.join(work, f"case{idx}.{which}.log")
                replay = ["eglretrace"] + (["-S", case.callset] if case.callset else []) + ["-s", "-", trace]
                with open(out, "wb") as o, open(err, "wb") as e:
                    rc = s.run(replay, timeout=args.timeout, env=env, stdout=o, stderr=e)
                streams[which] = out
                if rc != 0 and which.startswith("native") and case.must_pass:
                    # eglretrace itself cannot replay some piglit traces
                    # (persistent mappings, 2D array texture snapshots):
                    # nothing to compare, said so.
                    why = [ln for ln in glslib.read_text(err).splitlines()
                           if "Assertion" in ln or "error:" in ln]
                    unreplayable.append(f"{name}: status {rc}: {why[0] if why else '?'}")
                    break
                if rc != 0:
                    failures.append(f"{name}: {which} replay failed (status {rc}):\n"
                                    + glslib.read_text(err)[-1500:])
            if any(u.startswith(f"{name}: ") for u in unreplayable):
                if not args.keep:
                    for f in [trace] + list(streams.values()):
                        os.unlink(f)
                continue
            if any(f.startswith(f"{name}: ") and "replay failed" in f for f in failures):
                continue
            if "glstream" not in streams:
                n_native = sum(1 for _ in read_pnm_stream(streams["native"]))
                native_snapshots += n_native
                skipped.append(name)
                print(f"  {name}: skipped: glstream offers OpenGL ES "
                      f"{as_text(gls_ver) if gls_ver else '(unknown)'}, the trace needs "
                      f"ES {as_text(case.needs)} ({n_native} native snapshots)", flush=True)
                if not args.keep:
                    for f in [trace] + list(streams.values()):
                        os.unlink(f)
                continue
            if os.path.getsize(streams["native"]) == 0 and case.callset:
                no_draw.append(name)      # a piglit test that draws nothing
                continue

            try:
                nat = list((c, w, h, hash(d)) for c, w, h, d in read_pnm_stream(streams["native"]))
            except ValueError as e:
                failures.append(f"{name}: {e}")
                continue
            case_frames = case_same = 0
            first_diff = None
            last_same = None
            case_undefined = 0
            gls_iter = read_pnm_stream(streams["glstream"])
            nat_iter = read_pnm_stream(streams["native"])
            nat2_iter = (read_pnm_stream(streams["native2"]) if "native2" in streams
                         else iter(lambda: (None, 0, 0, None), None))
            try:
                for (nc, nw, nh, nd), (gc, gw, gh, gd), (_c2, _w2, _h2, nd2) in zip(
                        nat_iter, gls_iter, nat2_iter):
                    case_frames += 1
                    if (nc, nw, nh) != (gc, gw, gh):
                        diff = f"snapshot {nc} {nw}x{nh} vs {gc} {gw}x{gh}"
                    else:
                        if nd2 is not None and len(nd2) != len(nd):
                            nd2 = None
                        n, undefined = differing_pixels(nd, gd, nd2)
                        case_undefined += undefined
                        diff = f"snapshot of call {nc}: {n} of {nw * nh} pixels differ" if n else None
                    last_same = diff is None
                    if diff is None:
                        case_same += 1
                    elif first_diff is None:
                        first_diff = diff
                n_gls = case_frames + sum(1 for _ in gls_iter)
            except ValueError as e:
                failures.append(f"{name}: {e}")
                continue
            compared += case_frames
            identical += case_same
            if not os.path.getsize(streams["native"]) or not nat:
                failures.append(f"{name}: the native replay produced no snapshot")
            elif n_gls != len(nat):
                failures.append(f"{name}: {len(nat)} native snapshots, {n_gls} through glstream")
            if first_diff:
                failures.append(f"{name}: {case_frames - case_same} of {case_frames} snapshots "
                                f"differ (first: {first_diff}; final frame "
                                f"{'identical' if last_same else 'differs'})")
            print(f"  {name}: {case_same}/{case_frames} snapshots identical"
                  f"{'' if last_same else ' (final frame differs)'}"
                  f"{f' ({case_undefined} undefined pixels not compared)' if case_undefined else ''}",
                  flush=True)
            if not args.keep:
                for f in [trace] + list(streams.values()):
                    os.unlink(f)
        server_ok = s.server_alive()
        if not server_ok:
            s.dump_logs()

    for f in failures:
        print(f"FAIL: {f}")
    if not server_ok:
        print("FAIL: glstream-server died during the run")
    for u in untraced:
        print(f"not traced (only tests that pass natively are): {u}")
    for u in unreplayable:
        print(f"eglretrace cannot replay it natively (nothing to compare): {u}")
    if no_draw:
        print(f"no draw call to snapshot ({len(no_draw)}): {', '.join(no_draw)}")
    traced = len(cases) - len(untraced)
    if unreplayable:
        skip_note_u = f"; {len(unreplayable)} that eglretrace cannot replay natively"
    else:
        skip_note_u = ""
    skip_note = ""
    if skipped:
        skip_note = (f"; {len(skipped)} skipped: glstream offers OpenGL ES "
                     f"{as_text(gls_ver) if gls_ver else '(unknown)'} "
                     f"({native_snapshots} native snapshots replayed)")
    print(f"apitrace: {traced} traces, {compared} snapshots compared, {identical} identical"
          f"{skip_note}{skip_note_u}; {time.monotonic() - t0:.0f} s")
    if failures or not server_ok or (compared == 0 and not skipped):
        print("FAIL")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
