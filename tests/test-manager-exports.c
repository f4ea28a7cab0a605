/* test-manager-exports.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's exports page over the running counter under Xvfb: a sale
 * with a red packet, then the subsidy claim as CSV, the report as PDF and
 * the online shop's folder, each through the page's own file chooser
 * (given its file as a person would type it) and worker; the files exist
 * with the right content, only for their owner, and the page names them.
 * A folder that cannot be written and a bad period are said in words.
 * Saves PNGs.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-manager-window.h"
#include "axw-staff.h"
#include "axw-vouchers.h"

#define FUNDER "厦门市残疾人联合会"
#define NEW_BATCH "code,campaign,funder,face,min_spend,valid_from,valid_to,scope\n" \
  "ZZ0001,助残春风,阿拉善盟残联,10,0,2026-01-01,2026-12-31,aid\n"

/* 赤松茸 sold on the love day, with the red packet @voucher or 一元捐 to
 * the demo's fund when @donate. */
static void
sell (AxwDb      *db,
      gint64      qty_milli,
      const char *voucher,
      gboolean    donate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) line = axw_checkout_item_from_scan (db, "6971234560018", qty_milli, &error);
  g_autoptr(GDateTime) at = ui_love_day ();
  g_autoptr(AxwSale) sale = NULL;
  AxwPayment pay = { AXW_PAY_CASH, 0, 10000 };

  g_assert_no_error (error);
  axw_cart_add (cart, line);
  axw_cart_set_voucher_code (cart, voucher);
  if (donate)
    axw_cart_set_donation (cart, "集美区助残爱心基金", 100, 0);
  sale = axw_checkout_commit (db, cart, at, "小林", &pay, 1, &error);
  g_assert_no_error (error);
  g_assert_true ((sale->red_packet != NULL) == (voucher != NULL));
  g_assert_cmpint (sale->donation_fen, ==, donate ? 100 : 0);
}

#define wait_idle(page) axw_test_wait_idle (axw_manager_exports_get_busy, page, 15000)


static void
set_period (AxwManagerExports *page,
            const char        *from,
            const char        *to)
{
  GtkWidget *first = ui_find (GTK_WIDGET (page), ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  GtkWidget *second = ui_find (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (first)),
                               ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));

  gtk_editable_set_text (GTK_EDITABLE (first), from);
  gtk_editable_set_text (GTK_EDITABLE (second), to);
}

/* Activates @action, then answers the page's chooser with @dir and, for a
 * file, @name: what the manager picks; the page's response handler runs. */
static void
export_to (AxwManagerExports *page,
           const char        *action,
           const char        *format,
           const char        *dir,
           const char        *name,
           const char        *busy_png)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *path = name ? g_build_filename (dir, name, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, format ? "s" : NULL,
                                             format));
  chooser = axw_manager_exports_get_chooser (page);
  g_assert_nonnull (chooser);
  ui_pump (200);
  if (name != NULL)
    {
      g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
      g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (chooser), format));
      gtk_file_chooser_set_current_folder (chooser, folder, &error);
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (chooser, name);
      ui_wait_chosen (chooser, path);
    }
  else
    {
      g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==,
                       GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
      gtk_file_chooser_set_file (chooser, folder, &error);
      g_assert_no_error (error);
      ui_wait_chosen (chooser, dir);
    }
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_null (axw_manager_exports_get_chooser (page));
  g_assert_true (axw_manager_exports_get_busy (page));
  if (busy_png != NULL)
    ui_save_png (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), busy_png);
  wait_idle (page);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
assert_owner_only (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_exports (UiFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwDb *db = axw_application_get_db (f->app);
  g_autoptr(AxwStaff) manager = axw_staff_find (db, "王店长", &error);
  g_autofree char *out = g_build_filename (f->dir, "U盘", NULL);
  g_autofree char *claim = g_build_filename (out, "claim.csv", NULL);
  g_autofree char *report = g_build_filename (out, "report.pdf", NULL);
  g_autofree char *online = g_build_filename (out, "online", NULL);
  g_autofree char *manifest = g_build_filename (online, "manifest.json", NULL);
  g_autofree char *text = NULL;
  GtkWindow *window;
  AxwManagerExports *page;
  GtkDropDown *funder;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (online, 0700), ==, 0);
  sell (db, 2000, "HB20260001", FALSE);
  window = axw_manager_window_open (f->app, manager);
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "exports");
  page = AXW_MANAGER_EXPORTS (gtk_stack_get_child_by_name (
                                axw_manager_window_get_stack (AXW_MANAGER_WINDOW (window)),
                                "exports"));
  gtk_window_present (window);
  ui_pump (300);
  funder = GTK_DROP_DOWN (ui_find (GTK_WIDGET (page), ui_is_type,
                                   GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (funder)), ==,
                   FUNDER);

  /* a period the wrong way round is refused before any chooser opens */
  set_period (page, "2026-12-31", "2026-12-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exports.report", "s", "pdf"));
  g_assert_null (axw_manager_exports_get_chooser (page));
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page),
                                    "the first not after the last"));

  set_period (page, "2026-12-01", "2026-12-31");
  export_to (page, "exports.claim", "csv", out, "claim.csv", NULL);
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page), "✓ Saved"));
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page), claim));
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page),
                                    "1 line, ¥10.00 to claim"));
  text = read_file (claim);
  g_assert_true (axw_test_contains (text, "HB20260001"));
  g_assert_true (axw_test_contains (text, "10.00"));
  assert_owner_only (claim);
  ui_save_png (GTK_WIDGET (window), "manager-exports-claim.png");
  g_clear_pointer (&text, g_free);

  export_to (page, "exports.report", "pdf", out, "report.pdf", "manager-exports-busy.png");
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page), report));
  text = read_file (report);
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  assert_owner_only (report);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                    "AND action IN ('export.claim', 'export.report')"), ==, 2);

  export_to (page, "exports.online", NULL, online, NULL, NULL);
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page), "✓ Exported to"));
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page), "1 sale written"));
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  export_to (page, "exports.online", NULL, online, NULL, NULL);
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page),
                                    "Nothing new to export"));

  /* a folder that is not there: said in words, with what to do */
  {
    g_autofree char *gone = g_build_filename (f->dir, "gone", NULL);
    g_autofree char *claim_gone = g_build_filename (gone, "claim.csv", NULL);

    g_assert_cmpint (g_mkdir (gone, 0700), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exports.claim", "s", "csv"));
    {
      GtkFileChooser *chooser = axw_manager_exports_get_chooser (page);
      g_autoptr(GFile) folder = g_file_new_for_path (gone);

      ui_pump (200);
      g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
      gtk_file_chooser_set_current_name (chooser, "claim.csv");
      ui_wait_chosen (chooser, claim_gone);
      g_assert_cmpint (g_rmdir (gone), ==, 0);
      g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
    }
    wait_idle (page);
    g_assert_true (axw_test_contains (axw_manager_exports_get_message (page), "✗ Not saved"));
    g_assert_true (axw_test_contains (axw_manager_exports_get_message (page),
                                      "Choose another folder"));
  }
  ui_save_png (GTK_WIDGET (window), "manager-exports-error.png");

  /* a funder imported while another page is shown is offered when this one is shown again;
   * the funder chosen stays chosen */
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "reports");
  ui_pump (100);
  g_assert_true (axw_vouchers_import_csv (db, NEW_BATCH, strlen (NEW_BATCH), NULL, &error));
  g_assert_no_error (error);
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "exports");
  ui_pump (100);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (funder)), ==, 2);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (funder)), ==,
                   FUNDER);
  gtk_window_destroy (window);
  ui_pump (50);
}

/* A page made and dropped, and one closed while its worker writes. */
static void
test_new_destroy (UiFixture     *f,
                  gconstpointer  data)
{
  AxwDb *db = axw_application_get_db (f->app);
  g_autofree char *path = g_build_filename (f->dir, "report.csv", NULL);
  AxwManagerExports *page = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_EXPORTS, NULL));
  GtkFileChooser *chooser;
  g_autoptr(GFile) file = g_file_new_for_path (f->dir);

  axw_manager_exports_set_db (page, db, "王店长");
  g_assert_finalize_object (page);

  page = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_EXPORTS, NULL));
  axw_manager_exports_set_db (page, db, "王店长");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exports.report", "s", "csv"));
  chooser = axw_manager_exports_get_chooser (page);
  ui_pump (200);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, file, NULL));
  gtk_file_chooser_set_current_name (chooser, "report.csv");
  ui_wait_chosen (chooser, path);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_true (axw_manager_exports_get_busy (page));
  /* the window closes: the worker keeps the page until it is done, then lets it go */
  g_object_run_dispose (G_OBJECT (page));
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_unref (page);
  g_assert_true (axw_test_wait_until (axw_test_cleared, &page, 2000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The donation book of the fund chosen, as a fund's treasurer takes it
 * away: PDF and CSV through the page's chooser, the entries and total
 * named on the page, the same book as `report donations`. */
static void
test_donation_book (UiFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwDb *db = axw_application_get_db (f->app);
  g_autoptr(AxwStaff) manager = axw_staff_find (db, "王店长", &error);
  g_autofree char *csv = g_build_filename (f->dir, "book.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "book.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWindow *window;
  AxwManagerExports *page;

  sell (db, 0, NULL, TRUE);
  sell (db, 0, NULL, TRUE);
  window = axw_manager_window_open (f->app, manager);
  axw_manager_window_show_page (AXW_MANAGER_WINDOW (window), "exports");
  page = AXW_MANAGER_EXPORTS (gtk_stack_get_child_by_name (
           axw_manager_window_get_stack (AXW_MANAGER_WINDOW (window)), "exports"));
  gtk_window_present (window);
  ui_pump (300);
  set_period (page, "2026-12-01", "2026-12-31");
  export_to (page, "exports.donations", "csv", f->dir, "book.csv", NULL);
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page), csv));
  g_assert_true (axw_test_contains (axw_manager_exports_get_message (page),
                              "donation book of 集美区助残爱心基金, 2026-12-01 to 2026-12-31: "
                              "2 entries, ¥2.00 in all"));
  text = read_file (csv);
  g_assert_true (axw_test_contains (text, "date,receipt_no,amount,method,refund_of"));
  g_assert_true (axw_test_contains (text, "2.00"));
  assert_owner_only (csv);
  g_clear_pointer (&text, g_free);
  export_to (page, "exports.donations", "pdf", f->dir, "book.pdf", NULL);
  text = read_file (pdf);
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                    "AND action = 'export.donations'"), ==, 2);
  ui_save_png (GTK_WIDGET (window), "manager-exports-donation-book.png");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/manager/exports/claim-report-online", UiFixture, NULL, ui_setup, test_exports,
              ui_teardown);
  g_test_add ("/manager/exports/donation-book", UiFixture, NULL, ui_setup, test_donation_book,
              ui_teardown);
  g_test_add ("/manager/exports/new-destroy", UiFixture, NULL, ui_setup, test_new_destroy,
              ui_teardown);
  return g_test_run ();
}
