#!/bin/sh
# Records command streams of real programs (es2gears, glmark2-es2 scenes)
# with GLSTREAM_RECORD and writes them, cut to at most MAX_BYTES at a
# message boundary, as fuzzer seeds into tests/fuzz/seeds/.
# Usage: tests/fuzz/gls_record_seeds.sh [BUILD_DIR] [MAX_BYTES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
max=${2:-12000}
build=$(cd "$build" && pwd)
out=$here/seeds
tmp=$(mktemp -d)
xvfb_pid=
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

exec 3>"$tmp/displayfd"
Xvfb -displayfd 3 -screen 0 640x480x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$tmp/displayfd" ] && break; sleep 0.1; done
DISPLAY=:$(cat "$tmp/displayfd")
export DISPLAY
mkdir -p "$out"

# record NAME SECONDS COMMAND...: one program through a fresh server.
record() {
    name=$1 seconds=$2
    shift 2
    rm -f "$tmp/s.sock" "$tmp/s.sock.lock" "$tmp/$name.raw"
    GLSTREAM_RECORD=$tmp/$name.raw "$build/glstream-server" --socket "$tmp/s.sock" 2>"$tmp/server.log" &
    server_pid=$!
    for _ in $(seq 50); do [ -S "$tmp/s.sock" ] && break; sleep 0.1; done
    timeout "$seconds" "$build/glstream-run" --no-autostart --server "unix:$tmp/s.sock" "$@" \
        >/dev/null 2>&1 || true
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
    sleep 0.3
    python3 - "$tmp/$name.raw" "$out/$name" "$max" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
limit = int(sys.argv[3])
# Bulk uploads larger than a quarter of the budget are left out (the
# texture or buffer just stays undefined); the stream is cut at a message
# boundary.
seed = bytearray()
at = 0
while at + 8 <= len(data):
    size = struct.unpack_from('<I', data, at + 4)[0]
    if size < 8:
        break
    if size <= limit // 4:
        if len(seed) + size > limit:
            break
        seed += data[at:at + size]
    at += size
open(sys.argv[2], 'wb').write(seed)
print(f"seed {sys.argv[2]}: {len(seed)} of {len(data)} bytes")
PY
}

record es2gears 3 es2gears_x11
# shader sources the worker masks (hidden extensions, #version, all : warn)
record shader-masking 10 "$build/tests/gles2/glst_shader_masking"
record glst-extensions 20 "$build/tests/gles2/glst_extensions"
# program pipelines, glCreateShaderProgramvEXT, glProgramUniform*EXT
record separate-shader-objects 20 "$build/tests/gles2/glst_separate_shader_objects"
# OpenGL ES 3.0: MRT, read/draw framebuffers, blits, clear buffers, samplers
record gles3-framebuffers 20 "$build/tests/gles3/framebuffers/glst_gles3_framebuffers"
# es3 buffers: mapping, copies, uniform blocks, transform feedback
for t in buffer_map uniform_blocks transform_feedback buffer_checks; do
    record "es3-$t" 20 "$build/tests/gles3/buffers/glst_es3_$t"
done
for scene in build texture shading bump effect2d pulsar desktop buffer ideas \
             jellyfish terrain shadow refract conditionals function loop; do
    record "glmark2-$scene" 20 glmark2-es2 --off-screen -s 64x64 -b "$scene:duration=0.2"
done
# es3 textures: 3D images, storage, pixel store, pixel buffers
record es3-textures 30 "$build/tests/gles3/textures/glst_textures_es3"
record es3-textures-pbo 20 "$build/tests/gles3/textures/glst_textures_pbo"
# es3.1 texfb (skipped unless the build offers ES 3.1: -Des_version=3.1 or later)
record es31-texfb 30 "$build/tests/gles3/texfb/glst_gles3_texfb"
# es3.1 compute, draw, program; es3.2 groups (the build offers ES 3.2 by default)
record es31-compute 30 "$build/tests/gles3/compute/glst_es31_compute"
record es31-draw 30 "$build/tests/gles3/draw/glst_es31_draw"
record es31-program 30 "$build/tests/gles3/program/glst_es31_program"
record es32-draw32 30 "$build/tests/gles3/draw32/glst_draw32"
for t in border buffer copy cube_array; do
    record "es32-tex32-$t" 30 "$build/tests/gles3/tex32/glst_tex32_$t"
done
record es32-geomtess-draw 30 "$build/tests/gles3/geomtess/glst_geomtess_draw"
record es32-geomtess-state 30 "$build/tests/gles3/geomtess/glst_geomtess_state"
for t in fb ms-array stencil8 texbuffer geometry; do
    record "es32-layered-$t" 30 "$build/tests/gles3/layered/glst_layered_$t"
done
record es32-ext32 30 "$build/tests/gles3/ext32/glst_ext32"
