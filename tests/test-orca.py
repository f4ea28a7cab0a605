#!/usr/bin/python3
# test-orca.py
#
# Copyright 2026 The Aixinwu POS developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What Orca says during a sale: runs the screen reader itself (orca
# --debug-file, which logs every "SPEECH OUTPUT" whether or not a
# synthesizer sounds) and the real aixinwu on a demo database, on a D-Bus
# session bus and accessibility bus of its own (with the screen reader
# switched on in org.a11y.Status, as GNOME does when it starts Orca), and
# sells by keyboard alone: the PIN, a scanned item, a red packet that is
# refused and one that is taken, F12 and Enter. After each step it waits
# for what Orca must say, and fails on a widget announced by its type name,
# on a step Orca says nothing about, and on the program's own speech
# (spd-say) talking over the screen reader. TAP on stdout; the speech of
# the whole run is printed as comments.
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from axw_keys import Keyboard
from axw_tap import failures, plan, tap
from Xlib import XK

DEADLINE = time.monotonic() + 240     # the whole run, whatever happens
# "SPEECH OUTPUT: 'words'" and the voice after it, one line each; a key
# Orca echoes (its own name for it) has a space before the voice
SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*)'( ?)(?=\{| voice=|$)", re.M)
TYPE_NAME = re.compile(r"(Gtk|Adw|Axw)[A-Z][A-Za-z]+")
ENGLISH = re.compile(r"\b[A-Za-z]{2,}\b")
# words a Chinese screen may show: codes and the keys' names
ALLOWED_WORDS = {"PIN", "CSV", "PDF", "USB", "TCP", "IP", "ID", "POS", "OK", "QR",
                 "Esc", "Ctrl", "Shift", "Alt", "Enter", "Tab"}


class Orca:
    """Orca's debug log, read as it grows."""

    def __init__(self, path):
        self.path = path
        self.mark = 0

    def said(self):
        """Everything spoken so far, one string an utterance; keys Orca
        echoes end in "(key)"."""
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except FileNotFoundError:
            return []
        return [m.group(1) + ("  (key)" if m.group(2) else "") for m in SPOKEN.finditer(text)]

    def since_mark(self):
        return self.said()[self.mark:]

    def set_mark(self):
        self.mark = len(self.said())

    def wait(self, pattern, timeout=20.0):
        """Waits until Orca says something that matches @pattern after the
        mark (keys it echoes aside). Returns the utterance, or None."""
        end = min(time.monotonic() + timeout, DEADLINE)
        rx = re.compile(pattern)
        while True:
            for s in self.since_mark():
                if not s.endswith("(key)") and rx.search(s):
                    return s
            if time.monotonic() > end:
                return None
            time.sleep(0.1)

    def quiet(self, seconds=1.0, timeout=10.0):
        """Waits until Orca has said nothing new for @seconds."""
        end = min(time.monotonic() + timeout, DEADLINE)
        n, since = len(self.said()), time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.1)
            m = len(self.said())
            if m != n:
                n, since = m, time.monotonic()
            elif time.monotonic() - since >= seconds:
                return


def wait_for(cond, what, timeout=20.0):
    end = min(time.monotonic() + timeout, DEADLINE)
    while time.monotonic() < end:
        value = cond()
        if value:
            return value
        time.sleep(0.1)
    raise RuntimeError("timed out waiting for " + what)


def gdbus(env, *args):
    out = subprocess.run(["gdbus", "call", "--session"] + list(args), env=env, check=True,
                         capture_output=True, text=True, timeout=20)
    return out.stdout.strip()


def step(orca, what, action, expect):
    """Takes a step and waits for Orca to say @expect (a regex) and then
    to finish talking. Returns the utterance, or None."""
    orca.quiet()
    orca.set_mark()
    action()
    said = orca.wait(expect)
    orca.quiet()
    print("# %s: %r" % (what, orca.since_mark()), flush=True)
    return said


def money(text):
    """¥25.20 in @text, in fen."""
    m = re.search(r"¥(\d+)\.(\d\d)", text)
    return int(m.group(1)) * 100 + int(m.group(2))


def start_speech_dispatcher(tmp, socket, env):
    """Speech Dispatcher with a synthesizer that says nothing (a generic
    module running true) and sound to ALSA's null device: Orca needs a
    speech server to run; what it says is in its log."""
    conf = os.path.join(tmp, "speechd")
    os.makedirs(os.path.join(conf, "modules"))
    with open(os.path.join(conf, "speechd.conf"), "w") as f:
        f.write('AudioOutputMethod "alsa"\nAudioALSADevice "null"\n'
                'AddModule "silent" "sd_generic" "silent.conf"\nDefaultModule silent\n')
    with open(os.path.join(conf, "modules", "silent.conf"), "w") as f:
        f.write('GenericExecuteSynth "true"\nAddVoice "zh" "MALE1" "zh"\n'
                'AddVoice "en" "MALE1" "en"\n')
    proc = subprocess.Popen(["speech-dispatcher", "--run-single", "--timeout", "0",
                             "--config-dir", conf, "--communication-method", "unix_socket",
                             "--socket-path", socket, "--log-dir", conf],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: os.path.exists(socket), "Speech Dispatcher's socket")
    return proc


def set_screen_reader(env, on):
    gdbus(env, "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus", "--method",
          "org.freedesktop.DBus.Properties.Set", "org.a11y.Status", "ScreenReaderEnabled",
          "<%s>" % ("true" if on else "false"))


def main():
    binary = os.environ["AIXINWU_BIN"]
    tmp = tempfile.mkdtemp(prefix="axw-orca-")
    for d in ("home", "config", "data", "cache", "run", "bin"):
        os.makedirs(os.path.join(tmp, d), mode=0o700)
    # A private session: HOME, the settings and the buses are this test's,
    # so Orca's settings and the bus launcher's GSettings (the screen
    # reader switch) never reach the machine's own.
    speechd_socket = os.path.join(tmp, "run", "speechd.sock")
    env = dict(os.environ)
    # (G_DEBUG=fatal-warnings of the test suite would make any GLib warning
    # of Orca's, a Python program, end it)
    for k in ("NO_AT_BRIDGE", "AIXINWU_LANGUAGE", "AT_SPI_BUS_ADDRESS",
              "DBUS_SESSION_BUS_ADDRESS", "SPEECHD_ADDRESS", "G_DEBUG"):
        env.pop(k, None)
    env.update(HOME=os.path.join(tmp, "home"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CACHE_HOME=os.path.join(tmp, "cache"),
               XDG_RUNTIME_DIR=os.path.join(tmp, "run"), GSETTINGS_BACKEND="memory",
               GTK_A11Y="atspi", LANGUAGE="zh_CN", LC_ALL="zh_CN.UTF-8",
               # Orca's speech server is this test's (no autospawn)
               SPEECHD_ADDRESS="unix_socket:" + speechd_socket, SPEECHD_CMD="/bin/false")
    procs = []
    print("TAP version 13", flush=True)
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    procs.append(bus)
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    orca_log = os.path.join(tmp, "orca.log")
    orca = Orca(orca_log)
    db = os.path.join(tmp, "shop.db")
    app_err = os.path.join(tmp, "stderr.txt")
    spd_log = os.path.join(tmp, "spd-say.txt")
    try:
        a11y = gdbus(env, "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus",
                     "--method", "org.a11y.Bus.GetAddress")
        env["AT_SPI_BUS_ADDRESS"] = re.match(r"\('(.*)',\)", a11y).group(1)
        # GNOME says so when it starts a screen reader
        set_screen_reader(env, True)

        subprocess.run([binary, "--db", db, "init", "--demo"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        # 小林 has the program's own speech on: with a screen reader running
        # it must stay quiet
        with sqlite3.connect(db) as con:
            con.execute("UPDATE staff SET speech = 1 WHERE name = '小林'")
        spd = os.path.join(tmp, "bin", "spd-say")
        with open(spd, "w") as f:
            f.write("#!/bin/sh\nprintf '%%s\\n' \"$*\" >> '%s'\n" % spd_log)
        os.chmod(spd, 0o755)

        procs.append(start_speech_dispatcher(tmp, speechd_socket, env))
        # Orca's debug file is block-buffered: its own customizations hook
        # makes it write each line as it comes, for the test to wait on
        prefs = os.path.join(tmp, "data", "orca")
        os.makedirs(prefs)
        with open(os.path.join(prefs, "orca-customizations.py"), "w") as f:
            f.write("import orca.debug\n"
                    "if orca.debug.debugFile:\n"
                    "    orca.debug.debugFile.reconfigure(line_buffering=True)\n")
        with open(os.path.join(tmp, "orca-stderr.txt"), "w") as err:
            procs.append(subprocess.Popen(["orca", "--debug-file=" + orca_log], env=env,
                                          stdout=err, stderr=err))
        if orca.wait(r"^(屏幕阅读器启用|Screen reader on)", timeout=60) is None:
            raise RuntimeError("Orca did not start")
        tap(True, "Orca runs and logs its speech")

        app_env = dict(env, PATH=os.path.join(tmp, "bin") + ":" + env["PATH"],
                       G_DEBUG="gc-friendly")
        orca.set_mark()
        with open(app_err, "w") as err:
            procs.append(subprocess.Popen([binary, "--db", db], env=app_env, stderr=err,
                                          stdout=subprocess.DEVNULL))
        kb = Keyboard()
        window = wait_for(lambda: kb.window_of(procs[-1].pid), "the window", timeout=60)
        # Orca presents the focused button when the window becomes active
        first = None
        while first is None and time.monotonic() < DEADLINE - 120:
            kb.focus(window)
            first = orca.wait(r"小林", timeout=5)
        tap(first is not None, "Orca reads the login screen: %r" % first)
        said = step(orca, "小林 chosen", lambda: kb.key(XK.XK_Return), r"密码文本")
        tap(said is not None, "Enter on 小林: Orca says the PIN field")
        said = step(orca, "a wrong PIN", lambda: kb.type("0000"), r"密码错误")
        tap(said is not None, "a wrong PIN: Orca says so and how many tries are left: %r" % said)
        said = step(orca, "PIN and Enter", lambda: kb.type("1234"), r"条码或商品编号")
        tap(said is not None, "logged in: Orca says the code field")
        login = orca.since_mark()
        tap(not [u for u in login if TYPE_NAME.search(u)],
            "after login no widget is announced by its type name", "heard: %r" % login)

        # the cashier's own settings say why the program's speech is quiet:
        # Tab to its switch, which the note describes
        step(orca, "settings", lambda: kb.ctrl(XK.XK_comma), r"我的设置")
        said = None
        for _ in range(10):
            said = step(orca, "tab", lambda: kb.key(XK.XK_Tab), r".")
            if said and "朗读商品" in said:
                break
        tap(said is not None and "朗读商品" in said and "屏幕阅读器正在运行" in " ".join(orca.since_mark()),
            "the settings say the program's speech stays quiet under a screen reader",
            "heard: %r" % orca.since_mark())
        said = step(orca, "back", lambda: kb.key(XK.XK_Escape), r"条码或商品编号")
        tap(said is not None, "Esc: back to the cart")

        said = step(orca, "scan", lambda: kb.scan("6971234560018"), r"赤松茸.*¥\d+\.\d\d")
        tap(said is not None, "after a scan Orca says the item and its price: %r" % said)
        price = money(said) if said else 0

        said = step(orca, "red packet refused", lambda: kb.scan("HB20260004"), r"最低要求")
        tap(said is not None, "a red packet refused: Orca says why: %r" % said)
        said = step(orca, "red packet taken", lambda: kb.scan("HB20260001"),
                    r"红包可用：减 ¥10\.00")
        tap(said is not None, "a red packet accepted: Orca says so and what it takes off: %r" % said)

        due = "¥%d.%02d" % divmod(price - 1000, 100)
        said = step(orca, "F12", lambda: kb.key(XK.XK_F12), r"合计 " + re.escape(due))
        tap(said is not None, "after F12 Orca says the amount due, %s: %r" % (due, said))

        said = step(orca, "Enter", lambda: kb.key(XK.XK_Return), r"不用找零")
        tap(said is not None, "after Enter (cash, exact) Orca says 不用找零: %r" % said)
        # the demo shop has no printer plugged in
        printed = orca.wait(r"小票(已打印|没有打印)")
        tap(printed is not None, "and whether the receipt printed: %r" % printed)

        # the program's own speech (小林 has it on) kept quiet all along
        with open(app_err) as f:
            log = f.read()
        tap("a screen reader is on" in log, "the program knows a screen reader runs")
        tap(not os.path.exists(spd_log), "the program's own speech stayed quiet under Orca",
            open(spd_log).read() if os.path.exists(spd_log) else "")
        # the screen reader off: the program speaks again
        set_screen_reader(env, False)
        wait_for(lambda: "a screen reader is off" in open(app_err).read(), "the switch")
        step(orca, "next customer", lambda: kb.key(XK.XK_Return), r"条码或商品编号")
        kb.scan("6971234560018")
        spoke = wait_for(lambda: os.path.exists(spd_log) and open(spd_log).read(),
                         "spd-say", timeout=10)
        tap("赤松茸" in spoke, "with the screen reader off the program speaks again: %r" % spoke)
    except Exception as e:  # a step that could not be taken fails the test
        tap(False, "the steps", repr(e))
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    said = orca.said()
    tap(not [u for u in said if TYPE_NAME.search(u)], "Orca never said a type name")
    english = [u for u in said if not u.endswith("(key)") and
               [w for w in ENGLISH.findall(u) if w not in ALLOWED_WORDS]]
    tap(not english, "Orca said no English on the Chinese screen", "heard: %r" % english)
    # the sale went through: one line, the red packet, paid in cash
    try:
        with sqlite3.connect("file:%s?mode=ro" % db, uri=True) as con:
            sales = con.execute("SELECT count(*) FROM sales WHERE red_packet_fen = 1000").fetchone()[0]
    except sqlite3.Error:
        sales = -1
    tap(sales == 1, "one sale with the red packet, made by keyboard (%d)" % sales)
    try:
        with open(app_err) as err:
            # but GTK 4 cannot tell where on the screen a widget is, and
            # says so when Orca asks (GetExtents in screen coordinates)
            bad = [l for l in err.read().splitlines() if re.search(r"CRITICAL|WARNING", l) and
                   "Screen coordinates not supported" not in l]
    except FileNotFoundError:
        bad = ["no log"]
    tap(not bad, "no CRITICAL or WARNING on the program's stderr", "\n".join(bad))
    print("# Orca said:", flush=True)
    for line in said:
        print("#   " + line, flush=True)
    # AXW_ORCA_KEEP=1 keeps Orca's whole log (orca.log) and the program's
    if not failures() and not os.environ.get("AXW_ORCA_KEEP"):
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print("# kept " + tmp, flush=True)
    return plan()


if __name__ == "__main__":
    sys.exit(main())
