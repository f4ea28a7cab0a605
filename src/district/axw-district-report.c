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
#include "axw-sale-docs.h"

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
