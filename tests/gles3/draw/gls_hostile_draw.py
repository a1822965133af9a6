#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3.1 draw group
(vertex buffer binding points, indirect draws): each case speaks the wire
raw in an ES 3.1 context and must get the GL error the worker raises before
the driver reads anything (the worker goes on), or a clean disconnect with
a logged reason; the server survives them all. Without a context offered
ES 3.1 (a host older than 3.1), only the disconnects of 3.1 commands in an
ES 3.0 context are checked."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
import glswire  # noqa: E402
from glswire import (OP, Client, GL_ARRAY_BUFFER, GL_ELEMENT_ARRAY_BUFFER, GL_FLOAT,  # noqa: E402
                     GL_INVALID_OPERATION, GL_INVALID_VALUE, GL_NO_ERROR, GL_STATIC_DRAW, GL_UNSIGNED_SHORT,
                     OBJ_BUFFER, closed_by_server, message)

# protocol/commands.txt, es3.1 draw and the ES 3.0 commands used
OP31 = dict(glBindVertexBuffer=800, glVertexAttribFormat=801, glVertexAttribIFormat=802,
            glVertexAttribBinding=803, glVertexBindingDivisor=804, glDrawArraysIndirect=805,
            glDrawElementsIndirect=806, glBindVertexArray=620)
OBJ_VERTEX_ARRAY = 5
GL_DRAW_INDIRECT_BUFFER, GL_POINTS = 0x8F3F, 0

check = glslib.Checks()


def m(name, payload):
    return message(OP31[name], payload)


def blob(data):
    return struct.pack("<I", len(data)) + data + b"\0" * (-len(data) % 4)


def buffer_setup(target, name, data):
    return (message(OP["glsGenObjects"], struct.pack("<III", OBJ_BUFFER, 1, name)) +
            message(OP["glBindBuffer"], struct.pack("<II", target, name)) +
            message(OP["glBufferData"], struct.pack("<IqI", target, len(data), GL_STATIC_DRAW) + blob(data)))


def bind_vertex_buffer(binding, buffer, offset, stride):
    return m("glBindVertexBuffer", struct.pack("<IIqi", binding, buffer, offset, stride))


# a vertex array with attribute 0 (two floats) at binding 0 from a buffer of
# 12 vertices, attribute 1 at binding 1 from a buffer of 4 elements, divisor
# 1, both enabled; 10 indices (max 9) in the element buffer
SETUP = (message(OP["glsGenObjects"], struct.pack("<III", OBJ_VERTEX_ARRAY, 1, 40)) +
         m("glBindVertexArray", struct.pack("<I", 40)) +
         buffer_setup(GL_ARRAY_BUFFER, 41, b"\0" * 96) + buffer_setup(GL_ARRAY_BUFFER, 42, b"\0" * 32) +
         buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 43, struct.pack("<10H", 0, 1, 2, 3, 9, 9, 0, 1, 2, 3)) +
         m("glVertexAttribFormat", struct.pack("<IiIII", 0, 2, GL_FLOAT, 0, 0)) +
         m("glVertexAttribFormat", struct.pack("<IiIII", 1, 2, GL_FLOAT, 0, 0)) +
         m("glVertexAttribBinding", struct.pack("<II", 0, 0)) + m("glVertexAttribBinding", struct.pack("<II", 1, 1)) +
         bind_vertex_buffer(0, 41, 0, 8) + bind_vertex_buffer(1, 42, 0, 8) +
         m("glVertexBindingDivisor", struct.pack("<II", 1, 1)) +
         message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)) +
         message(OP["glEnableVertexAttribArray"], struct.pack("<I", 1)))


def indirect_buffer(words):
    return buffer_setup(GL_DRAW_INDIRECT_BUFFER, 44, struct.pack(f"<{len(words)}I", *words))


def arrays_indirect(offset):
    return m("glDrawArraysIndirect", struct.pack("<Iq", GL_POINTS, offset))


def elements_indirect(offset):
    return m("glDrawElementsIndirect", struct.pack("<IIq", GL_POINTS, GL_UNSIGNED_SHORT, offset))


def ends_with_reason(session, c, reason):
    return closed_by_server(c.s, 30) and reason in glslib.read_text(session.server_log)


def offered_31(sock):
    """Whether this host offers ES 3.1: an ES 3.1 command in a 3.1-capped
    context is then taken (no disconnect)."""
    c = Client(sock).setup(version_cap=31)
    c.s.sendall(m("glVertexBindingDivisor", struct.pack("<II", 0, 0)))
    error = c.get_error()
    c.close()
    return error == GL_INVALID_OPERATION  # vertex array 0


def error_cases(sock):
    M = 0xFFFFFFFF
    # (name, bytes after SETUP, expected GL error)
    cases = [
        ("a valid arrays command", indirect_buffer([12, 1, 0, 0]) + arrays_indirect(0), GL_NO_ERROR),
        ("an arrays command one vertex past the buffer", indirect_buffer([13, 1, 0, 0]) + arrays_indirect(0),
         GL_INVALID_OPERATION),
        ("an arrays command of 2^32-1 vertices", indirect_buffer([M, 1, 0, 0]) + arrays_indirect(0),
         GL_INVALID_OPERATION),
        ("an arrays command whose first + count wraps", indirect_buffer([2, 1, M, 0]) + arrays_indirect(0),
         GL_INVALID_OPERATION),
        ("5 instances of a 4-element instanced buffer", indirect_buffer([4, 5, 0, 0]) + arrays_indirect(0),
         GL_INVALID_OPERATION),
        ("a reserved word (base instance) past the instanced buffer", indirect_buffer([4, 1, 0, 4]) +
         arrays_indirect(0), GL_INVALID_OPERATION),
        ("a reserved word of 2^32-1", indirect_buffer([4, 2, 0, M]) + arrays_indirect(0), GL_INVALID_OPERATION),
        ("an elements command past the element buffer", indirect_buffer([11, 1, 0, 0, 0]) + elements_indirect(0),
         GL_INVALID_OPERATION),
        ("a first index past the element buffer", indirect_buffer([4, 1, 7, 0, 0]) + elements_indirect(0),
         GL_INVALID_OPERATION),
        ("a first index of 2^32-1", indirect_buffer([4, 1, M, 0, 0]) + elements_indirect(0), GL_INVALID_OPERATION),
        ("a base vertex moving index 9 past the buffer", indirect_buffer([6, 1, 0, 3, 0]) + elements_indirect(0),
         GL_INVALID_OPERATION),
        ("a negative base vertex", indirect_buffer([4, 1, 0, 0xFFFFFFFF, 0]) + elements_indirect(0),
         GL_INVALID_OPERATION),
        ("a valid elements command with a base vertex", indirect_buffer([6, 1, 0, 2, 0]) + elements_indirect(0),
         GL_NO_ERROR),
        ("an indirect offset of 2^63 - 4", indirect_buffer([1, 1, 0, 0]) + arrays_indirect((1 << 63) - 4),
         GL_INVALID_OPERATION),
        ("an indirect offset of -4 (wraps the driver's end check)", indirect_buffer([1, 1, 0, 0]) +
         arrays_indirect(-4), GL_INVALID_OPERATION),
        ("an indirect offset of -16 for elements", indirect_buffer([1, 1, 0, 0, 0]) + elements_indirect(-16),
         GL_INVALID_OPERATION),
        ("an indirect offset past the buffer", indirect_buffer([1, 1, 0, 0]) + arrays_indirect(4),
         GL_INVALID_OPERATION),
        ("an unaligned indirect offset", indirect_buffer([1, 1, 0, 0, 0]) + arrays_indirect(2), GL_INVALID_VALUE),
        ("an indirect draw without an indirect buffer", arrays_indirect(0), GL_INVALID_OPERATION),
        ("a binding offset of 2^40 (Mesa reports it cut to 32 bits)", bind_vertex_buffer(0, 41, 1 << 40, 8) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 1)), GL_INVALID_OPERATION),
        ("a binding offset of 2^32 + 8 over a 12-vertex buffer", bind_vertex_buffer(0, 41, (1 << 32) + 8, 8) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 1)), GL_INVALID_OPERATION),
        ("a binding offset of 2^63 - 8", bind_vertex_buffer(0, 41, (1 << 63) - 8, 8) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 1)), GL_INVALID_OPERATION),
        ("a relative offset of 2047 over 96 bytes", m("glVertexAttribFormat", struct.pack("<IiIII", 0, 2, GL_FLOAT,
                                                                                          0, 2047)) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 1)), GL_INVALID_OPERATION),
        ("a stride of 2048 over 96 bytes", bind_vertex_buffer(0, 41, 0, 2048) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 2)), GL_INVALID_OPERATION),
        ("stride 0: element 0 for a million vertices", bind_vertex_buffer(0, 41, 0, 0) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 1000000)), GL_NO_ERROR),
        ("attribute 0 moved to the 4-element binding", m("glVertexAttribBinding", struct.pack("<II", 0, 1)) +
         m("glVertexBindingDivisor", struct.pack("<II", 1, 0)) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 5)), GL_INVALID_OPERATION),
        # deleting the buffer empties binding point 0 of the bound vertex
        # array: attribute 0 then reads no buffer, and the worker disables
        # it for the draw as for every attribute without data (es3 vertex)
        ("a binding point of a deleted buffer",
         message(OP["glsDeleteObjects"], struct.pack("<III", OBJ_BUFFER, 1, 41)) +
         message(OP["glDrawArrays"], struct.pack("<Iii", GL_POINTS, 0, 12)), GL_NO_ERROR),
    ]
    glswire.error_cases(check, sock, cases, version_cap=31, prefix=SETUP)


def disconnect_cases(session, sock, es31):
    cases = [("glDrawArraysIndirect in an ES 3.0 context", 30, arrays_indirect(0),
              "glDrawArraysIndirect: a command of an OpenGL ES version this context is not offered"),
             ("glBindVertexBuffer in an ES 3.0 context", 30, bind_vertex_buffer(0, 0, 0, 0),
              "glBindVertexBuffer: a command of an OpenGL ES version this context is not offered")]
    if es31:
        cases += [("a short glDrawArraysIndirect", 31, m("glDrawArraysIndirect", struct.pack("<I", GL_POINTS)),
                   "glDrawArraysIndirect"),
                  ("a glBindVertexBuffer of an unknown buffer", 31, SETUP + bind_vertex_buffer(0, 99, 0, 8),
                   "unknown object name 99")]
    for name, version, data, reason in cases:
        c = Client(sock).setup(version_cap=version)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


def main():
    def cases(session, sock):
        es31 = offered_31(sock)
        print(f"ES 3.1 offered: {es31}")
        if es31:
            error_cases(sock)
        disconnect_cases(session, sock, es31)

    return glslib.run_hostile(check, cases, ["-v"])


if __name__ == "__main__":
    sys.exit(main())
