/* axw-district-report.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the funder reads at the hub: the claim (each code once, the
 * first redemption to reach the hub, refunds netted) and the conflicts
 * (a code redeemed again in another sale), which are listed apart and
 * never claimed.
 */
#include <glib/gi18n.h>
#include <stdlib.h>

#include "axw-district-private.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-sale-docs.h"
#include "axw-settings.h"

#define UTC_TEXT(col) "to_char (" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

static PGresult *
query (AxwHub       *hub,
       const char   *sql,
       int           n_params,
       const char  **params,
       GError      **error)
{
  PGresult *r = PQexecParams (hub->conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (r) == PGRES_TUPLES_OK)
    return r;
  axw_hub_set_error (hub, r, error);
  PQclear (r);
  return NULL;
}

static void
append_text (GString    *out,
             const char *key,
             PGresult   *r,
             int         row,
             int         col)
{
  g_string_append_printf (out, "\"%s\":", key);
  if (PQgetisnull (r, row, col))
    g_string_append (out, "null");
  else
    axw_json_append_string (out, PQgetvalue (r, row, col));
}

static void
append_int (GString    *out,
            const char *key,
            PGresult   *r,
            int         row,
            int         col)
{
  g_string_append_printf (out, "\"%s\":", key);
  axw_json_append_int (out, g_ascii_strtoll (PQgetvalue (r, row, col), NULL, 10));
}

/* {shop, receipt_no, created_at} from columns @col… */
static void
append_side (GString  *out,
             PGresult *r,
             int       row,
             int       col)
{
  g_string_append_c (out, '{');
  append_text (out, "shop", r, row, col);
  g_string_append_c (out, ',');
  append_text (out, "receipt_no", r, row, col + 1);
  g_string_append_c (out, ',');
  append_text (out, "business_date", r, row, col + 2);
  g_string_append_c (out, ',');
  append_text (out, "created_at", r, row, col + 3);
  g_string_append_c (out, '}');
}

static const char conflicts_sql[] =
  "SELECT c.code, r.campaign, r.funder, c.amount_fen,"
  "       r.shop, r.receipt_no, r.business_date, " UTC_TEXT ("r.created_at") ","
  "       c.shop, c.receipt_no, c.business_date, " UTC_TEXT ("c.created_at") ","
  "       r.amount_fen"
  " FROM district.conflicts c JOIN district.redemptions r USING (code)"
  " WHERE ($1::text IS NULL OR r.funder = $1)"
  "   AND ($2::date IS NULL OR c.business_date BETWEEN $2 AND $3)"
  " ORDER BY c.id";

static gboolean
append_conflicts (AxwHub       *hub,
                  GString      *out,
                  const char  **params,
                  GError      **error)
{
  g_autoptr(PGresult) r = query (hub, conflicts_sql, 3, params, error);

  if (r == NULL)
    return FALSE;
  g_string_append_c (out, '[');
  for (int i = 0; i < PQntuples (r); i++)
    {
      g_string_append (out, i ? ",{" : "{");
      append_text (out, "code", r, i, 0);
      g_string_append_c (out, ',');
      append_text (out, "campaign", r, i, 1);
      g_string_append_c (out, ',');
      append_text (out, "funder", r, i, 2);
      g_string_append_c (out, ',');
      append_int (out, "amount_fen", r, i, 3);
      g_string_append (out, ",\"first\":");
      append_side (out, r, i, 4);
      g_string_append (out, ",\"second\":");
      append_side (out, r, i, 8);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return TRUE;
}

/**
 * axw_district_conflicts_json:
 *
 * Returns: (transfer full): every code redeemed twice, as a JSON list
 *   of {code, campaign, funder, amount_fen, first, second}, or %NULL
 *   with @error
 */
char *
axw_district_conflicts_json (AxwHub  *hub,
                             GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *params[3] = { NULL, NULL, NULL };

  if (axw_hub_check_version (hub, error) < 0 || !append_conflicts (hub, out, params, error))
    return NULL;
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Refunds net the claim: a refund carries the red-packet share it gave
 * back, so the funder owes only what stayed with the customer. */
static const char claim_sql[] =
  "SELECT r.code, r.shop, r.receipt_no, r.business_date, r.amount_fen,"
  "       coalesce ((SELECT sum (f.red_packet_fen) FROM district.sale_docs f"
  "                  WHERE f.refund_of = r.sale_uuid AND f.kind = 'refund'), 0)"
  " FROM district.redemptions r"
  " WHERE r.funder = $1 AND r.business_date BETWEEN $2 AND $3"
  " ORDER BY r.business_date, r.shop, r.receipt_no";

/**
 * axw_district_claim_json:
 * @funder: the funder named on the campaigns
 * @from: (not nullable): first business date, YYYY-MM-DD
 * @to: (not nullable): last business date, inclusive
 *
 * Returns: (transfer full): {funder, from, to, count, amount_fen,
 *   redemptions: […], conflicts: […]}, or %NULL with @error
 */
char *
axw_district_claim_json (AxwHub      *hub,
                         const char  *funder,
                         const char  *from,
                         const char  *to,
                         GError     **error)
{
  g_autoptr(GString) out = g_string_new ("{\"funder\":");
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(PGresult) r = NULL;
  const char *params[3] = { funder, from, to };
  gint64 total = 0;

  if (axw_hub_check_version (hub, error) < 0 || (r = query (hub, claim_sql, 3, params, error)) == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      total += g_ascii_strtoll (PQgetvalue (r, i, 4), NULL, 10) - g_ascii_strtoll (PQgetvalue (r, i, 5), NULL, 10);
      g_string_append (list, i ? ",{" : "{");
      append_text (list, "code", r, i, 0);
      g_string_append_c (list, ',');
      append_text (list, "shop", r, i, 1);
      g_string_append_c (list, ',');
      append_text (list, "receipt_no", r, i, 2);
      g_string_append_c (list, ',');
      append_text (list, "business_date", r, i, 3);
      g_string_append_c (list, ',');
      append_int (list, "amount_fen", r, i, 4);
      g_string_append_c (list, ',');
      append_int (list, "refunded_fen", r, i, 5);
      g_string_append_c (list, '}');
    }
  g_string_append_c (list, ']');
  axw_json_append_string (out, funder);
  g_string_append (out, ",\"from\":");
  axw_json_append_string (out, from);
  g_string_append (out, ",\"to\":");
  axw_json_append_string (out, to);
  g_string_append_printf (out, ",\"count\":%d,\"amount_fen\":%" G_GINT64_FORMAT ",\"redemptions\":%s,"
                          "\"conflicts\":", PQntuples (r), total, list->str);
  if (!append_conflicts (hub, out, params, error))
    return NULL;
  g_string_append (out, "}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The shop report's fields (axw-report.h), summed over the district:
 * refunds count apart (refunds_fen), their payments and red-packet
 * shares are taken back, so total_fen = gross − promo − red packets −
 * refunds, and each shop's own report adds up to the same fen. */
static const char report_totals_sql[] =
  "SELECT count (*) FILTER (WHERE kind = 'sale'), count (*) FILTER (WHERE kind = 'refund'),"
  "       coalesce (sum (gross_fen) FILTER (WHERE kind = 'sale'), 0),"
  "       coalesce (sum (promo_fen) FILTER (WHERE kind = 'sale'), 0),"
  "       coalesce (sum (red_packet_fen) FILTER (WHERE kind = 'sale'), 0),"
  "       coalesce (sum (CASE kind WHEN 'sale' THEN total_fen ELSE -total_fen END), 0),"
  "       coalesce (sum (total_fen) FILTER (WHERE kind = 'refund'), 0),"
  "       coalesce (sum (CASE kind WHEN 'sale' THEN cash_rounding_fen ELSE -cash_rounding_fen END), 0)"
  " FROM district.sale_docs WHERE business_date BETWEEN $1 AND $2";

static const char report_payments_sql[] =
  "SELECT m.method, coalesce (sum (CASE p.kind WHEN 'sale' THEN p.amount_fen ELSE -p.amount_fen END), 0)"
  " FROM unnest (ARRAY['cash', 'wechat', 'alipay', 'unionpay']) WITH ORDINALITY m (method, n)"
  " LEFT JOIN district.payments p ON p.method = m.method AND p.business_date BETWEEN $1 AND $2"
  " GROUP BY m.method, m.n ORDER BY m.n";

static const char report_red_packets_sql[] =
  "SELECT rp_campaign, rp_funder, count (*) FILTER (WHERE kind = 'sale'),"
  "       coalesce (sum (red_packet_fen) FILTER (WHERE kind = 'sale'), 0),"
  "       coalesce (sum (red_packet_fen) FILTER (WHERE kind = 'refund'), 0)"
  " FROM district.sale_docs WHERE business_date BETWEEN $1 AND $2 AND rp_code IS NOT NULL"
  " GROUP BY 1, 2 ORDER BY 1, 2";

/* The documents carry no category: it is the district catalog's, by
 * barcode ("" for goods the catalog does not know). */
static const char report_categories_sql[] =
  "SELECT coalesce (c.category, ''), sum (l.qty_milli), sum (l.pay_fen)"
  " FROM (SELECT barcode, sum (CASE kind WHEN 'sale' THEN qty_milli ELSE -qty_milli END) AS qty_milli,"
  "              sum (CASE kind WHEN 'sale' THEN pay_fen ELSE -pay_fen END) AS pay_fen"
  "       FROM district.sale_lines WHERE business_date BETWEEN $1 AND $2 GROUP BY barcode) l"
  " LEFT JOIN district.catalog c ON c.barcode = l.barcode"
  " GROUP BY 1 ORDER BY 1";

static const char report_shops_sql[] =
  "SELECT shop, count (*) FILTER (WHERE kind = 'sale'),"
  "       coalesce (sum (CASE kind WHEN 'sale' THEN total_fen ELSE -total_fen END), 0),"
  "       coalesce (sum (red_packet_fen) FILTER (WHERE kind = 'sale'), 0)"
  " FROM district.sale_docs WHERE business_date BETWEEN $1 AND $2 GROUP BY shop ORDER BY shop";

/* Rows of @sql as a JSON list of objects with @keys; a key starting
 * with '#' is a number (the '#' is not written). */
static gboolean
append_rows (AxwHub       *hub,
             GString      *out,
             const char   *sql,
             const char  **params,
             const char  **keys,
             GError      **error)
{
  g_autoptr(PGresult) r = query (hub, sql, 2, params, error);

  if (r == NULL)
    return FALSE;
  g_string_append_c (out, '[');
  for (int i = 0; i < PQntuples (r); i++)
    {
      g_string_append (out, i ? ",{" : "{");
      for (int k = 0; keys[k] != NULL; k++)
        {
          if (k > 0)
            g_string_append_c (out, ',');
          if (keys[k][0] == '#')
            append_int (out, keys[k] + 1, r, i, k);
          else
            append_text (out, keys[k], r, i, k);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return TRUE;
}

static gboolean
append_totals (AxwHub       *hub,
               GString      *out,
               const char  **params,
               GError      **error)
{
  static const char *keys[] = { "sales_count", "refunds_count", "gross_fen", "promo_fen", "red_packet_fen",
                                "total_fen", "refunds_fen", "cash_rounding_fen" };
  g_autoptr(PGresult) r = query (hub, report_totals_sql, 2, params, error);
  g_autoptr(PGresult) pay = NULL;

  if (r == NULL || (pay = query (hub, report_payments_sql, 2, params, error)) == NULL)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      append_int (out, keys[k], r, 0, (int) k);
      g_string_append_c (out, ',');
    }
  g_string_append (out, "\"payments\":{");
  for (int i = 0; i < PQntuples (pay); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_int (out, PQgetvalue (pay, i, 0), pay, i, 1);
    }
  g_string_append_c (out, '}');
  return TRUE;
}

/**
 * axw_district_report_json:
 * @from: first business date, YYYY-MM-DD
 * @to: last business date, inclusive
 *
 * Returns: (transfer full): the shop report's fields over every shop,
 *   plus shops: [{shop, sales_count, total_fen, red_packet_fen}], or
 *   %NULL with @error
 */
char *
axw_district_report_json (AxwHub      *hub,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  static const char *rp_keys[] = { "campaign", "funder", "#count", "#amount_fen", "#refunded_fen", NULL };
  static const char *cat_keys[] = { "category", "#qty_milli", "#net_fen", NULL };
  static const char *shop_keys[] = { "shop", "#sales_count", "#total_fen", "#red_packet_fen", NULL };
  g_autoptr(GString) out = g_string_new ("{\"kind\":\"district\",\"from\":");
  const char *params[2] = { from, to };

  /* JIT compiling costs more than it saves on these plain sums */
  if (axw_hub_check_version (hub, error) < 0 || !axw_hub_exec (hub, "SET jit = off", error))
    return NULL;
  axw_json_append_string (out, from);
  g_string_append (out, ",\"to\":");
  axw_json_append_string (out, to);
  g_string_append_c (out, ',');
  if (!append_totals (hub, out, params, error))
    return NULL;
  g_string_append (out, ",\"red_packets\":");
  if (!append_rows (hub, out, report_red_packets_sql, params, rp_keys, error))
    return NULL;
  g_string_append (out, ",\"categories\":");
  if (!append_rows (hub, out, report_categories_sql, params, cat_keys, error))
    return NULL;
  g_string_append (out, ",\"shops\":");
  if (!append_rows (hub, out, report_shops_sql, params, shop_keys, error))
    return NULL;
  g_string_append (out, "}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * axw_district_my_conflicts:
 *
 * The conflicts this shop is part of, as the shop's own role sees them
 * (district.my_conflicts()), one line of text each for the manager.
 *
 * Returns: (transfer full) (element-type utf8): the lines, or %NULL with @error
 */
GPtrArray *
axw_district_my_conflicts (AxwDb   *db,
                           GError **error)
{
  g_autofree char *url = axw_settings_get (db, "district.url");
  g_autofree char *passfile = axw_settings_get (db, "district.password_file");
  g_autoptr(AxwHub) hub = axw_hub_connect (url, passfile, 0, error);
  g_autoptr(PGresult) r = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (hub == NULL || axw_hub_check_version (hub, error) < 0 ||
      (r = query (hub, "SELECT * FROM district.my_conflicts ()", 0, NULL, error)) == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      g_autofree char *amount = axw_money_format_screen (g_ascii_strtoll (PQgetvalue (r, i, 1), NULL, 10));

      g_ptr_array_add (lines, g_strdup_printf (_("%s %s: first %s %s (%s), again %s %s (%s)"),
                                               PQgetvalue (r, i, 0), amount, PQgetvalue (r, i, 2),
                                               PQgetvalue (r, i, 3), PQgetvalue (r, i, 4), PQgetvalue (r, i, 5),
                                               PQgetvalue (r, i, 6), PQgetvalue (r, i, 7)));
    }
  return g_steal_pointer (&lines);
}
