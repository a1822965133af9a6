#!/usr/bin/env python3
"""Hostile clients against glstream-server (issue 4): each case speaks the
wire protocol raw and must get a GL error or a clean disconnect with a
logged reason, while a well-behaved client beside them renders correctly.
Also checks the worker's confinement (/proc/PID/status: seccomp filter,
no_new_privs; /proc/PID/limits) and TCP authentication by cookie."""
import fcntl
import mmap
import os
import socket
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import glslib  # noqa: E402
from glswire import (OP, Client, GL_ARRAY_BUFFER, GL_INVALID_ENUM, GL_NO_ERROR, GL_OUT_OF_MEMORY, GL_RGBA,  # noqa: E402
                     GL_STATIC_DRAW, GL_TEXTURE_2D, GL_UNSIGNED_BYTE, OBJ_BUFFER, OBJ_TEXTURE,
                     OBJ_RENDERBUFFER, GL_ELEMENT_ARRAY_BUFFER, GL_FLOAT, GL_UNSIGNED_SHORT,
                     GL_INVALID_OPERATION, GL_RENDERBUFFER, GL_RGBA8_OES, OBJ_PROGRAM_PIPELINE,
                     WELCOME_AUTH_FAILED, WELCOME_OK, blob, closed_by_server, connect, message,
                     recv_exact, read_reply, FRAME_SLOTS, MSG_FRAME_SHARED, CAP_SHM_RING, Ring)

GL_SCISSOR_TEST, GL_COLOR_BUFFER_BIT = 0x0C11, 0x4000

check = glslib.Checks()


def workers_of(server_pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server_pid)],
                         capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def proc_field(pid, name, path="status"):
    try:
        with open(f"/proc/{pid}/{path}") as f:
            for line in f:
                if line.startswith(name):
                    return line[len(name):].strip()
    except OSError:
        return None
    return None


def ends_with_reason(session, c, reason, timeout=30):
    ended = closed_by_server(c.s, timeout)
    # upper bounds only: a loaded machine (CI runs two suites at once) can
    # take seconds to log
    deadline = time.monotonic() + 15
    while reason not in glslib.read_text(session.server_log) and time.monotonic() < deadline:
        time.sleep(0.1)
    return ended and reason in glslib.read_text(session.server_log)


def gen(type_, names):
    return struct.pack("<II", type_, len(names)) + struct.pack(f"<{len(names)}I", *names)


def tex_null(w, h):
    return struct.pack("<IiiiiiII", GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE)


def shader_program(name, count, source, type_=0x8B30):
    """glCreateShaderProgramvEXT: u32 name, u32 type, i32 count, blob source."""
    return struct.pack("<IIi", name, type_, count) + blob(source)


def buffer_setup(target, name, data):
    return (message(OP["glsGenObjects"], gen(OBJ_BUFFER, [name])) +
            message(OP["glBindBuffer"], struct.pack("<II", target, name)) +
            message(OP["glBufferData"], struct.pack("<IqI", target, len(data), GL_STATIC_DRAW) + blob(data)))


# attribute 0: two floats a vertex from a 3-vertex buffer, enabled
THREE_VERTICES = (buffer_setup(GL_ARRAY_BUFFER, 30, b"\0" * 24) +
                  message(OP["glVertexAttribPointer"], struct.pack("<IiIIiq", 0, 2, GL_FLOAT, 0, 0, 0)) +
                  message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)))


def draw_elements(count, offset):
    return message(OP["glDrawElements"], struct.pack("<IiIq", 4, count, GL_UNSIGNED_SHORT, offset))


def bad_client_cases(session, sock):
    # (name, setup needed, bytes after setup, expected GL error or None, logged reason)
    cases = [
        ("truncated command (connection ends inside it)", True,
         message(OP["glClearColor"], b"\0" * 8, size=24), None, "client left in the middle of a command"),
        ("blob length past the message", True,
         message(OP["glBufferData"], struct.pack("<IqII", GL_ARRAY_BUFFER, 16, GL_STATIC_DRAW, 0xFFFFFFF0)),
         None, "malformed glBufferData"),
        ("huge element count", True,
         message(OP["glsGenObjects"], struct.pack("<II", OBJ_BUFFER, 0x40000000)), None, "malformed glsGenObjects"),
        ("huge message size", False, message(1, size=0xFFFFFFFC), None, "malformed message header"),
        ("unknown opcode 0", False, message(0), None, "unknown opcode 0"),
        ("reserved opcode 12", False, message(12), None, "unknown opcode 12"),
        ("unknown opcode 65535", False, message(65535), None, "unknown opcode 65535"),
        ("glTexImage2D width*height*4 overflowing 32 bits, 4 bytes sent", True,
         message(OP["glTexImage2D"], tex_null(0x10000, 0x10001) + blob(b"\0" * 4)), None,
         "glTexImage2D of 65536x65537 carries 4 bytes"),
        ("glTexImage2D whose size overflows 64 bits (2^31-1 squared, RGBA)", True,
         message(OP["glTexImage2D"], tex_null(0x7fffffff, 0x7fffffff) + blob(b"\0" * 4)), None,
         "glTexImage2D of 2147483647x2147483647 carries 4 bytes"),
        ("glTexImage2D negative size", True,
         message(OP["glTexImage2D"], tex_null(-1, -0x7fffffff) + blob(b"")), None, "glTexImage2D of -1x"),
        ("glBufferData of 2^62 bytes carrying 16", True,
         message(OP["glBufferData"], struct.pack("<Iq", GL_ARRAY_BUFFER, 1 << 62) +
                 struct.pack("<I", GL_STATIC_DRAW) + blob(b"\0" * 16)), None, "glBufferData of 4611686018427387904"),
        ("id of another type (a buffer bound as a texture)", True,
         message(OP["glsGenObjects"], gen(OBJ_BUFFER, [5])) +
         message(OP["glBindTexture"], struct.pack("<II", GL_TEXTURE_2D, 5)), None, "unknown object name 5"),
        ("use after delete", True,
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [7])) +
         message(OP["glsDeleteObjects"], gen(OBJ_TEXTURE, [7])) +
         message(OP["glBindTexture"], struct.pack("<II", GL_TEXTURE_2D, 7)), None, "unknown object name 7"),
        ("double delete", True,
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [8])) +
         message(OP["glsDeleteObjects"], gen(OBJ_TEXTURE, [8, 8])), None, "glsDeleteObjects of unknown name 8"),
        ("a draw reading past the client array it sent", True,
         message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)) +
         message(OP["glsClientArray"], struct.pack("<IiIIiI", 0, 2, 0x1406, 0, 8, 0) + blob(b"\0" * 32)) +
         message(OP["glDrawArrays"], struct.pack("<Iii", 4, 0, 1000)), None,
         "a draw reads vertices 0..999 of attribute 0, sent 0..3"),
        ("an instanced draw reading past the client array it sent", True,
         message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)) +
         message(OP["glsClientArray"], struct.pack("<IiIIiI", 0, 2, 0x1406, 0, 8, 0) + blob(b"\0" * 32)) +
         message(OP["glDrawArraysInstancedEXT"], struct.pack("<Iiii", 4, 2, 3, 1000)), None,
         "a draw reads vertices 2..4 of attribute 0, sent 0..3"),
        ("inline instanced indices reading past the client array", True,
         message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0)) +
         message(OP["glsClientArray"], struct.pack("<IiIIiI", 0, 2, 0x1406, 0, 8, 0) + blob(b"\0" * 32)) +
         message(OP["glDrawElementsInstancedEXT"], struct.pack("<IiIiI", 4, 2, 0x1403, 5, 1) +
                 blob(struct.pack("<HH", 0, 9))), None,
         "a draw reads vertices 0..9 of attribute 0, sent 0..3"),
        ("inline instanced indices shorter than the count", True,
         message(OP["glDrawElementsInstancedEXT"], struct.pack("<IiIiI", 4, 64, 0x1403, 1, 1) +
                 blob(b"\0" * 8)), None, "bad glDrawElementsInstancedEXT of 64 indices"),
        ("instanced indices from an offset without an element buffer", True,
         message(OP["glDrawElementsInstancedEXT"], struct.pack("<IiIiIq", 4, 3, 0x1403, 1, 0, 4096)), None,
         "bad glDrawElementsInstancedEXT of 3 indices"),
        ("a client array with a huge stride and first vertex (fuzzer crash)", True,
         message(OP["glsClientArray"], struct.pack("<IiIIiI", 1, 2, 0x1406, 0, 0x732e0008, 0x61746d79) +
                 blob(b"\0" * 32)), None, "bad glsClientArray for attribute 1"),
        ("wait on an unknown EGL sync", True,
         message(OP["glsClientWaitSync"], struct.pack("<Iiq", 77, 0, 0)), None, "unknown sync 77"),
        ("duplicate creation", True, message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [9, 9])), None,
         "used or reserved name 9"),
        ("glsBufferDataNull of 2^62 bytes", True,
         message(OP["glsGenObjects"], gen(OBJ_BUFFER, [3])) +
         message(OP["glBindBuffer"], struct.pack("<II", GL_ARRAY_BUFFER, 3)) +
         message(OP["glsBufferDataNull"], struct.pack("<IqI", GL_ARRAY_BUFFER, 1 << 62, GL_STATIC_DRAW)),
         GL_OUT_OF_MEMORY, None),
        ("glsTexImage2DNull of 65536x65536 (16 GiB)", True,
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [4])) +
         message(OP["glBindTexture"], struct.pack("<II", GL_TEXTURE_2D, 4)) +
         message(OP["glsTexImage2DNull"], tex_null(0x10000, 0x10000)), GL_OUT_OF_MEMORY, None),
        ("a 4 GiB texture request (32768x32768 RGBA)", True,
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [4])) +
         message(OP["glBindTexture"], struct.pack("<II", GL_TEXTURE_2D, 4)) +
         message(OP["glsTexImage2DNull"], tex_null(0x8000, 0x8000)), "any", None),
        ("a 4 GiB texture request (16384x16384 RGBA float): over --max-gl-memory", True,
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [4])) +
         message(OP["glBindTexture"], struct.pack("<II", GL_TEXTURE_2D, 4)) +
         message(OP["glsTexImage2DNull"], struct.pack("<IiiiiiII", GL_TEXTURE_2D, 0, GL_RGBA, 16384, 16384, 0,
                                                      GL_RGBA, GL_FLOAT)), GL_OUT_OF_MEMORY, None),
        ("a 16384x16384 RGBA8 renderbuffer (1 GiB and a surface: over --max-gl-memory)", True,
         message(OP["glsGenObjects"], gen(OBJ_RENDERBUFFER, [5])) +
         message(OP["glBindRenderbuffer"], struct.pack("<II", GL_RENDERBUFFER, 5)) +
         message(OP["glRenderbufferStorage"], struct.pack("<IIii", GL_RENDERBUFFER, GL_RGBA8_OES, 16384, 16384)),
         GL_OUT_OF_MEMORY, None),
        ("a draw reading past its vertex buffer", True,
         THREE_VERTICES + message(OP["glDrawArrays"], struct.pack("<Iii", 4, 0, 1000)), GL_INVALID_OPERATION, None),
        ("a draw from vertex 2^31 - 16 of a vertex buffer", True,
         THREE_VERTICES + message(OP["glDrawArrays"], struct.pack("<Iii", 4, 0x7ffffff0, 3)),
         GL_INVALID_OPERATION, None),
        ("a draw from a negative first vertex (Mesa reads before the buffer)", True,
         THREE_VERTICES + message(OP["glDrawArrays"], struct.pack("<Iii", 5, -0x77000000, 1024)),
         GL_INVALID_VALUE, None),
        ("an instanced draw from first vertex -1", True,
         THREE_VERTICES + message(OP["glDrawArraysInstancedEXT"], struct.pack("<Iiii", 4, -1, 3, 2)),
         GL_INVALID_VALUE, None),
        ("an attribute offset of 2^62 into a vertex buffer", True,
         THREE_VERTICES + message(OP["glVertexAttribPointer"], struct.pack("<IiIIiq", 0, 2, GL_FLOAT, 0, 0, 1 << 62)) +
         message(OP["glDrawArrays"], struct.pack("<Iii", 4, 0, 3)), GL_INVALID_OPERATION, None),
        ("indices at offset 2^40 of a 6-byte element buffer", True,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<3H", 0, 1, 2)) +
         draw_elements(3, 1 << 40), GL_INVALID_OPERATION, None),
        ("2^31 - 1 indices from a 6-byte element buffer", True,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<3H", 0, 1, 2)) +
         draw_elements(0x7fffffff, 0), GL_INVALID_OPERATION, None),
        ("an index past the vertex buffer", True,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<3H", 0, 1, 60000)) +
         draw_elements(3, 0), GL_INVALID_OPERATION, None),
        ("indices within both buffers draw", True,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<3H", 0, 1, 2)) +
         draw_elements(3, 0), GL_NO_ERROR, None),
        ("glBindBuffer to a target ES 2.0 has not", True,
         message(OP["glsGenObjects"], gen(OBJ_BUFFER, [32])) +
         message(OP["glBindBuffer"], struct.pack("<II", 0x8C8E, 32)), GL_INVALID_ENUM, None),
        ("GL_UNPACK_ROW_LENGTH (not ES 2.0: would make uploads read past their data)", True,
         message(OP["glPixelStorei"], struct.pack("<Ii", 0x0CF2, 1 << 20)), GL_INVALID_ENUM, None),
        ("GL_UNPACK_SKIP_ROWS (EXT_unpack_subimage stays in the client)", True,
         message(OP["glPixelStorei"], struct.pack("<Ii", 0x0CF3, 1 << 20)), GL_INVALID_ENUM, None),
        ("GL_UNPACK_SKIP_PIXELS (EXT_unpack_subimage stays in the client)", True,
         message(OP["glPixelStorei"], struct.pack("<Ii", 0x0CF4, 1 << 20)), GL_INVALID_ENUM, None),
        # EXT_separate_shader_objects: pipelines are a name type of their own
        ("a buffer name bound as a program pipeline", True,
         message(OP["glsGenObjects"], gen(OBJ_BUFFER, [5])) +
         message(OP["glBindProgramPipelineEXT"], struct.pack("<I", 5)), None, "unknown object name 5"),
        ("a program pipeline name used as a program", True,
         message(OP["glsGenObjects"], gen(OBJ_PROGRAM_PIPELINE, [6])) +
         message(OP["glUseProgram"], struct.pack("<I", 6)), None, "unknown object name 6"),
        ("a program name given as the pipeline of glUseProgramStagesEXT", True,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 7, 0)) +
         message(OP["glUseProgramStagesEXT"], struct.pack("<III", 7, 1, 7)), None, "unknown object name 7"),
        ("a pipeline bound after its deletion", True,
         message(OP["glsGenObjects"], gen(OBJ_PROGRAM_PIPELINE, [8])) +
         message(OP["glsDeleteObjects"], gen(OBJ_PROGRAM_PIPELINE, [8])) +
         message(OP["glBindProgramPipelineEXT"], struct.pack("<I", 8)), None, "unknown object name 8"),
        ("an object type past the last", True, message(OP["glsGenObjects"], gen(10, [1])), None, "bad object type 10"),
        # glCreateShaderProgramvEXT: the count says nothing of sizes (the
        # client joins the strings); only the bytes sent are read
        ("glCreateShaderProgramvEXT of 2^31-1 strings carrying one", True,
         message(OP["glCreateShaderProgramvEXT"], shader_program(9, 0x7FFFFFFF, b"void main() {}\n")),
         GL_NO_ERROR, None),
        ("glCreateShaderProgramvEXT of -5 strings", True,
         message(OP["glCreateShaderProgramvEXT"], shader_program(9, -5, b"")), None,
         "glCreateShaderProgramvEXT of type 0x8b30, -5 strings"),
        ("glCreateShaderProgramvEXT of 0 strings carrying bytes", True,
         message(OP["glCreateShaderProgramvEXT"], shader_program(9, 0, b"void main() {}")), None,
         "glCreateShaderProgramvEXT of 0 strings carries 14 bytes"),
        ("glCreateShaderProgramvEXT whose source length passes the message", True,
         message(OP["glCreateShaderProgramvEXT"], struct.pack("<IIiI", 9, 0x8B30, 1, 0xFFFFFFF0)), None,
         "malformed glCreateShaderProgramvEXT"),
        ("glCreateShaderProgramvEXT of a geometry shader", True,
         message(OP["glCreateShaderProgramvEXT"], shader_program(9, 1, b"void main() {}", 0x8DD9)), None,
         "glCreateShaderProgramvEXT of type 0x8dd9"),
        ("glCreateShaderProgramvEXT naming an existing program", True,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(OP["glCreateShaderProgramvEXT"], shader_program(9, 1, b"void main() {}")), None,
         "used or reserved name 9"),
        ("10,000 objects (within the default quota)", True,
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, list(range(1, 10001)))), GL_NO_ERROR, None),
    ]
    for name, setup, data, error, reason in cases:
        c = Client(sock)
        if setup:
            c.setup()
        c.s.sendall(data)
        if error is not None:
            got = c.get_error()
            ok = got is not None and (got != GL_NO_ERROR if error == "any" else got == error)
            check(ok, f"{name}: GL error {got if got is None else hex(got)}")
        else:
            if reason.startswith("client left"):
                c.s.shutdown(socket.SHUT_WR)
            check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()

    # 4 GiB in 1 GiB textures: the memory limit (2 GiB) gives
    # GL_OUT_OF_MEMORY or a clean end of this worker, never the machine.
    c = Client(sock).setup()
    errors = []
    for i in range(4):
        c.send("glsGenObjects", gen(OBJ_TEXTURE, [100 + i]))
        c.send("glBindTexture", struct.pack("<II", GL_TEXTURE_2D, 100 + i))
        c.send("glsTexImage2DNull", tex_null(16384, 16384))
        errors.append(c.get_error())
        if errors[-1] is None:
            break
    check(GL_OUT_OF_MEMORY in errors or None in errors,
          f"4 x 1 GiB textures: GL_OUT_OF_MEMORY or a disconnect ({errors})")
    c.close()


# es3 buffers (protocol/commands.txt 500-539): sizes, counts and ranges the
# client states are checked before the driver sees them.
ES3_OP = dict(glCopyBufferSubData=500, glBindBufferRange=501, glBindBufferBase=502, glsBufferBinding=503,
              glGetUniformBlockIndex=504, glGetActiveUniformBlockiv=505, glGetUniformIndices=508,
              glGetActiveUniformsiv=509, glBindTransformFeedback=511, glTransformFeedbackVaryings=516)
GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, GL_UNIFORM_BUFFER, GL_TRANSFORM_FEEDBACK = 0x8F36, 0x8F37, 0x8A11, 0x8E22
GL_INVALID_VALUE_ = 0x0501


def es3_buffer_cases(session, sock):
    two_buffers = (buffer_setup(GL_COPY_READ_BUFFER, 40, b"\1" * 16) +
                   buffer_setup(GL_COPY_WRITE_BUFFER, 41, b"\2" * 16))

    def copy(ro, wo, size):
        return message(ES3_OP["glCopyBufferSubData"],
                       struct.pack("<IIqqq", GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, ro, wo, size))

    # (name, offered version, bytes after setup, replies to read, expected GL error or None, logged reason)
    cases = [
        ("copy from offset 2^62", 30, two_buffers + copy(1 << 62, 0, 4), 0, GL_INVALID_VALUE_, None),
        ("copy of 2^63-1 bytes from offset 8 (the end overflows)", 30,
         two_buffers + copy(8, 0, (1 << 63) - 1), 0, GL_INVALID_VALUE_, None),
        ("copy overlapping itself", 30,
         two_buffers + message(ES3_OP["glCopyBufferSubData"],
                               struct.pack("<IIqqq", GL_COPY_READ_BUFFER, GL_COPY_READ_BUFFER, 0, 4, 8)),
         0, GL_INVALID_VALUE_, None),
        ("copy within both buffers", 30, two_buffers + copy(4, 8, 8), 0, GL_NO_ERROR, None),
        ("read back of a uniform buffer at offset 2^40 (zeros)", 30,
         buffer_setup(GL_UNIFORM_BUFFER, 42, b"\3" * 16) +
         message(OP["glsMapBufferRead"], struct.pack("<Iqq", GL_UNIFORM_BUFFER, 1 << 40, 16)), 1, GL_NO_ERROR, None),
        ("an ES 3.0 target read back in an ES 2.0 context", 20,
         message(OP["glsMapBufferRead"], struct.pack("<Iqq", GL_UNIFORM_BUFFER, 0, 16)), 0, None,
         "bad glsMapBufferRead"),
        ("an ES 3.0 command in an ES 2.0 context", 20, copy(0, 0, 4), 0, None,
         "glCopyBufferSubData: a command of an OpenGL ES version this context is not offered"),
        ("glBindBufferRange of a buffer never created", 30,
         message(ES3_OP["glBindBufferRange"], struct.pack("<IIIqq", GL_UNIFORM_BUFFER, 0, 77, 0, 16)), 0, None,
         "unknown object name 77"),
        ("glBindTransformFeedback of a name never created", 30,
         message(ES3_OP["glBindTransformFeedback"], struct.pack("<II", GL_TRANSFORM_FEEDBACK, 78)), 0, None,
         "unknown object name 78"),
        ("glGetUniformIndices of 2^30 names carrying 1", 30,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(ES3_OP["glGetUniformIndices"], struct.pack("<Ii", 9, 1 << 30) + blob(b"a")), 0, None,
         "malformed glGetUniformIndices"),
        ("glGetUniformIndices with a string past the message", 30,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(ES3_OP["glGetUniformIndices"], struct.pack("<IiI", 9, 1, 0xFFFFFFF0)), 0, None,
         "malformed glGetUniformIndices"),
        ("glTransformFeedbackVaryings of 3 names carrying 2", 30,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(ES3_OP["glTransformFeedbackVaryings"], struct.pack("<IiI", 9, 3, 0x8C8C) + blob(b"a") + blob(b"b")),
         0, None, "malformed glTransformFeedbackVaryings"),
        ("glTransformFeedbackVaryings of a negative count (the driver refuses it)", 30,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(ES3_OP["glTransformFeedbackVaryings"], struct.pack("<IiI", 9, -1, 0x8C8C)),
         0, GL_INVALID_VALUE_, None),
        ("glGetActiveUniformsiv of 2^20 indices carrying 1", 30,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(ES3_OP["glGetActiveUniformsiv"], struct.pack("<IiIII", 9, 1 << 20, 0x8A37, 1, 0)), 0, None,
         "malformed glGetActiveUniformsiv"),
        ("glGetActiveUniformBlockiv indices of an unlinked program (the driver refuses it)", 30,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(ES3_OP["glGetActiveUniformBlockiv"], struct.pack("<III", 9, 0, 0x8A43)), 1, "any", None),
        ("the generic binding after a refused glBindBufferBase", 30,
         buffer_setup(GL_UNIFORM_BUFFER, 43, b"\0" * 16) +
         message(ES3_OP["glBindBufferBase"], struct.pack("<III", GL_UNIFORM_BUFFER, 1 << 20, 0)) +
         message(ES3_OP["glsBufferBinding"], struct.pack("<I", GL_UNIFORM_BUFFER)), 1, "any", None),
    ]
    for name, version, data, replies, error, reason in cases:
        c = Client(sock)
        c.setup(es_version=version)
        c.s.sendall(data)
        answered = all(read_reply(c.s) is not None for _ in range(replies))
        if error is not None:
            got = c.get_error()
            ok = answered and got is not None and (got != GL_NO_ERROR if error == "any" else got == error)
            check(ok, f"{name}: GL error {got if got is None else hex(got)}")
# es3.1 compute: dispatches and storage ranges on the wire
COMPUTE_OP = dict(glDispatchCompute=700, glDispatchComputeIndirect=701, glMemoryBarrier=702,
                  glBindImageTexture=704, glGetIntegerv=163)
CS_OP = dict(glShaderSource=198, glCompileShader=120, glAttachShader=101, glLinkProgram=189)
GL_DISPATCH_INDIRECT_BUFFER, GL_SHADER_STORAGE_BUFFER, GL_COMPUTE_SHADER = 0x90EE, 0x90D2, 0x91B9
GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS, GL_INVALID_OPERATION_ = 0x90EB, 0x0502


def offers_es31(sock):
    """Whether this server offers ES 3.1 (a -Des_version=3.1+ build): a
    3.1 limit is answered, not GL_INVALID_ENUM."""
    c = Client(sock)
    c.setup(version_cap=32)
    c.s.sendall(message(COMPUTE_OP["glGetIntegerv"], struct.pack("<I", GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS)))
    reply = read_reply(c.s)
    c.close()
    return reply is not None and struct.unpack_from("<I", reply)[0] == 1


def compute_cases(session, sock):
    if not offers_es31(sock):
        print("skip: es3.1 compute hostile cases (this build does not offer ES 3.1)")
        return
    # a compute program whose storage block needs 64 bytes at binding 0
    src = (b"#version 310 es\nlayout(local_size_x = 1) in;\n"
           b"layout(std430, binding = 0) buffer B { uint v[16]; };\nvoid main() { v[0] = 1u; }\n")
    program = (message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, GL_COMPUTE_SHADER)) +
               message(OP["glsCreateShaderProgram"], struct.pack("<II", 10, 0)) +
               message(CS_OP["glShaderSource"], struct.pack("<Ii", 9, 1) + blob(src)) +
               message(CS_OP["glCompileShader"], struct.pack("<I", 9)) +
               message(CS_OP["glAttachShader"], struct.pack("<II", 10, 9)) +
               message(CS_OP["glLinkProgram"], struct.pack("<I", 10)) +
               message(OP["glUseProgram"], struct.pack("<I", 10)))

    def indirect(counts, offset):
        return (buffer_setup(GL_DISPATCH_INDIRECT_BUFFER, 50, struct.pack(f"<{len(counts)}I", *counts)) +
                message(COMPUTE_OP["glDispatchComputeIndirect"], struct.pack("<q", offset)))

    def storage(size, offset, range_size):
        return (buffer_setup(GL_SHADER_STORAGE_BUFFER, 51, b"\0" * size) +
                message(ES3_OP["glBindBufferRange"], struct.pack("<IIIqq", GL_SHADER_STORAGE_BUFFER, 0, 51,
                                                                  offset, range_size)))

    ok_storage = storage(64, 0, 64)
    # (name, bytes after setup, expected GL error or None, logged reason)
    cases = [
        ("indirect counts 2^32-1 each", program + ok_storage + indirect([0xFFFFFFFF] * 3, 0), GL_INVALID_VALUE_, None),
        ("indirect count past the limit in z only", program + ok_storage + indirect([1, 1, 1 << 20], 0),
         GL_INVALID_VALUE_, None),
        ("indirect offset 2^62", program + ok_storage + indirect([1, 1, 1], 1 << 62), GL_INVALID_OPERATION_, None),
        ("indirect offset 8 of a 12-byte buffer", program + ok_storage + indirect([1, 1, 1], 8),
         GL_INVALID_OPERATION_, None),
        ("indirect offset -4", program + ok_storage + indirect([1, 1, 1], -4), GL_INVALID_VALUE_, None),
        ("indirect offset 2 (unaligned)", program + ok_storage + indirect([1, 1, 1, 1], 2), GL_INVALID_VALUE_, None),
        ("indirect dispatch of one group (control)", program + ok_storage + indirect([1, 1, 1], 0), GL_NO_ERROR, None),
        ("storage range 48 bytes for a 64-byte block", program + storage(64, 0, 48) +
         message(COMPUTE_OP["glDispatchCompute"], struct.pack("<III", 1, 1, 1)), GL_INVALID_OPERATION_, None),
        ("storage range past its buffer after glBufferData shrank it", program + ok_storage +
         message(OP["glBufferData"], struct.pack("<IqI", GL_SHADER_STORAGE_BUFFER, 8, GL_STATIC_DRAW) + blob(b"\0" * 8)) +
         message(COMPUTE_OP["glDispatchCompute"], struct.pack("<III", 1, 1, 1)), GL_INVALID_OPERATION_, None),
        ("storage range at offset 2^62 (the driver refuses the bind)", program + storage(64, 1 << 62, 64) +
         message(COMPUTE_OP["glDispatchCompute"], struct.pack("<III", 1, 1, 1)), GL_INVALID_OPERATION_, None),
        ("glDispatchCompute of 2^32-1 groups (the driver's limit check)", program + ok_storage +
         message(COMPUTE_OP["glDispatchCompute"], struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)),
         GL_INVALID_VALUE_, None),
        ("glDispatchCompute one count short", program +
         message(COMPUTE_OP["glDispatchCompute"], struct.pack("<II", 1, 1)), None, "malformed glDispatchCompute"),
        ("glBindImageTexture of a texture never created",
         message(COMPUTE_OP["glBindImageTexture"], struct.pack("<IIiIiII", 0, 79, 0, 0, 0, 0x88B9, 0x8058)), None,
         "unknown object name 79"),
    ]
    for name, data, error, reason in cases:
        c = Client(sock)
        c.setup(version_cap=32)
        c.s.sendall(data)
        if error is not None:
            got = c.get_error()
            check(got == error, f"{name}: GL error {got if got is None else hex(got)}")
        else:
            check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()
    # ES 3.1 commands and compute shaders in a context offered 3.0 end the worker
    for name, data, reason in [
        ("glDispatchCompute in an ES 3.0 context", message(COMPUTE_OP["glDispatchCompute"], struct.pack("<III", 1, 1, 1)),
         "a command of an OpenGL ES version this context is not offered"),
        ("a compute shader in an ES 3.0 context",
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, GL_COMPUTE_SHADER)),
         "glsCreateShaderProgram of type 0x91b9"),
    ]:
        c = Client(sock)
        c.setup(version_cap=30)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


# es3 vertex: OpenGL ES 3.0 draws, divisors, primitive restart, integer
# client arrays and program binaries
GL_PRIMITIVE_RESTART_FIXED_INDEX, GL_INT, GL_INVALID_VALUE = 0x8D69, 0x1404, 0x501


def client_array(index, size, type_, flags, stride, first, data):
    return message(OP["glsClientArray"], struct.pack("<IiIIiI", index, size, type_, flags, stride, first) + blob(data))


def divisor(index, value):
    return message(OP["glVertexAttribDivisor"], struct.pack("<II", index, value))


def restart(on):
    return message(OP["glEnable" if on else "glDisable"], struct.pack("<I", GL_PRIMITIVE_RESTART_FIXED_INDEX))


def inline_elements(indices):
    data = struct.pack(f"<{len(indices)}H", *indices)
    return message(OP["glsDrawElementsInline"], struct.pack("<IiI", 4, len(indices), GL_UNSIGNED_SHORT) + blob(data))


def range_elements(start, end, indices):
    data = struct.pack(f"<{len(indices)}H", *indices)
    return message(OP["glDrawRangeElements"], struct.pack("<IIIiII", 4, start, end, len(indices), GL_UNSIGNED_SHORT, 1) +
                   blob(data))


def vertex3_cases(session, sock):
    enable0 = message(OP["glEnableVertexAttribArray"], struct.pack("<I", 0))
    # attribute 0: 3 vertices of client memory, two floats each
    three_client = enable0 + client_array(0, 2, GL_FLOAT, 0, 8, 0, b"\0" * 24)
    # (name, offered version, bytes after setup, expected GL error or None, logged reason)
    cases = [
        ("an ES 3.0 draw in an ES 2.0 context", 20,
         THREE_VERTICES + message(OP["glDrawArraysInstanced"], struct.pack("<Iiii", 4, 0, 3, 1)), None,
         "glDrawArraysInstanced: a command of an OpenGL ES version this context is not offered"),
        ("an integer client array in an ES 2.0 context", 20,
         enable0 + client_array(0, 2, GL_INT, 2, 8, 0, b"\0" * 24), None, "bad glsClientArray flags 0x2"),
        ("unknown client array flags", 30,
         enable0 + client_array(0, 2, GL_FLOAT, 4, 8, 0, b"\0" * 24), None, "bad glsClientArray flags 0x4"),
        ("a normalized integer client array", 30,
         enable0 + client_array(0, 2, GL_INT, 3, 8, 0, b"\0" * 24), None, "bad glsClientArray flags 0x3"),
        ("an integer client array of floats", 30,
         enable0 + client_array(0, 2, GL_FLOAT, 2, 8, 0, b"\0" * 24), GL_INVALID_ENUM, None),
        ("an integer client array draws", 30,
         enable0 + client_array(0, 2, GL_INT, 2, 8, 0, b"\0" * 24) +
         message(OP["glDrawArrays"], struct.pack("<Iii", 4, 0, 3)), GL_NO_ERROR, None),
        ("glVertexAttribIPointer without an array buffer", 30,
         message(OP["glVertexAttribIPointer"], struct.pack("<IiIiq", 0, 2, GL_INT, 0, 64)), None,
         "glVertexAttribPointer offset 64 without an array buffer"),
        # divisors: instance i reads element i / divisor
        ("100 instances with divisor 1 reading a 3-element buffer", 30,
         THREE_VERTICES + divisor(0, 1) + message(OP["glDrawArraysInstanced"], struct.pack("<Iiii", 4, 0, 3, 100)),
         GL_INVALID_OPERATION, None),
        ("100 instances with divisor 50 reading a 3-element buffer", 30,
         THREE_VERTICES + divisor(0, 50) + message(OP["glDrawArraysInstanced"], struct.pack("<Iiii", 4, 0, 3, 100)),
         GL_NO_ERROR, None),
        ("2^31 - 1 instances with divisor 1 (the EXT entry point too)", 30,
         THREE_VERTICES + divisor(0, 1) +
         message(OP["glDrawArraysInstancedEXT"], struct.pack("<Iiii", 4, 0, 3, 0x7fffffff)),
         GL_INVALID_OPERATION, None),
        ("7 indexed instances with divisor 2 reading a 3-element buffer", 30,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<3H", 0, 1, 2)) + divisor(0, 2) +
         message(OP["glDrawElementsInstanced"], struct.pack("<IiIiIq", 4, 3, GL_UNSIGNED_SHORT, 7, 0, 0)),
         GL_INVALID_OPERATION, None),
        ("10 instances reading a 4-element client array with divisor 1", 30,
         enable0 + divisor(0, 1) + client_array(0, 2, GL_FLOAT, 0, 8, 0, b"\0" * 32) +
         message(OP["glDrawArraysInstanced"], struct.pack("<Iiii", 4, 0, 3, 10)), None,
         "a draw reads vertices 0..9 of attribute 0, sent 0..3"),
        ("a divisor client array sent from element 5", 30,
         enable0 + divisor(0, 1) + client_array(0, 2, GL_FLOAT, 0, 8, 5, b"\0" * 32) +
         message(OP["glDrawArraysInstanced"], struct.pack("<Iiii", 4, 0, 3, 2)), None,
         "a draw reads vertices 0..1 of attribute 0, sent 5..8"),
        # primitive restart: the restart index names no vertex only when enabled
        ("the restart index as a vertex of a 3-vertex buffer", 30,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<4H", 0, 1, 2, 0xffff)) +
         draw_elements(4, 0), GL_INVALID_OPERATION, None),
        ("the restart index skipped with restart on", 30,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<4H", 0, 1, 2, 0xffff)) +
         restart(True) + draw_elements(4, 0), GL_NO_ERROR, None),
        ("restart turned off after a draw that skipped it (no stale range)", 30,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<4H", 0, 1, 2, 0xffff)) +
         restart(True) + draw_elements(4, 0) + restart(False) + draw_elements(4, 0), GL_INVALID_OPERATION, None),
        ("0xfffe is no restart index of 16-bit indices", 30,
         THREE_VERTICES + buffer_setup(GL_ELEMENT_ARRAY_BUFFER, 31, struct.pack("<4H", 0, 1, 2, 0xfffe)) +
         restart(True) + draw_elements(4, 0), GL_INVALID_OPERATION, None),
        ("inline restart indices over a 3-vertex client array", 30,
         three_client + restart(True) + inline_elements([0, 1, 2, 0xffff, 2, 1, 0]), GL_NO_ERROR, None),
        ("inline restart indices without restart over a client array", 30,
         three_client + inline_elements([0, 1, 2, 0xffff]), None,
         "a draw reads vertices 0..65535 of attribute 0, sent 0..2"),
        ("only restart indices: no vertex read", 30,
         three_client + restart(True) + inline_elements([0xffff, 0xffff, 0xffff]), GL_NO_ERROR, None),
        # glDrawRangeElements: start..end is a promise the worker does not pass
        # on to a driver copying client memory
        ("glDrawRangeElements 1000..2000000 of a 3-vertex client array", 30,
         three_client + range_elements(1000, 2000000, [0, 1, 2]), GL_NO_ERROR, None),
        ("glDrawRangeElements indices past the client array", 30,
         three_client + range_elements(0, 2, [0, 1, 9]), None, "a draw reads vertices 0..9 of attribute 0, sent 0..2"),
        ("glDrawRangeElements end < start", 30,
         three_client + range_elements(9, 1, [0, 1, 9]), GL_INVALID_VALUE, None),
        ("glDrawRangeElements indices past a buffer", 30,
         THREE_VERTICES + range_elements(0, 2, [0, 1, 300]), GL_INVALID_OPERATION, None),
        # program binaries: no format, no byte read
        ("glProgramBinary of 2^31 - 1 bytes carrying none", 30,
         message(OP["glsCreateShaderProgram"], struct.pack("<II", 9, 0)) +
         message(OP["glProgramBinary"], struct.pack("<IIi", 9, 0x875F, 0x7fffffff)), GL_INVALID_ENUM, None),
    ]
    for name, version, data, error, reason in cases:
        c = Client(sock)
        c.setup(es_version=version)
        c.s.sendall(data)
        if error is not None:
            got = c.get_error()
            check(got == error, f"{name}: GL error {got if got is None else hex(got)}")
        else:
            check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


# es3.1 program: program interface queries and pipelines (docs/security.md)
OP.update(glGetProgramInterfaceiv=740, glGetProgramResourceName=742, glGetProgramResourceiv=743, glBindProgramPipeline=745,
          glUseProgramStages=747, glCreateShaderProgramv=749, glProgramUniform4fv=776)
GL_UNIFORM, GL_UNIFORM_BLOCK, GL_ACTIVE_VARIABLES, GL_TYPE, GL_NAME_LENGTH = 0x92E1, 0x92E2, 0x9305, 0x92FA, 0x92F9
GL_VERTEX_SHADER, GL_COMPUTE_SHADER, GL_LINK_STATUS = 0x8B31, 0x91B9, 0x8B82
# a separable vertex program with a uniform and a block of 200 members
ES31_BLOCK_VS = ("#version 310 es\nuniform vec4 u;\nlayout(std140) uniform B { " +
                 " ".join(f"float m{i};" for i in range(200)) +
                 " } b;\nvoid main() { gl_Position = u * (" + " + ".join(f"b.m{i}" for i in range(200)) +
                 "); }\n").encode()


def resourceiv(program, interface, index, props, buf_size, prop_count=None):
    return struct.pack("<IIIiI", program, interface, index, len(props) if prop_count is None else prop_count,
                       len(props)) + struct.pack(f"<{len(props)}I", *props) + struct.pack("<i", buf_size)


def offers_es31(sock):
    """Whether this build offers ES 3.1 to a client asking for 3.2: a 3.1
    command is answered (in a 3.0 context the worker ends the client)."""
    c = Client(sock)
    c.setup(version_cap=32)
    try:
        c.send("glGetProgramInterfaceiv", struct.pack("<III", 0, 0x92E1, 0x92F5))
        reply = read_reply(c.s)
    except OSError:
        reply = None
    c.close()
    return reply is not None


def es31_program_cases(session, sock):
    if not offers_es31(sock):
        print("skipped: es3.1 program cases (this build does not offer ES 3.1)")
        return
    program = message(OP["glCreateShaderProgramv"], shader_program(9, 1, ES31_BLOCK_VS, GL_VERTEX_SHADER))
    # (name, offered version, bytes after setup, expected GL error or None, logged reason)
    cases = [
        ("glGetProgramResourceiv whose props array is shorter than propCount", 32,
         program + message(OP["glGetProgramResourceiv"], resourceiv(9, GL_UNIFORM, 0, [GL_TYPE], 4, prop_count=5)),
         None, "glGetProgramResourceiv of 5 properties carries 1"),
        ("glGetProgramResourceiv of propCount 2^31 - 1 carrying none", 32,
         program + message(OP["glGetProgramResourceiv"], resourceiv(9, GL_UNIFORM, 0, [], 4, prop_count=0x7fffffff)),
         None, "glGetProgramResourceiv of 2147483647 properties carries 0"),
        ("glGetProgramResourceiv with props past the command", 32,
         program + message(OP["glGetProgramResourceiv"], struct.pack("<IIIiI", 9, GL_UNIFORM, 0, 1000, 1000)),
         None, "malformed glGetProgramResourceiv"),
        ("glGetProgramResourceiv in an ES 3.0 context", 30,
         message(OP["glGetProgramResourceiv"], resourceiv(9, GL_UNIFORM, 0, [GL_TYPE], 4)), None,
         "glGetProgramResourceiv: a command of an OpenGL ES version this context is not offered"),
        ("glBindProgramPipeline of a program's name", 32,
         program + message(OP["glBindProgramPipeline"], struct.pack("<I", 9)), None, "unknown object name 9"),
        ("glUseProgramStages of a pipeline never announced", 32,
         program + message(OP["glUseProgramStages"], struct.pack("<III", 12, 1, 9)), None, "unknown object name 12"),
        # (es3.2 geomtess: the extension's function takes the stages of the
        # context's version, as Mesa's: refused in ES 3.0 only)
        ("a compute program through the extension's glCreateShaderProgramvEXT in ES 3.0", 30,
         message(OP["glCreateShaderProgramvEXT"], shader_program(9, 1, b"void main() {}", GL_COMPUTE_SHADER)), None,
         "glCreateShaderProgramvEXT of type 0x91b9"),
        ("a compute program in an ES 3.0 context (core opcode)", 30,
         message(OP["glCreateShaderProgramv"], shader_program(9, 1, b"void main() {}", GL_COMPUTE_SHADER)), None,
         "a command of an OpenGL ES version this context is not offered"),
        ("glGetProgramResourceiv of a negative bufSize", 32,
         program + message(OP["glGetProgramResourceiv"], resourceiv(9, GL_UNIFORM, 0, [GL_TYPE], -1)),
         GL_INVALID_VALUE, "reply"),
        ("glProgramUniform4fv of 2^31 - 1 vectors carrying 1", 32,
         program + message(OP["glProgramUniform4fv"], struct.pack("<IiiI4f", 9, 0, 0x7fffffff, 4, 1, 2, 3, 4)),
         None, "malformed glProgramUniform4fv"),
    ]
    for name, version, data, error, reason in cases:
        c = Client(sock)
        c.setup(version_cap=version)
        c.s.sendall(data)
        if reason == "reply":
            read_reply(c.s)  # the query's own reply comes first
        if error is not None:
            got = c.get_error()
            check(got == error, f"{name}: GL error {got if got is None else hex(got)}")
        else:
            check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()

    # replies bounded by bufSize, whatever the client asks and the driver writes
    c = Client(sock)
    c.setup(version_cap=32)
    c.s.sendall(program + message(OP["glGetProgramResourceiv"], resourceiv(9, GL_UNIFORM, 0, [GL_TYPE], 0x7fffffff)))
    reply = read_reply(c.s)
    ok, length, count = struct.unpack_from("<IiI", reply) if reply and len(reply) >= 12 else (0, 0, 0)
    check(ok == 1 and length == 1 and count == 1 and len(reply) == 12 + 4 + 4,
          f"glGetProgramResourceiv with bufSize 2^31 - 1: one value ({ok}, {length}, {count})")
    # GL_ACTIVE_VARIABLES of a 200-member block into bufSize 1: Mesa writes
    # 200 values from the last property's place; the reply holds one
    c.s.sendall(message(OP["glGetProgramResourceiv"],
                        resourceiv(9, GL_UNIFORM_BLOCK, 0, [GL_NAME_LENGTH, GL_NAME_LENGTH, GL_ACTIVE_VARIABLES], 1)))
    reply = read_reply(c.s)
    check(reply is not None and len(reply) >= 12 and struct.unpack_from("<I", reply, 8)[0] <= 1,
          "GL_ACTIVE_VARIABLES of 200 members into bufSize 1: at most one value back")
    c.s.sendall(message(OP["glGetProgramResourceiv"],
                        resourceiv(9, GL_UNIFORM_BLOCK, 0, [GL_ACTIVE_VARIABLES], 0x7fffffff)))
    reply = read_reply(c.s)
    count = struct.unpack_from("<I", reply, 8)[0] if reply and len(reply) >= 12 else 0
    check(count == 200 and len(reply) == 12 + 4 * 200 + 4 * 7,
          f"GL_ACTIVE_VARIABLES of 200 members with a huge bufSize: 200 values ({count})")
    c.s.sendall(message(OP["glGetProgramResourceName"], struct.pack("<IIIi", 9, GL_UNIFORM, 0, 0x7fffffff)))
    reply = read_reply(c.s)
    ok, length = struct.unpack_from("<II", reply) if reply and len(reply) >= 8 else (0, 0)
    check(ok == 1 and 0 < length < 8 and len(reply) == 8 + (length + 3) // 4 * 4,
          f"glGetProgramResourceName with bufSize 2^31 - 1: the name only ({reply!r})")
    check(c.get_error() == GL_NO_ERROR, "no error after the bounded queries")
    c.close()


def validation_cases(api_test, validate_test):
    """Draw range checks, defined contents and --max-gl-memory through
    the client library (glst_validate.c), a well-behaved client beside it."""
    with glslib.Session(prefix="glstream-validate-") as s:
        s.start_xvfb()
        s.start_server(extra_args=["-v", f"--max-gl-memory={64 << 20}"])
        good = s.spawn("good", [api_test], stdout=subprocess.DEVNULL)
        out = os.path.join(s.tmpdir, "validate.out")
        with open(out, "wb") as f:
            rc = s.run([validate_test], timeout=120, stdout=f, stderr=subprocess.STDOUT)
        text = glslib.read_text(out)
        check(rc == 0, "draw ranges, zeroed contents, --max-gl-memory=64MiB (glst_validate): " +
              (text.strip().splitlines() or ["no output"])[-1] + ("" if rc == 0 else "\n" + text[-4000:]))
        check(good.wait(timeout=180) == 0, "a well-behaved client beside it passes the API test")
        if check.failed:
            s.dump_logs()


# GL_KHR_debug (protocol/commands.txt 320-331): strings, counts and sizes
# the client states are checked against what it sent; limits are the
# driver's; the callback is a flag (no pointer travels).
KHR_OP = dict(glDebugMessageControlKHR=320, glDebugMessageInsertKHR=321, glDebugMessageCallbackKHR=322,
              glGetDebugMessageLogKHR=323, glPushDebugGroupKHR=324, glObjectLabelKHR=326,
              glGetObjectLabelKHR=327, glGetPointervKHR=330, glsDebugFetch=331)
GL_DEBUG_SOURCE_APPLICATION, GL_DEBUG_TYPE_OTHER, GL_DEBUG_SEVERITY_HIGH = 0x824A, 0x8251, 0x9146
GL_BUFFER_KHR, GL_INVALID_VALUE, GL_STACK_OVERFLOW = 0x82E0, 0x0501, 0x0503


def debug_string(text, length=None, flags=1):
    return struct.pack("<iI", len(text) if length is None else length, flags) + blob(text)


def debug_insert(string):
    return message(KHR_OP["glDebugMessageInsertKHR"],
                   struct.pack("<IIII", GL_DEBUG_SOURCE_APPLICATION, GL_DEBUG_TYPE_OTHER, 1, GL_DEBUG_SEVERITY_HIGH) +
                   string)


def khr_debug_cases(session, sock):
    # (name, bytes after setup, expected GL error or None, logged reason)
    cases = [
        ("debug message claiming 100 bytes, carrying 4", debug_insert(debug_string(b"abcd", length=100)), None,
         "malformed KHR_debug string"),
        ("debug message marked truncated, carrying 4 bytes", debug_insert(debug_string(b"abcd", flags=3)), None,
         "malformed KHR_debug string"),
        ("debug message with unknown string flags", debug_insert(debug_string(b"abcd", flags=0x80)), None,
         "malformed KHR_debug string"),
        ("debug message blob length past the message",
         debug_insert(struct.pack("<iII", -1, 1, 0xFFFFFFF0)), None, "malformed glDebugMessageInsertKHR"),
        ("debug message truncated by the client (the driver refuses it)",
         debug_insert(debug_string(b"x" * 65536, length=-1, flags=3)), GL_INVALID_VALUE, None),
        ("debug control with 2^30 ids, carrying 1",
         message(KHR_OP["glDebugMessageControlKHR"], struct.pack("<IIIiI", 0x1100, 0x1100, 0x1100, 1 << 30, 1) +
                 struct.pack("<II", 5, 1)), None, "malformed glDebugMessageControlKHR"),
        ("label of a bogus identifier", message(KHR_OP["glObjectLabelKHR"], struct.pack("<II", 0xDEAD, 12345) +
                                                debug_string(b"bogus")), GL_INVALID_ENUM, None),
        ("label of a buffer name never created",
         message(KHR_OP["glObjectLabelKHR"], struct.pack("<II", GL_BUFFER_KHR, 999) + debug_string(b"x")), None,
         "unknown object name 999"),
        ("label truncated by the client (the driver refuses it)",
         message(OP["glsGenObjects"], gen(OBJ_BUFFER, [6])) +
         message(OP["glBindBuffer"], struct.pack("<II", GL_ARRAY_BUFFER, 6)) +
         message(KHR_OP["glObjectLabelKHR"], struct.pack("<II", GL_BUFFER_KHR, 6) +
                 debug_string(b"l" * 65536, length=0x7fffffff, flags=3)), GL_INVALID_VALUE, None),
        ("the callback pointer asked of the worker",
         message(KHR_OP["glGetPointervKHR"], struct.pack("<I", 0x8244)), None, "answered by the client"),
        ("a callback flag that is no flag",
         message(KHR_OP["glDebugMessageCallbackKHR"], struct.pack("<I", 2)), None, "bad flag 2"),
        ("debug groups pushed past the driver's maximum",
         b"".join(message(KHR_OP["glPushDebugGroupKHR"], struct.pack("<II", GL_DEBUG_SOURCE_APPLICATION, i) +
                          debug_string(b"g")) for i in range(1000)), GL_STACK_OVERFLOW, None),
    ]
    for name, data, error, reason in cases:
        c = Client(sock).setup()
        c.s.sendall(data)
        if error is not None:
            got = c.get_error()
            check(got == error, f"{name}: GL error {got if got is None else hex(got)}")
        else:
            check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()

    # Huge counts and buffers are answered within the driver's limits: the
    # worker allocates for what the log can hold, not for what was asked.
    c = Client(sock).setup()
    c.s.sendall(message(KHR_OP["glGetDebugMessageLogKHR"], struct.pack("<IiI", 0xFFFFFFFF, 0x7FFFFFFF, 1)))
    reply = read_reply(c.s)
    check(reply is not None and len(reply) >= 8, "a log of 2^32-1 messages in 2 GiB: answered")
    c.s.sendall(message(KHR_OP["glGetObjectLabelKHR"], struct.pack("<IIiI", GL_BUFFER_KHR, 0, 0x7FFFFFFF, 1)))
    reply = read_reply(c.s)
    check(reply is not None and struct.unpack_from("<i", reply)[0] == -(1 << 31),
          "the label of buffer 0 in 2 GiB: an error, nothing written")
    check(c.get_error() == GL_INVALID_VALUE, "the label of buffer 0: GL_INVALID_VALUE")
    # messages for a callback come ahead of the reply, as GLS_MSG_DEBUG
    c.s.sendall(message(KHR_OP["glDebugMessageCallbackKHR"], struct.pack("<I", 1)) +
                message(142, struct.pack("<I", 0x92E0)) +  # glEnable(GL_DEBUG_OUTPUT)
                debug_insert(debug_string(b"hello")) + message(KHR_OP["glsDebugFetch"]))
    header = recv_exact(c.s, 8)
    opcode = struct.unpack("<HHI", header)[0] if header else None
    check(opcode == 4, f"a message for the callback arrives first as GLS_MSG_DEBUG (got {opcode})")
    c.close()


# es3 framebuffers (protocol/commands.txt 580-599): value counts the
# worker derives from enums, ES 3.0 value sets narrower than the ES 3.2
# host's, multisample storage against --max-gl-memory, reads without a
# read buffer.
FB_OP = dict(glBindFramebuffer=104, glCopyTexImage2D=123, glCopyTexSubImage2D=124, glFramebufferRenderbuffer=146,
             glReadPixels=192, glBlitFramebuffer=580, glReadBuffer=581, glDrawBuffers=582, glClearBufferiv=583, glClearBufferuiv=584, glClearBufferfv=585,
             glInvalidateSubFramebuffer=588, glRenderbufferStorageMultisample=589, glGetInternalformativ=591,
             glBindSampler=593, glSamplerParameteri=594, glSamplerParameteriv=596, glGetSamplerParameteriv=598)
OBJ_FRAMEBUFFER, OBJ_SAMPLER = 3, 8
GL_COLOR, GL_DEPTH, GL_STENCIL, GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 = 0x1800, 0x1801, 0x1802, 0x8D40, 0x8CE0
GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER, GL_TEXTURE_BORDER_COLOR, GL_SAMPLES = 0x2802, 0x812D, 0x1004, 0x80A9


def clear_buffer(op, buffer, values, count=None):
    n = len(values) if count is None else count
    return message(FB_OP[op], struct.pack("<IiI", buffer, 0, n) + struct.pack(f"<{len(values)}I", *values))


def fb_rb(name, width, height, samples=0):
    """A renderbuffer `name` of RGBA8 bound to framebuffer `name`."""
    return (message(OP["glsGenObjects"], gen(OBJ_RENDERBUFFER, [name])) +
            message(OP["glsGenObjects"], gen(OBJ_FRAMEBUFFER, [name])) +
            message(OP["glBindRenderbuffer"], struct.pack("<II", GL_RENDERBUFFER, name)) +
            message(FB_OP["glRenderbufferStorageMultisample"],
                    struct.pack("<IiIii", GL_RENDERBUFFER, samples, GL_RGBA8_OES, width, height)) +
            message(FB_OP["glBindFramebuffer"], struct.pack("<II", GL_FRAMEBUFFER, name)) +
            message(FB_OP["glFramebufferRenderbuffer"],
                    struct.pack("<IIII", GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, name)))


def es3_framebuffer_cases(session, sock):
    probe = Client(sock).setup(es_version=30)
    probe.s.sendall(message(OP["glsGenObjects"], gen(OBJ_SAMPLER, [1])))
    es3 = probe.get_error() == GL_NO_ERROR
    probe.close()
    if not es3:
        check(True, "es3 framebuffer cases: the host has no OpenGL ES 3.0 (skipped)")
        return
    # two 16x16 framebuffers: 5 read, 6 drawn
    two_framebuffers = (fb_rb(5, 16, 16) + fb_rb(6, 16, 16) +
                        message(FB_OP["glBindFramebuffer"], struct.pack("<II", 0x8CA8, 5)))

    def blit(sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, filter_=0x2600):
        return message(FB_OP["glBlitFramebuffer"],
                       struct.pack("<8iII", sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, 0x4000, filter_))

    read_pixels = message(FB_OP["glReadPixels"], struct.pack("<iiiiII", 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE))
    # (name, bytes after an ES 3.0 setup, expected GL error or None, logged reason)
    cases = [
        ("glClearBufferfv of GL_COLOR carrying 1 value", clear_buffer("glClearBufferfv", GL_COLOR, [0]), None,
         "malformed glClearBufferfv"),
        ("glClearBufferiv of GL_DEPTH carrying 1 value (it takes none)",
         clear_buffer("glClearBufferiv", GL_DEPTH, [0]), None, "malformed glClearBufferiv"),
        ("glClearBufferuiv claiming 2^30 values, carrying 4",
         clear_buffer("glClearBufferuiv", GL_COLOR, [0, 0, 0, 0], count=1 << 30), None,
         "malformed glClearBufferuiv"),
        ("glClearBufferiv of GL_DEPTH, no value", clear_buffer("glClearBufferiv", GL_DEPTH, []), GL_INVALID_ENUM,
         None),
        ("glClearBufferfv of a bogus buffer", clear_buffer("glClearBufferfv", 0xDEAD, []), GL_INVALID_ENUM, None),
        ("glClearBufferiv of GL_STENCIL", clear_buffer("glClearBufferiv", GL_STENCIL, [1]), GL_NO_ERROR, None),
        ("glDrawBuffers of 2^30 buffers carrying 1",
         message(FB_OP["glDrawBuffers"], struct.pack("<iII", 1 << 30, 1, GL_COLOR_ATTACHMENT0)), None,
         "malformed glDrawBuffers"),
        ("glInvalidateSubFramebuffer of 3 attachments carrying 1",
         message(FB_OP["glInvalidateSubFramebuffer"], struct.pack("<IiII", GL_FRAMEBUFFER, 3, 1, GL_COLOR) +
                 struct.pack("<iiii", 0, 0, 4, 4)), None, "malformed glInvalidateSubFramebuffer"),
        ("a border colour (4 values) for a sampler, carrying 1",
         message(OP["glsGenObjects"], gen(OBJ_SAMPLER, [2])) +
         message(FB_OP["glSamplerParameteriv"], struct.pack("<IIi", 2, GL_TEXTURE_BORDER_COLOR, 1)),
         GL_INVALID_ENUM, None),
        ("GL_CLAMP_TO_BORDER (ES 3.2) for a sampler",
         message(OP["glsGenObjects"], gen(OBJ_SAMPLER, [2])) +
         message(FB_OP["glSamplerParameteri"], struct.pack("<IIi", 2, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER)),
         GL_INVALID_ENUM, None),
        ("a texture name bound as a sampler",
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [3])) +
         message(FB_OP["glBindSampler"], struct.pack("<II", 0, 3)), None, "unknown object name 3"),
        ("a 16384x16384 RGBA8 renderbuffer of 4 samples (4 GiB: over --max-gl-memory)",
         fb_rb(4, 16384, 16384, samples=4), GL_OUT_OF_MEMORY, None),
        ("2^31-1 samples", fb_rb(4, 16, 16, samples=0x7FFFFFFF), GL_INVALID_OPERATION, None),
        ("a blit from far outside the read framebuffer",
         two_framebuffers + blit(-0x80000000, -0x80000000, 0x7FFFFFFF, 0x7FFFFFFF, 0, 0, 16, 16),
         GL_NO_ERROR, None),
        ("a blit of one pixel onto 2^32 x 2^32, linear",
         two_framebuffers + blit(0, 0, 1, 1, -0x80000000, -0x80000000, 0x7FFFFFFF, 0x7FFFFFFF, 0x2601),
         GL_NO_ERROR, None),
        ("a blit mirrored across the whole integer range",
         two_framebuffers + blit(0x7FFFFFFF, 0x7FFFFFFF, -0x80000000, -0x80000000, 0, 16, 16, 0),
         GL_NO_ERROR, None),
        ("glCopyTexImage2D without a read buffer (Mesa crashes)",
         fb_rb(6, 16, 16) + message(FB_OP["glReadBuffer"], struct.pack("<I", 0)) +
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [6])) +
         message(OP["glBindTexture"], struct.pack("<II", GL_TEXTURE_2D, 6)) +
         message(FB_OP["glCopyTexImage2D"], struct.pack("<IiIiiiii", GL_TEXTURE_2D, 0, GL_RGBA, 0, 0, 4, 4, 0)),
         GL_INVALID_OPERATION, None),
        ("glCopyTexSubImage2D without a read buffer",
         fb_rb(6, 16, 16) + message(FB_OP["glReadBuffer"], struct.pack("<I", 0)) +
         message(OP["glsGenObjects"], gen(OBJ_TEXTURE, [6])) +
         message(OP["glBindTexture"], struct.pack("<II", GL_TEXTURE_2D, 6)) +
         message(OP["glsTexImage2DNull"], tex_null(4, 4)) +
         message(FB_OP["glCopyTexSubImage2D"], struct.pack("<Iiiiiiii", GL_TEXTURE_2D, 0, 0, 0, 0, 0, 4, 4)),
         GL_INVALID_OPERATION, None),
        ("glReadPixels without a read buffer (Mesa crashes)",
         fb_rb(6, 16, 16) + message(FB_OP["glReadBuffer"], struct.pack("<I", 0)) + read_pixels,
         GL_INVALID_OPERATION, None),
    ]
    for name, data, error, reason in cases:
        c = Client(sock).setup(es_version=30)
        c.s.sendall(data)
        if data.endswith(read_pixels):
            check(read_reply(c.s) == struct.pack("<I", 0), f"{name}: no pixels")
        if error is not None:
            got = c.get_error()
            ok = got is not None and (error == "any-or-none" or got == error)
            check(ok, f"{name}: GL error {got if got is None else hex(got)}")
        else:
            check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()

    # Answers are bounded by the worker, not by what the client asks.
    c = Client(sock).setup(es_version=30)
    c.s.sendall(message(FB_OP["glGetInternalformativ"],
                        struct.pack("<IIIi", GL_RENDERBUFFER, GL_RGBA8_OES, GL_SAMPLES, 0x7FFFFFFF)))
    reply = read_reply(c.s)
    count = struct.unpack_from("<I", reply)[0] if reply and len(reply) >= 4 else None
    check(count is not None and 1 <= count <= 32 and len(reply) == 4 + 4 * count,
          f"GL_SAMPLES into 2^31-1 values: the counts the driver has ({count})")
    c.s.sendall(message(OP["glsGenObjects"], gen(OBJ_SAMPLER, [4])) +
                message(FB_OP["glGetSamplerParameteriv"], struct.pack("<II", 4, GL_TEXTURE_BORDER_COLOR)))
    reply = read_reply(c.s)
    check(reply == struct.pack("<I", 0) and c.get_error() == GL_INVALID_ENUM,
          "a border colour asked of a sampler: GL_INVALID_ENUM, nothing written")
    c.close()

    # Presentation reads the window whatever the application left bound:
    # framebuffer objects to draw and to read, no read buffer on the window.
    w, h = 8, 8
    c = Client(sock).setup(es_version=30)
    c.send("glsCreateWindowSurface", struct.pack("<Iiii", 2, c.config, w, h))
    c.send("glsMakeCurrent", struct.pack("<III", 1, 2, 2))
    fd = frame_memory(w * h * 4 * FRAME_SLOTS)
    socket.send_fds(c.s, [message(OP["glsAttachFrameMemory"], struct.pack("<III", 2, w, h))], [fd])
    memory = mmap.mmap(fd, w * h * 4 * FRAME_SLOTS)
    os.close(fd)
    c.send("glClearColor", struct.pack("<4f", 1.0, 0.0, 0.0, 1.0))
    c.send("glClear", struct.pack("<I", GL_COLOR_BUFFER_BIT))
    c.s.sendall(message(FB_OP["glReadBuffer"], struct.pack("<I", 0)) + fb_rb(7, w, h) + fb_rb(8, w, h) +
                message(FB_OP["glBindFramebuffer"], struct.pack("<II", 0x8CA8, 7)))  # GL_READ_FRAMEBUFFER
    c.send("glClearColor", struct.pack("<4f", 0.0, 1.0, 0.0, 1.0))
    c.send("glClear", struct.pack("<I", GL_COLOR_BUFFER_BIT))
    c.send("glsSwapBuffers", struct.pack("<I", 2))
    header = recv_exact(c.s, 8)
    opcode, _flags, size = struct.unpack("<HHI", header) if header else (None, 0, 0)
    payload = recv_exact(c.s, size - 8) if header else None
    slot = struct.unpack("<4I", payload)[3] if opcode == MSG_FRAME_SHARED and payload else 0
    pixel = memory[slot * w * h * 4:slot * w * h * 4 + 4]
    check(opcode == MSG_FRAME_SHARED and pixel == bytes([0, 0, 255, 255]),
          f"a frame with framebuffer objects bound to draw and read shows the window (B,G,R,A {pixel.hex()})")
    # the application's state is as it left it
    c.s.sendall(message(FB_OP["glReadPixels"], struct.pack("<iiiiII", 0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE)))
    reply = read_reply(c.s)
    check(reply == struct.pack("<I", 4) + bytes([0, 0, 0, 0]) and c.get_error() == GL_NO_ERROR,
          f"after the frame, reads still come from the read framebuffer (a fresh one: zero) ({reply})")
    c.s.sendall(message(FB_OP["glBindFramebuffer"], struct.pack("<II", GL_FRAMEBUFFER, 0)) + read_pixels)
    reply = read_reply(c.s)
    check(reply == struct.pack("<I", 0) and c.get_error() == GL_INVALID_OPERATION,
          "after the frame, the window's read buffer is still GL_NONE")
    memory.close()
    c.close()

    # A context capped at ES 2.0 has none of it.
    c = Client(sock).setup()
    c.s.sendall(clear_buffer("glClearBufferfv", GL_COLOR, [0, 0, 0, 0]))
    check(ends_with_reason(session, c, "glClearBufferfv: a command of an OpenGL ES version"),
          "glClearBufferfv in an ES 2.0 context: clean disconnect")
    c.close()
    c = Client(sock).setup()
    c.s.sendall(message(OP["glsGenObjects"], gen(OBJ_SAMPLER, [1])))
    check(ends_with_reason(session, c, "objects of OpenGL ES 3.0 in a context not offered it"),
          "a sampler in an ES 2.0 context: clean disconnect")
    c.close()


def frame_memory(size, seal=True):
    fd = os.memfd_create("hostile-frames", os.MFD_ALLOW_SEALING)
    os.ftruncate(fd, size)
    if seal:
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, fcntl.F_SEAL_SHRINK)
    return fd


def frame_memory_cases(session, sock):
    """glsAttachFrameMemory: the worker writes frames into memory the
    client passes, only when it is sealed against shrinking and large
    enough; a frame then lands in a slot, top row first."""
    w, h = 16, 8
    frame_bytes = w * h * 4
    attach = message(OP["glsAttachFrameMemory"], struct.pack("<III", 2, w, h))

    def window_client():
        c = Client(sock).setup()
        c.send("glsCreateWindowSurface", struct.pack("<Iiii", 2, c.config, w, h))
        c.send("glsMakeCurrent", struct.pack("<III", 1, 2, 2))
        return c

    c = window_client()
    c.s.sendall(attach)
    check(ends_with_reason(session, c, "glsAttachFrameMemory without a file descriptor"),
          "frame memory without a descriptor: clean disconnect")
    c.close()
    for name, fd in (("unsealed", frame_memory(frame_bytes * FRAME_SLOTS, seal=False)),
                     ("too small", frame_memory(frame_bytes * FRAME_SLOTS - 1))):
        c = window_client()
        socket.send_fds(c.s, [attach], [fd])
        os.close(fd)
        check(ends_with_reason(session, c, "unusable frame memory for surface 2"),
              f"{name} frame memory: clean disconnect")
        c.close()

    c = window_client()
    fd = frame_memory(frame_bytes * FRAME_SLOTS)
    socket.send_fds(c.s, [attach], [fd])
    memory = mmap.mmap(fd, frame_bytes * FRAME_SLOTS)
    os.close(fd)
    # Top half red, bottom half blue (GL's y grows upwards).
    c.send("glEnable", struct.pack("<I", GL_SCISSOR_TEST))
    for y, rgb in ((h // 2, (1.0, 0.0, 0.0)), (0, (0.0, 0.0, 1.0))):
        c.send("glScissor", struct.pack("<iiii", 0, y, w, h // 2))
        c.send("glClearColor", struct.pack("<4f", *rgb, 1.0))
        c.send("glClear", struct.pack("<I", GL_COLOR_BUFFER_BIT))
    c.send("glsSwapBuffers", struct.pack("<I", 2))
    header = recv_exact(c.s, 8)
    opcode, _flags, size = struct.unpack("<HHI", header) if header else (None, 0, 0)
    payload = recv_exact(c.s, size - 8) if header else None
    check(opcode == MSG_FRAME_SHARED and payload is not None and
          struct.unpack("<4I", payload) == (2, w, h, 0), "a frame in attached memory is announced with its slot")
    top, bottom = memory[0:4], memory[frame_bytes - 4:frame_bytes]
    check(top == bytes([0, 0, 255, 255]) and bottom == bytes([255, 0, 0, 255]),
          f"the shared frame is B,G,R,A, top row first (top {top.hex()}, bottom {bottom.hex()})")
    memory.close()
    c.close()


def ring_cases(session, sock):
    """The shared-memory command ring (glsAttachRing): the client can write
    anything there at any time. Inconsistent control words and bad messages
    end that worker with a logged reason; messages across the end of the
    ring and larger than it run; a message changed after the worker copied
    it out is executed as it was."""
    c = Client(sock)
    check(c.welcome[4] & CAP_SHM_RING, "a unix-socket server offers the command ring (capability bit 2)")
    c.close()

    def ring_client(**ring_args):
        c = Client(sock).setup()
        return c, Ring(c, **ring_args)

    def glGetError_in_ring(c, ring):
        ring.send(message(OP["glGetError"]))
        reply = ring.reply()
        return None if reply is None else struct.unpack_from("<I", reply)[0]

    attach = message(OP["glsAttachRing"], struct.pack("<I", 1 << 16))
    c = Client(sock).setup()
    c.s.sendall(attach)
    check(ends_with_reason(session, c, "glsAttachRing without its two file descriptors"),
          "a ring without descriptors: clean disconnect")
    c.close()
    for name, args, reason in (
            ("unsealed ring memory", dict(seal=False), "not sealed against shrinking or too small"),
            ("ring memory smaller than announced", dict(memory_size=4096 + (1 << 16)),
             "not sealed against shrinking or too small"),
            ("a ring size that is no power of two", dict(size=3 << 16), "glsAttachRing with a ring of 196608 bytes")):
        c, ring = ring_client(**args)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()

    # Well-formed use: a message across the end of the ring, and one four
    # times larger than the ring (streamed in pieces, no deadlock).
    c, ring = ring_client()
    ring.send(message(OP["glFlush"]) * (ring.size // 8 - 1))
    ring.send(message(OP["glClearColor"], struct.pack("<4f", 0.25, 0.5, 0.75, 1.0)))  # 24 bytes, 16 past the end
    check(ring.tail == ring.size + 16 and glGetError_in_ring(c, ring) == GL_NO_ERROR,
          "a message across the end of the ring runs")
    c.close()

    c, ring = ring_client()
    ok = ring.send(message(OP["glsGenObjects"], gen(OBJ_BUFFER, [3])) +
                   message(OP["glBindBuffer"], struct.pack("<II", GL_ARRAY_BUFFER, 3)) +
                   message(OP["glBufferData"], struct.pack("<IqI", GL_ARRAY_BUFFER, 4 * ring.size, GL_STATIC_DRAW) +
                           blob(b"\x5a" * (4 * ring.size))))
    check(ok and glGetError_in_ring(c, ring) == GL_NO_ERROR,
          "a message four times larger than the ring flows through in pieces")
    c.close()

    # Replies: small ones in the shared reply area, larger ones on the socket.
    c, ring = ring_client()
    n = 128 << 10
    ring.send(message(OP["glsGenObjects"], gen(OBJ_BUFFER, [3])) +
              message(OP["glBindBuffer"], struct.pack("<II", GL_ARRAY_BUFFER, 3)) +
              message(OP["glBufferData"], struct.pack("<IqI", GL_ARRAY_BUFFER, n, GL_STATIC_DRAW) +
                      blob(bytes(range(256)) * (n // 256))) +
              message(OP["glsMapBufferRead"], struct.pack("<Iqq", GL_ARRAY_BUFFER, 0, n)))
    reply = ring.reply()
    check(reply is not None and reply[:4] == struct.pack("<I", n) and reply[4:4 + n] == bytes(range(256)) * (n // 256),
          "a 128 KiB reply (larger than the reply area) comes on the socket, intact")
    check(glGetError_in_ring(c, ring) == GL_NO_ERROR, "the next reply comes through the reply area again")
    c.close()

    # A message rewritten after the worker copied it: the copy runs.
    c, ring = ring_client()
    ring.send(message(OP["glEnable"], struct.pack("<I", GL_SCISSOR_TEST)))
    check(ring.wait_copied(), "the worker copies a published message out")
    ring.write(message(0, b"\0" * 4), at=0)
    check(glGetError_in_ring(c, ring) == GL_NO_ERROR, "a message changed after it was copied out runs as sent")
    c.close()

    # Rewritten while the worker may be reading it: whichever version it
    # copies, it either runs it or ends with a logged reason; never more.
    c, ring = ring_client()
    good, bad = message(OP["glEnable"], struct.pack("<I", GL_SCISSOR_TEST)), message(0, b"\0" * 4)
    for i in range(2000):
        at = ring.tail
        ring.send(good)
        ring.write(bad, at=at)
    got = glGetError_in_ring(c, ring)
    check(got == GL_NO_ERROR or ends_with_reason(session, c, "unknown opcode 0"),
          f"messages flipped while published: run or a clean disconnect (glGetError {got})")
    c.close()

    for name, action, reason in (
            ("tail far ahead of head", lambda ring: ring.publish(1 << 63),
             "inconsistent command ring: tail 9223372036854775808, head 8"),
            ("tail behind head", lambda ring: (ring.send(message(OP["glEnable"], struct.pack("<I", GL_SCISSOR_TEST))),
                                              ring.wait_copied(), ring.publish(4)),
             "inconsistent command ring: tail 4, head 20"),
            ("tail one byte more than the ring holds", lambda ring: ring.publish(ring.tail + ring.size + 1),
             "inconsistent command ring: tail 65545, head 8"),
            ("an oversize message in the ring", lambda ring: ring.send(message(1, size=0xFFFFFFFC)),
             "malformed message header"),
            ("the doorbell closed", lambda ring: ring.bell.close(), "closed the command ring's doorbell")):
        c, ring = ring_client()
        check(glGetError_in_ring(c, ring) == GL_NO_ERROR, f"{name}: the ring works first")
        action(ring)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


def confinement_cases(session, sock, server):
    c = Client(sock).setup()
    check(c.get_error() == GL_NO_ERROR, "a raw client gets a context")
    pids = workers_of(server.pid)
    check(len(pids) == 1, "one worker for the client")
    if pids:
        pid = pids[0]
        check(proc_field(pid, "Seccomp:") == "2", f"worker {pid} runs under a seccomp filter (Seccomp: 2)")
        check(proc_field(pid, "NoNewPrivs:") == "1", f"worker {pid} has no_new_privs (NoNewPrivs: 1)")
        data = proc_field(pid, "Max data size", "limits") or ""
        check(data.split()[:1] == [str(2048 << 20)], f"worker memory limit 2 GiB (Max data size {data})")
        core = proc_field(pid, "Max core file size", "limits") or ""
        check(core.split()[:1] == ["0"], "worker core dumps off")
        nofile = proc_field(pid, "Max open files", "limits") or ""
        check(nofile.split()[:1] == ["64"], f"worker open files limited ({nofile})")
    c.close()


def quota_cases():
    with glslib.Session(prefix="glstream-quota-") as small:
        sock = small.start_server(extra_args=["-v", "--max-objects", "1000"])
        c = Client(sock).setup()
        c.send("glsGenObjects", gen(OBJ_TEXTURE, list(range(1, 901))))
        check(c.get_error() == GL_NO_ERROR, "--max-objects 1000: 900 objects are fine")
        c.send("glsDeleteObjects", gen(OBJ_TEXTURE, list(range(1, 501))))
        c.send("glsGenObjects", gen(OBJ_BUFFER, list(range(1, 501))))
        check(c.get_error() == GL_NO_ERROR, "--max-objects 1000: deleted names are given back")
        c.send("glsGenObjects", gen(OBJ_TEXTURE, list(range(2000, 12000))))
        check(ends_with_reason(small, c, "object quota exceeded"),
              "--max-objects 1000: 10,000 more objects end the client with a logged reason")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tcp_cases(session, api_test):
    server_bin = os.environ["GLSTREAM_SERVER_BIN"]
    cookie = os.path.join(session.tmpdir, "cfg", "glstream", "cookie")
    port = free_port()
    log = os.path.join(session.tmpdir, "tcp-server.log")
    env = dict(session.env, XDG_CONFIG_HOME=os.path.join(session.tmpdir, "cfg"))
    env.pop("GLSTREAM_COOKIE", None)
    env.pop(glslib.GLVND_VENDOR_VAR, None)  # the server renders with the host's EGL
    env.pop("GLSTREAM_SERVER", None)
    with open(log, "wb") as logf:
        server = session.spawn("tcp-server", [server_bin, "-v", "--tcp", f"127.0.0.1:{port}"],
                               stdout=logf, stderr=logf, env=env)
    deadline = time.monotonic() + 10
    while not os.path.exists(cookie) or "listening on tcp" not in glslib.read_text(log):
        if time.monotonic() > deadline or server.poll() is not None:
            check(False, "TCP server starts:\n" + glslib.read_text(log))
            return
        time.sleep(0.05)
    st = os.stat(cookie)
    check(st.st_size == 32 and st.st_mode & 0o777 == 0o600, "the TCP cookie is created: 32 bytes, mode 600")
    token = open(cookie, "rb").read()
    addr = ("127.0.0.1", port)
    s, welcome = connect(addr)
    check(welcome is not None and welcome[2] == WELCOME_AUTH_FAILED and closed_by_server(s),
          "TCP without a token: refused (status 3) and closed")
    s, welcome = connect(addr, token=bytes(32))
    check(welcome is not None and welcome[2] == WELCOME_AUTH_FAILED and closed_by_server(s),
          "TCP with a wrong token: refused and closed")
    time.sleep(0.3)
    text = glslib.read_text(log)
    check("no authentication token" in text and "wrong authentication token" in text,
          "TCP refusals are logged")
    c = Client(addr, token=token)
    check(c.welcome[2] == WELCOME_OK, "TCP with the cookie's token: accepted")
    c.setup()
    check(c.get_error() == GL_NO_ERROR, "TCP with the cookie: GL works")
    c.close()
    env = dict(session.env, GLSTREAM_SERVER=f"tcp:127.0.0.1:{port}", GLSTREAM_COOKIE=cookie)
    check(session.run([api_test], timeout=120, env=env, stdout=subprocess.DEVNULL) == 0,
          "the real client library authenticates over TCP (GLSTREAM_COOKIE) and passes the API test")


def main():
    glslib.install_signal_handlers()
    api_test, validate_test = sys.argv[1], sys.argv[2]
    with glslib.Session() as session:
        try:
            session.start_xvfb()
            sock = session.start_server(extra_args=["-v"])
            server = [p for n, p in session.procs if n == "glstream-server"][0]
            confinement_cases(session, sock, server)
            # A well-behaved client renders beside the hostile ones.
            good = session.spawn("good", [api_test], stdout=subprocess.DEVNULL)
            bad_client_cases(session, sock)
            frame_memory_cases(session, sock)
            ring_cases(session, sock)
            khr_debug_cases(session, sock)
            es3_buffer_cases(session, sock)
            compute_cases(session, sock)
            vertex3_cases(session, sock)
            es3_framebuffer_cases(session, sock)
            es31_program_cases(session, sock)
            check(good.wait(timeout=180) == 0, "a well-behaved client beside them passes the API test")
            check(server.poll() is None, "the server survives every hostile client")
            check(session.run([api_test], timeout=120, stdout=subprocess.DEVNULL) == 0,
                  "a well-behaved client after them passes the API test")
            quota_cases()
            validation_cases(api_test, validate_test)
            tcp_cases(session, api_test)
        except glslib.HarnessError as e:
            check(False, f"harness: {e}")
        if check.failed:
            session.dump_logs()
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
