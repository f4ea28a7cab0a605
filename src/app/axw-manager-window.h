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
#include "axw-manager-backups.h"
#include "axw-manager-exports.h"
#include "axw-manager-printing.h"
#include "axw-manager-funds.h"
#include "axw-manager-goods-in.h"
#include "axw-manager-district.h"
#include "axw-manager-products.h"
#include "axw-manager-promotions.h"
#include "axw-manager-refunds.h"
#include "axw-manager-shifts.h"
#include "axw-manager-reports.h"
#include "axw-manager-settings.h"
#include "axw-manager-staff.h"
#include "axw-manager-stocktake.h"
#include "axw-manager-sync.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_WINDOW (axw_manager_window_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerWindow, axw_manager_window, AXW, MANAGER_WINDOW, AdwWindow)

/* The counter opens it after a manager's PIN: every manager page, listed
 * in a sidebar. */
AxwManagerWindow  *axw_manager_window_new         (GtkWindow        *parent,
                                                   AxwDb            *db,
                                                   const char       *manager);
/* An AxwManagerWindowFunc for axw_application_set_manager_window_func(). */
GtkWindow         *axw_manager_window_open        (AxwApplication   *app,
                                                   const AxwStaff   *manager);
/* a page by name: "reports", "refunds", "products", "stocktake", "promotions",
 * "goods-in", "funds", "staff", "sync", "backups", "settings" or "audit" */
void                  axw_manager_window_show_page (AxwManagerWindow *self,
                                                    const char       *name);
GtkStack             *axw_manager_window_get_stack (AxwManagerWindow *self);
AxwManagerReports    *axw_manager_window_get_reports (AxwManagerWindow *self);
AxwManagerShifts     *axw_manager_window_get_shifts (AxwManagerWindow *self);
AxwManagerRefunds    *axw_manager_window_get_refunds (AxwManagerWindow *self);
AxwManagerProducts   *axw_manager_window_get_products (AxwManagerWindow *self);
AxwManagerStocktake  *axw_manager_window_get_stocktake (AxwManagerWindow *self);
AxwManagerGoodsIn    *axw_manager_window_get_goods_in  (AxwManagerWindow *self);
AxwManagerFunds      *axw_manager_window_get_funds     (AxwManagerWindow *self);
AxwManagerPromotions *axw_manager_window_get_promotions (AxwManagerWindow *self);
AxwManagerStaff      *axw_manager_window_get_staff (AxwManagerWindow *self);
AxwManagerSync       *axw_manager_window_get_sync (AxwManagerWindow *self);
AxwManagerDistrict   *axw_manager_window_get_district (AxwManagerWindow *self);
AxwManagerBackups    *axw_manager_window_get_backups (AxwManagerWindow *self);
AxwManagerSettings   *axw_manager_window_get_settings (AxwManagerWindow *self);
AxwManagerAudit      *axw_manager_window_get_audit (AxwManagerWindow *self);

G_END_DECLS
