/* axw-partner-sales.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

/* The 消费扶贫 report: what the shop sold of partner counties' goods in a
 * period, by county and product, refunds taken off in the period they were
 * made; the origin, supplier and cost are each line's as sold. */
typedef struct {
  char     *county;
  char     *product;
  gboolean  consignment;   /* 代销: no margin of the shop's own */
  gint64    qty_milli;
  gint64    net_fen;       /* paid, after promotions and red packets */
  gint64    cost_fen;      /* round-half-up (unit cost × qty) per line */
} AxwPartnerSalesRow;

GPtrArray *axw_partner_sales         (AxwDb       *db,
                                      const char  *date_from,
                                      const char  *date_to,
                                      GError     **error);
char      *axw_partner_sales_to_csv  (GPtrArray   *rows);
GPtrArray *axw_partner_sales_to_lines (GPtrArray  *rows,
                                       const char *date_from,
                                       const char *date_to);

G_END_DECLS
