/* axw-audit.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log is append-only: triggers in the schema refuse UPDATE and
 * DELETE, so a row once written stays as it was.
 */
#include "axw-audit.h"
#include "axw-bizdate.h"

/* Returns: (transfer full): the current UTC time, ISO-8601 with ms */
char *
axw_now_utc_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return axw_time_to_utc_iso (now);
}

/**
 * axw_audit_append:
 * @staff: (nullable): who did it
 * @action: a stable word: "sale", "refund", "price", "stocktake", "login"…
 * @detail: (nullable): what changed, for people
 */
gboolean
axw_audit_append (AxwDb       *db,
                  const char  *staff,
                  const char  *action,
                  const char  *detail,
                  GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, now);
  axw_db_bind_text (stmt, 2, staff);
  axw_db_bind_text (stmt, 3, action);
  axw_db_bind_text (stmt, 4, detail ? detail : "");
  return axw_db_step_done (db, stmt, error);
}
