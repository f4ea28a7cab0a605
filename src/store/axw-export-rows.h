/* axw-export-rows.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the online shop's export (src/sync/axw-export.c) reads and records:
 * its cursor in export_cursor, and the products.csv rows.
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

gboolean  axw_export_cursor_read        (AxwDb       *db,
                                         gint64      *out_cursor,
                                         char       **out_products_hash,
                                         gint64      *out_pending,
                                         gboolean    *out_pending_full,
                                         GError     **error);
gboolean  axw_export_cursor_set_pending (AxwDb       *db,
                                         gint64       last,
                                         gboolean     full,
                                         GError     **error);
gboolean  axw_export_cursor_advance     (AxwDb       *db,
                                         gint64       last,
                                         const char  *products_hash,
                                         GError     **error);
gint64    axw_sales_last_id             (AxwDb       *db,
                                         GError     **error);
GString  *axw_products_shop_csv         (AxwDb       *db,
                                         guint64     *out_count,
                                         GError     **error);

G_END_DECLS
