#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3.2 tex32 group
(border colours and integer parameters, glCopyImageSubData, cube map
arrays): each case speaks the wire raw in an ES 3.2 context (or 3.0 where
said) and must get a GL error (the worker goes on) or a clean disconnect
with a logged reason, while the server survives them all. Needs a build
offering ES 3.2 (-Des_version=3.2)."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
import glswire  # noqa: E402
from glswire import (OP, Client, GL_INVALID_ENUM, GL_NO_ERROR, GL_OUT_OF_MEMORY, GL_RGBA,  # noqa: E402
                     GL_UNSIGNED_BYTE, OBJ_TEXTURE, closed_by_server, message)

# protocol/commands.txt: es3.2 tex32, and the ES 2.0 / 3.0 commands glswire does not list
OPS = dict(glTexParameterIiv=900, glTexParameterIuiv=901, glGetTexParameterIiv=902, glSamplerParameterIiv=904,
           glSamplerParameterIuiv=905, glCopyImageSubData=908,
           glTexParameterfv=207, glTexParameteri=208, glTexParameteriv=209,
           glTexStorage2D=545, glTexStorage3D=546, glsTexImage3DNull=547, glSamplerParameteri=594,
           glTexBuffer=909, glTexBufferRange=910, glDrawArrays=140)
GL_TEXTURE_2D, GL_TEXTURE_CUBE_MAP_ARRAY = 0x0DE1, 0x9009
GL_TEXTURE_BORDER_COLOR, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER = 0x1004, 0x2802, 0x812D
GL_NEAREST, GL_RGBA8 = 0x2600, 0x8058
GL_INVALID_VALUE, GL_INVALID_OPERATION = 0x501, 0x502
GL_TEXTURE_BUFFER, GL_ARRAY_BUFFER, GL_STATIC_DRAW, GL_POINTS = 0x8C2A, 0x8892, 0x88E4, 0
OBJ_SAMPLER = 8  # protocol/gls_protocol.h: enum gls_object_type

check = glslib.Checks()


def m(name, fmt, *values):
    return message(OPS[name], struct.pack(fmt, *values))


def bound(target, name=40):
    return (message(OP["glsGenObjects"], struct.pack("<III", OBJ_TEXTURE, 1, name)) +
            message(OP["glBindTexture"], struct.pack("<II", target, name)))


def storage_2d(name, size=8):
    return bound(GL_TEXTURE_2D, name) + m("glTexStorage2D", "<IiIii", GL_TEXTURE_2D, 1, GL_RGBA8, size, size)


def copy(src, dst, sx=0, sy=0, w=4, h=4, d=1, dx=0, dy=0):
    return m("glCopyImageSubData", "<IIiiiiIIiiiiiii", src, GL_TEXTURE_2D, 0, sx, sy, 0, dst, GL_TEXTURE_2D, 0,
             dx, dy, 0, w, h, d)


def buffer_texture(size, offset, range_size, name=60):
    """Buffer `name` of `size` bytes (on GL_ARRAY_BUFFER) viewed by texture
    40 on GL_TEXTURE_BUFFER, [offset, offset + range_size) as RGBA8."""
    return (message(OP["glsGenObjects"], struct.pack("<III", 0, 1, name)) +
            message(OP["glBindBuffer"], struct.pack("<II", GL_ARRAY_BUFFER, name)) +
            message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_ARRAY_BUFFER, size, GL_STATIC_DRAW)) +
            bound(GL_TEXTURE_BUFFER) +
            m("glTexBufferRange", "<IIIqq", GL_TEXTURE_BUFFER, GL_RGBA8, name, offset, range_size))


def ends_with_reason(session, c, reason):
    ended = closed_by_server(c.s, 30)
    return ended and reason in glslib.read_text(session.server_log)


def disconnect_cases(session, sock):
    cases = [
        ("a border colour of one value in ES 3.2", 32,
         bound(GL_TEXTURE_2D) + m("glTexParameterfv", "<IIf", GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, 1.0),
         "malformed glTexParameterfv (20 bytes)"),
        ("a border colour of five values in ES 3.2", 32,
         bound(GL_TEXTURE_2D) + m("glTexParameterIiv", "<II5i", GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, 1, 2, 3, 4,
                                  5),
         "malformed glTexParameterIiv (36 bytes)"),
        ("a sampler border colour of two values", 32,
         message(OP["glsGenObjects"], struct.pack("<III", OBJ_SAMPLER, 1, 7)) +
         m("glSamplerParameterIuiv", "<II2I", 7, GL_TEXTURE_BORDER_COLOR, 1, 2),
         "malformed glSamplerParameterIuiv (24 bytes)"),
        ("glTexParameterIiv in an ES 3.0 context", 30,
         m("glTexParameterIiv", "<IIi", GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER),
         "glTexParameterIiv: a command of an OpenGL ES version this context is not offered"),
        ("glCopyImageSubData in an ES 3.0 context", 30, copy(1, 2),
         "glCopyImageSubData: a command of an OpenGL ES version this context is not offered"),
        ("glTexBufferRange of a buffer name never announced", 32,
         bound(GL_TEXTURE_BUFFER) + m("glTexBufferRange", "<IIIqq", GL_TEXTURE_BUFFER, GL_RGBA8, 777, 0, 16),
         "unknown object name 777"),
        ("glCopyImageSubData of a texture name never announced", 32, storage_2d(40) + copy(12345, 40),
         "unknown object name 12345"),
    ]
    for name, cap, data, reason in cases:
        c = Client(sock).setup(version_cap=cap)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


def error_cases(sock):
    cases = [
        ("GL_CLAMP_TO_BORDER in ES 3.2", 32,
         bound(GL_TEXTURE_2D) + m("glTexParameteri", "<III", GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER),
         GL_NO_ERROR),
        ("GL_CLAMP_TO_BORDER in ES 3.0", 30,
         bound(GL_TEXTURE_2D) + m("glTexParameteri", "<III", GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER),
         GL_INVALID_ENUM),
        ("a border colour of one value in ES 3.0 (refused pname)", 30,
         bound(GL_TEXTURE_2D) + m("glTexParameterfv", "<IIf", GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, 1.0),
         GL_INVALID_ENUM),
        ("a border colour through glTexParameteri", 32,
         bound(GL_TEXTURE_2D) + m("glTexParameteri", "<III", GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, 1),
         GL_INVALID_ENUM),
        ("a border colour of four values", 32,
         bound(GL_TEXTURE_2D) + m("glTexParameterIiv", "<II4i", GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, -1, 2, -3, 4),
         GL_NO_ERROR),
        ("GL_TEXTURE_WRAP_S of GL_NEAREST through Iuiv", 32,
         bound(GL_TEXTURE_2D) + m("glTexParameterIuiv", "<III", GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_NEAREST),
         GL_INVALID_ENUM),
        ("a sampler border colour through glSamplerParameteri", 32,
         message(OP["glsGenObjects"], struct.pack("<III", OBJ_SAMPLER, 1, 7)) +
         m("glSamplerParameteri", "<III", 7, GL_TEXTURE_BORDER_COLOR, 0), GL_INVALID_ENUM),
        # glCopyImageSubData: the driver's region checks
        ("a copy inside both images", 32, storage_2d(40) + storage_2d(41) + copy(40, 41), GL_NO_ERROR),
        ("a copy past the source", 32, storage_2d(40) + storage_2d(41) + copy(40, 41, sx=6), GL_INVALID_VALUE),
        ("a copy past the destination", 32, storage_2d(40) + storage_2d(41) + copy(40, 41, dy=5), GL_INVALID_VALUE),
        ("a copy at x 2^31 - 1 of width 2^31 - 1", 32,
         storage_2d(40) + storage_2d(41) + copy(40, 41, sx=0x7fffffff, w=0x7fffffff), GL_INVALID_VALUE),
        ("a copy of negative size", 32, storage_2d(40) + storage_2d(41) + copy(40, 41, w=-1), GL_INVALID_VALUE),
        ("a copy of depth 2^31 - 1 from a 2D image", 32,
         storage_2d(40) + storage_2d(41) + copy(40, 41, d=0x7fffffff), GL_INVALID_VALUE),
        ("a copy from a texture without images", 32, bound(GL_TEXTURE_2D, 42) + storage_2d(41) + copy(42, 41),
         0x502),
        # texture buffer ranges: inside the buffer when made and at draws
        ("a texture buffer range inside its buffer", 32, buffer_texture(1024, 0, 1024), GL_NO_ERROR),
        ("a texture buffer range past its buffer", 32, buffer_texture(1024, 16, 1024), GL_INVALID_VALUE),
        ("a texture buffer range at offset 2^63 - 16", 32, buffer_texture(1024, (1 << 63) - 16, 16),
         GL_INVALID_VALUE),
        ("a texture buffer range of size 2^63 - 1", 32, buffer_texture(1024, 0, (1 << 63) - 1), GL_INVALID_VALUE),
        ("a draw with the range inside the buffer", 32,
         buffer_texture(1024, 0, 1024) + m("glDrawArrays", "<Iii", GL_POINTS, 0, 1), GL_NO_ERROR),
        ("a draw after the buffer shrank below the range", 32,
         buffer_texture(1024, 0, 1024) +
         message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_ARRAY_BUFFER, 16, GL_STATIC_DRAW)) +
         m("glDrawArrays", "<Iii", GL_POINTS, 0, 1), GL_INVALID_OPERATION),
        ("a draw after the buffer grew again", 32,
         buffer_texture(1024, 0, 1024) +
         message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_ARRAY_BUFFER, 16, GL_STATIC_DRAW)) +
         message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_ARRAY_BUFFER, 4096, GL_STATIC_DRAW)) +
         m("glDrawArrays", "<Iii", GL_POINTS, 0, 1), GL_NO_ERROR),
        ("glTexBuffer on a 2D target", 32,
         bound(GL_TEXTURE_2D) + m("glTexBuffer", "<III", GL_TEXTURE_2D, GL_RGBA8, 0), GL_INVALID_ENUM),
        # cube map arrays count against --max-gl-memory (2 GiB here)
        ("cube map array storage of 8192^2 x 36 RGBA8 (9 GiB)", 32,
         bound(GL_TEXTURE_CUBE_MAP_ARRAY) +
         m("glTexStorage3D", "<IiIiii", GL_TEXTURE_CUBE_MAP_ARRAY, 1, GL_RGBA8, 8192, 8192, 36), GL_OUT_OF_MEMORY),
        ("a cube map array image of 8192^2 x 36 RGBA8 without data", 32,
         bound(GL_TEXTURE_CUBE_MAP_ARRAY) +
         m("glsTexImage3DNull", "<IiiiiiiII", GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, 8192, 8192, 36, 0, GL_RGBA,
           GL_UNSIGNED_BYTE), GL_OUT_OF_MEMORY),
        ("a cube map array image of 7 layer-faces", 32,
         bound(GL_TEXTURE_CUBE_MAP_ARRAY) +
         m("glsTexImage3DNull", "<IiiiiiiII", GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, 4, 4, 7, 0, GL_RGBA,
           GL_UNSIGNED_BYTE), GL_INVALID_VALUE),
        ("cube map array storage within the limit", 32,
         bound(GL_TEXTURE_CUBE_MAP_ARRAY) +
         m("glTexStorage3D", "<IiIiii", GL_TEXTURE_CUBE_MAP_ARRAY, 2, GL_RGBA8, 64, 64, 12), GL_NO_ERROR),
        ("cube map array storage in ES 3.0", 30,
         bound(GL_TEXTURE_2D) +
         m("glTexStorage3D", "<IiIiii", GL_TEXTURE_CUBE_MAP_ARRAY, 1, GL_RGBA8, 4, 4, 6), GL_INVALID_ENUM),
    ]
    glswire.error_cases(check, sock, cases)


def main():

    def cases(session, sock):
        disconnect_cases(session, sock)
        error_cases(sock)

    return glslib.run_hostile(check, cases, ["-v", f"--max-gl-memory={2 << 30}"])


if __name__ == "__main__":
    sys.exit(main())
