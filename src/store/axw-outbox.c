/* axw-outbox.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows; src/sync/axw-sync.c sends them and says what became of each.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-error.h"
#include "axw-outbox.h"

static void
add_due_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  AxwOutboxBatch *batch = data;

  batch->outbox_id[batch->n] = sqlite3_column_int64 (stmt, 0);
  batch->sale_id[batch->n] = sqlite3_column_int64 (stmt, 1);
  batch->attempts[batch->n] = sqlite3_column_int64 (stmt, 2);
  g_strlcpy (batch->uuid[batch->n], (const char *) sqlite3_column_text (stmt, 3),
             sizeof batch->uuid[batch->n]);
  batch->n++;
}

/**
 * axw_outbox_load_due:
 * @ignore_backoff: take rows whose retry time has not come yet too
 * @batch: (out caller-allocates): at most %AXW_OUTBOX_BATCH_MAX rows
 *
 * The pending rows due now, in outbox order.
 */
gboolean
axw_outbox_load_due (AxwDb           *db,
                     gboolean         ignore_backoff,
                     AxwOutboxBatch  *batch,
                     GError         **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
    "SELECT o.id, o.sale_id, o.attempts, s.uuid FROM outbox o JOIN sales s ON s.id = o.sale_id "
    "WHERE o.status = 'pending' AND (?1 OR o.next_attempt_at IS NULL OR o.next_attempt_at <= ?2) "
    "ORDER BY o.id LIMIT ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, ignore_backoff);
  axw_db_bind_text (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, AXW_OUTBOX_BATCH_MAX);
  batch->n = 0;
  return axw_db_each_row (db, stmt, add_due_row, batch, error);
}

/**
 * axw_outbox_mark:
 * @marks: (array length=n): what became of each row
 *
 * Records @marks in one transaction; each counts an attempt.
 */
gboolean
axw_outbox_mark (AxwDb                *db,
                 const AxwOutboxMark  *marks,
                 guint                 n,
                 GError              **error)
{
  sqlite3_stmt *stmt;

  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db,
    "UPDATE outbox SET attempts = attempts + 1, status = ?2, sent_at = ?3, last_error = ?4, "
    "next_attempt_at = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, marks[i].outbox_id);
      axw_db_bind_text (stmt, 2, marks[i].status);
      axw_db_bind_text (stmt, 3, marks[i].sent_at);
      axw_db_bind_text (stmt, 4, marks[i].last_error);
      axw_db_bind_text (stmt, 5, marks[i].next_attempt_at);
      if (!axw_db_step_done (db, stmt, error))
        goto fail;
    }
  if (!axw_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

/* Returns: the rows waiting to be sent (0 when the database fails) */
gint64
axw_outbox_count_pending (AxwDb *db)
{
  return axw_db_query_int (db, "SELECT count(*) FROM outbox WHERE status = 'pending'", 0);
}

static void
status_from_row (sqlite3_stmt *stmt,
                 gpointer      data)
{
  AxwSyncStatus *status = data;

  status->pending = sqlite3_column_int64 (stmt, 0);
  status->dead = sqlite3_column_int64 (stmt, 1);
  status->sent = sqlite3_column_int64 (stmt, 2);
  status->last_success = axw_db_column_dup (stmt, 3);
  status->last_error = axw_db_column_dup (stmt, 4);
  status->next_attempt_at = axw_db_column_dup (stmt, 5);
}

/**
 * axw_sync_get_status:
 * @status: (out caller-allocates): counts and the latest success and error
 *
 * Cheap enough for the sale screen's indicator.
 */
gboolean
axw_sync_get_status (AxwDb          *db,
                     AxwSyncStatus  *status,
                     GError        **error)
{
  memset (status, 0, sizeof *status);
  return axw_db_read_row (db, axw_db_prepare (db,
    "SELECT (SELECT count(*) FROM outbox WHERE status = 'pending'), "
    "(SELECT count(*) FROM outbox WHERE status = 'dead'), "
    "(SELECT count(*) FROM outbox WHERE status = 'sent'), "
    "(SELECT max(sent_at) FROM outbox WHERE status = 'sent'), "
    "(SELECT last_error FROM outbox WHERE status = 'pending' AND last_error IS NOT NULL "
    "  ORDER BY next_attempt_at DESC LIMIT 1), "
    "(SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending')", error),
                          status_from_row, status, error);
}

void
axw_sync_status_clear (AxwSyncStatus *status)
{
  g_clear_pointer (&status->last_success, g_free);
  g_clear_pointer (&status->last_error, g_free);
  g_clear_pointer (&status->next_attempt_at, g_free);
}

void
axw_outbox_entry_free (AxwOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->receipt_no);
  g_free (entry->last_error);
  g_free (entry->sold_at);
  g_free (entry);
}

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  AxwOutboxEntry *e = g_new0 (AxwOutboxEntry, 1);

  e->sale_id = sqlite3_column_int64 (stmt, 0);
  e->uuid = axw_db_column_dup (stmt, 1);
  e->receipt_no = axw_db_column_dup (stmt, 2);
  e->attempts = sqlite3_column_int64 (stmt, 3);
  e->last_error = axw_db_column_dup (stmt, 4);
  e->sold_at = axw_db_column_dup (stmt, 5);
  return e;
}

/**
 * axw_sync_list_dead:
 *
 * Returns: (transfer full) (element-type AxwOutboxEntry): the sales the
 *   online shop refused, oldest first, or %NULL with @error
 */
GPtrArray *
axw_sync_list_dead (AxwDb   *db,
                    GError **error)
{
  return axw_db_collect (db,
                         axw_db_prepare (db, "SELECT o.sale_id, s.uuid, s.receipt_no, o.attempts, "
                                                 "o.last_error, s.created_at FROM outbox o "
                                                 "JOIN sales s ON s.id = o.sale_id "
                                                 "WHERE o.status = 'dead' ORDER BY o.id", error),
                         entry_from_row, (GDestroyNotify) axw_outbox_entry_free, error);
}

/* Dead letters back in the queue, due now: every one when @sale_id is 0. */
static gint64
requeue_dead (AxwDb       *db,
              gint64       sale_id,
              const char  *staff,
              const char  *receipt_no,
              GError     **error)
{
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 n;

  if (!axw_db_begin (db, error))
    return -1;
  stmt = axw_db_prepare (db,
                         "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = "
                         "NULL "
                             "WHERE status = 'dead' AND (?1 = 0 OR sale_id = ?1)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  if (!axw_db_step_done (db, stmt, error))
    goto fail;
  n = axw_db_changes (db);
  if (receipt_no != NULL)
    detail = g_strdup_printf ("%s queued again", receipt_no);
  else
    detail = g_strdup_printf ("%" G_GINT64_FORMAT " sales queued again", n);
  if (n > 0 && !axw_audit_append (db, staff, "sync.retry", detail, error))
    goto fail;
  if (!axw_db_commit (db, error))
    goto fail;
  return n;

fail:
  axw_db_rollback (db);
  return -1;
}

/**
 * axw_sync_retry_dead:
 * @staff: (nullable): who asked, for the audit log
 *
 * Puts every dead letter back in the queue, due now (after the server
 * or the data was fixed).
 *
 * Returns: how many, or -1 with @error
 */
gint64
axw_sync_retry_dead (AxwDb       *db,
                     const char  *staff,
                     GError     **error)
{
  g_return_val_if_fail (AXW_IS_DB (db), -1);
  return requeue_dead (db, 0, staff, NULL, error);
}

/**
 * axw_sync_retry_dead_sale:
 * @sale: a receipt number or UUID of a sale the online shop refused
 * @staff: (nullable): who asked, for the audit log
 *
 * Puts that one dead letter back in the queue, due now.
 *
 * Returns: %FALSE with @error when @sale is not among the dead letters
 */
gboolean
axw_sync_retry_dead_sale (AxwDb       *db,
                          const char  *sale,
                          const char  *staff,
                          GError     **error)
{
  g_autofree char *receipt_no = NULL;
  sqlite3_stmt *stmt;
  gint64 sale_id = 0;

  g_return_val_if_fail (AXW_IS_DB (db), FALSE);
  g_return_val_if_fail (sale != NULL, FALSE);

  stmt = axw_db_prepare (db,
                         "SELECT s.id, s.receipt_no FROM outbox o JOIN sales s ON s.id = o.sale_id "
                             "WHERE o.status = 'dead' AND (s.receipt_no = ?1 OR s.uuid = ?1)",
                             error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, sale);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sale_id = sqlite3_column_int64 (stmt, 0);
      receipt_no = axw_db_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (sale_id == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("%s is not among the sales the online shop refused. See aixinwu sync --dead."),
                   sale);
      return FALSE;
    }
  return requeue_dead (db, sale_id, staff, receipt_no, error) > 0;
}
