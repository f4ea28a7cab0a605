/* test-window.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window under Xvfb and saves a PNG of it.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-lib.h"

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
  /* Xvfb has no DRI: GL would be llvmpipe, so the counter draws with
   * cairo, unless GSK_RENDERER said otherwise before the start */
  if (user_data != NULL)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), ==,
                     "GskCairoRenderer");
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
  gboolean blink = TRUE;

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb),
                          GINT_TO_POINTER (g_getenv ("GSK_RENDERER") == NULL));
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  /* a steady text cursor, whatever the desktop says */
  g_object_get (gtk_settings_get_default (), "gtk-cursor-blink", &blink, NULL);
  g_assert_false (blink);
}

/* With the schema installed (GSETTINGS_SCHEMA_DIR points at the build's
 * compiled copy for this test), the counter remembers the database it
 * opened and opens it again when started without --db. */
static void
test_terminal_settings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "remembered.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (AXW_APP_ID);
  g_autofree char *last = NULL;

  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  {
    g_autoptr(AxwApplication) app = axw_application_new (db);

    g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
    g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  }
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, db);
  g_unlink (db);
  {
    g_autoptr(AxwApplication) app = axw_application_new (NULL);

    g_unsetenv ("AIXINWU_DB");
    g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
    g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  }
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));   /* opened (created) again */
}

/* The first login of a fresh start, before the sale screen exists (it is
 * otherwise built after the login screen's first frame). */
static void
login_at_once_cb (GApplication *app,
                  gpointer      user_data)
{
  AxwWindow *window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *login = GTK_WIDGET (axw_window_get_login_view (window));

  g_assert_true (gtk_widget_activate_action (login, "login.choose", "s", "小林"));
  for (const char *p = "1234"; *p; p++)
    {
      char key[2] = { *p, 0 };

      g_assert_true (gtk_widget_activate_action (login, "login.key", "s", key));
    }
  g_assert_true (gtk_widget_activate_action (login, "login.submit", NULL));
  /* the PIN is checked off the GTK thread: the screen keeps drawing */
  g_assert_true (axw_login_view_is_checking (AXW_LOGIN_VIEW (login)));
  g_assert_cmpstr (axw_window_get_screen (window), ==, "login");
  while (axw_login_view_is_checking (AXW_LOGIN_VIEW (login)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (axw_window_get_screen (window), ==, "sale");
  ui_pump (200);
  g_assert_cmpstr (axw_window_get_screen (window), ==, "sale");
  g_assert_cmpstr (axw_sale_view_get_page (axw_window_get_sale_view (window)), ==, "cart");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_pump (50);
}

static void
test_first_login (void)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(AxwApplication) app = g_object_new (AXW_TYPE_APPLICATION, "application-id",
                                                "cn.aixinwu.Pos.TestLogin",
                                                "flags", G_APPLICATION_NON_UNIQUE, "db-path", db,
                                                NULL);
  g_autoptr(AxwDb) demo = axw_db_open (db, NULL);

  /* the GUI makes no staff: the demo shop's, as "init --demo" makes them */
  g_assert_true (axw_cli_init_demo (demo, NULL));

  g_signal_connect_after (app, "activate", G_CALLBACK (login_at_once_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

/* The user's GSK_RENDERER always wins; otherwise software GL (Xvfb here:
 * no DRI2 or DRI3) means cairo. */
static void
test_renderer_choice (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *user = g_strdup (g_getenv ("GSK_RENDERER"));

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_cmpstr (axw_application_choose_renderer (display), ==, "gl");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_cmpstr (axw_application_choose_renderer (display), ==, "cairo");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
  g_unsetenv ("GSK_RENDERER");
  g_assert_cmpstr (axw_application_choose_renderer (display), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  if (user != NULL)
    g_setenv ("GSK_RENDERER", user, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/renderer-choice", test_renderer_choice);
  g_test_add_func ("/window/first-login", test_first_login);
  g_test_add_func ("/window/terminal-settings", test_terminal_settings);

  return g_test_run ();
}
