#!/usr/bin/env python3
"""Run a command in a controlled environment for glstream tests.

usage: gls_with_env.py [--xvfb] [--server] [--timeout S] -- CMD ARGS...

  --xvfb       start a private Xvfb on a free display and set DISPLAY
  --server     start a private $GLSTREAM_SERVER_BIN on <tmpdir>/s.sock and run
               CMD through glstream (GLSTREAM_SERVER=unix:<sock>,
               __EGL_VENDOR_LIBRARY_FILENAMES=$GLSTREAM_VENDOR_JSON)
  --timeout S  kill CMD after S seconds (default 300; exit status 124)

Without --server, CMD runs natively (the glvnd vendor override is removed).
Exits with CMD's status; prints the server log when CMD fails.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glslib  # noqa: E402


def parse_args(argv):
    p = argparse.ArgumentParser(usage="%(prog)s [--xvfb] [--server | --qrexec] [--timeout S] -- CMD ARGS...")
    p.add_argument("--xvfb", action="store_true", help="run CMD under a private Xvfb")
    p.add_argument("--server", action="store_true",
                   help="run CMD through a private glstream-server")
    p.add_argument("--qrexec", action="store_true",
                   help="run CMD through glstream over a stand-in qrexec call (glstream-server --stdio)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds before CMD is killed")
    p.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                   help="an extra argument for the private glstream-server (repeatable)")
    p.add_argument("cmd", nargs=argparse.REMAINDER, help="-- CMD ARGS...")
    args = p.parse_args(argv)
    if args.cmd and args.cmd[0] == "--":
        args.cmd = args.cmd[1:]
    if not args.cmd:
        p.error("no command given (put it after --)")
    return args


def main(argv):
    args = parse_args(argv)
    glslib.install_signal_handlers()
    with glslib.Session() as s:
        try:
            if args.xvfb:
                s.start_xvfb()
            if args.server:
                s.start_server(extra_args=args.server_arg)
            elif args.qrexec:
                s.use_qrexec_stand_in()
            else:
                s.native_env()
        except glslib.HarnessError as e:
            glslib.log(f"error: {e}")
            return 1
        mode = "through glstream" if args.server else "through glstream over qrexec" if args.qrexec else "natively"
        glslib.log(f"running {mode}: {' '.join(args.cmd)}"
                   + (f" (DISPLAY={s.env['DISPLAY']})" if args.xvfb else ""))
        try:
            status = s.run(args.cmd, timeout=args.timeout)
        except FileNotFoundError as e:
            glslib.log(f"error: cannot run {args.cmd[0]}: {e}")
            return 127
        if status != 0:
            glslib.log(f"{args.cmd[0]} exited with status {status}")
            if args.server and not s.server_alive():
                glslib.log("glstream-server is no longer running")
            s.dump_logs()
        return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
