/* axw-manager-staff.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_STAFF (axw_manager_staff_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerStaff, axw_manager_staff, AXW, MANAGER_STAFF, GtkBox)

/* @manager: who makes the changes (audited) */
void        axw_manager_staff_set_db      (AxwManagerStaff *self,
                                           AxwDb           *db,
                                           const char      *manager);
void        axw_manager_staff_reload      (AxwManagerStaff *self);
GListModel *axw_manager_staff_get_model   (AxwManagerStaff *self);
const char *axw_manager_staff_get_message (AxwManagerStaff *self);

G_END_DECLS
