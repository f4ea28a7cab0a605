/* axw-district-push.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox's sale documents to the hub, exactly once by UUID: a batch
 * is one call of district.ingest() (INSERT … ON CONFLICT (uuid) DO
 * NOTHING, one transaction), and a sale is marked delivered to the hub
 * (outbox_targets.sent_at) only after the hub confirmed its UUID. A kill,
 * a lost connection or a restarted hub at any point leaves the batch
 * unmarked; it is sent again and the hub confirms what it already has.
 * The online shop's own state (outbox.status) is never touched.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-district-private.h"
#include "axw-error.h"
#include "axw-sale-docs.h"
#include "axw-settings.h"

gboolean
axw_district_configured (AxwDb *db)
{
  g_autofree char *url = axw_settings_get (db, "district.url");

  return url != NULL && *url != '\0';
}

static gboolean
load_pending (AxwDb   *db,
              GArray  *ids,
              GError **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
    "SELECT sale_id FROM outbox_targets WHERE target = 'hub' AND sent_at IS NULL "
    "ORDER BY sale_id LIMIT ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_array_set_size (ids, 0);
  sqlite3_bind_int (stmt, 1, AXW_DISTRICT_BATCH_MAX);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return axw_db_set_error (db, rc, error);
  return TRUE;
}

/* Marks the sales of @ids whose UUID the hub confirmed; returns how many. */
static gint64
mark_delivered (AxwDb       *db,
                GArray      *ids,
                GHashTable  *confirmed,
                GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;
  gint64 n = 0;

  if (!axw_db_begin (db, error))
    return -1;
  stmt = axw_db_prepare (db,
    "UPDATE outbox_targets SET sent_at = ?2 WHERE target = 'hub' AND sale_id = ?1 AND sent_at IS "
    "NULL "
    "AND (SELECT uuid FROM sales WHERE id = ?1) = ?3", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const char *uuid = g_hash_table_lookup (confirmed, &id);

      if (uuid == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, id);
      axw_db_bind_text (stmt, 2, now);
      axw_db_bind_text (stmt, 3, uuid);
      if (!axw_db_step_done (db, stmt, error))
        goto fail;
      n += axw_db_changes (db);
    }
  if (!axw_db_commit (db, error))
    goto fail;
  return n;

fail:
  axw_db_rollback (db);
  return -1;
}

/* The hub's confirmed UUIDs, mapped back to sale ids of the batch. */
static GHashTable *
confirmed_ids (AxwDb     *db,
               GArray    *ids,
               PGresult  *result)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT uuid FROM sales WHERE id = ?", NULL);

  for (int i = 0; i < PQntuples (result); i++)
    g_hash_table_add (by_uuid, PQgetvalue (result, i, 0));
  for (guint i = 0; stmt != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          g_hash_table_contains (by_uuid, sqlite3_column_text (stmt, 0)))
        g_hash_table_insert (out, g_memdup2 (&id, sizeof id), axw_db_column_dup (stmt, 0));
      sqlite3_reset (stmt);
    }
  return out;
}

/* One batch: one ingest call, one transaction at the hub. */
static gint64
push_batch (AxwDb   *db,
            AxwHub  *hub,
            GArray  *ids,
            GError **error)
{
  g_autoptr(GString) body = g_string_new ("[");
  g_autoptr(PGresult) r = NULL;
  g_autoptr(GHashTable) confirmed = NULL;
  const char *params[1];
  gint64 marked;

  if (!axw_sale_docs_append_ids (db, (const gint64 *) ids->data, ids->len, body, error))
    return -1;
  g_string_append_c (body, ']');
  params[0] = body->str;
  /* one statement, one transaction: the documents, then their donations
   * and charity lines (hub schema 3) */
  r = PQexecParams (hub->conn,
                    "SELECT district.ingest_funds ($1::json,"
                    " ARRAY (SELECT district.ingest ($1::json)))",
                    1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    {
      axw_hub_set_error (hub, r, error);
      return -1;
    }
  confirmed = confirmed_ids (db, ids, r);
  marked = mark_delivered (db, ids, confirmed, error);
  if (marked >= 0 && (guint) g_hash_table_size (confirmed) < ids->len)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("The district hub did not confirm %u of the sales sent (a sale with the same "
                     "UUID from "
                     "another shop?). They stay waiting."),
                     ids->len - g_hash_table_size (confirmed));
      return -1;
    }
  return marked;
}

static void
set_state (AxwDb      *db,
           const char *key,
           const char *value)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, value
                                       ? "INSERT OR REPLACE INTO district_state (key, value) "
                                         "VALUES (?1, ?2)"
                                       : "DELETE FROM district_state WHERE key = ?1", NULL);

  if (stmt == NULL)
    return;
  axw_db_bind_text (stmt, 1, key);
  if (value != NULL)
    axw_db_bind_text (stmt, 2, value);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
}

static gboolean
push_all (AxwDb             *db,
          guint              timeout_s,
          AxwDistrictReport *report,
          GCancellable      *cancellable,
          GError           **error)
{
  g_autofree char *url = axw_settings_get (db, "district.url");
  g_autofree char *passfile = axw_settings_get (db, "district.password_file");
  g_autoptr(AxwHub) hub = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (url != NULL && *url != '\0' && (passfile == NULL || *passfile == '\0'))
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_INVALID,
                           _("No password file is set for the district hub. Run: aixinwu settings "
                             "set "
                             "district.password_file FILE (the file aixinwu district add-shop "
                             "wrote)."));
      return FALSE;
    }
  if ((hub = axw_hub_connect (url, passfile, timeout_s, error)) == NULL ||
      axw_hub_check_version (hub, error) < 0)
    return FALSE;
  for (;;)
    {
      gint64 n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !load_pending (db, ids, error))
        return FALSE;
      if (ids->len == 0)
        return TRUE;
      if ((n = push_batch (db, hub, ids, error)) < 0)
        return FALSE;
      report->sent += (guint) n;
    }
}

/**
 * axw_district_push:
 * @timeout_s: for connecting; 0: 10 s
 * @report: (out caller-allocates): how many sales the hub confirmed
 *
 * Sends every sale not yet delivered to the hub. Blocks on the network:
 * the GUI calls axw_district_push_async().
 *
 * Returns: %FALSE with @error when the hub is not set up or cannot take
 *   the sales now; what was not confirmed waits for the next run
 */
gboolean
axw_district_push (AxwDb             *db,
                   guint              timeout_s,
                   AxwDistrictReport *report,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (AXW_IS_DB (db), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (!push_all (db, timeout_s, report, cancellable, &local))
    {
      set_state (db, "last_error", local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  now = axw_now_utc_iso ();
  set_state (db, "last_push", now);
  set_state (db, "last_error", NULL);
  return TRUE;
}

static void
push_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (data, &error);
  g_autofree AxwDistrictReport *report = g_new0 (AxwDistrictReport, 1);

  if (db == NULL || !axw_district_push (db, 0, report, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&report), g_free);
}

/**
 * axw_district_push_async:
 * @db_path: the database; the thread opens its own connection
 *
 * Runs axw_district_push() in a worker thread, as the online shop's
 * push does: the counter never waits on the hub.
 */
void
axw_district_push_async (const char          *db_path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, axw_district_push_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, push_thread);
}

gboolean
axw_district_push_finish (GAsyncResult       *result,
                          AxwDistrictReport  *report,
                          GError            **error)
{
  g_autofree AxwDistrictReport *r = g_task_propagate_pointer (G_TASK (result), error);

  if (r == NULL)
    return FALSE;
  if (report != NULL)
    *report = *r;
  return TRUE;
}

/**
 * axw_district_get_status:
 * @status: (out caller-allocates): the hub's side of the sync indicator
 *
 * Reads only the shop's file, through the pending rows' index: cheap
 * enough for the sale screen's indicator (the sent count is not: see
 * axw_district_count_sent()).
 */
gboolean
axw_district_get_status (AxwDb              *db,
                         AxwDistrictStatus  *status,
                         GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (status, 0, sizeof *status);
  status->configured = axw_district_configured (db);
  stmt = axw_db_prepare (db,
    "SELECT (SELECT count(*) FROM outbox_targets WHERE target = 'hub' AND sent_at IS NULL), "
    "(SELECT value FROM district_state WHERE key = 'last_push'), "
    "(SELECT value FROM district_state WHERE key = 'last_error'), "
    "(SELECT value FROM district_state WHERE key = 'last_pull')", error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      status->pending = sqlite3_column_int64 (stmt, 0);
      status->last_push = axw_db_column_dup (stmt, 1);
      status->last_error = axw_db_column_dup (stmt, 2);
      status->last_pull = axw_db_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return axw_db_set_error (db, rc, error);
  return TRUE;
}

/* Returns: how many sales the hub confirmed; a scan of every row, for the
 * manager's page and the command line, not the sale screen. */
gint64
axw_district_count_sent (AxwDb *db)
{
  return axw_db_query_int (db,
                           "SELECT count(*) FROM outbox_targets WHERE target = 'hub' AND sent_at "
                           "IS NOT NULL", 0);
}

void
axw_district_status_clear (AxwDistrictStatus *status)
{
  g_clear_pointer (&status->last_push, g_free);
  g_clear_pointer (&status->last_pull, g_free);
  g_clear_pointer (&status->last_error, g_free);
}
