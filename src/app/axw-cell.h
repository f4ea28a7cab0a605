/* axw-cell.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AXW_TYPE_CELL (axw_cell_get_type ())

G_DECLARE_FINAL_TYPE (AxwCell, axw_cell, AXW, CELL, GtkWidget)

GtkWidget *axw_cell_new       (void);
GtkLabel  *axw_cell_get_label (AxwCell *self);

G_END_DECLS
