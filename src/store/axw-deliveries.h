/* axw-deliveries.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

/* Goods in (进货/入库): a delivery raises the stock of its lines in one
 * transaction, audited; a return to the supplier (退货) takes lines of a
 * delivery back out. Both are recorded for good: a mistake is corrected
 * by a return, never by an edit. */

typedef struct {
  gint64 product_id;
  gint64 qty_milli;         /* > 0: pieces × 1000, or grams */
  gint64 unit_cost_fen;     /* per piece, or per kg */
} AxwDeliveryLine;

/* One line of a delivery to send back: its line number, how much. */
typedef struct {
  guint  line_no;
  gint64 qty_milli;
} AxwDeliveryReturn;

typedef struct {
  gint64  id;
  char   *kind;             /* "delivery" or "return" */
  gint64  return_of;        /* the delivery a return is of, else 0 */
  char   *supplier;
  char   *delivered_on;     /* business date */
  char   *staff;
  guint   n_lines;
  gint64  qty_milli;        /* Σ lines */
  gint64  amount_fen;       /* Σ lines, at cost */
} AxwDelivery;

/* A line of a delivery with what of it has not gone back yet. */
typedef struct {
  guint     line_no;
  char     *name;
  gboolean  per_kg;
  gint64    qty_milli;      /* delivered */
  gint64    left_milli;     /* not returned yet */
  gint64    unit_cost_fen;
} AxwDeliveryLineLeft;

void        axw_delivery_free          (AxwDelivery             *delivery);
void        axw_delivery_line_left_free (AxwDeliveryLineLeft    *line);
GPtrArray  *axw_deliveries_lines_left  (AxwDb                   *db,
                                        gint64                   delivery_id,
                                        GError                 **error);

GArray     *axw_deliveries_parse_csv   (AxwDb                   *db,
                                        const char              *text,
                                        gsize                    length,
                                        GError                 **error);
gboolean    axw_deliveries_receive     (AxwDb                   *db,
                                        const char              *supplier,
                                        const char              *date,
                                        const AxwDeliveryLine   *lines,
                                        guint                    n_lines,
                                        const char              *staff,
                                        gint64                  *out_id,
                                        GError                 **error);
gboolean    axw_deliveries_return      (AxwDb                   *db,
                                        gint64                   delivery_id,
                                        const AxwDeliveryReturn *lines,
                                        guint                    n_lines,
                                        const char              *staff,
                                        gint64                  *out_id,
                                        GError                 **error);
GPtrArray  *axw_deliveries_list        (AxwDb                   *db,
                                        guint                    limit,
                                        GError                 **error);
char       *axw_delivery_describe      (const AxwDelivery       *delivery);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwDelivery, axw_delivery_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwDeliveryLineLeft, axw_delivery_line_left_free)

G_END_DECLS
