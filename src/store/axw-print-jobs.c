/* axw-print-jobs.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-db-sql.h"
#include "axw-audit.h"
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
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT status, last_error FROM print_jobs WHERE sale_id = "
                                       "? "
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

void
axw_print_job_free (AxwPrintJob *job)
{
  if (job == NULL)
    return;
  g_free (job->receipt_no);
  g_free (job->status);
  g_free (job->last_error);
  g_free (job);
}

/**
 * axw_print_jobs_count:
 *
 * Returns: the number of receipt jobs of @sale_id so far, or %G_MAXUINT
 *   with @error
 */
guint
axw_print_jobs_count (AxwDb   *db,
                      gint64   sale_id,
                      GError **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT count(*) FROM print_jobs WHERE sale_id = ?",
                                       error);
  gint64 n = 0;

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, sale_id);
  if (!axw_db_step_int (db, stmt, &n, error))
    return G_MAXUINT;
  return (guint) n;
}

/**
 * axw_print_jobs_add:
 * @reprint: the copy's number (0: the first)
 *
 * Queues a copy of the receipt of @sale_id.
 * Returns: the job's id; 0 when there is no such sale; -1 with @error
 */
gint64
axw_print_jobs_add (AxwDb   *db,
                    gint64   sale_id,
                    guint    reprint,
                    GError **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
                         "INSERT INTO print_jobs (sale_id, kind, reprint, created_at, updated_at) "
                             "SELECT id, 'receipt', ?, ?, ? FROM sales WHERE id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, reprint);
  axw_db_bind_text (stmt, 2, now);
  axw_db_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, sale_id);
  if (!axw_db_step_done (db, stmt, error))
    return -1;
  if (axw_db_changes (db) == 0)
    return 0;
  return axw_db_last_insert_id (db);
}

/**
 * axw_print_jobs_set_status:
 * @last_error: (nullable): the printer's reason
 * @only_from: (nullable): change the job only while it has this status
 * @out_changed: (out) (optional): whether the job was changed
 *
 * A job set "printing" counts one more attempt.
 */
gboolean
axw_print_jobs_set_status (AxwDb       *db,
                           gint64       job_id,
                           const char  *status,
                           const char  *last_error,
                           const char  *only_from,
                           gboolean    *out_changed,
                           GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "UPDATE print_jobs SET status = ?, last_error = ?, updated_at = ?, "
                             "attempts = attempts + (? = 'printing') "
                             "WHERE id = ? AND (? IS NULL OR status = ?)", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, status);
  axw_db_bind_text (stmt, 2, last_error);
  axw_db_bind_text (stmt, 3, now);
  axw_db_bind_text (stmt, 4, status);
  sqlite3_bind_int64 (stmt, 5, job_id);
  axw_db_bind_text (stmt, 6, only_from);
  axw_db_bind_text (stmt, 7, only_from);
  if (!axw_db_step_done (db, stmt, error))
    return FALSE;
  if (out_changed != NULL)
    *out_changed = axw_db_changes (db) > 0;
  return TRUE;
}

/* At start-up: a job left "printing" by a crash is printed again. */
gboolean
axw_print_jobs_recover (AxwDb   *db,
                        GError **error)
{
  return axw_db_exec (db, "UPDATE print_jobs SET status = 'pending' WHERE status = 'printing'",
                      error);
}

static gpointer
job_from_row (sqlite3_stmt *stmt)
{
  AxwPrintJob *job = g_new0 (AxwPrintJob, 1);

  job->id = sqlite3_column_int64 (stmt, 0);
  job->sale_id = sqlite3_column_int64 (stmt, 1);
  job->receipt_no = axw_db_column_dup (stmt, 2);
  job->status = axw_db_column_dup (stmt, 3);
  job->attempts = sqlite3_column_int (stmt, 4);
  job->last_error = axw_db_column_dup (stmt, 5);
  job->reprint = (guint) sqlite3_column_int (stmt, 6);
  return job;
}

/* Returns: (transfer full) (element-type AxwPrintJob): newest first */
GPtrArray *
axw_print_jobs_list (AxwDb    *db,
                     gboolean  unfinished_only,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "SELECT j.id, j.sale_id, s.receipt_no, j.status, j.attempts, "
                             "j.last_error, j.reprint FROM print_jobs j "
                             "LEFT JOIN sales s ON s.id = j.sale_id "
                             "WHERE ? = 0 OR j.status != 'done' ORDER BY j.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, unfinished_only ? 1 : 0);
  return axw_db_collect (db, stmt, job_from_row, (GDestroyNotify) axw_print_job_free, error);
}

/**
 * axw_print_jobs_next_pending:
 * @only_job: that job, or 0 for the oldest pending one
 *
 * Returns: the job's id, 0 when none waits, -1 with @error
 */
gint64
axw_print_jobs_next_pending (AxwDb   *db,
                             gint64   only_job,
                             gint64  *out_sale_id,
                             guint   *out_reprint,
                             GError **error)
{
  g_autoptr(AxwPrintJob) job = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "SELECT id, sale_id, NULL, status, attempts, NULL, reprint "
                             "FROM print_jobs WHERE status = 'pending' "
                             "AND (?1 = 0 OR id = ?1) ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, only_job);
  job = axw_db_read_one (db, stmt, job_from_row, &local);
  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), -1;
  if (job == NULL)
    return 0;
  *out_sale_id = job->sale_id;
  *out_reprint = job->reprint;
  return job->id;
}
