#!/usr/bin/env python3
# Prints the closing line of `make check`: "N passed, N failed".
# Each GTest/TAP case counts once (a test program's cases are read from its
# TAP output); a program that crashed or printed no TAP counts as one.
# A missing log means a suite did not run: that is a failure, not a pass.
import json
import re
import sys

passed = failed = skipped = 0
failures = []

for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            entries = [json.loads(line) for line in f if line.strip()]
    except OSError:
        failed += 1
        failures.append(f"{path}: suite did not run")
        continue
    suite = path.rsplit("/", 1)[-1].removesuffix(".json")
    for e in entries:
        name = f"{suite}:{e['name']}"
        result = e.get("result", "ERROR")
        out = e.get("stdout") or ""
        ok = re.findall(r"^ok \d+[^\n]*", out, re.M)
        bad = re.findall(r"^not ok \d+[^\n]*", out, re.M)
        skips = [l for l in ok if "# SKIP" in l]
        if e.get("protocol") == "tap" or ok or bad:
            passed += len(ok) - len(skips)
            skipped += len(skips)
            failed += len(bad)
            failures += [f"{name}: {l}" for l in bad]
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not bad:
                failed += 1
                failures.append(f"{name}: {result}")
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
            failures.append(f"{name}: {result}")

for f in failures:
    print("FAILED", f)
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
