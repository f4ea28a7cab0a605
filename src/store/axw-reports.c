/* axw-reports.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each section is one GROUP BY over the documents of the period; a refund
 * subtracts in the section where its sale added (DESIGN §8). Refunds land
 * on the business day they are made, so a closed day never changes.
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

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

static const char *
where_clause (Filter filter)
{
  switch (filter)
    {
    case BY_SHIFT: return "s.shift_id = ?1";
    case BY_Z: return "s.z_id = ?1";
    case BY_DATES:
    default: return "s.business_date BETWEEN ?1 AND ?2";
    }
}

/* Prepares @sql_fmt with the filter's WHERE condition for its "%s". */
static sqlite3_stmt *
prepare (const Query  *q,
         const char   *sql_fmt,
         GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  sql = g_strdup_printf (sql_fmt, where_clause (q->filter));
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
load_summary (const Query  *q,
              AxwReport    *r,
              GError      **error)
{
  sqlite3_stmt *stmt = prepare (q, "SELECT s.kind, count (*), sum (s.gross_fen), sum (s.promo_fen), "
                                   "sum (s.red_packet_fen), sum (s.total_fen), sum (s.cash_rounding_fen) "
                                   "FROM sales s WHERE %s GROUP BY s.kind", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 total = sqlite3_column_int64 (stmt, 5);
      gint64 rounding = sqlite3_column_int64 (stmt, 6);

      if (is_refund (stmt, 0))
        {
          r->refunds_count = sqlite3_column_int64 (stmt, 1);
          r->refunds_fen = total;
          r->total_fen -= total;
          r->cash_rounding_fen -= rounding;
          continue;
        }
      r->sales_count = sqlite3_column_int64 (stmt, 1);
      r->gross_fen = sqlite3_column_int64 (stmt, 2);
      r->promo_fen = sqlite3_column_int64 (stmt, 3);
      r->red_packet_fen = sqlite3_column_int64 (stmt, 4);
      r->total_fen += total;
      r->cash_rounding_fen += rounding;
    }
  return finish (q, stmt, rc, error);
}

static gboolean
load_payments (const Query  *q,
               AxwReport    *r,
               GError      **error)
{
  sqlite3_stmt *stmt = prepare (q, "SELECT s.kind, p.method, sum (p.amount_fen) FROM payments p "
                                   "JOIN sales s ON s.id = p.sale_id WHERE %s GROUP BY s.kind, p.method",
                                error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwPayMethod m;

      if (!axw_pay_method_from_string ((const char *) sqlite3_column_text (stmt, 1), &m))
        continue;
      r->payments[m] += (is_refund (stmt, 0) ? -1 : 1) * sqlite3_column_int64 (stmt, 2);
    }
  return finish (q, stmt, rc, error);
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

static gboolean
load_red_packets (const Query  *q,
                  AxwReport    *r,
                  GError      **error)
{
  sqlite3_stmt *stmt = prepare (q, "SELECT s.kind, s.funder, s.campaign, count (*), sum (s.red_packet_fen) "
                                   "FROM sales s WHERE %s AND s.red_packet_fen > 0 "
                                   "GROUP BY s.funder, s.campaign, s.kind ORDER BY s.funder, s.campaign",
                                error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwReportRedPacket *rp = find_red_packet (r, (const char *) sqlite3_column_text (stmt, 2),
                                                (const char *) sqlite3_column_text (stmt, 1));

      if (is_refund (stmt, 0))
        rp->refunded_fen += sqlite3_column_int64 (stmt, 4);
      else
        {
          rp->count += sqlite3_column_int64 (stmt, 3);
          rp->amount_fen += sqlite3_column_int64 (stmt, 4);
        }
    }
  return finish (q, stmt, rc, error);
}

/* Rows named by column 0, signed by the kind in column 1: count in 2 (sales
 * only), qty_milli in 3, fen in 4. */
static gboolean
load_rows (const Query  *q,
           const char   *sql_fmt,
           GPtrArray    *rows,
           GError      **error)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = prepare (q, sql_fmt, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      AxwReportRow *row = g_hash_table_lookup (by_name, name ? name : "");
      int sign = is_refund (stmt, 1) ? -1 : 1;

      if (row == NULL)
        {
          row = axw_report_row_new (name);
          g_ptr_array_add (rows, row);
          g_hash_table_insert (by_name, row->name, row);
        }
      if (sign > 0)
        row->count += sqlite3_column_int64 (stmt, 2);
      row->qty_milli += sign * sqlite3_column_int64 (stmt, 3);
      row->total_fen += sign * sqlite3_column_int64 (stmt, 4);
    }
  return finish (q, stmt, rc, error);
}

static int
by_total_desc (gconstpointer a,
               gconstpointer b)
{
  const AxwReportRow *ra = *(AxwReportRow * const *) a;
  const AxwReportRow *rb = *(AxwReportRow * const *) b;

  if (ra->total_fen != rb->total_fen)
    return ra->total_fen < rb->total_fen ? 1 : -1;
  return g_strcmp0 (ra->name, rb->name);
}

static gboolean
load_top_products (const Query  *q,
                   AxwReport    *r,
                   GError      **error)
{
  if (!load_rows (q, "SELECT l.name, s.kind, count (*), sum (l.qty_milli), sum (l.pay_fen) "
                     "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE %s "
                     "GROUP BY l.name, s.kind", r->top_products, error))
    return FALSE;
  g_ptr_array_sort (r->top_products, by_total_desc);
  if (r->top_products->len > TOP_PRODUCTS)
    g_ptr_array_set_size (r->top_products, TOP_PRODUCTS);
  return TRUE;
}

/* Grouped by UTC hour in SQL, then moved to the shop's local hour (time
 * zones with half-hour offsets or DST stay right). */
static gboolean
load_hours (const Query  *q,
            AxwReport    *r,
            GError      **error)
{
  g_autofree char *tzid = axw_settings_get (q->db, "timezone");
  g_autoptr(GTimeZone) tz = axw_timezone_new (tzid);
  sqlite3_stmt *stmt = prepare (q, "SELECT substr (s.created_at, 1, 16), s.kind, count (*), sum (s.total_fen) "
                                   "FROM sales s WHERE %s GROUP BY substr (s.created_at, 1, 13), "
                                   "substr (s.created_at, 15, 2) >= '30', s.kind", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *t = (const char *) sqlite3_column_text (stmt, 0);
      int y, mo, d, h, mi;
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      int hour;

      if (t == NULL || sscanf (t, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) != 5)
        continue;
      utc = g_date_time_new_utc (y, mo, d, h, mi, 0);
      local = utc ? g_date_time_to_timezone (utc, tz) : NULL;
      if (local == NULL)
        continue;
      hour = g_date_time_get_hour (local);
      if (is_refund (stmt, 1))
        r->hour_total_fen[hour] -= sqlite3_column_int64 (stmt, 3);
      else
        {
          r->hour_count[hour] += sqlite3_column_int64 (stmt, 2);
          r->hour_total_fen[hour] += sqlite3_column_int64 (stmt, 3);
        }
    }
  return finish (q, stmt, rc, error);
}

static AxwReport *
build (const Query    *q,
       AxwReportKind   kind,
       GError        **error)
{
  g_autoptr(AxwReport) r = axw_report_new (kind);

  r->shop_name = axw_settings_get (q->db, "shop.name");
  if (!load_summary (q, r, error) ||
      !load_payments (q, r, error) ||
      !load_red_packets (q, r, error) ||
      !load_rows (q, "SELECT l.category, s.kind, 0, sum (l.qty_milli), sum (l.pay_fen) "
                     "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE %s "
                     "GROUP BY l.category, s.kind ORDER BY l.category", r->categories, error) ||
      !load_rows (q, "SELECT s.staff_name, s.kind, count (*), 0, sum (s.total_fen) "
                     "FROM sales s WHERE %s GROUP BY s.staff_name, s.kind ORDER BY s.staff_name",
                  r->cashiers, error) ||
      !load_hours (q, r, error) ||
      !load_top_products (q, r, error))
    return NULL;
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

static char *
local_time (AxwDb      *db,
            const char *utc_iso)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  g_autoptr(GDateTime) t = utc_iso ? axw_time_parse_rfc3339 (utc_iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = axw_timezone_new (tz);

  if (t == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (t, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
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
  r->from = local_time (db, shift->opened_at);
  r->to = shift->closed_at ? local_time (db, shift->closed_at) : g_strdup (_("now"));
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
  stmt = axw_db_prepare (db, "INSERT INTO z_reports (number, business_date, closed_at, staff_id, report_json) "
                             "VALUES (?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->z_number);
  axw_db_bind_text (stmt, 2, date);
  axw_db_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, staff_id);
  axw_db_bind_text (stmt, 5, json);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return axw_db_set_error (db, sqlite3_reset (stmt), error);
  *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = axw_db_prepare (db, "UPDATE sales SET z_id = ? WHERE business_date = ? AND z_id IS NULL", error);
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
                   _("%s has not begun yet (today is %s): a day is closed at its end."), date, today);
      return FALSE;
    }
  if (axw_reports_day_is_closed (db, date))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("%s is already closed. Print its Z report again with “report z --number”."), date);
      return FALSE;
    }
  return TRUE;
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
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT id, number, business_date, report_json FROM z_reports "
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
                     _("There is no Z report number %" G_GINT64_FORMAT "."), number);
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

/* Subsidy claims */

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
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (axw_claim_row_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!axw_date_is_valid (from) || !axw_date_is_valid (to))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-12."),
                   axw_date_is_valid (from) ? to : from);
      return NULL;
    }
  stmt = axw_db_prepare (db, "SELECT s.voucher_code, s.receipt_no, s.business_date, s.campaign, s.red_packet_fen, "
                             "s.kind, o.receipt_no FROM sales s LEFT JOIN sales o ON o.id = s.refund_of "
                             "WHERE s.funder = ? AND s.business_date BETWEEN ? AND ? AND s.red_packet_fen > 0 "
                             "ORDER BY s.business_date, s.created_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, funder);
  axw_db_bind_text (stmt, 2, from);
  axw_db_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwClaimRow *row = g_new0 (AxwClaimRow, 1);

      row->code = axw_db_column_dup (stmt, 0);
      row->receipt_no = axw_db_column_dup (stmt, 1);
      row->date = axw_db_column_dup (stmt, 2);
      row->campaign = axw_db_column_dup (stmt, 3);
      row->amount_fen = (is_refund (stmt, 5) ? -1 : 1) * sqlite3_column_int64 (stmt, 4);
      row->refund_of = axw_db_column_dup (stmt, 6);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

