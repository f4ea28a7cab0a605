/* axw-manager-window.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-application.h"
#include "axw-db.h"
#include "axw-manager-audit.h"
#include "axw-manager-reports.h"
#include "axw-manager-staff.h"
#include "axw-manager-products.h"
#include "axw-manager-stocktake.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_WINDOW (axw_manager_window_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerWindow, axw_manager_window, AXW, MANAGER_WINDOW, AdwWindow)

/* The counter opens it after a manager's PIN: reports, and later
 * products, staff and settings. */
AxwManagerWindow  *axw_manager_window_new         (GtkWindow        *parent,
                                                   AxwDb            *db,
                                                   const char       *manager);
/* An AxwManagerWindowFunc for axw_application_set_manager_window_func(). */
GtkWindow         *axw_manager_window_open        (AxwApplication   *app,
                                                   const AxwStaff   *manager);
AxwManagerReports *axw_manager_window_get_reports (AxwManagerWindow *self);
AxwManagerAudit   *axw_manager_window_get_audit   (AxwManagerWindow *self);
AxwManagerStaff   *axw_manager_window_get_staff   (AxwManagerWindow *self);
AxwManagerProducts  *axw_manager_window_get_products  (AxwManagerWindow *self);
AxwManagerStocktake *axw_manager_window_get_stocktake (AxwManagerWindow *self);
AdwViewStack        *axw_manager_window_get_stack     (AxwManagerWindow *self);
/* "reports", "products", "stocktake", "staff" or "audit" */
void               axw_manager_window_show_page   (AxwManagerWindow *self,
                                                   const char       *name);

G_END_DECLS
