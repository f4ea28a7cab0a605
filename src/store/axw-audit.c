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

void
axw_audit_entry_free (gpointer data)
{
  AxwAuditEntry *e = data;

  g_free (e->at);
  g_free (e->staff);
  g_free (e->action);
  g_free (e->detail);
  g_free (e);
}

/**
 * axw_audit_list:
 *
 * Returns: (transfer full) (element-type AxwAuditEntry): at most @limit rows
 */
GPtrArray *
axw_audit_list (AxwDb       *db,
                const char  *filter,
                guint        limit,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (axw_audit_entry_free);
  g_autofree char *like = g_strdup_printf ("%%%s%%", filter ? filter : "");
  sqlite3_stmt *stmt;
  int rc;

  stmt = axw_db_prepare (db, "SELECT at, coalesce (staff, ''), action, detail FROM audit_log "
                             "WHERE ?1 = '%%' OR staff LIKE ?1 OR action LIKE ?1 OR detail LIKE ?1 "
                             "ORDER BY id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, like);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwAuditEntry *e = g_new0 (AxwAuditEntry, 1);

      e->at = axw_db_column_dup (stmt, 0);
      e->staff = axw_db_column_dup (stmt, 1);
      e->action = axw_db_column_dup (stmt, 2);
      e->detail = axw_db_column_dup (stmt, 3);
      g_ptr_array_add (rows, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
