/* axw-report-print.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports (X, Z, any period) on the receipt printer: the same lines as
 * `report --width`, encoded like receipts, sent like receipts.
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"
#include "axw-report.h"

G_BEGIN_DECLS

GBytes   *axw_report_print_encode (const AxwReport     *report,
                                   guint                width_mm,
                                   GError             **error);
gboolean  axw_report_print        (AxwDb               *db,
                                   const AxwReport     *report,
                                   const char          *printer,
                                   guint                width_mm,
                                   GError             **error);
void      axw_report_print_async  (AxwDb               *db,
                                   const AxwReport     *report,
                                   const char          *printer,
                                   guint                width_mm,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  axw_report_print_finish (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
