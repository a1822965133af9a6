#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3.1 texfb group
(multisample textures, level and framebuffer parameters, indexed
booleans): each case speaks the wire raw in an ES 3.1 context and must get
a GL error (the worker goes on) or a clean disconnect with a logged reason,
while the server survives them all. --max-gl-memory bounds multisample
textures (samples, rounded up to a power of two, times a texel) like
multisample renderbuffers. Skipped (exit 77) when the build does not offer
ES 3.1."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
import glswire  # noqa: E402
from glswire import (OP, Client, GL_INVALID_ENUM, GL_INVALID_OPERATION, GL_INVALID_VALUE, GL_NO_ERROR,  # noqa: E402
                     GL_OUT_OF_MEMORY, OBJ_TEXTURE, closed_by_server, message, read_reply)

# protocol/commands.txt, es3.1 texfb
OP31 = dict(glTexStorage2DMultisample=830, glGetMultisamplefv=831, glSampleMaski=832,
            glGetTexLevelParameteriv=833, glGetTexLevelParameterfv=834, glFramebufferParameteri=835,
            glGetFramebufferParameteriv=836, glGetBooleani_v=837,
            # commands glswire does not list
            glTexStorage2D=545, glGetIntegerv=163, glGetIntegeri_v=671)
GL_TEXTURE_2D, GL_TEXTURE_2D_MULTISAMPLE, GL_TEXTURE_CUBE_MAP = 0x0DE1, 0x9100, 0x8513
GL_RGBA8, GL_RGBA32F, GL_RGBA = 0x8058, 0x8814, 0x1908
GL_TEXTURE_WIDTH, GL_TEXTURE_SAMPLES, GL_SAMPLE_POSITION = 0x1000, 0x9106, 0x8E50
GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH = 0x8D40, 0x9310
GL_SAMPLE_MASK_VALUE, GL_MAX_COMPUTE_WORK_GROUP_COUNT, GL_MAX_COLOR_TEXTURE_SAMPLES = 0x8E52, 0x91BE, 0x910E

check = glslib.Checks()


def m(name, fmt, *values):
    return message(OP31[name], struct.pack(fmt, *values))


def bound(target=GL_TEXTURE_2D_MULTISAMPLE, name=40):
    return (message(OP["glsGenObjects"], struct.pack("<III", OBJ_TEXTURE, 1, name)) +
            message(OP["glBindTexture"], struct.pack("<II", target, name)))


def ms_storage(samples, w, h, fmt=GL_RGBA8, target=GL_TEXTURE_2D_MULTISAMPLE, fixed=1):
    return m("glTexStorage2DMultisample", "<IiIiiI", target, samples, fmt, w, h, fixed)


def ends_with_reason(session, c, reason):
    ended = closed_by_server(c.s, 30)
    return ended and reason in glslib.read_text(session.server_log)


def values(c, data):
    """Sends a query; its reply's values (u32 count, count x 4 bytes)."""
    c.s.sendall(data)
    reply = read_reply(c.s)
    if reply is None:
        return None
    n = struct.unpack_from("<I", reply)[0]
    return list(struct.unpack_from(f"<{n}i", reply, 4))


def offered_31(sock):
    c = Client(sock).setup(version_cap=32)
    got = values(c, m("glGetIntegerv", "<I", GL_MAX_COLOR_TEXTURE_SAMPLES))
    c.close()
    return bool(got) and got[0] > 0


def disconnect_cases(session, sock):
    cases = [
        ("glTexStorage2DMultisample in an ES 3.0 context", 30, bound(GL_TEXTURE_2D) + ms_storage(4, 4, 4),
         "glTexStorage2DMultisample: a command of an OpenGL ES version this context is not offered"),
        ("glGetTexLevelParameteriv in an ES 3.0 context", 30,
         m("glGetTexLevelParameteriv", "<IiI", GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH),
         "glGetTexLevelParameteriv: a command of an OpenGL ES version this context is not offered"),
        ("glGetBooleani_v in an ES 3.0 context", 30, m("glGetBooleani_v", "<II", GL_SAMPLE_MASK_VALUE, 0),
         "glGetBooleani_v: a command of an OpenGL ES version this context is not offered"),
        ("glTexStorage2DMultisample cut short", 32, bound() + m("glTexStorage2DMultisample", "<IiI", 0x9100, 4, 0),
         "glTexStorage2DMultisample"),
        ("glGetTexLevelParameterfv with a word too many", 32,
         m("glGetTexLevelParameterfv", "<IiII", GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, 0), "glGetTexLevelParameterfv"),
    ]
    for name, cap, data, reason in cases:
        c = Client(sock).setup(version_cap=cap)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


def error_cases(sock):
    cases = [
        # --max-gl-memory (2 GiB here): samples times a texel
        ("16384^2 RGBA32F x4 (16 GiB)", bound() + ms_storage(4, 16384, 16384, GL_RGBA32F), GL_OUT_OF_MEMORY),
        ("16384^2 RGBA8 x3, counted as x4 (4 GiB)", bound() + ms_storage(3, 16384, 16384), GL_OUT_OF_MEMORY),
        ("8192^2 RGBA32F x2 (2 GiB)", bound() + ms_storage(2, 8192, 8192, GL_RGBA32F), GL_OUT_OF_MEMORY),
        ("64^2 RGBA8 x4", bound() + ms_storage(4, 64, 64), GL_NO_ERROR),
        # sample counts, sizes, targets and formats the driver refuses are not charged
        ("0 samples", bound() + ms_storage(0, 64, 64), GL_INVALID_VALUE),
        ("-1 samples", bound() + ms_storage(-1, 64, 64), GL_INVALID_VALUE),
        ("2^31 - 1 samples of 16384^2", bound() + ms_storage(0x7fffffff, 16384, 16384), GL_INVALID_OPERATION),
        ("-2^31 samples", bound() + ms_storage(-0x80000000, 64, 64), GL_INVALID_VALUE),
        ("width 2^31 - 1", bound() + ms_storage(4, 0x7fffffff, 64), GL_INVALID_VALUE),
        ("height -1", bound() + ms_storage(4, 64, -1), GL_INVALID_VALUE),
        ("texture 0", ms_storage(4, 64, 64), GL_INVALID_OPERATION),
        ("the 2D target", bound(GL_TEXTURE_2D) + ms_storage(4, 64, 64, target=GL_TEXTURE_2D), GL_INVALID_ENUM),
        ("an unsized format", bound() + ms_storage(4, 64, 64, GL_RGBA), GL_INVALID_ENUM),
        ("twice", bound() + ms_storage(4, 64, 64) + ms_storage(4, 64, 64), GL_INVALID_OPERATION),
        ("glTexStorage2D on a multisample texture", bound() +
         m("glTexStorage2D", "<IiIii", GL_TEXTURE_2D_MULTISAMPLE, 1, GL_RGBA8, 4, 4), GL_INVALID_ENUM),
        # state
        ("glSampleMaski word 2^32 - 1", m("glSampleMaski", "<II", 0xffffffff, 1), GL_INVALID_VALUE),
        ("glFramebufferParameteri on framebuffer 0",
         m("glFramebufferParameteri", "<IIi", GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, 16), GL_INVALID_OPERATION),
        ("glFramebufferParameteri of a texture pname", m("glFramebufferParameteri", "<IIi", GL_FRAMEBUFFER,
                                                         GL_TEXTURE_WIDTH, 16), GL_INVALID_ENUM),
    ]
    glswire.error_cases(check, sock, cases, version_cap=32)


def query_cases(sock):
    """Queries answer nothing on an error and never write past their values."""
    cases = [
        ("glGetBooleani_v index 2^32 - 1", m("glGetBooleani_v", "<II", GL_SAMPLE_MASK_VALUE, 0xffffffff), [],
         GL_INVALID_VALUE),
        ("glGetBooleani_v of no pname", m("glGetBooleani_v", "<II", 0x1234, 0), [], GL_INVALID_ENUM),
        ("glGetBooleani_v of the sample mask", m("glGetBooleani_v", "<II", GL_SAMPLE_MASK_VALUE, 0), [1],
         GL_NO_ERROR),
        ("glGetMultisamplefv index 2^32 - 1", m("glGetMultisamplefv", "<II", GL_SAMPLE_POSITION, 0xffffffff), [],
         GL_INVALID_VALUE),
        ("glGetMultisamplefv of another pname", m("glGetMultisamplefv", "<II", GL_TEXTURE_WIDTH, 0), [],
         GL_INVALID_ENUM),
        ("glGetTexLevelParameteriv level 2^31 - 1",
         m("glGetTexLevelParameteriv", "<IiI", GL_TEXTURE_2D, 0x7fffffff, GL_TEXTURE_WIDTH), [], GL_INVALID_VALUE),
        ("glGetTexLevelParameteriv of the cube map target",
         m("glGetTexLevelParameteriv", "<IiI", GL_TEXTURE_CUBE_MAP, 0, GL_TEXTURE_WIDTH), [], GL_INVALID_ENUM),
        ("glGetTexLevelParameteriv samples of a 64^2 x4 texture", bound() + ms_storage(4, 64, 64) +
         m("glGetTexLevelParameteriv", "<IiI", GL_TEXTURE_2D_MULTISAMPLE, 0, GL_TEXTURE_SAMPLES), [4], GL_NO_ERROR),
        ("glGetFramebufferParameteriv of framebuffer 0",
         m("glGetFramebufferParameteriv", "<II", GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH), [],
         GL_INVALID_OPERATION),
        ("glGetIntegeri_v work group count 3",
         m("glGetIntegeri_v", "<II", GL_MAX_COMPUTE_WORK_GROUP_COUNT, 3), [], GL_INVALID_VALUE),
    ]
    for name, data, expected, error in cases:
        c = Client(sock).setup(version_cap=32)
        got = values(c, data)
        err = c.get_error()
        check(got == expected and err == error,
              f"{name}: values {got}, GL error {err if err is None else hex(err)}; expected {expected}, {hex(error)}")
        c.close()


def accumulation_case():
    """Multisample textures add up to --max-gl-memory (64 MiB here)."""
    with glslib.Session() as small:
        small.start_xvfb()
        sock = small.start_server(extra_args=[f"--max-gl-memory={64 << 20}"])
        c = Client(sock).setup(version_cap=32)
        errors = []
        for i in range(6):  # 1024^2 RGBA8 x4: 16 MiB each
            c.s.sendall(bound(name=100 + i) + ms_storage(4, 1024, 1024))
            errors.append(c.get_error())
        check(errors[:2] == [GL_NO_ERROR] * 2 and GL_OUT_OF_MEMORY in errors,
              f"16 MiB multisample textures until --max-gl-memory=64MiB: {[hex(e) for e in errors if e is not None]}")
        # deleting them gives their bytes back
        c.s.sendall(message(OP["glsDeleteObjects"], struct.pack("<II", OBJ_TEXTURE, 6) +
                            struct.pack("<6I", *range(100, 106))))
        c.s.sendall(bound(name=200) + ms_storage(4, 1024, 1024))
        got = c.get_error()
        check(got == GL_NO_ERROR, f"after deleting them, another 16 MiB: GL error {got}")
        c.close()


def main():
    glslib.install_signal_handlers()
    with glslib.Session() as session:
        try:
            session.start_xvfb()
            sock = session.start_server(extra_args=["-v", f"--max-gl-memory={2 << 30}"])
            server = [p for n, p in session.procs if n == "glstream-server"][0]
        except glslib.HarnessError as e:
            glslib.log(f"error: {e}")
            return 1
        if not offered_31(sock):
            print("skip: this build does not offer OpenGL ES 3.1")
            return 77
        error_cases(sock)
        query_cases(sock)
        disconnect_cases(session, sock)
        check(server.poll() is None, "the server survived every hostile client")
    accumulation_case()
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
