/* test-window.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window under Xvfb and saves a PNG of it.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-util.h"

#include "axw-application.h"
#include "axw-window.h"

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (AXW_IS_WINDOW (window));
  ui_pump (10 * 50);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 0);
  g_assert_cmpstr (gtk_window_get_title (window), !=, NULL);
  ui_save_png (GTK_WIDGET (window), "window.png");
  gtk_window_destroy (window);
  ui_pump (1 * 50);
}

static void
test_window_opens (void)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(AxwApplication) app = axw_application_new (db);

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  /* first run loads the demo catalog */
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/opens", test_window_opens);

  return g_test_run ();
}
