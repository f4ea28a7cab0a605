/* test-setup.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first start on an empty database: no demo staff, no default PIN;
 * the setup assistant stores the shop, its first manager and, if given,
 * a products file, and nothing at all while any of it is wrong.
 */
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-staff.h"

static AxwSetupAssistant *
assistant (UiFixture *f)
{
  AxwSetupAssistant *setup = axw_window_get_setup_assistant (f->window);

  g_assert_nonnull (setup);
  return setup;
}

static void
type (UiFixture  *f,
      const char *field,
      const char *text)
{
  GtkEditable *editable = axw_setup_assistant_get_field (assistant (f), field);

  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
}

static gint64
count (UiFixture  *f,
       const char *sql)
{
  return axw_db_query_int (axw_application_get_db (f->app), sql, -1);
}

static void
finish (UiFixture *f)
{
  /* held: the window drops the assistant once the shop is set up */
  g_autoptr(AxwSetupAssistant) setup = g_object_ref (assistant (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (setup), "setup.finish", NULL));
  /* the PIN's hash and the products are stored off the GTK thread */
  axw_test_wait_idle (axw_setup_assistant_is_busy, setup, 10000);
}

static void
fill_shop (UiFixture *f)
{
  type (f, "shop.name", "爱心屋（湖里店）");
  type (f, "shop.address", "厦门市湖里区金山路 8 号");
  type (f, "shop.code", "XM02");
  type (f, "terminal.code", "T02");
  type (f, "manager.name", "陈店长");
}

/* Nobody can log in with 1234 or 8888: there is nobody, and the shop
 * chooses its manager's PIN. */
static void
test_no_default_staff (UiFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) staff = axw_staff_list (axw_application_get_db (f->app), NULL);

  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "setup");
  g_assert_cmpuint (staff->len, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 0);
  ui_save_png (GTK_WIDGET (f->window), "setup.png");
}

static void
test_refuses (UiFixture     *f,
              gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  GtkWidget *pin_again = GTK_WIDGET (axw_setup_assistant_get_field (assistant (f),
                                                                    "manager.pin-again"));

  fill_shop (f);
  type (f, "manager.pin", "2468");
  type (f, "manager.pin-again", "2469");
  finish (f);
  g_assert_cmpstr (axw_setup_assistant_get_message (assistant (f)), !=, "");
  g_assert_true (gtk_widget_is_focus (pin_again) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                                                             pin_again));
  ui_save_png (GTK_WIDGET (f->window), "setup-pins-differ.png");

  type (f, "manager.pin-again", "2468");
  type (f, "shop.code", "厦门 02");
  finish (f);
  g_assert_nonnull (strstr (axw_setup_assistant_get_message (assistant (f)), "厦门 02"));

  type (f, "shop.code", "XM02");
  type (f, "manager.pin", "12");
  type (f, "manager.pin-again", "12");
  finish (f);
  g_assert_cmpstr (axw_setup_assistant_get_message (assistant (f)), !=, "");

  /* a products file with a bad row: nothing is stored, not even the shop */
  type (f, "manager.pin", "2468");
  type (f, "manager.pin-again", "2468");
  g_assert_true (g_file_set_contents (csv,
                                      "barcode,name,price,stock\n6971234560018,赤松茸,abc,45\n", -1,
                                      NULL));
  axw_setup_assistant_set_import_file (assistant (f), file);
  finish (f);
  g_assert_cmpstr (axw_setup_assistant_get_message (assistant (f)), !=, "");
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "setup");
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM settings WHERE key = 'shop.code'"), ==, 0);
}

static void
test_complete (UiFixture     *f,
               gconstpointer  data)
{
  AxwDb *db = axw_application_get_db (f->app);
  g_autofree char *csv = g_build_filename (f->dir, "products.csv", NULL);
  g_autofree char *page = g_build_filename (f->dir, "test-page.bin", NULL);
  g_autofree char *printer = g_strconcat ("file:", page, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(AxwStaff) manager = NULL;
  g_autoptr(AxwStaff) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shop = NULL;
  g_autofree char *test_page = NULL;
  gsize len = 0;

  fill_shop (f);
  type (f, "manager.pin", "2468");
  type (f, "manager.pin-again", "2468");
  type (f, "printer", printer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant (f)), "setup.test-page", NULL));
  axw_test_wait_idle (axw_setup_assistant_is_testing, assistant (f), 5000);
  g_assert_true (g_str_has_prefix (axw_setup_assistant_get_test_result (assistant (f)), "✔"));
  g_assert_true (g_file_get_contents (page, &test_page, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  /* the lower half of the form, scrolled into view by the focus */
  gtk_widget_grab_focus (GTK_WIDGET (axw_setup_assistant_get_field (assistant (f), "printer")));
  for (int i = 0; i < 2; i++)   /* Tab: the test page, then the products file */
    gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  ui_pump (200);
  ui_save_png (GTK_WIDGET (f->window), "setup-printer.png");

  g_assert_true (g_file_set_contents (csv, "barcode,name,price,stock\n6971234560018,赤松茸,30,45\n"
                                           "6971234560162,高原藜麦,35,12\n", -1, NULL));
  axw_setup_assistant_set_import_file (assistant (f), file);
  ui_save_png (GTK_WIDGET (f->window), "setup-filled.png");
  finish (f);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");
  g_assert_null (axw_window_get_setup_assistant (f->window));

  g_assert_cmpint (count (f, "SELECT count(*) FROM staff"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 2);
  shop = axw_settings_get (db, "shop.code");
  g_assert_cmpstr (shop, ==, "XM02");
  g_clear_pointer (&shop, g_free);
  shop = axw_settings_get (db, "shop.name");
  g_assert_cmpstr (shop, ==, "爱心屋（湖里店）");
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM audit_log WHERE staff = '陈店长' AND action = "
                          "'settings.set'"),
                   >=, 4);
  manager = axw_staff_login (db, "陈店长", "2468", &error);
  g_assert_no_error (error);
  g_assert_true (manager->manager);
  demo = axw_staff_login (db, "小林", "1234", NULL);
  g_assert_null (demo);

  ui_login_touch (f, "陈店长", "2468");
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
}

/* From the keyboard alone: Enter in a field is Finish; with a field
 * missing the focus goes there, with all filled the shop is set up. */
static void
test_keyboard_enter (UiFixture     *f,
                     gconstpointer  data)
{
  GtkWidget *name = GTK_WIDGET (axw_setup_assistant_get_field (assistant (f), "manager.name"));
  GtkWidget *pin_again = GTK_WIDGET (axw_setup_assistant_get_field (assistant (f),
                                                                    "manager.pin-again"));
  g_autoptr(AxwSetupAssistant) setup = g_object_ref (assistant (f));

  gtk_widget_grab_focus (pin_again);
  g_signal_emit_by_name (gtk_root_get_focus (GTK_ROOT (f->window)), "activate");
  ui_pump (50);
  g_assert_cmpstr (axw_setup_assistant_get_message (setup), !=, "");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), name) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == name);

  /* the name through the input method (set here); the PINs typed as a
   * person types them, Tab between, Enter at the end */
  type (f, "manager.name", "陈店长");
  ui_focus_window (f);
  gtk_widget_grab_focus (GTK_WIDGET (axw_setup_assistant_get_field (setup, "manager.pin")));
  ui_type ("13579", 120, FALSE);
  ui_key (XK_Tab, 120);
  ui_type ("13579", 120, TRUE);
  axw_test_wait_idle (axw_setup_assistant_is_busy, setup, 10000);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin_again)), ==, "");   /* cleared once stored */
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM staff WHERE name = '陈店长' AND role = 'manager'"),
                          ==, 1);
}

static void
test_new_destroy (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(AxwDb) db = axw_test_db_new (&dir);
  AxwSetupAssistant *setup = axw_setup_assistant_new (db);

  g_object_ref_sink (setup);
  g_assert_cmpstr (gtk_editable_get_text (axw_setup_assistant_get_field (setup, "shop.code")), ==,
                   "S01");
  g_assert_null (axw_setup_assistant_get_field (setup, "nothing"));
  g_assert_finalize_object (setup);
  g_clear_object (&db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("AIXINWU_LANGUAGE");   /* the default: Chinese */
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/setup/new-destroy", test_new_destroy);
  g_test_add ("/setup/no-default-staff", UiFixture, UI_EMPTY_DB, ui_setup, test_no_default_staff,
              ui_teardown);
  g_test_add ("/setup/refuses-and-stores-nothing", UiFixture, UI_EMPTY_DB, ui_setup, test_refuses,
              ui_teardown);
  g_test_add ("/setup/complete", UiFixture, UI_EMPTY_DB, ui_setup, test_complete, ui_teardown);
  g_test_add ("/setup/keyboard-enter", UiFixture, UI_EMPTY_DB, ui_setup, test_keyboard_enter,
              ui_teardown);
  return g_test_run ();
}
