#!/usr/bin/env python3
"""Robustness of glstream-server against bad clients and of the client
against a vanishing server.

Each case speaks the wire protocol directly (see docs/protocol.md) or runs
real programs, and checks: the offending worker ends with a logged reason,
the server goes on serving others, departed workers leave no process
behind, and a client whose server dies reports it and does not hang.
"""
import os
import signal
import socket
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402

from glswire import MAGIC, VERSION, closed_by_server, message, recv_exact  # noqa: E402,F401
from glswire import connect as wire_connect  # noqa: E402

check = glslib.Checks()


def connect(sock_path, version=VERSION, magic=MAGIC):
    return wire_connect(sock_path, version=version, magic=magic)


def server_log_has(session, text):
    return text in glslib.read_text(session.server_log)


def workers_of(server_pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server_pid)],
                         capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def blocked(proc):
    """True when a live process uses no CPU for a second (waiting forever)."""
    if proc.poll() is not None:
        return False
    before = cpu_ticks(proc.pid)
    time.sleep(1.0)
    return proc.poll() is None and cpu_ticks(proc.pid) == before


def good_client_works(session, api_test):
    """A well-behaved client renders correctly beside the bad ones."""
    return session.run([api_test], timeout=120, stdout=subprocess.DEVNULL) == 0


def signal_if_alive(pid, sig):
    """Signals a worker that may have ended (and been reaped) meanwhile."""
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def stopped_worker_case(session, server, gears, transport):
    """A worker that stops answering (SIGSTOP) while its client draws: the
    client gives up after GLSTREAM_TIMEOUT, says so once, and is not left
    blocked."""
    err_path = os.path.join(session.tmpdir, "stopped.err")
    env = dict(session.env, GLSTREAM_TIMEOUT="2")
    with open(err_path, "wb") as err:
        victim = session.spawn("stopped-victim", [gears], env=env, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 15
        time.sleep(2)
        mine = workers_of(server.pid)
        while not mine and time.monotonic() < deadline:
            time.sleep(0.1)
            mine = workers_of(server.pid)
        check(len(mine) >= 1, f"{transport}: the drawing client's worker is found")
        stopped = time.monotonic()
        for w in mine:
            signal_if_alive(w, signal.SIGSTOP)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and "lost the connection" not in glslib.read_text(err_path):
            time.sleep(0.05)
        noticed = time.monotonic() - stopped
        for w in mine:
            # a stopped process dies of SIGKILL; the server may reap it at once
            signal_if_alive(w, signal.SIGKILL)
    text = glslib.read_text(err_path)
    check(text.count("lost the connection to glstream-server") == 1 and "timed out" in text,
          f"{transport}: a client whose worker stopped answering says so once ({text[-200:]!r})")
    check(1.5 < noticed < 8, f"{transport}: after GLSTREAM_TIMEOUT=2 ({noticed:.1f} s)")
    check(not blocked(victim), f"{transport}: the client is not left blocked")
    glslib._stop(victim)


def vanished_server_case(session, server, gears, transport):
    """Kills the server and the worker under a drawing client: the client
    says so once, within 3 s (the connection's hang-up, not the 60 s reply
    timeout), and is never left blocked."""
    err_path = os.path.join(session.tmpdir, "gears.err")
    with open(err_path, "wb") as err:
        victim = session.spawn("victim", [gears], stdout=subprocess.DEVNULL, stderr=err)
        time.sleep(2)
        # The workers first: once the server is gone they are no
        # longer its children and could be missed.
        deadline = time.monotonic() + 15
        doomed = workers_of(server.pid)
        while not doomed and time.monotonic() < deadline:
            time.sleep(0.1)
            doomed = workers_of(server.pid)
        time.sleep(1)  # a few frames drawn
        check(len(doomed) >= 1, f"{transport}: the client's worker is found")
        killed = time.monotonic()
        for w in doomed:
            signal_if_alive(w, signal.SIGKILL)
        os.killpg(server.pid, signal.SIGKILL)
        subprocess.run(["pkill", "-KILL", "-s", str(server.pid)])
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and "lost the connection" not in glslib.read_text(err_path):
            time.sleep(0.02)
        noticed = time.monotonic() - killed
    text = glslib.read_text(err_path)
    said = text.count("lost the connection to glstream-server")
    check(said == 1, f"{transport}: a client whose server vanished says so once (said {said} times"
          + ("" if said == 1 else f"; its stderr: {text[-400:]!r}") + ")")
    check(noticed < 3, f"{transport}: it says so promptly ({noticed:.2f} s after the kill)")
    check(not blocked(victim), f"{transport}: the client goes on (exits or keeps running), never blocked in a read")


def main():
    glslib.install_signal_handlers()
    api_test = sys.argv[1]
    gears = "es2gears_x11"
    with glslib.Session() as session:
        try:
            # -noreset: a client spawned just after the last one left must not
            # meet the X server in the middle of its reset.
            session.start_xvfb(extra_args=["-noreset"])
            sock = session.start_server(extra_args=["-v"])
            server = [p for n, p in session.procs if n == "glstream-server"][0]

            s, welcome = connect(sock, magic=0x12345678)
            check(welcome is not None and welcome[2] == 2, "bad magic is refused in the welcome")
            check(closed_by_server(s), "bad magic: connection closed")

            s, welcome = connect(sock, version=99)
            check(welcome is not None and welcome[2] == 1 and welcome[1] == VERSION,
                  "unknown protocol version is refused, the server's version given")
            check(closed_by_server(s), "unknown version: connection closed")

            cases = [
                ("unknown opcode", message(9999), "unknown opcode 9999"),
                ("size smaller than the header", message(1, size=4), "malformed message header"),
                ("size not a multiple of 4", message(1, b"\0\0\0\0", size=10), "malformed message header"),
                ("huge size", message(1, size=0x7FFFFFF0), "malformed message header"),
                ("nonzero flags", message(1, struct.pack("<I", 0x500), flags=1), "malformed message header"),
                ("truncated command", message(9, b"\1\0\0\0"), "malformed glsMakeCurrent"),
                ("command with trailing bytes", message(1, struct.pack("<II", 0x500, 7)), "malformed glsSetError"),
                ("unknown context id", message(9, struct.pack("<III", 4242, 0, 0)), "unknown context 4242"),
                ("GL call without context", message(106, struct.pack("<II", 0x0DE1, 5)), "without a current context"),
                ("unknown surface id", message(10, struct.pack("<I", 77)), "unknown surface 77"),
                ("unknown config", message(4, struct.pack("<IiIii", 1, 999999, 0, 2, 20)), "unknown config id 999999"),
            ]
            for name, data, reason in cases:
                s, welcome = connect(sock)
                s.sendall(data)
                check(closed_by_server(s), f"{name}: the worker ends")
                time.sleep(0.2)
                check(server_log_has(session, reason), f"{name}: logged reason '{reason}'")
                check(server.poll() is None, f"{name}: the server goes on")

            check(good_client_works(session, api_test), "a good client works after the bad ones")

            # Several clients at once, and one killed in the middle of frames.
            procs = [session.spawn(f"gears{i}", [gears], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL) for i in range(3)]
            deadline = time.monotonic() + 20   # a loaded machine starts them slowly
            while len(workers_of(server.pid)) < 3 and time.monotonic() < deadline:
                time.sleep(0.2)
            check(len(workers_of(server.pid)) >= 3, "three clients are served at once")
            os.killpg(procs[0].pid, signal.SIGKILL)
            check(good_client_works(session, api_test), "a good client works beside running clients")
            for p in procs[1:]:
                os.killpg(p.pid, signal.SIGTERM)
            for p in procs:
                p.wait(timeout=10)
            deadline = time.monotonic() + 10
            while workers_of(server.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            check(not workers_of(server.pid), "workers of departed clients are gone (their memory freed)")
            check(server.poll() is None, "the server survives killed clients")

            # No server at all: one clear message and a failed eglInitialize.
            env = dict(session.env, GLSTREAM_SERVER="unix:" + os.path.join(session.tmpdir, "nobody.sock"))
            started = time.monotonic()
            proc = subprocess.run([gears], env=env, capture_output=True, text=True, timeout=30)
            check(proc.returncode != 0 and time.monotonic() - started < 10,
                  "a client without a server fails at once")
            check(proc.stderr.count("cannot reach glstream-server at unix:") == 1,
                  "a client without a server says so once")

            # A worker that stops answering: the client's timeout.
            stopped_worker_case(session, server, gears, "shared-memory ring")
            # The server dies under a client: one clear message, soon, no hang.
            vanished_server_case(session, server, gears, "shared-memory ring")
            with glslib.Session() as other:
                other.env["GLSTREAM_NO_SHM"] = "1"
                other.start_xvfb(extra_args=["-noreset"])
                other.start_server(extra_args=["-v"])
                stopped_worker_case(other, [p for n, p in other.procs if n == "glstream-server"][0], gears,
                                    "socket")
                vanished_server_case(other, [p for n, p in other.procs if n == "glstream-server"][0], gears,
                                     "socket")
        except glslib.HarnessError as e:
            check(False, f"harness: {e}")
        if check.failed:
            session.dump_logs()
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
