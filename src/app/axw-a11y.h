/* axw-a11y.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *axw_a11y_strip_mnemonic (const char *label);
void  axw_a11y_name_controls  (GtkWidget  *root);
void  axw_a11y_announce       (GtkWidget  *widget,
                               const char *text);

G_END_DECLS
