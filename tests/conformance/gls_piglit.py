#!/usr/bin/env python3
"""piglit's OpenGL ES 2.0, 3.0, 3.1 and 3.2 tests, natively and through
glstream, counted per ES version.

The tests are selected from piglit's installed test profiles (quick_gl,
quick_shader, glslparser: gzip'ed XML lists under
/usr/lib/<triplet>/piglit/tests), never from a hand-written list.  A test
is an OpenGL ES test when its program is one of piglit's GLES builds:

  - test programs (profile types gl, gl_builtin) linked against
    libpiglitutil_gles2 or libpiglitutil_gles3 (piglit's CMakeLists.gles2 /
    .gles3 builds: the `*_gles2` / `*_gles3` binaries and a few others such
    as `gles-3.0-*`, `ext_clear_texture-*`, the EGL tests that draw with ES);
  - shader tests run by `shader_runner_gles2` / `shader_runner_gles3`;
  - GLSL ES parser tests run by `glslparsertest_gles2`.

Each test is classed by the OpenGL ES version it needs (2.0, 3.0, 3.1, 3.2):

  - a shader test by its file's [require] section: `GL ES >= X.Y`, or the
    ES version of `GLSL ES >= A.BC` when that is higher;
  - a parser test by its GLSL ES version argument (1.00 -> 2.0, 3.00 -> 3.0,
    3.10 -> 3.1, 3.20 -> 3.2);
  - a test program by what it asks for: it is run once natively with
    MESA_GLES_VERSION_OVERRIDE=1.0, so that Mesa refuses every ES context,
    and piglit prints the version it asked for ("Failed to create
    waffle_context for OpenGL ES 3.1 Context").  A program that creates its
    contexts itself (the EGL tests) prints none: it is classed by its library
    (gles2 -> 2.0, gles3 -> 3.0) and listed as such by --list.

Each test runs twice under one private Xvfb with PIGLIT_PLATFORM=x11_egl
(waffle's EGL platform, so glvnd's EGL vendor selection applies): natively
(Mesa) and through glstream (a private glstream-server, GLSTREAM_SERVER +
__EGL_VENDOR_LIBRARY_FILENAMES).  The command line is the one `piglit run`
uses (`-auto -fbo` for concurrent GL tests, `-auto` for the others); the
result is the last `PIGLIT: {"result": ...}` line (with its subtests), or
crash/timeout.

Every test whose glstream result (status and subtest statuses) differs from
its native one must be expected in tests/conformance/piglit-expected.txt:

  TEST NAME | NATIVE -> GLSTREAM | REASON      one test (NATIVE may list the
                                               statuses of a flaky native
                                               test: pass/crash)
  class ES X.Y | * -> GLSTREAM | REASON        every test of version class
                                               X.Y, while glstream offers a
                                               lower version than X.Y
  below ES X.Y: TEST NAME | NATIVE -> GLSTREAM | REASON
                                               one test, while glstream
                                               offers a lower version than
                                               X.Y (the test needs what a
                                               context of X.Y advertises);
                                               ignored from then on

A class entry covers a test only when the test needs exactly ES X.Y, its
glstream status is GLSTREAM, and the OpenGL ES version glstream offers
(asked with wflinfo at the start of the run) is below X.Y: it is the
"glstream does not offer that version yet" cause and nothing else.  Once
glstream offers X.Y the entry stops applying and is reported stale; every
test of the class then needs the same result both ways or its own entry.
Any other difference fails the run.  Entries whose difference did not
happen are reported as stale (fail with --strict).

  --subset N (default 2): the ES 2.0-family tests (gles2 library,
                    shader_runner_gles2, GLSL ES 1.00) whose name hash is
                    divisible by N, and the others whose hash is divisible
                    by N * --es3-factor (default 16)
  --full          : every selected test
  --versions 2.0,3.1: only tests of these version classes
Exit status: 0 ok, 1 new differences (or harness error), 77 piglit missing.
"""

import argparse
import ast
import collections
import concurrent.futures
import glob
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "harness"))
import glslib  # noqa: E402
from gls_es_version import (ES_VERSIONS, as_text, as_tuple, glsl_es_to_es,  # noqa: E402
                            offered_gl_version)

PROFILES = ("quick_gl", "quick_shader", "glslparser")
EXPECTED = os.path.join(HERE, "piglit-expected.txt")
PIGLIT_RE_PREFIX = "PIGLIT: "
GLES_LIBS = {b"libpiglitutil_gles2.so": "2", b"libpiglitutil_gles3.so": "3"}
CONTEXT_REQUEST_RE = re.compile(r"Failed to create waffle_context for OpenGL ES (\d+\.\d+)")
CLASS_PREFIX = "class ES "
BELOW_RE = re.compile(r"below ES (\d+\.\d+): (.+)")


class Test:
    """One selected piglit test."""

    def __init__(self, name, argv, concurrent, family, version=None, how=None):
        self.name = name
        self.argv = argv
        self.concurrent = concurrent
        self.family = family        # '2' or '3': piglit's gles2 or gles3 build
        self.version = version      # ES version class, once known
        self.how = how              # how the version was found


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


_lib_family_cache = {}


def gles_library_family(path):
    """'2' / '3' when the program links piglit's GLES 2 / GLES 3 utility
    library (its name is in the dynamic string table), else None."""
    if path not in _lib_family_cache:
        fam = None
        try:
            with open(path, "rb") as f:
                data = f.read()
            for lib, which in GLES_LIBS.items():
                if lib in data:
                    fam = which
        except OSError:
            pass
        _lib_family_cache[path] = fam
    return _lib_family_cache[path]


def shader_test_version(path, family):
    """ES version class from a shader_test's [require] section."""
    gl_es, glsl = None, None
    try:
        with open(path, errors="replace") as f:
            in_require = False
            for line in f:
                s = line.strip()
                if s.startswith("["):
                    if in_require:
                        break
                    in_require = s == "[require]"
                    continue
                if not in_require:
                    continue
                m = re.match(r"GL ES\s*>=?\s*(\d+\.\d+)", s)
                if m:
                    gl_es = m.group(1)
                m = re.match(r"GLSL ES\s*>=?\s*(\d+\.\d+)", s)
                if m:
                    glsl = glsl_es_to_es(float(m.group(1)))
    except OSError:
        pass
    found = [v for v in (gl_es, glsl) if v in ES_VERSIONS]
    if found:
        return max(found, key=as_tuple), "[require]"
    return ("2.0" if family == "2" else "3.0"), "shader_runner build"


def builtin_constants_version(piglit_dir, rel):
    """ES version class of a built-in-constants test from its list's first
    line, the GLSL ES version it checks ('100', '300 es', '310 es', ...)."""
    for path in (os.path.join(piglit_dir, "tests", rel), os.path.join(piglit_dir, rel)):
        try:
            with open(path, errors="replace") as f:
                first = f.readline().split()
        except OSError:
            continue
        if first and first[0].isdigit():
            ver = glsl_es_to_es(int(first[0]) / 100.0)
            if ver:
                return ver, "GLSL ES version of its list"
    return None, None


def select_tests(piglit_dir):
    """[Test] of every OpenGL ES test of PROFILES, sorted by name; shader and
    parser tests have their version class, test programs get it from
    probe_versions()."""
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
            if not cmd:
                continue
            prog = os.path.basename(cmd[0])
            concurrent = opts.get("run_concurrent", "True") == "True"
            ttype = t.get("type")
            name = t.get("name")
            if ttype == "shader":
                if prog not in ("shader_runner_gles2", "shader_runner_gles3"):
                    continue
                fam = prog[-1]
                file_ = os.path.join(piglit_dir, cmd[1])
                argv = [cmd[0], file_, "-auto", "-fbo"]
                ver, how = shader_test_version(file_, fam)
                tests[name] = Test(name, argv, concurrent, fam, ver, how)
            elif ttype == "glsl_parser":
                if prog != "glslparsertest_gles2":
                    continue
                ver = glsl_es_to_es(glsl_es_version(cmd[3]) if len(cmd) > 3 else None)
                if ver is None:
                    continue
                argv = [cmd[0], os.path.join(piglit_dir, cmd[1])] + cmd[2:]
                tests[name] = Test(name, argv, concurrent, "2" if ver == "2.0" else "3",
                                   ver, "GLSL ES version argument")
            else:       # gl, gl_builtin
                fam = gles_library_family(os.path.join(piglit_dir, "bin", prog))
                if fam is None:
                    continue
                argv = cmd + (["-auto", "-fbo"] if concurrent else ["-auto"])
                ver, how = None, None
                if ttype == "gl_builtin" and len(cmd) > 1:
                    ver, how = builtin_constants_version(piglit_dir, cmd[1])
                tests[name] = Test(name, argv, concurrent, fam, ver, how)
    return [tests[n] for n in sorted(tests)]


def probe_versions(tests, env, cwd, jobs, timeout):
    """Give each test program its ES version class: run it with every ES
    context refused and read the version piglit asked for."""
    env = dict(env, MESA_GLES_VERSION_OVERRIDE="1.0")
    todo = [t for t in tests if t.version is None]

    def probe(t):
        return t, run_one(t.argv, env, cwd, timeout)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        for t, r in ex.map(probe, todo):
            m = CONTEXT_REQUEST_RE.search(r["out"])
            if m and m.group(1) in ES_VERSIONS:
                t.version, t.how = m.group(1), "context request"
            else:
                t.version = "2.0" if t.family == "2" else "3.0"
                t.how = f"gles{t.family} library (no context request printed)"


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


# Runs that died before printing anything, run once more; each is reported
# (a crash that happens again is a result like any other).
SILENT_CRASHES = []


def run_one(argv, env, cwd, timeout, tries=3):
    silent_retry = True
    for _ in range(tries):
        r = run_once(argv, env, cwd, timeout)
        if any(m in r["out"] for m in ENV_FAILURES):
            glslib.log(f"X connection refused, running again: {' '.join(argv)}")
            continue
        if r["status"] == "crash" and not r["out"].strip() and silent_retry:
            silent_retry = False
            SILENT_CRASHES.append(f"{' '.join(argv)} (status {r['rc']}, "
                                  f"{'glstream' if env.get('GLSTREAM_SERVER') else 'native'})")
            glslib.log(f"died without output (status {r['rc']}), running again: {' '.join(argv)}")
            continue
        break
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
    """({name: (native, glstream, reason)}, {version: (glstream, reason)})
    from 'NAME | NATIVE -> GLSTREAM | REASON' and
    'class ES X.Y | * -> GLSTREAM | REASON' lines."""
    exp, classes = {}, {}
    if not os.path.exists(path):
        return exp, classes
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ", 2)]
            if len(parts) != 3 or "->" not in parts[1] or not parts[2]:
                raise glslib.HarnessError(f"{path}:{n}: expected 'NAME | NATIVE -> GLSTREAM | REASON'")
            nat, _, gls = (p.strip() for p in parts[1].partition("->"))
            if parts[0].startswith(CLASS_PREFIX):
                ver = parts[0][len(CLASS_PREFIX):]
                if ver not in ES_VERSIONS or nat != "*" or not gls or gls == "*":
                    raise glslib.HarnessError(
                        f"{path}:{n}: a class entry is 'class ES X.Y | * -> GLSTREAM | REASON' "
                        f"with X.Y one of {', '.join(ES_VERSIONS)} and one glstream status")
                if ver in classes:
                    raise glslib.HarnessError(f"{path}:{n}: a second entry for class ES {ver}")
                classes[ver] = (gls, parts[2])
                continue
            if "*" in (nat, gls) or "/" in gls:
                raise glslib.HarnessError(f"{path}:{n}: '*' is for class entries only; "
                                          "'/' (alternatives) for flaky native results only")
            name, below = parts[0], None
            m = BELOW_RE.fullmatch(name)
            if m:
                if m.group(1) not in ES_VERSIONS:
                    raise glslib.HarnessError(f"{path}:{n}: 'below ES X.Y:' with X.Y one of {', '.join(ES_VERSIONS)}")
                name, below = m.group(2), as_tuple(m.group(1))
            if name in exp:
                raise glslib.HarnessError(f"{path}:{n}: a second entry for {name}")
            exp[name] = (nat, gls, parts[2], below)
    return exp, classes


def applying(expected, gls_ver):
    """The test entries in force for a glstream offering gls_ver: a
    `below ES X.Y:` entry only while gls_ver is below X.Y."""
    return {name: e[:3] for name, e in expected.items()
            if e[3] is None or (gls_ver is not None and gls_ver < e[3])}


def default_paths(args):
    build = args.build_dir or os.path.join(HERE, "..", "..", "build")
    os.environ.setdefault("GLSTREAM_SERVER_BIN", os.path.join(build, "glstream-server"))
    os.environ.setdefault("GLSTREAM_VENDOR_JSON", os.path.join(build, "client", "glstream_build.json"))


def parse_versions(text):
    vers = [v.strip() for v in text.split(",") if v.strip()]
    bad = [v for v in vers if v not in ES_VERSIONS]
    if bad or not vers:
        raise argparse.ArgumentTypeError(f"versions are among {', '.join(ES_VERSIONS)}")
    return set(vers)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = p.add_mutually_exclusive_group()
    g.add_argument("--full", action="store_true", help="every selected test")
    g.add_argument("--subset", type=int, nargs="?", const=2, default=2, metavar="N",
                   help="one ES 2.0-family test in N, chosen by name hash (default 2)")
    p.add_argument("--es3-factor", type=int, default=16, metavar="M",
                   help="the subset takes one ES 3-family test in N*M (default 16)")
    p.add_argument("--versions", type=parse_versions, default=set(ES_VERSIONS),
                   metavar="X.Y,...", help="only these version classes (default: all)")
    p.add_argument("--jobs", "-j", type=int, default=2)
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per test run")
    p.add_argument("--piglit-dir", help="piglit's install dir (default: found under /usr/lib)")
    p.add_argument("--build-dir", help="glstream build dir (default: build/; meson test sets it)")
    p.add_argument("--filter", help="only tests whose name contains this")
    p.add_argument("--list", action="store_true", help="print the selection (with version classes) and exit")
    p.add_argument("--native-only", action="store_true",
                   help="run the native side only (timings and native counts; no comparison)")
    p.add_argument("--expected", default=EXPECTED, help="expectations file (default: %(default)s)")
    p.add_argument("--strict", action="store_true", help="stale expectations fail too")
    p.add_argument("--verbose", "-v", action="store_true", help="print every test's results")
    args = p.parse_args(argv)

    piglit_dir = find_piglit(args.piglit_dir)
    if not piglit_dir:
        print("SKIP: piglit is not installed (Debian package piglit; run tools/install-deps.sh)")
        return 77
    if not os.path.exists(os.path.join(piglit_dir, "bin", "shader_runner_gles2")):
        print(f"SKIP: {piglit_dir} has no GLES binaries")
        return 77
    default_paths(args)

    tests = select_tests(piglit_dir)
    total = len(tests)
    if not args.full:
        tests = [t for t in tests if in_subset(
            t.name, args.subset * (1 if t.family == "2" else args.es3_factor))]
    if args.filter:
        tests = [t for t in tests if args.filter in t.name]
    try:
        expected, class_expected = load_expected(args.expected)
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
            if not args.native_only:
                s.start_server()
            gls_env = dict(s.env)
        except glslib.HarnessError as e:
            print(f"ERROR: {e}")
            return 1

        t0 = time.monotonic()
        probe_versions(tests, native_env, piglit_dir, args.jobs, min(args.timeout, 30.0))
        tests = [t for t in tests if t.version in args.versions]
        mode = "full" if args.full else f"subset 1/{args.subset} (ES 3: 1/{args.subset * args.es3_factor})"
        per_version = collections.Counter(t.version for t in tests)
        print(f"piglit: {piglit_dir}; {total} OpenGL ES tests in {', '.join(PROFILES)}; "
              f"running {len(tests)} ({mode}): "
              + ", ".join(f"ES {v}: {per_version[v]}" for v in ES_VERSIONS if v in args.versions),
              flush=True)
        if args.list:
            for t in tests:
                print(f"{t.name} [ES {t.version}, from {t.how}]: {' '.join(t.argv)}")
            return 0
        if not tests:
            print("FAIL: no test selected")
            return 1

        host_text, host_ver = offered_gl_version(native_env)
        print(f"native: {host_text}")
        gls_ver = None
        if not args.native_only:
            gls_text, gls_ver = offered_gl_version(gls_env)
            print(f"glstream: {gls_text}")
            if gls_ver is None:
                print("note: the version glstream offers is unknown: class entries do not apply")

        sides = [("native", native_env)] + ([] if args.native_only else [("glstream", gls_env)])
        jobs = [(t, which, env) for t in tests for which, env in sides]
        results = {}

        def work(job):
            t, which, env = job
            return t.name, which, run_one(t.argv, env, piglit_dir, args.timeout)

        done = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            for name, which, r in ex.map(work, [j for j in jobs if j[0].concurrent]):
                results[(name, which)] = r
                done += 1
                if done % 100 == 0:
                    print(f"  ... {done}/{len(jobs)} runs, {time.monotonic() - t0:.0f} s", flush=True)
        for job in [j for j in jobs if not j[0].concurrent]:      # piglit runs these alone
            name, which, r = work(job)
            results[(name, which)] = r
        if not args.native_only and not s.server_alive():
            print("FAIL: glstream-server died during the run")
            s.dump_logs()
            return 1

    if args.native_only:
        return report_native(tests, results, time.monotonic() - t0)
    return compare(args, tests, results, applying(expected, gls_ver), class_expected, gls_ver,
                   time.monotonic() - t0)


def report_native(tests, results, elapsed):
    for v in ES_VERSIONS:
        vt = [t for t in tests if t.version == v]
        if not vt:
            continue
        st = collections.Counter(results[(t.name, "native")]["status"] for t in vt)
        secs = sum(results[(t.name, "native")]["secs"] for t in vt)
        print(f"piglit ES {v} (native only): {len(vt)} tests run, {st['pass']} passed natively "
              f"({', '.join(f'{k} {n}' for k, n in sorted(st.items()))}); "
              f"test time {secs:.0f} s")
    print(f"piglit: {len(tests)} tests, native only; {elapsed:.0f} s")
    print("OK")
    return 0


def compare(args, tests, results, expected, class_expected, gls_ver, elapsed):
    counts = {v: collections.Counter() for v in ES_VERSIONS}
    new, known, by_class, fixed, mismatch = [], [], [], [], []
    class_used = collections.Counter()
    for t in tests:
        name = t.name
        c = counts[t.version]
        nat, gls = results[(name, "native")], results[(name, "glstream")]
        c["run"] += 1
        c["secs_native"] += nat["secs"]
        c["secs_glstream"] += gls["secs"]
        for which, r in (("native", nat), ("glstream", gls)):
            if r["status"] == "pass":
                c["pass_" + which] += 1
        if args.verbose:
            print(f"  {name} [ES {t.version}]: native {describe(nat)}; glstream {describe(gls)}")
        same = nat["status"] == gls["status"] and nat["subtests"] == gls["subtests"]
        exp = expected.get(name)
        if same:
            if exp:
                fixed.append((t, exp))
                c["stale"] += 1
            continue
        cls = class_expected.get(t.version)
        if exp and nat["status"] in exp[0].split("/") and exp[1] == gls["status"]:
            known.append((name, nat, gls, exp[2]))
            c["expected"] += 1
        elif exp:
            mismatch.append((t, nat, gls, exp))
            c["new"] += 1
        elif (cls and gls["status"] == cls[0] and gls_ver is not None
              and gls_ver < as_tuple(t.version)):
            by_class.append((name, nat, gls, t.version))
            class_used[t.version] += 1
            c["class"] += 1
        else:
            new.append((t, nat, gls))
            c["new"] += 1

    for name, nat, gls, reason in known:
        print(f"known difference: {name}: native {describe(nat)}, glstream {describe(gls)} -- {reason}")
    if args.verbose:
        for name, nat, gls, v in by_class:
            print(f"known difference (class ES {v}): {name}: native {describe(nat)}, "
                  f"glstream {describe(gls)}")
    for t, nat, gls, exp in mismatch:
        print(f"CHANGED difference: {t.name} [ES {t.version}]: expected native {exp[0]} -> "
              f"glstream {exp[1]}, got native {describe(nat)}, glstream {describe(gls)}")
    for t, nat, gls in new:
        print(f"NEW difference: {t.name} [ES {t.version}]: native {describe(nat)}, "
              f"glstream {describe(gls)}")
        print(f"  command: {' '.join(t.argv)}")
        for which, r in (("native", nat), ("glstream", gls)):
            print(f"  ---- {which} output (tail) ----")
            print("  " + r["out"][-1200:].replace("\n", "\n  "))
    for t, exp in fixed:
        print(f"stale expectation: {t.name} ({exp[0]} -> {exp[1]}) now gives the same result both ways")
    for c in SILENT_CRASHES:
        print(f"note: died without any output and was run again: {c}")
    stale_classes = []
    ran = {t.version for t in tests}
    for v, (gls_status, reason) in sorted(class_expected.items()):
        if v not in ran:
            continue
        if gls_ver is not None and gls_ver >= as_tuple(v):
            stale_classes.append(v)
            print(f"stale expectation: class ES {v}: glstream offers OpenGL ES {as_text(gls_ver)} now")
        elif not class_used[v]:
            stale_classes.append(v)
            print(f"stale expectation: class ES {v} (-> {gls_status}) covered no test")
        else:
            print(f"class ES {v}: {class_used[v]} differences -- {reason}")
    for v in stale_classes:
        counts[v]["stale"] += 1

    total = collections.Counter()
    for v in ES_VERSIONS:
        c = counts[v]
        if not c["run"]:
            continue
        total.update(c)
        print(summary_line(f"ES {v}", c))
    print(summary_line("all", total) + f"; {len(SILENT_CRASHES)} runs that died without "
          f"output run again; {elapsed:.0f} s")
    if new or mismatch or (args.strict and (fixed or stale_classes)):
        print("FAIL")
        return 1
    print("OK")
    return 0


def summary_line(what, c):
    diffs = c["expected"] + c["class"] + c["new"]
    return (f"piglit {what}: {c['run']} tests run, {c['pass_native']} passed natively, "
            f"{c['pass_glstream']} passed through glstream, {diffs} differences "
            f"({c['expected']} expected, {c['class']} expected by version class, "
            f"{c['new']} new), {c['stale']} stale expectations; test time native "
            f"{c['secs_native']:.0f} s, glstream {c['secs_glstream']:.0f} s")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
