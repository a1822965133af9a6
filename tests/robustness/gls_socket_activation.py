#!/usr/bin/env python3
"""glstream-server started by socket activation (as systemd's glstream.socket
does): systemd-socket-activate listens, starts the server on the first
connection and hands it the socket; a client then works through it."""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402


def main():
    api_test = sys.argv[1]
    activate = shutil.which("systemd-socket-activate")
    if not activate:
        print("SKIP: systemd-socket-activate not found (package systemd)")
        return 77
    glslib.install_signal_handlers()
    with glslib.Session(prefix="glstream-activation-") as s:
        sock = os.path.join(s.tmpdir, "activated.sock")
        log_path = os.path.join(s.tmpdir, "server.log")
        s.server_log = log_path
        with open(log_path, "wb") as log:
            s.spawn("activator", [activate, "-l", sock, os.environ["GLSTREAM_SERVER_BIN"], "-v"],
                    stdout=log, stderr=log)
        deadline = time.monotonic() + 10
        while not os.path.exists(sock) and time.monotonic() < deadline:
            time.sleep(0.05)
        s.env["GLSTREAM_SERVER"] = "unix:" + sock
        s.env[glslib.GLVND_VENDOR_VAR] = os.environ["GLSTREAM_VENDOR_JSON"]
        status = s.run([api_test], timeout=120, stdout=subprocess.DEVNULL)
        text = glslib.read_text(log_path)
        ok = status == 0 and "listening on 1 socket(s) from systemd" in text
        if not ok:
            print(f"FAIL: client status {status}")
            s.dump_logs()
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
