/* axw-backup.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups with SQLite's online backup API: a consistent copy while the
 * counter keeps selling, one file per day, the oldest removed past N.
 * Restore checks the file first and copies it into the live database in
 * one transaction, after saving the current data as a safety copy.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-backup.h"
#include "axw-bizdate.h"
#include "axw-db.h"
#include "axw-error.h"
#include "axw-settings.h"

#define NAME_PREFIX "aixinwu-"
#define NAME_SUFFIX ".db"
#define NAME_LEN (sizeof NAME_PREFIX - 1 + 10 + sizeof NAME_SUFFIX - 1)

static gboolean
set_sqlite_error (sqlite3     *handle,
                  int          rc,
                  const char  *file,
                  GError     **error)
{
  const char *msg = handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, AXW_ERROR, AXW_ERROR_DISK_FULL,
                 _("The disk is full, so %s was not written. Free some space and try again."),
                 file);
  else
    g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE, _("%s: %s"), file, msg);
  return FALSE;
}

static sqlite3 *
open_file (const char  *path,
           int          flags,
           GError     **error)
{
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (path, &handle, flags, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_busy_timeout (handle, 5000);
  /* A file from outside may be crafted: no writes to sqlite_master through
   * SQL, and nothing in its schema (a view, a trigger) may call functions. */
  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  return handle;
}

/* Copies every page of @src into @dest in one step (one transaction on
 * @dest). */
static gboolean
copy_pages (sqlite3     *src,
            sqlite3     *dest,
            const char  *dest_name,
            GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    return set_sqlite_error (dest, sqlite3_errcode (dest), dest_name, error);
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (NULL, rc, dest_name, error);
  return TRUE;
}

/* Writes a copy of @src to @dest: first to a .part file, in rollback
 * journal mode so the copy is one self-contained file, then renamed. */
static gboolean
copy_to_file (sqlite3     *src,
              const char  *dest,
              GError     **error)
{
  g_autofree char *part = g_strconcat (dest, ".part", NULL);
  sqlite3 *out;
  gboolean ok;

  /* what a killed earlier attempt may have left */
  for (const char * const *side = (const char *[]) { "", "-journal", "-wal", "-shm",
    NULL }; *side; side++)
    {
      g_autofree char *p = g_strconcat (part, *side, NULL);
      g_unlink (p);
    }
  axw_db_make_private (part);  /* a copy of the database is as private as it is */
  out = open_file (part, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (out == NULL)
    return FALSE;
  ok = copy_pages (src, out, dest, error);
  if (ok && sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    ok = set_sqlite_error (out, sqlite3_errcode (out), dest, error);
  sqlite3_close_v2 (out);
  if (ok && g_rename (part, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write the backup %s: %s"), dest, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part);
  return ok;
}

/**
 * axw_backup_to_file:
 *
 * Writes a consistent copy of the open database to @dest (replacing it
 * atomically), while other connections may keep writing.
 */
gboolean
axw_backup_to_file (AxwDb       *db,
                    const char  *dest,
                    GError     **error)
{
  g_return_val_if_fail (AXW_IS_DB (db), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return copy_to_file (axw_db_get_handle (db), dest, error);
}

/* Returns: (transfer full): the "backups" folder next to the database */
char *
axw_backup_default_dir (AxwDb *db)
{
  g_autofree char *dir = g_path_get_dirname (axw_db_get_path (db));

  return g_build_filename (dir, "backups", NULL);
}

/* Returns: (transfer full): "aixinwu-YYYY-MM-DD.db" for the shop's
 * business date at @time (the "timezone" setting, not the machine's) */
char *
axw_backup_file_name (AxwDb     *db,
                      GDateTime *time)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  g_autofree char *date = axw_business_date (time, tz);

  return g_strconcat (NAME_PREFIX, date, NAME_SUFFIX, NULL);
}

static gboolean
is_backup_name (const char *name)
{
  return strlen (name) == NAME_LEN && g_str_has_prefix (name, NAME_PREFIX) &&
         g_str_has_suffix (name, NAME_SUFFIX) && g_ascii_isdigit (name[sizeof NAME_PREFIX - 1]);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * axw_backup_rotate:
 * @keep: how many daily files to keep (at least 1)
 *
 * Removes the oldest daily backups in @dir beyond @keep. Other files in
 * the folder are left alone.
 */
gboolean
axw_backup_rotate (const char  *dir,
                   guint        keep,
                   GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (keep >= 1, FALSE);
  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)))
    if (is_backup_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_unlink (path) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot remove the old backup %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * axw_backup_run:
 * @dir: (nullable): the backup folder; %NULL for axw_backup_default_dir()
 * @now: the day the file is named after
 *
 * Writes today's backup (replacing an earlier one of the same day),
 * checks it as a restore would, and keeps the newest @keep daily files.
 *
 * Returns: (transfer full): the path written, or %NULL with @error set
 */
char *
axw_backup_run (AxwDb       *db,
                const char  *dir,
                GDateTime   *now,
                guint        keep,
                GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (AXW_IS_DB (db), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (dir == NULL)
    dir = default_dir = axw_backup_default_dir (db);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the backup folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  name = axw_backup_file_name (db, now);
  path = g_build_filename (dir, name, NULL);
  if (!axw_backup_to_file (db, path, error))
    return NULL;
  /* A backup nobody can restore is worse than none: check it now, and
   * never let it push a good older one out of the set. */
  if (!axw_backup_verify (path, error))
    {
      g_unlink (path);
      return NULL;
    }
  if (!axw_backup_rotate (dir, MAX (keep, 1), error))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * axw_backup_daily_if_due:
 * @dir: (nullable): the backup folder; %NULL for the default
 * @out_path: (out) (optional) (transfer full): the file written, or %NULL
 *   when today's backup already existed
 *
 * The automatic backup the counter makes at startup: once a day, keeping
 * %AXW_BACKUP_KEEP_DEFAULT files.
 */
gboolean
axw_backup_daily_if_due (AxwDb       *db,
                         const char  *dir,
                         GDateTime   *now,
                         char       **out_path,
                         GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *existing = NULL;
  char *path;

  g_return_val_if_fail (AXW_IS_DB (db), FALSE);

  if (out_path)
    *out_path = NULL;
  if (dir == NULL)
    dir = default_dir = axw_backup_default_dir (db);
  name = axw_backup_file_name (db, now);
  existing = g_build_filename (dir, name, NULL);
  if (g_file_test (existing, G_FILE_TEST_EXISTS))
    return TRUE;
  path = axw_backup_run (db, dir, now, AXW_BACKUP_KEEP_DEFAULT, error);
  if (path == NULL)
    return FALSE;
  if (out_path)
    *out_path = path;
  else
    g_free (path);
  return TRUE;
}

typedef struct {
  char *dir;
  char *written;
} DailyJob;

static void
daily_job_free (DailyJob *job)
{
  g_free (job->dir);
  g_free (job->written);
  g_free (job);
}

static gboolean
daily_job (AxwDb         *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  DailyJob *job = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return axw_backup_daily_if_due (db, job->dir, now, &job->written, error);
}

/**
 * axw_backup_daily_async:
 * @db_path: the database file (opened again in the worker thread)
 * @dir: (nullable): the backup folder; %NULL for the default
 *
 * axw_backup_daily_if_due() for today, off the calling thread.
 */
void
axw_backup_daily_async (const char          *db_path,
                        const char          *dir,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DailyJob *job = g_new0 (DailyJob, 1);

  g_return_if_fail (db_path != NULL);

  job->dir = g_strdup (dir);
  g_task_set_source_tag (task, axw_backup_daily_async);
  g_task_set_task_data (task, job, (GDestroyNotify) daily_job_free);
  axw_db_job_run (task, db_path, daily_job);
}

/**
 * axw_backup_daily_finish:
 *
 * Returns: (transfer full): the backup written, "" when today's already
 *   existed, or %NULL with @error set
 */
char *
axw_backup_daily_finish (GAsyncResult  *result,
                         GError       **error)
{
  DailyJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return job->written ? g_steal_pointer (&job->written) : g_strdup ("");
}

static char *
query_text (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The tables, indexes, triggers and views of @handle, one line each, in a
 * fixed order; SQLite keeps each one's CREATE text as it was written. */
static GPtrArray *
schema_lines (sqlite3 *handle)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce "
                          "(sql, '') "
                                  "FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                  "ORDER BY type, name", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (lines, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return lines;
}

/* A backup is only as trustworthy as its schema: a file with a trigger or
 * view of its own (one that rewrites every sale, say) would bring it into
 * the shop with the data. So the file's schema must be, object for object
 * and word for word, the one this program's migrations build for its
 * version. */
static gboolean
check_schema (sqlite3     *handle,
              const char  *file,
              int          version,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(AxwDb) reference = axw_db_open_at_version (":memory:", version, &local);
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) have = schema_lines (handle);
  const char *odd = NULL;

  if (reference == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  want = schema_lines (axw_db_get_handle (reference));
  for (guint i = 0; odd == NULL && i < have->len; i++)
    if (!g_ptr_array_find_with_equal_func (want, have->pdata[i], g_str_equal, NULL))
      odd = have->pdata[i];   /* something the program never makes */
  for (guint i = 0; odd == NULL && i < want->len; i++)
    if (!g_ptr_array_find_with_equal_func (have, want->pdata[i], g_str_equal, NULL))
      odd = want->pdata[i];   /* something it needs, missing or changed */
  if (odd == NULL)
    return TRUE;
  {
    g_autofree char *name = g_strndup (odd, strcspn (odd, ":"));

    g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                 _("%s is not a usable backup: its tables and triggers differ from those of an "
                   "Aixinwu POS "
                   "database of schema %d (first at %s). Choose another file."), file, version,
                   name);
  }
  return FALSE;
}

static gboolean
check_handle (sqlite3     *handle,
              const char  *file,
              GError     **error)
{
  g_autofree char *check = query_text (handle, "PRAGMA quick_check");
  g_autofree char *version = NULL;
  g_autofree char *tables = NULL;
  gint64 v;

  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("%s is not a usable backup: the check says “%s”. Choose another file."),
                   file, check ? check : sqlite3_errmsg (handle));
      return FALSE;
    }
  version = query_text (handle, "PRAGMA user_version");
  v = version ? g_ascii_strtoll (version, NULL, 10) : 0;
  tables = query_text (handle, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                               "AND name IN ('products', 'sales', 'sale_lines', 'settings')");
  if (v < 1 || g_strcmp0 (tables, "4") != 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("%s is not an Aixinwu POS database. Choose another file."), file);
      return FALSE;
    }
  if (v > axw_db_latest_version ())
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("%s was made by a newer Aixinwu POS (schema %d; this one knows %d). "
                     "Update the program first."), file, (int) v, axw_db_latest_version ());
      return FALSE;
    }
  return check_schema (handle, file, (int) v, error);
}

/**
 * axw_backup_verify:
 *
 * Checks that @file is an undamaged Aixinwu POS database of a schema this
 * program knows. Opens it read-only.
 */
gboolean
axw_backup_verify (const char  *file,
                   GError     **error)
{
  sqlite3 *handle;
  gboolean ok;

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No such file: %s"), file);
      return FALSE;
    }
  handle = open_file (file, SQLITE_OPEN_READONLY, error);
  if (handle == NULL)
    return FALSE;
  ok = check_handle (handle, file, error);
  sqlite3_close_v2 (handle);
  return ok;
}

static gboolean
copy_plain_file (const char  *from,
                 const char  *to,
                 GError     **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  return g_file_copy (src, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* The current data before a restore: a consistent copy when the file
 * can be read, else its raw bytes (a damaged file is what people restore
 * over, and it may still matter to someone). */
static char *
save_safety_copy (sqlite3     *current,
                  const char  *db_path,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *safety = g_strconcat (db_path, ".before-restore-", stamp, NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *safety_wal = g_strconcat (safety, "-wal", NULL);

  if (copy_to_file (current, safety, NULL))
    return g_steal_pointer (&safety);
  if (!copy_plain_file (db_path, safety, error) || !copy_plain_file (wal, safety_wal, error))
    {
      g_prefix_error (error, _("Not restored: the current database could not be saved first: "));
      return NULL;
    }
  return g_steal_pointer (&safety);
}

/* For a damaged database, which no connection can use and the backup
 * API cannot write into: a fresh copy of @file renamed over it, its
 * stale journal files removed. */
static gboolean
replace_damaged (sqlite3     *src,
                 const char  *db_path,
                 GError     **error)
{
  g_autofree char *fresh = g_strconcat (db_path, ".restoring", NULL);
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  if (!copy_to_file (src, fresh, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (side);
    }
  if (g_rename (fresh, db_path) != 0)
    {
      int saved = errno;

      g_unlink (fresh);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot replace %s: %s"), db_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_healthy (sqlite3 *handle)
{
  g_autofree char *check = query_text (handle, "PRAGMA quick_check");

  return g_strcmp0 (check, "ok") == 0;
}

/**
 * axw_backup_restore:
 * @db_path: the database to replace (it may be open elsewhere, idle)
 * @file: a backup
 * @out_safety_path: (out) (optional) (transfer full): where the data
 *   before the restore was saved
 *
 * Verifies @file, saves the current database next to it, then copies
 * @file into it in one transaction: either everything is restored or
 * nothing changed.
 */
gboolean
axw_backup_restore (const char  *db_path,
                    const char  *file,
                    char       **out_safety_path,
                    GError     **error)
{
  g_autofree char *safety = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (db_path != NULL && file != NULL, FALSE);

  if (!axw_backup_verify (file, error))
    return FALSE;
  src = open_file (file, SQLITE_OPEN_READONLY, error);
  dest = src ? open_file (db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) : NULL;
  if (dest == NULL)
    goto out;
  safety = save_safety_copy (dest, db_path, error);
  if (safety == NULL)
    goto out;
  if (!is_healthy (dest))
    {
      g_clear_pointer (&dest, sqlite3_close_v2);
      if (!replace_damaged (src, db_path, error))
        goto out;
      dest = open_file (db_path, SQLITE_OPEN_READWRITE, error);
      if (dest == NULL)
        goto out;
    }
  else if (!copy_pages (src, dest, db_path, error))
    {
      g_prefix_error (error, _("Not restored, nothing changed: "));
      goto out;
    }
  ok = check_handle (dest, db_path, error);
  if (ok && out_safety_path)
    *out_safety_path = g_steal_pointer (&safety);
out:
  sqlite3_close_v2 (src);
  sqlite3_close_v2 (dest);
  return ok;
}

typedef struct {
  const char  *file;
  char       **safety;
} RestoreJob;

static gboolean
restore_closed (const char  *path,
                gpointer     data,
                GError     **error)
{
  RestoreJob *job = data;

  return axw_backup_restore (path, job->file, job->safety, error);
}

/**
 * axw_backup_restore_open:
 * @db: the open database to replace, idle (no transaction)
 * @file: a backup
 * @staff: (nullable): who restores, for the audit log of the restored data
 * @out_safety_path: (out) (optional) (transfer full): where the data
 *   before the restore was saved
 *
 * axw_backup_restore() for a database this program has open: @file is
 * checked first, then @db's connection is closed, the file restored and
 * opened again, so every holder of @db reads the restored data. A bad
 * file changes nothing.
 */
gboolean
axw_backup_restore_open (AxwDb       *db,
                         const char  *file,
                         const char  *staff,
                         char       **out_safety_path,
                         GError     **error)
{
  g_autofree char *safety = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) audit_error = NULL;
  RestoreJob job = { file, &safety };

  g_return_val_if_fail (AXW_IS_DB (db), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (!axw_backup_verify (file, error) || !axw_db_reconnect (db, restore_closed, &job, error))
    return FALSE;
  name = g_path_get_basename (file);
  detail = g_strdup_printf ("%s (data before: %s)", name, safety);
  /* The data is restored whatever the log says; a failed entry is not
   * a failed restore. */
  if (!axw_audit_append (db, staff, "backup.restore", detail, &audit_error))
    g_message ("audit of the restore: %s", audit_error->message);
  if (out_safety_path)
    *out_safety_path = g_steal_pointer (&safety);
  return TRUE;
}

void
axw_backup_info_free (AxwBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_free (info->problem);
  g_free (info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const AxwBackupInfo *x = *(AxwBackupInfo * const *) a;
  const AxwBackupInfo *y = *(AxwBackupInfo * const *) b;

  return -strcmp (x->name, y->name);
}

/**
 * axw_backup_list:
 * @dir: the backup folder; a missing folder has no backups
 * @verify: check each file as a restore would (reads every page: run it
 *   off the GTK thread)
 *
 * Returns: (transfer full) (element-type AxwBackupInfo): the daily
 *   backups, newest first, or %NULL with @error
 */
GPtrArray *
axw_backup_list (const char  *dir,
                 gboolean     verify,
                 GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_backup_info_free);
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &open_error);
  const char *name;

  if (d == NULL && g_error_matches (open_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return g_steal_pointer (&list);
  if (d == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&open_error));
      return NULL;
    }
  while ((name = g_dir_read_name (d)))
    {
      AxwBackupInfo *info;
      GStatBuf st;

      if (!is_backup_name (name))
        continue;
      info = g_new0 (AxwBackupInfo, 1);
      info->name = g_strdup (name);
      info->path = g_build_filename (dir, name, NULL);
      if (g_stat (info->path, &st) == 0)
        {
          info->size = st.st_size;
          info->modified = st.st_mtime;
        }
      if (verify)
        {
          g_autoptr(GError) bad = NULL;

          info->verified = axw_backup_verify (info->path, &bad);
          info->problem = bad ? g_strdup (bad->message) : NULL;
        }
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}
