"""The OpenGL ES version a context offers, as the conformance runners need
it: the versions piglit classes tests by, parsing GL_VERSION strings, and
asking a GLES program (waffle's wflinfo, else Mesa's es2_info) which version
it got, natively or through glstream.

An ES 2 program that asks for "an ES 2 context" gets the highest version
the EGL implementation offers (Mesa: ES 3.2; glstream: what it implements),
so the GL_VERSION of that context is the version offered.
"""

import re
import shutil
import subprocess

# The OpenGL ES versions the runners count separately, lowest first.
ES_VERSIONS = ("2.0", "3.0", "3.1", "3.2")

_GL_VERSION_RE = re.compile(r"OpenGL ES (\d+)\.(\d+)")


def parse_gl_version(text):
    """'OpenGL ES 3.2 Mesa ...' -> (3, 2); the first 'OpenGL ES X.Y' of the
    text (glstream appends the host's string after its own), or None."""
    m = _GL_VERSION_RE.search(text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def as_tuple(version):
    """'3.1' -> (3, 1)."""
    major, _, minor = version.partition(".")
    return int(major), int(minor or 0)


def as_text(version):
    return f"{version[0]}.{version[1]}"


def glsl_es_to_es(glsl):
    """GLSL ES version (float: 1.0, 3.0, 3.1, 3.2) -> the ES version class
    that defines it ('2.0' for GLSL ES 1.00), or None when it is none."""
    if glsl is None:
        return None
    if glsl < 3.0:
        return "2.0"
    text = f"{int(glsl)}.{int(round(glsl * 10)) % 10}"
    return text if text in ES_VERSIONS else None


def offered_gl_version(env, timeout=60):
    """(GL_VERSION text, (major, minor) or None) of the ES context a GLES 2
    program gets under env; (error text, None) when no tool answers."""
    if shutil.which("wflinfo"):
        cmd = ["wflinfo", "--platform", "x11_egl", "--api", "gles2"]
        key = "OpenGL version string:"
    elif shutil.which("es2_info"):
        cmd = ["es2_info"]
        key = "GL_VERSION:"
    else:
        return "neither wflinfo (waffle-utils) nor es2_info (mesa-utils) is installed", None
    out = ""
    for _ in range(3):      # Xvfb refuses a connection now and then
        try:
            out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL,
                                 timeout=timeout).stdout.decode(errors="replace")
        except subprocess.TimeoutExpired:
            out = f"{cmd[0]} timed out"
            continue
        for line in out.splitlines():
            if line.startswith(key):
                text = line[len(key):].strip()
                return text, parse_gl_version(text)
    return f"{cmd[0]} printed no GL version: {out[-300:]}", None
