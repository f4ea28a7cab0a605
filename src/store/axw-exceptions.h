/* axw-exceptions.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exceptions at the counter: what departs from a plain sale is done here
 * and audited with who did it and, for a manager's decision, why. The
 * caller has checked the manager's PIN; @manager must be a manager.
 */
#pragma once

#include "axw-cart.h"
#include "axw-db.h"
#include "axw-sales.h"

G_BEGIN_DECLS

/* A completed sale undone: a refund of everything still refundable. */
AxwSale  *axw_sales_void                 (AxwDb          *db,
                                          const char     *sale,
                                          const char     *manager,
                                          const char     *reason,
                                          GDateTime      *at,
                                          GError        **error);
gboolean  axw_exceptions_override_price  (AxwDb          *db,
                                          AxwCart        *cart,
                                          guint           index,
                                          gint64          unit_price_fen,
                                          const char     *manager,
                                          const char     *reason,
                                          GError        **error);
/* @line: as priced in the quote, so the amount is what the customer saw */
gboolean  axw_exceptions_line_removed    (AxwDb          *db,
                                          const char     *staff,
                                          const AxwLine  *line,
                                          GError        **error);
gboolean  axw_exceptions_line_restored   (AxwDb          *db,
                                          const char     *staff,
                                          const AxwLine  *line,
                                          GError        **error);
gboolean  axw_exceptions_cart_discarded  (AxwDb          *db,
                                          const char     *staff,
                                          const AxwSale  *quote,
                                          GError        **error);
gboolean  axw_exceptions_no_sale         (AxwDb          *db,
                                          const char     *manager,
                                          const char     *reason,
                                          GError        **error);
AxwLine  *axw_checkout_item_from_spec    (AxwDb          *db,
                                          const char     *spec,
                                          GError        **error);
AxwSale  *axw_sales_return_without_receipt (AxwDb        *db,
                                            const char   *item,
                                            const char   *manager,
                                            const char   *reason,
                                            GDateTime    *at,
                                            GError      **error);

G_END_DECLS
