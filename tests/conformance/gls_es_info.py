#!/usr/bin/env python3
"""es2_info natively and through glstream: the same version and extension
set as the server's driver, minus documented exceptions.

Runs Debian's `es2_info` (mesa-utils) under a private Xvfb, natively (Mesa)
and through a private glstream-server, parses its EGL_VERSION,
EGL_EXTENSIONS, GL_VENDOR, GL_RENDERER, GL_VERSION,
GL_SHADING_LANGUAGE_VERSION and GL_EXTENSIONS, and checks:

  - glstream's GL_VERSION is "OpenGL ES X.Y glstream ..." with
    X.Y = min(host version, the highest version glstream implements), the
    latter being `es_version_implemented` of the top-level meson.build
    (passed by meson as --es-version-implemented);
  - GL_SHADING_LANGUAGE_VERSION is the GLSL ES version of X.Y;
  - GL_VENDOR and GL_RENDERER are the host's;
  - glstream advertises no GL extension the host lacks;
  - every GL extension the host has and glstream does not advertise is
    listed in tests/conformance/es-info-exceptions.txt (`gl NAME | reason`),
    and every listed one the host has is indeed not advertised (an entry
    glstream now advertises must be removed);
  - the same for EGL: host EGL extensions glstream's EGL does not offer are
    listed in egl-extension-exceptions.txt (`NAME  reason`, also checked by
    tests/egl), and EGL extensions glstream's EGL offers
    without the host's (it implements them itself, client side) are listed
    as `egl-own NAME | reason`;
  - `gl-es32 NAME | reason` lists the host extensions glstream offers in
    contexts offered ES 3.2 only (their functionality is core ES 3.2): an
    exception where glstream offers less, advertised where it offers 3.2.

Entries for extensions this host does not have are reported, not failed
(another Mesa may have them).
Exit status: 0 ok, 1 a check failed, 77 es2_info missing.
"""

import argparse
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "harness"))
import glslib  # noqa: E402
from gls_es_version import as_text, as_tuple, parse_gl_version  # noqa: E402

EXCEPTIONS = os.path.join(HERE, "es-info-exceptions.txt")
KINDS = ("gl", "gl-es32", "egl", "egl-own")
GLSL_ES_OF = {(2, 0): "1.00", (3, 0): "3.00", (3, 1): "3.10", (3, 2): "3.20"}


def parse_es2_info(text):
    """{KEY: value} of es2_info's 'KEY: value' lines; extension lists
    (continued on lines indented by 4 spaces) as sets."""
    info, key = {}, None
    for line in text.splitlines():
        if line.startswith("    ") and key:
            info[key] += " " + line.strip()
            continue
        m = re.match(r"([A-Z][A-Z_]+):\s*(.*)$", line)
        key = m.group(1) if m else None
        if key:
            info[key] = m.group(2).strip()
    for k in ("GL_EXTENSIONS", "EGL_EXTENSIONS"):
        info[k] = {e.strip() for e in info.get(k, "").split(",") if e.strip()}
    return info


def load_exceptions(path):
    """{kind: {name: reason}} from 'KIND NAME | REASON' lines."""
    exc = {k: {} for k in KINDS}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            head, sep, reason = line.partition(" | ")
            parts = head.split()
            if not sep or len(parts) != 2 or parts[0] not in KINDS or not reason.strip():
                raise glslib.HarnessError(f"{path}:{n}: expected 'gl|gl-es32|egl|egl-own NAME | REASON'")
            if parts[1] in exc[parts[0]]:
                raise glslib.HarnessError(f"{path}:{n}: {parts[1]} listed twice")
            exc[parts[0]][parts[1]] = reason.strip()
    return exc


EGL_EXCEPTIONS = os.path.join(HERE, "egl-extension-exceptions.txt")


def load_egl_exceptions(path):
    """{name: reason} of the host EGL extensions glstream does not offer,
    from 'NAME  REASON' lines (the file tests/egl also checks)."""
    listed = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition("  ")
            if not reason.strip():
                raise glslib.HarnessError(f"{path}:{n}: expected 'NAME  REASON'")
            listed[name] = reason.strip()
    return listed


def implemented_from_meson():
    path = os.path.join(HERE, "..", "..", "meson.build")
    m = re.search(r"^es_version_implemented\s*=\s*'(\d+\.\d+)'", glslib.read_text(path), re.M)
    return m.group(1) if m else None


def default_paths(args):
    build = args.build_dir or os.path.join(HERE, "..", "..", "build")
    os.environ.setdefault("GLSTREAM_SERVER_BIN", os.path.join(build, "glstream-server"))
    os.environ.setdefault("GLSTREAM_VENDOR_JSON", os.path.join(build, "client", "glstream_build.json"))


def check_set(checks, what, host, gls, listed, own_listed=None):
    """host/gls: the extension sets; listed: {name: reason} of host
    extensions glstream does not offer; own_listed: of extensions glstream
    offers without the host (None: there must be none)."""
    for e in sorted(gls - host):
        if own_listed is not None and e in own_listed:
            continue
        checks(False, f"glstream advertises {e}, which the host lacks"
               + ("" if own_listed is None else " (not listed as egl-own)"))
    for e in sorted(host - gls):
        checks(e in listed, f"the host has {e}, glstream drops it"
               + ("" if e in listed else " and the exceptions file does not list it"))
    for e in sorted(listed):
        if e in gls:
            checks(False, f"{what} exception {e}: glstream advertises it now (remove the entry)")
        elif e not in host:
            print(f"note: {what} exception {e}: not on this host")
    for e in sorted(own_listed or {}):
        if e not in gls:
            checks(False, f"egl-own {e}: glstream's EGL does not offer it (remove the entry)")
        elif e in host:
            checks(False, f"egl-own {e}: the host offers it too (not glstream's own)")


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--es-version-implemented", default=None, metavar="X.Y",
                   help="highest ES version glstream implements (default: meson.build's)")
    p.add_argument("--exceptions", default=EXCEPTIONS)
    p.add_argument("--build-dir", help="glstream build dir (default: build/; meson test sets it)")
    p.add_argument("--verbose", "-v", action="store_true", help="print both outputs")
    args = p.parse_args(argv)

    if shutil.which("es2_info") is None:
        print("SKIP: es2_info not found (Debian package mesa-utils)")
        return 77
    implemented = args.es_version_implemented or implemented_from_meson()
    if not implemented or not re.fullmatch(r"\d+\.\d+", implemented):
        print(f"ERROR: no implemented ES version (got {implemented!r})")
        return 1
    default_paths(args)
    try:
        exc = load_exceptions(args.exceptions)
        exc["egl"] = load_egl_exceptions(EGL_EXCEPTIONS)
    except (OSError, glslib.HarnessError) as e:
        print(f"ERROR: {e}")
        return 1

    glslib.install_signal_handlers()
    outputs = {}
    with glslib.Session(prefix="glstream-es-info-") as s:
        try:
            s.start_xvfb()
            s.native_env()
            native_env = dict(s.env)
            s.start_server()
            gls_env = dict(s.env)
        except glslib.HarnessError as e:
            print(f"ERROR: {e}")
            return 1
        for which, env in (("native", native_env), ("glstream", gls_env)):
            out = os.path.join(s.tmpdir, f"{which}.txt")
            with open(out, "wb") as f:
                rc = s.run(["es2_info"], timeout=60, env=env, stdout=f, stderr=f)
            outputs[which] = glslib.read_text(out)
            if rc != 0:
                print(f"FAIL: es2_info {which} exited with status {rc}:\n{outputs[which][-1500:]}")
                s.dump_logs()
                return 1
        server_ok = s.server_alive()

    if args.verbose:
        for which in ("native", "glstream"):
            print(f"---- es2_info {which} ----\n{outputs[which]}")
    host, gls = parse_es2_info(outputs["native"]), parse_es2_info(outputs["glstream"])
    checks = glslib.Checks()
    checks(server_ok, "glstream-server still running")

    host_ver = parse_gl_version(host.get("GL_VERSION"))
    gls_text = gls.get("GL_VERSION", "")
    m = re.match(r"OpenGL ES (\d+)\.(\d+) glstream ", gls_text)
    gls_ver = (int(m.group(1)), int(m.group(2))) if m else None
    print(f"host GL_VERSION: {host.get('GL_VERSION')}")
    print(f"glstream GL_VERSION: {gls_text}")
    checks(host_ver is not None, "the host's GL_VERSION is 'OpenGL ES X.Y ...'")
    checks(gls_ver is not None, "glstream's GL_VERSION is 'OpenGL ES X.Y glstream ...'")
    if host_ver and gls_ver:
        want = min(host_ver, as_tuple(implemented))
        checks(gls_ver == want, f"glstream offers OpenGL ES {as_text(gls_ver)} = min(host "
               f"{as_text(host_ver)}, implemented {implemented}) = {as_text(want)}")
        glsl = gls.get("GL_SHADING_LANGUAGE_VERSION", "")
        want_glsl = GLSL_ES_OF.get(gls_ver)
        checks(want_glsl is not None and glsl == f"OpenGL ES GLSL ES {want_glsl}",
               f"GL_SHADING_LANGUAGE_VERSION '{glsl}' is GLSL ES {want_glsl} "
               f"(of OpenGL ES {as_text(gls_ver)})")
    for k in ("GL_VENDOR", "GL_RENDERER"):
        checks(host.get(k) == gls.get(k), f"{k} is the host's ({gls.get(k)!r} vs {host.get(k)!r})")

    listed = dict(exc["gl"])
    if gls_ver and gls_ver < (3, 2):
        listed.update(exc["gl-es32"])
    print(f"GL extensions: host {len(host['GL_EXTENSIONS'])}, glstream "
          f"{len(gls['GL_EXTENSIONS'])}, listed exceptions {len(listed)}")
    check_set(checks, "gl", host["GL_EXTENSIONS"], gls["GL_EXTENSIONS"], listed)
    print(f"EGL {host.get('EGL_VERSION')} on the host, {gls.get('EGL_VERSION')} through glstream; "
          f"EGL extensions: host {len(host['EGL_EXTENSIONS'])}, glstream "
          f"{len(gls['EGL_EXTENSIONS'])}, listed {len(exc['egl'])} not offered, "
          f"{len(exc['egl-own'])} glstream's own")
    check_set(checks, "egl", host["EGL_EXTENSIONS"], gls["EGL_EXTENSIONS"], exc["egl"],
              exc["egl-own"])
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
