#!/usr/bin/env python3
# Lists GError messages written as bare string literals (not _() or N_()) in
# the layers whose errors reach people: core, store, printer, sync, render, cli.
# A format with no words ("%s") or a stable reason code ("expired: %s") is fine.
import glob, re, sys

CALL = re.compile(r'\b(g_set_error(?:_literal)?|g_task_return_new_error|g_prefix_error)\s*\(')
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
ALLOWED = re.compile(r'^"([a-z_]+: %s)?"$')
FORMAT_SPEC = re.compile(r'%[-+ #0-9.]*[a-zA-Z]+')
skip_args = {'g_set_error': 3, 'g_set_error_literal': 3, 'g_task_return_new_error': 3, 'g_prefix_error': 1}

def arg_start(text, pos, n):
    depth = 0
    while n > 0:
        c = text[pos]
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == '"':
            pos = STRING.match(text, pos).end() - 1
        elif c == ',' and depth == 0:
            n -= 1
        pos += 1
    return pos

found = []
for layer in ('core', 'store', 'printer', 'sync', 'render', 'cli'):
    for path in sorted(glob.glob(f'{sys.argv[1]}/src/{layer}/*.c')):
        text = open(path, encoding='utf-8').read()
        for m in CALL.finditer(text):
            start = arg_start(text, m.end(), skip_args[m.group(1)])
            rest = text[start:].lstrip()
            lit = STRING.match(rest)
            words = re.search(r'[A-Za-z]{2,}', FORMAT_SPEC.sub('', lit.group(0))) if lit else None
            if lit and words and not ALLOWED.match(lit.group(0)):
                line = text.count('\n', 0, m.start()) + 1
                found.append(f'{path[len(sys.argv[1]) + 1:]}:{line}: {lit.group(0)}')
print('\n'.join(found))
sys.exit(1 if found else 0)
