"""Raw glstream wire protocol for tests that play a (hostile) client:
handshake, message framing, replies (see docs/protocol.md)."""
import mmap
import os
import socket
import struct
import time

MAGIC = 0x534C4721
VERSION = 1
HELLO_TOKEN = 1
MSG_REPLY, MSG_FRAME, MSG_FRAME_SHARED = 1, 2, 3
FRAME_SLOTS = 3
CAP_SHARED_FRAMES, CAP_SHM_RING = 2, 4
WELCOME_OK, WELCOME_BAD_VERSION, WELCOME_BAD_MAGIC, WELCOME_AUTH_FAILED = 0, 1, 2, 3

# opcodes (protocol/commands.txt)
OP = dict(glsSetError=1, glsGetConfigs=2, glsCreateContext=4, glsCreatePbufferSurface=7,
          glsMakeCurrent=9, glsGenObjects=18, glsDeleteObjects=19, glsCreateShaderProgram=20,
          glsTexImage2DNull=21, glsBufferDataNull=26, glBindBuffer=103, glBindTexture=106,
          glBufferData=112, glClear=115, glClearColor=116, glFinish=144, glGetError=160,
          glTexImage2D=205, glUseProgram=230, glsCreateWindowSurface=6, glsSwapBuffers=10,
          glsAttachFrameMemory=28, glEnable=142, glScissor=196, glPixelStorei=190,
          glsCreateSync=29, glsClientWaitSync=31, glsClientArray=23, glDrawArrays=140,
          glEnableVertexAttribArray=143, glsSurfaceColorspace=40, glsCreateImage=41,
          glsDestroyImage=42, glEGLImageTargetTexture2DOES=400,
          glDrawArraysInstancedEXT=317, glDrawElementsInstancedEXT=318,
          glVertexAttribPointer=240, glDrawElements=141, glBindRenderbuffer=105, glRenderbufferStorage=194,
          glBindProgramPipelineEXT=340, glUseProgramStagesEXT=342, glCreateShaderProgramvEXT=344,
          glsAttachRing=35, glFlush=145, glsMapBufferRead=27)
# es3 vertex (OpenGL ES 3.0 commands: Client.setup(es_version=30))
OP.update(glsDrawElementsInline=22, glVertexAttribIPointer=622, glVertexAttribDivisor=629,
          glDrawArraysInstanced=630, glDrawElementsInstanced=631, glDrawRangeElements=632,
          glProgramBinary=650, glDisable=138)
OBJ_BUFFER, OBJ_TEXTURE, OBJ_RENDERBUFFER, OBJ_PROGRAM_PIPELINE = 0, 1, 2, 6
GL_NO_ERROR, GL_INVALID_ENUM, GL_INVALID_VALUE, GL_INVALID_OPERATION, GL_OUT_OF_MEMORY = \
    0, 0x500, 0x501, 0x502, 0x505
GL_TEXTURE_2D, GL_ARRAY_BUFFER, GL_RGBA, GL_UNSIGNED_BYTE, GL_STATIC_DRAW = \
    0x0DE1, 0x8892, 0x1908, 0x1401, 0x88E4
GL_ELEMENT_ARRAY_BUFFER, GL_FLOAT, GL_UNSIGNED_SHORT, GL_RENDERBUFFER, GL_RGBA8_OES = \
    0x8893, 0x1406, 0x1403, 0x8D41, 0x8058


def recv_exact(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def hello(version=VERSION, magic=MAGIC, token=None, flags=None):
    if flags is None:
        flags = HELLO_TOKEN if token is not None else 0
    return struct.pack("<4I", magic, version, flags, 0) + (token or b"")


def connect(address, version=VERSION, magic=MAGIC, token=None, timeout=10):
    """Connects (a unix socket path, or a (host, port) tuple), sends the
    hello; returns (socket, welcome tuple of 8 u32, or None)."""
    family = socket.AF_UNIX if isinstance(address, str) else socket.AF_INET
    s = socket.socket(family, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(address)
    s.sendall(hello(version, magic, token))
    welcome = recv_exact(s, 32)
    return s, struct.unpack("<8I", welcome) if welcome else None


def message(opcode, payload=b"", size=None, flags=0):
    if size is None:
        size = 8 + len(payload)
    return struct.pack("<HHI", opcode, flags, size) + payload


def blob(data):
    return struct.pack("<I", len(data)) + data + b"\0" * (-len(data) % 4)


def closed_by_server(s, timeout=30):
    """True when the server closes the connection (EOF) within timeout."""
    s.settimeout(timeout)
    try:
        while True:
            data = s.recv(65536)
            if not data:
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


def read_reply(s):
    """The next REPLY's payload (FRAME messages are skipped); None at EOF."""
    while True:
        header = recv_exact(s, 8)
        if header is None:
            return None
        opcode, _flags, size = struct.unpack("<HHI", header)
        payload = recv_exact(s, size - 8) if size > 8 else b""
        if payload is None:
            return None
        if opcode == MSG_REPLY:
            return payload


class Client:
    """A raw client with a context current on a small pbuffer."""

    def __init__(self, address, token=None):
        self.s, self.welcome = connect(address, token=token)
        self.s.settimeout(60)

    def send(self, name, payload=b""):
        self.s.sendall(message(OP[name], payload))

    def setup(self, version_cap=20, es_version=None):
        """A context offered OpenGL ES version_cap (10 * major + minor: 20
        for 2.0, 30 for 3.0) at most; es_version is another name for it."""
        self.send("glsGetConfigs")
        reply = read_reply(self.s)
        n = struct.unpack_from("<I", reply)[0]
        nattr = (len(reply) - 4) // (4 * n)
        config = None
        for i in range(n):
            a = struct.unpack_from(f"<{nattr}i", reply, 4 + 4 * nattr * i)
            # EGL_CONFIG_ID index 11, EGL_RENDERABLE_TYPE 23 (ES2 bit 4), EGL_SURFACE_TYPE 27 (pbuffer 1)
            if a[23] & 4 and a[27] & 1 and a[1] == 8:
                config = a[11]
                break
        self.config = config
        # client version 2, offered version capped at ES 2.0 (the raw
        # tests speak ES 2.0; GLSTREAM_ES_VERSION's wire field)
        self.send("glsCreateContext", struct.pack("<IiIii", 1, config, 0, 2, es_version if es_version is not None else version_cap))
        self.send("glsCreatePbufferSurface", struct.pack("<Iiiiiii", 1, config, 64, 64, 0x305C, 0x305C, 0))
        self.send("glsMakeCurrent", struct.pack("<III", 1, 1, 1))
        return self

    def get_error(self):
        """glGetError through the server; None when the connection ended."""
        try:
            self.send("glGetError")
            reply = read_reply(self.s)
        except OSError:
            return None
        return None if reply is None else struct.unpack_from("<I", reply)[0]

    def close(self):
        self.s.close()


# The shared-memory command ring (common/gls_ring.h): a control page, the
# data, then the reply area; tail (u64) at 0, head (u64) at 64, reply_seq
# and reply_size (u32) at 128 and 132.
RING_CONTROL = 4096
RING_REPLY_AREA = 64 << 10
RING_TAIL, RING_HEAD, RING_REPLY_SEQ, RING_REPLY_SIZE = 0, 64, 128, 132
RING_REPLY_ON_SOCKET = 0xFFFFFFFF


def error_cases(check, sock, cases, version_cap=20, prefix=b""):
    """Each case (name, [cap,] data, expected GL error) on a fresh client
    with a context capped at version_cap (or the case's own cap): prefix +
    data sent, then glGetError must answer the expected error."""
    for case in cases:
        name, cap, data, error = case if len(case) == 4 else (case[0], version_cap, case[1], case[2])
        c = Client(sock).setup(version_cap=cap)
        c.s.sendall(prefix + data)
        got = c.get_error()
        check(got == error, f"{name}: GL error {got if got is None else hex(got)}, expected {hex(error)}")
        c.close()


class Ring:
    """A client's command ring, attached with glsAttachRing, written by hand
    (so that tests can also write it wrongly)."""

    def __init__(self, client, size=1 << 16, seal=True, memory_size=None):
        fd = os.memfd_create("test-ring", os.MFD_ALLOW_SEALING)
        os.ftruncate(fd, memory_size or RING_CONTROL + size + RING_REPLY_AREA)
        if seal:
            import fcntl
            fcntl.fcntl(fd, fcntl.F_ADD_SEALS, fcntl.F_SEAL_SHRINK)
        self.bell, peer = socket.socketpair()
        socket.send_fds(client.s, [message(OP["glsAttachRing"], struct.pack("<I", size))], [fd, peer.fileno()])
        peer.close()
        self.mem = mmap.mmap(fd, RING_CONTROL)
        self.data = mmap.mmap(fd, memory_size or RING_CONTROL + size + RING_REPLY_AREA)
        os.close(fd)
        self.size = size
        self.tail = 0
        self.replies = 0
        self.client = client

    def head(self):
        return struct.unpack_from("<Q", self.mem, RING_HEAD)[0]

    def write(self, data, at=None):
        """Copies data at byte `at` of the stream (default: the tail), with the wrap."""
        pos = self.tail if at is None else at
        for i in range(0, len(data), 4096):
            piece = data[i:i + 4096]
            for j, b in enumerate(_wrapped(pos + i, len(piece), self.size)):
                start, length, off = b
                self.data[RING_CONTROL + start:RING_CONTROL + start + length] = piece[off:off + length]
        if at is None:
            self.tail += len(data)

    def publish(self, tail=None):
        struct.pack_into("<Q", self.mem, RING_TAIL, self.tail if tail is None else tail)
        try:
            self.bell.send(b"d", socket.MSG_DONTWAIT)
        except OSError:
            pass

    def send(self, data, timeout=30):
        """Writes data in pieces that fit, waiting for the worker to make room."""
        deadline = time.monotonic() + timeout
        done = 0
        while done < len(data):
            free = self.size - (self.tail - self.head())
            if free == 0:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.001)
                continue
            n = min(free, len(data) - done)
            self.write(data[done:done + n])
            done += n
            self.publish()
        return True

    def reply(self, timeout=30):
        """The next reply's payload (from the reply area, or the socket when
        it is too large); None when the worker ended first."""
        deadline = time.monotonic() + timeout
        while struct.unpack_from("<I", self.mem, RING_REPLY_SEQ)[0] != self.replies + 1:
            if time.monotonic() > deadline:
                return None
            saved = self.client.s.gettimeout()
            self.client.s.setblocking(False)
            try:
                if self.client.s.recv(1, socket.MSG_PEEK) == b"":
                    return None  # the worker closed the connection
            except BlockingIOError:
                pass
            except OSError:
                return None
            finally:
                self.client.s.settimeout(saved)
            time.sleep(0.0005)
        self.replies += 1
        size = struct.unpack_from("<I", self.mem, RING_REPLY_SIZE)[0]
        if size == RING_REPLY_ON_SOCKET:
            return read_reply(self.client.s)
        start = RING_CONTROL + self.size
        return bytes(self.data[start:start + size])

    def wait_copied(self, timeout=30):
        deadline = time.monotonic() + timeout
        while self.head() != self.tail and time.monotonic() < deadline:
            time.sleep(0.001)
        return self.head() == self.tail


def _wrapped(pos, length, size):
    """(start, length, offset in piece) spans of `length` bytes at stream byte `pos`."""
    start = pos % size
    first = min(length, size - start)
    spans = [(start, first, 0)]
    if first < length:
        spans.append((0, length - first, first))
    return spans
