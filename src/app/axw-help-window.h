/* axw-help-window.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The staff's guide (docs/使用说明.md, built into the program with its
 * screenshots) in a window of its own: F1 anywhere, or 帮助. Works on a
 * kiosk without a browser or a network.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AXW_HELP_GUIDE_RESOURCE "/cn/aixinwu/Pos/help/guide.md"

#define AXW_TYPE_HELP_WINDOW (axw_help_window_get_type ())
G_DECLARE_FINAL_TYPE (AxwHelpWindow, axw_help_window, AXW, HELP_WINDOW, GtkWindow)

AxwHelpWindow *axw_help_window_show        (GtkWindow     *parent);
GtkTextView   *axw_help_window_get_view    (AxwHelpWindow *self);
guint          axw_help_window_get_n_images (AxwHelpWindow *self);

G_END_DECLS
