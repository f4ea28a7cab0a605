/* axw-manager-funds.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_FUNDS (axw_manager_funds_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerFunds, axw_manager_funds, AXW, MANAGER_FUNDS, GtkBox)

/* @manager: who makes the changes (audited) */
void        axw_manager_funds_set_db       (AxwManagerFunds *self,
                                            AxwDb           *db,
                                            const char      *manager);
void        axw_manager_funds_reload       (AxwManagerFunds *self);
GListModel *axw_manager_funds_get_model    (AxwManagerFunds *self);
void        axw_manager_funds_select       (AxwManagerFunds *self,
                                            guint            position);
GtkEditable *axw_manager_funds_get_field   (AxwManagerFunds *self,
                                            const char      *name);
const char *axw_manager_funds_get_message  (AxwManagerFunds *self);
GtkWindow  *axw_manager_funds_get_dialog   (AxwManagerFunds *self);

G_END_DECLS
