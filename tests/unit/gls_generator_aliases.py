#!/usr/bin/env python3
"""The generator's alias rows (protocol/commands.txt `alias=`, es3.2 ext32):
an extension's name for a core command gets the core command's client
function in the proc table and nothing on the worker's side, and the
generator refuses an alias gl.xml does not declare, one with an opcode, and
one whose extension could be advertised where the core command is refused.
Usage: gls_generator_aliases.py GL_XML. Prints "N passed, N failed"."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
GENERATOR = os.path.join(ROOT, 'generator', 'gls_generate.py')
COMMANDS = os.path.join(ROOT, 'protocol', 'commands.txt')
EXTENSIONS = os.path.join(ROOT, 'protocol', 'extensions.txt')


def generate(tmp, side, commands_extra='', extensions_extra='', drop_extension=None):
    """Runs the generator on the real tables plus the extra lines; returns
    (exit status, stderr, {output name: text})."""
    table, exts = os.path.join(tmp, 'commands.txt'), os.path.join(tmp, 'extensions.txt')
    with open(COMMANDS) as f, open(table, 'w') as out:
        out.write(f.read() + commands_extra)
    with open(EXTENSIONS) as f, open(exts, 'w') as out:
        for line in f:
            if drop_extension and line.split() and line.split()[0] == drop_extension:
                continue
            out.write(line)
        out.write(extensions_extra)
    names = ['a.h', 'a.c', 'b.h', 'b.c'] if side == 'common' else ['x.h', 'x.c']
    outputs = [os.path.join(tmp, n) for n in names]
    p = subprocess.run([sys.executable, GENERATOR, '--registry', sys.argv[1], '--table', table,
                        '--extensions', exts, '--side', side] + outputs, capture_output=True, text=True)
    texts = {}
    for n, path in zip(names, outputs):
        if p.returncode == 0:
            with open(path) as f:
                texts[n] = f.read()
    return p.returncode, p.stderr, texts


def main():
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f'FAIL: {what}')

    with tempfile.TemporaryDirectory(prefix='gls-alias-') as tmp:
        rc, err, out = generate(tmp, 'client')
        check(rc == 0, f'the real tables generate ({err.strip()})')
        entry = '{"glTexBufferOES", (void (*)(void))glsc_glTexBuffer, "GL_OES_texture_buffer"}'
        check(entry in out.get('x.c', ''), 'glTexBufferOES is glTexBuffer\'s client function')
        check('glsc_glTexBufferOES' not in out.get('x.c', ''), 'no function of its own')
        rc, err, out = generate(tmp, 'server')
        check(rc == 0 and 'glTexBufferOES' not in out.get('x.c', ''), 'nothing on the worker\'s side')
        rc, err, out = generate(tmp, 'common')
        check(rc == 0 and 'glTexBufferOES' not in out.get('a.h', ''), 'no opcode')

        # gl.xml declares glTexBufferRangeOES an alias of glTexBufferRange only
        rc, err, _ = generate(tmp, 'client', '-    glTexBufferRangeOES alias=glTexBuffer ext=GL_OES_texture_buffer\n')
        check(rc != 0 and 'duplicate' in err, 'a second row of the same name is refused')
        rc, err, _ = generate(tmp, 'client', '-    glMinSampleShadingARB alias=glTexBuffer ext=GL_OES_texture_buffer\n')
        check(rc != 0 and 'does not declare it an alias' in err, f'an alias gl.xml does not declare ({err.strip()})')
        rc, err, _ = generate(tmp, 'client', '999  glPatchParameteriOES alias=glTexBuffer ext=GL_OES_texture_buffer\n')
        check(rc != 0 and 'no opcode' in err, f'an alias with an opcode ({err.strip()})')
        rc, err, _ = generate(tmp, 'client', '-    glMinSampleShadingARB alias=glMinSampleShading\n')
        check(rc != 0 and 'belongs to an extension' in err, f'an alias without its extension ({err.strip()})')
        # GL_OES_texture_buffer without requires=: advertised in older contexts
        rc, err, _ = generate(tmp, 'client', extensions_extra='GL_OES_texture_buffer\n',
                              drop_extension='GL_OES_texture_buffer')
        check(rc != 0 and 'requires=GL_ES_VERSION_3_2' in err, f'an extension of any version ({err.strip()})')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
