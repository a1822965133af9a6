#!/usr/bin/env python3
"""Hostile clients against the worker's EGL objects (issue 4, issue 7):
EGL images, surface colorspaces. Each case speaks the wire protocol raw and
must get an EGL/GL error or a clean disconnect with a logged reason, while
the server goes on serving a well-behaved client.

usage: gls_hostile_egl.py API_TEST_PROGRAM"""
import os
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402
from glswire import (Client, GL_INVALID_VALUE, GL_NO_ERROR, GL_RGBA, GL_TEXTURE_2D, GL_UNSIGNED_BYTE,  # noqa: E402
                     OBJ_TEXTURE, closed_by_server, read_reply)

EGL_SUCCESS, EGL_BAD_PARAMETER = 0x3000, 0x300C
EGL_GL_TEXTURE_2D, EGL_GL_TEXTURE_3D, EGL_GL_RENDERBUFFER = 0x30B1, 0x30B2, 0x30B9
EGL_GL_TEXTURE_CUBE_MAP_POSITIVE_X = 0x30B3
EGL_GL_COLORSPACE_SRGB = 0x3089

check = glslib.Checks()


def ends_with_reason(session, c, reason, timeout=30):
    ended = closed_by_server(c.s, timeout)
    deadline = time.monotonic() + 5
    while reason not in glslib.read_text(session.server_log) and time.monotonic() < deadline:
        time.sleep(0.1)
    return ended and reason in glslib.read_text(session.server_log)


def create_image(c, image, context, target, name):
    c.send("glsCreateImage", struct.pack("<IIIIii", image, context, target, name, 0, 0))
    reply = read_reply(c.s)
    return None if reply is None else struct.unpack("<i", reply)[0]


def texture(c, name):
    c.send("glsGenObjects", struct.pack("<III", OBJ_TEXTURE, 1, name))
    c.send("glBindTexture", struct.pack("<II", GL_TEXTURE_2D, name))
    c.send("glsTexImage2DNull", struct.pack("<IiiiiiII", GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA,
                                            GL_UNSIGNED_BYTE))


def cases(session, sock):
    c = Client(sock).setup()
    texture(c, 5)
    check(create_image(c, 3, 1, EGL_GL_TEXTURE_2D, 99) == EGL_BAD_PARAMETER,
          "an image of a name the client never made: EGL_BAD_PARAMETER, driver not asked")
    check(create_image(c, 3, 1, EGL_GL_RENDERBUFFER, 5) == EGL_BAD_PARAMETER,
          "an image of a texture name as a renderbuffer: EGL_BAD_PARAMETER")
    check(create_image(c, 3, 1, EGL_GL_TEXTURE_CUBE_MAP_POSITIVE_X, 5) == EGL_BAD_PARAMETER,
          "a cube map face image of a 2D texture: the driver's EGL_BAD_PARAMETER")
    check(create_image(c, 3, 1, EGL_GL_TEXTURE_2D, 5) == EGL_SUCCESS, "an image of the client's texture")
    c.send("glEGLImageTargetTexture2DOES", struct.pack("<II", GL_TEXTURE_2D, 0xDEAD))
    check(c.get_error() == GL_INVALID_VALUE, "an image id the client does not own: GL_INVALID_VALUE")
    check(c.get_error() == GL_NO_ERROR, "the error is reported once")
    c.send("glsCreateImage", struct.pack("<IIIIii", 3, 1, EGL_GL_TEXTURE_2D, 5, 0, 0))
    check(ends_with_reason(session, c, "image id 3 is not new"), "an image id used twice: clean disconnect")
    c.close()

    for name, payload, reason in (
            ("an image of another client's context id", struct.pack("<IIIIii", 4, 77, EGL_GL_TEXTURE_2D, 5, 0, 0),
             "unknown context 77"),
            ("an image of an unknown target", struct.pack("<IIIIii", 4, 1, 0x1234, 5, 0, 0), "image target 0x1234"),
            ("an image of a 3D texture (not offered)", struct.pack("<IIIIii", 4, 1, EGL_GL_TEXTURE_3D, 5, 0, 0),
             "image target 0x30b2")):
        c = Client(sock).setup()
        c.send("glsCreateImage", payload)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect")
        c.close()

    c = Client(sock).setup()
    c.send("glsDestroyImage", struct.pack("<I", 12))
    check(ends_with_reason(session, c, "unknown image 12"), "destroying an unknown image: clean disconnect")
    c.close()

    c = Client(sock).setup()
    c.send("glsSurfaceColorspace", struct.pack("<Ii", 1, 0x1234))
    check(ends_with_reason(session, c, "colorspace 0x1234 for surface 1"), "a bad colorspace: clean disconnect")
    c.close()
    c = Client(sock).setup()
    c.send("glsSurfaceColorspace", struct.pack("<Ii", 1, EGL_GL_COLORSPACE_SRGB))
    reply = read_reply(c.s)
    check(reply is not None and struct.unpack("<i", reply)[0] == EGL_SUCCESS,
          "an sRGB re-creation of the current pbuffer")
    check(c.get_error() == GL_NO_ERROR, "the context still works on the re-created surface")
    c.close()


def main():
    glslib.install_signal_handlers()
    api_test = sys.argv[1]
    with glslib.Session(prefix="glstream-hostile-egl-") as session:
        try:
            session.start_xvfb()
            sock = session.start_server(extra_args=["-v"])
            server = [p for n, p in session.procs if n == "glstream-server"][0]
            cases(session, sock)
            check(server.poll() is None, "the server survives every hostile client")
            check(session.run([api_test], timeout=120, stdout=subprocess.DEVNULL) == 0,
                  "a well-behaved client after them passes the API test")
        except glslib.HarnessError as e:
            check(False, f"harness: {e}")
        if check.failed:
            session.dump_logs()
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
