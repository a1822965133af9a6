#!/usr/bin/env python3
"""Run a program natively and through glstream and compare what it wrote.

usage: gls_compare_native.py [--xvfb] [--timeout S] -- CMD ARGS...

CMD writes its results (e.g. <scene>.rgba readbacks) into the directory
given by $GLST_OUT.  It runs twice under the same private Xvfb (DISPLAY is
always set; --xvfb is accepted for symmetry with gls_with_env.py):
  1. natively          with GLST_OUT=<tmp>/native
  2. through glstream  with GLST_OUT=<tmp>/glstream (private glstream-server)
Both runs must exit 0, and both must produce the same set of files with
byte-identical contents.  For .rgba files the number of differing pixels
is reported.  Exit status: 0 when identical, 1 otherwise.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glslib  # noqa: E402


def list_files(top):
    out = set()
    for root, _dirs, files in os.walk(top):
        for f in files:
            out.add(os.path.relpath(os.path.join(root, f), top))
    return out


def compare_file(a, b, name):
    """Returns None when identical, else a description of the difference."""
    with open(a, "rb") as f:
        da = f.read()
    with open(b, "rb") as f:
        db = f.read()
    if da == db:
        return None
    if name.endswith(".txt"):
        la, lb = da.decode(errors="replace").splitlines(), db.decode(errors="replace").splitlines()
        for i, (x, y) in enumerate(zip(la, lb)):
            if x != y:
                return f"line {i + 1} differs: native {x!r}, glstream {y!r}"
        return f"native has {len(la)} lines, glstream {len(lb)}"
    if len(da) != len(db):
        return f"size differs: native {len(da)} bytes, glstream {len(db)} bytes"
    if name.endswith(".rgba") and len(da) % 4 == 0:
        npix = len(da) // 4
        diff = sum(1 for i in range(0, len(da), 4) if da[i:i + 4] != db[i:i + 4])
        first = next(i // 4 for i in range(0, len(da), 4) if da[i:i + 4] != db[i:i + 4])
        return (f"{diff} of {npix} pixels differ (first at pixel {first}: "
                f"native {tuple(da[first * 4:first * 4 + 4])}, "
                f"glstream {tuple(db[first * 4:first * 4 + 4])})")
    diff = sum(1 for x, y in zip(da, db) if x != y)
    return f"{diff} of {len(da)} bytes differ"


def main(argv):
    p = argparse.ArgumentParser(usage="%(prog)s [--xvfb] [--qrexec] [--timeout S] -- CMD ARGS...")
    p.add_argument("--xvfb", action="store_true",
                   help="accepted for symmetry; an Xvfb is always started")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    p.add_argument("--qrexec", action="store_true",
                   help="the glstream run goes over a stand-in qrexec call (glstream-server --stdio)")
    p.add_argument("--server-arg", action="append", default=[],
                   help="an argument for glstream-server (repeatable)")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    args = p.parse_args(argv)
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        p.error("no command given (put it after --)")

    glslib.install_signal_handlers()
    with glslib.Session(prefix="glstream-compare-") as s:
        native_dir = os.path.join(s.tmpdir, "native")
        gls_dir = os.path.join(s.tmpdir, "glstream")
        os.mkdir(native_dir)
        os.mkdir(gls_dir)
        try:
            s.start_xvfb()
        except glslib.HarnessError as e:
            glslib.log(f"error: {e}")
            return 1

        # 1. native
        s.native_env()
        env = dict(s.env, GLST_OUT=native_dir)
        glslib.log(f"native run: {' '.join(cmd)}")
        st = s.run(cmd, timeout=args.timeout, env=env)
        if st != 0:
            glslib.log(f"FAIL: native run exited with status {st}")
            return 1

        # 2. through glstream
        try:
            if args.qrexec:
                s.use_qrexec_stand_in()
            else:
                s.start_server(extra_args=args.server_arg)
        except glslib.HarnessError as e:
            glslib.log(f"error: {e}")
            return 1
        env = dict(s.env, GLST_OUT=gls_dir)
        glslib.log(f"glstream run: {' '.join(cmd)}")
        st = s.run(cmd, timeout=args.timeout, env=env)
        if st == 77:
            # the program needs a version this glstream build does not offer
            print("SKIP: the glstream run skipped (exit status 77)")
            return 77
        if st != 0:
            glslib.log(f"FAIL: glstream run exited with status {st}")
            s.dump_logs()
            return 1

        # 3. compare
        native, streamed = list_files(native_dir), list_files(gls_dir)
        problems = []
        for name in sorted(native - streamed):
            problems.append(f"{name}: missing from the glstream run")
        for name in sorted(streamed - native):
            problems.append(f"{name}: only in the glstream run")
        same = 0
        for name in sorted(native & streamed):
            d = compare_file(os.path.join(native_dir, name), os.path.join(gls_dir, name), name)
            if d is None:
                same += 1
            else:
                problems.append(f"{name}: {d}")
        for line in problems:
            print(f"DIFF {line}")
        print(f"compared {len(native | streamed)} files: {same} identical, "
              f"{len(problems)} different or missing")
        if not native and not streamed:
            print("FAIL: the program wrote no files into $GLST_OUT")
            return 1
        if problems:
            s.dump_logs()
            return 1
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
