# axw_keys.py
#
# Copyright 2026 The Aixinwu POS developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keys for the Python UI tests (test-orca.py, test-atspi.py), typed through
# the X server with XTest (python3-xlib), as a keyboard or a barcode
# scanner types them.
import time

from Xlib import X, XK, display
from Xlib.ext import xtest


class Keyboard:
    """Keys through the X server (XTest), each delayed by the server itself
    after the one before."""

    def __init__(self):
        self.dpy = display.Display()
        self.shift = self.dpy.keysym_to_keycode(XK.XK_Shift_L)

    def window_of(self, pid):
        """The top-level X window of process @pid."""
        atom = self.dpy.intern_atom("_NET_WM_PID")
        for w in self.dpy.screen().root.query_tree().children:
            prop = w.get_full_property(atom, X.AnyPropertyType)
            if prop is not None and prop.value[0] == pid and \
               w.get_attributes().map_state == X.IsViewable:
                return w
        return None

    def focus(self, window):
        """Takes the keyboard focus away and gives it to @window: the
        window becomes active again and says so on the AT-SPI bus."""
        self.dpy.set_input_focus(X.NONE, X.RevertToParent, X.CurrentTime)
        self.dpy.sync()
        time.sleep(0.2)
        window.set_input_focus(X.RevertToParent, X.CurrentTime)
        self.dpy.sync()

    def key(self, sym, delay_ms=150):
        code = self.dpy.keysym_to_keycode(sym)
        upper = ord("A") <= sym <= ord("Z")
        if upper:
            xtest.fake_input(self.dpy, X.KeyPress, self.shift, time=delay_ms)
        xtest.fake_input(self.dpy, X.KeyPress, code, time=0 if upper else delay_ms)
        xtest.fake_input(self.dpy, X.KeyRelease, code, time=1 if delay_ms else 0)
        if upper:
            xtest.fake_input(self.dpy, X.KeyRelease, self.shift)
        self.dpy.sync()

    def ctrl(self, sym):
        control = self.dpy.keysym_to_keycode(XK.XK_Control_L)
        xtest.fake_input(self.dpy, X.KeyPress, control, time=150)
        self.key(sym, 50)
        xtest.fake_input(self.dpy, X.KeyRelease, control, time=1)
        self.dpy.sync()

    def type(self, text, gap_ms=150, enter=True):
        for c in text:
            self.key(ord(c), gap_ms)
        if enter:
            self.key(XK.XK_Return, gap_ms)

    def scan(self, code):
        """A barcode scanner: the characters and Enter at once. (8 ms
        apart, as a scanner sends them, the X server's timer for a gap
        fires late now and then on a loaded machine, the gap reaches the
        scan detector's 30 ms, and the scan is typing.)"""
        self.type(code, gap_ms=0)
