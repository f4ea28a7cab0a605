/* axw-reports.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each section is one GROUP BY over the documents of the period; a refund
 * subtracts in the section where its sale added (docs/design.md §8). Refunds land
 * on the business day they are made, so a closed day never changes.
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-csv.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-reports.h"
#include "axw-sale.h"
#include "axw-settings.h"
#include "axw-shifts.h"
#include "axw-staff.h"

#define TOP_PRODUCTS 10

/* Which documents a report covers: a range of business dates, a shift or
 * a closed day. */
typedef enum { BY_DATES, BY_SHIFT, BY_Z } Filter;

typedef struct {
  AxwDb      *db;
  Filter      filter;
  const char *from;
  const char *to;
  gint64      id;
} Query;

/* The documents of the report: sign[id - first] is +1 for a sale, -1 for
 * a refund, 0 for a document outside it. Sections are summed in C while
 * the rows stream by (no GROUP BY sorting two million lines); when the
 * period covers most of the file, tables are scanned in order instead of
 * sought through an index. */
typedef struct {
  gint64    first;
  gint64    last;
  gint64    count;
  gboolean  dense;
  gint8    *sign;
} Docs;

static gint8
doc_sign (const Docs *docs,
          gint64      id)
{
  if (id < docs->first || id > docs->last)
    return 0;
  return docs->sign[id - docs->first];
}

static const char *
where_clause (const Query *q,
              gboolean     dense)
{
  switch (q->filter)
    {
    case BY_SHIFT: return "s.shift_id = ?1";
    case BY_Z: return "s.z_id = ?1";
    case BY_DATES:
    default:
      return dense ? "s.id BETWEEN ?3 AND ?4 AND +s.business_date BETWEEN ?1 AND ?2"
                   : "s.business_date BETWEEN ?1 AND ?2";
    }
}

/* Prepares @sql_fmt with the filter's WHERE condition for its "%s". */
static sqlite3_stmt *
prepare (const Query  *q,
         const Docs   *docs,
         const char   *sql_fmt,
         GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  sql = g_strdup_printf (sql_fmt, where_clause (q, docs && docs->dense));
#pragma GCC diagnostic pop
  stmt = axw_db_prepare (q->db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (q->filter == BY_DATES)
    {
      axw_db_bind_text (stmt, 1, q->from);
      axw_db_bind_text (stmt, 2, q->to);
    }
  else
    sqlite3_bind_int64 (stmt, 1, q->id);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    {
      sqlite3_bind_int64 (stmt, 3, docs->first);
      sqlite3_bind_int64 (stmt, 4, docs->last);
    }
  return stmt;
}

static gboolean
finish (const Query   *q,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return axw_db_set_error (q->db, rc, error);
}

static gboolean
is_refund (sqlite3_stmt *stmt,
           int           column)
{
  return g_strcmp0 ((const char *) sqlite3_column_text (stmt, column), "refund") == 0;
}

static gboolean
find_docs (const Query  *q,
           Docs         *docs,
           GError      **error)
{
  sqlite3_stmt *stmt = prepare (q, NULL,
                                "SELECT min (s.id), max (s.id), count (*) FROM sales s WHERE %s",
                                error);
  gint64 rows;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return axw_db_set_error (q->db, sqlite3_reset (stmt), error);
  docs->first = sqlite3_column_int64 (stmt, 0);
  docs->last = sqlite3_column_int64 (stmt, 1);
  docs->count = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);
  rows = axw_db_query_int (q->db, "SELECT max (id) FROM sales", 0);
  docs->dense = docs->count * 4 > rows;
  docs->sign = g_new0 (gint8, docs->count ? docs->last - docs->first + 1 : 1);
  return TRUE;
}

static AxwReportRedPacket *
find_red_packet (AxwReport  *r,
                 const char *campaign,
                 const char *funder)
{
  AxwReportRedPacket *rp;

  for (guint i = 0; i < r->red_packets->len; i++)
    {
      rp = g_ptr_array_index (r->red_packets, i);
      if (g_strcmp0 (rp->campaign, campaign) == 0 && g_strcmp0 (rp->funder, funder) == 0)
        return rp;
    }
  rp = axw_report_red_packet_new (campaign, funder);
  g_ptr_array_add (r->red_packets, rp);
  return rp;
}

static AxwReportRow *
find_row (GHashTable *index,
          GPtrArray  *rows,
          const char *name)
{
  AxwReportRow *row = g_hash_table_lookup (index, name ? name : "");

  if (row == NULL)
    {
      row = axw_report_row_new (name);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (index, row->name, row);
    }
  return row;
}

/* Local hour of a UTC "YYYY-MM-DDTHH:MM…", remembering the last half hour
 * (rows come in time order, and zones with half-hour offsets stay right). */
typedef struct {
  GTimeZone *tz;
  char       key[15];
  int        hour;
} HourCache;

static int
local_hour (HourCache  *c,
            const char *utc)
{
  int y, mo, d, h, mi;
  g_autoptr(GDateTime) t = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL || strlen (utc) < 16)
    return 0;
  if (memcmp (c->key, utc, 13) == 0 && c->key[13] == (utc[14] >= '3'))
    return c->hour;
  if (sscanf (utc, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) != 5 ||
      (t = g_date_time_new_utc (y, mo, d, h, mi, 0)) == NULL)
    return 0;
  local = g_date_time_to_timezone (t, c->tz);
  memcpy (c->key, utc, 13);
  c->key[13] = utc[14] >= '3';
  c->hour = g_date_time_get_hour (local);
  return c->hour;
}

/* A donation counts on the day of its document: a refund's takes it back
 * (docs/design.md §15). */
static void
add_donation (AxwReport    *r,
              sqlite3_stmt *stmt,
              GHashTable   *funds,
              int           sign)
{
  gint64 amount = sqlite3_column_int64 (stmt, 11);
  AxwReportRow *fund;

  if (amount == 0)
    return;
  fund = find_row (funds, r->donations, (const char *) sqlite3_column_text (stmt, 12));
  fund->count += sign;
  fund->total_fen += sign * amount;
  r->donation_fen += sign * amount;
}

static void
add_sale_row (AxwReport    *r,
              sqlite3_stmt *stmt,
              GHashTable   *cashiers,
              HourCache    *hours,
              int           sign)
{
  /* goods: what was paid without the donation; revenue: without charity goods either */
  gint64 goods = sqlite3_column_int64 (stmt, 9) - sqlite3_column_int64 (stmt, 11);
  gint64 charity = sqlite3_column_int64 (stmt, 13);
  gint64 total = goods - charity;
  gint64 red_packet = sqlite3_column_int64 (stmt, 8);
  AxwReportRow *cashier = find_row (cashiers, r->cashiers,
                                    (const char *) sqlite3_column_text (stmt, 2));
  int hour = local_hour (hours, (const char *) sqlite3_column_text (stmt, 5));

  r->total_fen += sign * total;
  r->charity_fen += sign * charity;
  r->cash_rounding_fen += sign * sqlite3_column_int64 (stmt, 10);
  cashier->total_fen += sign * total;
  r->hour_total_fen[hour] += sign * total;
  if (red_packet > 0)
    {
      AxwReportRedPacket *rp = find_red_packet (r, (const char *) sqlite3_column_text (stmt, 4),
                                                (const char *) sqlite3_column_text (stmt, 3));
      if (sign < 0)
        rp->refunded_fen += red_packet;
      else
        {
          rp->count++;
          rp->amount_fen += red_packet;
        }
    }
  if (sign < 0)
    {
      r->refunds_count++;
      r->refunds_fen += goods;
      return;
    }
  r->sales_count++;
  r->gross_fen += sqlite3_column_int64 (stmt, 6);
  r->promo_fen += sqlite3_column_int64 (stmt, 7);
  r->red_packet_fen += red_packet;
  cashier->count++;
  r->hour_count[hour]++;
}

static gboolean
load_sales (const Query  *q,
            Docs         *docs,
            AxwReport    *r,
            GError      **error)
{
  g_autoptr(GHashTable) cashiers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) funds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *tzid = axw_settings_get (q->db, "timezone");
  HourCache hours = { axw_timezone_new (tzid), "", 0 };
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (q, docs,
                  "SELECT s.id, s.kind, s.staff_name, s.funder, s.campaign, s.created_at, "
                  "s.gross_fen, "
                           "s.promo_fen, s.red_packet_fen, s.total_fen, s.cash_rounding_fen, "
                           "coalesce (d.amount_fen, 0), f.name, (SELECT coalesce (sum (l.pay_fen), "
                           "0) "
                           "FROM sale_lines l WHERE l.sale_id = s.id AND l.fund IS NOT NULL) FROM "
                           "sales s "
                           "LEFT JOIN donations d ON d.sale_id = s.id LEFT JOIN funds f ON f.id = "
                           "d.fund_id "
                           "WHERE %s", error);
  if (stmt == NULL)
    {
      g_time_zone_unref (hours.tz);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int sign = is_refund (stmt, 1) ? -1 : 1;

      docs->sign[id - docs->first] = (gint8) sign;
      add_sale_row (r, stmt, cashiers, &hours, sign);
      add_donation (r, stmt, funds, sign);
    }
  g_time_zone_unref (hours.tz);
  return finish (q, stmt, rc, error);
}

/* Payments and lines belong to the documents found by load_sales(). */
static sqlite3_stmt *
prepare_children (const Query  *q,
                  const Docs   *docs,
                  const char   *sql_fmt,
                  GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  sql = g_strdup_printf (sql_fmt, docs->dense ? "+sale_id" : "sale_id");
#pragma GCC diagnostic pop
  stmt = axw_db_prepare (q->db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, docs->first);
  sqlite3_bind_int64 (stmt, 2, docs->last);
  return stmt;
}

static gboolean
load_payments (const Query  *q,
               const Docs   *docs,
               AxwReport    *r,
               GError      **error)
{
  sqlite3_stmt *stmt = prepare_children (q, docs,
                                         "SELECT sale_id, method, amount_fen FROM payments "
                                                  "WHERE %s BETWEEN ?1 AND ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int sign = doc_sign (docs, sqlite3_column_int64 (stmt, 0));
      AxwPayMethod m;

      if (sign != 0 &&
          axw_pay_method_from_string ((const char *) sqlite3_column_text (stmt, 1), &m))
        r->payments[m] += sign * sqlite3_column_int64 (stmt, 2);
    }
  return finish (q, stmt, rc, error);
}

static void
add_line (AxwReportRow *row,
          gint64        qty_milli,
          gint64        fen,
          int           sign)
{
  row->qty_milli += sign * qty_milli;
  row->total_fen += sign * fen;
}

/* What a manager's price took off the catalog price (a refund of such a
 * line gives its share back). */
static void
add_price_override (AxwReport *r,
                    gint64     list_price_fen,
                    gint64     unit_price_fen,
                    gint64     qty_milli,
                    int        sign)
{
  if (sign > 0)
    r->price_overrides_count++;
  r->price_overrides_fen += sign * axw_mul_div_round (list_price_fen - unit_price_fen, qty_milli,
                                                      1000);
}

static gboolean
load_lines (const Query  *q,
            const Docs   *docs,
            AxwReport    *r,
            GError      **error)
{
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) products = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) origins = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) suppliers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) funds = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = prepare_children (q, docs,
                                         "SELECT l.sale_id, l.category, l.name, l.qty_milli, "
                                         "l.pay_fen, "
                                                  "  coalesce (src.origin, ''), coalesce "
                                                  "(sup.name, ''), "
                                                  "  l.unit_price_fen, l.list_price_fen, l.fund "
                                                  "FROM sale_lines l "
                                                  "LEFT JOIN sale_line_sources src ON "
                                                  "src.sale_line_id = l.id "
                                                  "LEFT JOIN suppliers sup ON sup.id = "
                                                  "src.supplier_id "
                                                  "WHERE %s BETWEEN ?1 AND ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int sign = doc_sign (docs, sqlite3_column_int64 (stmt, 0));
      gint64 qty = sqlite3_column_int64 (stmt, 3);
      gint64 fen = sqlite3_column_int64 (stmt, 4);

      if (sign == 0)
        continue;
      /* a charity line is the fund's, not revenue: apart from the categories,
       * origins and suppliers, which add up to the total */
      if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
        {
          AxwReportRow *fund = find_row (funds, r->charity_sales,
                                         (const char *) sqlite3_column_text (stmt, 9));

          fund->count += sign;
          add_line (fund, qty, fen, sign);
        }
      else
        {
          add_line (find_row (categories, r->categories,
                              (const char *) sqlite3_column_text (stmt, 1)),
                    qty, fen, sign);
          add_line (find_row (origins, r->origins, (const char *) sqlite3_column_text (stmt, 5)),
                    qty, fen, sign);
          add_line (find_row (suppliers, r->suppliers,
                              (const char *) sqlite3_column_text (stmt, 6)), qty, fen,
                    sign);
        }
      add_line (find_row (products, r->top_products, (const char *) sqlite3_column_text (stmt, 2)),
                qty, fen, sign);
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        add_price_override (r, sqlite3_column_int64 (stmt, 8), sqlite3_column_int64 (stmt, 7), qty,
                            sign);
    }
  return finish (q, stmt, rc, error);
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return strcmp ((*(AxwReportRow * const *) a)->name, (*(AxwReportRow * const *) b)->name);
}

static int
by_funder_campaign (gconstpointer a,
                    gconstpointer b)
{
  const AxwReportRedPacket *x = *(AxwReportRedPacket * const *) a;
  const AxwReportRedPacket *y = *(AxwReportRedPacket * const *) b;
  int c = strcmp (x->funder, y->funder);

  return c ? c : strcmp (x->campaign, y->campaign);
}

static int
by_total_desc (gconstpointer a,
               gconstpointer b)
{
  const AxwReportRow *ra = *(AxwReportRow * const *) a;
  const AxwReportRow *rb = *(AxwReportRow * const *) b;

  if (ra->total_fen != rb->total_fen)
    return ra->total_fen < rb->total_fen ? 1 : -1;
  return strcmp (ra->name, rb->name);
}

static void
sort_sections (AxwReport *r)
{
  g_ptr_array_sort (r->categories, by_name);
  g_ptr_array_sort (r->cashiers, by_name);
  g_ptr_array_sort (r->red_packets, by_funder_campaign);
  g_ptr_array_sort (r->top_products, by_total_desc);
  g_ptr_array_sort (r->origins, by_name);
  g_ptr_array_sort (r->suppliers, by_name);
  if (r->top_products->len > TOP_PRODUCTS)
    g_ptr_array_set_size (r->top_products, TOP_PRODUCTS);
}

static AxwReport *
build (const Query    *q,
       AxwReportKind   kind,
       GError        **error)
{
  g_autoptr(AxwReport) r = axw_report_new (kind);
  Docs docs = { 0 };
  gboolean ok;

  r->shop_name = axw_settings_get (q->db, "shop.name");
  if (!find_docs (q, &docs, error))
    return NULL;
  ok = docs.count == 0 ||
       (load_sales (q, &docs, r, error) &&
        load_payments (q, &docs, r, error) &&
        load_lines (q, &docs, r, error));
  g_free (docs.sign);
  if (!ok)
    return NULL;
  sort_sections (r);
  return g_steal_pointer (&r);
}

/**
 * axw_reports_range:
 *
 * Returns: (transfer full): the report of every document whose business
 *   date is in [@from, @to], or %NULL with @error
 */
AxwReport *
axw_reports_range (AxwDb       *db,
                   const char  *from,
                   const char  *to,
                   GError     **error)
{
  Query q = { db, BY_DATES, from, to, 0 };
  AxwReport *r;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  if (!axw_date_is_valid (from) || !axw_date_is_valid (to))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-12."),
                   axw_date_is_valid (from) ? to : from);
      return NULL;
    }
  if (strcmp (from, to) > 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The period starts (%s) after it ends (%s): swap the dates."), from, to);
      return NULL;
    }
  r = build (&q, AXW_REPORT_RANGE, error);
  if (r != NULL)
    {
      r->from = g_strdup (from);
      r->to = g_strdup (to);
    }
  return r;
}

/* Returns: (transfer full): @utc_iso as "YYYY-MM-DD HH:MM" in the shop's time zone */
char *
axw_reports_local_time (AxwDb      *db,
                        const char *utc_iso)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  g_autoptr(GTimeZone) zone = axw_timezone_new (tz);

  return axw_time_format_shop_iso (utc_iso, zone, AXW_TIME_FORMAT_MINUTES);
}

AxwReport *
axw_reports_shift (AxwDb   *db,
                   gint64   shift_id,
                   GError **error)
{
  g_autoptr(AxwShift) shift = axw_shift_load (db, shift_id, error);
  Query q = { db, BY_SHIFT, NULL, NULL, shift_id };
  AxwReport *r;

  if (shift == NULL)
    return NULL;
  r = build (&q, AXW_REPORT_X, error);
  if (r == NULL)
    return NULL;
  r->from = axw_reports_local_time (db, shift->opened_at);
  r->to = shift->closed_at ? axw_reports_local_time (db, shift->closed_at) : g_strdup (_("now"));
  r->has_cash_drawer = TRUE;
  r->float_fen = shift->float_fen;
  r->cash_in_out_fen = shift->cash_in_out_fen;
  r->expected_cash_fen = shift->expected_fen;
  r->has_counted = shift->closed_at != NULL;
  r->counted_cash_fen = shift->counted_fen;
  return r;
}

AxwReport *
axw_reports_x (AxwDb   *db,
               GError **error)
{
  gint64 id = axw_shift_open_id (db, error);

  if (id == 0)
    return NULL;
  return axw_reports_shift (db, id, error);
}

gboolean
axw_reports_day_is_closed (AxwDb      *db,
                           const char *date)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT 1 FROM z_reports WHERE business_date = ?", NULL);
  gboolean closed;

  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, date);
  closed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return closed;
}

static gboolean
insert_z (AxwDb         *db,
          AxwReport     *r,
          const char    *date,
          gint64         staff_id,
          const char    *now,
          gint64        *out_id,
          GError       **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  r->z_number = axw_db_query_int (db, "SELECT coalesce (max (number), 0) + 1 FROM z_reports", 1);
  json = axw_report_to_json (r);
  stmt = axw_db_prepare (db,
                         "INSERT INTO z_reports (number, business_date, closed_at, staff_id, "
                         "report_json) "
                             "VALUES (?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->z_number);
  axw_db_bind_text (stmt, 2, date);
  axw_db_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, staff_id);
  axw_db_bind_text (stmt, 5, json);
  if (!axw_db_step_int (db, stmt, out_id, error))
    return FALSE;

  stmt = axw_db_prepare (db, "UPDATE sales SET z_id = ? WHERE business_date = ? AND z_id IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *out_id);
  axw_db_bind_text (stmt, 2, date);
  return axw_db_step_done (db, stmt, error);
}

static gboolean
check_can_close (AxwDb       *db,
                 const char  *date,
                 const char  *today,
                 GError     **error)
{
  if (!axw_date_is_valid (date))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-12."), date);
      return FALSE;
    }
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("%s has not begun yet (today is %s): a day is closed at its end."), date,
                   today);
      return FALSE;
    }
  if (axw_reports_day_is_closed (db, date))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("%s is already closed. Print its Z report again with “report z --number”."),
                   date);
      return FALSE;
    }
  return TRUE;
}

/**
 * axw_reports_can_close_day:
 *
 * Whether axw_reports_close_day() at @at would accept @date: a valid date,
 * begun, not closed yet. For asking before closing; the close checks again.
 */
gboolean
axw_reports_can_close_day (AxwDb       *db,
                           const char  *date,
                           GDateTime   *at,
                           GError     **error)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  g_autofree char *today = axw_business_date (at, tz);

  return check_can_close (db, date, today, error);
}

/**
 * axw_reports_close_day:
 *
 * The day's report, its number and the marks on its sales are written in
 * one transaction; from then on triggers refuse any change to them.
 *
 * Returns: (transfer full): the Z report, or %NULL with @error
 */
AxwReport *
axw_reports_close_day (AxwDb       *db,
                       const char  *date,
                       const char  *manager,
                       GDateTime   *at,
                       GError     **error)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  g_autofree char *today = axw_business_date (at, tz);
  g_autofree char *now = axw_time_to_utc_iso (at);
  g_autofree char *detail = NULL;
  g_autoptr(AxwReport) r = NULL;
  g_autoptr(AxwStaff) staff = NULL;
  Query q = { db, BY_DATES, NULL, NULL, 0 };
  gint64 z_id = 0;

  q.from = q.to = date ? date : today;
  staff = axw_staff_find (db, manager, error);
  if (staff == NULL)
    return NULL;
  if (!staff->manager)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                   _("%s is not a manager: a manager closes the day."), staff->name);
      return NULL;
    }
  if (!axw_db_begin (db, error))
    return NULL;
  if (!check_can_close (db, q.from, today, error) ||
      (r = build (&q, AXW_REPORT_Z, error)) == NULL)
    goto fail;
  r->from = g_strdup (q.from);
  r->to = g_strdup (q.from);
  if (!insert_z (db, r, q.from, staff->id, now, &z_id, error))
    goto fail;
  detail = g_strdup_printf ("Z %" G_GINT64_FORMAT " %s", r->z_number, q.from);
  if (!axw_audit_append (db, manager, "z_close", detail, error) || !axw_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&r);

fail:
  axw_db_rollback (db);
  return NULL;
}

static gboolean
find_z (AxwDb    *db,
        gint64    number,
        gint64   *out_id,
        char    **out_date,
        char    **out_json,
        GError  **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT id, number, business_date, report_json FROM "
                                       "z_reports "
                                           "WHERE number = ?1 OR (?1 = 0 AND number = "
                                           "(SELECT max (number) FROM z_reports))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (number == 0)
        g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("No day has been closed yet."));
      else
        g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                     _("There is no Z report number %lld."), (long long) number);
      return FALSE;
    }
  out_id[0] = sqlite3_column_int64 (stmt, 0);
  out_id[1] = sqlite3_column_int64 (stmt, 1);
  *out_date = axw_db_column_dup (stmt, 2);
  *out_json = axw_db_column_dup (stmt, 3);
  sqlite3_reset (stmt);
  return TRUE;
}

AxwReport *
axw_reports_load_z (AxwDb   *db,
                    gint64   number,
                    GError **error)
{
  g_autofree char *date = NULL;
  g_autofree char *json = NULL;
  gint64 ids[2];
  Query q = { db, BY_Z, NULL, NULL, 0 };
  AxwReport *r;

  if (!find_z (db, number, ids, &date, &json, error))
    return NULL;
  q.id = ids[0];
  r = build (&q, AXW_REPORT_Z, error);
  if (r == NULL)
    return NULL;
  r->z_number = ids[1];
  /* a Z closed before schema 10 had no origins and suppliers */
  if (strstr (json, "\"origins\":") == NULL)
    {
      g_clear_pointer (&r->origins, g_ptr_array_unref);
      g_clear_pointer (&r->suppliers, g_ptr_array_unref);
    }
  r->from = g_strdup (date);
  r->to = g_steal_pointer (&date);
  return r;
}

/* Returns: (transfer full) */
char *
axw_reports_z_json (AxwDb   *db,
                    gint64   number,
                    GError **error)
{
  g_autofree char *date = NULL;
  char *json = NULL;
  gint64 ids[2];

  if (!find_z (db, number, ids, &date, &json, error))
    return NULL;
  return json;
}

void
axw_z_summary_free (gpointer summary)
{
  AxwZSummary *z = summary;

  if (z == NULL)
    return;
  g_free (z->business_date);
  g_free (z->closed_at);
  g_free (z->manager);
  g_free (z);
}

static gpointer
z_summary_from_row (sqlite3_stmt *stmt)
{
  AxwZSummary *z = g_new0 (AxwZSummary, 1);

  z->number = sqlite3_column_int64 (stmt, 0);
  z->business_date = axw_db_column_dup (stmt, 1);
  z->closed_at = axw_db_column_dup (stmt, 2);
  z->manager = axw_db_column_dup (stmt, 3);
  z->sales_count = sqlite3_column_int64 (stmt, 4);
  z->total_fen = sqlite3_column_int64 (stmt, 5);
  return z;
}

/**
 * axw_reports_z_list:
 *
 * Returns: (transfer full) (element-type AxwZSummary): newest first
 */
GPtrArray *
axw_reports_z_list (AxwDb    *db,
                    guint     limit,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
                         "SELECT z.number, z.business_date, z.closed_at, coalesce (st.name, ''), "
                             "coalesce (json_extract (z.report_json, '$.sales_count'), 0), "
                             "coalesce (json_extract (z.report_json, '$.total_fen'), 0) "
                             "FROM z_reports z LEFT JOIN staff st ON st.id = z.staff_id "
                             "ORDER BY z.number DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  return axw_db_collect (db, stmt, z_summary_from_row, axw_z_summary_free, error);
}

/* Subsidy claims */

static gboolean
check_period (const char  *from,
              const char  *to,
              GError     **error)
{
  if (axw_date_is_valid (from) && axw_date_is_valid (to))
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-12."),
               axw_date_is_valid (from) ? to : from);
  return FALSE;
}

static gpointer
claim_from_row (sqlite3_stmt *stmt)
{
  AxwClaimRow *row = g_new0 (AxwClaimRow, 1);

  row->code = axw_db_column_dup (stmt, 0);
  row->receipt_no = axw_db_column_dup (stmt, 1);
  row->date = axw_db_column_dup (stmt, 2);
  row->campaign = axw_db_column_dup (stmt, 3);
  row->amount_fen = (is_refund (stmt, 5) ? -1 : 1) * sqlite3_column_int64 (stmt, 4);
  row->refund_of = axw_db_column_dup (stmt, 6);
  return row;
}

/**
 * axw_reports_claim:
 *
 * Returns: (transfer full) (element-type AxwClaimRow): in receipt order
 */
GPtrArray *
axw_reports_claim (AxwDb       *db,
                   const char  *funder,
                   const char  *from,
                   const char  *to,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_period (from, to, error))
    return NULL;
  stmt = axw_db_prepare (db,
                         "SELECT s.voucher_code, s.receipt_no, s.business_date, s.campaign, "
                         "s.red_packet_fen, "
                             "s.kind, o.receipt_no FROM sales s LEFT JOIN sales o ON o.id = "
                             "s.refund_of AND o.id <> s.id "
                             "WHERE s.funder = ? AND s.business_date BETWEEN ? AND ? AND "
                             "s.red_packet_fen > 0 "
                             "ORDER BY s.business_date, s.created_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, funder);
  axw_db_bind_text (stmt, 2, from);
  axw_db_bind_text (stmt, 3, to);
  return axw_db_collect (db, stmt, claim_from_row, axw_claim_row_free, error);
}

/* Donation book */

static gpointer
donation_row (sqlite3_stmt *stmt)
{
  AxwDonationRow *row = g_new0 (AxwDonationRow, 1);

  row->date = axw_db_column_dup (stmt, 0);
  row->receipt_no = axw_db_column_dup (stmt, 1);
  row->amount_fen = (is_refund (stmt, 2) ? -1 : 1) * sqlite3_column_int64 (stmt, 3);
  row->methods = axw_db_column_dup (stmt, 4);
  row->refund_of = axw_db_column_dup (stmt, 5);
  if (row->methods == NULL)
    row->methods = g_strdup ("");
  return row;
}

/**
 * axw_reports_donation_book:
 *
 * docs/design.md §15: every donation to @fund and every refund that gave
 * one back, by business date, between @from and @to; no customer data.
 *
 * Returns: (transfer full) (element-type AxwDonationRow): in receipt order
 */
GPtrArray *
axw_reports_donation_book (AxwDb       *db,
                           const char  *fund,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  gboolean exists = FALSE;
  sqlite3_stmt *stmt;

  if (!check_period (from, to, error) ||
      !axw_db_row_exists (db, "SELECT 1 FROM funds WHERE name = ?", fund, &exists, error))
    return NULL;
  if (!exists)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("There is no fund named %s. See aixinwu funds list."), fund);
      return NULL;
    }
  stmt = axw_db_prepare (db, "SELECT s.business_date, s.receipt_no, s.kind, d.amount_fen, "
                             "(SELECT group_concat (method, '+') FROM (SELECT method FROM payments "
                             "p "
                             "  WHERE p.sale_id = s.id GROUP BY method ORDER BY min (seq))), "
                             "o.receipt_no "
                             "FROM donations d JOIN funds f ON f.id = d.fund_id JOIN sales s ON "
                             "s.id = d.sale_id "
                             "LEFT JOIN sales o ON o.id = s.refund_of "
                             "WHERE f.name = ? AND s.business_date BETWEEN ? AND ? "
                             "ORDER BY s.business_date, s.created_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, fund);
  axw_db_bind_text (stmt, 2, from);
  axw_db_bind_text (stmt, 3, to);
  return axw_db_collect (db, stmt, donation_row, axw_donation_row_free, error);
}
