#!/usr/bin/env python3
"""Every entry point of every OpenGL ES version glstream offers is streamed.

The offered versions are ES 2.0 and each `version` entry of
protocol/extensions.txt up to GLS_ES_VERSION_MAX (common/gls_version.h).
For each, every command gl.xml's <feature> requires must have a row in
protocol/commands.txt; the row of an ES 3.x command must carry
ext=GL_ES_VERSION_<its version or lower> so that the client refuses it in
a context offered less. Prints the counts per version; exit 1 on a gap.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'generator'))
import gls_enums  # noqa: E402
import gls_generate  # noqa: E402


def version_number(feature):
    m = re.fullmatch(r'GL_ES_VERSION_(\d)_(\d)', feature)
    return int(m.group(1)) * 10 + int(m.group(2))


def main():
    registry = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/khronos-api/gl.xml'
    header = open(os.path.join(ROOT, 'common', 'gls_version.h')).read()
    max_version = int(re.search(r'#define GLS_ES_VERSION_MAX (\d+)', header).group(1))
    rows = {r['name']: r for r in gls_generate.parse_table(os.path.join(ROOT, 'protocol', 'commands.txt'))}
    listed = [n for n, kind in gls_enums.parse_extensions(os.path.join(ROOT, 'protocol', 'extensions.txt'))
              if kind == 'version']
    offered = ['GL_ES_VERSION_2_0'] + [v for v in listed if version_number(v) <= max_version]
    root = ET.parse(registry).getroot()
    gaps = 0
    for feature in offered:
        names = [c.get('name') for f in root.iter('feature') if f.get('name') == feature
                 for r in f.iter('require') for c in r.iter('command')]
        missing = [n for n in names if n not in rows]
        ungated = [] if feature == 'GL_ES_VERSION_2_0' else [
            n for n in names if n in rows and not (rows[n]['ext'] or '').startswith('GL_ES_VERSION_')]
        print(f'{feature}: {len(names)} entry points, {len(names) - len(missing)} streamed'
              + (f', missing: {" ".join(missing)}' if missing else '')
              + (f', not gated on a version: {" ".join(ungated)}' if ungated else ''))
        gaps += len(missing) + len(ungated)
    print(f'offered up to ES {max_version // 10}.{max_version % 10}: '
          + ('complete' if not gaps else f'{gaps} gaps: do not advertise this version'))
    return 1 if gaps else 0


if __name__ == '__main__':
    sys.exit(main())
