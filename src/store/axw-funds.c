/* axw-funds.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-error.h"
#include "axw-funds.h"
#include "axw-settings.h"

void
axw_fund_free (AxwFund *fund)
{
  if (fund == NULL)
    return;
  g_free (fund->name);
  g_free (fund->beneficiary);
  g_free (fund->created_at);
  g_free (fund->ended_at);
  g_free (fund);
}

static gboolean
write_and_audit (AxwDb         *db,
                 sqlite3_stmt  *stmt,
                 const char    *staff,
                 const char    *action,
                 const char    *detail,
                 GError       **error)
{
  if (!axw_db_step_done (db, stmt, error) || !axw_audit_append (db, staff, action, detail, error) ||
      !axw_db_commit (db, error))
    {
      axw_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * axw_funds_add:
 * @staff: (nullable): the manager, for the audit row
 *
 * A new active fund. Names are unique: a fund that ended keeps its name.
 */
gboolean
axw_funds_add (AxwDb       *db,
               const char  *name,
               const char  *beneficiary,
               const char  *staff,
               GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *detail = NULL;
  gboolean exists = FALSE;
  sqlite3_stmt *stmt;

  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("A fund needs a name."));
      return FALSE;
    }
  if (!axw_db_begin (db, error))
    return FALSE;
  if (!axw_db_row_exists (db, "SELECT 1 FROM funds WHERE name = ?", clean, &exists, error))
    goto fail;
  if (exists)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("There is already a fund named %s. Choose another name."), clean);
      goto fail;
    }
  stmt = axw_db_prepare (db, "INSERT INTO funds (name, beneficiary, created_at) VALUES (?, ?, ?)",
                         error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, clean);
  axw_db_bind_text (stmt, 2, beneficiary ? beneficiary : "");
  axw_db_bind_text (stmt, 3, now);
  detail = g_strdup_printf ("%s: %s", clean, beneficiary ? beneficiary : "");
  return write_and_audit (db, stmt, staff, "fund.add", detail, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

/**
 * axw_funds_end:
 *
 * The fund takes no more donations; what it was given stays in its book.
 */
gboolean
axw_funds_end (AxwDb       *db,
               const char  *name,
               const char  *staff,
               GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  gboolean exists = FALSE;
  sqlite3_stmt *stmt;

  if (!axw_db_begin (db, error))
    return FALSE;
  if (!axw_db_row_exists (db, "SELECT 1 FROM funds WHERE name = ? AND active", name, &exists,
                          error))
    goto fail;
  if (!exists)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("There is no active fund named %s. See aixinwu funds list."), name);
      goto fail;
    }
  stmt = axw_db_prepare (db, "UPDATE funds SET active = 0, ended_at = ? WHERE name = ?", error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, now);
  axw_db_bind_text (stmt, 2, name);
  return write_and_audit (db, stmt, staff, "fund.end", name, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

static gpointer
fund_from_row (sqlite3_stmt *stmt)
{
  AxwFund *f = g_new0 (AxwFund, 1);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->name = axw_db_column_dup (stmt, 1);
  f->beneficiary = axw_db_column_dup (stmt, 2);
  f->active = sqlite3_column_int (stmt, 3) != 0;
  f->created_at = axw_db_column_dup (stmt, 4);
  f->ended_at = axw_db_column_dup (stmt, 5);
  return f;
}

/**
 * axw_funds_list:
 *
 * Returns: (transfer full) (element-type AxwFund): every fund, active
 *   ones first, then by name
 */
GPtrArray *
axw_funds_list (AxwDb   *db,
                GError **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT id, name, beneficiary, active, created_at, ended_at "
                                           "FROM funds ORDER BY active DESC, id", error);

  return axw_db_collect (db, stmt, fund_from_row, (GDestroyNotify) axw_fund_free, error);
}

static char *
only_active_fund (AxwDb   *db,
                  GError **error)
{
  g_autoptr(GPtrArray) funds = axw_funds_list (db, error);
  const AxwFund *found = NULL;

  if (funds == NULL)
    return NULL;
  for (guint i = 0; i < funds->len; i++)
    {
      const AxwFund *f = g_ptr_array_index (funds, i);

      if (!f->active)
        continue;
      if (found != NULL)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Several funds take donations: name one, or set donation.fund."));
          return NULL;
        }
      found = f;
    }
  if (found == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("No fund takes donations. A manager adds one with aixinwu funds add."));
      return NULL;
    }
  return g_strdup (found->name);
}

/**
 * axw_funds_resolve:
 * @name: (nullable): the fund named by the cashier; %NULL: the setting
 *   donation.fund, else the only active fund
 *
 * Returns: (transfer full): the name of an active fund, or %NULL with
 *   @error
 */
char *
axw_funds_resolve (AxwDb       *db,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *setting = NULL;
  gboolean active = FALSE;

  if (name == NULL || *name == '\0')
    {
      setting = axw_settings_get (db, "donation.fund");
      if (setting == NULL || *setting == '\0')
        return only_active_fund (db, error);
      name = setting;
    }
  if (!axw_db_row_exists (db, "SELECT 1 FROM funds WHERE name = ? AND active", name, &active,
                          error))
    return NULL;
  if (!active)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("The fund %s takes no donations. See aixinwu funds list."), name);
      return NULL;
    }
  return g_strdup (name);
}

/**
 * axw_donations_insert:
 *
 * The donation of a sale or refund document just inserted (nothing when
 * it has none). The caller holds the transaction. A fund that ended
 * meanwhile refuses a new sale's donation, never a refund's.
 */
gboolean
axw_donations_insert (AxwDb          *db,
                      gint64          sale_id,
                      const AxwSale  *sale,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sale->donation_fund == NULL || sale->donation_fen <= 0)
    return TRUE;
  stmt = axw_db_prepare (db, "INSERT INTO donations (sale_id, fund_id, amount_fen) "
                             "SELECT ?1, id, ?3 FROM funds WHERE name = ?2 AND (active OR ?4)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  axw_db_bind_text (stmt, 2, sale->donation_fund);
  sqlite3_bind_int64 (stmt, 3, sale->donation_fen);
  sqlite3_bind_int (stmt, 4, sale->is_refund);
  if (!axw_db_step_done (db, stmt, error))
    return FALSE;
  rc = axw_db_changes (db);
  if (rc == 1)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
               _("The fund %s takes no donations. See aixinwu funds list."), sale->donation_fund);
  return FALSE;
}

/* Reads the donation of a loaded document into @sale. */
gboolean
axw_donations_load (AxwDb    *db,
                    AxwSale  *sale,
                    GError  **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT f.name, d.amount_fen FROM donations d "
                                           "JOIN funds f ON f.id = d.fund_id WHERE d.sale_id = ?",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (sale->donation_fund);
      sale->donation_fund = axw_db_column_dup (stmt, 0);
      sale->donation_fen = sqlite3_column_int64 (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return axw_db_set_error (db, rc, error);
  return TRUE;
}
