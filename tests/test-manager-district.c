/* test-manager-district.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's District page in the real window: not set up, a hub that
 * cannot be reached (said in words, nothing marked, the counter's queue
 * kept), and the page finalizing while its worker runs. The exchange with
 * a real hub is tests/test-district.sh's.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-cli.h"
#include "axw-manager-window.h"

#define wait_idle(page) axw_test_wait_idle (axw_manager_district_get_busy, page, 15000)

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” does not contain “%s”", text, needle);
}

static guint
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);

  g_assert_cmpuint (port, >, 0);
  g_socket_listener_close (listener);
  return port;
}

static void
test_district_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axw-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *passfile = g_build_filename (dir, "hub.pgpass", NULL);
  g_autofree char *url = g_strdup_printf ("postgresql://axw_shop_s01@127.0.0.1:%u/district",
                                          closed_port ());
  g_autoptr(AxwDb) db = axw_db_open (path, &error);
  AxwManagerWindow *window;
  AxwManagerDistrict *page;

  g_assert_no_error (error);
  g_assert_true (axw_cli_init_demo (db, &error));
  for (int i = 0; i < 3; i++)
    axw_sale_free (axw_test_sell (db, "2026-12-12T10:00:00+08:00", "6971234560018", 1000, 10000));

  window = axw_manager_window_new (NULL, db, "王店长");
  page = axw_manager_window_get_district (window);
  axw_manager_window_show_page (window, "district");
  gtk_window_present (GTK_WINDOW (window));
  ui_pump (300);
  assert_contains (axw_manager_district_get_text (page, "setup"), "✗ Not set up");
  assert_contains (axw_manager_district_get_text (page, "status"), "Waiting to be sent: 3 sales");
  assert_contains (axw_manager_district_get_text (page, "status"), "Last sent: never");
  assert_contains (axw_manager_district_get_text (page, "status"),
                   "Catalog last brought from the hub: never");
  gtk_widget_activate_action (GTK_WIDGET (page), "district.push", NULL);
  wait_idle (page);
  assert_contains (axw_manager_district_get_text (page, "message"), "district.url");
  ui_save_png (GTK_WIDGET (window), "manager-district-not-set-up.png");

  /* set up, but the hub is down: said in words, nothing marked */
  g_assert_true (g_file_set_contents (passfile, "*:*:*:axw_shop_s01:x\n", -1, &error));
  g_assert_cmpint (g_chmod (passfile, 0600), ==, 0);
  g_assert_true (axw_settings_set (db, "district.url", url, &error));
  g_assert_true (axw_settings_set (db, "district.password_file", passfile, &error));
  axw_manager_district_reload (page);
  assert_contains (axw_manager_district_get_text (page, "setup"), "✓ Set up");
  assert_contains (axw_manager_district_get_text (page, "setup"), url);
  gtk_widget_activate_action (GTK_WIDGET (page), "district.push", NULL);
  wait_idle (page);
  assert_contains (axw_manager_district_get_text (page, "message"), "cannot be reached");
  assert_contains (axw_manager_district_get_text (page, "status"), "Waiting to be sent: 3 sales");
  assert_contains (axw_manager_district_get_text (page, "status"), "cannot be reached");
  axw_manager_sync_reload (axw_manager_window_get_sync (window));
  assert_contains (axw_manager_sync_get_text (axw_manager_window_get_sync (window), "status"),
                   "District hub: 3 waiting, last try failed");
  gtk_widget_activate_action (GTK_WIDGET (page), "district.conflicts", NULL);
  wait_idle (page);
  assert_contains (axw_manager_district_get_text (page, "message"), "cannot be reached");
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_district_get_conflicts (page)), ==, 0);
  ui_save_png (GTK_WIDGET (window), "manager-district-down.png");

  /* a password file others can read is refused before connecting */
  g_assert_cmpint (g_chmod (passfile, 0644), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "district.push", NULL);
  wait_idle (page);
  assert_contains (axw_manager_district_get_text (page, "message"), "chmod 600");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_pump (50);
  g_clear_object (&db);
  axw_test_rm_rf (dir);
}

/* The page finalizes, also when disposed while its worker runs. */
static void
test_new_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  AxwDb *db = axw_test_db_new (&dir);
  AxwManagerDistrict *page;

  g_assert_true (axw_cli_init_demo (db, &error));
  page = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_DISTRICT, NULL));
  axw_manager_district_set_db (page, db);
  gtk_widget_activate_action (GTK_WIDGET (page), "district.push", NULL);
  g_assert_true (axw_manager_district_get_busy (page));
  g_object_run_dispose (G_OBJECT (page));
  /* the worker ends and drops its reference */
  g_assert_true (axw_test_wait_until (axw_test_unshared, page, 10000));
  g_assert_finalize_object (page);
  g_assert_finalize_object (db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/manager/district/not-set-up-and-down", test_district_page);
  g_test_add_func ("/manager/district/new-destroy", test_new_destroy);
  return g_test_run ();
}
