/* test-manager-backups.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's backups page over the running counter (the real
 * application, its open database, under Xvfb): back up, sell, restore
 * the backup after the confirmation; the application's database no
 * longer has the sale, the safety copy has it, and the counter is back
 * at the login screen. Garbage, foreign and spoiled files, and a sale
 * open at the counter, are refused and change nothing. Saves PNGs.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-backup.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-error.h"
#include "axw-manager-window.h"
#include "axw-staff.h"

static gint64
count_sale (AxwDb      *db,
            const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sales WHERE uuid = '%s'", uuid);

  return axw_db_query_int (db, sql, -1);
}

/* Counts in a file without changing it (read-only, no WAL setup). */
static gint64
count_in_file (const char *path,
               const char *sql)
{
  sqlite3 *h = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &h, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (h, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (h);
  return n;
}

#define wait_idle(page) axw_test_wait_idle (axw_manager_backups_get_busy, page, 15000)

static void
write_foreign_db (const char *path)
{
  sqlite3 *h = NULL;

  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('hi');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);
}

/* Opens the confirmation of the selected backup and answers it. */
static void
restore_selected (AxwManagerBackups *page,
                  const char        *answer,
                  const char        *png)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backups.restore", NULL));
  dialog = axw_manager_backups_get_confirm (page);
  g_assert_nonnull (dialog);
  g_assert_true (axw_test_contains (adw_message_dialog_get_body (dialog), "safety copy"));
  g_assert_true (axw_test_contains (adw_message_dialog_get_body (dialog), "replaced"));
  ui_pump (300);
  if (png != NULL)
    ui_save_png (GTK_WIDGET (dialog), png);
  adw_message_dialog_response (dialog, answer);
  ui_pump (100);
  g_assert_null (axw_manager_backups_get_confirm (page));
}

/* Both pages in Chinese (the shop's default) and in high contrast, for
 * people to look at. */
static void
save_zh_hc (UiFixture *f)
{
  AxwStaff prefs = { .name = (char *) "王店长", .manager = TRUE, .font_scale_pct = 150,
    .high_contrast = TRUE };
  GtkWindow *window;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  axw_application_apply_prefs (f->app, &prefs);
  window = axw_manager_window_open (f->app, &prefs);
  gtk_window_present (window);
  wait_idle (axw_manager_window_get_backups (AXW_MANAGER_WINDOW (window)));
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "backups");
  ui_pump (300);
  ui_save_png (GTK_WIDGET (window), "manager-backups-zh-hc.png");
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "sync");
  ui_pump (300);
  ui_save_png (GTK_WIDGET (window), "manager-sync-zh-hc.png");
  gtk_window_destroy (window);
  axw_application_apply_prefs (f->app, NULL);
  g_setenv ("LANGUAGE", "en", TRUE);
  ui_pump (50);
}

static void
test_backup_restore (UiFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwDb *db = axw_application_get_db (f->app);
  g_autoptr(AxwStaff) manager = axw_staff_find (db, "王店长", &error);
  g_autofree char *dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *spoiled = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(AxwSale) sale = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GDir) d = NULL;
  GtkWindow *window;
  AxwManagerBackups *page;
  gint64 sales_before;
  const char *entry;

  g_assert_no_error (error);
  window = axw_manager_window_open (f->app, manager);
  page = axw_manager_window_get_backups (AXW_MANAGER_WINDOW (window));
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "backups");
  gtk_window_present (window);
  wait_idle (page);
  dir = g_strdup (axw_manager_backups_get_dir (page));
  g_assert_true (g_str_has_prefix (dir, f->dir));

  /* back up now: written off the GTK thread, checked, listed, audited */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backups.run", NULL));
  g_assert_true (axw_manager_backups_get_busy (page));
  wait_idle (page);
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autofree char *name = axw_backup_file_name (axw_application_get_db (f->app), today);

    good = g_build_filename (dir, name, NULL);
  }
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), "✓ Backed up"));
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), good));
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
  g_assert_true (axw_manager_backups_select (page, good));
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autofree char *day = g_date_time_format (today, "Restore the backup of %Y-%m-%d…");
    g_autofree char *label = NULL;
    GtkWidget *button = gtk_widget_get_first_child (gtk_widget_get_next_sibling (
                                                      gtk_widget_get_first_child (GTK_WIDGET (page))));

    button = gtk_widget_get_next_sibling (button);
    label = g_strdup (gtk_button_get_label (GTK_BUTTON (button)));
    g_assert_true (axw_test_contains (label, "_Restore the backup of"));
    g_assert_nonnull (ui_find_label (button, day));
  }
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                         "AND action = 'backup.run'", 0), ==, 1);

  /* a sale after the backup; then three files no one can restore */
  sale = axw_test_sell (db, "2026-12-12T10:30:00+08:00", "6971234560018", 1000, 10000);
  uuid = g_strdup (sale->uuid);
  sales_before = ui_query_int (f, "SELECT count(*) FROM sales");
  g_assert_cmpint (count_sale (db, uuid), ==, 1);
  garbage = g_build_filename (dir, "aixinwu-2020-01-01.db", NULL);
  foreign = g_build_filename (dir, "aixinwu-2020-01-02.db", NULL);
  spoiled = g_build_filename (dir, "aixinwu-2020-01-03.db", NULL);
  g_assert_true (g_file_set_contents (garbage, "this is not a database, just some words\n", -1,
                                      NULL));
  write_foreign_db (foreign);
  axw_manager_backups_reload (page);
  wait_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_backups_get_model (page)), ==, 3);
  ui_save_png (GTK_WIDGET (window), "manager-backups-list.png");

  /* garbage and foreign files: refused in plain words, nothing changed */
  g_assert_true (axw_manager_backups_select (page, garbage));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backups.restore", NULL));
  g_assert_null (axw_manager_backups_get_confirm (page));
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), "✗ Not restored"));
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), "Choose another file"));
  g_assert_true (axw_manager_backups_select (page, foreign));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backups.restore", NULL));
  g_assert_null (axw_manager_backups_get_confirm (page));
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page),
                                    "not an Aixinwu POS database"));
  g_assert_cmpint (count_sale (db, uuid), ==, 1);
  /* the store refuses them too, before closing anything */
  g_assert_false (axw_backup_restore_open (db, garbage, "王店长", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_DATABASE);
  g_clear_error (&error);
  g_assert_cmpint (count_sale (db, uuid), ==, 1);

  /* a backup spoiled after it was listed and confirmed: the restore
   * checks again, refuses, and the open database goes on */
  {
    g_autoptr(GFile) from = g_file_new_for_path (good);
    g_autoptr(GFile) to = g_file_new_for_path (spoiled);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  axw_manager_backups_reload (page);
  wait_idle (page);
  g_assert_true (axw_manager_backups_select (page, spoiled));
  g_assert_true (g_file_set_contents (spoiled, "spoiled", -1, NULL));
  restore_selected (page, "restore", NULL);
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), "✗"));
  g_assert_cmpint (count_sale (db, uuid), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, sales_before);
  wait_idle (page);

  /* goods in the cart at the counter: refused, the cart stays */
  ui_login_touch (f, "小林", "1234");
  axw_sale_view_scan (f->sale, "6971234560025");
  ui_pump (100);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 1);
  g_assert_true (axw_manager_backups_select (page, good));
  restore_selected (page, "restore", NULL);
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page),
                                    "a sale is open at the counter"));
  g_assert_cmpint (count_sale (db, uuid), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 1);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.remove-line", NULL));
  ui_pump (100);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 0);
  wait_idle (page);

  /* cancel changes nothing */
  g_assert_true (axw_manager_backups_select (page, good));
  restore_selected (page, "cancel", NULL);
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), "nothing changed"));
  g_assert_cmpint (count_sale (db, uuid), ==, 1);
  wait_idle (page);

  /* the real restore: the same AxwDb, reopened on the backup's data */
  g_assert_true (axw_manager_backups_select (page, good));
  restore_selected (page, "restore", "manager-backups-confirm.png");
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), "✓ Restored"));
  g_assert_true (axw_application_get_db (f->app) == db);
  g_assert_cmpint (count_sale (db, uuid), ==, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, sales_before - 1);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                         "AND action = 'backup.restore'", 0), ==, 1);
  /* the data from before is kept, with the sale */
  d = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)))
    if (g_str_has_prefix (entry, "shop.db.before-restore-") && !g_str_has_suffix (entry, "-wal"))
      safety = g_build_filename (f->dir, entry, NULL);
  g_assert_nonnull (safety);
  g_assert_true (axw_test_contains (axw_manager_backups_get_message (page), safety));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sales WHERE uuid = '%s'", uuid);

    g_assert_cmpint (count_in_file (safety, sql), ==, 1);
  }
  /* the counter goes on with the restored data: log in and sell */
  ui_login_touch (f, "小林", "1234");
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
  axw_sale_free (axw_test_sell (db, "2026-12-12T10:30:00+08:00", "6971234560018", 1000, 10000));
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, sales_before);
  wait_idle (page);
  ui_save_png (GTK_WIDGET (window), "manager-backups-restored.png");

  gtk_window_destroy (window);
  ui_pump (50);
  save_zh_hc (f);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/manager/backups/backup-sell-restore", UiFixture, NULL, ui_setup,
              test_backup_restore, ui_teardown);
  return g_test_run ();
}
