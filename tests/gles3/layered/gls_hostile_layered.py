#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3.2 layered group
(layered attachments, multisample array storage, GL_TEXTURE_BUFFER as a
buffer target, buffer textures in image units): each case speaks the wire
raw in an ES 3.2 context (or 3.1 where said) and must get a GL error (the
worker goes on) or a clean disconnect with a logged reason, while the
server survives them all. Needs a build offering ES 3.2 (-Des_version=3.2)."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
import glswire  # noqa: E402
from glswire import (OP, Client, GL_INVALID_ENUM, GL_NO_ERROR, GL_OUT_OF_MEMORY, OBJ_TEXTURE,  # noqa: E402
                     blob, closed_by_server, message)

# protocol/commands.txt: es3.2 layered, and the ES 3.x commands glswire does not list
OPS = dict(glFramebufferTexture=980, glTexStorage3DMultisample=981, glTexStorage3D=546, glTexBuffer=909,
           glTexBufferRange=910, glCreateShaderProgramv=749, glDispatchCompute=700, glBindImageTexture=704,
           glFramebufferParameteri=835, glFramebufferTextureLayer=590)
GL_TEXTURE_2D_ARRAY, GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_TEXTURE_2D_MULTISAMPLE = 0x8C1A, 0x9102, 0x9100
GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_DEFAULT_LAYERS = 0x8D40, 0x8CE0, 0x9312
GL_RGBA8, GL_R32UI, GL_STENCIL_INDEX8, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE = 0x8058, 0x8236, 0x8D48, 0x1901, 0x1401
GL_TEXTURE_2D = 0x0DE1
GL_TEXTURE_BUFFER, GL_STATIC_DRAW, GL_WRITE_ONLY, GL_READ_ONLY = 0x8C2A, 0x88E4, 0x88B9, 0x88B8
GL_COMPUTE_SHADER = 0x91B9
GL_INVALID_VALUE, GL_INVALID_OPERATION = 0x501, 0x502
OBJ_FRAMEBUFFER = 3  # protocol/gls_protocol.h: enum gls_object_type

check = glslib.Checks()


def m(name, fmt, *values):
    return message(OPS[name], struct.pack(fmt, *values))


def bound(target, name=40):
    return (message(OP["glsGenObjects"], struct.pack("<III", OBJ_TEXTURE, 1, name)) +
            message(OP["glBindTexture"], struct.pack("<II", target, name)))


def framebuffer(name=50):
    return (message(OP["glsGenObjects"], struct.pack("<III", OBJ_FRAMEBUFFER, 1, name)) +
            message(104, struct.pack("<II", GL_FRAMEBUFFER, name)))


def ms_array(samples, width, height, depth, fmt=GL_RGBA8):
    return (bound(GL_TEXTURE_2D_MULTISAMPLE_ARRAY) +
            m("glTexStorage3DMultisample", "<IiIiiiI", GL_TEXTURE_2D_MULTISAMPLE_ARRAY, samples, fmt, width, height,
              depth, 1))


def texture_buffer_target(size, name=60):
    """Buffer `name` bound to GL_TEXTURE_BUFFER, `size` bytes of zeros."""
    return (message(OP["glsGenObjects"], struct.pack("<III", 0, 1, name)) +
            message(OP["glBindBuffer"], struct.pack("<II", GL_TEXTURE_BUFFER, name)) +
            message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_TEXTURE_BUFFER, size, GL_STATIC_DRAW)))


IMAGE_STORE = b"""#version 320 es
layout(local_size_x = 1) in;
layout(r32ui, binding = 0) writeonly uniform highp uimageBuffer img;
void main() { imageStore(img, 0, uvec4(7u)); }
"""


def image_buffer(size, offset, range_size, shrink_to=None, access=GL_WRITE_ONLY):
    """A buffer viewed [offset, offset + range_size) by a buffer texture in
    image unit 0 (shrunk to shrink_to bytes after), then a dispatch of a
    compute program writing it."""
    data = (texture_buffer_target(size) + bound(GL_TEXTURE_BUFFER) +
            m("glTexBufferRange", "<IIIqq", GL_TEXTURE_BUFFER, GL_R32UI, 60, offset, range_size) +
            m("glBindImageTexture", "<IIiIiII", 0, 40, 0, 0, 0, access, GL_R32UI))
    if shrink_to is not None:
        data += message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_TEXTURE_BUFFER, shrink_to, GL_STATIC_DRAW))
    return (data + message(OPS["glCreateShaderProgramv"], struct.pack("<IIi", 9, GL_COMPUTE_SHADER, 1) +
                           blob(IMAGE_STORE)) +
            message(OP["glUseProgram"], struct.pack("<I", 9)) + m("glDispatchCompute", "<III", 1, 1, 1))


def stencil_image(width, height, data):
    """glTexImage2D of a GL_STENCIL_INDEX8 level carrying `data`."""
    return (bound(GL_TEXTURE_2D) +
            message(OP["glTexImage2D"], struct.pack("<IiiiiiII", GL_TEXTURE_2D, 0, GL_STENCIL_INDEX8, width, height, 0,
                                                    GL_STENCIL_INDEX, GL_UNSIGNED_BYTE) + blob(data)))


def ends_with_reason(session, c, reason):
    ended = closed_by_server(c.s, 30)
    return ended and reason in glslib.read_text(session.server_log)


def disconnect_cases(session, sock):
    cases = [
        ("glTexStorage3DMultisample one word short", 32,
         bound(GL_TEXTURE_2D_MULTISAMPLE_ARRAY) +
         m("glTexStorage3DMultisample", "<IiIiii", GL_TEXTURE_2D_MULTISAMPLE_ARRAY, 4, GL_RGBA8, 4, 4, 2),
         "malformed glTexStorage3DMultisample"),
        ("glFramebufferTexture one word long", 32,
         framebuffer() + bound(GL_TEXTURE_2D_ARRAY) +
         m("glFramebufferTexture", "<IIIiI", GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 40, 0, 0),
         "malformed glFramebufferTexture"),
        ("glFramebufferTexture of a texture name never announced", 32,
         framebuffer() + m("glFramebufferTexture", "<IIIi", GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 777, 0),
         "unknown object name 777"),
        ("glFramebufferTexture in an ES 3.1 context", 31,
         framebuffer() + bound(GL_TEXTURE_2D_ARRAY) +
         m("glFramebufferTexture", "<IIIi", GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 40, 0),
         "glFramebufferTexture: a command of an OpenGL ES version this context is not offered"),
        ("glTexStorage3DMultisample in an ES 3.1 context", 31,
         bound(GL_TEXTURE_2D_MULTISAMPLE) +
         m("glTexStorage3DMultisample", "<IiIiiiI", GL_TEXTURE_2D_MULTISAMPLE_ARRAY, 4, GL_RGBA8, 4, 4, 2, 1),
         "glTexStorage3DMultisample: a command of an OpenGL ES version this context is not offered"),
        # stencil texels are one byte: an image of 5 x 3 (rows of 8 bytes at
        # the default alignment of 4) carries 8 + 8 + 5 bytes, not more
        ("a stencil image of 5x3 carrying 15 bytes", 32, stencil_image(5, 3, b"\1" * 15),
         "glTexImage2D of 5x3 carries 15 bytes, not 21"),
        ("a stencil image of 5x3 carrying 60 bytes (4 a texel)", 32, stencil_image(5, 3, b"\1" * 60),
         "glTexImage2D of 5x3 carries 60 bytes, not 21"),
    ]
    for name, cap, data, reason in cases:
        c = Client(sock).setup(version_cap=cap)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


def error_cases(sock):
    cases = [
        # multisample arrays count samples x layers against --max-gl-memory (2 GiB here)
        ("a multisample array within the limit", 32, ms_array(4, 64, 64, 8), GL_NO_ERROR),
        ("a multisample array of 4096^2 x 16 layers x 4 samples RGBA8 (4 GiB)", 32, ms_array(4, 4096, 4096, 16),
         GL_OUT_OF_MEMORY),
        ("a multisample array of 2048^2 x 33 layers x 3 samples (counted as 4: past 2 GiB)", 32,
         ms_array(3, 2048, 2048, 33), GL_OUT_OF_MEMORY),
        ("a multisample array of 2^31 - 1 layers", 32, ms_array(4, 4, 4, 0x7FFFFFFF), GL_INVALID_VALUE),
        ("a multisample array of -1 layers", 32, ms_array(4, 4, 4, -1), GL_INVALID_VALUE),
        ("a multisample array of 2^31 - 1 samples", 32, ms_array(0x7FFFFFFF, 4, 4, 2), GL_INVALID_OPERATION),
        ("a multisample array on the 2D multisample target", 32,
         bound(GL_TEXTURE_2D_MULTISAMPLE) +
         m("glTexStorage3DMultisample", "<IiIiiiI", GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, 4, 4, 2, 1),
         GL_INVALID_ENUM),
        ("a stencil multisample array", 32, ms_array(4, 16, 16, 2, GL_STENCIL_INDEX8), GL_NO_ERROR),
        ("a stencil image of 5x3 carrying 21 bytes", 32, stencil_image(5, 3, b"\1" * 21), GL_NO_ERROR),
        ("a multisample array bound in ES 3.1", 31, bound(GL_TEXTURE_2D_MULTISAMPLE_ARRAY), GL_INVALID_ENUM),
        ("a stencil texture in ES 3.1", 31,
         bound(GL_TEXTURE_2D_ARRAY) +
         m("glTexStorage3D", "<IiIiii", GL_TEXTURE_2D_ARRAY, 1, GL_STENCIL_INDEX8, 4, 4, 2), GL_INVALID_ENUM),
        # layered attachments: the driver judges them
        ("a layered attachment of level 2^31 - 1", 32,
         framebuffer() + bound(GL_TEXTURE_2D_ARRAY) +
         m("glTexStorage3D", "<IiIiii", GL_TEXTURE_2D_ARRAY, 1, GL_RGBA8, 4, 4, 2) +
         m("glFramebufferTexture", "<IIIi", GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 40, 0x7FFFFFFF),
         GL_INVALID_VALUE),
        ("a layered attachment on target 0", 32,
         framebuffer() + bound(GL_TEXTURE_2D_ARRAY) +
         m("glFramebufferTexture", "<IIIi", 0, GL_COLOR_ATTACHMENT0, 40, 0), GL_INVALID_ENUM),
        ("a multisample array layer attached past the array", 32,
         framebuffer() + ms_array(4, 4, 4, 2) +
         m("glFramebufferTextureLayer", "<IIIii", GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 40, 0, 0x7FFFFFFF),
         GL_INVALID_VALUE),
        ("2^31 - 1 default layers", 32,
         framebuffer() + m("glFramebufferParameteri", "<IIi", GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS,
                           0x7FFFFFFF), GL_INVALID_VALUE),
        ("default layers in ES 3.1", 31,
         framebuffer() + m("glFramebufferParameteri", "<IIi", GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, 2),
         GL_INVALID_ENUM),
        # GL_TEXTURE_BUFFER as a buffer target: sized and counted like the others
        ("a texture buffer target buffer of 1 KiB", 32, texture_buffer_target(1024), GL_NO_ERROR),
        ("a texture buffer target buffer of 3 GiB", 32, texture_buffer_target(3 << 30), GL_OUT_OF_MEMORY),
        ("a texture buffer target buffer of -1 bytes", 32, texture_buffer_target(-1), GL_INVALID_VALUE),
        ("GL_TEXTURE_BUFFER as a buffer target in ES 3.1", 31, texture_buffer_target(16), GL_INVALID_ENUM),
        # buffer textures in image units: ranges checked at dispatches
        ("an imageBuffer dispatch inside the buffer", 32, image_buffer(1024, 0, 1024), GL_NO_ERROR),
        ("an imageBuffer dispatch after the buffer shrank below the range", 32,
         image_buffer(1024, 0, 1024, shrink_to=16), GL_INVALID_OPERATION),
        ("a read-only imageBuffer dispatch after the buffer shrank", 32,
         image_buffer(1024, 0, 1024, shrink_to=16, access=GL_READ_ONLY), GL_INVALID_OPERATION),
        ("an imageBuffer dispatch after the buffer grew again", 32,
         image_buffer(1024, 0, 1024, shrink_to=4096), GL_NO_ERROR),
        ("an imageBuffer dispatch of a whole buffer shrunk (a view of any size)", 32,
         texture_buffer_target(1024) + bound(GL_TEXTURE_BUFFER) +
         m("glTexBuffer", "<III", GL_TEXTURE_BUFFER, GL_R32UI, 60) +
         m("glBindImageTexture", "<IIiIiII", 0, 40, 0, 0, 0, GL_WRITE_ONLY, GL_R32UI) +
         message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_TEXTURE_BUFFER, 16, GL_STATIC_DRAW)) +
         message(OPS["glCreateShaderProgramv"], struct.pack("<IIi", 9, GL_COMPUTE_SHADER, 1) + blob(IMAGE_STORE)) +
         message(OP["glUseProgram"], struct.pack("<I", 9)) + m("glDispatchCompute", "<III", 1, 1, 1),
         GL_NO_ERROR),
    ]
    glswire.error_cases(check, sock, cases)


def main():

    def cases(session, sock):
        disconnect_cases(session, sock)
        error_cases(sock)

    return glslib.run_hostile(check, cases, ["-v", f"--max-gl-memory={2 << 30}"])


if __name__ == "__main__":
    sys.exit(main())
