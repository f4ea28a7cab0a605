#!/usr/bin/python3
# test-atspi.py
#
# Copyright 2026 The Aixinwu POS developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a screen reader hears, read out of process as Orca reads it: starts
# the real aixinwu on a demo database under the ui suite's Xvfb and D-Bus
# session, walks its AT-SPI tree (python3-pyatspi, the system's python),
# logs in, sells, opens the manager's pages, and fails on a control without
# a name, a name that is a GTK type name, a mnemonic underscore or the words
# twice, English words, a control smaller than 48x48, and any CRITICAL or
# WARNING the app writes to stderr. TAP on stdout.
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from axw_keys import Keyboard
from axw_tap import plan, tap

import pyatspi
from gi.repository import GLib

CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
}
# Roles whose name is read out although they are not controls.
GTK_TYPE = re.compile(r"^(Gtk|Adw|Axw)[A-Z][A-Za-z]+$")
MNEMONIC = re.compile(r"_[A-Za-z0-9]")
KEY = re.compile(r"[(（]_?[A-Za-z0-9][)）]|_")


def said_twice(name):
    """"显示(_S) 显示(S)", "保存 保存": a label and its text both read out."""
    for i, c in enumerate(name):
        if c == " " and KEY.sub("", name[:i]).strip() == KEY.sub("", name[i + 1:]).strip():
            return True
    return False

ENGLISH = re.compile(r"\b[A-Za-z]{2,}\b")
# single words a Chinese screen may show: codes, file kinds, the keys' names
ALLOWED_WORDS = {"PIN", "CSV", "PDF", "USB", "TCP", "IP", "ID", "POS", "OK", "QR",
                 "kB", "MB", "GB", "Esc", "Ctrl", "Shift", "Alt", "Enter", "Tab", "Del", "Delete"}

PAGE_LIST = "店长功能页"   # the manager window's list of pages


# GTK 4.8 marks every widget of a GtkStack "visible", shown page or not,
# and "showing" only windows: the whole tree is checked, every page of it,
# which is what Orca's flat review and structural navigation can reach.
def showing(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def walk(acc, out, depth=0):
    # the application itself is never "showing"; its windows are
    if depth > 60 or (depth > 0 and not showing(acc)):
        return
    out.append(acc)
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            walk(child, out, depth + 1)


def describe(acc):
    where = ""
    parent = acc.parent
    for _ in range(4):
        if parent is None:
            break
        if parent.name:
            where = " in %s “%s”" % (parent.getRoleName(), parent.name)
            break
        parent = parent.parent
    return "%s “%s”%s" % (acc.getRoleName(), acc.name, where)


def problems_of(acc):
    role = acc.getRole()
    name = acc.name or ""
    found = []
    if role in CONTROLS and not name.strip():
        found.append("no name")
    if role in CONTROLS and name:
        if GTK_TYPE.match(name):
            found.append("a GTK type name")
        if MNEMONIC.search(name):
            found.append("a mnemonic underscore")
        if said_twice(name):
            found.append("the words twice")
        words = [w for w in ENGLISH.findall(name) if w not in ALLOWED_WORDS]
        if words:
            found.append("English: " + " ".join(words))
    if role in CONTROLS:
        try:
            ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            # 0x0: never laid out yet (a page not opened)
            if ext.width > 0 and ext.height > 0 and (ext.width < 48 or ext.height < 48):
                found.append("smaller than 48x48 (%dx%d)" % (ext.width, ext.height))
        except NotImplementedError:
            pass
    return found


def check_screen(app, where):
    nodes = []
    walk(app, nodes)
    lines = []
    for acc in nodes:
        for p in problems_of(acc):
            lines.append("%s: %s" % (describe(acc), p))
    tap(not lines and len(nodes) > 5, "%s: %d things read out" % (where, len(nodes)),
        "\n".join(sorted(set(lines))))


def find(app, role, name, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        nodes = []
        walk(app, nodes)
        for acc in nodes:
            if acc.getRole() == role and acc.name == name:
                return acc
        time.sleep(0.2)
    raise RuntimeError("no %s “%s” on screen" % (role, name))


def press(app, name, role=pyatspi.ROLE_PUSH_BUTTON):
    acc = find(app, role, name)
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            break
    else:
        action.doAction(0)
    time.sleep(0.3)


def scan(code):
    """A barcode scanner, through the X server: keys sent one by one over
    the AT-SPI registry came more than the scan detector's 30 ms apart on
    a loaded machine, and the scan was typing."""
    Keyboard().scan(code)
    time.sleep(0.8)


def ctrl(key):
    ctrl_code = 37   # the X server's Control_L on the xvfb default keymap
    pyatspi.Registry.generateKeyboardEvent(ctrl_code, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(ord(key), None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(ctrl_code, None, pyatspi.KEY_RELEASE)
    time.sleep(0.8)


def login(app, name, pin):
    press(app, name)
    for d in pin:
        press(app, d)
    press(app, "确定")
    time.sleep(1.5)


def open_pages(manager):
    """Shows each page of the manager window (a page never shown has no size
    to check): selects its row in the page list."""
    nodes = []
    walk(manager, nodes)
    lists = [a for a in nodes if a.getRole() == pyatspi.ROLE_LIST and a.name == PAGE_LIST]
    if not lists:
        raise RuntimeError("no list “%s”" % PAGE_LIST)
    selection = lists[0].querySelection()
    for i in range(lists[0].childCount):
        selection.selectChild(i)
        time.sleep(0.5)
    return lists[0].childCount


def find_frame(app, part, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for i in range(app.childCount):
            frame = app.getChildAtIndex(i)
            if frame is not None and part in (frame.name or ""):
                return frame
        time.sleep(0.3)
    raise RuntimeError("no window “…%s…”" % part)


ALERTS = {pyatspi.ROLE_ALERT, pyatspi.ROLE_NOTIFICATION}


def listen(event):
    """The (role, name) of each object that sends @event, from now on."""
    heard = []

    def cb(e):
        try:
            heard.append((e.source.getRole(), e.source.name))
        except Exception:
            pass
    pyatspi.Registry.registerEventListener(cb, event)
    return heard


def pump(seconds):
    """Events come in through the GLib main loop."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.02)


def find_app(pid, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    raise RuntimeError("aixinwu did not appear on the accessibility bus")


def dump(app):
    nodes = []
    walk(app, nodes)
    for acc in nodes:
        try:
            ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            size = "%dx%d" % (ext.width, ext.height)
        except NotImplementedError:
            size = "-"
        print("# %s %s" % (describe(acc), size))


def main():
    binary = os.environ["AIXINWU_BIN"]
    tmp = tempfile.mkdtemp(prefix="axw-atspi-")
    db = os.path.join(tmp, "shop.db")
    subprocess.run([binary, "--db", db, "init", "--demo"], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("AIXINWU_LANGUAGE", None)
    env.update(GTK_A11Y="atspi", LANGUAGE="zh_CN", LC_ALL="zh_CN.UTF-8",
               GSETTINGS_BACKEND="memory", G_DEBUG="gc-friendly")
    stderr_path = os.path.join(tmp, "stderr.txt")
    with open(stderr_path, "w") as err:
        proc = subprocess.Popen([binary, "--db", db], env=env, stderr=err,
                                stdout=subprocess.DEVNULL)
    print("TAP version 13", flush=True)
    try:
        app = find_app(proc.pid)
        time.sleep(1.0)
        if os.environ.get("AXW_ATSPI_DUMP"):
            dump(app)
        check_screen(app, "login")
        # Ctrl+M with nobody logged in: refused, quietly
        ctrl("m")
        login(app, "小林", "1234")
        check_screen(app, "sale")
        heard = listen("object:property-change:accessible-name")
        scan("6971234560018")
        pump(1.0)
        said = [name for role, name in heard if role in ALERTS]
        tap(any("赤松茸" in n and "¥" in n for n in said),
            "the banner, an alert, says the item and its price after a scan",
            "alerts said: %r\nall name changes: %r" % (said, heard[:20]))
        scan("6971234560025")
        check_screen(app, "cart")
        press(app, "现金（F12）")
        check_screen(app, "payment")
        press(app, "顾客给的钱刚好")
        check_screen(app, "paid")
        press(app, "换收银员（F2）")
        login(app, "王店长", "8888")
        ctrl("m")
        manager = find_frame(app, "店长")
        pages = open_pages(manager)
        tap(pages >= 10, "the manager window's pages opened through AT-SPI: %d" % pages)
        check_screen(manager, "manager")
    except Exception as e:  # a step that could not be taken fails the test
        tap(False, "the steps", repr(e))
    finally:
        if os.environ.get("AXW_ATSPI_DUMP"):
            try:
                dump(app)
            except Exception:
                pass
        proc.terminate()
        proc.wait(timeout=10)
    # the sale went through: one sale of the two scanned items, paid in cash
    with sqlite3.connect(db) as con:
        sales = con.execute("SELECT count(*) FROM sales").fetchone()[0]
        lines = con.execute("SELECT count(*) FROM sale_lines").fetchone()[0]
    tap(sales == 1 and lines == 2, "one sale of two lines paid through AT-SPI (%d, %d)" % (sales, lines))
    with open(stderr_path) as err:
        bad = [l for l in err.read().splitlines() if re.search(r"CRITICAL|WARNING|ERROR", l)]
    tap(not bad, "no CRITICAL or WARNING on stderr", "\n".join(bad))
    shutil.rmtree(tmp, ignore_errors=True)
    return plan()


if __name__ == "__main__":
    sys.exit(main())
