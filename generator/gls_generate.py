#!/usr/bin/env python3
"""Generate glstream's GLES encoders and decoders from the Khronos registry.

Reads gl.xml (Debian package khronos-api) for every command's parameters and
enums, protocol/commands.txt for opcodes and how each command travels, and
protocol/extensions.txt for the extensions glstream can advertise, and writes:

  gls_opcodes.h/c        opcode enum and names (both sides)
  gls_extension_list.h/c the advertisable extensions, as names and bits (both sides)
  glsc_gl_generated.c/h  client: encoders of `auto` commands, proc table
  glss_gl_generated.c/h  server: decoders of `auto` commands, dispatch table,
                         the enum checks of every streamed command (gls_enums.py)

An `alias=` row (an extension's name for a core command) only adds a
client proc-table entry pointing at the core command's client function.

Wire layout of an `auto` command, parameter by parameter, little-endian:
  scalar          4 bytes (GLintptr/GLsizeiptr: 8 bytes)
  array (len=E)   u32 element count, then the elements (4 bytes each)
  string          u32 byte count, then the bytes, padded to 4
"""
import argparse
import re
import sys
import xml.etree.ElementTree as ET

import gls_enums

SCALARS = {
    # type: (wire bytes, put helper, get helper)
    'GLenum': (4, 'u32', 'u32'), 'GLuint': (4, 'u32', 'u32'),
    'GLbitfield': (4, 'u32', 'u32'), 'GLboolean': (4, 'u32', 'u32'),
    'GLint': (4, 'i32', 'i32'), 'GLsizei': (4, 'i32', 'i32'),
    'GLfloat': (4, 'f32', 'f32'), 'GLclampf': (4, 'f32', 'f32'),
    'GLintptr': (8, 'i64', 'i64'), 'GLsizeiptr': (8, 'i64', 'i64'),
}
ARRAY_ELEMENTS = {'GLfloat': 'f32', 'GLint': 'i32', 'GLuint': 'u32', 'GLenum': 'u32'}
OBJECT_CLASSES = {
    'buffer': 'GLS_OBJ_BUFFER', 'texture': 'GLS_OBJ_TEXTURE',
    'renderbuffer': 'GLS_OBJ_RENDERBUFFER', 'framebuffer': 'GLS_OBJ_FRAMEBUFFER',
    'program': 'GLS_OBJ_SHADER_PROGRAM', 'shader': 'GLS_OBJ_SHADER_PROGRAM',
    'vertex array': 'GLS_OBJ_VERTEX_ARRAY', 'program pipeline': 'GLS_OBJ_PROGRAM_PIPELINE',
    'query': 'GLS_OBJ_QUERY', 'sampler': 'GLS_OBJ_SAMPLER', 'transform feedback': 'GLS_OBJ_TRANSFORM_FEEDBACK',
}


class Param:
    def __init__(self, elem):
        self.name = elem.find('name').text
        self.ptype = elem.find('ptype').text if elem.find('ptype') is not None else None
        self.decl = ''.join(elem.itertext()).strip()
        self.cls = elem.get('class')
        self.len = elem.get('len')
        self.group = elem.get('group')
        self.pointer = '*' in self.decl
        if self.pointer:
            # a string sized by itself (COMPSIZE(name)) is NUL-terminated too
            if self.ptype == 'GLchar' and self.len in (None, f'COMPSIZE({self.name})'):
                self.kind = 'string'
            elif self.ptype in ARRAY_ELEMENTS and self.len and 'COMPSIZE' not in self.len:
                self.kind = 'array'
            else:
                self.kind = None
        elif self.ptype in SCALARS:
            self.kind = 'scalar'
        else:
            self.kind = None

    def len_expr(self, prefix=''):
        """The element count as a C expression over the other parameters."""
        return re.sub(r'[A-Za-z_]\w*', lambda m: '(int64_t)' + prefix + m.group(0), self.len)


class Command:
    def __init__(self, elem):
        proto = elem.find('proto')
        self.name = proto.find('name').text
        self.ret = proto.find('ptype').text if proto.find('ptype') is not None else None
        self.ret_decl = ''.join(proto.itertext()).rsplit(self.name, 1)[0].strip()
        self.params = [Param(p) for p in elem.findall('param')]
        alias = elem.find('alias')
        self.alias = alias.get('name') if alias is not None else None

    def c_params(self):
        return ', '.join(p.decl for p in self.params) or 'void'


def parse_table(path):
    rows = []
    for line in open(path):
        line = line.split('#', 1)[0].split()
        if not line:
            continue
        opcode, name, kind, *flags = line
        ext = [f[4:] for f in flags if f.startswith('ext=')]
        kind, _, target = kind.partition('=')
        if (kind == 'alias') != bool(target):
            sys.exit(f'commands.txt: {name}: an alias names its command (alias=glFoo), nothing else does')
        if (opcode == '-') != (kind in ('client', 'alias')):
            sys.exit(f'commands.txt: {name}: only client commands and aliases have no opcode')
        rows.append({'opcode': None if opcode == '-' else int(opcode), 'name': name, 'kind': kind,
                     'flags': set(f for f in flags if not f.startswith('ext=')),
                     'ext': ext[0] if ext else None, 'alias': target or None})
    opcodes = [r['opcode'] for r in rows if r['opcode'] is not None]
    names = [r['name'] for r in rows]
    if len(set(opcodes)) != len(opcodes) or len(set(names)) != len(names):
        sys.exit('commands.txt: duplicate opcode or name')
    return rows


def is_version(ext):
    """Whether an ext= of commands.txt names an OpenGL ES version."""
    return bool(ext) and ext.startswith('GL_ES_VERSION_')


def check_auto(cmd):
    for p in cmd.params:
        if p.kind is None:
            sys.exit(f'{cmd.name}: parameter {p.name} cannot be generated; mark it custom')
    if cmd.ret is not None and cmd.ret not in SCALARS:
        sys.exit(f'{cmd.name}: return type {cmd.ret} cannot be generated')


def wire_size_expr(cmd):
    """C expression of the payload size of an auto command on the client."""
    fixed = 0
    dynamic = []
    for p in cmd.params:
        if p.kind == 'scalar':
            fixed += SCALARS[p.ptype][0]
        elif p.kind == 'array':
            fixed += 4
            dynamic.append(f'4 * {p.name}_count')
        else:
            fixed += 4
            dynamic.append(f'gls_pad4({p.name}_len)')
    return ' + '.join([str(fixed)] + dynamic)


def gen_opcodes(rows, out):
    rows = [r for r in rows if r['opcode'] is not None]
    out.write('/* Generated by generator/gls_generate.py from protocol/commands.txt. */\n')
    out.write('#ifndef GLS_OPCODES_H\n#define GLS_OPCODES_H\n\n')
    out.write('enum gls_opcode {\n')
    for r in rows:
        out.write(f"\tGLS_OP_{r['name']} = {r['opcode']},\n")
    out.write(f"\tGLS_OP_LIMIT = {max(r['opcode'] for r in rows) + 1},\n}};\n\n")
    out.write('/* The command name of an opcode, or NULL when it has none. */\n')
    out.write('const char *gls_opcode_name(unsigned opcode);\n\n#endif\n')


def gen_opcode_names(rows, out):
    rows = [r for r in rows if r['opcode'] is not None]
    out.write('/* Generated by generator/gls_generate.py. */\n#include "gls_opcodes.h"\n\n')
    out.write('static const char *const gls_opcode_names[GLS_OP_LIMIT] = {\n')
    for r in rows:
        out.write(f"\t[{r['opcode']}] = \"{r['name']}\",\n")
    out.write('};\n\nconst char *gls_opcode_name(unsigned opcode)\n{\n')
    out.write('\treturn opcode < GLS_OP_LIMIT ? gls_opcode_names[opcode] : 0;\n}\n')


def gen_extensions(extensions, requires, out_h, out_c):
    names = [name for name, _ in extensions]
    out_h.write('/* Generated by generator/gls_generate.py from protocol/extensions.txt. */\n')
    out_h.write('#ifndef GLS_EXTENSION_LIST_H\n#define GLS_EXTENSION_LIST_H\n\n#include <stdint.h>\n\n')
    out_h.write('/* The extensions glstream implements end to end, in list order. */\n')
    out_h.write('enum gls_extension {\n')
    for n in names:
        out_h.write(f'\tGLS_EXT_{n},\n')
    out_h.write('\tGLS_EXT_COUNT\n};\n\n')
    out_h.write('/* A set of them, one bit each: 128 bits (more than 64 extensions;\n')
    out_h.write(' * gcc and clang have the type on every 64-bit target). */\n')
    out_h.write('__extension__ typedef unsigned __int128 gls_ext_bits;\n')
    out_h.write('#define GLS_EXT_BIT(name) ((gls_ext_bits)1 << GLS_EXT_##name)\n\n')
    versions = [n for n, kind in extensions if kind == 'version']
    out_h.write('/* The OpenGL ES versions above 2.0 among them: gated like extensions,\n')
    out_h.write(' * never part of GL_EXTENSIONS (common/gls_version.h). */\n')
    out_h.write('#define GLS_EXT_VERSION_BITS ((gls_ext_bits)0')
    for n in versions:
        out_h.write(f' | GLS_EXT_BIT({n})')
    out_h.write(')\n\n')
    out_h.write('extern const char *const gls_extension_names[GLS_EXT_COUNT];\n')
    out_h.write('/* 10 * major + minor of the version entries, 0 for extensions */\n')
    out_h.write('extern const unsigned char gls_extension_es_versions[GLS_EXT_COUNT];\n')
    out_h.write('/* the version an extension requires (its GLS_EXT_BIT), 0 for none */\n')
    out_h.write('extern const gls_ext_bits gls_extension_requires[GLS_EXT_COUNT];\n\n#endif\n')
    if len(names) > 128:
        sys.exit('extensions.txt: more than 128 extensions do not fit gls_ext_bits')

    out_c.write('/* Generated by generator/gls_generate.py from protocol/extensions.txt. */\n')
    out_c.write('#include "gls_extension_list.h"\n\n')
    out_c.write('const char *const gls_extension_names[GLS_EXT_COUNT] = {\n')
    for n in names:
        out_c.write(f'\t"{n}",\n')
    out_c.write('};\n\n')
    out_c.write('const unsigned char gls_extension_es_versions[GLS_EXT_COUNT] = {\n')
    for n in versions:
        m = re.fullmatch(r'GL_ES_VERSION_(\d)_(\d)', n)
        if not m:
            sys.exit(f'extensions.txt: {n}: a version is named GL_ES_VERSION_<major>_<minor>')
        out_c.write(f'\t[GLS_EXT_{n}] = {int(m.group(1)) * 10 + int(m.group(2))},\n')
    out_c.write('};\n\n')
    out_c.write('const gls_ext_bits gls_extension_requires[GLS_EXT_COUNT] = {\n')
    for n, version in requires.items():
        if version not in versions or n not in names:
            sys.exit(f'extensions.txt: {n}: requires={version} is not a version entry')
        out_c.write(f'\t[GLS_EXT_{n}] = GLS_EXT_BIT({version}),\n')
    out_c.write('};\n')


def gen_client(rows, cmds, out_c, out_h):
    gl_rows = [r for r in rows if r['kind'] != 'gls']
    out_h.write('/* Generated by generator/gls_generate.py. */\n')
    out_h.write('#ifndef GLSC_GL_GENERATED_H\n#define GLSC_GL_GENERATED_H\n\n')
    out_h.write('#include "glsc_gl.h"\n\n')
    for r in gl_rows:
        c = cmds[r['name']]
        ret = c.ret_decl
        if r['kind'] in ('custom', 'client'):
            out_h.write(f"{ret} glsc_{c.name}({c.c_params()});\n")
        if 'hook' in r['flags']:
            params = [p.decl for p in c.params] + ([f'{ret} *result'] if c.ret else [])
            out_h.write(f"bool glsc_hook_{c.name}({', '.join(params) or 'void'});\n")
    out_h.write('\n#endif\n')

    out_c.write('/* Generated by generator/gls_generate.py from gl.xml and commands.txt. */\n')
    out_c.write('#include "glsc_gl_generated.h"\n#include "glsc_stream.h"\n#include "gls_extensions.h"\n#include "gls_wire.h"\n\n')
    for r in gl_rows:
        if r['kind'] != 'auto':
            continue
        c = cmds[r['name']]
        check_auto(c)
        out_c.write(f"static {c.ret_decl} glsc_{c.name}({c.c_params()})\n{{\n")
        if c.ret:
            out_c.write(f"\t{c.ret_decl} ret = 0;\n")
        ret_stmt = 'return ret;' if c.ret else 'return;'
        if 'hook' in r['flags']:
            args = ', '.join([p.name for p in c.params] + (['&ret'] if c.ret else []))
            out_c.write(f"\tif (!glsc_hook_{c.name}({args}))\n\t\t{ret_stmt}\n")
        for p in c.params:
            if p.kind == 'array':
                out_c.write(f"\tint64_t {p.name}_count = gls_array_count({p.len_expr()});\n")
                out_c.write(f"\tif ({p.name}_count < 0) {{\n\t\tglsc_set_error(GL_INVALID_VALUE);\n\t\t{ret_stmt}\n\t}}\n")
            elif p.kind == 'string':
                out_c.write(f"\tuint32_t {p.name}_len = glsc_string_length({p.name});\n")
        enter = (f"glsc_gl_enter_offered(GLS_EXT_BIT({r['ext']}))" if is_version(r['ext'])
                 else 'glsc_gl_enter()')
        out_c.write(f"\tstruct glsc_context *gl_ctx = {enter};\n\tif (!gl_ctx)\n\t\t{ret_stmt}\n")
        for p in c.params:
            if p.cls in OBJECT_CLASSES and p.kind == 'scalar':
                fn = 'glsc_name_bind' if 'bind' in r['flags'] else 'glsc_name_use'
                out_c.write(f"\t{p.name} = {fn}(gl_ctx, {OBJECT_CLASSES[p.cls]}, {p.name});\n")
        out_c.write(f"\tuint8_t *cmd = glsc_begin(gl_ctx, GLS_OP_{c.name}, {wire_size_expr(c)});\n")
        out_c.write('\tif (cmd) {\n')
        for p in c.params:
            if p.kind == 'scalar':
                out_c.write(f"\t\tcmd = gls_put_{SCALARS[p.ptype][1]}(cmd, {p.name});\n")
            elif p.kind == 'array':
                out_c.write(f"\t\tcmd = gls_put_u32(cmd, (uint32_t){p.name}_count);\n")
                out_c.write(f"\t\tcmd = gls_put_bytes(cmd, {p.name}, 4 * (size_t){p.name}_count);\n")
            else:
                out_c.write(f"\t\tcmd = gls_put_u32(cmd, {p.name}_len);\n")
                out_c.write(f"\t\tcmd = gls_put_bytes(cmd, {p.name}, {p.name}_len);\n")
        out_c.write('\t}\n')
        if c.ret:
            out_c.write(f"\tret = ({c.ret_decl})glsc_sync_scalar(gl_ctx, cmd != NULL);\n")
        elif 'sync' in r['flags']:
            out_c.write('\tglsc_sync_void(gl_ctx, cmd != NULL);\n')
        elif 'flush' in r['flags']:
            out_c.write('\tglsc_flush_locked();\n')
        out_c.write('\tglsc_gl_leave();\n')
        if c.ret:
            out_c.write('\treturn ret;\n')
        out_c.write('}\n\n')

    out_c.write('const struct glsc_gl_proc glsc_gl_procs[] = {\n')
    for r in sorted(gl_rows, key=lambda r: r['name']):
        ext = f"\"{r['ext']}\"" if r['ext'] else 'NULL'
        # an alias is the core command's own client function
        fn = r['alias'] or r['name']
        out_c.write(f"\t{{\"{r['name']}\", (void (*)(void))glsc_{fn}, {ext}}},\n")
    out_c.write('};\n')
    out_c.write(f'const unsigned glsc_gl_proc_count = {len(gl_rows)};\n')


def enum_checks(gl_rows, cmds, registry):
    """{command: [(param, set name)]} and {set name: values} of the checked
    GLenum parameters of every streamed GL command."""
    checks, sets = {}, {}
    for r in gl_rows:
        c = cmds[r['name']]
        for p in c.params:
            if p.ptype != 'GLenum' or p.pointer:
                continue
            found = gls_enums.param_set(c.name, p, registry)
            if found is None:
                continue
            name, values = found
            if sets.setdefault(name, values) != values:
                sys.exit(f'gls_enums.py: two different sets are called {name}')
            checks.setdefault(c.name, []).append((p, name))
    return checks, sets


def gen_server(rows, cmds, registry, out_c, out_h):
    rows = [r for r in rows if r['kind'] != 'alias']  # never on the wire
    # client-only commands have no decoder, but their host functions may
    # serve others (glGenVertexArraysOES for glsGenObjects)
    ext_rows = [r for r in rows if r['ext']]
    rows = [r for r in rows if r['kind'] != 'client']
    gl_rows = [r for r in rows if r['kind'] != 'gls']
    checks, sets = enum_checks(gl_rows, cmds, registry)
    out_h.write('/* Generated by generator/gls_generate.py. */\n')
    out_h.write('#ifndef GLSS_GL_GENERATED_H\n#define GLSS_GL_GENERATED_H\n\n')
    out_h.write('#include "glss_worker.h"\n#include "gls_extensions.h"\n\n')
    out_h.write('/* Extension entry points of the host driver (NULL when absent). */\n')
    out_h.write('struct glss_ext_procs {\n')
    for r in ext_rows:
        c = cmds[r['name']]
        out_h.write(f"\t{c.ret_decl} (*{c.name})({c.c_params()});\n")
    out_h.write('};\nextern struct glss_ext_procs glss_ext;\nvoid glss_load_ext_procs(void);\n\n')
    out_h.write('/* True when an extension of `bits` is advertised to the current context. */\n')
    out_h.write('static inline bool glss_advertised(const struct glss_worker *w, gls_ext_bits bits)\n{\n')
    out_h.write('\treturn w->current && (w->current->extensions & bits);\n}\n\n')
    out_h.write('/* Enum checks (generator/gls_enums.py): is the value one that OpenGL ES\n')
    out_h.write(' * 2.0 and the extensions advertised to this client allow here? */\n')
    for name in sorted(sets):
        out_h.write(f'bool glss_valid_{name}(const struct glss_worker *w, GLenum value);\n')
    out_h.write('/* Any value of ES 2.0 or of an advertised extension (glGet* pnames). */\n')
    out_h.write('bool glss_valid_AnyEnum(const struct glss_worker *w, GLenum value);\n\n')
    out_h.write('/* Per command: all its checked GLenum parameters are valid; otherwise\n')
    out_h.write(' * GL_INVALID_ENUM is raised and the driver must not be called. */\n')
    for name in sorted(checks):
        params = ', '.join(f'GLenum {p.name}' for p, _ in checks[name])
        out_h.write(f'bool glss_check_enums_{name}(struct glss_worker *w, {params});\n')
    out_h.write('\n')
    out_h.write('typedef void (*glss_exec_fn)(struct glss_worker *w, struct gls_reader *r);\n')
    out_h.write('extern const glss_exec_fn glss_exec_table[GLS_OP_LIMIT];\n')
    out_h.write('/* The version bit a command needs (0: none); the client never sends a\n')
    out_h.write(' * command of a version the context is not offered. */\n')
    out_h.write('extern const gls_ext_bits glss_command_gates[GLS_OP_LIMIT];\n\n')
    for r in rows:
        if r['kind'] != 'auto' or 'server' in r['flags']:
            out_h.write(f"void glss_exec_{r['name']}(struct glss_worker *w, struct gls_reader *r);\n")
    out_h.write('\n#endif\n')

    out_c.write('/* Generated by generator/gls_generate.py from gl.xml and commands.txt. */\n')
    out_c.write('#include <EGL/egl.h>\n#include "glss_gl_generated.h"\n#include "gls_wire.h"\n\n')
    out_c.write('struct glss_ext_procs glss_ext;\n\nvoid glss_load_ext_procs(void)\n{\n')
    for r in ext_rows:
        n = r['name']
        out_c.write(f"\tglss_ext.{n} = (void *)eglGetProcAddress(\"{n}\");\n")
    out_c.write('}\n\n')
    for name in sorted(sets):
        gls_enums.gen_check(name, sets[name], registry, out_c)
    gls_enums.gen_check('AnyEnum', registry.any_available(), registry, out_c)
    for name in sorted(checks):
        params = ', '.join(f'GLenum {p.name}' for p, _ in checks[name])
        out_c.write(f'bool glss_check_enums_{name}(struct glss_worker *w, {params})\n{{\n')
        conds = ' &&\n\t    '.join(f'glss_valid_{s}(w, {p.name})' for p, s in checks[name])
        out_c.write(f'\tif ({conds})\n\t\treturn true;\n')
        out_c.write('\tglss_set_error(w, GL_INVALID_ENUM);\n\treturn false;\n}\n\n')
    for r in gl_rows:
        if r['kind'] != 'auto' or 'server' in r['flags']:
            continue
        c = cmds[r['name']]
        fn = f"glss_ext.{c.name}" if r['ext'] else c.name
        out_c.write(f"static void glss_exec_{c.name}(struct glss_worker *worker, struct gls_reader *rd)\n{{\n")
        # in parameter order, as the client writes them (an array's
        # length is a parameter before it: glInvalidateSubFramebuffer's
        # attachments come before x, y, width and height)
        for p in c.params:
            if p.kind == 'scalar':
                ctype = p.decl.rsplit(p.name, 1)[0].strip()
                out_c.write(f"\t{ctype} {p.name} = ({ctype})gls_get_{SCALARS[p.ptype][2]}(rd);\n")
            elif p.kind == 'array':
                expr = p.len_expr()
                out_c.write(f"\tconst void *{p.name} = gls_get_array(rd, 4, gls_array_count({expr}));\n")
            elif p.kind == 'string':
                out_c.write(f"\tconst char *{p.name} = glss_get_string(worker, rd);\n")
        out_c.write('\tif (!gls_reader_done(rd))\n\t\treturn;\n')
        if c.name in checks:
            # before names are mapped: a refused glBind* creates nothing
            args = ', '.join(p.name for p, _ in checks[c.name])
            reply = ('glss_reply_scalar(worker, 0);' if c.ret else
                     'glss_reply(worker, NULL, 0);' if 'sync' in r['flags'] else None)
            if reply:  # a synchronous command is answered anyway
                out_c.write(f"\tif (!glss_check_enums_{c.name}(worker, {args})) {{\n\t\t{reply}\n\t\treturn;\n\t}}\n")
            else:
                out_c.write(f"\tif (!glss_check_enums_{c.name}(worker, {args}))\n\t\treturn;\n")
        for p in c.params:
            if p.cls in OBJECT_CLASSES and p.kind == 'scalar':
                mode = 'GLSS_NAME_BIND' if 'bind' in r['flags'] else 'GLSS_NAME_USE'
                out_c.write(f"\tif (!glss_name_map(worker, {OBJECT_CLASSES[p.cls]}, {mode}, &{p.name}))\n\t\treturn;\n")
        if r['ext']:
            out_c.write(f"\tif (!{fn}) {{\n\t\tglss_fail(worker, \"{c.name} is not available\");\n\t\treturn;\n\t}}\n")
        args = ', '.join(p.name for p in c.params)
        if c.ret:
            out_c.write(f"\t{c.ret_decl} ret = {fn}({args});\n")
            out_c.write(f"\tglss_reply_scalar(worker, (uint64_t)ret);\n")
        else:
            out_c.write(f"\t{fn}({args});\n")
            if 'sync' in r['flags']:
                out_c.write('\tglss_reply(worker, NULL, 0);\n')
        out_c.write('}\n\n')
    out_c.write('const gls_ext_bits glss_command_gates[GLS_OP_LIMIT] = {\n')
    for r in rows:
        if is_version(r['ext']):
            out_c.write(f"\t[GLS_OP_{r['name']}] = GLS_EXT_BIT({r['ext']}),\n")
    out_c.write('};\n\n')
    out_c.write('const glss_exec_fn glss_exec_table[GLS_OP_LIMIT] = {\n')
    for r in rows:
        out_c.write(f"\t[GLS_OP_{r['name']}] = glss_exec_{r['name']},\n")
    out_c.write('};\n')


def check_ext_flags(rows, extensions):
    names = {name for name, _ in extensions}
    for r in rows:
        if r['ext'] and r['ext'] not in names:
            sys.exit(f"commands.txt: {r['name']}: ext={r['ext']} is not in extensions.txt")


def check_aliases(rows, cmds, requires):
    """An alias row (glFooOES alias=glFoo ext=GL_OES_foo) is an extension's
    name for a core command that gl.xml declares identical (<alias>): the
    client hands out the core command's entry point. Its extension must
    require the version that gates the core command, so that the alias is
    never advertised where the core command is refused."""
    by_name = {r['name']: r for r in rows}
    for r in rows:
        if r['kind'] != 'alias':
            continue
        core = by_name.get(r['alias'])
        if core is None or core['kind'] in ('alias', 'gls'):
            sys.exit(f"commands.txt: {r['name']}: alias={r['alias']} is not a GL command of the table")
        if cmds[r['name']].alias != r['alias']:
            sys.exit(f"commands.txt: {r['name']}: gl.xml does not declare it an alias of {r['alias']}")
        if not r['ext'] or is_version(r['ext']):
            sys.exit(f"commands.txt: {r['name']}: an alias belongs to an extension (ext=)")
        if is_version(core['ext']) and requires.get(r['ext']) != core['ext']:
            sys.exit(f"commands.txt: {r['name']}: {r['ext']} must be requires={core['ext']}, as {r['alias']} is")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--registry', required=True)
    ap.add_argument('--table', required=True)
    ap.add_argument('--extensions', required=True)
    ap.add_argument('--side', choices=['common', 'client', 'server'], required=True)
    ap.add_argument('outputs', nargs='+', help='the header, then the C file (common: opcodes, then extensions)')
    args = ap.parse_args()
    if len(args.outputs) != (4 if args.side == 'common' else 2):
        ap.error('common writes 4 files, client and server 2')

    rows = parse_table(args.table)
    extensions = gls_enums.parse_extensions(args.extensions)
    check_ext_flags(rows, extensions)
    root = ET.parse(args.registry).getroot()
    cmds = {}
    for elem in root.iter('command'):
        proto = elem.find('proto')
        if proto is not None and proto.find('name') is not None:
            cmds[proto.find('name').text] = Command(elem)
    for r in rows:
        if r['kind'] != 'gls' and r['name'] not in cmds:
            sys.exit(f"commands.txt: {r['name']} is not in {args.registry}")
    check_aliases(rows, cmds, gls_enums.extension_requirements(args.extensions))

    with open(args.outputs[0], 'w') as a, open(args.outputs[1], 'w') as b:
        if args.side == 'common':
            gen_opcodes(rows, a)
            gen_opcode_names(rows, b)
        elif args.side == 'client':
            gen_client(rows, cmds, out_c=b, out_h=a)
        else:
            registry = gls_enums.EnumRegistry(root, extensions)
            gen_server(rows, cmds, registry, out_c=b, out_h=a)
    if args.side == 'common':
        with open(args.outputs[2], 'w') as a, open(args.outputs[3], 'w') as b:
            gen_extensions(extensions, gls_enums.extension_requirements(args.extensions), a, b)


if __name__ == '__main__':
    main()
