/* test-backup.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "axw-db-sql.h"
#include "axw-backup.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-error.h"
#include "axw-products.h"
#include "axw-settings.h"
#include "axw-staff.h"
#include "axw-test-lib.h"

#define PRODUCTS "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,80\n"

static void
setup (DbFixture     *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  db_fixture_setup (f, data);
  g_assert_true (axw_products_import_csv (f->db, PRODUCTS, strlen (PRODUCTS), FALSE, NULL, &error));
  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  g_assert_no_error (error);
}

#define TEST(path, fn) g_test_add (path, DbFixture, NULL, setup, fn, db_fixture_teardown)

static void
sell_one (DbFixture  *f,
          const char *barcode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) line = axw_checkout_item_from_scan (f->db, barcode, 0, &error);
  g_autoptr(GDateTime) at = axw_time_parse_rfc3339 ("2026-11-20T10:00:00+08:00", NULL);
  g_autoptr(AxwSale) sale = NULL;
  AxwPayment cash = { AXW_PAY_CASH, 10000, 10000 };

  g_assert_no_error (error);
  axw_cart_add (cart, line);
  sale = axw_checkout_commit (f->db, cart, at, "小林", &cash, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sale);
}

/* Every row of every table, in rowid order, as SQL literals. */
static char *
dump_rows (sqlite3 *handle)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (char *) tables->pdata[i]);

      g_string_append_printf (out, "[%s]\n", (char *) tables->pdata[i]);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ?
                                    (const char *) sqlite3_column_text (stmt, c) : "NULL");
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static char *
dump (DbFixture *f)
{
  return dump_rows (axw_db_get_handle (f->db));
}

static GDateTime *
day (int d)
{
  return g_date_time_new_local (2026, 11, d, 9, 0, 0);
}

static void
test_backup_restore_roundtrip (DbFixture     *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (20);
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *safety_rows = NULL;
  g_autoptr(AxwDb) safety_db = NULL;

  sell_one (f, "6971234560018");
  before = dump (f);
  path = axw_backup_run (f->db, NULL, now, 14, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "/backups/aixinwu-2026-11-20.db"));
  g_assert_true (axw_backup_verify (path, &error));

  /* change the live data, then go back */
  sell_one (f, "6971234560025");
  g_assert_true (axw_db_exec (f->db, "UPDATE products SET price_fen = 1 WHERE id = 1", &error));
  changed = dump (f);
  g_assert_cmpstr (changed, !=, before);

  g_assert_true (axw_backup_restore (f->path, path, &safety, &error));
  g_assert_no_error (error);
  after = dump (f);       /* the open connection sees the restored data */
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (axw_db_query_int (f->db, "SELECT count(*) FROM sales", -1), ==, 1);

  /* the data before the restore is kept, complete */
  g_assert_nonnull (safety);
  safety_db = axw_db_open (safety, &error);
  g_assert_no_error (error);
  safety_rows = dump_rows (axw_db_get_handle (safety_db));
  g_assert_cmpstr (safety_rows, ==, changed);
  g_clear_object (&safety_db);
  g_unlink (safety);

  /* and the restored database still works: a new sale commits */
  sell_one (f, "6971234560025");
  g_assert_cmpint (axw_db_query_int (f->db, "SELECT count(*) FROM sales", -1), ==, 2);
}

static void
write_file (const char *path,
            const char *text,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, len, &error));
}

typedef enum {
  BAD_GARBAGE, BAD_TRUNCATED, BAD_NEWER, BAD_FOREIGN, BAD_MISSING,
  BAD_EXTRA_TRIGGER,   /* a backup that would rewrite every sale once restored */
  BAD_NO_TRIGGER,      /* a backup whose closed days can be changed */
  BAD_EXTRA_VIEW,
} BadKind;

/* A real backup, then @sql run on it as someone who edited the file. */
static void
tamper (DbFixture  *f,
        const char *path,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *h;

  g_assert_true (axw_backup_to_file (f->db, path, &error));
  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);
}

static void
make_bad_file (DbFixture  *f,
               BadKind     kind,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (21);
  g_autofree char *good = NULL;
  g_autofree char *bytes = NULL;
  gsize len;
  sqlite3 *h;

  switch (kind)
    {
    case BAD_GARBAGE:
      write_file (path, "this is not a database\n", -1);
      break;
    case BAD_TRUNCATED:
      good = axw_backup_run (f->db, NULL, now, 14, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (good, &bytes, &len, NULL));
      g_assert_cmpuint (len, >, 8192);
      /* keep the header, damage the pages after it */
      memset (bytes + 4096, 0xA5, len - 4096);
      write_file (path, bytes, (gssize) len);
      break;
    case BAD_NEWER:
      g_assert_true (axw_backup_to_file (f->db, path, &error));
      g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (h, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                       SQLITE_OK);
      sqlite3_close (h);
      break;
    case BAD_FOREIGN:
      g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (h, "CREATE TABLE t (x); PRAGMA user_version = 1", NULL, NULL,
                                     NULL), ==, SQLITE_OK);
      sqlite3_close (h);
      break;
    case BAD_MISSING:
      break;
    case BAD_EXTRA_TRIGGER:
      tamper (f, path, "CREATE TRIGGER skim AFTER INSERT ON payments BEGIN "
                       "UPDATE payments SET amount_fen = amount_fen - 1 WHERE id = NEW.id; END");
      break;
    case BAD_NO_TRIGGER:
      tamper (f, path, "DROP TRIGGER sales_closed_no_update");
      break;
    case BAD_EXTRA_VIEW:
      tamper (f, path, "CREATE VIEW v AS SELECT 1");
      break;
    }
}

/* The running program's way: the same AxwDb object, closed, restored,
 * opened again; its cached statements do not survive; the restore is
 * audited in the restored data. */
static void
test_restore_open (DbFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (20);
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AxwDb) safety_db = NULL;

  sell_one (f, "6971234560018");
  path = axw_backup_run (f->db, NULL, now, 14, &error);
  g_assert_no_error (error);
  sell_one (f, "6971234560025");
  changed = dump (f);

  /* a bad file: refused before anything is closed, nothing changed */
  g_assert_true (g_file_set_contents (garbage, "SQLite format 3\0 but not really", -1, NULL));
  g_assert_false (axw_backup_restore_open (f->db, garbage, "王店长", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_DATABASE);
  g_clear_error (&error);
  g_free (after), after = dump (f);
  g_assert_cmpstr (after, ==, changed);

  /* inside a transaction: refused, the transaction goes on */
  g_assert_true (axw_db_begin (f->db, &error));
  g_assert_false (axw_backup_restore_open (f->db, path, "王店长", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_DATABASE);
  g_clear_error (&error);
  g_assert_true (axw_db_commit (f->db, &error));
  g_free (after), after = dump (f);
  g_assert_cmpstr (after, ==, changed);

  g_assert_true (axw_backup_restore_open (f->db, path, "王店长", &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpint (axw_db_query_int (f->db, "SELECT count(*) FROM sales", -1), ==, 1);
  g_assert_cmpint (axw_db_query_int (f->db,
                                     "SELECT count(*) FROM audit_log WHERE action = "
                                     "'backup.restore' "
                                            "AND staff = '王店长'", -1), ==, 1);
  safety_db = axw_db_open (safety, &error);
  g_assert_no_error (error);
  g_free (after), after = dump_rows (axw_db_get_handle (safety_db));
  g_assert_cmpstr (after, ==, changed);
  g_clear_object (&safety_db);
  g_unlink (safety);
  /* the reopened connection sells */
  sell_one (f, "6971234560025");
  g_assert_cmpint (axw_db_query_int (f->db, "SELECT count(*) FROM sales", -1), ==, 2);
}

/* Newest first; a missing folder has none; each checked when asked */
static void
test_list (DbFixture     *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *bad = g_build_filename (dir, "aixinwu-2026-11-19.db", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GPtrArray) list = axw_backup_list (dir, TRUE, &error);
  g_autoptr(GDateTime) d20 = day (20);
  g_autoptr(GDateTime) d18 = day (18);
  AxwBackupInfo *info;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_free (axw_backup_run (f->db, NULL, d18, 14, &error));
  g_free (axw_backup_run (f->db, NULL, d20, 14, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (bad, "nothing", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not a backup name", -1, NULL));

  list = axw_backup_list (dir, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  info = list->pdata[0];
  g_assert_cmpstr (info->name, ==, "aixinwu-2026-11-20.db");
  g_assert_true (info->verified);
  g_assert_null (info->problem);
  g_assert_cmpint (info->size, >, 4096);
  info = list->pdata[1];
  g_assert_cmpstr (info->name, ==, "aixinwu-2026-11-19.db");
  g_assert_false (info->verified);
  g_assert_nonnull (strstr (info->problem, "not a usable backup"));
  g_assert_cmpint (info->size, ==, 7);
  g_assert_cmpstr (((AxwBackupInfo *) list->pdata[2])->name, ==, "aixinwu-2026-11-18.db");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* unchecked: nothing is opened */
  list = axw_backup_list (dir, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_false (((AxwBackupInfo *) list->pdata[0])->verified);
  g_assert_null (((AxwBackupInfo *) list->pdata[0])->problem);
  g_unlink (other);
}

static void
test_restore_refused (DbFixture     *f,
                      gconstpointer  data)
{
  static const struct { BadKind kind; const char *message; } cases[] = {
    { BAD_GARBAGE, "not a" },
    { BAD_TRUNCATED, "usable backup" },
    { BAD_NEWER, "newer Aixinwu POS (schema 99" },
    { BAD_FOREIGN, "not an Aixinwu POS database" },
    { BAD_MISSING, "No such file" },
    { BAD_EXTRA_TRIGGER, "differ from those of an Aixinwu POS database of schema" },
    { BAD_NO_TRIGGER, "(first at trigger sales_closed_no_update" },
    { BAD_EXTRA_VIEW, "(first at view v" },
  };

  sell_one (f, "6971234560018");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *bad = g_strdup_printf ("%s/bad-%u.db", f->dir, i);
      g_autofree char *before = dump (f);
      g_autofree char *after = NULL;
      g_autofree char *safety = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      make_bad_file (f, cases[i].kind, bad);
      g_assert_false (axw_backup_restore (f->path, bad, &safety, &error));
      g_assert_nonnull (error);
      g_test_message ("case %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_null (safety);
      after = dump (f);
      g_assert_cmpstr (after, ==, before);
      dir = g_dir_open (f->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)))
        g_assert_null (strstr (name, "before-restore"));
    }
}

static guint
count_backups (DbFixture *f,
               char     **out_oldest)
{
  g_autofree char *sub = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (sub, 0, NULL);
  const char *name;
  guint n = 0;

  *out_oldest = NULL;
  while ((name = g_dir_read_name (dir)))
    {
      n++;
      if (*out_oldest == NULL || strcmp (name, *out_oldest) < 0)
        {
          g_free (*out_oldest);
          *out_oldest = g_strdup (name);
        }
    }
  return n;
}

static void
test_rotation (DbFixture     *f,
               gconstpointer  data)
{
  g_autofree char *oldest = NULL;
  g_autofree char *other = g_build_filename (f->dir, "backups", "keep-me.txt", NULL);

  for (int d = 1; d <= 20; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) now = day (d);
      g_autofree char *path = axw_backup_run (f->db, NULL, now, 14, &error);

      g_assert_no_error (error);
      if (d == 1)
        write_file (other, "not a backup", -1);
    }
  g_assert_cmpuint (count_backups (f, &oldest), ==, 14 + 1);
  g_assert_cmpstr (oldest, ==, "aixinwu-2026-11-07.db");
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_unlink (other);
}

/* A backup is named by the shop's business date, not the machine's:
 * 07:10 in Xiamen is still the evening before in UTC. */
static void
test_file_name_shop_date (DbFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) early = g_date_time_new_utc (2026, 12, 11, 23, 10, 0);
  g_autofree char *name = axw_backup_file_name (f->db, early);
  g_autofree char *in_new_york = NULL;

  g_assert_cmpstr (name, ==, "aixinwu-2026-12-12.db");
  g_assert_true (axw_settings_set (f->db, "timezone", "America/New_York", NULL));
  in_new_york = axw_backup_file_name (f->db, early);
  g_assert_cmpstr (in_new_york, ==, "aixinwu-2026-12-11.db");
}

static void
test_daily_if_due (DbFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = day (22);
  g_autoptr(GDateTime) tomorrow = day (23);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *oldest = NULL;

  g_assert_true (axw_backup_daily_if_due (f->db, NULL, today, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (axw_backup_daily_if_due (f->db, NULL, today, &second, &error));
  g_assert_null (second);            /* already done today */
  g_assert_true (axw_backup_daily_if_due (f->db, NULL, tomorrow, &third, &error));
  g_assert_nonnull (third);
  g_assert_cmpuint (count_backups (f, &oldest), ==, 2);
}

static void
test_backup_while_writing (DbFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(AxwDb) other = NULL;

  /* an open transaction on another connection does not block the copy,
   * and the copy holds only committed data */
  other = axw_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (axw_db_begin (other, &error));
  g_assert_true (axw_db_exec (other, "DELETE FROM products", &error));
  g_assert_true (axw_backup_to_file (f->db, path, &error));
  axw_db_rollback (other);
  g_assert_true (axw_backup_verify (path, &error));
  g_clear_object (&other);
  other = axw_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_db_query_int (other, "SELECT count(*) FROM products", -1), ==, 2);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static char *
run_async (DbFixture  *f,
           GError    **error)
{
  GAsyncResult *result = NULL;
  char *path;

  axw_backup_daily_async (f->path, NULL, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  path = axw_backup_daily_finish (result, error);
  g_object_unref (result);
  return path;
}

static void
test_daily_async (DbFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = axw_backup_file_name (f->db, now);
  g_autofree char *first = run_async (f, &error);
  g_autofree char *second = NULL;
  g_autofree char *bad_path = g_build_filename (f->dir, "nope", "x.db", NULL);
  g_autofree char *gone = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (first, name));
  g_assert_true (axw_backup_verify (first, &error));
  second = run_async (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "");          /* once a day */

  /* a database that cannot be opened: an error, not a crash or a hang */
  g_free (f->path);
  f->path = g_strdup (bad_path);
  gone = run_async (f, &error);
  g_assert_null (gone);
  g_assert_nonnull (error);
  g_free (f->path);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  TEST ("/backup/roundtrip", test_backup_restore_roundtrip);
  TEST ("/backup/restore-refused", test_restore_refused);
  TEST ("/backup/restore-open", test_restore_open);
  TEST ("/backup/list", test_list);
  TEST ("/backup/rotation", test_rotation);
  TEST ("/backup/file-name-shop-date", test_file_name_shop_date);
  TEST ("/backup/daily-if-due", test_daily_if_due);
  TEST ("/backup/while-writing", test_backup_while_writing);
  TEST ("/backup/daily-async", test_daily_async);
  return g_test_run ();
}
