/* axw-shifts.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sale is committed with all its payments in one transaction
 * (axw_checkout_commit), so there is no half-paid sale in the database to
 * wait for: a payment in progress lives only in the counter's memory. What
 * closing a shift does enforce is that every document of the shift is
 * fully paid (Σ payments = total + cash rounding), so the drawer's
 * expected cash is right; a damaged document blocks the close.
 */
#include <glib/gi18n.h>
#include <stdlib.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-shifts.h"
#include "axw-staff.h"

/* Renminbi notes and coins in circulation, in fen. */
static const gint64 denominations[] = { 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2,
  1 };

void
axw_shift_free (AxwShift *shift)
{
  if (shift == NULL)
    return;
  g_free (shift->staff);
  g_free (shift->opened_at);
  g_free (shift->closed_at);
  g_free (shift->count_json);
  g_free (shift);
}

static int
denomination_index (gint64 fen)
{
  for (guint i = 0; i < G_N_ELEMENTS (denominations); i++)
    if (denominations[i] == fen)
      return (int) i;
  return -1;
}

static gboolean
parse_count_item (const char  *item,
                  gint64      *pieces_by_index,
                  GError     **error)
{
  g_auto(GStrv) kv = g_strsplit (item, ":", 2);
  gint64 value = 0;
  guint64 pieces = 0;
  int index;

  if (g_strv_length (kv) != 2 || !axw_money_parse (g_strstrip (kv[0]), &value, NULL) ||
      !g_ascii_string_to_unsigned (g_strstrip (kv[1]), 10, 0, 100000, &pieces, NULL))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("“%s” is not a count: write VALUE:PIECES in yuan, e.g. 100:3,0.5:4."), item);
      return FALSE;
    }
  index = denomination_index (value);
  if (index < 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("There is no ¥%s note or coin: use 100, 50, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1, "
                     "0.05, 0.02 or 0.01."), g_strstrip (kv[0]));
      return FALSE;
    }
  pieces_by_index[index] += (gint64) pieces;
  return TRUE;
}

/**
 * axw_cash_count_parse:
 * @out_json: (out) (transfer full): the count, largest value first
 */
gboolean
axw_cash_count_parse (const char  *text,
                      gint64      *out_total_fen,
                      char       **out_json,
                      GError     **error)
{
  gint64 pieces[G_N_ELEMENTS (denominations)] = { 0 };
  g_auto(GStrv) items = g_strsplit (text ? text : "", ",", -1);
  GString *json = g_string_new ("{");
  gint64 total = 0;

  for (guint i = 0; items[i]; i++)
    if (*g_strstrip (items[i]) && !parse_count_item (items[i], pieces, error))
      {
        g_string_free (json, TRUE);
        return FALSE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (denominations); i++)
    if (pieces[i] > 0)
      {
        g_string_append_printf (json, "%s\"%" G_GINT64_FORMAT "\":%" G_GINT64_FORMAT,
                                json->len > 1 ? "," : "", denominations[i], pieces[i]);
        total += denominations[i] * pieces[i];
      }
  g_string_append_c (json, '}');
  *out_total_fen = total;
  *out_json = g_string_free (json, FALSE);
  return TRUE;
}

static gint64
staff_id (AxwDb       *db,
          const char  *name,
          GError     **error)
{
  g_autoptr(AxwStaff) staff = axw_staff_find (db, name, error);

  return staff ? staff->id : 0;
}

gint64
axw_shift_open_id (AxwDb   *db,
                   GError **error)
{
  gint64 id = axw_db_query_int (db, "SELECT id FROM shifts WHERE closed_at IS NULL", 0);

  if (id == 0)
    g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                 _("No shift is open. Open one with a float first."));
  return id;
}

/**
 * axw_shift_open:
 *
 * Returns: the new shift's id, or 0 with @error (CONFLICT: one is open)
 */
gint64
axw_shift_open (AxwDb       *db,
                const char  *staff,
                gint64       float_fen,
                GDateTime   *at,
                GError     **error)
{
  return axw_shift_open_by (db, staff, float_fen, NULL, at, error);
}

/**
 * axw_shift_open_by:
 * @by: (nullable): who opens it for @staff (a manager at the manager
 *   window), audited in that name; %NULL: @staff
 *
 * Returns: the new shift's id, or 0 with @error (CONFLICT: one is open)
 */
gint64
axw_shift_open_by (AxwDb       *db,
                   const char  *staff,
                   gint64       float_fen,
                   const char  *by,
                   GDateTime   *at,
                   GError     **error)
{
  g_autofree char *now = axw_time_to_utc_iso (at);
  g_autofree char *amount = axw_money_format (float_fen);
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 sid, id;

  if (float_fen < 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("The float cannot be negative."));
      return 0;
    }
  if ((sid = staff_id (db, staff, error)) == 0)
    return 0;
  if (axw_db_query_int (db, "SELECT count (*) FROM shifts WHERE closed_at IS NULL", 0) > 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("A shift is already open: close it (count the drawer) before opening another."));
      return 0;
    }
  if (!axw_db_begin (db, error))
    return 0;
  stmt = axw_db_prepare (db, "INSERT INTO shifts (staff_id, opened_at, float_fen) VALUES (?, ?, ?) "
                             "RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, sid);
  axw_db_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, float_fen);
  if (!axw_db_step_int (db, stmt, &id, error))
    goto fail;
  if (by == NULL || g_str_equal (by, staff))
    detail = g_strdup_printf ("shift %" G_GINT64_FORMAT " float ￥%s", id, amount);
  else
    detail = g_strdup_printf ("shift %" G_GINT64_FORMAT " float ￥%s for %s", id, amount, staff);
  if (!axw_audit_append (db, by ? by : staff, "shift_open", detail, error) ||
      !axw_db_commit (db, error))
    goto fail;
  return id;

fail:
  axw_db_rollback (db);
  return 0;
}

gboolean
axw_shift_cash (AxwDb       *db,
                const char  *staff,
                gint64       amount_fen,
                const char  *reason,
                GDateTime   *at,
                GError     **error)
{
  g_autofree char *now = axw_time_to_utc_iso (at);
  g_autofree char *amount = axw_money_format (amount_fen);
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 shift, sid;

  if (amount_fen == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Enter an amount: positive puts cash in, "
                                                          "negative takes it out."));
      return FALSE;
    }
  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Say why the cash goes in or out."));
      return FALSE;
    }
  if ((shift = axw_shift_open_id (db, error)) == 0 || (sid = staff_id (db, staff, error)) == 0)
    return FALSE;
  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db,
                         "INSERT INTO cash_movements (shift_id, at, amount_fen, reason, staff_id) "
                             "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, shift);
  axw_db_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, amount_fen);
  axw_db_bind_text (stmt, 4, reason);
  sqlite3_bind_int64 (stmt, 5, sid);
  detail = g_strdup_printf ("shift %" G_GINT64_FORMAT " ￥%s %s", shift, amount, reason);
  if (!axw_db_step_done (db, stmt, error) ||
      !axw_audit_append (db, staff, "cash_movement", detail, error) ||
      !axw_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

static gint64
shift_sum (AxwDb      *db,
           const char *sql,
           gint64      id)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, sql, NULL);
  gint64 v = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return v;
}

/* Cash kept by sales minus cash handed back by refunds. */
static gint64
cash_sales (AxwDb  *db,
            gint64  id)
{
  return shift_sum (db, "SELECT coalesce (sum (CASE s.kind WHEN 'refund' THEN -p.amount_fen "
                        "ELSE p.amount_fen END), 0) FROM payments p JOIN sales s ON s.id = "
                        "p.sale_id "
                        "WHERE s.shift_id = ? AND p.method = 'cash'", id);
}

AxwShift *
axw_shift_load (AxwDb   *db,
                gint64   id,
                GError **error)
{
  g_autoptr(AxwShift) shift = g_new0 (AxwShift, 1);
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT h.id, st.name, h.opened_at, h.closed_at, "
                                       "h.float_fen, "
                                           "h.counted_fen, h.count_json FROM shifts h "
                                           "JOIN staff st ON st.id = h.staff_id WHERE h.id = ?",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("There is no shift %lld."),
                   (long long) id);
      return NULL;
    }
  shift->id = sqlite3_column_int64 (stmt, 0);
  shift->staff = axw_db_column_dup (stmt, 1);
  shift->opened_at = axw_db_column_dup (stmt, 2);
  shift->closed_at = axw_db_column_dup (stmt, 3);
  shift->float_fen = sqlite3_column_int64 (stmt, 4);
  shift->counted_fen = sqlite3_column_int64 (stmt, 5);
  shift->count_json = axw_db_column_dup (stmt, 6);
  sqlite3_reset (stmt);
  shift->cash_in_out_fen = shift_sum (db,
                                      "SELECT coalesce (sum (amount_fen), 0) FROM cash_movements "
                                          "WHERE shift_id = ?", id);
  shift->cash_sales_fen = cash_sales (db, id);
  shift->expected_fen = shift->float_fen + shift->cash_in_out_fen + shift->cash_sales_fen;
  return g_steal_pointer (&shift);
}

static gboolean
check_fully_paid (AxwDb    *db,
                  gint64    id,
                  GError  **error)
{
  gint64 n = shift_sum (db, "SELECT count (*) FROM sales s WHERE s.shift_id = ?1 AND s.total_fen + "
                            "s.cash_rounding_fen <> (SELECT coalesce (sum (amount_fen), 0) FROM "
                            "payments "
                            "WHERE sale_id = s.id)", id);

  if (n == 0)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
               g_dngettext (NULL, "%lld sale of this shift is not fully paid: "
                            "ask the manager to check it before closing.",
                            "%lld sales of this shift are not fully paid: "
                            "ask the manager to check them before closing.", (gulong) n),
                            (long long) n);
  return FALSE;
}

/**
 * axw_shift_close:
 * @count: the drawer as "VALUE:PIECES,…" (see axw_cash_count_parse())
 *
 * Returns: (transfer full): the closed shift with expected and counted
 */
AxwShift *
axw_shift_close (AxwDb       *db,
                 const char  *staff,
                 const char  *count,
                 GDateTime   *at,
                 GError     **error)
{
  g_autofree char *now = axw_time_to_utc_iso (at);
  g_autofree char *json = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(AxwShift) shift = NULL;
  sqlite3_stmt *stmt;
  gint64 counted, id;

  if (!axw_cash_count_parse (count, &counted, &json, error) ||
      staff_id (db, staff, error) == 0 ||
      !axw_db_begin (db, error))
    return NULL;
  if ((id = axw_shift_open_id (db, error)) == 0 ||
      !check_fully_paid (db, id, error) ||
      (shift = axw_shift_load (db, id, error)) == NULL)
    goto fail;
  stmt = axw_db_prepare (db, "UPDATE shifts SET closed_at = ?, expected_fen = ?, counted_fen = ?, "
                             "count_json = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, shift->expected_fen);
  sqlite3_bind_int64 (stmt, 3, counted);
  axw_db_bind_text (stmt, 4, json);
  sqlite3_bind_int64 (stmt, 5, id);
  detail = g_strdup_printf ("shift %" G_GINT64_FORMAT " expected %" G_GINT64_FORMAT " counted %"
                            G_GINT64_FORMAT " fen", id, shift->expected_fen, counted);
  if (!axw_db_step_done (db, stmt, error) ||
      !axw_audit_append (db, staff, "shift_close", detail, error) ||
      !axw_db_commit (db, error))
    goto fail;
  shift->closed_at = g_steal_pointer (&now);
  shift->counted_fen = counted;
  shift->count_json = g_steal_pointer (&json);
  return g_steal_pointer (&shift);

fail:
  axw_db_rollback (db);
  return NULL;
}
