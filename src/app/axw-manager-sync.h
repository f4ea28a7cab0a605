/* axw-manager-sync.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_SYNC (axw_manager_sync_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerSync, axw_manager_sync, AXW, MANAGER_SYNC, GtkBox)

/* @manager: who asks for retries (audited) */
void        axw_manager_sync_set_db      (AxwManagerSync *self,
                                          AxwDb          *db,
                                          const char     *manager);
void        axw_manager_sync_reload      (AxwManagerSync *self);
gboolean    axw_manager_sync_get_busy    (AxwManagerSync *self);
/* The refused sales shown, as receipt numbers */
GListModel *axw_manager_sync_get_dead    (AxwManagerSync *self);
/* "setup", "status", "message" or "dead-title": what a label shows */
const char *axw_manager_sync_get_text    (AxwManagerSync *self,
                                          const char     *what);

G_END_DECLS
