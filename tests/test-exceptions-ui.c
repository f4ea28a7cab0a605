/* test-exceptions-ui.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exceptions at the counter under Xvfb: a manager's price, a void, the
 * drawer without a sale, a removed line and a discarded cart, typed
 * through the X server like a cashier would, and audited.
 */
#include <string.h>

#include "axw-db-sql.h"
#include "axw-held-sales-dialog.h"
#include "axw-manager-pin-dialog.h"
#include "axw-ui-test-lib.h"

/* A key with modifiers held (Shift, Control, or both). */
static void
press_with (KeySym      sym,
            gboolean    ctrl,
            gboolean    shift)
{
  Display *dpy = ui_xdisplay ();
  KeyCode c = XKeysymToKeycode (dpy, XK_Control_L);
  KeyCode s = XKeysymToKeycode (dpy, XK_Shift_L);
  KeyCode code = XKeysymToKeycode (dpy, sym);

  if (ctrl)
    XTestFakeKeyEvent (dpy, c, True, 150);
  if (shift)
    XTestFakeKeyEvent (dpy, s, True, 20);
  XTestFakeKeyEvent (dpy, code, True, 20);
  XTestFakeKeyEvent (dpy, code, False, 20);
  if (shift)
    XTestFakeKeyEvent (dpy, s, False, 20);
  if (ctrl)
    XTestFakeKeyEvent (dpy, c, False, 20);
  XFlush (dpy);
  ui_pump (400);
}

static AxwManagerPinDialog *
find_dialog (void)
{
  return (AxwManagerPinDialog *) ui_find_window (AXW_TYPE_MANAGER_PIN_DIALOG);
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static AxwManagerPinDialog *
focus_dialog (void)
{
  return ui_focus_window_of_type (AXW_TYPE_MANAGER_PIN_DIALOG);
}

static gboolean
is_message (GtkWidget     *w,
            gconstpointer  data)
{
  return GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "axw-message");
}

static GtkLabel *
find_message (AxwManagerPinDialog *dialog)
{
  GtkWidget *label = ui_find (GTK_WIDGET (dialog), is_message, NULL);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

/* Waits (the PIN is checked in a worker thread) until the dialog closes. */
static void
wait_dialog_closed (void)
{
  g_assert_true (axw_test_wait_until (no_dialog, NULL, 6000));
}

static const char *
focused_text (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_EDITABLE (focus));
  return gtk_editable_get_text (GTK_EDITABLE (focus));
}

/* A scan is typed with real key timing; on a loaded machine GTK may
 * still be handling it: wait (up to 5 s) until the cart has @n lines. */
typedef struct {
  UiFixture *f;
  guint      n;
} Rows;

static gboolean
has_rows (gpointer data)
{
  Rows *rows = data;

  return g_list_model_get_n_items (axw_sale_view_get_cart_model (rows->f->sale)) == rows->n;
}

static void
wait_rows (UiFixture *f,
           guint      n)
{
  axw_test_wait_until (has_rows, &(Rows) { f, n }, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, n);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
login_cashier (UiFixture *f)
{
  ui_focus_window (f);
  ui_press (XK_Return);
  ui_type ("1234", 120, TRUE);
  ui_wait_login (f);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
}

/* Ctrl+R on the chosen line: the price, the manager's PIN, a reason,
 * each ended by Enter; then Ctrl+Shift+V voids the paid sale. */
static void
test_price_and_void (UiFixture     *f,
                     gconstpointer  data)
{
  AxwManagerPinDialog *dialog;
  const AxwSale *sale;
  g_autofree char *sql = NULL;

  login_cashier (f);
  ui_scan ("6971234560018");
  wait_rows (f, 1);
  /* 爱心月 10 %: 28.00 − 2.80 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥25.20");

  press_with (XK_r, TRUE, FALSE);
  dialog = focus_dialog ();
  ui_type ("20", 120, TRUE);
  ui_type ("8888", 120, TRUE);
  ui_type ("damaged", 60, FALSE);
  ui_save_png (GTK_WIDGET (dialog), "exception-price.png");
  ui_press (XK_Return);
  wait_dialog_closed ();
  ui_focus_window (f);
  /* the manager's price, with the month's 10 % on it: 20.00 − 2.00 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥18.00");
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "王店长"));
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                    "AND action = 'price-override' AND detail LIKE '%￥28.00 → "
                                    "￥20.00: damaged'"), ==, 1);

  /* a wrong PIN keeps the dialog open and changes nothing */
  press_with (XK_r, TRUE, FALSE);
  dialog = focus_dialog ();
  ui_type ("15", 120, TRUE);
  ui_type ("1111", 120, TRUE);
  ui_type ("again", 60, TRUE);
  g_assert_true (ui_wait_query (f, "SELECT failed_attempts FROM staff WHERE name = '王店长'",
                                1, 4000));
  ui_pump (200);
  g_assert_nonnull (find_dialog ());
  ui_save_png (GTK_WIDGET (dialog), "exception-price-wrong-pin.png");
  ui_press (XK_Escape);
  g_assert_null (find_dialog ());
  ui_focus_window (f);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥18.00");

  ui_press (XK_F12);
  ui_press (XK_Return);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  sql = g_strdup_printf ("SELECT list_price_fen FROM sale_lines WHERE sale_id = %" G_GINT64_FORMAT,
                         sale->id);
  g_assert_cmpint (ui_query_int (f, sql), ==, 2800);

  /* the void offers the last sale's receipt number */
  press_with (XK_v, TRUE, TRUE);
  dialog = focus_dialog ();
  g_assert_cmpstr (focused_text (GTK_WINDOW (dialog)), ==, sale->receipt_no);
  ui_press (XK_Return);
  ui_type ("8888", 120, TRUE);
  ui_type ("wrong goods", 60, FALSE);
  ui_save_png (GTK_WIDGET (dialog), "exception-void.png");
  ui_press (XK_Return);
  wait_dialog_closed ();
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "¥18.00"));
  g_assert_cmpint (ui_query_int (f, "SELECT sum (total_fen) FROM sales WHERE kind = 'refund'"), ==,
                   1800);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action "
                                 "= 'void' "
                                    "AND detail LIKE '%: wrong goods'"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs"), ==, 2);
  ui_wait_query (f, "SELECT count(*) FROM print_jobs WHERE status = 'done'", 2, 5000);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs WHERE status = 'done'"), ==,
                   2);
}

/* F8 (the last line scanned is chosen) and Shift+F8 twice, by keyboard;
 * each leaves its audit row with the amount as priced. */
static void
test_remove_and_discard (UiFixture     *f,
                         gconstpointer  data)
{
  login_cashier (f);
  ui_scan ("6971234560018");
  wait_rows (f, 1);
  ui_scan ("6971234560025");
  wait_rows (f, 2);
  ui_press (XK_F8);
  wait_rows (f, 1);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM audit_log WHERE staff = '小林' AND action = "
                                 "'remove-line' "
                                    "AND detail = '6971234560025 藜麦粥 ×1 ￥11.52'"), ==, 1);
  /* undone: the log says it came back; removed again */
  ui_press_ctrl (XK_z);
  wait_rows (f, 2);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM audit_log WHERE staff = '小林' AND action = "
                                 "'restore-line' "
                                    "AND detail = '6971234560025 藜麦粥 ×1 ￥11.52'"), ==, 1);
  ui_press (XK_F8);
  wait_rows (f, 1);
  /* armed, then the cart changes: the next press asks again */
  press_with (XK_F8, FALSE, TRUE);
  ui_scan ("6971234560025");
  wait_rows (f, 2);
  press_with (XK_F8, FALSE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 2);
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "Shift+F8"));
  press_with (XK_F8, FALSE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 0);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM audit_log WHERE staff = '小林' AND action = "
                                 "'discard-cart' "
                                    "AND detail = '赤松茸 ×1, 藜麦粥 ×1 ￥36.72'"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, 0);
}

static gboolean
is_menu_button (GtkWidget     *w,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (w);
}

static gboolean
is_no_sale_button (GtkWidget     *w,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (w) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "sale.no-sale") == 0;
}

/* By touch: the Exceptions menu's button, the dialog's fields and
 * Confirm. The kick goes to the printer (a file here) off the GTK thread. */
static void
test_no_sale_touch (UiFixture     *f,
                    gconstpointer  data)
{
  g_autofree char *receipts = g_build_filename (f->dir, "receipts.bin", NULL);
  g_autofree char *bytes = NULL;
  AxwManagerPinDialog *dialog;
  GtkWidget *menu, *popover, *no_sale, *pin, *reason;
  gsize len = 0;

  ui_login_touch (f, "小林", "1234");
  menu = ui_find (GTK_WIDGET (f->sale), is_menu_button, NULL);
  g_assert_nonnull (menu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  ui_pump (200);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
  g_assert_true (gtk_widget_get_mapped (popover));
  ui_save_png (popover, "exceptions-menu.png");
  no_sale = ui_find (popover, is_no_sale_button, NULL);
  g_assert_nonnull (no_sale);
  g_assert_cmpint (gtk_widget_get_height (no_sale), >=, 48);
  g_signal_emit_by_name (no_sale, "clicked");
  ui_pump (100);
  /* the menu closes: the dialog is what the cashier sees */
  g_assert_false (gtk_widget_get_visible (popover));
  dialog = focus_dialog ();
  pin = gtk_root_get_focus (GTK_ROOT (dialog));
  gtk_editable_set_text (GTK_EDITABLE (pin), "8888");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
  reason = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (reason != pin && GTK_IS_EDITABLE (reason));
  gtk_editable_set_text (GTK_EDITABLE (reason), "change for the float");
  ui_save_png (GTK_WIDGET (dialog), "exception-no-sale.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "exception.confirm", NULL));
  wait_dialog_closed ();
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action "
                                 "= 'no-sale' "
                                    "AND detail = 'change for the float'"), ==, 1);
  g_assert_true (axw_test_wait_until (file_exists, receipts, 5000));
  g_assert_true (g_file_get_contents (receipts, &bytes, &len, NULL));
  g_assert_cmpmem (bytes, len, "\x1b\x70\x00\x19\xfa", 5);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, 0);
}

/* Ctrl+Shift+R: the item scanned (here typed with its quantity), the
 * manager's PIN and a reason; cash back at the catalog price, the slip
 * printed, the stock back. A code that is no product keeps the dialog. */
static void
test_return_keyboard (UiFixture     *f,
                      gconstpointer  data)
{
  AxwManagerPinDialog *dialog;
  gint64 stock;

  login_cashier (f);
  stock = ui_query_int (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'");
  press_with (XK_r, TRUE, TRUE);
  dialog = focus_dialog ();
  ui_type ("6971234560019", 40, TRUE);
  ui_type ("8888", 120, TRUE);
  ui_type ("no receipt", 60, TRUE);
  g_assert_true (ui_wait_label (find_message (dialog), "✖", 4000));
  g_assert_nonnull (find_dialog ());
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, 0);
  ui_save_png (GTK_WIDGET (dialog), "exception-return-bad-code.png");
  ui_press (XK_Escape);

  press_with (XK_r, TRUE, TRUE);
  dialog = focus_dialog ();
  ui_type ("6971234560018*2", 40, TRUE);
  ui_type ("8888", 120, TRUE);
  ui_type ("no receipt", 60, FALSE);
  ui_save_png (GTK_WIDGET (dialog), "exception-return.png");
  ui_press (XK_Return);
  wait_dialog_closed ();
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "¥56.00"));
  g_assert_cmpint (ui_query_int (f, "SELECT total_fen FROM sales WHERE kind = 'refund'"), ==, 5600);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, stock + 2000);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                    "AND action = 'return-no-receipt' AND detail LIKE '%: no "
                                    "receipt'"), ==, 1);
  ui_wait_query (f, "SELECT count(*) FROM print_jobs WHERE status = 'done'", 1, 5000);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs WHERE status = 'done'"), ==,
                   1);
}

/* An open-price product: the scan opens the price (keypad or keys), Enter
 * puts it in the cart; each scan is a line of its own; Escape adds nothing. */
static void
test_open_price (UiFixture     *f,
                 gconstpointer  data)
{
  AxwManagerPinDialog *dialog;

  g_assert_true (axw_db_exec (axw_application_get_db (f->app),
                              "UPDATE products SET open_price = 1 WHERE barcode = '6971234560124'",
                              NULL));
  login_cashier (f);
  ui_scan ("6971234560124");
  dialog = focus_dialog ();
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 0);
  ui_type ("15.5", 120, FALSE);
  ui_save_png (GTK_WIDGET (dialog), "open-price.png");
  ui_press (XK_Return);
  wait_dialog_closed ();
  ui_focus_window (f);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥15.50");

  ui_scan ("6971234560124");
  focus_dialog ();
  ui_type ("9.9", 120, TRUE);
  wait_dialog_closed ();
  ui_focus_window (f);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 2);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥25.40");

  ui_scan ("6971234560124");
  focus_dialog ();
  ui_press (XK_Escape);
  g_assert_null (find_dialog ());
  ui_focus_window (f);
  g_assert_cmpuint (g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale)), ==, 2);

  ui_press (XK_F12);
  ui_press (XK_Return);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  g_assert_cmpint (ui_query_int (f, "SELECT sum (unit_price_fen) FROM sale_lines"), ==, 2540);
}

/* Three sales held: F7 lists them newest first (time, cashier, total,
 * items); ↓ and Enter bring back the second; the counter's own cart
 * waits in its place. One held sale: F7 takes it at once, as before. */
static void
test_recall_from_list (UiFixture     *f,
                       gconstpointer  data)
{
  AxwHeldSalesDialog *dialog;

  login_cashier (f);
  ui_scan ("6971234560018");
  wait_rows (f, 1);
  ui_press (XK_F6);
  wait_rows (f, 0);
  ui_scan ("6971234560025");
  ui_scan ("6971234560025");
  g_assert_true (ui_wait_text (f, "total", "23.04"));
  ui_press (XK_F6);
  wait_rows (f, 0);
  ui_scan ("6971234560124");
  wait_rows (f, 1);
  ui_press (XK_F6);
  wait_rows (f, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sales"), ==, 3);
  ui_scan ("6971234560018");
  wait_rows (f, 1);

  ui_press (XK_F7);
  dialog = ui_focus_window_of_type (AXW_TYPE_HELD_SALES_DIALOG);
  g_assert_cmpuint (axw_held_sales_dialog_get_n (dialog), ==, 3);
  ui_save_png (GTK_WIDGET (dialog), "held-sales-list.png");
  ui_press (XK_Down);
  ui_press (XK_Return);
  wait_rows (f, 1);
  ui_focus_window (f);
  /* 藜麦粥 ×2 with 爱心月 10 %: 25.60 − 2.56 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥23.04");
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sales"), ==, 3);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM held_sale_lines WHERE barcode = "
                                 "'6971234560025'"), ==, 0);

  /* Escape keeps everything as it was */
  ui_press (XK_F7);
  dialog = ui_focus_window_of_type (AXW_TYPE_HELD_SALES_DIALOG);
  ui_press (XK_Escape);
  ui_focus_window (f);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥23.04");
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sales"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/exceptions-ui/price-and-void", UiFixture, NULL, ui_setup, test_price_and_void,
              ui_teardown);
  g_test_add ("/exceptions-ui/remove-and-discard", UiFixture, NULL, ui_setup,
              test_remove_and_discard, ui_teardown);
  g_test_add ("/exceptions-ui/return-keyboard", UiFixture, NULL, ui_setup, test_return_keyboard,
              ui_teardown);
  g_test_add ("/exceptions-ui/open-price", UiFixture, NULL, ui_setup, test_open_price, ui_teardown);
  g_test_add ("/exceptions-ui/recall-from-list", UiFixture, NULL, ui_setup, test_recall_from_list,
              ui_teardown);
  g_test_add ("/exceptions-ui/no-sale-touch", UiFixture, NULL, ui_setup, test_no_sale_touch,
              ui_teardown);

  return g_test_run ();
}
