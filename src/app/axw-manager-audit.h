/* axw-manager-audit.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_AUDIT (axw_manager_audit_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerAudit, axw_manager_audit, AXW, MANAGER_AUDIT, GtkBox)

void        axw_manager_audit_set_db  (AxwManagerAudit *self,
                                       AxwDb           *db);
/* Shows the newest entries matching @filter (NULL or "": all). */
void        axw_manager_audit_reload  (AxwManagerAudit *self,
                                       const char      *filter);
GListModel *axw_manager_audit_get_model (AxwManagerAudit *self);

G_END_DECLS
