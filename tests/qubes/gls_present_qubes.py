#!/usr/bin/env python3
"""--present=qubes without Qubes: one X server plays the qube (the
application's window), another the GUI domain, where fake_qubes_guid plays
qubes-guid and makes the window that carries _QUBES_VMNAME and
_QUBES_VMWINDOWID. The worker (QREXEC_REMOTE_DOMAIN=test-qube) must draw the
application's frames into that window only: when it appears late, after it
was resized, again after it was destroyed and made anew, and never into a
window of another qube."""
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
    pattern, guid = sys.argv[1], sys.argv[2]
    check = glslib.Checks()

    glslib.install_signal_handlers()
    with glslib.Session(prefix="glstream-present-qubes-") as s:
        try:
            gui_display = s.start_xvfb(extra_args=["-br"])
            s.env["QREXEC_REMOTE_DOMAIN"] = "test-qube"
            s.start_server(extra_args=["--present=qubes", "-v"])
            del s.env["QREXEC_REMOTE_DOMAIN"]
            qube_display = s.start_xvfb(extra_args=["-br"])
        except glslib.HarnessError as e:
            print(f"FAIL: harness: {e}")
            return 1
        gui_env = dict(s.env, DISPLAY=gui_display)
        app = s.spawn("pattern", [pattern, "20"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        xid = app.stdout.readline().decode().split()[-1]
        fake = s.spawn("guid", [guid], env=gui_env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

        def tell(command):
            fake.stdin.write((command + "\n").encode())
            fake.stdin.flush()
            return fake.stdout.readline().decode().strip()

        def gui_pixels(points):
            _, _, rows = glslib.screenshot(gui_env, (0, 0, 200, 150))
            return [rows[y][x] for x, y in points]

        def wait_for_pattern(seconds=8):
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                top, bottom = gui_pixels([(48, 4), (48, 60)])
                if close(top, RED) and close(bottom, BLUE):
                    return True
                time.sleep(0.2)
            return False

        time.sleep(1.5)  # the surface exists before any window for it
        tell(f"create other-qube {xid} 96 64")
        time.sleep(2)
        check(all(close(p, BLACK) for p in gui_pixels([(48, 4), (48, 60)])),
              "a window of another qube with the same window id is never drawn into")
        tell("destroy")
        tell(f"create test-qube {xid} 96 64")
        check(wait_for_pattern(), "qubes-guid's window, made after the surface, shows the frames top row first")
        tell("resize 160 120")
        time.sleep(1)
        check(wait_for_pattern() and close(gui_pixels([(130, 100)])[0], BLACK),
              "after a resize the frames still show, at the frame's size")
        tell("destroy")
        time.sleep(0.5)
        tell(f"create test-qube {xid} 96 64")
        check(wait_for_pattern(), "a window made anew after the first was destroyed shows the frames")
        _, _, rows = glslib.screenshot(dict(s.env, DISPLAY=qube_display), (0, 0, 96, 64))
        check(close(rows[4][48], BLACK), "the application's window in the qube is left alone")
        fake.stdin.close()
        out = app.communicate(timeout=60)[0].decode(errors="replace")
        check(app.returncode == 0, f"the application ends normally ({out.strip()!r})")
        text = glslib.read_text(s.server_log)
        check("of test-qube" in text and "other-qube" not in text, "the server used test-qube's windows only")
        if check.failed:
            s.dump_logs()
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
