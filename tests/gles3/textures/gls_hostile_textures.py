#!/usr/bin/env python3
"""Hostile clients against the worker's checks of the es3 textures group (3D
images, immutable storage, pixel buffer transfers, the ES 3.0 pixel store
and texture parameters): each case speaks the wire raw in an ES 3.0 context
and must get a GL error (the worker goes on) or a clean disconnect with a
logged reason, while the server survives them all. --max-gl-memory bounds
3D images and immutable storage like 2D levels."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "harness"))
import glslib  # noqa: E402
import glswire  # noqa: E402
from glswire import (OP, Client, GL_INVALID_ENUM, GL_INVALID_OPERATION, GL_NO_ERROR,  # noqa: E402
                     GL_OUT_OF_MEMORY, GL_RGBA, GL_UNSIGNED_BYTE, OBJ_TEXTURE, blob, closed_by_server,
                     message)

# protocol/commands.txt, es3 textures
OP3 = dict(glTexImage3D=540, glTexSubImage3D=541, glCopyTexSubImage3D=542, glCompressedTexImage3D=543,
           glCompressedTexSubImage3D=544, glTexStorage2D=545, glTexStorage3D=546, glsTexImage3DNull=547,
           glsUnpackBufferImage=548, glsPackBufferReadPixels=549,
           # ES 2.0 commands glswire does not list
           glTexParameteri=208, glReadPixels=192, glTexSubImage2D=210, glCompressedTexImage2D=121)
GL_TEXTURE_2D, GL_TEXTURE_3D, GL_TEXTURE_2D_ARRAY = 0x0DE1, 0x806F, 0x8C1A
GL_RGBA8, GL_RGBA32F, GL_FLOAT = 0x8058, 0x8814, 0x1406
GL_TEXTURE_WRAP_R, GL_TEXTURE_SWIZZLE_R, GL_TEXTURE_COMPARE_MODE = 0x8072, 0x8E42, 0x884C
GL_UNPACK_IMAGE_HEIGHT, GL_UNPACK_SKIP_IMAGES, GL_PACK_ROW_LENGTH = 0x806E, 0x806D, 0x0D02
GL_NEAREST, GL_LESS, GL_COMPRESSED_RGB8_ETC2, GL_COMPRESSED_RGBA8_ETC2_EAC = 0x2600, 0x0201, 0x9274, 0x9278

check = glslib.Checks()


def m3(name, fmt, *values):
    return message(OP3[name], struct.pack(fmt, *values))


def bound(target, name=40):
    return (message(OP["glsGenObjects"], struct.pack("<III", OBJ_TEXTURE, 1, name)) +
            message(OP["glBindTexture"], struct.pack("<II", target, name)))


def image_3d(target, w, h, d, fmt=GL_RGBA, type_=GL_UNSIGNED_BYTE, internal=GL_RGBA8):
    return struct.pack("<IiiiiiiII", target, 0, internal, w, h, d, 0, fmt, type_)


GL_PIXEL_PACK_BUFFER, GL_PIXEL_UNPACK_BUFFER, GL_STREAM_DRAW = 0x88EB, 0x88EC, 0x88E0


def pixel_buffer(target, size, name=50):
    """A buffer of `size` bytes bound to target, and texture 40 (2D) bound."""
    return (message(OP["glsGenObjects"], struct.pack("<III", 0, 1, name)) +
            message(OP["glBindBuffer"], struct.pack("<II", target, name)) +
            message(OP["glsBufferDataNull"], struct.pack("<IqI", target, size, GL_STREAM_DRAW)) +
            bound(GL_TEXTURE_2D))


def unpack_2d(offset, row_length=0, skip_rows=0, skip_pixels=0, w=4, h=4, command="glTexImage2D"):
    params = ((GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE) if command == "glTexImage2D" else
              (GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE))
    return m3("glsUnpackBufferImage", "<I5i8iq", OP.get(command) or OP3[command],
              row_length, 0, skip_rows, skip_pixels, 0, *params, offset)


def unpack_3d(offset, image_height=0, skip_images=0, d=2):
    return m3("glsUnpackBufferImage", "<I5i9iq", OP3["glTexImage3D"], 0, image_height, 0, 0, skip_images,
              GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, 4, 4, d, 0, GL_RGBA, GL_UNSIGNED_BYTE, offset)


def pack(offset, row_length=0, skip_rows=0, w=4, h=4):
    return m3("glsPackBufferReadPixels", "<3i4iIIq", row_length, skip_rows, 0, 0, 0, w, h, GL_RGBA,
              GL_UNSIGNED_BYTE, offset)


def ends_with_reason(session, c, reason):
    ended = closed_by_server(c.s, 30)
    return ended and reason in glslib.read_text(session.server_log)


def disconnect_cases(session, sock):
    cases = [
        ("glTexImage3D of 4x4x4 carrying 4 bytes", 30,
         bound(GL_TEXTURE_3D) + message(OP3["glTexImage3D"], image_3d(GL_TEXTURE_3D, 4, 4, 4) + blob(b"\0" * 4)),
         "glTexImage3D of 4x4x4 carries 4 bytes, not 256"),
        ("glTexImage3D whose size overflows 64 bits", 30,
         bound(GL_TEXTURE_3D) +
         message(OP3["glTexImage3D"], image_3d(GL_TEXTURE_3D, 0x7fffffff, 0x7fffffff, 0x7fffffff, GL_RGBA, GL_FLOAT) +
                 blob(b"\0" * 4)),
         "glTexImage3D of 2147483647x2147483647x2147483647 carries 4 bytes"),
        ("glTexSubImage3D of 2x2x2 carrying 12 bytes", 30,
         bound(GL_TEXTURE_3D) +
         message(OP3["glTexSubImage3D"], struct.pack("<IiiiiiiiII", GL_TEXTURE_3D, 0, 0, 0, 0, 2, 2, 2, GL_RGBA,
                                                     GL_UNSIGNED_BYTE) + blob(b"\0" * 12)),
         "glTexSubImage3D of 2x2x2 carries 12 bytes, not 32"),
        ("glCompressedTexImage3D whose imageSize is not the bytes sent", 30,
         bound(GL_TEXTURE_2D_ARRAY) +
         message(OP3["glCompressedTexImage3D"], struct.pack("<IiIiiiii", GL_TEXTURE_2D_ARRAY, 0,
                                                            GL_COMPRESSED_RGB8_ETC2, 4, 4, 2, 0, 1 << 30) +
                 blob(b"\0" * 16)),
         "glCompressedTexImage3D of 1073741824 bytes carries 16"),
        ("an unpack buffer upload with no unpack buffer bound", 30,
         bound(GL_TEXTURE_2D) +
         m3("glsUnpackBufferImage", "<I5i8iq", OP["glTexImage2D"], 0, 0, 0, 0, 0,
            GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, 0),
         "bad glsUnpackBufferImage"),
        ("an unpack buffer upload of an unknown command", 30,
         m3("glsUnpackBufferImage", "<I5iq", OP["glClear"], 0, 0, 0, 0, 0, 0), "bad glsUnpackBufferImage"),
        ("an unpack buffer upload with a negative skip", 30,
         m3("glsUnpackBufferImage", "<I5i8iq", OP["glTexImage2D"], 0, 0, -5, 0, 0,
            GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, 0),
         "bad glsUnpackBufferImage"),
        ("glReadPixels into a pack buffer with none bound", 30,
         m3("glsPackBufferReadPixels", "<3i4iIIq", 0, 0, 0, 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 1 << 40),
         "bad glsPackBufferReadPixels"),
        ("glsTexImage3DNull in an ES 2.0 context", 20,
         m3("glsTexImage3DNull", "<IiiiiiiII", GL_TEXTURE_3D, 0, GL_RGBA8, 4, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE),
         "glsTexImage3DNull outside OpenGL ES 3.0"),
        ("glTexStorage3D in an ES 2.0 context", 20,
         m3("glTexStorage3D", "<IiIiii", GL_TEXTURE_3D, 1, GL_RGBA8, 4, 4, 4),
         "glTexStorage3D: a command of an OpenGL ES version this context is not offered"),
        ("client memory upload while an unpack buffer is bound", 30,
         pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) +
         message(OP["glTexImage2D"], struct.pack("<IiiiiiII", GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA,
                                                 GL_UNSIGNED_BYTE) + blob(b"\0" * 4)),
         "client memory transfer while a pixel buffer is bound"),
        ("client memory readback while a pack buffer is bound", 30,
         pixel_buffer(GL_PIXEL_PACK_BUFFER, 64) +
         message(OP3["glReadPixels"], struct.pack("<iiiiII", 0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE)),
         "client memory transfer while a pixel buffer is bound"),
        ("glTexImage3D in an ES 2.0 context", 20,
         message(OP3["glTexImage3D"], image_3d(GL_TEXTURE_3D, 1, 1, 1) + blob(b"\0" * 4)),
         "glTexImage3D: a command of an OpenGL ES version this context is not offered"),
    ]
    for name, cap, data, reason in cases:
        c = Client(sock).setup(version_cap=cap)
        c.s.sendall(data)
        check(ends_with_reason(session, c, reason), f"{name}: clean disconnect, logged '{reason}'")
        c.close()


def error_cases(sock):
    cases = [
        # --max-gl-memory (2 GiB by default): 3D images and storage count
        ("glsTexImage3DNull of 2048^3 RGBA8 (32 GiB)", bound(GL_TEXTURE_3D) +
         m3("glsTexImage3DNull", "<IiiiiiiII", GL_TEXTURE_3D, 0, GL_RGBA8, 2048, 2048, 2048, 0, GL_RGBA,
            GL_UNSIGNED_BYTE), GL_OUT_OF_MEMORY),
        ("glsTexImage3DNull of 16384x16384x64 layers (64 GiB)", bound(GL_TEXTURE_2D_ARRAY) +
         m3("glsTexImage3DNull", "<IiiiiiiII", GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, 16384, 16384, 64, 0, GL_RGBA,
            GL_UNSIGNED_BYTE), GL_OUT_OF_MEMORY),
        ("glTexStorage3D of 2048^3 RGBA32F, 12 levels", bound(GL_TEXTURE_3D) +
         m3("glTexStorage3D", "<IiIiii", GL_TEXTURE_3D, 12, GL_RGBA32F, 2048, 2048, 2048), GL_OUT_OF_MEMORY),
        ("glTexStorage3D of 8192x8192x32 layers RGBA8", bound(GL_TEXTURE_2D_ARRAY) +
         m3("glTexStorage3D", "<IiIiii", GL_TEXTURE_2D_ARRAY, 1, GL_RGBA8, 8192, 8192, 32), GL_OUT_OF_MEMORY),
        ("glTexStorage2D of 16384^2 RGBA32F, 15 levels", bound(GL_TEXTURE_2D) +
         m3("glTexStorage2D", "<IiIii", GL_TEXTURE_2D, 15, GL_RGBA32F, 16384, 16384), GL_OUT_OF_MEMORY),
        ("glTexStorage3D within the limit", bound(GL_TEXTURE_2D_ARRAY) +
         m3("glTexStorage3D", "<IiIiii", GL_TEXTURE_2D_ARRAY, 3, GL_RGBA8, 64, 64, 8), GL_NO_ERROR),
        ("glTexImage3D with a 2D target", bound(GL_TEXTURE_3D) +
         message(OP3["glTexImage3D"], image_3d(GL_TEXTURE_2D, 1, 1, 1) + blob(b"\0" * 4)), GL_INVALID_ENUM),
        ("glTexStorage3D of an unsized format", bound(GL_TEXTURE_3D) +
         m3("glTexStorage3D", "<IiIiii", GL_TEXTURE_3D, 1, GL_RGBA, 4, 4, 4), GL_INVALID_ENUM),
        # the pixel store on the wire stays the alignments: row length,
        # image height and skips would make the driver read other bytes
        ("glPixelStorei GL_UNPACK_IMAGE_HEIGHT on the wire",
         message(OP["glPixelStorei"], struct.pack("<Ii", GL_UNPACK_IMAGE_HEIGHT, 1 << 20)), GL_INVALID_ENUM),
        ("glPixelStorei GL_UNPACK_SKIP_IMAGES on the wire",
         message(OP["glPixelStorei"], struct.pack("<Ii", GL_UNPACK_SKIP_IMAGES, 1 << 20)), GL_INVALID_ENUM),
        ("glPixelStorei GL_PACK_ROW_LENGTH on the wire",
         message(OP["glPixelStorei"], struct.pack("<Ii", GL_PACK_ROW_LENGTH, 1 << 20)), GL_INVALID_ENUM),
        ("GL_TEXTURE_WRAP_R of GL_NEAREST", bound(GL_TEXTURE_3D) +
         m3("glTexParameteri", "<III", GL_TEXTURE_3D, GL_TEXTURE_WRAP_R, GL_NEAREST), GL_INVALID_ENUM),
        ("GL_TEXTURE_COMPARE_MODE of GL_LESS", bound(GL_TEXTURE_3D) +
         m3("glTexParameteri", "<III", GL_TEXTURE_3D, GL_TEXTURE_COMPARE_MODE, GL_LESS), GL_INVALID_ENUM),
        ("GL_TEXTURE_SWIZZLE_R of GL_RGBA", bound(GL_TEXTURE_3D) +
         m3("glTexParameteri", "<III", GL_TEXTURE_3D, GL_TEXTURE_SWIZZLE_R, GL_RGBA), GL_INVALID_ENUM),
        # pixel buffers: every byte the driver would touch lies in the buffer
        ("an upload within a 64-byte unpack buffer", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) + unpack_2d(0),
         GL_NO_ERROR),
        ("an upload at offset 4 of a 64-byte unpack buffer", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) + unpack_2d(4),
         GL_INVALID_OPERATION),
        ("an upload at offset 2^63 + 4", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) + unpack_2d(-(1 << 63) + 4),
         GL_INVALID_OPERATION),
        ("an upload at offset 2^64 - 4", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) + unpack_2d(-4),
         GL_INVALID_OPERATION),
        ("a row length of 2^31 - 1", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) + unpack_2d(0, row_length=0x7fffffff),
         GL_INVALID_OPERATION),
        ("skip rows of 2^31 - 1 with a row length of 2^31 - 1", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) +
         unpack_2d(0, row_length=0x7fffffff, skip_rows=0x7fffffff), GL_INVALID_OPERATION),
        ("skip pixels of 2^31 - 1 in a sub-image", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) +
         unpack_2d(0, skip_pixels=0x7fffffff, command="glTexSubImage2D"), GL_INVALID_OPERATION),
        ("a 3D upload with skip images of 2^31 - 1", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 1024) +
         bound(GL_TEXTURE_2D_ARRAY, 41) + unpack_3d(0, image_height=0x7fffffff, skip_images=0x7fffffff),
         GL_INVALID_OPERATION),
        ("a 3D upload within a 128-byte buffer", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 128) +
         bound(GL_TEXTURE_2D_ARRAY, 41) + unpack_3d(0), GL_NO_ERROR),
        ("a 3D upload whose image height passes a 128-byte buffer", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 128) +
         bound(GL_TEXTURE_2D_ARRAY, 41) + unpack_3d(0, image_height=5), GL_INVALID_OPERATION),
        ("a compressed upload past the buffer", pixel_buffer(GL_PIXEL_UNPACK_BUFFER, 64) +
         m3("glsUnpackBufferImage", "<I5i7iq", OP3["glCompressedTexImage2D"], 0, 0, 0, 0, 0,
            GL_TEXTURE_2D, 0, GL_COMPRESSED_RGB8_ETC2, 4, 4, 0, 8, 60), GL_INVALID_OPERATION),
        ("a readback within a 64-byte pack buffer", pixel_buffer(GL_PIXEL_PACK_BUFFER, 64) + pack(0), GL_NO_ERROR),
        ("a readback at offset 8 of a 64-byte pack buffer", pixel_buffer(GL_PIXEL_PACK_BUFFER, 64) + pack(8),
         GL_INVALID_OPERATION),
        ("a readback with a row length of 2^31 - 1", pixel_buffer(GL_PIXEL_PACK_BUFFER, 64) +
         pack(0, row_length=0x7fffffff), GL_INVALID_OPERATION),
        ("a readback at offset 2^64 - 8", pixel_buffer(GL_PIXEL_PACK_BUFFER, 64) + pack(-8), GL_INVALID_OPERATION),
        # compressed images without bytes: zero blocks only of the image's own size
        ("glCompressedTexImage3D without bytes claiming 2^31 - 1", bound(GL_TEXTURE_2D_ARRAY) +
         message(OP3["glCompressedTexImage3D"], struct.pack("<IiIiiiii", GL_TEXTURE_2D_ARRAY, 0,
                                                            GL_COMPRESSED_RGB8_ETC2, 4, 4, 2, 0, 0x7fffffff) +
                 blob(b"")), 0x501),
        ("glCompressedTexImage3D without bytes, of its size", bound(GL_TEXTURE_2D_ARRAY) +
         message(OP3["glCompressedTexImage3D"], struct.pack("<IiIiiiii", GL_TEXTURE_2D_ARRAY, 0,
                                                            GL_COMPRESSED_RGB8_ETC2, 8, 8, 2, 0, 64) + blob(b"")),
         GL_NO_ERROR),
        ("glCopyTexSubImage3D into a level the worker does not know", bound(GL_TEXTURE_3D) +
         m3("glCopyTexSubImage3D", "<Iiiiiiiii", GL_TEXTURE_3D, 0, 0, 0, 0, -100, -100, 1 << 20, 1 << 20),
         GL_INVALID_OPERATION),
    ]
    glswire.error_cases(check, sock, cases, version_cap=30)


def accumulation_case():
    """3D textures add up to --max-gl-memory (256 MiB here) across objects."""
    with glslib.Session() as small:
        small.start_xvfb()
        sock = small.start_server(extra_args=[f"--max-gl-memory={256 << 20}"])
        c = Client(sock).setup(version_cap=30)
        errors = []
        for i in range(6):  # 64 MiB each
            c.s.sendall(bound(GL_TEXTURE_3D, 100 + i) +
                        m3("glsTexImage3DNull", "<IiiiiiiII", GL_TEXTURE_3D, 0, GL_RGBA8, 256, 256, 256, 0, GL_RGBA,
                           GL_UNSIGNED_BYTE))
            errors.append(c.get_error())
        check(errors[:3] == [GL_NO_ERROR] * 3 and GL_OUT_OF_MEMORY in errors,
              f"64 MiB 3D textures until --max-gl-memory=256MiB: {[hex(e) for e in errors if e is not None]}")
        c.close()
        # a compressed image without bytes (zero blocks) of 320 MiB
        c = Client(sock).setup(version_cap=30)
        c.s.sendall(bound(GL_TEXTURE_2D_ARRAY) +
                    message(OP3["glCompressedTexImage3D"],
                            struct.pack("<IiIiiiii", GL_TEXTURE_2D_ARRAY, 0, GL_COMPRESSED_RGBA8_ETC2_EAC, 8192, 8192,
                                        5, 0, 8192 * 8192 * 5) + blob(b"")))
        got = c.get_error()
        check(got == GL_OUT_OF_MEMORY, f"a compressed image of 320 MiB without bytes: GL error {got}")
        c.close()


def main():
    def cases(session, sock):
        disconnect_cases(session, sock)
        error_cases(sock)
        accumulation_case()

    return glslib.run_hostile(check, cases, ["-v", f"--max-gl-memory={2 << 30}"])


if __name__ == "__main__":
    sys.exit(main())
