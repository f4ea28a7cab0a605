#!/usr/bin/env python3
# cold-starts.py
#
# Copyright 2026 The Aixinwu POS developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fresh starts of bench-sale-ui's children, the variants taken in turn so
# that a busy machine slows all of them alike (tests/bench/PROFILE.md):
#
#   xvfb-run -a dbus-run-session -- tests/bench/cold-starts.py \
#     _build/tests/bench-sale-ui shop.db 11 minimal:MODE=minimal \
#     login:MODE=login "login-gl:MODE=login,GSK_RENDERER=gl"
#
# Each variant is NAME:MODE=<minimal|minimal-cairo|adwaita|login|sale>[,VAR=value...].
import os
import statistics
import subprocess
import sys
import time

binary, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
variants = []
for arg in sys.argv[4:]:
    name, spec = arg.split(":", 1)
    env = dict(kv.split("=", 1) for kv in spec.split(",") if kv)
    variants.append((name, env.pop("MODE", "login"), env))
times = {name: [] for name, _, _ in variants}
for _ in range(n):
    for name, mode, extra in variants:
        env = dict(os.environ)
        env.update(extra)
        t0 = time.monotonic_ns() // 1000
        r = subprocess.run([binary, "--child", mode, db], env=env, capture_output=True, text=True)
        if not r.stdout.strip():
            print(f"{name}: no frame ({r.stderr.strip()[-200:]})")
            continue
        # the child prints g_get_monotonic_time () at its first frame
        times[name].append((int(r.stdout.split()[-1]) - t0) / 1000)
for name, v in times.items():
    if v:
        v.sort()
        print(f"{name:28s} n={len(v):<3d} p50 {statistics.median(v):7.1f} ms   min {v[0]:7.1f}   max {v[-1]:7.1f}")
