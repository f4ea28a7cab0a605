/* axw-consignment.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

/* Consignment settlement (代销结算): what the shop owes a consignment
 * supplier for the goods it sold in a period, at the cost each line had
 * when sold, refunds taken off in the period they were made. A sale line
 * is settled once: settling again takes only lines not settled yet. */

typedef struct {
  gint64  sale_line_id;
  char   *receipt_no;
  char   *business_date;
  char   *name;
  gint64  qty_milli;        /* a refund's is negative */
  gint64  unit_cost_fen;
  gint64  amount_fen;       /* round-half-up (unit cost × qty), a refund's negative */
} AxwSettlementLine;

typedef struct {
  gint64     number;        /* 0 while a preview */
  char      *supplier;
  char      *date_from;
  char      *date_to;
  char      *settled_at;    /* nullable: a preview */
  char      *staff;         /* nullable */
  gint64     qty_milli;     /* Σ lines */
  gint64     owed_fen;      /* Σ lines */
  GPtrArray *lines;         /* AxwSettlementLine, by date and receipt */
} AxwSettlement;

gboolean       axw_period_check         (const char    *from,
                                         const char    *to,
                                         GError       **error);
void           axw_settlement_free      (AxwSettlement *settlement);
AxwSettlement *axw_consignment_preview  (AxwDb         *db,
                                         const char    *supplier,
                                         const char    *date_from,
                                         const char    *date_to,
                                         GError       **error);
AxwSettlement *axw_consignment_settle   (AxwDb         *db,
                                         const char    *supplier,
                                         const char    *date_from,
                                         const char    *date_to,
                                         const char    *staff,
                                         GError       **error);
AxwSettlement *axw_consignment_get      (AxwDb         *db,
                                         gint64         number,
                                         GError       **error);
char          *axw_settlement_to_csv    (const AxwSettlement *settlement);
GPtrArray     *axw_settlement_to_lines  (const AxwSettlement *settlement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwSettlement, axw_settlement_free)

G_END_DECLS
