/* axw-held-sales.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Held (parked) sales at the counter, kept in the database so that they
 * survive a restart and a change of cashier. A held cart is only its
 * scanned lines and red packet code: it never touches stock, sales or
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

G_END_DECLS
