#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3.2 draw32 group
(base vertex draws, glReadnPixels, glGetnUniform*v): each case speaks the
wire raw in an ES 3.2 context and must get a GL error (the worker goes on)
or a clean disconnect with a logged reason, while the server survives them
all."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
from glswire import (OP, Client, GL_ARRAY_BUFFER, GL_ELEMENT_ARRAY_BUFFER, GL_FLOAT, GL_INVALID_OPERATION,  # noqa: E402
                     GL_NO_ERROR, GL_RGBA, GL_STATIC_DRAW, GL_UNSIGNED_BYTE, GL_UNSIGNED_SHORT, OBJ_BUFFER, blob,
                     closed_by_server, message, read_reply)

# protocol/commands.txt, es3.2 draw32
OP32 = dict(glDrawElementsBaseVertex=860, glDrawRangeElementsBaseVertex=861, glDrawElementsInstancedBaseVertex=862,
            glReadnPixels=874, glGetnUniformfv=875, glDebugMessageInsert=879)
GL_PIXEL_PACK_BUFFER, GL_TRIANGLES = 0x88EB, 4
INT_MAX = 0x7FFFFFFF

check = glslib.Checks()


def gen(type_, names):
    return message(OP["glsGenObjects"], struct.pack("<II", type_, len(names)) +
                   struct.pack(f"<{len(names)}I", *names))


def buffer_setup(target, name, data):
    return (gen(OBJ_BUFFER, [name]) + message(OP["glBindBuffer"], struct.pack("<II", target, name)) +
            message(OP["glBufferData"], struct.pack("<IqI", target, len(data), GL_STATIC_DRAW) + blob(data)))


# attribute 0: two floats a vertex from a 3-vertex buffer; indices 0, 1, 2
THREE_VERTICES = (buffer_setup(GL_ARRAY_BUFFER, 30, b"\0" * 24) +
                  message(OP["glVertexAttribPointer"], struct.pack("<IiIIiq", 0, 2, GL_FLOAT, 0, 0, 0)) +
                  message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)) +
                  buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<3H", 0, 1, 2)))


def base_vertex(basevertex, count=3, offset=0):
    return message(OP32["glDrawElementsBaseVertex"],
                   struct.pack("<IiIiIq", GL_TRIANGLES, count, GL_UNSIGNED_SHORT, basevertex, 0, offset))


def readn(x, y, w, h, buf_size, row_length=0, skip_rows=0, skip_pixels=0):
    return message(OP32["glReadnPixels"], struct.pack("<iiiiIIiiii", x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE,
                                                      buf_size, row_length, skip_rows, skip_pixels))


def ends_with_reason(session, c, reason):
    ended = closed_by_server(c.s, 30)
    return ended and reason in glslib.read_text(session.server_log)


def disconnect_cases(session, sock):
    # a client array of vertices 0..2 (attribute 0, two floats)
    client_array = message(OP["glsClientArray"], struct.pack("<IiIIiI", 0, 2, GL_FLOAT, 0, 8, 0) + blob(b"\0" * 24))
    inline3 = blob(struct.pack("<3H", 0, 1, 2))
    cases = [
        ("a base vertex draw reading a client vertex never sent",
         client_array + message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)) +
         message(OP32["glDrawElementsBaseVertex"], struct.pack("<IiIiI", GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, 1, 1) +
                 inline3), "a draw reads vertices 1..3 of attribute 0"),
        ("inline indices of the wrong size",
         message(OP32["glDrawElementsBaseVertex"], struct.pack("<IiIiI", GL_TRIANGLES, 4, GL_UNSIGNED_SHORT, 0, 1) +
                 inline3), "bad glDrawElementsBaseVertex of 4 indices"),
        ("an offset without an element buffer",
         message(OP32["glDrawRangeElementsBaseVertex"],
                 struct.pack("<IIIiIiIq", GL_TRIANGLES, 0, 2, 3, GL_UNSIGNED_SHORT, 0, 0, 0)),
         "bad glDrawRangeElementsBaseVertex of 3 indices"),
        ("a truncated glDrawElementsInstancedBaseVertex",
         message(OP32["glDrawElementsInstancedBaseVertex"], struct.pack("<IiIi", GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, 1)),
         "malformed glDrawElementsInstancedBaseVertex"),
        ("glReadnPixels with a negative pack state", readn(0, 0, 1, 1, 4, skip_rows=-1),
         "glReadnPixels with a negative pack state"),
        ("glReadnPixels into client memory with a pack buffer bound",
         buffer_setup(GL_PIXEL_PACK_BUFFER, 32, b"\0" * 64) + readn(0, 0, 1, 1, 4), "glReadnPixels"),
    ]
    for name, data, reason in cases:
        c = Client(sock).setup(version_cap=32)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()
    # ES 3.2 commands in an ES 3.0 context
    c = Client(sock).setup(version_cap=30)
    c.s.sendall(THREE_VERTICES + base_vertex(0))
    check(ends_with_reason(session, c, "a command of an OpenGL ES version this context is not offered"),
          "glDrawElementsBaseVertex in an ES 3.0 context: clean disconnect")
    c.close()


def readn_reply(c):
    """(ok, dx, dy, cw, ch, bytes) of a glReadnPixels reply."""
    reply = read_reply(c.s)
    ok = struct.unpack_from("<I", reply)[0]
    if not ok:
        return (0, None, None, None, None, len(reply))
    dx, dy, cw, ch, n = struct.unpack_from("<iiiiI", reply, 4)
    return (ok, dx, dy, cw, ch, n)


def error_cases(sock):
    """Checks the worker makes (GL errors, the worker goes on)."""
    c = Client(sock).setup(version_cap=32)
    c.s.sendall(THREE_VERTICES)
    # base vertices that read past the 3 vertices of the buffer, or below 0
    for basevertex in (1, INT_MAX, -1, -INT_MAX - 1):
        c.s.sendall(base_vertex(basevertex))
        check(c.get_error() == GL_INVALID_OPERATION, f"basevertex {basevertex}: GL_INVALID_OPERATION")
    c.s.sendall(base_vertex(0))
    check(c.get_error() != GL_INVALID_OPERATION, "basevertex 0 within the buffer: not refused by the worker")
    # instanced and range forms: the same checks
    c.s.sendall(message(OP32["glDrawElementsInstancedBaseVertex"],
                        struct.pack("<IiIiiIq", GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, 2, 2, 0, 0)))
    check(c.get_error() == GL_INVALID_OPERATION, "instanced basevertex 2: GL_INVALID_OPERATION")
    # start and end that lie (0..2 while the vertices read are 1..3)
    c.s.sendall(message(OP32["glDrawRangeElementsBaseVertex"],
                        struct.pack("<IIIiIiIq", GL_TRIANGLES, 0, 2, 3, GL_UNSIGNED_SHORT, 1, 0, 0)))
    check(c.get_error() == GL_INVALID_OPERATION, "range basevertex 1 with lying bounds: GL_INVALID_OPERATION")
    # indices past the element buffer
    c.s.sendall(base_vertex(0, count=3, offset=2))
    check(c.get_error() == GL_INVALID_OPERATION, "indices past the element buffer: GL_INVALID_OPERATION")
    c.s.sendall(message(OP["glBindBuffer"], struct.pack("<II", GL_ELEMENT_ARRAY_BUFFER, 0)))

    # glReadnPixels: bufSize bounds the write; the pack state's skips never
    # make the worker allocate
    c.s.sendall(readn(0, 0, 4, 4, 64))
    r = readn_reply(c)
    check(r[0] == 1 and r[3:] == (4, 4, 64), "glReadnPixels of 4 x 4 in 64 bytes: the pixels")
    c.s.sendall(readn(0, 0, 4, 4, 63))
    check(readn_reply(c)[0] == 0, "glReadnPixels of 4 x 4 in 63 bytes: nothing")
    check(c.get_error() == GL_INVALID_OPERATION, "... GL_INVALID_OPERATION")
    c.s.sendall(readn(0, 0, 1, 1, INT_MAX, row_length=INT_MAX, skip_rows=INT_MAX, skip_pixels=INT_MAX))
    check(readn_reply(c)[0] == 0, "glReadnPixels skipping 2^62 bytes: nothing")
    check(c.get_error() == GL_INVALID_OPERATION, "... GL_INVALID_OPERATION, nothing allocated")
    c.s.sendall(readn(0, 0, 1, 1, -5))
    check(readn_reply(c)[0] == 1, "glReadnPixels with a negative bufSize: as Mesa, not checked (the client writes none)")
    c.s.sendall(readn(-1000000, -1000000, INT_MAX, INT_MAX, INT_MAX))
    r = readn_reply(c)
    check(r[0] == 1 and r[1:] == (1000000, 1000000, 64, 64, 64 * 64 * 4),
          "glReadnPixels of 2^31 x 2^31: clipped to the surface")
    c.s.sendall(readn(-INT_MAX, -INT_MAX, INT_MAX, INT_MAX, 0))
    r = readn_reply(c)
    check(r[0] == 1 and r[3:] == (0, 0, 0), "glReadnPixels left of the surface: nothing to read, no error")
    c.s.sendall(readn(0, 0, 8192, 8192, INT_MAX))
    r = readn_reply(c)
    check(r[0] == 1 and r[3:5] == (64, 64), "glReadnPixels of 8192 x 8192: the surface's pixels only")

    # glGetnUniformfv: a bufSize larger than any uniform changes nothing
    c.s.sendall(message(OP32["glGetnUniformfv"], struct.pack("<Iii", 0, 0, INT_MAX)))
    reply = read_reply(c.s)
    check(reply is not None and struct.unpack_from("<I", reply)[0] == 0, "glGetnUniformfv of no program: no value")
    check(c.get_error() != GL_NO_ERROR, "... an error")
    check(c.get_error() == GL_NO_ERROR, "the worker goes on")
    c.close()


def main():
    if len(sys.argv) > 1 and sys.argv[1] != "3.2":
        print(f"gls_hostile_draw32: skipped, the build offers ES {sys.argv[1]}")
        return 77

    def cases(session, sock):
        disconnect_cases(session, sock)
        error_cases(sock)

    return glslib.run_hostile(check, cases, ["-v"])


if __name__ == "__main__":
    sys.exit(main())
