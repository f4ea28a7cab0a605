/* axw-export.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety: every file is written under a hidden temporary name,
 * synced and renamed. Before a range of sales is written, its last id is
 * recorded as "pending" in export_cursor; the cursor moves only after the
 * file and the manifest are in place. A run after a crash first writes
 * exactly the pending range again (same name, same bytes), so no sale is
 * lost or lands in two files. Consumers read only files the manifest lists.
 */
#define _GNU_SOURCE   /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-csv.h"
#include "axw-error.h"
#include "axw-export.h"
#include "axw-export-rows.h"
#include "axw-money.h"
#include "axw-products.h"
#include "axw-sale-docs.h"
#include "axw-settings.h"

#define FLUSH_AT (1 << 20)

static gboolean
io_error (GError     **error,
          int          saved_errno,
          const char  *what,
          const char  *path)
{
  g_set_error (error, AXW_ERROR, saved_errno == ENOSPC ? AXW_ERROR_DISK_FULL : AXW_ERROR_INVALID,
               _("Cannot %s %s: %s. Check the export folder and the free space."), what, path,
               g_strerror (saved_errno));
  return FALSE;
}

/* A file written under ".NAME.tmp" and renamed to NAME when complete. */
typedef struct {
  char      *tmp_path;
  char      *path;
  int        fd;
  GChecksum *sha;
  guint64    bytes;
  guint64    count;
  gboolean   unnamed;   /* O_TMPFILE: tmp_path is linked only when complete */
} AtomicFile;

static void
atomic_file_free (AtomicFile *af)
{
  if (af == NULL)
    return;
  if (af->fd >= 0)
    {
      close (af->fd);
      if (!af->unnamed)
        g_unlink (af->tmp_path);
    }
  g_free (af->tmp_path);
  g_free (af->path);
  g_clear_pointer (&af->sha, g_checksum_free);
  g_free (af);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomicFile, atomic_file_free)

/* An unnamed file (O_TMPFILE) where the file system has them: a kill
 * while writing then leaves nothing behind, not even a temporary.
 * @mode: 0600 for the sales (staff, payments, red-packet codes), 0644
 * for what anyone may read. */
static AtomicFile *
atomic_file_open (const char  *dir,
                  const char  *name,
                  mode_t       mode,
                  GError     **error)
{
  g_autoptr(AtomicFile) af = g_new0 (AtomicFile, 1);
  g_autofree char *tmp = g_strdup_printf (".%s.tmp", name);

  af->path = g_build_filename (dir, name, NULL);
  af->tmp_path = g_build_filename (dir, tmp, NULL);
  af->sha = g_checksum_new (G_CHECKSUM_SHA256);
#ifdef O_TMPFILE
  af->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  af->unnamed = af->fd >= 0;
  if (af->fd < 0)
#endif
    {
      /* a new name of our own, never an existing file or a planted symlink */
      g_autofree char *template = g_strdup_printf (".%s.XXXXXX", name);

      g_free (af->tmp_path);
      af->tmp_path = g_build_filename (dir, template, NULL);
      af->fd = g_mkstemp_full (af->tmp_path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode);
    }
  if (af->fd < 0)
    {
      io_error (error, errno, _("create"), af->tmp_path);
      return NULL;
    }
  return g_steal_pointer (&af);
}

static gboolean
atomic_file_write (AtomicFile  *af,
                   GString     *buf,
                   GError     **error)
{
  const char *p = buf->str;
  gsize left = buf->len;

  g_checksum_update (af->sha, (const guchar *) buf->str, (gssize) buf->len);
  af->bytes += buf->len;
  while (left > 0)
    {
      gssize n = write (af->fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return io_error (error, errno, _("write"), af->tmp_path);
      p += n;
      left -= (gsize) n;
    }
  g_string_truncate (buf, 0);
  return TRUE;
}

/* Gives the complete file its temporary name (O_TMPFILE only). */
static gboolean
link_unnamed (AtomicFile  *af,
              int          fd)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

  g_unlink (af->tmp_path);
  return linkat (AT_FDCWD, proc, AT_FDCWD, af->tmp_path, AT_SYMLINK_FOLLOW) == 0;
}

static gboolean
atomic_file_commit (AtomicFile  *af,
                    GError     **error)
{
  int fd = af->fd;
  int saved = 0;

  af->fd = -1;
  if (fsync (fd) != 0 || (af->unnamed && !link_unnamed (af, fd)))
    saved = errno;
  close (fd);
  if (saved == 0 && g_rename (af->tmp_path, af->path) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_unlink (af->tmp_path);
      return io_error (error, saved, _("write"), af->path);
    }
  return TRUE;
}

static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* The run's state: the cursor as read, the manifest as it grows. */
typedef struct {
  AxwDb           *db;
  const char      *dir;
  gint64           cursor;
  gint64           pending;
  gboolean         pending_full;
  char            *products_hash;
  GPtrArray       *files;      /* JsonObject, the manifest's entries */
  AxwExportResult *result;
} Export;

static void
export_clear (Export *e)
{
  g_free (e->products_hash);
  g_clear_pointer (&e->files, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static gboolean
read_cursor (Export  *e,
             GError **error)
{
  return axw_export_cursor_read (e->db, &e->cursor, &e->products_hash, &e->pending,
                                 &e->pending_full, error);
}

static gboolean
set_pending (Export    *e,
             gint64     last,
             gboolean   full,
             GError   **error)
{
  return axw_export_cursor_set_pending (e->db, last, full, error);
}

/* Moves the cursor (and clears the pending range) in one transaction. */
static gboolean
advance_cursor (Export      *e,
                gint64       last,
                const char  *products_hash,
                GError     **error)
{
  if (!axw_export_cursor_advance (e->db, last, products_hash, error))
    return FALSE;
  e->cursor = last;
  e->pending = 0;
  e->pending_full = FALSE;
  return TRUE;
}

/* Entries of the manifest already in the folder whose files still exist:
 * a consumer that moved a file away has taken it. */
static void
load_manifest (Export *e)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (e->dir, "manifest.json", NULL);
  JsonObject *root;
  JsonArray *files;

  e->files = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  root = json_node_get_object (json_parser_get_root (parser));
  files = json_object_has_member (root, "files")
    ? json_object_get_array_member (root, "files") : NULL;
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonObject *f = json_array_get_object_element (files, i);
      const char *name = f ? json_object_get_string_member_with_default (f, "name", NULL) : NULL;
      g_autofree char *fpath = NULL;

      if (name == NULL || strchr (name, '/') != NULL)
        continue;
      fpath = g_build_filename (e->dir, name, NULL);
      if (g_file_test (fpath, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (e->files, json_object_ref (f));
    }
}

static void
manifest_put (Export     *e,
              JsonObject *entry)
{
  const char *name = json_object_get_string_member (entry, "name");

  for (guint i = 0; i < e->files->len; i++)
    if (g_str_equal (json_object_get_string_member (g_ptr_array_index (e->files, i), "name"), name))
      {
        g_ptr_array_remove_index (e->files, i);
        break;
      }
  g_ptr_array_add (e->files, entry);
}

static JsonObject *
file_entry (AtomicFile  *af,
            const char  *kind)
{
  JsonObject *o = json_object_new ();
  g_autofree char *name = g_path_get_basename (af->path);

  json_object_set_string_member (o, "name", name);
  json_object_set_string_member (o, "kind", kind);
  json_object_set_int_member (o, "count", (gint64) af->count);
  json_object_set_int_member (o, "bytes", (gint64) af->bytes);
  json_object_set_string_member (o, "sha256", g_checksum_get_string (af->sha));
  return o;
}

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a, *y = *(JsonObject **) b;
  gint64 fx = json_object_get_int_member_with_default (x, "first_sale_id", 0);
  gint64 fy = json_object_get_int_member_with_default (y, "first_sale_id", 0);

  return (fx > fy) - (fx < fy);
}

static gboolean
write_manifest (Export  *e,
                GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AtomicFile) af = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *zone = axw_settings_get (e->db, "timezone");
  g_autofree char *shop = axw_settings_get (e->db, "shop.code");
  g_autofree char *terminal = axw_settings_get (e->db, "terminal.code");
  g_autofree char *at = axw_time_to_local_rfc3339 (now, zone);
  g_autoptr(GString) text = NULL;
  gint64 n_sales = 0, n_products = 0;

  g_ptr_array_sort (e->files, compare_entries);
  for (guint i = 0; i < e->files->len; i++)
    {
      JsonObject *f = g_ptr_array_index (e->files, i);
      gint64 count = json_object_get_int_member_with_default (f, "count", 0);

      if (g_strcmp0 (json_object_get_string_member_with_default (f, "kind", ""), "sales") == 0)
        n_sales += count;
      else
        n_products += count;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "aixinwu-export/1");
  json_builder_set_member_name (b, "shop");
  json_builder_add_string_value (b, shop);
  json_builder_set_member_name (b, "terminal");
  json_builder_add_string_value (b, terminal);
  json_builder_set_member_name (b, "generated_at");
  json_builder_add_string_value (b, at);
  json_builder_set_member_name (b, "last_sale_id");
  json_builder_add_int_value (b, e->pending ? e->pending : e->cursor);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sales");
  json_builder_add_int_value (b, n_sales);
  json_builder_set_member_name (b, "products");
  json_builder_add_int_value (b, n_products);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < e->files->len; i++)
    {
      JsonNode *node = json_node_init_object (json_node_alloc (), g_ptr_array_index (e->files, i));

      json_builder_add_value (b, node);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = g_string_new (NULL);
  json_generator_to_gstring (gen, text);
  g_string_append_c (text, '\n');
  af = atomic_file_open (e->dir, "manifest.json", 0644, error);
  if (af == NULL || !atomic_file_write (af, text, error) || !atomic_file_commit (af, error))
    return FALSE;
  sync_dir (e->dir);
  return TRUE;
}

static gboolean
write_sales_file (Export   *e,
                  gint64    after,
                  gint64    last,
                  GError  **error)
{
  g_autofree char *name = g_strdup_printf ("sales-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ".jsonl",
                                           after + 1, last);
  g_autoptr(AtomicFile) af = atomic_file_open (e->dir, name, 0600, error);
  g_autoptr(AxwSaleDocs) docs = NULL;
  g_autoptr(GString) buf = NULL;
  JsonObject *entry;
  gint64 id = 0;

  if (af == NULL)
    return FALSE;
  docs = axw_sale_docs_open (e->db, after, last, error);
  if (docs == NULL)
    return FALSE;
  buf = g_string_sized_new (FLUSH_AT + 64 * 1024);
  do
    {
      if (!axw_sale_docs_next (docs, buf, &id, error))
        return FALSE;
      if (id != 0)
        {
          g_string_append_c (buf, '\n');
          af->count++;
        }
      if ((buf->len >= FLUSH_AT || id == 0) && !atomic_file_write (af, buf, error))
        return FALSE;
    }
  while (id != 0);

  if (!atomic_file_commit (af, error))
    return FALSE;
  entry = file_entry (af, "sales");
  json_object_set_int_member (entry, "first_sale_id", after + 1);
  json_object_set_int_member (entry, "last_sale_id", last);
  manifest_put (e, entry);
  e->result->n_sales += af->count;
  e->result->n_sales_files++;
  return TRUE;
}

/* One range of sales as one file, from pending to cursor. */
static gboolean
export_range (Export    *e,
              gint64     after,
              gint64     last,
              gboolean   full,
              GError   **error)
{
  if (!set_pending (e, last, full, error))
    return FALSE;
  e->pending = last;
  if (full)
    g_ptr_array_set_size (e->files, 0);
  if (!write_sales_file (e, after, last, error) || !write_manifest (e, error))
    return FALSE;
  return advance_cursor (e, last, e->products_hash, error);
}

/* products.csv, unless it would be the same bytes as last time. */
static gboolean
export_products (Export    *e,
                 gboolean   full,
                 GError   **error)
{
  guint64 count;
  g_autoptr(GString) buf = axw_products_shop_csv (e->db, &count, error);
  g_autofree char *hash = NULL;
  g_autoptr(AtomicFile) af = NULL;
  g_autofree char *path = NULL;

  if (buf == NULL)
    return FALSE;
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, buf->str, (gssize) buf->len);
  path = g_build_filename (e->dir, "products.csv", NULL);
  if (!full && g_strcmp0 (hash, e->products_hash) == 0 && g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  af = atomic_file_open (e->dir, "products.csv", 0644, error);
  if (af == NULL || !atomic_file_write (af, buf, error) || !atomic_file_commit (af, error))
    return FALSE;
  af->count = count;
  manifest_put (e, file_entry (af, "products"));
  if (!write_manifest (e, error))
    return FALSE;
  g_free (e->products_hash);
  e->products_hash = g_steal_pointer (&hash);
  e->result->wrote_products = TRUE;
  e->result->n_products = count;
  return advance_cursor (e, e->cursor, e->products_hash, error);
}

/* Leftovers of a killed run: hidden temporaries, and after a full export
 * the sales files the manifest no longer lists. */
static void
clean_folder (Export   *e,
              gboolean  after_full)
{
  g_autoptr(GDir) d = g_dir_open (e->dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      gboolean listed = FALSE;
      g_autofree char *path = NULL;

      if (!(name[0] == '.' && g_str_has_suffix (name, ".tmp") &&
            (g_str_has_prefix (name, ".sales-") || g_str_has_prefix (name, ".products.csv") ||
             g_str_has_prefix (name, ".manifest.json"))) &&
          !(after_full && g_str_has_prefix (name, "sales-") && g_str_has_suffix (name, ".jsonl")))
        continue;
      for (guint i = 0; after_full && i < e->files->len; i++)
        listed |= g_str_equal (json_object_get_string_member (g_ptr_array_index (e->files, i),
                                                              "name"), name);
      if (listed)
        continue;
      path = g_build_filename (e->dir, name, NULL);
      g_unlink (path);
    }
}

static gboolean
lock_folder (const char  *dir,
             int         *out_fd,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, ".aixinwu-export.lock", NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

  if (fd < 0)
    return io_error (error, errno, _("create"), path);
  /* A reader of the folder may hold it shared for a moment. */
  for (int tries = 0; flock (fd, LOCK_EX | LOCK_NB) != 0; tries++)
    {
      if (tries == 50)
        {
          close (fd);
          g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                       _("The export folder %s is in use (another export, or the online shop "
                         "reading it). "
                         "Try again in a moment."), dir);
          return FALSE;
        }
      g_usleep (200 * 1000);
    }
  *out_fd = fd;
  return TRUE;
}

static gboolean
export_locked (Export   *e,
               gboolean  full,
               GError  **error)
{
  gint64 last = axw_sales_last_id (e->db, error);

  if (last < 0)
    return FALSE;
  if (!read_cursor (e, error))
    return FALSE;
  load_manifest (e);
  clean_folder (e, FALSE);

  /* A killed run's range first, exactly as it was begun. */
  if (e->pending_full)
    full = TRUE;
  else if (!full && e->pending > e->cursor &&
           !export_range (e, e->cursor, e->pending, FALSE, error))
    return FALSE;

  if (full && MAX (last, e->pending) > 0 &&
      !export_range (e, 0, MAX (last, e->pending), TRUE, error))
    return FALSE;
  if (full)
    clean_folder (e, TRUE);
  else if (last > e->cursor && !export_range (e, e->cursor, last, FALSE, error))
    return FALSE;

  if (!export_products (e, full, error))
    return FALSE;
  e->result->last_sale_id = e->cursor;
  return TRUE;
}

/**
 * axw_export_run:
 * @dir: the export folder (created if missing)
 * @full: write every sale again instead of only the new ones
 * @result: (out caller-allocates): what was written
 *
 * Writes what is new since the last run; with nothing new, writes nothing.
 */
gboolean
axw_export_run (AxwDb            *db,
                const char       *dir,
                gboolean          full,
                AxwExportResult  *result,
                GError          **error)
{
  g_auto(Export) e = { .db = db, .dir = dir, .result = result };
  int lock_fd = -1;
  gboolean ok;

  g_return_val_if_fail (AXW_IS_DB (db), FALSE);
  g_return_val_if_fail (dir != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    return io_error (error, errno, _("create the folder"), dir);
  if (!lock_folder (dir, &lock_fd, error))
    return FALSE;
  ok = export_locked (&e, full, error);
  close (lock_fd);
  if (ok && (result->n_sales_files > 0 || result->wrote_products))
    {
      g_autofree char *detail = g_strdup_printf ("%" G_GUINT64_FORMAT " sales to %s%s",
                                                 result->n_sales, dir, full ? " (full)" : "");

      ok = axw_audit_append (db, NULL, "export", detail, error);
    }
  return ok;
}

typedef struct {
  char            *dir;
  gboolean         full;
  AxwExportResult  result;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->dir);
  g_free (job);
}

static gboolean
export_job (AxwDb         *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ExportJob *job = data;

  return axw_export_run (db, job->dir, job->full, &job->result, error);
}

/**
 * axw_export_run_async:
 *
 * Runs axw_export_run() in a thread with its own connection to @db_path,
 * so the counter never waits for a big export.
 */
void
axw_export_run_async (const char          *db_path,
                      const char          *dir,
                      gboolean             full,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->dir = g_strdup (dir);
  job->full = full;
  g_task_set_source_tag (task, axw_export_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  axw_db_job_run (task, db_path, export_job);
}

gboolean
axw_export_run_finish (GAsyncResult     *result,
                       AxwExportResult  *out_result,
                       GError          **error)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (out_result != NULL)
    *out_result = job->result;
  return TRUE;
}
