/* test-manager-printing.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's receipt printer page over the running counter under
 * Xvfb: a receipt the printer could not print is listed with the reason
 * in words; once the printer works, the page's retry prints it to a
 * `file:` printer; a receipt number typed and Enter prints a copy marked
 * 重印 第1次 with the sale's own time, without opening the drawer, audited
 * in the manager's name. Saves PNGs.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-checkout.h"
#include "axw-manager-window.h"
#include "axw-staff.h"
#include "escpos-decoder.h"

#define wait_printed(page) axw_test_wait_idle (axw_manager_printing_is_printing, page, 10000)

static char *
row_text (AxwManagerPrinting *page,
          guint               i)
{
  g_autoptr(GtkStringObject) row = g_list_model_get_item (axw_manager_printing_get_model (page), i);

  g_assert_nonnull (row);
  return g_strdup (gtk_string_object_get_string (row));
}

static void
test_printing (UiFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwDb *db = axw_application_get_db (f->app);
  g_autoptr(AxwStaff) manager = axw_staff_find (db, "王店长", &error);
  g_autoptr(AxwSale) sale = axw_test_sell (db, "2026-12-12T10:30:00+08:00", "6971234560018", 1000,
                                           10000);
  g_autofree char *paper = g_build_filename (f->dir, "receipts.bin", NULL);
  g_autofree char *good = g_strconcat ("file:", paper, NULL);
  g_autofree char *row = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) copy = NULL;
  AxwManagerPrinting *page;
  GtkWindow *window;
  GtkWidget *entry;

  g_assert_no_error (error);
  g_assert_true (axw_settings_set (db, "printer", "file:/nonexistent/folder/lp0", &error));
  window = axw_manager_window_open (f->app, manager);
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "printing");
  page = AXW_MANAGER_PRINTING (gtk_stack_get_child_by_name (
                                 axw_manager_window_get_stack (AXW_MANAGER_WINDOW (window)),
                                 "printing"));
  gtk_window_present (window);
  ui_pump (300);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_printing_get_model (page)), ==, 1);
  row = row_text (page, 0);
  g_assert_true (axw_test_contains (row, sale->receipt_no));
  g_assert_true (axw_test_contains (row, "waiting for the printer"));
  g_clear_pointer (&row, g_free);

  /* the printer fails: the receipt stays, with the reason in words */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "printing.retry", NULL));
  wait_printed (page);
  row = row_text (page, 0);
  g_assert_true (axw_test_contains (row, "✗"));
  g_assert_true (axw_test_contains (row, "not printed (1 try)"));
  g_assert_true (axw_test_contains (row, "/nonexistent/folder/lp0"));
  g_assert_true (axw_test_contains (axw_manager_printing_get_message (page), "✗ Not printed"));
  ui_save_png (GTK_WIDGET (window), "manager-printing-failed.png");

  /* the printer works again: Retry prints it */
  g_assert_true (axw_settings_set (db, "printer", good, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "printing.retry", NULL));
  wait_printed (page);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_printing_get_model (page)), ==, 0);
  g_assert_true (axw_test_contains (axw_manager_printing_get_message (page), "✓ Printed"));
  first = escpos_take_file (paper);
  g_assert_cmpuint (escpos_count (first, DECODED_TEXT, sale->receipt_no), ==, 1);
  g_assert_cmpuint (escpos_count (first, DECODED_TEXT, "重印"), ==, 0);
  g_assert_cmpuint (escpos_count (first, DECODED_DRAWER, NULL), ==, 1);

  /* a number typed (or scanned) and Enter: a marked copy, no drawer */
  entry = ui_find (GTK_WIDGET (page), ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), sale->receipt_no);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (axw_test_contains (axw_manager_printing_get_message (page), "重印 第1次"));
  wait_printed (page);
  g_assert_true (axw_test_contains (axw_manager_printing_get_message (page), "✓ Printed"));
  copy = escpos_take_file (paper);
  g_assert_cmpuint (escpos_count (copy, DECODED_TEXT, sale->receipt_no), ==, 1);
  g_assert_cmpuint (escpos_count (copy, DECODED_TEXT, "重印 第1次 · 原单时间"), ==, 1);
  g_assert_cmpuint (escpos_count (copy, DECODED_TEXT, "2026-12-12 10:30:00"), ==, 2);
  g_assert_cmpuint (escpos_count (copy, DECODED_DRAWER, NULL), ==, 0);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM audit_log WHERE action = 'receipt.reprint' "
                                    "AND staff = '王店长'"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT max(reprint) FROM print_jobs"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* a number that is no receipt: said, nothing queued */
  gtk_editable_set_text (GTK_EDITABLE (entry), "S01-T01-20261212-9999");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (axw_test_contains (axw_manager_printing_get_message (page), "✗ Not printed"));
  g_assert_true (axw_test_contains (axw_manager_printing_get_message (page), "Check the receipt."));
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs"), ==, 2);
  ui_save_png (GTK_WIDGET (window), "manager-printing-reprint.png");

  /* a sale made while another page is shown is listed when this one is shown again */
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "reports");
  ui_pump (100);
  axw_sale_free (axw_test_sell (db, "2026-12-12T11:00:00+08:00", "6971234560025", 1000, 10000));
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "printing");
  ui_pump (100);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_printing_get_model (page)), ==, 1);
  gtk_window_destroy (window);
  ui_pump (50);
}

/* A page made and dropped, and one dropped while its runner prints. */
static void
test_new_destroy (UiFixture     *f,
                  gconstpointer  data)
{
  AxwDb *db = axw_application_get_db (f->app);
  g_autoptr(AxwSale) sale = axw_test_sell (db, "2026-12-12T10:30:00+08:00", "6971234560018", 1000,
                                           10000);
  AxwManagerPrinting *page = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_PRINTING, NULL));

  axw_manager_printing_set_db (page, db, "王店长");
  g_assert_finalize_object (page);

  page = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_PRINTING, NULL));
  axw_manager_printing_set_db (page, db, "王店长");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "printing.retry", NULL));
  g_assert_true (axw_manager_printing_is_printing (page));
  g_assert_finalize_object (page);
  g_assert_true (ui_wait_query (f, "SELECT count(*) FROM print_jobs WHERE status = 'done'",
                                1, 2000));
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs WHERE status = 'done'"), ==,
                   1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/manager/printing/failed-retry-reprint", UiFixture, NULL, ui_setup, test_printing,
              ui_teardown);
  g_test_add ("/manager/printing/new-destroy", UiFixture, NULL, ui_setup, test_new_destroy,
              ui_teardown);
  return g_test_run ();
}
