/* axw-print-jobs.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-print-jobs.h"

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
