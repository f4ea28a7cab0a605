/* axw-print-status.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-audit.h"
#include "axw-error.h"
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
      {
        g_autofree char *why = axw_error_clause (error && *error ? error : _("printer problem"));

        return g_strdup_printf (_("✖ Receipt not printed: %s. Check the printer, then reprint."), why);
      }
    }
}
