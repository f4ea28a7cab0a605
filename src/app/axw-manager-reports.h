/* axw-manager-reports.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"
#include "axw-report.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_REPORTS (axw_manager_reports_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerReports, axw_manager_reports, AXW, MANAGER_REPORTS, GtkBox)

AxwManagerReports *axw_manager_reports_new        (AxwDb             *db);
void               axw_manager_reports_set_db     (AxwManagerReports *self,
                                                   AxwDb             *db);
/* Shows the report of [@from, @to]; FALSE (and the message on screen) when refused. */
gboolean           axw_manager_reports_show_range (AxwManagerReports *self,
                                                   const char        *from,
                                                   const char        *to);
const AxwReport   *axw_manager_reports_get_report (AxwManagerReports *self);
gboolean           axw_manager_reports_is_printing (AxwManagerReports *self);
const char        *axw_manager_reports_get_message (AxwManagerReports *self);

G_END_DECLS
