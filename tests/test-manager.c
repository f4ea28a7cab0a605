/* test-manager.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager window's report screen under Xvfb, on a real database with
 * real sales: the actions, the text, the chart; saves a PNG.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-cli.h"
#include "axw-manager-window.h"
#include "axw-staff.h"

/* The first entry in @w, depth first: the report's first date. */
static GtkWidget *
first_entry (GtkWidget *w)
{
  if (GTK_IS_ENTRY (w))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_entry (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_reports_screen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axw-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(AxwDb) db = axw_db_open (path, &error);
  AxwManagerWindow *window;
  AxwManagerReports *reports;
  const AxwReport *r;
  GtkWidget *entry;

  g_assert_no_error (error);
  g_assert_true (axw_cli_init_demo (db, &error));
  axw_sale_free (axw_test_sell (db, "2026-12-12T09:30:00+08:00", "6971234560018", 2000, 10000));
  axw_sale_free (axw_test_sell (db, "2026-12-12T10:10:00+08:00", "6971234560025", 3000, 10000));
  axw_sale_free (axw_test_sell (db, "2026-12-12T15:45:00+08:00", "6971234560018", 1000, 5000));

  window = axw_manager_window_new (NULL, db, "王店长");
  reports = axw_manager_window_get_reports (window);
  gtk_window_present (GTK_WINDOW (window));
  ui_pump (5 * 50);

  g_assert_true (axw_manager_reports_show_range (reports, "2026-12-12", "2026-12-12"));
  r = axw_manager_reports_get_report (reports);
  g_assert_nonnull (r);
  g_assert_cmpint (r->sales_count, ==, 3);
  g_assert_cmpint (r->hour_count[9] + r->hour_count[10] + r->hour_count[15], ==, 3);
  g_assert_true (axw_report_check_totals (r, &error));

  /* the same through the action, with a bad date: refused, the report stays */
  entry = first_entry (GTK_WIDGET (reports));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-13-01");
  gtk_widget_activate_action (GTK_WIDGET (reports), "reports.show", NULL);
  g_assert_true (axw_manager_reports_get_report (reports) == r);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-12-01");
  gtk_widget_activate_action (GTK_WIDGET (reports), "reports.show", NULL);
  g_assert_cmpint (axw_manager_reports_get_report (reports)->sales_count, ==, 3);

  ui_pump (10 * 50);
  ui_save_png (GTK_WIDGET (window), "manager-reports.png");

  /* the audit log: three sales, newest first, filtered; read-only */
  {
    AxwManagerAudit *audit = axw_manager_window_get_audit (window);
    GListModel *model = axw_manager_audit_get_model (audit);
    g_autoptr(GtkStringObject) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (model), >, 3);   /* the demo's imports too */
    axw_manager_audit_reload (audit, "20261212");
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    first = g_list_model_get_item (model, 0);
    g_assert_nonnull (strstr (gtk_string_object_get_string (first), "-0003"));
    axw_manager_audit_reload (audit, "20261212-0002");
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    axw_manager_audit_reload (audit, "nothing-like-this");
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
    axw_manager_audit_reload (audit, NULL);
    axw_manager_window_show_page (window, "audit");
    ui_pump (10 * 50);
    ui_save_png (GTK_WIDGET (window), "manager-audit.png");
  }

  /* staff: add through the action; a locked cashier is unlocked */
  {
    AxwManagerStaff *staff = axw_manager_window_get_staff (window);
    GListModel *model = axw_manager_staff_get_model (staff);
    guint before = g_list_model_get_n_items (model);
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (staff));
    GtkWidget *name = gtk_widget_get_first_child (row);
    GtkWidget *pin = gtk_widget_get_next_sibling (name);
    g_autoptr(AxwStaff) s = NULL;

    gtk_editable_set_text (GTK_EDITABLE (name), "小陈");
    gtk_editable_set_text (GTK_EDITABLE (pin), "12");
    gtk_widget_activate_action (GTK_WIDGET (staff), "staff.add", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, before);   /* PIN too short: refused */
    g_assert_cmpstr (axw_manager_staff_get_message (staff), !=, "");
    gtk_editable_set_text (GTK_EDITABLE (pin), "2468");
    gtk_widget_activate_action (GTK_WIDGET (staff), "staff.add", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);

    for (int i = 0; i < 5; i++)
      g_assert_null (axw_staff_login (db, "小陈", "0000", NULL));
    s = axw_staff_find (db, "小陈", NULL);
    g_assert_true (s->locked);
    gtk_widget_activate_action (GTK_WIDGET (staff), "staff.unlock", NULL);
    g_clear_pointer (&s, axw_staff_free);
    s = axw_staff_find (db, "小陈", NULL);
    g_assert_false (s->locked);
    g_assert_cmpint (axw_db_query_int (db, "SELECT count (*) FROM audit_log WHERE staff = '王店长' "
                                           "AND detail = '小陈'", 0), >=, 1);

    /* deactivated: still listed, cannot log in; activated again */
    gtk_editable_set_text (GTK_EDITABLE (pin), "");
    gtk_widget_activate_action (GTK_WIDGET (staff), "staff.deactivate", NULL);
    g_assert_null (axw_staff_login (db, "小陈", "2468", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);
    g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), before),
                              "cannot log in"));
    g_assert_cmpint (axw_db_query_int (db, "SELECT count (*) FROM audit_log WHERE staff = '王店长' "
                                           "AND action = 'staff.deactivate' AND detail = '小陈'",
                                           0), ==, 1);
    axw_manager_window_show_page (window, "staff");
    ui_pump (10 * 50);
    ui_save_png (GTK_WIDGET (window), "manager-staff-deactivated.png");
    gtk_widget_activate_action (GTK_WIDGET (staff), "staff.activate", NULL);
    g_clear_pointer (&s, axw_staff_free);
    s = axw_staff_login (db, "小陈", "2468", NULL);
    g_assert_nonnull (s);
    axw_manager_window_show_page (window, "staff");
    ui_pump (10 * 50);
    ui_save_png (GTK_WIDGET (window), "manager-staff.png");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_pump (1 * 50);
  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_new_destroy (void)
{
  g_autofree char *dir = NULL;
  AxwDb *db = axw_test_db_new (&dir);
  AxwManagerReports *reports;

  reports = g_object_ref_sink (axw_manager_reports_new (db));
  g_assert_true (axw_manager_reports_show_range (reports, "2026-12-01", "2026-12-31"));
  g_assert_finalize_object (reports);
  g_assert_finalize_object (db);
  axw_test_rm_rf (dir);
}

/* The audit page shows the shop's wall clock on a machine left in UTC
 * (and in New York): a row written at 07:10 in Xiamen says 07:10. */
static void
test_audit_shop_time (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axw-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(AxwDb) db = axw_db_open (path, &error);
  g_autofree char *machine_tz = g_strdup (g_getenv ("TZ"));
  AxwManagerWindow *window;
  AxwManagerAudit *audit;
  GListModel *model;
  g_autoptr(GtkStringObject) row = NULL;

  g_assert_no_error (error);
  g_setenv ("TZ", data, TRUE);
  g_assert_true (axw_db_exec (db, "INSERT INTO audit_log (at, staff, action, detail) VALUES "
                                  "('2026-12-11T23:10:00.000Z', '王店长', 'test.clock', 'early')",
                                  &error));
  window = axw_manager_window_new (NULL, db, "王店长");
  audit = axw_manager_window_get_audit (window);
  model = axw_manager_audit_get_model (audit);
  axw_manager_audit_reload (audit, "early");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  row = g_list_model_get_item (model, 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (row), "2026-12-12 07:10:00"));
  gtk_window_destroy (GTK_WINDOW (window));
  if (machine_tz != NULL)
    g_setenv ("TZ", machine_tz, TRUE);
  else
    g_unsetenv ("TZ");
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/manager/reports-screen", test_reports_screen);
  g_test_add_func ("/manager/new-destroy", test_new_destroy);
  g_test_add_data_func ("/manager/audit-shop-time/utc", "UTC", test_audit_shop_time);
  g_test_add_data_func ("/manager/audit-shop-time/new-york", "America/New_York",
                        test_audit_shop_time);
  return g_test_run ();
}
