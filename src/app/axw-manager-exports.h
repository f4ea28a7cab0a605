/* axw-manager-exports.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_EXPORTS (axw_manager_exports_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerExports, axw_manager_exports, AXW, MANAGER_EXPORTS, GtkBox)

void            axw_manager_exports_set_db       (AxwManagerExports *self,
                                                  AxwDb             *db,
                                                  const char        *manager);
void            axw_manager_exports_reload       (AxwManagerExports *self);
gboolean        axw_manager_exports_get_busy     (AxwManagerExports *self);
const char     *axw_manager_exports_get_message  (AxwManagerExports *self);
GtkFileChooser *axw_manager_exports_get_chooser  (AxwManagerExports *self);

G_END_DECLS
