#!/usr/bin/env python3
"""piglit's OpenGL ES 2.0 tests, natively and through glstream.

The tests are selected from piglit's installed test profiles (quick_gl,
quick_shader, glslparser: gzip'ed XML lists under
/usr/lib/<triplet>/piglit/tests), never from a hand-written list.  A test
is a GLES 2.0 test when its program is one of piglit's GLES 2 builds:

  - its binary name ends in `_gles2` (piglit builds its ES 2 tests as
    `<name>_gles2`; shader_test files that declare `GL ES <= 2.0` run with
    `shader_runner_gles2`);
  - for `glslparsertest_gles2` (used for GLSL ES 1.00 and 3.x) only when the
    GLSL ES version argument is below 3.00 (`1.00`, `1.0 es`).

Each test runs twice under one private Xvfb with PIGLIT_PLATFORM=x11_egl
(waffle's EGL platform, so glvnd's EGL vendor selection applies): natively
(Mesa) and through glstream (a private glstream-server, GLSTREAM_SERVER +
__EGL_VENDOR_LIBRARY_FILENAMES).  The command line is the one `piglit run`
uses (`-auto -fbo` for concurrent GL tests, `-auto` for the others); the
result is the last `PIGLIT: {"result": ...}` line (with its subtests), or
crash/timeout.

Every test whose glstream result (status and subtest statuses) differs from
its native one must be listed in tests/conformance/piglit-expected.txt with
its two results and a reason; any other difference fails the run.  Entries
whose difference did not happen are reported as stale (fail with
--strict).

  --subset (default): a deterministic fraction (sha1 of the test name)
  --full            : every selected test
Exit status: 0 ok, 1 new differences (or harness error), 77 piglit missing.
"""

import argparse
import ast
import concurrent.futures
import glob
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "harness"))
import glslib  # noqa: E402

PROFILES = ("quick_gl", "quick_shader", "glslparser")
EXPECTED = os.path.join(HERE, "piglit-expected.txt")
PIGLIT_RE_PREFIX = "PIGLIT: "


def find_piglit(explicit):
    cands = [explicit] if explicit else (
        sorted(glob.glob("/usr/lib/*/piglit")) + ["/usr/lib/piglit", "/usr/local/lib/piglit"])
    for d in cands:
        if d and os.path.isfile(os.path.join(d, "tests", "quick_gl.xml.gz")):
            return d
    return None


def glsl_es_version(arg):
    """'1.00' / '1.0 es' / '3.00' -> float, or None when it is no version."""
    try:
        return float(arg.split()[0])
    except (ValueError, IndexError):
        return None


def is_gles2(cmd):
    prog = os.path.basename(cmd[0])
    if prog == "glslparsertest_gles2":
        ver = glsl_es_version(cmd[3]) if len(cmd) > 3 else None
        return ver is not None and ver < 3.0
    return prog.endswith("_gles2")


def select_tests(piglit_dir):
    """[(name, argv, concurrent)] of every GLES 2.0 test of PROFILES, sorted."""
    tests = {}
    for prof in PROFILES:
        path = os.path.join(piglit_dir, "tests", prof + ".xml.gz")
        with gzip.open(path) as f:
            root = ET.parse(f).getroot()
        for t in root.iter("Test"):
            opts = {o.get("name"): o.get("value") for o in t.findall("option")}
            if "command" not in opts:
                continue
            cmd = ast.literal_eval(opts["command"])
            if not cmd or not is_gles2(cmd):
                continue
            concurrent = opts.get("run_concurrent", "True") == "True"
            ttype = t.get("type")
            if ttype == "shader":
                argv = [cmd[0], os.path.join(piglit_dir, cmd[1]), "-auto", "-fbo"]
            elif ttype == "glsl_parser":
                argv = [cmd[0], os.path.join(piglit_dir, cmd[1])] + cmd[2:]
            else:       # gl, gl_builtin
                argv = cmd + (["-auto", "-fbo"] if concurrent else ["-auto"])
            tests[t.get("name")] = (argv, concurrent)
    return [(n, a, c) for n, (a, c) in sorted(tests.items())]


def in_subset(name, fraction):
    h = int.from_bytes(hashlib.sha1(name.encode()).digest()[:4], "big")
    return h % fraction == 0


def parse_result(out, rc):
    """piglit status + subtests from a test's output and exit status."""
    status, subtests = None, {}
    for line in out.splitlines():
        if not line.startswith(PIGLIT_RE_PREFIX):
            continue
        try:
            d = json.loads(line[len(PIGLIT_RE_PREFIX):])
        except ValueError:
            continue
        if "result" in d:
            status = d["result"]
        for k, v in d.get("subtest", {}).items():
            subtests[k] = v
    if rc is None:
        return "timeout", subtests
    if rc < 0 or rc >= 128:     # killed by a signal
        return "crash", subtests
    if status is None:
        if subtests:    # piglit derives the status from the worst subtest
            order = ["skip", "pass", "warn", "fail", "crash"]
            status = max(subtests.values(), key=lambda s: order.index(s) if s in order else 4)
        else:
            status = "crash" if rc else "fail"
    elif status == "pass" and rc != 0:
        status = "warn"
    return status, subtests


# Failures of the test environment, not of the test: Xvfb refuses a
# connection now and then when many short-lived clients connect.
ENV_FAILURES = ("XOpenDisplay failed",)


def run_one(argv, env, cwd, timeout, tries=3):
    for _ in range(tries):
        r = run_once(argv, env, cwd, timeout)
        if not any(m in r["out"] for m in ENV_FAILURES):
            break
        glslib.log(f"X connection refused, running again: {' '.join(argv)}")
    return r


def run_once(argv, env, cwd, timeout):
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        glslib._stop(proc)
        out, _ = proc.communicate()
        rc = None
    status, subtests = parse_result(out.decode(errors="replace"), rc)
    return {"status": status, "subtests": subtests, "rc": rc,
            "out": out.decode(errors="replace")[-4000:], "secs": time.monotonic() - t0}


def describe(r):
    s = r["status"]
    bad = sorted(k for k, v in r["subtests"].items() if v not in ("pass", "skip"))
    return s + (f" (subtests not passing: {', '.join(bad)})" if bad else "")


def load_expected(path):
    """{name: (native, glstream, reason)} from 'name | native -> glstream | reason'."""
    exp = {}
    if not os.path.exists(path):
        return exp
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ")]
            if len(parts) != 3 or "->" not in parts[1] or not parts[2]:
                raise glslib.HarnessError(f"{path}:{n}: expected 'NAME | NATIVE -> GLSTREAM | REASON'")
            nat, _, gls = (p.strip() for p in parts[1].partition("->"))
            exp[parts[0]] = (nat, gls, parts[2])
    return exp


def default_paths(args):
    build = args.build_dir or os.path.join(HERE, "..", "..", "build")
    os.environ.setdefault("GLSTREAM_SERVER_BIN", os.path.join(build, "glstream-server"))
    os.environ.setdefault("GLSTREAM_VENDOR_JSON", os.path.join(build, "client", "glstream_build.json"))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = p.add_mutually_exclusive_group()
    g.add_argument("--full", action="store_true", help="every selected GLES 2.0 test")
    g.add_argument("--subset", type=int, nargs="?", const=2, default=2, metavar="N",
                   help="one test in N, chosen by name hash (default 2)")
    p.add_argument("--jobs", "-j", type=int, default=2)
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per test run")
    p.add_argument("--piglit-dir", help="piglit's install dir (default: found under /usr/lib)")
    p.add_argument("--build-dir", help="glstream build dir (default: build/; meson test sets it)")
    p.add_argument("--filter", help="only tests whose name contains this")
    p.add_argument("--list", action="store_true", help="print the selection and exit")
    p.add_argument("--expected", default=EXPECTED, help="expectations file (default: %(default)s)")
    p.add_argument("--strict", action="store_true", help="stale expectations fail too")
    p.add_argument("--verbose", "-v", action="store_true", help="print every test's results")
    args = p.parse_args(argv)

    piglit_dir = find_piglit(args.piglit_dir)
    if not piglit_dir:
        print("SKIP: piglit is not installed (Debian package piglit; run tools/install-deps.sh)")
        return 77
    if not os.path.exists(os.path.join(piglit_dir, "bin", "shader_runner_gles2")):
        print(f"SKIP: {piglit_dir} has no GLES 2 binaries")
        return 77
    default_paths(args)

    tests = select_tests(piglit_dir)
    total_gles2 = len(tests)
    if not args.full:
        tests = [t for t in tests if in_subset(t[0], args.subset)]
    if args.filter:
        tests = [t for t in tests if args.filter in t[0]]
    mode = "full" if args.full else f"subset 1/{args.subset}"
    print(f"piglit: {piglit_dir}; {total_gles2} GLES 2.0 tests in {', '.join(PROFILES)}; "
          f"running {len(tests)} ({mode})", flush=True)
    if args.list:
        for name, a, _c in tests:
            print(f"{name}: {' '.join(a)}")
        return 0
    if not tests:
        print("FAIL: no test selected")
        return 1
    try:
        expected = load_expected(args.expected)
    except glslib.HarnessError as e:
        print(f"ERROR: {e}")
        return 1

    glslib.install_signal_handlers()
    with glslib.Session(prefix="glstream-piglit-") as s:
        try:
            s.start_xvfb()
            s.env["PIGLIT_PLATFORM"] = "x11_egl"
            s.env["PIGLIT_SOURCE_DIR"] = piglit_dir
            s.env["PATH"] = os.path.join(piglit_dir, "bin") + os.pathsep + s.env.get("PATH", "")
            s.native_env()
            native_env = dict(s.env)
            s.start_server()
            gls_env = dict(s.env)
        except glslib.HarnessError as e:
            print(f"ERROR: {e}")
            return 1

        jobs = [(name, argv_, conc, which, env)
                for name, argv_, conc in tests
                for which, env in (("native", native_env), ("glstream", gls_env))]
        results = {}
        t0 = time.monotonic()

        def work(job):
            name, argv_, _conc, which, env = job
            return name, which, run_one(argv_, env, piglit_dir, args.timeout)

        done = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            for name, which, r in ex.map(work, [j for j in jobs if j[2]]):
                results[(name, which)] = r
                done += 1
                if done % 50 == 0:
                    print(f"  ... {done}/{len(jobs)} runs, {time.monotonic() - t0:.0f} s", flush=True)
        for job in [j for j in jobs if not j[2]]:      # piglit runs these alone
            name, which, r = work(job)
            results[(name, which)] = r
        if not s.server_alive():
            print("FAIL: glstream-server died during the run")
            s.dump_logs()
            return 1

    passed = {"native": 0, "glstream": 0}
    new, known, fixed, mismatch = [], [], [], []
    for name, _a, _c in tests:
        nat, gls = results[(name, "native")], results[(name, "glstream")]
        for which, r in (("native", nat), ("glstream", gls)):
            if r["status"] == "pass":
                passed[which] += 1
        if args.verbose:
            print(f"  {name}: native {describe(nat)}; glstream {describe(gls)}")
        same = nat["status"] == gls["status"] and nat["subtests"] == gls["subtests"]
        exp = expected.get(name)
        if same:
            if exp:
                fixed.append((name, exp))
            continue
        if exp and exp[0] == nat["status"] and exp[1] == gls["status"]:
            known.append((name, nat, gls, exp[2]))
        elif exp:
            mismatch.append((name, nat, gls, exp))
        else:
            new.append((name, nat, gls))

    for name, nat, gls, reason in known:
        print(f"known difference: {name}: native {describe(nat)}, glstream {describe(gls)} -- {reason}")
    for name, nat, gls, exp in mismatch:
        print(f"CHANGED difference: {name}: expected native {exp[0]} -> glstream {exp[1]}, "
              f"got native {describe(nat)}, glstream {describe(gls)}")
    for name, nat, gls in new:
        print(f"NEW difference: {name}: native {describe(nat)}, glstream {describe(gls)}")
        print(f"  command: {' '.join(tests_argv(tests, name))}")
        for which, r in (("native", nat), ("glstream", gls)):
            print(f"  ---- {which} output (tail) ----")
            print("  " + r["out"][-1200:].replace("\n", "\n  "))
    for name, exp in fixed:
        print(f"stale expectation: {name} ({exp[0]} -> {exp[1]}) now gives the same result both ways")
    elapsed = time.monotonic() - t0
    diffs = len(known) + len(mismatch) + len(new)
    print(f"piglit GLES2: {len(tests)} tests run, {passed['native']} passed natively, "
          f"{passed['glstream']} passed through glstream, {diffs} differences "
          f"({len(known)} expected, {len(new) + len(mismatch)} new), "
          f"{len(fixed)} stale expectations; {elapsed:.0f} s")
    if new or mismatch or (args.strict and fixed):
        print("FAIL")
        return 1
    print("OK")
    return 0


def tests_argv(tests, name):
    for n, a, _c in tests:
        if n == name:
            return a
    return []


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
