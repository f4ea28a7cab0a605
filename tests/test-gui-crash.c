/* test-gui-crash.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter's own sale path SIGKILLed at random moments: this program
 * runs itself as a child (`--child DB`) that opens the real window, logs
 * in and sells by scanner bursts, F12 and Enter typed through the X
 * server, saying each committed sale's UUID; the parent kills it at a
 * random moment, starts it again, and in the end checks the file: intact,
 * every acknowledged sale there, none half-written, stock exact.
 */
#include <signal.h>
#include <stdio.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-sale-view.h"

#define ROUNDS 8

/* The child: sells until it is killed. */
static int
run_child (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  UiFixture f = { 0 };
  gint64 last = 0;

  f.db_path = g_strdup (db_path);
  f.app = g_object_new (AXW_TYPE_APPLICATION, "application-id", "cn.aixinwu.Pos.Crash",
                        "flags", G_APPLICATION_NON_UNIQUE, "db-path", f.db_path, NULL);
  g_application_register (G_APPLICATION (f.app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f.app));
  f.window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f.app)));
  f.sale = axw_window_get_sale_view (f.window);
  f.login = axw_window_get_login_view (f.window);
  ui_pump (300);
  ui_login_touch (&f, "小林", "1234");
  ui_focus_window (&f);
  for (;;)
    {
      const AxwSale *sale;

      ui_scan ("6971234560018");
      ui_scan ("6971234560025");
      ui_press (XK_F12);
      ui_type ("100", 40, TRUE);
      sale = axw_sale_view_get_last_sale (f.sale);
      if (sale != NULL && sale->id != last)
        {
          last = sale->id;
          printf ("%s\n", sale->uuid);   /* acknowledged: the screen said done */
          fflush (stdout);
        }
    }
  return 0;
}

static void
test_killed_at_the_counter (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axw-gui-crash-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(GPtrArray) acked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AxwDb) db = NULL;
  guint killed = 0;

  db = axw_db_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (axw_cli_init_demo (db, &error));
  g_clear_object (&db);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      const char *argv[] = { self, "--child", db_path, NULL };
      char *line;

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      /* a few sales' time, then at any moment of the next one */
      g_usleep ((gulong) g_random_int_range (2500, 7000) * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      if (g_subprocess_get_if_signaled (child) && g_subprocess_get_term_sig (child) == SIGKILL)
        killed++;
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
        g_ptr_array_add (acked, line);
    }
  g_test_message ("%u runs killed, %u sales acknowledged", killed, acked->len);
  g_assert_cmpuint (killed, ==, ROUNDS);
  g_assert_cmpuint (acked->len, >, 0);

  db = axw_db_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_db_query_int (db,
                                     "SELECT count(*) FROM pragma_integrity_check WHERE "
                                     "integrity_check = 'ok'", 0), ==, 1);
  for (guint i = 0; i < acked->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sales WHERE uuid = '%s'",
                                              (char *) acked->pdata[i]);

      g_assert_cmpint (axw_db_query_int (db, sql, -1), ==, 1);
    }
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM sales s WHERE "
                                         "NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = "
                                         "s.id) "
                                         "OR NOT EXISTS (SELECT 1 FROM payments WHERE sale_id = "
                                         "s.id) "
                                         "OR NOT EXISTS (SELECT 1 FROM outbox WHERE sale_id = "
                                         "s.id) "
                                         "OR total_fen <> (SELECT sum (pay_fen) FROM sale_lines "
                                         "WHERE sale_id = s.id)",
                                     -1), ==, 0);
  g_assert_cmpint (axw_db_query_int (db,
                                     "SELECT count(*) FROM products p WHERE barcode = "
                                     "'6971234560018' AND "
                                         "stock_milli <> 50000 - (SELECT coalesce (sum "
                                         "(qty_milli), 0) "
                                         "FROM sale_lines WHERE product_id = p.id)", -1), ==, 0);
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM sales", -1), >=, acked->len);
  g_clear_object (&db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    {
      gtk_init ();
      return run_child (argv[2]);
    }
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gui-crash/killed-at-the-counter", test_killed_at_the_counter);
  return g_test_run ();
}
