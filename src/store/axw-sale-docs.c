/* axw-sale-docs.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "axw-bizdate.h"
#include "axw-db-sql.h"
#include "axw-sale-docs.h"
#include "axw-settings.h"

struct _AxwSaleDocs {
  AxwDb        *db;
  GTimeZone    *tz;
  sqlite3_stmt *sales;
  sqlite3_stmt *lines;
  sqlite3_stmt *payments;
  gboolean      line_ready;     /* lines holds a row not yet written */
  gboolean      payment_ready;
};

static const char sales_sql[] =
  "SELECT s.id, s.uuid, s.receipt_no, s.kind, o.uuid, s.created_at, s.business_date, s.shop, "
  "s.terminal, s.staff_name, s.gross_fen, s.promo_fen, s.voucher_code, s.campaign, s.funder, "
  "s.red_packet_fen, s.total_fen, s.cash_rounding_fen, f.name, d.amount_fen "
  "FROM sales s LEFT JOIN sales o ON o.id = s.refund_of AND o.id <> s.id "
  "LEFT JOIN donations d ON d.sale_id = s.id LEFT JOIN funds f ON f.id = d.fund_id "
  "WHERE s.id > ?1 AND s.id <= ?2 ORDER BY s.id";

static const char lines_sql[] =
  "SELECT sale_id, line_no, barcode, name, qty_milli, unit_price_fen, gross_fen, promo_fen, "
  "promotion, net_fen, aid_eligible, red_packet_fen, pay_fen, list_price_fen, fund "
  "FROM sale_lines WHERE sale_id > ?1 AND sale_id <= ?2 ORDER BY sale_id, line_no";

static const char payments_sql[] =
  "SELECT sale_id, method, amount_fen "
  "FROM payments WHERE sale_id > ?1 AND sale_id <= ?2 ORDER BY sale_id, seq";

static void
kv_text (GString      *out,
         const char   *key_json,
         sqlite3_stmt *stmt,
         int           col)
{
  g_string_append (out, key_json);
  axw_json_append_string (out, (const char *) sqlite3_column_text (stmt, col));
}

static void
kv_int (GString      *out,
        const char   *key_json,
        sqlite3_stmt *stmt,
        int           col)
{
  g_string_append (out, key_json);
  axw_json_append_int (out, sqlite3_column_int64 (stmt, col));
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static gint64
days_from_civil (gint64 y, unsigned m, unsigned d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64 z, int *y, int *m, int *d)
{
  gint64 era;
  unsigned doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (unsigned) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

static gboolean
digits (const char *s, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* "2026-12-12T02:30:00.000Z" (as stored) → "2026-12-12T10:30:00+08:00".
 * Done by hand: GDateTime costs more than the rest of the document. */
static gboolean
utc_iso_to_local (const char *utc,
                  GTimeZone  *tz,
                  char        out[32])
{
  int Y, M, D, h, m, s, off, ld, lm, ly;
  gint64 t, local;
  gint iv;

  if (utc == NULL || strlen (utc) < 20 || utc[4] != '-' || utc[7] != '-' || utc[10] != 'T' ||
      utc[13] != ':' || utc[16] != ':' || utc[strlen (utc) - 1] != 'Z' ||
      !digits (utc, 4, &Y) || !digits (utc + 5, 2, &M) || !digits (utc + 8, 2, &D) ||
      !digits (utc + 11, 2, &h) || !digits (utc + 14, 2, &m) || !digits (utc + 17, 2, &s) ||
      M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || s > 60)
    return FALSE;
  t = days_from_civil (Y, (unsigned) M, (unsigned) D) * 86400 + h * 3600 + m * 60 + s;
  iv = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
  off = iv < 0 ? 0 : g_time_zone_get_offset (tz, iv);
  local = t + off;
  civil_from_days (local >= 0 ? local / 86400 : (local - 86399) / 86400, &ly, &lm, &ld);
  local = ((local % 86400) + 86400) % 86400;
  g_snprintf (out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", ly, lm, ld,
              (int) (local / 3600), (int) (local / 60 % 60), (int) (local % 60),
              off < 0 ? '-' : '+', ABS (off) / 3600, ABS (off) / 60 % 60);
  return TRUE;
}

static void
append_created_at (AxwSaleDocs *docs,
                   GString     *out,
                   const char  *utc)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  char buf[32];

  if (utc_iso_to_local (utc, docs->tz, buf))
    {
      axw_json_append_string (out, buf);
      return;
    }
  dt = axw_time_parse_rfc3339 (utc, NULL);
  if (dt != NULL)
    text = axw_time_to_local_rfc3339 (dt, NULL);
  axw_json_append_string (out, text ? text : utc);
}

static gboolean
step (AxwSaleDocs   *docs,
      sqlite3_stmt  *stmt,
      gboolean      *out_ready,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out_ready = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  return axw_db_set_error (docs->db, rc, error);
}

/* The line fields of the quote JSON (docs/design.md §12), in its order. */
static gboolean
append_lines (AxwSaleDocs  *docs,
              gint64        sale_id,
              GString      *out,
              GError      **error)
{
  sqlite3_stmt *l = docs->lines;
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  while (docs->line_ready && sqlite3_column_int64 (l, 0) <= sale_id)
    {
      if (sqlite3_column_int64 (l, 0) == sale_id)
        {
          g_string_append (out, first ? "{\"line\":" : ",{\"line\":");
          axw_json_append_int (out, sqlite3_column_int64 (l, 1));
          kv_text (out, ",\"barcode\":", l, 2);
          kv_text (out, ",\"name\":", l, 3);
          kv_int (out, ",\"qty_milli\":", l, 4);
          kv_int (out, ",\"unit_price_fen\":", l, 5);
          /* a manager's price: the catalog price it replaced, as in the quote JSON */
          if (sqlite3_column_type (l, 13) != SQLITE_NULL)
            kv_int (out, ",\"list_price_fen\":", l, 13);
          kv_int (out, ",\"gross_fen\":", l, 6);
          kv_int (out, ",\"promo_fen\":", l, 7);
          kv_text (out, ",\"promotion\":", l, 8);
          kv_int (out, ",\"net_fen\":", l, 9);
          g_string_append (out, sqlite3_column_int (l, 10) ? ",\"aid_eligible\":true"
                                                           : ",\"aid_eligible\":false");
          kv_int (out, ",\"red_packet_fen\":", l, 11);
          kv_int (out, ",\"pay_fen\":", l, 12);
          kv_text (out, ",\"fund\":", l, 14);
          g_string_append_c (out, '}');
          first = FALSE;
        }
      if (!step (docs, l, &docs->line_ready, error))
        return FALSE;
    }
  g_string_append_c (out, ']');
  return TRUE;
}

static gboolean
append_payments (AxwSaleDocs  *docs,
                 gint64        sale_id,
                 GString      *out,
                 GError      **error)
{
  sqlite3_stmt *p = docs->payments;
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  while (docs->payment_ready && sqlite3_column_int64 (p, 0) <= sale_id)
    {
      if (sqlite3_column_int64 (p, 0) == sale_id)
        {
          kv_text (out, first ? "{\"method\":" : ",{\"method\":", p, 1);
          kv_int (out, ",\"amount_fen\":", p, 2);
          g_string_append_c (out, '}');
          first = FALSE;
        }
      if (!step (docs, p, &docs->payment_ready, error))
        return FALSE;
    }
  g_string_append_c (out, ']');
  return TRUE;
}

static void
append_red_packet (GString      *out,
                   sqlite3_stmt *s)
{
  if (sqlite3_column_type (s, 12) == SQLITE_NULL)
    {
      g_string_append (out, "null");
      return;
    }
  kv_text (out, "{\"code\":", s, 12);
  kv_text (out, ",\"campaign\":", s, 13);
  kv_text (out, ",\"funder\":", s, 14);
  kv_int (out, ",\"discount_fen\":", s, 15);
  g_string_append_c (out, '}');
}

/* docs/design.md §15: {"fund", "amount_fen"} or null; a refund's gives it back. */
static void
append_donation (GString      *out,
                 sqlite3_stmt *s)
{
  if (sqlite3_column_type (s, 18) == SQLITE_NULL)
    {
      g_string_append (out, "null");
      return;
    }
  kv_text (out, "{\"fund\":", s, 18);
  kv_int (out, ",\"amount_fen\":", s, 19);
  g_string_append_c (out, '}');
}

/**
 * axw_sale_docs_open:
 * @after_id: documents of sales with an id above this…
 * @last_id: …up to this one, inclusive
 *
 * Returns: (transfer full): a reader, or %NULL with @error
 */
AxwSaleDocs *
axw_sale_docs_open (AxwDb   *db,
                    gint64   after_id,
                    gint64   last_id,
                    GError **error)
{
  g_autoptr(AxwSaleDocs) docs = g_new0 (AxwSaleDocs, 1);
  g_autofree char *zone = axw_settings_get (db, "timezone");
  const char *sql[] = { sales_sql, lines_sql, payments_sql };
  sqlite3_stmt **slot[] = { &docs->sales, &docs->lines, &docs->payments };

  docs->db = g_object_ref (db);
  docs->tz = axw_timezone_new (zone);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      if (sqlite3_prepare_v3 (axw_db_get_handle (db), sql[i], -1, 0, slot[i], NULL) != SQLITE_OK)
        {
          axw_db_set_error (db, sqlite3_errcode (axw_db_get_handle (db)), error);
          return NULL;
        }
      sqlite3_bind_int64 (*slot[i], 1, after_id);
      sqlite3_bind_int64 (*slot[i], 2, last_id);
    }
  if (!step (docs, docs->lines, &docs->line_ready, error) ||
      !step (docs, docs->payments, &docs->payment_ready, error))
    return NULL;
  return g_steal_pointer (&docs);
}

/**
 * axw_sale_docs_next:
 * @out: the next document is appended here, without a newline
 * @out_sale_id: its sale id, or 0 after the last one
 *
 * Returns: %FALSE with @error on a database failure
 */
gboolean
axw_sale_docs_next (AxwSaleDocs  *docs,
                    GString      *out,
                    gint64       *out_sale_id,
                    GError      **error)
{
  sqlite3_stmt *s = docs->sales;
  gboolean ready;
  gint64 id;

  *out_sale_id = 0;
  if (!step (docs, s, &ready, error))
    return FALSE;
  if (!ready)
    return TRUE;
  id = sqlite3_column_int64 (s, 0);
  kv_text (out, "{\"uuid\":", s, 1);
  kv_text (out, ",\"receipt_no\":", s, 2);
  kv_text (out, ",\"kind\":", s, 3);
  kv_text (out, ",\"refund_of\":", s, 4);
  g_string_append (out, ",\"created_at\":");
  append_created_at (docs, out, (const char *) sqlite3_column_text (s, 5));
  kv_text (out, ",\"business_date\":", s, 6);
  kv_text (out, ",\"shop\":", s, 7);
  kv_text (out, ",\"terminal\":", s, 8);
  kv_text (out, ",\"staff\":", s, 9);
  g_string_append (out, ",\"lines\":");
  if (!append_lines (docs, id, out, error))
    return FALSE;
  kv_int (out, ",\"gross_fen\":", s, 10);
  kv_int (out, ",\"promo_fen\":", s, 11);
  g_string_append (out, ",\"red_packet\":");
  append_red_packet (out, s);
  g_string_append (out, ",\"donation\":");
  append_donation (out, s);
  kv_int (out, ",\"total_fen\":", s, 16);
  g_string_append (out, ",\"payments\":");
  if (!append_payments (docs, id, out, error))
    return FALSE;
  kv_int (out, ",\"cash_rounding_fen\":", s, 17);
  g_string_append_c (out, '}');
  *out_sale_id = id;
  return TRUE;
}

void
axw_sale_docs_free (AxwSaleDocs *docs)
{
  if (docs == NULL)
    return;
  sqlite3_finalize (docs->sales);
  sqlite3_finalize (docs->lines);
  sqlite3_finalize (docs->payments);
  g_clear_pointer (&docs->tz, g_time_zone_unref);
  g_clear_object (&docs->db);
  g_free (docs);
}

/**
 * axw_sale_docs_append_ids:
 * @ids: (array length=n): sale ids, ascending
 *
 * Appends the documents of @ids to @out, separated by commas (the inside
 * of a JSON array), each run of consecutive ids read with one pass.
 * The online shop's push and the district hub's send the same bytes.
 */
gboolean
axw_sale_docs_append_ids (AxwDb         *db,
                          const gint64  *ids,
                          guint          n,
                          GString       *out,
                          GError       **error)
{
  guint i = 0;
  gboolean first = TRUE;

  while (i < n)
    {
      g_autoptr(AxwSaleDocs) docs = NULL;
      guint j = i;
      gint64 id;

      while (j + 1 < n && ids[j + 1] == ids[j] + 1)
        j++;
      docs = axw_sale_docs_open (db, ids[i] - 1, ids[j], error);
      if (docs == NULL)
        return FALSE;
      do
        {
          gsize mark = out->len;

          if (!first)
            g_string_append_c (out, ',');
          if (!axw_sale_docs_next (docs, out, &id, error))
            return FALSE;
          if (id == 0)
            g_string_truncate (out, mark);
          first = first && id == 0;
        }
      while (id != 0);
      i = j + 1;
    }
  return TRUE;
}
