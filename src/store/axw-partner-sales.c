/* axw-partner-sales.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-db-sql.h"
#include "axw-consignment.h"
#include "axw-csv.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-partner-sales.h"

static void
row_free (gpointer data)
{
  AxwPartnerSalesRow *r = data;

  g_free (r->county);
  g_free (r->product);
  g_free (r);
}

static gpointer
partner_sales_row_from_row (sqlite3_stmt *stmt)
{
  AxwPartnerSalesRow *r = g_new0 (AxwPartnerSalesRow, 1);

  r->county = axw_db_column_dup (stmt, 0);
  r->product = axw_db_column_dup (stmt, 1);
  r->consignment = sqlite3_column_int (stmt, 2);
  r->qty_milli = sqlite3_column_int64 (stmt, 3);
  r->net_fen = sqlite3_column_int64 (stmt, 4);
  r->cost_fen = sqlite3_column_int64 (stmt, 5);
  return r;
}

/**
 * axw_partner_sales:
 *
 * Returns: (transfer full) (element-type AxwPartnerSalesRow): by county,
 *   then product; %NULL with an error
 */
GPtrArray *
axw_partner_sales (AxwDb       *db,
                   const char  *date_from,
                   const char  *date_to,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!axw_period_check (date_from, date_to, error))
    return NULL;
  stmt = axw_db_prepare (db, "SELECT src.origin, l.name, src.consignment, "
                             "  sum (d.sign * l.qty_milli), sum (d.sign * l.pay_fen), "
                             "  sum (d.sign * ((src.cost_fen * l.qty_milli + 500) / 1000)) "
                             "FROM (SELECT id, CASE kind WHEN 'refund' THEN -1 ELSE 1 END AS sign "
                             "FROM sales "
                             "      WHERE business_date BETWEEN ?1 AND ?2) d "
                             "JOIN sale_lines l ON l.sale_id = d.id "
                             "JOIN sale_line_sources src ON src.sale_line_id = l.id "
                             "WHERE src.partner "
                             "GROUP BY src.origin, l.name, src.consignment "
                             "ORDER BY src.origin, l.name, src.consignment", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, date_from);
  axw_db_bind_text (stmt, 2, date_to);
  return axw_db_collect (db, stmt, partner_sales_row_from_row, row_free, error);
}

/* The margin is the shop's own only for goods it bought outright. */
static char *
margin (gint64   net_fen,
        gint64   cost_fen,
        gboolean consignment)
{
  return consignment ? g_strdup ("") : axw_money_format (net_fen - cost_fen);
}

static void
append_row (GString    *out,
            const char *county,
            const char *product,
            const char *how,
            gint64      qty,
            gint64      net,
            gint64      cost,
            gboolean    consignment)
{
  g_autofree char *q = axw_qty_format (qty);
  g_autofree char *n = axw_money_format (net);
  g_autofree char *c = axw_money_format (cost);
  g_autofree char *m = margin (net, cost, consignment);
  const char *row[] = { county, product, how, q, n, c, m };

  axw_csv_append_row (out, row, G_N_ELEMENTS (row));
}

/* Returns: (transfer full): each product, each county's subtotal after it,
 * and the total; the margin of goods bought outright */
char *
axw_partner_sales_to_csv (GPtrArray *rows)
{
  static const char * const header[] = { "county", "product", "supply", "qty", "net", "cost",
    "margin" };
  GString *out = g_string_new (NULL);
  gint64 county_net = 0, county_cost = 0, net = 0, cost = 0;

  axw_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < rows->len; i++)
    {
      AxwPartnerSalesRow *r = g_ptr_array_index (rows, i);
      AxwPartnerSalesRow *next = i + 1 < rows->len ? g_ptr_array_index (rows, i + 1) : NULL;

      append_row (out, r->county, r->product, r->consignment ? "consignment" : "outright",
                  r->qty_milli, r->net_fen, r->cost_fen, r->consignment);
      county_net += r->net_fen;
      county_cost += r->cost_fen;
      if (next == NULL || g_strcmp0 (next->county, r->county) != 0)
        {
          append_row (out, r->county, "subtotal", "", 0, county_net, county_cost, TRUE);
          net += county_net;
          cost += county_cost;
          county_net = county_cost = 0;
        }
    }
  append_row (out, "total", "", "", 0, net, cost, TRUE);
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full) (element-type utf8): the report for people */
GPtrArray *
axw_partner_sales_to_lines (GPtrArray  *rows,
                            const char *date_from,
                            const char *date_to)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  gint64 net = 0;

  g_ptr_array_add (out, g_strdup_printf (_("Sales of partner counties’ goods (消费扶贫), %s – %s"),
                                         date_from, date_to));
  for (guint i = 0; i < rows->len; i++)
    {
      AxwPartnerSalesRow *r = g_ptr_array_index (rows, i);
      g_autofree char *q = axw_qty_format (r->qty_milli);
      g_autofree char *n = axw_money_format (r->net_fen);
      g_autofree char *m = margin (r->net_fen, r->cost_fen, r->consignment);

      g_ptr_array_add (out, r->consignment
                              ? g_strdup_printf (_("%s · %s · %s · ¥%s (consignment)"), r->county,
                                                 r->product, q, n)
                              : g_strdup_printf (_("%s · %s · %s · ¥%s, margin ¥%s"), r->county,
                                                 r->product, q, n, m));
      net += r->net_fen;
    }
  {
    g_autofree char *total = axw_money_format (net);

    g_ptr_array_add (out, g_strdup_printf (_("Total: ¥%s"), total));
  }
  return out;
}
