#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3.2 geomtess group
(geometry and tessellation stages, glPatchParameteri, the draw modes of ES
3.2, the draw-time checks of a pipeline's stages and of the restart index
of patches, which names a vertex on a host without restart for patches
such as llvmpipe): each case speaks the wire raw in an ES 3.2 context (or 3.1
where said) and must get a GL error (the worker goes on) or a clean
disconnect with a logged reason, while the server survives them all.
Needs a build offering ES 3.2 (-Des_version=3.2)."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
from glswire import (OP, Client, GL_ARRAY_BUFFER, GL_ELEMENT_ARRAY_BUFFER, GL_FLOAT, GL_INVALID_ENUM,  # noqa: E402
                     GL_INVALID_OPERATION, GL_INVALID_VALUE, GL_NO_ERROR, GL_STATIC_DRAW, GL_UNSIGNED_BYTE,
                     OBJ_BUFFER, OBJ_PROGRAM_PIPELINE, blob, closed_by_server, message, read_reply)

# protocol/commands.txt: es3.2 geomtess, and the ES 3.x commands glswire does not list
OPS = dict(glPatchParameteri=940, glCreateShaderProgramv=749, glBindProgramPipeline=745, glUseProgramStages=747,
           glBindBufferBase=502, glGetIntegerv=163, glGetProgramiv=164)
GL_POINTS, GL_TRIANGLES, GL_QUADS, GL_PATCHES = 0, 4, 7, 0xE
GL_LINES_ADJACENCY, GL_TRIANGLE_STRIP_ADJACENCY = 0xA, 0xD
GL_VERTEX_SHADER, GL_FRAGMENT_SHADER = 0x8B31, 0x8B30
GL_GEOMETRY_SHADER, GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER = 0x8DD9, 0x8E88, 0x8E87
GL_VERTEX_SHADER_BIT, GL_FRAGMENT_SHADER_BIT, GL_GEOMETRY_SHADER_BIT = 1, 2, 4
GL_TESS_CONTROL_SHADER_BIT, GL_TESS_EVALUATION_SHADER_BIT = 8, 0x10
GL_PATCH_VERTICES, GL_PRIMITIVE_RESTART_FIXED_INDEX = 0x8E72, 0x8D69
GL_UNIFORM_BUFFER, GL_SHADER_STORAGE_BUFFER, GL_LINK_STATUS = 0x8A11, 0x90D2, 0x8B82

check = glslib.Checks()

VS = b"#version 320 es\nlayout(location = 0) in vec4 pos;\nvoid main() { gl_Position = pos; }\n"
FS = (b"#version 320 es\nprecision mediump float;\nlayout(location = 0) out vec4 o;\n"
      b"void main() { o = vec4(1.0); }\n")
# a geometry stage reading 64 bytes of uniform block binding 1
GS_BLOCK = (b"#version 320 es\nlayout(points) in;\nlayout(points, max_vertices = 1) out;\n"
            b"layout(std140, binding = 1) uniform Block { vec4 v[4]; };\n"
            b"void main() { gl_Position = gl_in[0].gl_Position + v[3]; EmitVertex(); }\n")
TCS = (b"#version 320 es\nlayout(vertices = 4) out;\nvoid main() {\n"
       b"  gl_out[gl_InvocationID].gl_Position = gl_in[gl_InvocationID].gl_Position;\n"
       b"  gl_TessLevelOuter[0] = 1.0; gl_TessLevelOuter[1] = 1.0;\n}\n")
# an evaluation stage reading 64 bytes of shader storage binding 2
TES_STORAGE = (b"#version 320 es\nlayout(isolines) in;\n"
               b"layout(std430, binding = 2) readonly buffer Storage { vec4 s[4]; };\n"
               b"void main() { gl_Position = gl_in[0].gl_Position + s[3]; }\n")
TES = b"#version 320 es\nlayout(isolines) in;\nvoid main() { gl_Position = gl_in[0].gl_Position; }\n"


def m(name, fmt, *values):
    return message(OPS[name], struct.pack(fmt, *values))


def gen(type_, names):
    return message(OP["glsGenObjects"], struct.pack("<II", type_, len(names)) +
                   struct.pack(f"<{len(names)}I", *names))


def buffer_setup(target, name, data):
    return (gen(OBJ_BUFFER, [name]) + message(OP["glBindBuffer"], struct.pack("<II", target, name)) +
            message(OP["glBufferData"], struct.pack("<IqI", target, len(data), GL_STATIC_DRAW) + blob(data)))


def program(name, type_, source, opcode="glCreateShaderProgramv"):
    """glCreateShaderProgramv(EXT): u32 name, u32 type, i32 count, blob source."""
    return message(OPS.get(opcode) or OP[opcode], struct.pack("<IIi", name, type_, 1) + blob(source))


def pipeline(name, stages):
    """Pipeline `name` bound, with (bits, program) stages."""
    data = gen(OBJ_PROGRAM_PIPELINE, [name]) + m("glBindProgramPipeline", "<I", name)
    for bits, prog in stages:
        data += m("glUseProgramStages", "<III", name, bits, prog)
    return data


def draw_arrays(mode, first=0, count=1):
    return message(OP["glDrawArrays"], struct.pack("<Iii", mode, first, count))


def linked(c, prog):
    c.s.sendall(m("glGetProgramiv", "<II", prog, GL_LINK_STATUS))
    reply = read_reply(c.s)
    return reply is not None and struct.unpack_from("<Ii", reply) == (1, 1)


def ends_with_reason(session, c, reason):
    ended = closed_by_server(c.s, 30)
    return ended and reason in glslib.read_text(session.server_log)


def disconnect_cases(session, sock):
    # attribute 0: a client array of vertices 0..3 (two floats each)
    client_array = (message(OP["glsClientArray"], struct.pack("<IiIIiI", 0, 2, GL_FLOAT, 0, 8, 0) + blob(b"\0" * 32)) +
                    message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)))
    cases = [
        ("a geometry shader in an ES 3.1 context", 31,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, GL_GEOMETRY_SHADER)),
         "glsCreateShaderProgram of type 0x8dd9"),
        ("a tessellation control shader in an ES 3.1 context", 31,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, GL_TESS_CONTROL_SHADER)),
         "glsCreateShaderProgram of type 0x8e88"),
        ("a shader of type GL_PATCHES in an ES 3.2 context", 32,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, GL_PATCHES)),
         "glsCreateShaderProgram of type 0xe"),
        ("glCreateShaderProgramv of an evaluation stage in an ES 3.1 context", 31,
         program(9, GL_TESS_EVALUATION_SHADER, TES), "glCreateShaderProgramvEXT of type 0x8e87"),
        ("glCreateShaderProgramvEXT of a geometry stage in an ES 3.1 context", 31,
         program(9, GL_GEOMETRY_SHADER, GS_BLOCK, "glCreateShaderProgramvEXT"),
         "glCreateShaderProgramvEXT of type 0x8dd9"),
        ("glPatchParameteri in an ES 3.1 context", 31, m("glPatchParameteri", "<Ii", GL_PATCH_VERTICES, 4),
         "glPatchParameteri: a command of an OpenGL ES version this context is not offered"),
        ("a truncated glPatchParameteri", 32, m("glPatchParameteri", "<I", GL_PATCH_VERTICES),
         "malformed glPatchParameteri"),
        # the client sends the vertices up to the restart index of a patch
        # draw (it names a vertex on a host without restart for patches)
        ("a patch draw through the restart index reading client vertices never sent", 32,
         client_array + message(OP["glEnable"], struct.pack("<I", GL_PRIMITIVE_RESTART_FIXED_INDEX)) +
         message(OP["glsDrawElementsInline"], struct.pack("<IiI", GL_PATCHES, 5, GL_UNSIGNED_BYTE) +
                 blob(bytes([0, 1, 2, 3, 255]))),
         "a draw reads vertices 0..255 of attribute 0"),
    ]
    for name, cap, data, reason in cases:
        c = Client(sock).setup(version_cap=cap)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


def error_cases(sock):
    # draw modes: ES 3.2's in an ES 3.1 context, no GL_QUADS
    for cap, mode, expected in ((31, GL_PATCHES, GL_INVALID_ENUM), (31, GL_LINES_ADJACENCY, GL_INVALID_ENUM),
                                (31, GL_TRIANGLE_STRIP_ADJACENCY, GL_INVALID_ENUM), (32, GL_QUADS, GL_INVALID_ENUM),
                                (32, 0xF, GL_INVALID_ENUM), (32, GL_LINES_ADJACENCY, GL_NO_ERROR)):
        c = Client(sock).setup(version_cap=cap)
        c.s.sendall(draw_arrays(mode, 0, 0))
        check(c.get_error() == expected, f"glDrawArrays of mode {mode:#x} in ES {cap / 10}: {expected:#x}")
        c.s.sendall(message(OP["glsDrawElementsInline"], struct.pack("<IiI", mode, 0, GL_UNSIGNED_BYTE) + blob(b"")))
        check(c.get_error() == expected, f"glDrawElements of mode {mode:#x} in ES {cap / 10}: {expected:#x}")
        c.close()
    c = Client(sock).setup(version_cap=31)
    c.s.sendall(m("glGetIntegerv", "<I", GL_PATCH_VERTICES))
    reply = read_reply(c.s)
    check(reply is not None and struct.unpack_from("<I", reply)[0] == 0, "GL_PATCH_VERTICES in ES 3.1: no value")
    check(c.get_error() == GL_INVALID_ENUM, "... GL_INVALID_ENUM")
    c.close()

    c = Client(sock).setup(version_cap=32)
    # glPatchParameteri: the driver's checks
    for pname, value, expected in ((GL_PATCH_VERTICES, 0, GL_INVALID_VALUE), (GL_PATCH_VERTICES, -(1 << 31),
                                                                             GL_INVALID_VALUE),
                                   (GL_PATCH_VERTICES, (1 << 31) - 1, GL_INVALID_VALUE),
                                   (0x8E74, 1, GL_INVALID_ENUM), (GL_PATCH_VERTICES, 4, GL_NO_ERROR)):
        c.s.sendall(m("glPatchParameteri", "<Ii", pname, value))
        check(c.get_error() == expected, f"glPatchParameteri({pname:#x}, {value}): {expected:#x}")
    c.s.sendall(m("glGetIntegerv", "<I", GL_PATCH_VERTICES))
    reply = read_reply(c.s)
    check(reply is not None and struct.unpack_from("<Ii", reply) == (1, 4), "GL_PATCH_VERTICES is 4")

    # a pipeline of a vertex, a geometry and a fragment program: the
    # geometry stage's uniform block is checked at draws
    c.s.sendall(program(10, GL_VERTEX_SHADER, VS) + program(11, GL_GEOMETRY_SHADER, GS_BLOCK) +
                program(12, GL_FRAGMENT_SHADER, FS))
    check(all(linked(c, p) for p in (10, 11, 12)), "the separable programs link")
    c.s.sendall(pipeline(20, [(GL_VERTEX_SHADER_BIT, 10), (GL_GEOMETRY_SHADER_BIT, 11), (GL_FRAGMENT_SHADER_BIT, 12)]))
    c.s.sendall(draw_arrays(GL_POINTS))
    check(c.get_error() == GL_INVALID_OPERATION, "a geometry stage's uniform block without a buffer: refused")
    c.s.sendall(buffer_setup(GL_UNIFORM_BUFFER, 30, b"\0" * 48) + m("glBindBufferBase", "<III", GL_UNIFORM_BUFFER, 1, 30))
    c.s.sendall(draw_arrays(GL_POINTS))
    check(c.get_error() == GL_INVALID_OPERATION, "... with 48 of its 64 bytes: refused")
    c.s.sendall(buffer_setup(GL_UNIFORM_BUFFER, 31, b"\0" * 64) + m("glBindBufferBase", "<III", GL_UNIFORM_BUFFER, 1, 31))
    c.s.sendall(draw_arrays(GL_POINTS))
    check(c.get_error() == GL_NO_ERROR, "... with its 64 bytes: drawn")
    # the same program for every stage it has (GL_ALL_SHADER_BITS)
    c.s.sendall(m("glUseProgramStages", "<III", 20, 0xFFFFFFFF, 11) +
                m("glUseProgramStages", "<III", 20, GL_VERTEX_SHADER_BIT, 10) +
                m("glUseProgramStages", "<III", 20, GL_FRAGMENT_SHADER_BIT, 12) +
                m("glBindBufferBase", "<III", GL_UNIFORM_BUFFER, 1, 30))
    c.s.sendall(draw_arrays(GL_POINTS))
    check(c.get_error() == GL_INVALID_OPERATION, "the geometry program set with GL_ALL_SHADER_BITS: checked too")

    # tessellation: the evaluation stage's storage block is checked at draws
    c.s.sendall(program(13, GL_TESS_CONTROL_SHADER, TCS) + program(14, GL_TESS_EVALUATION_SHADER, TES_STORAGE))
    check(all(linked(c, p) for p in (13, 14)), "the tessellation programs link")
    c.s.sendall(pipeline(21, [(GL_VERTEX_SHADER_BIT, 10), (GL_TESS_CONTROL_SHADER_BIT, 13),
                              (GL_TESS_EVALUATION_SHADER_BIT, 14), (GL_FRAGMENT_SHADER_BIT, 12)]))
    c.s.sendall(draw_arrays(GL_PATCHES, 0, 4))
    check(c.get_error() == GL_INVALID_OPERATION, "an evaluation stage's storage block without a buffer: refused")
    c.s.sendall(buffer_setup(GL_SHADER_STORAGE_BUFFER, 32, b"\0" * 32) +
                m("glBindBufferBase", "<III", GL_SHADER_STORAGE_BUFFER, 2, 32))
    c.s.sendall(draw_arrays(GL_PATCHES, 0, 4))
    check(c.get_error() == GL_INVALID_OPERATION, "... with 32 of its 64 bytes: refused")
    c.s.sendall(buffer_setup(GL_SHADER_STORAGE_BUFFER, 33, b"\0" * 64) +
                m("glBindBufferBase", "<III", GL_SHADER_STORAGE_BUFFER, 2, 33))
    c.s.sendall(draw_arrays(GL_PATCHES, 0, 4))
    check(c.get_error() == GL_NO_ERROR, "... with its 64 bytes: drawn")

    # the restart index of patches names a vertex (llvmpipe reports no
    # restart for patches): 0xff is checked against the vertex buffer
    c.s.sendall(m("glGetIntegerv", "<I", 0x8221))  # GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED
    reply = read_reply(c.s)
    restart_for_patches = reply is not None and struct.unpack_from("<Ii", reply) == (1, 1)
    c.s.sendall(buffer_setup(GL_ARRAY_BUFFER, 34, b"\0" * 16 * 4) +
                message(OP["glVertexAttribPointer"], struct.pack("<IiIIiq", 0, 4, GL_FLOAT, 0, 0, 0)) +
                message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)) +
                buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 35, bytes([0, 1, 2, 3, 255, 0, 1, 2, 3])) +
                message(OP["glEnable"], struct.pack("<I", GL_PRIMITIVE_RESTART_FIXED_INDEX)))
    patches = message(OP["glDrawElements"], struct.pack("<IiIq", GL_PATCHES, 9, GL_UNSIGNED_BYTE, 0))
    c.s.sendall(patches)
    check(c.get_error() == (GL_NO_ERROR if restart_for_patches else GL_INVALID_OPERATION),
          "patches through the restart index, 4 vertices in the buffer: "
          + ("drawn (the host restarts patches)" if restart_for_patches else "refused (vertex 255)"))
    c.s.sendall(message(OP["glDisable"], struct.pack("<I", GL_PRIMITIVE_RESTART_FIXED_INDEX)) + patches)
    check(c.get_error() == GL_INVALID_OPERATION, "... restart disabled: refused (vertex 255)")
    c.s.sendall(buffer_setup(GL_ARRAY_BUFFER, 36, b"\0" * 16 * 256) +
                message(OP["glVertexAttribPointer"], struct.pack("<IiIIiq", 0, 4, GL_FLOAT, 0, 0, 0)) +
                message(OP["glEnable"], struct.pack("<I", GL_PRIMITIVE_RESTART_FIXED_INDEX)) +
                message(OP["glBindBuffer"], struct.pack("<II", GL_ELEMENT_ARRAY_BUFFER, 35)) + patches)
    check(c.get_error() == GL_NO_ERROR, "... 256 vertices in the buffer: drawn")
    # other modes skip the restart index as before
    c.s.sendall(m("glBindProgramPipeline", "<I", 20) + m("glBindBufferBase", "<III", GL_UNIFORM_BUFFER, 1, 31) +
                buffer_setup(GL_ARRAY_BUFFER, 37, b"\0" * 16 * 4) +
                message(OP["glVertexAttribPointer"], struct.pack("<IiIIiq", 0, 4, GL_FLOAT, 0, 0, 0)) +
                message(OP["glBindBuffer"], struct.pack("<II", GL_ELEMENT_ARRAY_BUFFER, 35)) +
                message(OP["glDrawElements"], struct.pack("<IiIq", GL_POINTS, 9, GL_UNSIGNED_BYTE, 0)))
    check(c.get_error() == GL_NO_ERROR, "points through the restart index, 4 vertices: not refused")
    check(c.get_error() == GL_NO_ERROR, "the worker goes on")
    c.close()


def main():
    if len(sys.argv) > 1 and sys.argv[1] != "3.2":
        print(f"gls_hostile_geomtess: skipped, the build offers ES {sys.argv[1]}")
        return 77

    def cases(session, sock):
        disconnect_cases(session, sock)
        error_cases(sock)

    return glslib.run_hostile(check, cases, ["-v"])


if __name__ == "__main__":
    sys.exit(main())
