/* axw-export.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files for the online shop (docs/design.md §9, data/EXPORT.md): products.csv,
 * sales-<first>-<last>.jsonl and manifest.json, incremental from a cursor
 * in the database.
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"

G_BEGIN_DECLS

typedef struct {
  guint64   n_sales;          /* documents written by this run */
  guint     n_sales_files;
  gint64    last_sale_id;     /* the cursor after the run */
  gboolean  wrote_products;
  guint64   n_products;
} AxwExportResult;

gboolean axw_export_run        (AxwDb            *db,
                                const char       *dir,
                                gboolean          full,
                                AxwExportResult  *result,
                                GError          **error);
void     axw_export_run_async  (const char       *db_path,
                                const char       *dir,
                                gboolean          full,
                                GCancellable     *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer          user_data);
gboolean axw_export_run_finish (GAsyncResult     *result,
                                AxwExportResult  *out_result,
                                GError          **error);

G_END_DECLS
