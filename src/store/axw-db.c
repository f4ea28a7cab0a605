/* axw-db.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "axw-db-sql.h"
#include "axw-error.h"
#include "axw-schema.h"

#define AXW_DB_QUICK_CHECK_MAX_BYTES (G_GINT64_CONSTANT (64) << 20)
/* SQLite's own autocheckpoint threshold, in WAL pages. */
#define AXW_DB_CHECKPOINT_PAGES 1000

struct _AxwDb
{
  GObject      parent_instance;

  sqlite3     *handle;
  char        *path;
  GHashTable  *statements;         /* SQL text → sqlite3_stmt*, prepared once */

  /* WAL checkpoints run on a thread of their own, with a connection of
   * their own, so that the sale whose commit crosses the threshold does not
   * wait for ~1000 pages to be copied and the database file synced. */
  GThreadPool *checkpointer;
  sqlite3     *checkpoint_handle;  /* used only on the checkpointer's thread */
  gint         checkpoint_pending;
  GMutex       checkpoint_lock;    /* guards the end of a pending checkpoint */
  GCond        checkpoint_done;
};

G_DEFINE_FINAL_TYPE (AxwDb, axw_db, G_TYPE_OBJECT)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
close_handle (sqlite3 *handle)
{
  sqlite3_close_v2 (handle);
}

/* Waits for a checkpoint under way and closes its connection; closing the
 * last connection then checkpoints what is left. */
static void
stop_checkpointer (AxwDb *self)
{
  if (self->checkpointer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->checkpointer), FALSE, TRUE);
  g_clear_pointer (&self->checkpoint_handle, close_handle);
  g_atomic_int_set (&self->checkpoint_pending, 0);
}

static void
axw_db_finalize (GObject *object)
{
  AxwDb *self = (AxwDb *) object;

  stop_checkpointer (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, close_handle);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->checkpoint_lock);
  g_cond_clear (&self->checkpoint_done);

  G_OBJECT_CLASS (axw_db_parent_class)->finalize (object);
}

static void
axw_db_class_init (AxwDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = axw_db_finalize;
}

static void
axw_db_init (AxwDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  g_mutex_init (&self->checkpoint_lock);
  g_cond_init (&self->checkpoint_done);
}

int
axw_db_latest_version (void)
{
  guint n;
  const AxwMigration *m = axw_schema_migrations (&n);

  return m[n - 1].version;
}

/**
 * axw_db_set_error:
 *
 * Sets @error from a SQLite result code with a message a manager can act
 * on. Always returns %FALSE, so callers can `return axw_db_set_error (…)`.
 */
gboolean
axw_db_set_error (AxwDb   *self,
                  int      rc,
                  GError **error)
{
  const char *msg = self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  /* A full disk often shows as an I/O error (growing the -shm or -wal
   * file fails with ENOSPC) rather than SQLITE_FULL. */
  if ((rc & 0xff) == SQLITE_IOERR && self->handle && sqlite3_system_errno (self->handle) == ENOSPC)
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, AXW_ERROR, AXW_ERROR_DISK_FULL,
                   _("The disk is full, so nothing was saved. Free some space or call the manager."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The database file %s is damaged (%s). Restore it from a backup."),
                   self->path, msg);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The database is busy in another program; try again in a moment (%s)."), msg);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT, _("Not saved: %s"), msg);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("Cannot write the database file %s (%s). Check the folder and its permissions."),
                   self->path, msg);
      break;
    default:
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE, _("Database error: %s"), msg);
      break;
    }
  return FALSE;
}

/**
 * axw_db_prepare:
 *
 * Returns: (transfer none): a statement prepared once per connection,
 *   reset and with its bindings cleared, or %NULL with @error set
 */
sqlite3_stmt *
axw_db_prepare (AxwDb       *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      axw_db_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
axw_db_exec (AxwDb       *self,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return axw_db_set_error (self, rc, error);
  return TRUE;
}

/* Steps a statement that returns no rows and resets it. */
gboolean
axw_db_step_done (AxwDb         *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return axw_db_set_error (self, rc, error);
  return TRUE;
}

/* BEGIN IMMEDIATE: take the write lock now, so a busy database fails
 * before any work is done rather than at COMMIT. */
gboolean
axw_db_begin (AxwDb   *self,
              GError **error)
{
  return axw_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
axw_db_commit (AxwDb   *self,
               GError **error)
{
  int rc = sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      axw_db_set_error (self, rc, error);
      axw_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
axw_db_rollback (AxwDb *self)
{
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gint64
axw_db_query_int (AxwDb      *self,
                  const char *sql,
                  gint64      fallback)
{
  sqlite3_stmt *stmt = axw_db_prepare (self, sql, NULL);
  gint64 v = fallback;

  if (stmt == NULL)
    return fallback;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return v;
}

void
axw_db_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
axw_db_column_dup (sqlite3_stmt *stmt,
                   int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

typedef struct {
  AxwDbRowFunc  row_func;
  GPtrArray    *list;
} CollectCall;

static void
add_row (sqlite3_stmt *stmt,
         gpointer      data)
{
  CollectCall *call = data;

  g_ptr_array_add (call->list, call->row_func (stmt));
}

/**
 * axw_db_collect:
 * @stmt: (nullable): a prepared and bound query; %NULL when preparing it
 *   failed (@error is set then)
 * @row_func: makes an element of each row
 * @free_func: frees an element
 *
 * Steps @stmt to its end and resets it.
 * Returns: (transfer full): the elements, in row order, or %NULL with @error
 */
GPtrArray *
axw_db_collect (AxwDb          *self,
                sqlite3_stmt   *stmt,
                AxwDbRowFunc    row_func,
                GDestroyNotify  free_func,
                GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  CollectCall call = { row_func, list };

  if (!axw_db_each_row (self, stmt, add_row, &call, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * axw_db_each_row:
 * @stmt: (nullable): as for axw_db_collect()
 * @fill: called with each row in turn, and @data
 *
 * Steps @stmt to its end and resets it.
 * Returns: %FALSE with @error when the query failed
 */
gboolean
axw_db_each_row (AxwDb          *self,
                 sqlite3_stmt   *stmt,
                 AxwDbFillFunc   fill,
                 gpointer        data,
                 GError        **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fill (stmt, data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return axw_db_set_error (self, rc, error);
  return TRUE;
}

/* Steps @stmt once, hands a row to @fill, resets; an error when the
 * step failed, or when no row came and one was @needed.
 * Returns: whether @fill was called */
static gboolean
step_once (AxwDb          *self,
           sqlite3_stmt   *stmt,
           AxwDbFillFunc   fill,
           gpointer        data,
           gboolean        needed,
           GError        **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    fill (stmt, data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && (needed || rc != SQLITE_DONE))
    axw_db_set_error (self, rc, error);
  return rc == SQLITE_ROW;
}

typedef struct {
  AxwDbRowFunc  row_func;
  gpointer     *out_row;
} RowCall;

static void
keep_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  RowCall *call = data;

  *call->out_row = call->row_func (stmt);
}

static void
int_from_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  *(gint64 *) data = sqlite3_column_int64 (stmt, 0);
}

/**
 * axw_db_read_one:
 * @stmt: (nullable): as for axw_db_collect()
 *
 * Steps @stmt once and resets it.
 * Returns: (transfer full): what @row_func made of the first row; %NULL
 *   without @error when there was none
 */
gpointer
axw_db_read_one (AxwDb         *self,
                 sqlite3_stmt  *stmt,
                 AxwDbRowFunc   row_func,
                 GError       **error)
{
  gpointer row = NULL;

  step_once (self, stmt, keep_row, &(RowCall) { row_func, &row }, FALSE, error);
  return row;
}

/**
 * axw_db_read_row:
 * @stmt: (nullable): as for axw_db_collect(); a query that returns a row
 * @fill: copies the row's columns into @data
 *
 * Steps @stmt once and resets it.
 * Returns: %FALSE with @error when the query failed or returned no row
 */
gboolean
axw_db_read_row (AxwDb          *self,
                 sqlite3_stmt   *stmt,
                 AxwDbFillFunc   fill,
                 gpointer        data,
                 GError        **error)
{
  return step_once (self, stmt, fill, data, TRUE, error);
}

/**
 * axw_db_step_int:
 * @stmt: (nullable): as for axw_db_collect(); a query that returns a row
 * @out_value: (out): its first column
 *
 * Steps @stmt once and resets it.
 * Returns: %FALSE with @error when the query failed or returned no row
 */
gboolean
axw_db_step_int (AxwDb         *self,
                 sqlite3_stmt  *stmt,
                 gint64        *out_value,
                 GError       **error)
{
  return axw_db_read_row (self, stmt, int_from_row, out_value, error);
}

/* Rows the last INSERT, UPDATE or DELETE changed. */
gint64
axw_db_changes (AxwDb *self)
{
  return sqlite3_changes64 (self->handle);
}

gint64
axw_db_last_insert_id (AxwDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

static gboolean
migrate (AxwDb   *self,
         int      target,
         GError **error)
{
  guint n;
  const AxwMigration *m = axw_schema_migrations (&n);
  int current = (int) axw_db_query_int (self, "PRAGMA user_version", 0);

  if (current >= target)
    return TRUE;

  if (!axw_db_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *bump = NULL;

      if (m[i].version <= current || m[i].version > target)
        continue;
      bump = g_strdup_printf ("PRAGMA user_version = %d", m[i].version);
      if (!axw_db_exec (self, m[i].sql, error) || !axw_db_exec (self, bump, error))
        {
          axw_db_rollback (self);
          g_prefix_error (error, _("Upgrading the database to schema %d failed: "), m[i].version);
          return FALSE;
        }
    }
  return axw_db_commit (self, error);
}

/* On the checkpointer's thread. PASSIVE: never waits for, nor blocks, a
 * reader or the next sale's writer; whatever it cannot copy now is copied
 * next time. An error (a full disk) leaves the WAL as it is: nothing lost. */
static void
checkpoint_func (gpointer data,
                 gpointer user_data)
{
  AxwDb *self = user_data;

  if (self->checkpoint_handle == NULL &&
      sqlite3_open_v2 (self->path, &self->checkpoint_handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    sqlite3_exec (self->checkpoint_handle, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  if (self->checkpoint_handle != NULL)
    sqlite3_wal_checkpoint_v2 (self->checkpoint_handle, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
                               NULL);
  g_mutex_lock (&self->checkpoint_lock);
  g_atomic_int_set (&self->checkpoint_pending, 0);
  g_cond_broadcast (&self->checkpoint_done);
  g_mutex_unlock (&self->checkpoint_lock);
}

/* After each commit, in place of SQLite's autocheckpoint. A sale that
 * commits while a checkpoint runs leaves frames it could not copy, and the
 * WAL cannot start over: so every commit past the threshold starts another
 * one when none is running. It copies only the frames not yet copied, on
 * the thread; the WAL starts over at the first commit after one has
 * copied everything. */
static int
wal_hook (void       *data,
          sqlite3    *handle,
          const char *name,
          int         pages)
{
  AxwDb *self = data;

  /* Writes that never pause (an import, a generator) outrun the thread:
   * past four thresholds the writer copies the WAL itself, as SQLite's
   * autocheckpoint would, so the file stays bounded. A checkpoint still
   * running on the thread holds SQLite's checkpoint lock and would make
   * this one give up at once, so the writer first waits for it (it needs
   * nothing the writer holds); only this thread sets it pending. */
  if (pages >= 4 * AXW_DB_CHECKPOINT_PAGES)
    {
      g_mutex_lock (&self->checkpoint_lock);
      while (g_atomic_int_get (&self->checkpoint_pending))
        g_cond_wait (&self->checkpoint_done, &self->checkpoint_lock);
      g_mutex_unlock (&self->checkpoint_lock);
      sqlite3_wal_checkpoint_v2 (handle, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }
  if (pages >= AXW_DB_CHECKPOINT_PAGES &&
      g_atomic_int_compare_and_exchange (&self->checkpoint_pending, 0, 1))
    {
      if (self->checkpointer == NULL)
        self->checkpointer = g_thread_pool_new (checkpoint_func, self, 1, FALSE, NULL);
      g_thread_pool_push (self->checkpointer, GINT_TO_POINTER (1), NULL);
    }
  return SQLITE_OK;
}

static gboolean
configure (AxwDb   *self,
           GError **error)
{
  g_autofree char *check = NULL;
  sqlite3_stmt *stmt;
  int version;

  sqlite3_busy_timeout (self->handle, 5000);
  sqlite3_extended_result_codes (self->handle, TRUE);

  /* Reading the schema first turns a non-database file into a clear error.
   * The full quick_check reads every page: at open it runs on files up to
   * AXW_DB_QUICK_CHECK_MAX_BYTES (a year of sales is far larger and took
   * ~2.8 s); the daily backup checks the whole copy instead. */
  if (axw_db_query_int (self, "SELECT count(*) FROM sqlite_master", -1) < 0)
    return axw_db_set_error (self, sqlite3_errcode (self->handle), error);
  if (axw_db_query_int (self,
                        "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                        0) >
      AXW_DB_QUICK_CHECK_MAX_BYTES)
    goto checked;
  stmt = axw_db_prepare (self, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    check = axw_db_column_dup (stmt, 0);
  else
    return axw_db_set_error (self, sqlite3_errcode (self->handle), error);
  sqlite3_reset (stmt);
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The database file %s is damaged (%s). Restore it from a backup."),
                   self->path, check ? check : "?");
      return FALSE;
    }

checked:

  version = (int) axw_db_query_int (self, "PRAGMA user_version", 0);
  if (version > axw_db_latest_version ())
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The database %s was made by a newer Aixinwu POS (schema %d; this one knows "
                     "%d). "
                     "Update the program; the file was not changed."),
                   self->path, version, axw_db_latest_version ());
      return FALSE;
    }

  if (!axw_db_exec (self,
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA foreign_keys = ON;",
                    error))
    return FALSE;
  if (g_strcmp0 (self->path, ":memory:") != 0 && *self->path != '\0')
    sqlite3_wal_hook (self->handle, wal_hook, self);
  return TRUE;
}

/**
 * axw_db_default_path:
 *
 * Returns: (transfer full): the database when neither --db nor AIXINWU_DB
 *   names one: $XDG_DATA_HOME/aixinwu/aixinwu.db
 */
char *
axw_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "aixinwu", "aixinwu.db", NULL);
}

/**
 * axw_db_row_exists:
 * @sql: a query with one text parameter, e.g. "SELECT 1 FROM t WHERE k = ?"
 * @out_exists: (out): whether it returned a row
 *
 * Returns: %FALSE with @error when the query failed
 */
gboolean
axw_db_row_exists (AxwDb       *self,
                   const char  *sql,
                   const char  *param,
                   gboolean    *out_exists,
                   GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, param);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return axw_db_set_error (self, rc, error);
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Tightens one existing file of the database to 0600; says so in the log. */
static void
tighten_file (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || (st.st_mode & 077) == 0)
    return;
  if (g_chmod (path, 0600) == 0)
    g_message ("%s could be read by other users (mode %04o); it is now 0600",
               path, (unsigned) (st.st_mode & 07777));
  else
    g_warning ("%s can be read by other users (mode %04o) and cannot be changed: %s",
               path, (unsigned) (st.st_mode & 07777), g_strerror (errno));
}

/**
 * axw_db_make_private:
 * @path: a database file, or one about to be created
 *
 * The database holds PIN hashes and every sale: it is created 0600, and an
 * existing file readable by others (with its -wal and -shm files, which
 * SQLite creates with the database's mode) is tightened to 0600. Created
 * here, before SQLite opens it, so it is never readable by others for an
 * instant; ":memory:" and "" (a temporary database) are left alone.
 */
void
axw_db_make_private (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  int fd;

  g_return_if_fail (path != NULL);

  if (*path == '\0' || g_str_equal (path, ":memory:") || g_str_has_prefix (path, "file:"))
    return;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd >= 0)
    {
      close (fd);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      tighten_file (file);
    }
}

static gboolean
open_handle (AxwDb   *self,
             int      version,
             GError **error)
{
  int rc;

  axw_db_make_private (self->path);
  rc = sqlite3_open_v2 (self->path, &self->handle,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    return axw_db_set_error (self, rc, error);
  return configure (self, error) && migrate (self, version, error);
}

/**
 * axw_db_reconnect:
 * @while_closed: (nullable): runs on the path while no connection of
 *   this object is open (a restore replaces the file's contents)
 *
 * Closes the connection, runs @while_closed, then opens the file again,
 * checked and upgraded as axw_db_open() does. Every holder of this
 * object sees the new file; no statement of the old one survives.
 * Refused inside a transaction.
 *
 * Returns: %FALSE with @error when @while_closed failed (the file is
 *   opened again all the same) or the file cannot be opened again
 */
gboolean
axw_db_reconnect (AxwDb            *self,
                  AxwDbClosedFunc   while_closed,
                  gpointer          data,
                  GError          **error)
{
  g_autoptr(GError) reopen_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (AXW_IS_DB (self), FALSE);

  if (self->handle != NULL && !sqlite3_get_autocommit (self->handle))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The database is in the middle of a change; try again in a moment."));
      return FALSE;
    }
  stop_checkpointer (self);
  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL && sqlite3_close (self->handle) != SQLITE_OK)
    return axw_db_set_error (self, sqlite3_errcode (self->handle), error);
  self->handle = NULL;
  if (while_closed != NULL)
    ok = while_closed (self->path, data, error);
  if (!open_handle (self, axw_db_latest_version (), &reopen_error))
    {
      if (ok)
        g_propagate_error (error, g_steal_pointer (&reopen_error));
      else
        g_message ("reopening %s: %s", self->path, reopen_error->message);
      return FALSE;
    }
  return ok;
}

/**
 * axw_db_open_at_version:
 * @version: migrate up to this schema only (tests of upgrades use it)
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
AxwDb *
axw_db_open_at_version (const char  *path,
                        int          version,
                        GError     **error)
{
  g_autoptr(AxwDb) self = g_object_new (AXW_TYPE_DB, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  if (!open_handle (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * axw_db_open:
 * @path: the SQLite file; created when missing
 *
 * Opens with WAL, foreign keys and synchronous=FULL, checks integrity
 * quickly, and upgrades an older schema in one transaction. A file from
 * a newer version is refused and left untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
AxwDb *
axw_db_open (const char  *path,
             GError     **error)
{
  return axw_db_open_at_version (path, axw_db_latest_version (), error);
}

sqlite3 *
axw_db_get_handle (AxwDb *self)
{
  g_return_val_if_fail (AXW_IS_DB (self), NULL);
  return self->handle;
}

const char *
axw_db_get_path (AxwDb *self)
{
  g_return_val_if_fail (AXW_IS_DB (self), NULL);
  return self->path;
}

int
axw_db_get_version (AxwDb *self)
{
  g_return_val_if_fail (AXW_IS_DB (self), 0);
  return (int) axw_db_query_int (self, "PRAGMA user_version", 0);
}

typedef struct {
  char         *db_path;
  AxwDbJobFunc  func;
} DbJob;

static void
db_job_free (DbJob *job)
{
  g_free (job->db_path);
  g_free (job);
}

static void
db_job_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DbJob *job = g_object_get_data (G_OBJECT (task), "axw-db-job");
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (job->db_path, &error);

  if (db != NULL && job->func (db, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * axw_db_job_run:
 * @task: a task whose task data @func works on
 * @db_path: the database; the worker opens it for itself
 * @func: the work, given that connection and the task data; what it finds
 *   it leaves in the task data
 *
 * Runs @func in a worker thread, so the counter does not wait for it. The
 * task returns a boolean: %TRUE, or @func's error (or the opening's).
 */
void
axw_db_job_run (GTask        *task,
                const char   *db_path,
                AxwDbJobFunc  func)
{
  DbJob *job = g_new0 (DbJob, 1);

  job->db_path = g_strdup (db_path);
  job->func = func;
  g_object_set_data_full (G_OBJECT (task), "axw-db-job", job, (GDestroyNotify) db_job_free);
  g_task_run_in_thread (task, db_job_thread);
}
