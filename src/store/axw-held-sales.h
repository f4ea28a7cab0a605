/* axw-held-sales.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Held (parked) sales at the counter, kept in the database so that they
 * survive a restart and a change of cashier. A held cart is only its
 * scanned lines, red packet code and donation: it never touches stock, sales or
 * the outbox, and it is priced again when it comes back.
 */
#pragma once

#include "axw-cart.h"
#include "axw-db.h"

G_BEGIN_DECLS

gint64   axw_held_sales_add    (AxwDb          *db,
                                const AxwCart  *cart,
                                const char     *staff,
                                GDateTime      *at,
                                GError        **error);
guint    axw_held_sales_count  (AxwDb          *db);
AxwCart *axw_held_sales_recall (AxwDb          *db,
                                const AxwCart  *current,
                                const char     *staff,
                                GDateTime      *at,
                                GError        **error);
AxwCart *axw_held_sales_recall_id (AxwDb          *db,
                                   gint64          id,
                                   const AxwCart  *current,
                                   const char     *staff,
                                   GDateTime      *at,
                                   GError        **error);

typedef struct {
  gint64   id;
  char    *staff;     /* who held it */
  char    *held_at;   /* UTC ISO-8601 */
  AxwCart *cart;
} AxwHeldSale;

void       axw_held_sale_free  (AxwHeldSale  *held);
GPtrArray *axw_held_sales_list (AxwDb        *db,
                                GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwHeldSale, axw_held_sale_free)

G_END_DECLS
