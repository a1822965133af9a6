#!/usr/bin/env python3
"""The worker's shader cache (server/glss_shader_cache.c): one directory per
client identity, filled by a first run, read (not grown) by the same program
the second time, absent with --no-shader-cache, and a separate directory per
qube for qrexec clients.

usage: gls_shader_cache.py API_TEST_PROGRAM
"""
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402

check = glslib.Checks()


def cache_files(root):
    return sorted(glob.glob(os.path.join(root, "**", "foz_cache.foz"), recursive=True))


def run_program(session, program):
    return session.run([program], timeout=180, stdout=subprocess.DEVNULL) == 0


def main():
    program = sys.argv[1]
    uid_dir = f"uid-{os.getuid()}"

    with glslib.Session("glstream-shader-cache-") as s:
        root = os.path.join(s.tmpdir, "shaders")
        s.start_xvfb()
        s.start_server(extra_args=("--shader-cache", root))
        check(run_program(s, program), "the program runs with a shader cache")
        files = cache_files(os.path.join(root, uid_dir))
        check(len(files) == 1, f"one cache file under {uid_dir}: {files}")
        first = os.path.getsize(files[0]) if files else 0
        check(first > 0, f"the first run wrote compiled shaders ({first} bytes)")
        check(os.listdir(root) == [uid_dir], f"only this uid's directory: {os.listdir(root)}")
        mode = os.stat(os.path.join(root, uid_dir)).st_mode & 0o777
        check(mode == 0o700, f"the identity's directory is private (mode {mode:o})")
        check(run_program(s, program), "the program runs again")
        second = os.path.getsize(files[0]) if files else -1
        check(second == first,
                   f"the second run added nothing: a new worker loaded the cache the first one wrote (size {first} -> {second})")

    with glslib.Session("glstream-no-shader-cache-") as s:
        s.start_xvfb()
        s.start_server(extra_args=("--no-shader-cache",))
        check(run_program(s, program), "the program runs without a shader cache")
        check(not cache_files(s.tmpdir), "--no-shader-cache writes no cache")

    with glslib.Session("glstream-qube-shader-cache-") as s:
        s.start_xvfb()
        s.use_qrexec_stand_in(qube="work-qube")
        check(run_program(s, program), "the program runs through the qrexec stand-in")
        root = os.path.join(s.tmpdir, "xdg-cache", "glstream", "shader-cache")
        names = sorted(os.listdir(root)) if os.path.isdir(root) else []
        check(names == ["qube-work-qube"], f"a qrexec client's cache is its qube's: {names}")
        check(len(cache_files(root)) == 1, "the qube's cache was written")

    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
