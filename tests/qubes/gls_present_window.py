#!/usr/bin/env python3
"""--present=window: frames appear in the worker's own window on the
server's display, the right way up, and not in the application's window.

Two private X servers: one is the application's (the qube), the other the
server's (the GPU/GUI domain)."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402

RED, BLUE, BLACK = (255, 0, 0), (0, 0, 255), (0, 0, 0)


def close(a, b):
    return all(abs(x - y) <= 2 for x, y in zip(a, b))


def main():
    program = sys.argv[1]
    check = glslib.Checks()

    glslib.install_signal_handlers()
    with glslib.Session(prefix="glstream-present-window-") as s:
        try:
            server_display = s.start_xvfb(extra_args=["-br"])
            s.start_server(extra_args=["--present=window", "-v"])
            client_display = s.start_xvfb(extra_args=["-br"])
        except glslib.HarnessError as e:
            print(f"FAIL: harness: {e}")
            return 1
        proc = s.spawn("pattern", [program, "6"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        server_env = dict(s.env, DISPLAY=server_display)
        client_env = dict(s.env, DISPLAY=client_display)
        shown = False
        deadline = time.monotonic() + 20
        while not shown and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.3)
            _, _, rows = glslib.screenshot(server_env, (0, 0, 96, 64))
            shown = close(rows[4][48], RED) and close(rows[60][48], BLUE)
        check(shown, "the frame shows in the worker's window on the server's display, top row first")
        _, _, rows = glslib.screenshot(client_env, (0, 0, 96, 64))
        check(close(rows[4][48], BLACK) and close(rows[60][48], BLACK),
              "the application's own window stays untouched")
        out = proc.communicate(timeout=30)[0].decode(errors="replace")
        check(proc.returncode == 0 and " frames" in out, f"the program ends normally ({out.strip()!r})")
        if check.failed:
            s.dump_logs()
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
