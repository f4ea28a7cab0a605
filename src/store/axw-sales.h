/* axw-sales.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Committed documents: loading a sale or refund, and refunds (a manager's,
 * line by line, each line's promotion and red-packet share reversed).
 */
#pragma once

#include "axw-db.h"
#include "axw-sale.h"

G_BEGIN_DECLS

/* @sale: a receipt number or a UUID. */
AxwSale    *axw_sales_load              (AxwDb          *db,
                                         const char     *sale,
                                         GError        **error);
AxwSale    *axw_sales_load_by_id        (AxwDb          *db,
                                         gint64          id,
                                         GError        **error);
char       *axw_sales_last_time         (AxwDb          *db);

typedef struct {
  int    line_no;      /* line of the original sale */
  gint64 qty_milli;    /* 0: all that is left to refund */
} AxwRefundItem;

/* A refund document of the given lines (all remaining lines when
 * @n_items is 0); @manager must be a manager (the caller checked the
 * PIN). Money goes back per payment method. */
AxwSale    *axw_sales_refund            (AxwDb               *db,
                                         const char          *sale,
                                         const AxwRefundItem *items,
                                         guint                n_items,
                                         const char          *manager,
                                         GDateTime           *at,
                                         GError             **error);
/* The same refund, computed and not written (shown before confirming). */
AxwSale    *axw_sales_refund_preview    (AxwDb               *db,
                                         const char          *sale,
                                         const AxwRefundItem *items,
                                         guint                n_items,
                                         GDateTime           *at,
                                         GError             **error);
/* The sale with, per line, the quantity still refundable. */
AxwSale    *axw_sales_refundable        (AxwDb               *db,
                                         const char          *sale,
                                         GArray             **out_left,
                                         GError             **error);

G_END_DECLS
