/* axw-held-sales-dialog.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The held sales to choose from when more than one waits: each with when
 * it was held, by whom, its items and its total. Arrow keys and Enter, or
 * a touch; "chosen" gives the held sale's id, then the dialog closes.
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_HELD_SALES_DIALOG (axw_held_sales_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AxwHeldSalesDialog, axw_held_sales_dialog, AXW, HELD_SALES_DIALOG, GtkWindow)

AxwHeldSalesDialog *axw_held_sales_dialog_new    (GtkWindow          *parent,
                                                  AxwDb              *db,
                                                  GDateTime          *now);
guint               axw_held_sales_dialog_get_n  (AxwHeldSalesDialog *self);

G_END_DECLS
