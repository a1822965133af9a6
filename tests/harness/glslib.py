"""Shared helpers for the glstream test harness (python3, stdlib only).

A Session owns a temporary directory and every helper process it starts
(Xvfb, glstream-server, the command under test).  Leaving the `with` block
-- normally, on an exception, on a timeout or on SIGTERM/SIGINT/SIGHUP --
kills all of them and removes the directory.
"""

import glob
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

XVFB_SCREEN = "1280x1024x24"
GLVND_VENDOR_VAR = "__EGL_VENDOR_LIBRARY_FILENAMES"


class Checks:
    """The assertions of a test script: check(ok, what) prints an ok/FAIL
    line and counts; summary() prints "N passed, N failed" and returns the
    exit status."""

    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(("ok: " if ok else "FAIL: ") + what, flush=True)

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


class HarnessError(Exception):
    """A problem of the test environment, not of the program under test."""


def log(msg):
    print(f"[harness] {msg}", file=sys.stderr, flush=True)


def _raise_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def install_signal_handlers():
    """Turn SIGTERM/SIGHUP/SIGINT into SystemExit so `finally` blocks run."""
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, _raise_on_signal)


def _stop(proc, grace=3.0):
    """Terminate a process started with start_new_session=True (its whole group)."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            pass


def socket_answers(path):
    """True if something accepts connections on the unix socket `path`."""
    if not os.path.exists(path):
        return False
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(1.0)
    try:
        s.connect(path)
        return True
    except OSError:
        return False
    finally:
        s.close()


def exit_status(returncode):
    """Map a Popen returncode to a shell-like exit status."""
    return 128 - returncode if returncode < 0 else returncode


class Session:
    def __init__(self, prefix="glstream-test-"):
        self.tmpdir = tempfile.mkdtemp(prefix=prefix)
        self.procs = []            # (name, Popen), stopped in reverse order
        self.env = dict(os.environ)
        self.server_log = None
        self.xvfb_log = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        while self.procs:
            _name, proc = self.procs.pop()
            _stop(proc)
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    # ---------------------------------------------------------------- Xvfb
    def start_xvfb(self, screen=XVFB_SCREEN, timeout=15.0, extra_args=()):
        """Start Xvfb on a free display; sets DISPLAY in self.env."""
        if shutil.which("Xvfb") is None:
            raise HarnessError("Xvfb not found (Debian package xvfb; run tools/install-deps.sh)")
        rfd, wfd = os.pipe()
        self.xvfb_log = os.path.join(self.tmpdir, "xvfb.log")
        with open(self.xvfb_log, "wb") as logf:
            proc = subprocess.Popen(
                ["Xvfb", "-displayfd", str(wfd), "-screen", "0", screen,
                 "-nolisten", "tcp", *extra_args],
                stdin=subprocess.DEVNULL, stdout=logf, stderr=logf,
                pass_fds=(wfd,), start_new_session=True)
        os.close(wfd)
        self.procs.append(("Xvfb", proc))
        data = b""
        deadline = time.monotonic() + timeout
        try:
            while not data.endswith(b"\n"):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise HarnessError(f"Xvfb did not report a display within {timeout} s")
                ready, _, _ = select.select([rfd], [], [], left)
                if not ready:
                    continue
                chunk = os.read(rfd, 64)
                if not chunk:
                    raise HarnessError("Xvfb exited before reporting a display:\n"
                                       + read_text(self.xvfb_log))
                data += chunk
        finally:
            os.close(rfd)
        display = ":" + data.decode().strip()
        self.env["DISPLAY"] = display
        return display

    # --------------------------------------------------------------- server
    def start_server(self, server_bin=None, timeout=10.0, extra_args=()):
        """Start a private glstream-server on <tmpdir>/s.sock and point the
        environment at it (GLSTREAM_SERVER + glvnd vendor selection)."""
        server_bin = server_bin or os.environ.get("GLSTREAM_SERVER_BIN")
        vendor_json = os.environ.get("GLSTREAM_VENDOR_JSON")
        if not server_bin:
            raise HarnessError("GLSTREAM_SERVER_BIN is not set (run through `meson test`)")
        if not os.access(server_bin, os.X_OK):
            raise HarnessError(f"server binary not executable: {server_bin}")
        if not vendor_json or not os.path.isfile(vendor_json):
            raise HarnessError(f"GLSTREAM_VENDOR_JSON missing or not a file: {vendor_json!r}")
        sock = os.path.join(self.tmpdir, "s.sock")
        self.server_log = os.path.join(self.tmpdir, "server.log")
        if not any(a in ("--shader-cache", "--no-shader-cache") for a in extra_args):
            # the session's own cache, not the user's
            extra_args = ("--shader-cache", os.path.join(self.tmpdir, "shader-cache"), *extra_args)
        with open(self.server_log, "wb") as logf:
            proc = subprocess.Popen([server_bin, "--socket", sock, *extra_args],
                                    stdin=subprocess.DEVNULL, stdout=logf, stderr=logf,
                                    env=self.env, start_new_session=True)
        self.procs.append(("glstream-server", proc))
        deadline = time.monotonic() + timeout
        while not socket_answers(sock):
            if proc.poll() is not None:
                raise HarnessError(f"glstream-server exited with status "
                                   f"{exit_status(proc.returncode)} before listening:\n"
                                   + read_text(self.server_log))
            if time.monotonic() > deadline:
                raise HarnessError(f"glstream-server did not listen on {sock} within {timeout} s:\n"
                                   + read_text(self.server_log))
            time.sleep(0.05)
        self.env["GLSTREAM_SERVER"] = "unix:" + sock
        self.env[GLVND_VENDOR_VAR] = vendor_json
        return sock

    def use_qrexec_stand_in(self, qube="test-qube"):
        """Point the environment at a qrexec 'server': GLSTREAM_SERVER=
        qrexec:sys-gui-gpu with tests/qubes/fake-qrexec-client-vm standing in
        for Qubes' qrexec-client-vm (it runs qubes/glstream.Server, i.e.
        glstream-server --stdio, per connection)."""
        server_bin = os.environ.get("GLSTREAM_SERVER_BIN")
        vendor_json = os.environ.get("GLSTREAM_VENDOR_JSON")
        if not server_bin or not vendor_json:
            raise HarnessError("GLSTREAM_SERVER_BIN / GLSTREAM_VENDOR_JSON not set (run through `meson test`)")
        here = os.path.dirname(os.path.abspath(__file__))
        self.server_log = os.path.join(self.tmpdir, "server.log")
        self.env.update({
            "GLSTREAM_SERVER": "qrexec:sys-gui-gpu",
            "GLSTREAM_QREXEC_CLIENT": os.path.join(here, "..", "qubes", "fake-qrexec-client-vm"),
            "GLSTREAM_SERVER_BIN": server_bin,
            "GLSTREAM_FAKE_QUBE": qube,
            "GLSTREAM_FAKE_QREXEC_LOG": self.server_log,
            GLVND_VENDOR_VAR: vendor_json,
            # the service's server keeps its shader cache in the session
            "XDG_CACHE_HOME": os.path.join(self.tmpdir, "xdg-cache"),
        })

    def server_alive(self):
        return any(n == "glstream-server" and p.poll() is None for n, p in self.procs)

    def native_env(self):
        """Make commands use the system EGL vendor (Mesa), not glstream."""
        self.env.pop(GLVND_VENDOR_VAR, None)
        self.env.pop("GLSTREAM_SERVER", None)

    # -------------------------------------------------------------- command
    def run(self, cmd, timeout=None, env=None, **popen_args):
        """Run cmd in its own process group; returns its exit status
        (124 on timeout, 128+N when killed by signal N)."""
        proc = subprocess.Popen(cmd, env=env or self.env, start_new_session=True,
                                **popen_args)
        self.procs.append(("command", proc))
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            log(f"timeout: {cmd[0]} still running after {timeout} s, killing it")
            _stop(proc)
            return 124
        finally:
            _stop(proc)
            self.procs.remove(("command", proc))
        return exit_status(proc.returncode)

    def spawn(self, name, cmd, **popen_args):
        """Start a background process that close() will stop."""
        proc = subprocess.Popen(cmd, env=popen_args.pop("env", self.env),
                                start_new_session=True, **popen_args)
        self.procs.append((name, proc))
        return proc

    def glstream_run_prefix(self, sock=None):
        """Command prefix running a program through $GLSTREAM_RUN.  With sock
        (a running server) autostart is disabled; without, glstream-run
        autostarts a server on a private socket in tmpdir.  TMPDIR points at
        tmpdir so the autostarted server's log lands there."""
        run = os.environ.get("GLSTREAM_RUN")
        if not run:
            raise HarnessError("GLSTREAM_RUN is not set (run through `meson test`)")
        if not os.access(run, os.X_OK):
            raise HarnessError(f"glstream-run not executable: {run}")
        self.env["TMPDIR"] = self.tmpdir
        if sock:
            return [run, "--no-autostart", "--server", "unix:" + sock]
        return [run, "--server", "unix:" + os.path.join(self.tmpdir, "auto.sock")]

    def dump_logs(self):
        if self.server_log and os.path.exists(self.server_log):
            log("---- glstream-server log ----")
            sys.stderr.write(read_text(self.server_log))
            log("---- end of server log ----")
        for path in sorted(glob.glob(os.path.join(self.tmpdir, "glstream-server.*.log"))):
            log(f"---- autostarted glstream-server log ({os.path.basename(path)}) ----")
            sys.stderr.write(read_text(path))
            log("---- end of server log ----")


def run_hostile(check, cases, server_args=("-v",)):
    """The frame of a hostile-client script: a private Xvfb and server,
    cases(session, sock) sending what it sends, then the check that the
    server outlived every client; the logs on a failure. Returns the exit
    status (check.summary())."""
    install_signal_handlers()
    with Session() as session:
        try:
            session.start_xvfb()
            sock = session.start_server(extra_args=list(server_args))
            server = [p for n, p in session.procs if n == "glstream-server"][0]
            cases(session, sock)
            check(server.poll() is None, "the server survives every hostile client")
        except HarnessError as e:
            check(False, f"harness: {e}")
        if check.failed:
            session.dump_logs()
    return check.summary()


def read_text(path, limit=200000):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return f"(cannot read {path}: {e})\n"
    if len(data) > limit:
        data = b"...(truncated)...\n" + data[-limit:]
    return data.decode("utf-8", "replace")


# --------------------------------------------------------------------- XWD
def read_xwd(data, crop=None):
    """Parse an XWD (X11 window dump) file of a TrueColor visual.
    crop: optional (x, y, w, h) rectangle, clipped to the image.
    Returns (width, height, rows): rows is a list of rows of (r, g, b)."""
    hdr = struct.unpack(">25I", data[:100])
    (header_size, version, pixmap_format, _depth, width, height, _xoff,
     byte_order, _unit, _bit_order, _pad, bpp, bytes_per_line, visual_class,
     red_mask, green_mask, blue_mask, _bits_rgb, _cmap_entries, ncolors) = hdr[:20]
    if version != 7:
        raise ValueError(f"unsupported XWD version {version}")
    if pixmap_format != 2 or visual_class not in (4, 5):   # ZPixmap, TrueColor/DirectColor
        raise ValueError(f"unsupported XWD format {pixmap_format}/visual {visual_class}")
    if bpp not in (24, 32):
        raise ValueError(f"unsupported XWD bits per pixel {bpp}")
    offset = header_size + 12 * ncolors
    endian = "little" if byte_order == 0 else "big"
    step = bpp // 8
    x0, y0, cw, ch = crop or (0, 0, width, height)
    x0, y0 = max(0, min(x0, width)), max(0, min(y0, height))
    cw, ch = max(0, min(cw, width - x0)), max(0, min(ch, height - y0))

    def shift_of(mask):
        return (mask & -mask).bit_length() - 1

    rs, gs, bs = shift_of(red_mask), shift_of(green_mask), shift_of(blue_mask)
    rows = []
    for y in range(y0, y0 + ch):
        start = offset + y * bytes_per_line + x0 * step
        line = data[start:start + cw * step]
        if len(line) < cw * step:
            raise ValueError("truncated XWD file")
        row = []
        for x in range(0, cw * step, step):
            p = int.from_bytes(line[x:x + step], endian)
            row.append(((p & red_mask) >> rs, (p & green_mask) >> gs, (p & blue_mask) >> bs))
        rows.append(row)
    return cw, ch, rows


def screenshot(env, crop=None):
    """`xwd -root -silent` of the display in env; returns read_xwd()'s result."""
    out = subprocess.run(["xwd", "-root", "-silent"], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, timeout=30)
    if out.returncode != 0:
        raise HarnessError("xwd failed: " + out.stderr.decode(errors="replace"))
    return read_xwd(out.stdout, crop)


def window_geometry(env, name):
    """(x, y, w, h) of the top-level window called `name`, or None."""
    out = subprocess.run(["xwininfo", "-name", name], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, timeout=30)
    if out.returncode != 0:
        return None
    info = {}
    for line in out.stdout.decode(errors="replace").splitlines():
        key, _, val = line.strip().partition(":")
        info[key] = val.strip()
    try:
        return (int(info["Absolute upper-left X"]), int(info["Absolute upper-left Y"]),
                int(info["Width"]), int(info["Height"]))
    except (KeyError, ValueError):
        return None
