/* axw-online-ledger.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The online orders applied to the stock (online_orders, one row per order
 * id) and their lines (online_order_lines), for src/sync/axw-online-orders.c.
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

gboolean axw_online_ledger_known    (AxwDb       *db,
                                     const char  *order_id,
                                     gboolean    *out_known,
                                     GError     **error);
gboolean axw_online_ledger_sold     (AxwDb       *db,
                                     const char  *order_id,
                                     gint64       product_id,
                                     gint64      *out_sold_milli,
                                     gint64      *out_returned_milli,
                                     GError     **error);
gboolean axw_online_ledger_add      (AxwDb       *db,
                                     const char  *order_id,
                                     const char  *now,
                                     GError     **error);
gboolean axw_online_ledger_stock_of (AxwDb       *db,
                                     gint64       product_id,
                                     gint64      *out_stock_milli,
                                     char       **out_name,
                                     GError     **error);
gboolean axw_online_ledger_move     (AxwDb       *db,
                                     const char  *order_id,
                                     const char  *return_of,
                                     gint64       product_id,
                                     gint64       qty_milli,
                                     gint64       stock_after_milli,
                                     const char  *now,
                                     GError     **error);

G_END_DECLS
