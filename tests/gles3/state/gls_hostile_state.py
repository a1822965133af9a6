#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3 state group (sync
objects, queries, 64-bit and indexed getters): each case speaks the wire
raw in an ES 3.0 context and must get a GL error (the worker survives) or a
clean disconnect with a logged reason, while the server survives them all."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
from glswire import (OP, Client, GL_INVALID_ENUM, GL_INVALID_OPERATION, GL_INVALID_VALUE,  # noqa: E402
                     GL_NO_ERROR, closed_by_server, message, read_reply)

# protocol/commands.txt, es3 state
OP3 = dict(glFenceSync=660, glDeleteSync=661, glClientWaitSync=662, glWaitSync=663, glGetSynciv=664,
           glIsQuery=665, glBeginQuery=666, glEndQuery=667, glGetQueryiv=668, glGetQueryObjectuiv=669,
           glGetInteger64v=670, glGetIntegeri_v=671, glGetInteger64i_v=672)
OBJ_QUERY = 7
NONEXISTENT = 0xFFFFFFFE
GL_SYNC_STATUS, GL_SIGNALED, GL_ALREADY_SIGNALED = 0x9114, 0x9119, 0x911A
GL_ANY_SAMPLES_PASSED, GL_CURRENT_QUERY, GL_QUERY_RESULT = 0x8C2F, 0x8865, 0x8866
GL_UNIFORM_BUFFER_BINDING, GL_NUM_EXTENSIONS, GL_MAJOR_VERSION, GL_VIEWPORT = 0x8A28, 0x821D, 0x821B, 0x0BA2
GL_NUM_PROGRAM_BINARY_FORMATS, GL_PROGRAM_BINARY_FORMATS, GL_TEXTURE_2D = 0x87FE, 0x87FF, 0x0DE1

check = glslib.Checks()


def m3(name, *words, fmt=None):
    return message(OP3[name], struct.pack(fmt or f"<{len(words)}I", *words))


def gen(type_, names):
    return message(OP["glsGenObjects"], struct.pack("<II", type_, len(names)) +
                   struct.pack(f"<{len(names)}I", *names))


def ends_with_reason(session, c, reason):
    ended = closed_by_server(c.s, 30)
    return ended and reason in glslib.read_text(session.server_log)


def values_reply(c, size=4):
    """A getter's reply: the values (an empty list for count 0)."""
    reply = read_reply(c.s)
    count = struct.unpack_from("<I", reply)[0]
    if len(reply) != 4 + size * count:
        return None
    return list(struct.unpack_from(f"<{count}{'q' if size == 8 else 'i'}", reply, 4))


def second_context(c, share):
    """A second context, sharing the first one's objects (share 1) or not
    (0), made current."""
    c.send("glsCreateContext", struct.pack("<IiIii", 2, c.config, share, 2, 30))
    c.send("glsMakeCurrent", struct.pack("<III", 2, 1, 1))


def disconnect_cases(session, sock):
    # (name, the second context's share context or None, bytes, logged reason)
    cases = [
        ("glFenceSync of id 0", None, m3("glFenceSync", 0), "glFenceSync 0 without a context or with a used id"),
        ("glFenceSync of an id in use", None, m3("glFenceSync", 5) + m3("glFenceSync", 5),
         "glFenceSync 5 without a context or with a used id"),
        ("glDeleteSync of an unknown sync", None, m3("glDeleteSync", 77), "unknown GL sync 77"),
        ("glDeleteSync twice", None, m3("glFenceSync", 6) + m3("glDeleteSync", 6) + m3("glDeleteSync", 6),
         "unknown GL sync 6"),
        ("glClientWaitSync of an unknown sync", None, m3("glClientWaitSync", 78, 0, 0, 0), "unknown GL sync 78"),
        ("glClientWaitSync with bad flags", None, m3("glFenceSync", 7) + m3("glClientWaitSync", 7, 2, 0, 0),
         "glClientWaitSync with flags 0x2"),
        ("glClientWaitSync of more than a second (a worker blocked for long)", None,
         m3("glFenceSync", 8) + message(OP3["glClientWaitSync"], struct.pack("<IIq", 8, 0, 2000000000)),
         "timeout 2000000000 ns"),
        ("glClientWaitSync of a timeout of 2^64-1", None,
         m3("glFenceSync", 8) + message(OP3["glClientWaitSync"], struct.pack("<IIq", 8, 1, -1)),
         "timeout 18446744073709551615 ns"),
        ("glWaitSync of an unknown sync", None, m3("glWaitSync", 79), "unknown GL sync 79"),
        ("glGetSynciv of an unknown sync", None, m3("glGetSynciv", 80, GL_SYNC_STATUS), "unknown GL sync 80"),
        ("a sync of a context outside the share group", 0, m3("glDeleteSync", 9), "unknown GL sync 9"),
        ("a query of another context in glBeginQuery", 1, m3("glBeginQuery", GL_ANY_SAMPLES_PASSED, 3),
         "unknown object name 3"),
        ("a query of another context in glGetQueryObjectuiv", 1, m3("glGetQueryObjectuiv", 3, GL_QUERY_RESULT),
         "unknown object name 3"),
        ("a query that was deleted", None,
         gen(OBJ_QUERY, [5]) + message(OP["glsDeleteObjects"], struct.pack("<III", OBJ_QUERY, 1, 5)) +
         m3("glBeginQuery", GL_ANY_SAMPLES_PASSED, 5), "unknown object name 5"),
        ("a malformed glGetIntegeri_v", None,
         message(OP3["glGetIntegeri_v"], struct.pack("<I", GL_UNIFORM_BUFFER_BINDING)), "malformed glGetIntegeri_v"),
    ]
    for name, share, data, reason in cases:
        c = Client(sock).setup(version_cap=30)
        if share is not None:
            # the sync or query is the first context's
            c.s.sendall(m3("glFenceSync", 9) + gen(OBJ_QUERY, [3]))
            second_context(c, share)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()

    # ES 3.0 commands in a context capped at ES 2.0
    for name in ("glFenceSync", "glBeginQuery", "glGetInteger64v"):
        c = Client(sock).setup()
        c.s.sendall(m3(name, 1, 1) if name != "glGetInteger64v" else m3(name, GL_VIEWPORT))
        reason = f"{name}: a command of an OpenGL ES version this context is not offered"
        check(ends_with_reason(session, c, reason), f"{name} in an ES 2.0 context: clean disconnect")
        c.close()


def error_cases(sock):
    """Checks the worker makes (GL errors, the worker goes on)."""
    c = Client(sock).setup(version_cap=30)
    # a fence and its status
    c.s.sendall(m3("glFenceSync", 11) + message(OP["glFinish"]))
    read_reply(c.s)
    c.s.sendall(m3("glGetSynciv", 11, GL_SYNC_STATUS))
    check(values_reply(c) == [GL_SIGNALED], "glGetSynciv GL_SYNC_STATUS after glFinish: GL_SIGNALED")
    c.s.sendall(message(OP3["glClientWaitSync"], struct.pack("<IIq", 11, 1, 1000000000)))
    reply = read_reply(c.s)
    check(struct.unpack("<I", reply)[0] == GL_ALREADY_SIGNALED, "glClientWaitSync of a second: GL_ALREADY_SIGNALED")
    # a pname the client never sends: GL_INVALID_ENUM, nothing written
    c.s.sendall(m3("glGetSynciv", 11, GL_TEXTURE_2D))
    check(values_reply(c) == [], "glGetSynciv of a bad pname: no value")
    check(c.get_error() == GL_INVALID_ENUM, "glGetSynciv of a bad pname: GL_INVALID_ENUM")
    # indexed getters: the driver checks the index, the worker the target
    for op, size in (("glGetIntegeri_v", 4), ("glGetInteger64i_v", 8)):
        c.s.sendall(m3(op, GL_UNIFORM_BUFFER_BINDING, 0xFFFFFFFF))
        check(values_reply(c, size) == [], f"{op} of index 2^32-1: no value")
        check(c.get_error() == GL_INVALID_VALUE, f"{op} of index 2^32-1: GL_INVALID_VALUE")
        c.s.sendall(m3(op, GL_VIEWPORT, 0))
        check(values_reply(c, size) == [], f"{op} of a target without index: no value")
        check(c.get_error() == GL_INVALID_ENUM, f"{op} of a target without index: GL_INVALID_ENUM")
    # the client answers these: the host's would contradict GL_VERSION and GL_EXTENSIONS
    for pname in (GL_NUM_EXTENSIONS, GL_MAJOR_VERSION):
        c.s.sendall(m3("glGetInteger64v", pname))
        check(values_reply(c, 8) == [], f"glGetInteger64v 0x{pname:x}: not the host's")
        check(c.get_error() == GL_INVALID_ENUM, f"glGetInteger64v 0x{pname:x}: GL_INVALID_ENUM")
    c.s.sendall(m3("glGetInteger64v", GL_NUM_PROGRAM_BINARY_FORMATS))
    check(values_reply(c, 8) == [0], "GL_NUM_PROGRAM_BINARY_FORMATS: 0 whatever the host has")
    c.s.sendall(m3("glGetInteger64v", GL_PROGRAM_BINARY_FORMATS))
    check(values_reply(c, 8) == [], "GL_PROGRAM_BINARY_FORMATS: empty")
    c.s.sendall(m3("glGetInteger64v", GL_VIEWPORT))
    check(values_reply(c, 8) == [0, 0, 64, 64], "glGetInteger64v GL_VIEWPORT: 4 values of 8 bytes")
    # queries: unknown names reach the driver as names of nothing
    c.s.sendall(m3("glGetQueryObjectuiv", NONEXISTENT, GL_CURRENT_QUERY))
    check(values_reply(c) == [], "glGetQueryObjectuiv of no query, bad pname: no value")
    check(c.get_error() == GL_INVALID_OPERATION, "... GL_INVALID_OPERATION first, as the driver")
    c.s.sendall(gen(OBJ_QUERY, [21]) + m3("glBeginQuery", GL_ANY_SAMPLES_PASSED, 21) +
                m3("glGetQueryiv", GL_ANY_SAMPLES_PASSED, GL_CURRENT_QUERY))
    check(values_reply(c) == [21], "GL_CURRENT_QUERY: the client's name")
    c.s.sendall(m3("glEndQuery", GL_ANY_SAMPLES_PASSED) + m3("glGetQueryObjectuiv", 21, GL_CURRENT_QUERY))
    check(values_reply(c) == [], "glGetQueryObjectuiv of a bad pname: no value")
    check(c.get_error() == GL_INVALID_ENUM, "glGetQueryObjectuiv of a bad pname: GL_INVALID_ENUM")
    c.s.sendall(m3("glGetQueryiv", GL_TEXTURE_2D, GL_CURRENT_QUERY))
    check(values_reply(c) == [], "glGetQueryiv of a bad target: no value")
    check(c.get_error() == GL_INVALID_ENUM, "glGetQueryiv of a bad target: GL_INVALID_ENUM")
    c.s.sendall(m3("glGetQueryObjectuiv", 21, GL_QUERY_RESULT))
    check(values_reply(c) == [0], "an empty query's result: 0")
    check(c.get_error() == GL_NO_ERROR, "the worker goes on")
    c.close()


def quota_case(session):
    """Fences count against --max-objects: more end the client."""
    with glslib.Session() as small:
        small.start_xvfb()
        sock = small.start_server(extra_args=["--max-objects", "64"])
        c = Client(sock).setup(version_cap=30)
        c.s.sendall(b"".join(m3("glFenceSync", 100 + i) for i in range(65)))
        check(ends_with_reason(small, c, "sync quota exceeded: 64 fences"), "65 fences over a quota of 64: disconnect")
        c.close()
        c = Client(sock).setup(version_cap=30)
        c.s.sendall(b"".join(m3("glFenceSync", 100 + i) for i in range(64)))
        check(c.get_error() == GL_NO_ERROR, "64 fences within the quota")
        c.close()


def main():
    def cases(session, sock):
        disconnect_cases(session, sock)
        error_cases(sock)
        quota_case(session)

    return glslib.run_hostile(check, cases, ["-v"])


if __name__ == "__main__":
    sys.exit(main())
