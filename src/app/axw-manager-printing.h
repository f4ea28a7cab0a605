/* axw-manager-printing.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_PRINTING (axw_manager_printing_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerPrinting, axw_manager_printing, AXW, MANAGER_PRINTING, GtkBox)

void        axw_manager_printing_set_db       (AxwManagerPrinting *self,
                                               AxwDb              *db,
                                               const char         *manager);
void        axw_manager_printing_reload       (AxwManagerPrinting *self);
gboolean    axw_manager_printing_is_printing  (AxwManagerPrinting *self);
const char *axw_manager_printing_get_message  (AxwManagerPrinting *self);
GListModel *axw_manager_printing_get_model    (AxwManagerPrinting *self);

G_END_DECLS
