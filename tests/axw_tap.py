# axw_tap.py
#
# Copyright 2026 The Aixinwu POS developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# TAP for the Python tests (test-atspi.py, test-orca.py): one line a
# check, the details of a failure as comments, the plan at the end.
import sys

_n = 0
_failures = 0


def tap(ok, what, detail=""):
    global _n, _failures
    _n += 1
    print(("ok" if ok else "not ok") + " %d %s" % (_n, what), flush=True)
    if not ok:
        _failures += 1
        for line in detail.splitlines():
            print("#   " + line, flush=True)


def failures():
    return _failures


def plan():
    """Prints the plan. Returns: the exit status."""
    print("1..%d" % _n, flush=True)
    sys.stdout.flush()
    return 1 if _failures else 0
