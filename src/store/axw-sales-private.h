/* axw-sales-private.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by axw-checkout.c and axw-sales.c only.
 */
#pragma once

#include "axw-checkout.h"
#include "axw-sales.h"

G_BEGIN_DECLS

/* A refund must name the sale it refunds (schema v1: CHECK on sales); a
 * return without a receipt names itself, and loads with no original. */
#define AXW_REFUND_OF_ITSELF (-1)

gboolean axw_sales_lookup_staff    (AxwDb        *db,
                                    const char   *name,
                                    gboolean      manager,
                                    gint64       *out_id,
                                    GError      **error);
gint64   axw_sales_insert_document (AxwDb        *db,
                                    AxwSale      *sale,
                                    gint64        staff_id,
                                    const char   *staff,
                                    gint64        refund_of,
                                    const char   *now,
                                    GError      **error);
AxwSale *axw_sales_refund_in_transaction (AxwDb               *db,
                                          const char          *sale,
                                          const AxwRefundItem *items,
                                          guint                n_items,
                                          const char          *manager,
                                          GDateTime           *at,
                                          GError             **error);

G_END_DECLS
