/* axw-print-status.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-audit.h"
#include "axw-print-status.h"

/**
 * axw_print_status_of_sale:
 * @out_error: (out) (optional) (transfer full): the printer's last error
 *
 * Returns: the state of the newest receipt job of @sale_id
 */
AxwPrintState
axw_print_status_of_sale (AxwDb   *db,
                          gint64   sale_id,
                          char   **out_error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT status, last_error FROM print_jobs WHERE sale_id = ? "
                                           "ORDER BY id DESC LIMIT 1", NULL);
  AxwPrintState state = AXW_PRINT_NONE;

  if (stmt == NULL)
    return AXW_PRINT_NONE;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (status, "pending") == 0)
        state = AXW_PRINT_PENDING;
      else if (g_strcmp0 (status, "printing") == 0)
        state = AXW_PRINT_PRINTING;
      else if (g_strcmp0 (status, "done") == 0)
        state = AXW_PRINT_DONE;
      else
        state = AXW_PRINT_FAILED;
      if (out_error)
        *out_error = axw_db_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return state;
}

/* Returns: the new job's id, or 0 with @error */
gint64
axw_print_queue_reprint (AxwDb   *db,
                         gint64   sale_id,
                         GError **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt = axw_db_prepare (db, "INSERT INTO print_jobs (sale_id, kind, created_at, updated_at) "
                                           "VALUES (?, 'receipt', ?, ?) RETURNING id", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  axw_db_bind_text (stmt, 2, now);
  axw_db_bind_text (stmt, 3, now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      axw_db_set_error (db, sqlite3_reset (stmt), error);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Words and a symbol, never colour alone. */
char *
axw_print_state_describe (AxwPrintState  state,
                          const char    *error)
{
  switch (state)
    {
    case AXW_PRINT_NONE:
      return g_strdup ("");
    case AXW_PRINT_PENDING:
      return g_strdup (_("Receipt: waiting for the printer"));
    case AXW_PRINT_PRINTING:
      return g_strdup (_("Receipt: printing"));
    case AXW_PRINT_DONE:
      return g_strdup (_("✔ Receipt printed"));
    case AXW_PRINT_FAILED:
    default:
      return g_strdup_printf (_("✖ Receipt not printed: %s. Check the printer, then reprint."),
                              error && *error ? error : _("printer problem"));
    }
}
