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

#include "axw-audit.h"
#include "axw-district-private.h"
#include "axw-error.h"
#include "axw-csv.h"
#include "axw-money.h"
#include "axw-report.h"
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
  "       r.amount_fen, c.id, " UTC_TEXT ("c.resolved_at") ", c.resolved_by, c.resolution"
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
      g_string_append_c (out, ',');
      append_int (out, "id", r, i, 13);
      g_string_append_c (out, ',');
      append_text (out, "resolved_at", r, i, 14);
      g_string_append_c (out, ',');
      append_text (out, "resolved_by", r, i, 15);
      g_string_append_c (out, ',');
      append_text (out, "resolution", r, i, 16);
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

  if (axw_hub_check_version (hub, error) < 0 ||
      (r = query (hub, claim_sql, 3, params, error)) == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      total += g_ascii_strtoll (PQgetvalue (r, i, 4), NULL,
                                10) - g_ascii_strtoll (PQgetvalue (r, i, 5), NULL, 10);
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
  g_string_append_printf (out,
                          ",\"count\":%d,\"amount_fen\":%" G_GINT64_FORMAT ",\"redemptions\":%s,"
                          "\"conflicts\":", PQntuples (r), total, list->str);
  if (!append_conflicts (hub, out, params, error))
    return NULL;
  g_string_append (out, "}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The shop report's fields (axw-report.h), summed over the district:
 * refunds count apart (refunds_fen), their payments and red-packet
 * shares are taken back, so total_fen = gross − promo − red packets −
 * refunds − charity sales, and each shop's own report adds up to the same
 * fen. They are read from the per-day sums ingest keeps (hub schema 2),
 * signed as the report wants them: a year is 365 rows a shop. Donations
 * and charity goods (hub schema 3) are the funds', not revenue: out of
 * total_fen, a refund's donation out of refunds_fen; columns 8 and 9 are
 * donation_fen and charity_fen. */
static const char report_totals_sql[] =
  "SELECT t.sales, t.refunds, t.gross, t.promo, t.red_packet, t.total - dn.given - ch.sold,"
  "       t.refunded - dn.given_back, t.rounding, dn.given, ch.sold"
  " FROM (SELECT coalesce (sum (sales_count), 0) AS sales,"
  "              coalesce (sum (refunds_count), 0) AS refunds,"
  "              coalesce (sum (gross_fen), 0) AS gross, coalesce (sum (promo_fen), 0) AS promo,"
  "              coalesce (sum (red_packet_fen), 0) AS red_packet,"
  "              coalesce (sum (total_fen), 0) AS total,"
  "              coalesce (sum (refunds_fen), 0) AS refunded,"
  "              coalesce (sum (cash_rounding_fen), 0) AS rounding"
  "       FROM district.day_totals WHERE business_date BETWEEN $1 AND $2) t,"
  "  (SELECT coalesce (sum (CASE kind WHEN 'sale' THEN amount_fen ELSE -amount_fen END), 0)"
  "            AS given,"
  "          coalesce (sum (amount_fen) FILTER (WHERE kind = 'refund'), 0) AS given_back"
  "   FROM district.donations WHERE business_date BETWEEN $1 AND $2) dn,"
  "  (SELECT coalesce (sum (CASE kind WHEN 'sale' THEN pay_fen ELSE -pay_fen END), 0) AS sold"
  "   FROM district.charity_lines WHERE business_date BETWEEN $1 AND $2) ch";

static const char report_payments_sql[] =
  "SELECT m.method, coalesce ((SELECT sum (p.amount_fen) FROM district.day_payments p"
  "                            WHERE p.method = m.method AND p.business_date BETWEEN $1 AND $2), 0)"
  " FROM unnest (ARRAY['cash', 'wechat', 'alipay', 'unionpay']) WITH ORDINALITY m (method, n)"
  " ORDER BY m.n";

static const char report_red_packets_sql[] =
  "SELECT rp_campaign, rp_funder, count (*) FILTER (WHERE kind = 'sale'),"
  "       coalesce (sum (red_packet_fen) FILTER (WHERE kind = 'sale'), 0),"
  "       coalesce (sum (red_packet_fen) FILTER (WHERE kind = 'refund'), 0)"
  " FROM district.sale_docs WHERE business_date BETWEEN $1 AND $2 AND rp_code IS NOT NULL"
  " GROUP BY 1, 2 ORDER BY 1, 2";

/* The documents carry no category: it is the district catalog's, for the
 * barcode when the sale reached the hub ("" for goods it did not know).
 * Charity lines are the funds' (in charity_sales), not a category's: taken
 * off their category's sums, and a category of charity goods alone is not
 * listed, as in the shop's report. */
static const char report_categories_sql[] =
  "SELECT d.category, d.qty - coalesce (ch.qty, 0), d.pay - coalesce (ch.pay, 0)"
  " FROM (SELECT category, sum (qty_milli) AS qty, sum (pay_fen) AS pay"
  "       FROM district.day_categories WHERE business_date BETWEEN $1 AND $2 GROUP BY 1) d"
  " LEFT JOIN (SELECT coalesce (c.category, '') AS category,"
  "                   sum (CASE kind WHEN 'sale' THEN qty_milli ELSE -qty_milli END) AS qty,"
  "                   sum (CASE kind WHEN 'sale' THEN pay_fen ELSE -pay_fen END) AS pay"
  "            FROM district.charity_lines l"
  "            LEFT JOIN LATERAL (SELECT category FROM district.catalog"
  "                               WHERE barcode = l.barcode ORDER BY sku LIMIT 1) c ON true"
  "            WHERE business_date BETWEEN $1 AND $2 GROUP BY 1) ch USING (category)"
  " WHERE ch.category IS NULL OR d.qty <> ch.qty OR d.pay <> ch.pay"
  " ORDER BY 1";

/* Each shop's revenue: without its donations and charity goods. */
static const char report_shops_sql[] =
  "SELECT t.shop, t.sales, t.total - coalesce (dn.given, 0) - coalesce (ch.sold, 0), t.red_packet"
  " FROM (SELECT shop, sum (sales_count) AS sales, sum (total_fen) AS total,"
  "              sum (red_packet_fen) AS red_packet"
  "       FROM district.day_totals WHERE business_date BETWEEN $1 AND $2 GROUP BY shop) t"
  " LEFT JOIN (SELECT shop, sum (CASE kind WHEN 'sale' THEN amount_fen ELSE -amount_fen END)"
  "                   AS given"
  "            FROM district.donations WHERE business_date BETWEEN $1 AND $2 GROUP BY shop)"
  "   dn USING (shop)"
  " LEFT JOIN (SELECT shop, sum (CASE kind WHEN 'sale' THEN pay_fen ELSE -pay_fen END) AS sold"
  "            FROM district.charity_lines WHERE business_date BETWEEN $1 AND $2"
  "            GROUP BY shop) ch USING (shop)"
  " ORDER BY t.shop";

/* Per fund, a refund's taking back (docs/design.md §15): the donations
 * given (count, amount_fen) and the charity goods sold (lines, qty, fen). */
static const char report_donations_sql[] =
  "SELECT fund, sum (CASE kind WHEN 'sale' THEN 1 ELSE -1 END),"
  "       sum (CASE kind WHEN 'sale' THEN amount_fen ELSE -amount_fen END)"
  " FROM district.donations WHERE business_date BETWEEN $1 AND $2 GROUP BY fund ORDER BY fund";

static const char report_charity_sql[] =
  "SELECT fund, sum (CASE kind WHEN 'sale' THEN 1 ELSE -1 END),"
  "       sum (CASE kind WHEN 'sale' THEN qty_milli ELSE -qty_milli END),"
  "       sum (CASE kind WHEN 'sale' THEN pay_fen ELSE -pay_fen END)"
  " FROM district.charity_lines WHERE business_date BETWEEN $1 AND $2 GROUP BY fund ORDER BY fund";

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
  static const char *keys[] = { "sales_count", "refunds_count", "gross_fen", "promo_fen",
    "red_packet_fen",
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
  append_int (out, "donation_fen", r, 0, 8);
  g_string_append_c (out, ',');
  append_int (out, "charity_fen", r, 0, 9);
  g_string_append_c (out, ',');
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
 *   with donations and charity_sales per fund, plus shops: [{shop,
 *   sales_count, total_fen, red_packet_fen}], or %NULL with @error
 */
char *
axw_district_report_json (AxwHub      *hub,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  static const char *rp_keys[] = { "campaign", "funder", "#count", "#amount_fen", "#refunded_fen",
    NULL };
  static const char *cat_keys[] = { "category", "#qty_milli", "#net_fen", NULL };
  static const char *shop_keys[] = { "shop", "#sales_count", "#total_fen", "#red_packet_fen",
    NULL };
  static const char *donation_keys[] = { "fund", "#count", "#amount_fen", NULL };
  static const char *charity_keys[] = { "fund", "#count", "#qty_milli", "#total_fen", NULL };
  g_autoptr(GString) out = g_string_new ("{\"kind\":\"district\",\"from\":");
  const char *params[2] = { from, to };

  if (axw_hub_check_version (hub, error) < 0)
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
  g_string_append (out, ",\"donations\":");
  if (!append_rows (hub, out, report_donations_sql, params, donation_keys, error))
    return NULL;
  g_string_append (out, ",\"charity_sales\":");
  if (!append_rows (hub, out, report_charity_sql, params, charity_keys, error))
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

void
axw_hub_conflict_free (gpointer data)
{
  AxwHubConflict *c = data;

  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c->text);
  g_free (c);
}

static AxwHub *
shop_connect (AxwDb   *db,
              GError **error)
{
  g_autofree char *url = axw_settings_get (db, "district.url");
  g_autofree char *passfile = axw_settings_get (db, "district.password_file");
  g_autoptr(AxwHub) hub = axw_hub_connect (url, passfile, 0, error);

  if (hub == NULL || axw_hub_check_version (hub, error) < 0)
    return NULL;
  return g_steal_pointer (&hub);
}

/**
 * axw_district_my_conflicts:
 *
 * The conflicts this shop is part of and nobody has resolved yet, as the
 * shop's own role sees them (district.my_conflicts()), each with what it
 * is in the manager's words.
 *
 * Returns: (transfer full) (element-type AxwHubConflict): the conflicts,
 *   or %NULL with @error
 */
GPtrArray *
axw_district_my_conflicts (AxwDb   *db,
                           GError **error)
{
  g_autoptr(AxwHub) hub = shop_connect (db, error);
  g_autoptr(PGresult) r = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (axw_hub_conflict_free);

  if (hub == NULL ||
      (r = query (hub, "SELECT * FROM district.my_conflicts ()", 0, NULL, error)) == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      AxwHubConflict *c = g_new0 (AxwHubConflict, 1);
      g_autofree char *amount = NULL;

      c->id = g_ascii_strtoll (PQgetvalue (r, i, 0), NULL, 10);
      c->code = g_strdup (PQgetvalue (r, i, 1));
      c->amount_fen = g_ascii_strtoll (PQgetvalue (r, i, 4), NULL, 10);
      amount = axw_money_format_screen (c->amount_fen);
      /* TRANSLATORS: red packet CODE (CAMPAIGN, paid by FUNDER) was redeemed first in
       * shop S, receipt R, on DATE, and again in shop S2, receipt R2, on DATE2 for AMOUNT */
      c->text = g_strdup_printf (_("Red packet %s (%s, paid by %s) was redeemed first in shop "
                                   "%s, receipt %s on %s, and again in shop %s, receipt %s on "
                                   "%s, for %s. The funder pays it once: the second %s is not "
                                   "claimed."),
                                 c->code, PQgetvalue (r, i, 2), PQgetvalue (r, i, 3),
                                 PQgetvalue (r, i, 5), PQgetvalue (r, i, 6), PQgetvalue (r, i, 7),
                                 PQgetvalue (r, i, 8), PQgetvalue (r, i, 9), PQgetvalue (r, i, 10),
                                 amount, amount);
      g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&list);
}

/**
 * axw_district_resolve_conflict:
 * @id: the hub's conflict id (AxwHubConflict.id)
 * @manager: the manager who resolves it (PIN already checked)
 * @note: what was done, in words
 * @out_code: (out) (optional) (transfer full): the red packet's code
 *
 * Marks a conflict of this shop resolved at the hub (when, by which shop
 * and manager, what was done) and audits it in this shop's log. It stays
 * listed for the funder, apart from the claim, as before.
 *
 * Returns: %FALSE with @error when the hub refused or the conflict is
 *   not this shop's, or was already resolved
 */
gboolean
axw_district_resolve_conflict (AxwDb       *db,
                               gint64       id,
                               const char  *manager,
                               const char  *note,
                               char       **out_code,
                               GError     **error)
{
  g_autoptr(AxwHub) hub = NULL;
  g_autoptr(PGresult) r = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *detail = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (note ? note : ""));
  const char *params[3] = { id_text, manager, clean };

  if (manager == NULL || *manager == '\0' || *clean == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Say what was done about the conflict."));
      return FALSE;
    }
  if ((hub = shop_connect (db, error)) == NULL ||
      (r = query (hub, "SELECT district.resolve_conflict ($1::bigint, $2, $3)", 3, params,
                  error)) == NULL)
    return FALSE;
  if (PQgetisnull (r, 0, 0))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("The hub has no open conflict %s of this shop (already resolved?)."), id_text);
      return FALSE;
    }
  detail = g_strdup_printf (_("Red packet %s redeemed twice: %s"), PQgetvalue (r, 0, 0), clean);
  if (!axw_audit_append (db, manager, "district.resolve", detail, error))
    return FALSE;
  if (out_code != NULL)
    *out_code = g_strdup (PQgetvalue (r, 0, 0));
  return TRUE;
}

static gint64
int_at (PGresult *r,
        int       row,
        int       col)
{
  return g_ascii_strtoll (PQgetvalue (r, row, col), NULL, 10);
}

/**
 * axw_district_report:
 * @out_shops: (out) (transfer full) (element-type AxwReportRow): per shop:
 *   name, count (sales), total_fen, qty_milli holds its red_packet_fen
 *
 * The district report as the shop report's own type, so that it is laid
 * out as text, CSV and PDF by the same code as a shop's.
 *
 * Returns: (transfer full): the report, or %NULL with @error
 */
AxwReport *
axw_district_report (AxwHub      *hub,
                     const char  *from,
                     const char  *to,
                     GPtrArray  **out_shops,
                     GError     **error)
{
  const char *params[2] = { from, to };
  g_autoptr(AxwReport) report = axw_report_new (AXW_REPORT_RANGE);
  g_autoptr(PGresult) totals = NULL, pay = NULL, rp = NULL, cat = NULL, shops = NULL;
  g_autoptr(PGresult) dn = NULL, ch = NULL;
  g_autoptr(GPtrArray) per_shop = g_ptr_array_new_with_free_func (axw_report_row_free);

  if (axw_hub_check_version (hub, error) < 0 ||
      (totals = query (hub, report_totals_sql, 2, params, error)) == NULL ||
      (pay = query (hub, report_payments_sql, 2, params, error)) == NULL ||
      (rp = query (hub, report_red_packets_sql, 2, params, error)) == NULL ||
      (cat = query (hub, report_categories_sql, 2, params, error)) == NULL ||
      (shops = query (hub, report_shops_sql, 2, params, error)) == NULL ||
      (dn = query (hub, report_donations_sql, 2, params, error)) == NULL ||
      (ch = query (hub, report_charity_sql, 2, params, error)) == NULL)
    return NULL;
  report->from = g_strdup (from);
  report->to = g_strdup (to);
  report->shop_name = g_strdup (_("District"));
  report->sales_count = int_at (totals, 0, 0);
  report->refunds_count = int_at (totals, 0, 1);
  report->gross_fen = int_at (totals, 0, 2);
  report->promo_fen = int_at (totals, 0, 3);
  report->red_packet_fen = int_at (totals, 0, 4);
  report->total_fen = int_at (totals, 0, 5);
  report->refunds_fen = int_at (totals, 0, 6);
  report->cash_rounding_fen = int_at (totals, 0, 7);
  report->donation_fen = int_at (totals, 0, 8);
  report->charity_fen = int_at (totals, 0, 9);
  for (int i = 0; i < PQntuples (dn); i++)
    {
      AxwReportRow *row = axw_report_row_new (PQgetvalue (dn, i, 0));

      row->count = int_at (dn, i, 1);
      row->total_fen = int_at (dn, i, 2);
      g_ptr_array_add (report->donations, row);
    }
  for (int i = 0; i < PQntuples (ch); i++)
    {
      AxwReportRow *row = axw_report_row_new (PQgetvalue (ch, i, 0));

      row->count = int_at (ch, i, 1);
      row->qty_milli = int_at (ch, i, 2);
      row->total_fen = int_at (ch, i, 3);
      g_ptr_array_add (report->charity_sales, row);
    }
  for (int i = 0; i < PQntuples (pay) && i < AXW_REPORT_N_METHODS; i++)
    report->payments[i] = int_at (pay, i, 1);
  for (int i = 0; i < PQntuples (rp); i++)
    {
      AxwReportRedPacket *row = axw_report_red_packet_new (PQgetvalue (rp, i, 0),
                                                           PQgetvalue (rp, i, 1));

      row->count = int_at (rp, i, 2);
      row->amount_fen = int_at (rp, i, 3);
      row->refunded_fen = int_at (rp, i, 4);
      g_ptr_array_add (report->red_packets, row);
    }
  for (int i = 0; i < PQntuples (cat); i++)
    {
      AxwReportRow *row = axw_report_row_new (PQgetvalue (cat, i, 0));

      row->qty_milli = int_at (cat, i, 1);
      row->total_fen = int_at (cat, i, 2);
      g_ptr_array_add (report->categories, row);
    }
  for (int i = 0; i < PQntuples (shops); i++)
    {
      AxwReportRow *row = axw_report_row_new (PQgetvalue (shops, i, 0));

      row->count = int_at (shops, i, 1);
      row->total_fen = int_at (shops, i, 2);
      row->qty_milli = int_at (shops, i, 3);
      g_ptr_array_add (per_shop, row);
    }
  if (out_shops != NULL)
    *out_shops = g_steal_pointer (&per_shop);
  return g_steal_pointer (&report);
}

/* Redemptions first recorded at the hub, and the shares their refunds
 * gave back (negative), as the shop's claim rows. */
static const char claim_rows_sql[] =
  "SELECT code, receipt_no, business_date::text, campaign, amount_fen, NULL, shop"
  " FROM district.redemptions"
  " WHERE funder = $1 AND business_date BETWEEN $2 AND $3"
  " UNION ALL"
  " SELECT r.code, f.receipt_no, f.business_date::text, r.campaign, -f.red_packet_fen,"
  "        r.receipt_no, f.shop"
  " FROM district.redemptions r JOIN district.sale_docs f ON f.refund_of = r.sale_uuid AND f.kind "
  "   = 'refund'"
  " WHERE r.funder = $1 AND r.business_date BETWEEN $2 AND $3 AND f.red_packet_fen > 0"
  " ORDER BY 3, 2";

/**
 * axw_district_claim_rows:
 *
 * Returns: (transfer full) (element-type AxwClaimRow): what the funder
 *   owes, once per code (the shop claim's rows: axw_claim_to_csv(),
 *   axw_claim_render_pdf()), or %NULL with @error
 */
GPtrArray *
axw_district_claim_rows (AxwHub      *hub,
                         const char  *funder,
                         const char  *from,
                         const char  *to,
                         GError     **error)
{
  const char *params[3] = { funder, from, to };
  g_autoptr(PGresult) r = NULL;
  GPtrArray *rows;

  if (axw_hub_check_version (hub, error) < 0 ||
      (r = query (hub, claim_rows_sql, 3, params, error)) == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (axw_claim_row_free);
  for (int i = 0; i < PQntuples (r); i++)
    {
      AxwClaimRow *row = g_new0 (AxwClaimRow, 1);

      row->code = g_strdup (PQgetvalue (r, i, 0));
      row->receipt_no = g_strdup (PQgetvalue (r, i, 1));
      row->date = g_strdup (PQgetvalue (r, i, 2));
      row->campaign = g_strdup (PQgetvalue (r, i, 3));
      row->amount_fen = int_at (r, i, 4);
      row->refund_of = PQgetisnull (r, i, 5) ? NULL : g_strdup (PQgetvalue (r, i, 5));
      row->shop = g_strdup (PQgetvalue (r, i, 6));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/**
 * axw_district_conflict_lines:
 *
 * Returns: (transfer full) (element-type utf8): the funder's conflicts of
 *   the period, a line of text each (code, amount, both shops and
 *   receipts, whether resolved), for the claim's PDF; or %NULL with @error
 */
GPtrArray *
axw_district_conflict_lines (AxwHub      *hub,
                             const char  *funder,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  const char *params[3] = { funder, from, to };
  g_autoptr(PGresult) r = query (hub, conflicts_sql, 3, params, error);
  GPtrArray *lines;

  if (r == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (r); i++)
    {
      g_autofree char *amount = axw_money_format_screen (int_at (r, i, 3));

      /* TRANSLATORS: code, amount, first shop, its receipt, second shop, its receipt */
      g_ptr_array_add (lines, g_strdup_printf (_("%s %s: first %s %s, again %s %s"),
                                               PQgetvalue (r, i, 0), amount, PQgetvalue (r, i, 4),
                                               PQgetvalue (r, i, 5), PQgetvalue (r, i, 8),
                                               PQgetvalue (r, i, 9)));
      if (!PQgetisnull (r, i, 14))
        g_ptr_array_add (lines, g_strdup_printf (_("    resolved by %s: %s"), PQgetvalue (r, i, 15),
                                                 PQgetvalue (r, i, 16)));
    }
  return lines;
}

/**
 * axw_district_conflicts_csv:
 *
 * Returns: (transfer full): the funder's conflicts of the period as a CSV
 *   block for the claim file (a blank line, then a header): listed apart,
 *   never counted in the TOTAL above; or %NULL with @error
 */
char *
axw_district_conflicts_csv (AxwHub      *hub,
                            const char  *funder,
                            const char  *from,
                            const char  *to,
                            GError     **error)
{
  static const char * const header[] = { "conflict_code", "campaign", "amount_fen", "first_shop",
    "first_receipt_no",
                                  "second_shop", "second_receipt_no", "second_business_date",
                                  NULL };
  const char *params[3] = { funder, from, to };
  g_autoptr(PGresult) r = query (hub, conflicts_sql, 3, params, error);
  GString *out;

  if (r == NULL)
    return NULL;
  out = g_string_new (NULL);
  if (PQntuples (r) == 0)
    return g_string_free (out, FALSE);
  g_string_append (out, "\r\n");
  axw_csv_append_row (out, header, G_N_ELEMENTS (header) - 1);
  for (int i = 0; i < PQntuples (r); i++)
    {
      const char * const fields[] = { PQgetvalue (r, i, 0), PQgetvalue (r, i, 1),
        PQgetvalue (r, i, 3),
                               PQgetvalue (r, i, 4), PQgetvalue (r, i, 5), PQgetvalue (r, i, 8),
                               PQgetvalue (r, i, 9), PQgetvalue (r, i, 10), NULL };

      axw_csv_append_row (out, fields, G_N_ELEMENTS (fields) - 1);
    }
  return g_string_free (out, FALSE);
}
