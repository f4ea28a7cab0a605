/* test-sale-ui.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole sales on the real window under Xvfb: once with the keyboard alone
 * (scanner bursts and keys through the X server), once through the
 * actions a touch user triggers. Each ends with the sale in the database
 * and its receipt in the print queue.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "axw-barcode.h"
#include "axw-cart-row.h"
#include "axw-keypad.h"
#include "axw-help-window.h"
#include "axw-manager-window.h"
#include "axw-cell.h"
#include "axw-product-row.h"
#include "axw-reports.h"
#include "axw-scan-detector.h"
#include "axw-ui-test-lib.h"

static const char *
row_text (UiFixture *f,
          guint      i,
          const char *(*get) (AxwCartRow *))
{
  g_autoptr(AxwCartRow) row = g_list_model_get_item (axw_sale_view_get_cart_model (f->sale), i);

  g_assert_nonnull (row);
  /* the row outlives this call: the model holds it */
  return get (row);
}

static guint
n_rows (UiFixture *f)
{
  return g_list_model_get_n_items (axw_sale_view_get_cart_model (f->sale));
}

static gboolean
is_column_view (GtkWidget     *w,
                gconstpointer  data)
{
  return GTK_IS_COLUMN_VIEW (w);
}

static gboolean
is_label_showing (GtkWidget     *w,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (w) && gtk_widget_get_mapped (w) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (w)), text);
}

/* Whether a label below @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  return ui_find (widget, is_label_showing, text) != NULL;
}

static gboolean
column_visible (GtkColumnView *view,
                guint          i)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                 i);

  return gtk_column_view_column_get_visible (column);
}

static int
natural_width (GtkWidget *widget)
{
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return nat;
}

/* A cart cell answers from what it measured, but never with a size of
 * an old text or an old font. */
static void
test_cell_measures_again (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = axw_cell_new ();
  GtkLabel *label = axw_cell_get_label (AXW_CELL (cell));
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  int one, two, big;

  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));
  ui_pump (100);
  gtk_label_set_text (label, "¥1.00");
  one = natural_width (cell);
  g_assert_cmpint (one, >, 0);
  g_assert_cmpint (natural_width (cell), ==, one);
  gtk_label_set_text (label, "¥1,000.00 ¥1,000.00");
  two = natural_width (cell);
  g_assert_cmpint (two, >, one);
  gtk_css_provider_load_from_data (css, ".axw-big-cell { font-size: 40px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (cell, "axw-big-cell");
  ui_pump (100);   /* styles are worked out before the next frame */
  big = natural_width (cell);
  g_assert_cmpint (big, >, two);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A wrapped cell is as wide for any height as for none: GtkLabel would
 * search for the narrowest width whose lines fit the height (a width one
 * line long for a row's height), at a cost, on each row's allocation. */
static void
test_cell_width_any_height (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = axw_cell_new ();
  GtkLabel *label = axw_cell_get_label (AXW_CELL (cell));
  int min, nat, min_at, nat_at, height;

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_text (label, "甘肃和政啤特果 礼盒装 十二枚 爱心月 −\u2060¥5.60");
  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));
  ui_pump (100);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, nat, &height, NULL, NULL, NULL);
  g_assert_cmpint (min, <, nat);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, height, &min_at, &nat_at, NULL, NULL);
  g_assert_cmpint (min_at, ==, min);
  g_assert_cmpint (nat_at, ==, nat);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* A sale screen that nobody touches draws nothing: no blinking cursor, no
 * scrollbar fading in or out. A scan's frame then starts at once, instead
 * of waiting for the slot after an animation's frame (1/60 s). */
static void
test_idle_draws_nothing (UiFixture     *f,
                         gconstpointer  data)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong id;

  ui_login_touch (f, "小林", "1234");
  /* enough lines for the cart to scroll to the last one */
  for (guint i = 1; i <= 15; i++)
    {
      char code[14];

      g_snprintf (code, sizeof code, "697123456%03u0", i);
      code[12] = '0' + axw_ean_check_digit (code, 12);
      axw_sale_view_scan (f->sale, code);
      ui_pump (30);
    }
  g_assert_cmpuint (n_rows (f), ==, 15);
  ui_pump (300);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);
  ui_pump (2500);
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpuint (frames, ==, 0);
}

/* At 175 % text and more the unit price and the promotion move under the
 * name; back at 100 % they have their columns again. Nothing is lost. */
static void
test_large_text_cart (UiFixture     *f,
                      gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (ui_find (GTK_WIDGET (f->sale), is_column_view, NULL));
  AxwStaff prefs = { .font_scale_pct = 200 };
  const char *compact = "赤松茸\n¥28.00  爱心月 −\u2060¥2.80";

  ui_login_touch (f, "小林", "1234");
  axw_sale_view_scan (f->sale, "6971234560018");
  ui_pump (100);
  g_assert_true (column_visible (view, 2) && column_visible (view, 4));
  g_assert_true (shows_text (GTK_WIDGET (view), "赤松茸"));
  g_assert_true (shows_text (GTK_WIDGET (view), "¥28.00"));

  axw_application_apply_prefs (f->app, &prefs);
  ui_pump (200);
  g_assert_false (column_visible (view, 2) || column_visible (view, 4));
  g_assert_true (shows_text (GTK_WIDGET (view), compact));
  g_assert_false (shows_text (GTK_WIDGET (view), "¥28.00"));
  /* a line scanned now is shown the same way */
  axw_sale_view_scan (f->sale, "6971234560018");
  ui_pump (100);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_qty), ==, "2");
  g_assert_true (shows_text (GTK_WIDGET (view), "赤松茸\n¥28.00  爱心月 −\u2060¥5.60"));

  /* the line the cashier chose stays chosen through the switch */
  axw_sale_view_scan (f->sale, "6971234560025");
  axw_sale_view_scan (f->sale, "6971234560032");
  g_assert_cmpuint (n_rows (f), ==, 3);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 1);
  prefs.font_scale_pct = 100;
  axw_application_apply_prefs (f->app, &prefs);
  ui_pump (200);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))), ==, 1);
  g_assert_true (column_visible (view, 2) && column_visible (view, 4));
  g_assert_true (shows_text (GTK_WIDGET (view), "赤松茸"));
  g_assert_true (shows_text (GTK_WIDGET (view), "爱心月 −\u2060¥5.60"));
}

static void
test_keyboard_sale (UiFixture     *f,
                    gconstpointer  data)
{
  AxwFeedback *fb = axw_application_get_feedback (f->app);
  const AxwSale *sale;
  g_autofree char *sql = NULL;
  guint errors;

  ui_focus_window (f);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");

  /* the first name has the focus: Enter chooses it, then the PIN */
  ui_press (XK_Return);
  g_assert_cmpstr (axw_login_view_get_page (f->login), ==, "pin");
  ui_type ("1234", 120, TRUE);
  ui_wait_login (f);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
  g_assert_cmpstr (axw_sale_view_get_staff (f->sale)->name, ==, "小林");

  ui_scan ("6971234560018");
  g_assert_cmpuint (axw_window_get_n_scans (f->window), ==, 1);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_name), ==, "赤松茸");
  g_assert_cmpuint (axw_feedback_get_n_played (fb, AXW_SOUND_SCAN), ==, 1);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✔");
  ui_scan ("6971234560025");
  ui_scan ("6971234560018");
  g_assert_cmpuint (axw_window_get_n_scans (f->window), ==, 3);
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_qty), ==, "2");
  /* 爱心月 10 % beats 爱心日 5 %: 56.00 − 5.60 + 12.80 − 1.28 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥61.92");
  /* the code entry kept nothing of the scans */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window)))),
                   ==, "");

  /* a misread code: error sound, ✖ and words */
  errors = axw_feedback_get_n_played (fb, AXW_SOUND_ERROR);
  ui_scan ("6971234560019");
  g_assert_cmpuint (axw_feedback_get_n_played (fb, AXW_SOUND_ERROR), ==, errors + 1);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  g_assert_cmpuint (n_rows (f), ==, 2);

  /* the red packet, scanned from the customer's phone */
  ui_scan ("HB20260002");
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");
  g_assert_true (axw_sale_view_get_quote (f->sale)->red_packet->accepted);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥41.92");
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "¥20.00"));

  /* F12, the cash received, Enter */
  ui_press (XK_F12);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "pay");
  ui_type ("100", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_nonnull (sale);
  g_assert_cmpint (sale->change_fen, ==, 5808);
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "change"), "¥58.08"));

  sql = g_strdup_printf ("SELECT total_fen FROM sales WHERE id = %" G_GINT64_FORMAT
                         " AND red_packet_fen = 2000 AND change_fen = 5808 AND staff_name = '小林'",
                         sale->id);
  g_assert_cmpint (ui_query_int (f, sql), ==, 4192);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM print_jobs WHERE sale_id = %" G_GINT64_FORMAT,
                         sale->id);
  g_assert_cmpint (ui_query_int (f, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT tendered_fen FROM payments WHERE method = 'cash' AND sale_id = %"
                         G_GINT64_FORMAT, sale->id);
  g_assert_cmpint (ui_query_int (f, sql), ==, 10000);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM redemptions WHERE code = 'HB20260002'"),
                   ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sale_lines"), ==, 2);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "print"), !=, "");

  /* The counter sends the queued receipt off the GTK thread: it reaches
   * the printer (a file here) and the job is marked done. */
  {
    g_autofree char *receipts = g_build_filename (f->dir, "receipts.bin", NULL);
    g_autofree char *bytes = NULL;
    gsize len = 0;

    ui_wait_query (f, "SELECT count(*) FROM print_jobs WHERE status = 'done'", 1, 5000);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM print_jobs WHERE status = 'done' AND sale_id = %"
                           G_GINT64_FORMAT, sale->id);
    g_assert_cmpint (ui_query_int (f, sql), ==, 1);
    g_assert_true (g_file_get_contents (receipts, &bytes, &len, NULL));
    g_assert_cmpuint (len, >, 1000);
    g_assert_cmpmem (bytes, 2, "\x1b\x40", 2);               /* ESC @ */
    g_assert_nonnull (memmem (bytes, len, "\x1b\x70", 2));     /* drawer kick: a cash sale */
  }

  /* The sync indicator: no online shop set up, then one that refuses
   * connections: the sale waits in the outbox and the counter says so. */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "sync"), ==, "Online shop: not set up");
  g_assert_true (axw_settings_set (axw_application_get_db (f->app), "sync.endpoint",
                                   "http://127.0.0.1:1/sales", NULL));

  /* Ctrl+P queues the receipt again */
  ui_press_ctrl (XK_p);

  /* Ctrl+P queued the receipt again; the next scan starts a new sale */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM print_jobs WHERE sale_id = %" G_GINT64_FORMAT,
                         sale->id);
  g_assert_cmpint (ui_query_int (f, sql), ==, 2);
  ui_scan ("6971234560131");
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥2.00");

  /* this sale kicks the sync, which cannot reach the shop: both wait */
  ui_press (XK_F12);
  ui_type ("2", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  g_assert_true (ui_wait_text (f, "sync", "⚠ Online shop: 2 waiting, will retry"));
}

/* A person typing a code (slower than a scanner) is not a scan: the code
 * entry gets every character, and Enter adds the item. */
/* HB is no red packet by itself: goods whose code starts HB are sold,
 * an HB code nobody issued is an unknown code, a known one is the red
 * packet. */
static void
test_hb_code (UiFixture     *f,
              gconstpointer  data)
{
  static const char csv[] = "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n"
                            "HB-TEA-01,,红白茶,冲调,福建,15,piece,1,10\n";
  g_autoptr(GError) error = NULL;

  g_assert_true (axw_products_import_csv (axw_application_get_db (f->app), csv, strlen (csv), FALSE,
                                          NULL, &error));
  g_assert_no_error (error);
  ui_focus_window (f);
  ui_login_touch (f, "小林", "1234");

  axw_sale_view_scan (f->sale, "HB-TEA-01");
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_name), ==, "红白茶");

  axw_sale_view_scan (f->sale, "HB20269999");
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "nor a red packet"));
  g_assert_null (axw_sale_view_get_quote (f->sale)->red_packet);

  axw_sale_view_scan (f->sale, "HB20260001");
  g_assert_true (axw_sale_view_get_quote (f->sale)->red_packet->accepted);
  g_assert_cmpuint (n_rows (f), ==, 1);
}

static void
test_typed_code (UiFixture     *f,
                 gconstpointer  data)
{
  ui_focus_window (f);
  ui_login_touch (f, "小林", "1234");
  ui_type ("6971234560049", 60, TRUE);
  g_assert_cmpuint (axw_window_get_n_scans (f->window), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_name), ==, "清流豆腐干");

  /* a quick burst of letters without Enter reaches the search entry whole */
  ui_press (XK_F3);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "search");
  ui_type ("csr", 8, FALSE);
  ui_pump (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window)))),
                   ==, "csr");
  ui_press (XK_Return);
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (row_text (f, 1, axw_cart_row_get_name), ==, "赤松茸");

  /* loose goods by weight: code*kg */
  ui_type ("1001*0.5", 60, TRUE);
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_cmpstr (row_text (f, 2, axw_cart_row_get_qty), ==, "0.5 kg");
  /* a scan on the search page still goes to the cart */
  ui_press (XK_F3);
  ui_scan ("6971234560131");
  g_assert_cmpuint (n_rows (f), ==, 4);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");
  /* Escape steps back: the red packet page to the cart */
  ui_press (XK_F5);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "red-packet");
  ui_press (XK_Escape);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");
}

static gboolean
act (UiFixture  *f,
     const char *action,
     const char *format,
     ...)
{
  GVariant *param = NULL;
  va_list args;
  gboolean ok;

  va_start (args, format);
  if (format)
    param = g_variant_new_va (format, NULL, &args);
  va_end (args);
  ok = gtk_widget_activate_action_variant (GTK_WIDGET (f->sale), action, param);
  ui_pump (30);
  return ok;
}

static void
search_and_add (UiFixture  *f,
                const char *query)
{
  GtkWidget *focus;

  g_assert_true (act (f, "sale.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  gtk_editable_set_text (GTK_EDITABLE (focus), query);
  g_assert_true (act (f, "sale.add-found", "u", 0));
}

static void
test_touch_sale (UiFixture     *f,
                 gconstpointer  data)
{
  AxwFeedback *fb = axw_application_get_feedback (f->app);
  const AxwSale *sale;

  ui_login_touch (f, "小林", "1234");
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
  axw_feedback_set_speech (fb, TRUE);

  search_and_add (f, "csr");
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_name), ==, "赤松茸");
  /* item and price are spoken */
  g_assert_cmpstr (axw_feedback_get_last_spoken (fb), ==, "赤松茸 × 1  ¥25.20");

  /* a red packet nobody issued, then one whose minimum (¥50) is not met */
  g_assert_true (act (f, "sale.red-packet", NULL));
  axw_sale_view_scan (f->sale, "HB20269999");
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "red-packet");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "red-packet"), ==,
                   axw_red_packet_reason_advice (AXW_RED_PACKET_UNKNOWN));
  g_assert_null (axw_sale_view_get_quote (f->sale)->red_packet);
  axw_sale_view_scan (f->sale, "HB20260004");
  g_assert_true (g_str_equal (axw_sale_view_get_text (f->sale, "red-packet"),
                              axw_red_packet_reason_advice (AXW_RED_PACKET_BELOW_MIN_SPEND)));
  g_assert_true (act (f, "sale.back", NULL));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");

  g_assert_true (act (f, "sale.qty-plus", NULL));
  g_assert_true (act (f, "sale.qty-plus", NULL));
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_qty), ==, "3");
  g_assert_true (act (f, "sale.qty-minus", NULL));
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_qty), ==, "2");
  search_and_add (f, "爱心帆布");
  g_assert_cmpuint (n_rows (f), ==, 2);
  /* not aid-eligible: no promotion on it */
  g_assert_cmpstr (row_text (f, 1, axw_cart_row_get_promotion), ==, "");
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_promotion), ==, "爱心月 −\u2060¥5.60");

  /* remove with undo */
  g_assert_true (act (f, "sale.remove-line", NULL));
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_true (act (f, "sale.undo", NULL));
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (row_text (f, 1, axw_cart_row_get_name), ==, "爱心帆布袋");

  /* hold and recall */
  g_assert_true (act (f, "sale.hold", NULL));
  g_assert_cmpuint (n_rows (f), ==, 0);
  search_and_add (f, "kqs");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_true (act (f, "sale.recall", NULL));
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_name), ==, "赤松茸");

  /* a good red packet */
  g_assert_true (act (f, "sale.red-packet", NULL));
  axw_sale_view_scan (f->sale, "HB20260001");
  g_assert_true (axw_sale_view_get_quote (f->sale)->red_packet->accepted);
  /* a second one on the same sale */
  g_assert_true (act (f, "sale.red-packet", NULL));
  axw_sale_view_scan (f->sale, "HB20260003");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "red-packet"), ==,
                   axw_red_packet_reason_advice (AXW_RED_PACKET_ONE_PER_SALE));
  g_assert_true (act (f, "sale.back", NULL));

  /* 50.40 + 12.00 − 10.00: part by WeChat, the rest in cash with ¥100 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥52.40");
  g_assert_true (act (f, "sale.pay", "s", "wechat"));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "pay");
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window))), "20");
  g_assert_true (act (f, "sale.pay-confirm", NULL));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥32.40");
  g_assert_true (act (f, "sale.pay", "s", "cash"));
  g_assert_true (act (f, "sale.cash-quick", "i", 10000));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->change_fen, ==, 6760);
  g_assert_cmpstr (axw_feedback_get_last_spoken (fb), ==, "Change ¥67.60");
  g_assert_cmpint (sale->payments->len, ==, 2);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(amount_fen) FROM payments"), ==, 5240);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs"), ==, 1);
  g_assert_true (act (f, "sale.reprint", NULL));
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs"), ==, 2);

  /* the held 矿泉水 sale is still there; Escape from done starts anew */
  g_assert_true (act (f, "sale.back", NULL));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "cart");
  g_assert_true (act (f, "sale.recall", NULL));
  g_assert_cmpuint (n_rows (f), ==, 1);

  /* quick switch of cashier keeps the cart */
  g_assert_true (act (f, "sale.switch-cashier", NULL));
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");
  ui_login_touch (f, "王店长", "8888");
  g_assert_cmpstr (axw_sale_view_get_staff (f->sale)->name, ==, "王店长");
  g_assert_cmpuint (n_rows (f), ==, 1);
}

static void
test_login_lockout (UiFixture     *f,
                    gconstpointer  data)
{
  AxwFeedback *fb = axw_application_get_feedback (f->app);

  for (int i = 0; i < 4; i++)
    {
      ui_login_touch (f, "小林", "9999");
      g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");
      g_assert_cmpstr (axw_login_view_get_page (f->login), ==, "pin");
    }
  g_assert_cmpuint (axw_feedback_get_n_played (fb, AXW_SOUND_ERROR), ==, 4);
  ui_login_touch (f, "小林", "9999");
  /* locked now: even the right PIN is refused */
  ui_login_touch (f, "小林", "1234");
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT locked_until IS NOT NULL FROM staff WHERE name = '小林'"),
                                 ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->login), "login.back", NULL));
  g_assert_cmpstr (axw_login_view_get_page (f->login), ==, "staff");
}

/* Per-staff settings are saved and come back at the next login. */
static void
test_prefs (UiFixture     *f,
            gconstpointer  data)
{
  ui_login_touch (f, "小林", "1234");
  g_assert_true (act (f, "sale.settings", NULL));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "prefs");
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_cmpint (axw_application_get_font_scale (f->app), ==, 100);
  g_assert_cmpint (ui_query_int (f, "SELECT font_scale_pct FROM staff WHERE name = '小林'"), ==,
                   100);
  {
    g_autoptr(AxwStaff) s = axw_staff_find (axw_application_get_db (f->app), "小林", NULL);

    s->font_scale_pct = 150;
    s->high_contrast = TRUE;
    g_assert_true (axw_staff_save_prefs (axw_application_get_db (f->app), s, NULL));
  }
  g_assert_true (act (f, "sale.switch-cashier", NULL));
  ui_login_touch (f, "小林", "1234");
  g_assert_cmpint (axw_application_get_font_scale (f->app), ==, 150);
  g_assert_true (axw_application_get_high_contrast (f->app));
  g_assert_true (act (f, "sale.switch-cashier", NULL));
  ui_login_touch (f, "王店长", "8888");
  g_assert_cmpint (axw_application_get_font_scale (f->app), ==, 100);
  g_assert_false (axw_application_get_high_contrast (f->app));
}

static gboolean
is_label_with (GtkWidget     *w,
               gconstpointer  data)
{
  return GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), data) != NULL;
}

/* A screen reader runs (org.a11y.Status.ScreenReaderEnabled, followed by
 * AxwFeedback; test-orca sets it on the bus): the program's own speech,
 * on for this cashier, stays quiet, and the settings say why. */
static void
test_screen_reader (UiFixture     *f,
                    gconstpointer  data)
{
  AxwFeedback *fb = axw_application_get_feedback (f->app);
  GtkWidget *note;

  ui_login_touch (f, "小林", "1234");
  axw_feedback_set_speech (fb, TRUE);
  axw_feedback_set_screen_reader (fb, TRUE);
  search_and_add (f, "csr");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_null (axw_feedback_get_last_spoken (fb));

  g_assert_true (act (f, "sale.settings", NULL));
  note = ui_find (GTK_WIDGET (f->window), is_label_with, "A screen reader is running");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_is_visible (note));
  ui_save_png (GTK_WIDGET (f->window), "sale-settings-screen-reader.png");
  g_assert_true (act (f, "sale.back", NULL));

  /* the screen reader stops: the program speaks again */
  axw_feedback_set_screen_reader (fb, FALSE);
  g_assert_false (gtk_widget_get_visible (note));
  search_and_add (f, "csr");
  g_assert_true (g_str_has_prefix (axw_feedback_get_last_spoken (fb), "赤松茸 × 2"));
}

static GtkWindow *manager_window;

static GtkWindow *
make_manager_window (AxwApplication *app,
                     const AxwStaff *manager)
{
  g_assert_cmpstr (manager->name, ==, "王店长");
  manager_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (manager_window, "manager");
  return manager_window;
}

/* Only managers open the manager screens, once another part registered them. */
static void
test_manager_hook (UiFixture     *f,
                   gconstpointer  data)
{
  GtkWidget *w = GTK_WIDGET (f->window);

  ui_login_touch (f, "小林", "1234");
  g_assert_true (gtk_widget_activate_action (w, "win.manager", NULL));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner"), ==,
                   "Only a manager can open the manager screens");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.switch-cashier", NULL));
  ui_login_touch (f, "王店长", "8888");
  /* the real manager window is registered at startup and opens over the counter */
  g_assert_true (axw_application_get_manager_window_func (f->app) == axw_manager_window_open);
  g_assert_true (gtk_widget_activate_action (w, "win.manager", NULL));
  ui_pump (50);
  {
    g_autoptr(GList) tops = gtk_window_list_toplevels ();
    GtkWindow *real = NULL;

    for (GList *l = tops; l; l = l->next)
      if (AXW_IS_MANAGER_WINDOW (l->data))
        real = l->data;
    g_assert_nonnull (real);
    g_assert_true (gtk_window_get_transient_for (real) == GTK_WINDOW (f->window));
    gtk_window_destroy (real);
  }
  axw_application_set_manager_window_func (f->app, NULL);
  g_assert_true (gtk_widget_activate_action (w, "win.manager", NULL));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner"), ==,
                   "The manager screens are not installed");
  axw_application_set_manager_window_func (f->app, make_manager_window);
  g_assert_true (gtk_widget_activate_action (w, "win.manager", NULL));
  ui_pump (50);
  g_assert_nonnull (manager_window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (manager_window)));
  g_assert_true (gtk_window_get_transient_for (manager_window) == GTK_WINDOW (f->window));
  gtk_window_destroy (manager_window);
}

/* A stand-in for a pinyin input method: lowercase letters go into the
 * preedit, a digit picks a candidate (commits 拼), Enter commits the
 * letters. It counts every key it is shown. */
typedef struct { GtkIMContext parent; GString *preedit; } FakePinyin;
typedef struct { GtkIMContextClass parent_class; } FakePinyinClass;

static guint fake_pinyin_keys;
static GType fake_pinyin_get_type (void);
G_DEFINE_TYPE (FakePinyin, fake_pinyin, GTK_TYPE_IM_CONTEXT)

static gboolean
fake_pinyin_filter (GtkIMContext *context,
                    GdkEvent     *event)
{
  FakePinyin *self = (FakePinyin *) context;
  guint keyval;

  if (gdk_event_get_event_type (event) != GDK_KEY_PRESS)
    return FALSE;
  keyval = gdk_key_event_get_keyval (event);
  /* modifiers come through as they are pressed; they type nothing */
  if (gdk_key_event_is_modifier (event))
    return FALSE;
  fake_pinyin_keys++;
  if (keyval >= GDK_KEY_a && keyval <= GDK_KEY_z)
    {
      g_string_append_c (self->preedit, (char) keyval);
      g_signal_emit_by_name (context, "preedit-changed");
      return TRUE;
    }
  if (self->preedit->len == 0)
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    g_signal_emit_by_name (context, "commit", "拼");
  else if (keyval == GDK_KEY_Return)
    g_signal_emit_by_name (context, "commit", self->preedit->str);
  else
    return FALSE;
  g_string_truncate (self->preedit, 0);
  g_signal_emit_by_name (context, "preedit-changed");
  return TRUE;
}

static void
fake_pinyin_get_preedit (GtkIMContext   *context,
                         char          **str,
                         PangoAttrList **attrs,
                         int            *cursor)
{
  FakePinyin *self = (FakePinyin *) context;

  if (str)
    *str = g_strdup (self->preedit->str);
  if (attrs)
    *attrs = pango_attr_list_new ();
  if (cursor)
    *cursor = (int) self->preedit->len;
}

static void
fake_pinyin_reset (GtkIMContext *context)
{
  g_string_truncate (((FakePinyin *) context)->preedit, 0);
}

static void
fake_pinyin_finalize (GObject *object)
{
  g_string_free (((FakePinyin *) object)->preedit, TRUE);
  G_OBJECT_CLASS (fake_pinyin_parent_class)->finalize (object);
}

static void
fake_pinyin_class_init (FakePinyinClass *klass)
{
  GTK_IM_CONTEXT_CLASS (klass)->filter_keypress = fake_pinyin_filter;
  GTK_IM_CONTEXT_CLASS (klass)->get_preedit_string = fake_pinyin_get_preedit;
  GTK_IM_CONTEXT_CLASS (klass)->reset = fake_pinyin_reset;
  G_OBJECT_CLASS (klass)->finalize = fake_pinyin_finalize;
}

static void
fake_pinyin_init (FakePinyin *self)
{
  self->preedit = g_string_new (NULL);
}

/* Scans still work while a Chinese input method is composing: the method
 * sees at most the first character of a burst. */
static void
test_scan_with_ime (UiFixture     *f,
                    gconstpointer  data)
{
  guint before;

  /* registered here: tests that type come before this one */
  g_io_extension_point_implement ("gtk-im-module", fake_pinyin_get_type (), "axw-fake-pinyin", 0);
  g_object_set (gtk_settings_get_default (), "gtk-im-module", "axw-fake-pinyin", NULL);
  ui_focus_window (f);
  ui_login_touch (f, "小林", "1234");
  /* the cashier started typing pinyin in the code entry */
  ui_type ("cs", 120, FALSE);
  g_assert_cmpuint (fake_pinyin_keys, >=, 2);
  before = fake_pinyin_keys;
  ui_scan ("6971234560018");
  g_assert_cmpuint (fake_pinyin_keys - before, <=, 1);
  g_assert_cmpuint (axw_window_get_n_scans (f->window), ==, 1);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_name), ==, "赤松茸");
  /* the digit the method turned into a candidate is taken back too */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window)))),
                   ==, "");

  /* a red packet code has letters: none of them reach the input method */
  before = fake_pinyin_keys;
  ui_scan ("HB20260001");
  g_assert_cmpuint (fake_pinyin_keys - before, <=, 1);
  g_assert_true (axw_sale_view_get_quote (f->sale)->red_packet->accepted);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window)))),
                   ==, "");
  g_object_set (gtk_settings_get_default (), "gtk-im-module", NULL, NULL);
}

/* Ctrl+? (or the guide's button) opens the list of keys, made from the
 * same accelerators. */
static void
test_help_overlay (UiFixture     *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *help = NULL;

  ui_login_touch (f, "小林", "1234");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "win.show-help-overlay", NULL));
  ui_pump (200);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (w))
        help = w;
    }
  g_assert_nonnull (help);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  gtk_window_close (help);
  ui_pump (50);
}

/* The staff's guide shown over @parent, waited for up to 5 s. */
static AxwHelpWindow *
wait_help (GtkWindow *parent)
{
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GList) tops = gtk_window_list_toplevels ();

      for (GList *l = tops; l; l = l->next)
        if (AXW_IS_HELP_WINDOW (l->data) && gtk_widget_get_visible (l->data) &&
            gtk_window_get_transient_for (l->data) == parent)
          return l->data;
      ui_pump (50);
    }
  return NULL;
}

/* The pictures under @w that have something to draw. */
static guint
count_pictures (GtkWidget *w)
{
  GdkPaintable *p = GTK_IS_PICTURE (w) ? gtk_picture_get_paintable (GTK_PICTURE (w)) : NULL;
  guint n = p && gdk_paintable_get_intrinsic_width (p) > 0;

  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    n += count_pictures (c);
  return n;
}

static gboolean
is_help_button (GtkWidget     *w,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)) &&
         strstr (gtk_button_get_label (GTK_BUTTON (w)), "F1");
}

/* F1 shows the staff's guide, docs/使用说明.md as it is in the source with
 * every screenshot it shows (built in: a kiosk has no browser), over the
 * counter by the key and over the manager window by its 帮助 button. */
static void
test_help_guide (UiFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("AIXINWU_SRCDIR"), "docs", "使用说明.md",
                                            NULL);
  g_autofree char *source = NULL;
  g_autoptr(GBytes) built_in = g_resources_lookup_data (AXW_HELP_GUIDE_RESOURCE, 0, NULL);
  AxwHelpWindow *help;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  AxwManagerWindow *manager;

  g_assert_true (g_file_get_contents (path, &source, NULL, NULL));
  g_assert_nonnull (built_in);
  g_assert_cmpstr (g_bytes_get_data (built_in, NULL), ==, source);

  ui_login_touch (f, "小林", "1234");
  ui_focus_window (f);
  ui_press (XK_F1);
  help = wait_help (GTK_WINDOW (f->window));
  g_assert_nonnull (help);
  buffer = gtk_text_view_get_buffer (axw_help_window_get_view (help));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (axw_test_contains (text, "爱心屋收银台 使用说明"));
  g_assert_true (axw_test_contains (text, "按 F1"));
  g_assert_true (axw_test_contains (text, "扫商品　·　扫码枪直接扫"));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "](images/"));
  g_assert_null (strstr (text, "| --- |"));
  /* every screenshot of the guide, drawn */
  g_assert_cmpuint (axw_help_window_get_n_images (help), ==, 7);
  g_assert_cmpuint (count_pictures (GTK_WIDGET (axw_help_window_get_view (help))), ==, 7);
  ui_save_png (GTK_WIDGET (help), "help-guide.png");
  gtk_window_destroy (GTK_WINDOW (help));
  ui_pump (50);

  manager = axw_manager_window_new (GTK_WINDOW (f->window), axw_application_get_db (f->app),
                                    "王店长");
  gtk_window_present (GTK_WINDOW (manager));
  ui_pump (200);
  gtk_widget_activate (ui_find (GTK_WIDGET (manager), is_help_button, NULL));
  help = wait_help (GTK_WINDOW (manager));
  g_assert_nonnull (help);
  g_assert_cmpuint (axw_help_window_get_n_images (help), ==, 7);
  gtk_window_destroy (GTK_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (manager));
  ui_pump (50);
}

/* English by choice: the window is made again in the other language. */
static void
test_language (UiFixture     *f,
               gconstpointer  data)
{
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Aixinwu POS");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->login), "login.language", NULL));
  ui_pump (100);
  f->window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "爱心屋收银台");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (axw_window_get_login_view (f->window)),
                                             "login.language", NULL));
  ui_pump (100);
  f->window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Aixinwu POS");
}

static void
test_wav (void)
{
  for (AxwSound s = 0; s < AXW_N_SOUNDS; s++)
    {
      g_autoptr(GBytes) wav = axw_feedback_render_wav (s);
      const guint8 *d = g_bytes_get_data (wav, NULL);
      guint32 data_len = d[40] | d[41] << 8 | d[42] << 16 | (guint32) d[43] << 24;

      g_assert_cmpmem (d, 4, "RIFF", 4);
      g_assert_cmpmem (d + 8, 8, "WAVEfmt ", 8);
      g_assert_cmpuint (data_len + 44, ==, g_bytes_get_size (wav));
      /* 16-bit mono at 22 050 Hz: between 50 ms and half a second */
      g_assert_cmpuint (data_len, <=, 22050);
      g_assert_cmpuint (data_len, >=, 2205);
    }
}

/* The sound player is a program of the system's: it gets the tone's WAV
 * file, /dev/null for its output, and none of the counter's other files
 * (an fd ≥ 50 here stands for the database and the X connection). */
static void
test_player (void)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-player-XXXXXX", NULL);
  g_autofree char *player = g_build_filename (dir, "paplay", NULL);
  g_autofree char *out = g_build_filename (dir, "played", NULL);
  int fd = fcntl (0, F_DUPFD, 50);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nexec 3>\"%s.tmp\"\n"
                                             "out=$(readlink /proc/$$/fd/1)\necho \"$1\" >&3\necho "
                                             "\"$out\" >&3\n"
                                             "[ -e /proc/$$/fd/%d ] && echo leaked >&3\n"
                                             "exec 3>&-\nmv \"%s.tmp\" \"%s\"\n", out, fd, out,
                                             out);
  g_autofree char *path = g_strconcat (dir, ":", g_getenv ("PATH"), NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *played = NULL;
  g_autoptr(AxwFeedback) fb = NULL;
  gint64 end;

  g_assert_cmpint (fd, >=, 50);
  g_assert_true (g_file_set_contents (player, script, -1, NULL));
  g_assert_cmpint (g_chmod (player, 0755), ==, 0);
  g_setenv ("PATH", path, TRUE);
  fb = axw_feedback_new ();
  g_setenv ("PATH", old_path, TRUE);
  axw_feedback_play (fb, AXW_SOUND_SCAN, NULL);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (out, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_get_contents (out, &played, NULL, NULL));
  g_assert_true (g_str_has_suffix (strtok (played, "\n"), "/aixinwu/sounds/scan.wav"));
  g_assert_cmpstr (strtok (NULL, "\n"), ==, "/dev/null");
  g_assert_null (strtok (NULL, "\n"));
  close (fd);
  g_unlink (out);
  g_unlink (player);
  g_rmdir (dir);
}

/* A held sale is in the database: it survives a restart and a change of
 * cashier, recalling takes it out, and it is sold like any other. */
static void
test_held_restart (UiFixture     *f,
                   gconstpointer  data)
{
  const AxwSale *sale;
  gint64 stock;

  ui_login_touch (f, "小林", "1234");
  stock = ui_query_int (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'");
  axw_sale_view_scan (f->sale, "6971234560018");
  axw_sale_view_scan (f->sale, "6971234560018");
  axw_sale_view_scan (f->sale, "6971234560025");
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_true (act (f, "sale.hold", NULL));
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sales WHERE staff = '小林'"), ==, 1);
  /* held is not sold: no sale, no stock taken */
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, 0);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, stock);

  ui_restart (f);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "login");
  ui_login_touch (f, "王店长", "8888");
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
  g_assert_cmpuint (n_rows (f), ==, 0);
  ui_save_png (GTK_WIDGET (f->window), "sale-held-after-restart.png");
  g_assert_true (act (f, "sale.recall", NULL));
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_name), ==, "赤松茸");
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_qty), ==, "2");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner"), ==, "Held sale recalled");
  /* recalled means gone from the database */
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sales"), ==, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sale_lines"), ==, 0);
  g_assert_true (act (f, "sale.recall", NULL));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner"), ==, "No sale is on hold");
  g_assert_cmpuint (n_rows (f), ==, 2);

  /* 爱心月 10 %: 56.00 − 5.60 + 12.80 − 1.28 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥61.92");
  /* money taken: the sale can no longer be parked */
  g_assert_true (act (f, "sale.pay", "s", "wechat"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window))), "20");
  g_assert_true (act (f, "sale.pay-confirm", NULL));
  g_assert_true (act (f, "sale.hold", NULL));
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "finish it first"));
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sales"), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_true (act (f, "sale.pay", "s", "cash"));
  g_assert_true (act (f, "sale.cash-quick", "i", 10000));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_nonnull (sale);
  g_assert_cmpint (sale->total_fen, ==, 6192);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM sales WHERE staff_name = '王店长' AND "
                                 "total_fen = 6192"),
                   ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(amount_fen) FROM payments"), ==, 6192);
  g_assert_cmpint (ui_query_int (f, "SELECT amount_fen FROM payments WHERE method = 'wechat'"), ==,
                   2000);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(qty_milli) FROM sale_lines"), ==, 3000);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, stock - 2000);
}

/* A scale label (PLU 1001 散装红枣, ¥12.34 printed on it) held with F6 and
 * recalled with F7 comes back at its label's price, not at ¥0. */
static void
test_held_weighed (UiFixture     *f,
                   gconstpointer  data)
{
  const AxwSale *sale;
  g_autofree char *total = NULL;

  ui_focus_window (f);
  ui_login_touch (f, "小林", "1234");
  ui_scan ("2001001012342");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpint (axw_sale_get_line ((AxwSale *) axw_sale_view_get_quote (f->sale), 0)->gross_fen,
                   ==, 1234);
  /* 爱心月 10 %: 12.34 − 1.23 */
  total = g_strdup (axw_sale_view_get_text (f->sale, "total"));
  g_assert_cmpstr (total, ==, "¥11.11");
  ui_press (XK_F6);
  g_assert_cmpuint (n_rows (f), ==, 0);
  ui_press (XK_F7);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpint (axw_sale_get_line ((AxwSale *) axw_sale_view_get_quote (f->sale), 0)->gross_fen,
                   ==, 1234);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, total);
  g_assert_cmpstr (row_text (f, 0, axw_cart_row_get_amount), ==, "¥11.11");
  ui_save_png (GTK_WIDGET (f->window), "sale-held-weighed-recalled.png");

  ui_press (XK_F12);
  ui_press (XK_Return);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->total_fen, ==, 1111);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT gross_fen FROM sale_lines WHERE barcode = '2001001012342'"), ==, 1234);
}

static gboolean
is_remove_payment (GtkWidget     *w,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (w) && gtk_widget_get_mapped (w) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)),
                    "sale.remove-payment") == 0;
}

/* How many part payments the pay page lists (each has its Remove button). */
static guint
n_payments_shown (UiFixture *f)
{
  GtkWidget *button = ui_find (GTK_WIDGET (f->sale), is_remove_payment, NULL);
  guint n = 0;

  for (GtkWidget *row = button
       ? gtk_widget_get_parent (button) : NULL; row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
pay_typed (UiFixture  *f,
           const char *method,
           const char *yuan)
{
  g_assert_true (act (f, "sale.pay", "s", method));
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window))), yuan);
  g_assert_true (act (f, "sale.pay-confirm", NULL));
}

/* Another terminal sells with red packet HB20260001 on its own connection. */
static void
redeem_elsewhere (UiFixture  *f,
                  const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) other = axw_db_open (f->db_path, &error);
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) water = NULL;
  g_autoptr(GDateTime) day = ui_love_day ();
  g_autoptr(AxwSale) sale = NULL;
  AxwPayment cash = { AXW_PAY_CASH, 10000, 10000 };

  g_assert_no_error (error);
  water = axw_checkout_item_from_scan (other, "6971234560018", 0, &error);
  g_assert_no_error (error);
  axw_cart_add (cart, water);
  axw_cart_set_voucher_code (cart, code);
  sale = axw_checkout_commit (other, cart, day, "王店长", &cash, 1, &error);
  g_assert_no_error (error);
}

/* 小林 logs in and scans @barcode and the red packet @code. */
static void
start_with_red_packet (UiFixture  *f,
                       const char *barcode,
                       const char *code)
{
  ui_login_touch (f, "小林", "1234");
  axw_sale_view_scan (f->sale, barcode);
  axw_sale_view_scan (f->sale, code);
  g_assert_true (axw_sale_view_get_quote (f->sale)->red_packet->accepted);
}

/* The red packet is taken by another terminal while the customer pays:
 * the commit fails, and the WeChat payment that would have finished the
 * sale is not kept (it would leave "due ¥0", and counted twice when
 * taken again). The store wrote nothing; the screen is as it was before
 * that payment and says what to do. */
static void
test_failed_commit_leaves_no_payment (UiFixture     *f,
                                      gconstpointer  data)
{
  const AxwSale *sale;

  start_with_red_packet (f, "6971234560018", "HB20260001");
  /* 28.00 − 爱心月 2.80 − red packet 10.00 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥15.20");
  pay_typed (f, "cash", "5");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥10.20");

  redeem_elsewhere (f, "HB20260001");
  g_assert_true (act (f, "sale.pay", "s", "wechat"));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥10.20");
  g_assert_true (act (f, "sale.pay-confirm", NULL));
  ui_save_png (GTK_WIDGET (f->window), "sale-commit-failed.png");
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "pay");
  /* the store has only the other terminal's sale */
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM payments"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM payments WHERE method = 'wechat'"), ==,
                   0);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'sale'"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM redemptions"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM outbox"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM print_jobs"), ==, 1);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sale_lines"), ==, 1);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "already used"));
  /* the cashier presses WeChat again: the same ¥10.20 is due, only the cash is kept */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥10.20");
  g_assert_true (act (f, "sale.pay", "s", "wechat"));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥10.20");
  g_assert_cmpuint (n_payments_shown (f), ==, 1);

  /* without the red packet the rest is ¥20.20, taken once */
  g_assert_true (act (f, "sale.back", NULL));
  g_assert_true (act (f, "sale.remove-red-packet", NULL));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥25.20");
  g_assert_true (act (f, "sale.pay", "s", "wechat"));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥20.20");
  g_assert_true (act (f, "sale.pay-confirm", NULL));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->payments->len, ==, 2);
  g_assert_cmpint (axw_sale_paid_fen (sale), ==, 2520);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM payments WHERE method = 'wechat'"), ==,
                   1);
  g_assert_cmpint (ui_query_int (f, "SELECT amount_fen FROM payments WHERE method = 'wechat'"), ==,
                   2020);
}

/* A closed day refuses the sale: nothing written, no payment kept. */
static void
test_closed_day_leaves_no_payment (UiFixture     *f,
                                   gconstpointer  data)
{
  ui_login_touch (f, "小林", "1234");
  axw_sale_view_scan (f->sale, "6971234560025");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) day = ui_love_day ();
    g_autoptr(AxwReport) z = axw_reports_close_day (axw_application_get_db (f->app), NULL, "王店长",
                                                    day, &error);

    g_assert_no_error (error);
  }
  g_assert_true (act (f, "sale.pay", "s", "cash"));
  g_assert_true (act (f, "sale.cash-quick", "i", 10000));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "pay");
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM sales"), ==, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM payments"), ==, 0);
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "already closed"));
  /* F12 again: all of it is still due, the ¥100 was not kept */
  g_assert_true (act (f, "sale.pay", "s", "cash"));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥11.52");
  g_assert_cmpuint (n_payments_shown (f), ==, 0);
  g_assert_true (act (f, "sale.cash-quick", "i", 10000));
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"),
                            "The payment Cash ¥100.00 is not recorded"));
}

/* A part payment taken by mistake comes off again before the sale is
 * committed: by touch (its Remove button) and by keyboard (Shift+Tab from
 * the amount to the button, Space). */
static void
test_remove_part_payment (UiFixture     *f,
                          gconstpointer  data)
{
  GtkWidget *remove;
  const AxwSale *sale;

  ui_focus_window (f);
  ui_login_touch (f, "小林", "1234");
  axw_sale_view_scan (f->sale, "6971234560025");
  /* 12.80 − 爱心月 1.28 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥11.52");
  pay_typed (f, "cash", "5");
  pay_typed (f, "wechat", "3");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥3.52");
  g_assert_cmpuint (n_payments_shown (f), ==, 2);
  remove = ui_find (GTK_WIDGET (f->sale), is_remove_payment, NULL);
  g_assert_cmpint (gtk_widget_get_width (remove), >=, 48);
  g_assert_cmpint (gtk_widget_get_height (remove), >=, 48);
  ui_save_png (GTK_WIDGET (f->window), "sale-part-payments.png");

  /* touch: the cash payment's button */
  gtk_widget_activate (remove);
  ui_pump (400);    /* a button's activation shows itself pressed for 250 ms */
  g_assert_cmpuint (n_payments_shown (f), ==, 1);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥8.52");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner"), ==,
                   "Payment removed: Cash ¥5.00 no longer counts for this sale; give it back to "
                   "the customer. "
                   "Still due: ¥8.52");

  /* keyboard: the WeChat payment's button is just before the amount */
  ui_press_with (XK_Shift_L, XK_Tab);
  remove = ui_find (GTK_WIDGET (f->sale), is_remove_payment, NULL);
  g_assert_true (gtk_widget_has_focus (remove));
  ui_press (XK_space);
  g_assert_cmpuint (n_payments_shown (f), ==, 0);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥11.52");
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "WeChat Pay ¥3.00"));

  /* nothing of either was written; the sale is paid in cash alone */
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM payments"), ==, 0);
  g_assert_true (act (f, "sale.pay", "s", "cash"));
  g_assert_true (act (f, "sale.pay-confirm", NULL));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->payments->len, ==, 1);
  g_assert_cmpint (ui_query_int (f,
                                 "SELECT count(*) FROM payments WHERE method = 'cash' AND "
                                 "amount_fen = 1152 "
                                    "AND tendered_fen = 1152"), ==, 1);
}

/* A red packet that pays for everything leaves ¥0 to pay: Enter alone
 * finishes the sale, with no money taken. */
static void
test_red_packet_pays_all (UiFixture     *f,
                          gconstpointer  data)
{
  const AxwSale *sale;

  start_with_red_packet (f, "6971234560049", "HB20260001");
  /* 8.50 − 爱心月 0.85 − red packet 7.65 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥0.00");
  g_assert_true (act (f, "sale.pay", "s", "cash"));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "due"), ==, "Due ¥0.00");
  g_assert_true (act (f, "sale.pay-confirm", NULL));
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->total_fen, ==, 0);
  g_assert_cmpint (sale->change_fen, ==, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT red_packet_fen FROM sales"), ==, 765);
  g_assert_cmpint (ui_query_int (f, "SELECT coalesce (sum (amount_fen), 0) FROM payments"), ==, 0);
}

/* Every type of the counter is freed when its last reference goes. */
static void
test_finalize (void)
{
  AxwLine line = { .name = (char *) "赤松茸", .barcode = (char *) "6971234560018",
    .qty_milli = 2000,
                   .unit_price_fen = 2800, .net_fen = 5040, .promo_fen = 560,
                   .promotion = (char *) "爱心月" };
  AxwProduct product = { .name = (char *) "散装红枣", .plu = (char *) "1001", .price_fen = 2400,
                         .per_kg = TRUE, .origin = (char *) "甘肃和政", .pinyin = (char *) "szhz" };
  AxwCartRow *row = axw_cart_row_new (&line);
  AxwProductRow *found = axw_product_row_new (&product);

  g_assert_cmpstr (axw_cart_row_get_amount (row), ==, "¥50.40");
  g_assert_cmpstr (axw_cart_row_get_promotion (row), ==, "爱心月 −\u2060¥5.60");
  g_assert_cmpstr (axw_product_row_get_code (found), ==, "1001");
  g_assert_cmpstr (axw_product_row_get_price (found), ==, "¥24.00/kg");
  g_assert_finalize_object (row);
  g_assert_finalize_object (found);
  g_assert_finalize_object (axw_feedback_new ());
  g_assert_finalize_object (g_object_ref_sink (axw_keypad_new ()));
  g_assert_finalize_object (g_object_ref_sink (g_object_new (AXW_TYPE_LOGIN_VIEW, NULL)));
  g_assert_finalize_object (g_object_ref_sink (g_object_new (AXW_TYPE_SALE_VIEW, NULL)));
}

/* The burst rules, on timestamps alone. */
typedef struct {
  const char *name;
  const char *keys;      /* '\n' is Enter */
  int         gap_ms;
  const char *scan;      /* expected code, or NULL */
  const char *pending;   /* what a person typed and must get back */
} BurstCase;

static const BurstCase bursts[] = {
  { "ean13", "6971234560018\n", 10, "6971234560018", NULL },
  { "six", "123456\n", 25, "123456", NULL },
  { "five-is-typing", "12345\n", 10, NULL, "2345" },
  { "slow-is-typing", "6971234560018\n", 45, NULL, NULL },
  { "gap-at-limit", "6971234560018\n", 30, NULL, NULL },
  { "no-enter", "abcdef", 10, NULL, NULL },
};

static void
test_burst (gconstpointer data)
{
  const BurstCase *c = data;
  AxwScanDetector d;
  g_autofree char *code = NULL;
  g_autofree char *pending = NULL;
  guint32 t = 1000;

  axw_scan_detector_init (&d);
  for (const char *k = c->keys; *k; k++, t += c->gap_ms)
    {
      if (*k == '\n')
        {
          if (axw_scan_detector_feed_enter (&d, t, &code) != AXW_SCAN_DONE)
            pending = axw_scan_detector_take_pending (&d);
        }
      else
        axw_scan_detector_feed_char (&d, *k, t);
    }
  g_assert_cmpstr (code, ==, c->scan);
  if (c->keys[strlen (c->keys) - 1] != '\n')
    {
      axw_scan_detector_interrupt (&d);
      pending = axw_scan_detector_take_pending (&d);
      g_assert_cmpstr (pending, ==, c->keys + 1);
    }
  else
    g_assert_cmpstr (pending, ==, c->pending);
  axw_scan_detector_clear (&d);
}

/* A clock set back past the last sale is told on the sale screen, both
 * times in the shop's zone although this machine runs on UTC. */
static void
test_clock_behind (UiFixture     *f,
                   gconstpointer  data)
{
  g_autofree char *machine_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 12, 12, 3, 0, 0);   /* 11:00 in Xiamen */
  const char *text;

  g_setenv ("TZ", "UTC", TRUE);
  axw_sale_free (axw_test_sell (axw_application_get_db (f->app), "2026-12-12T10:30:00+08:00",
                                "6971234560018", 1000, 5000));
  ui_login_touch (f, "小林", "1234");          /* the clock says 10:00 */
  text = axw_sale_view_get_text (f->sale, "banner");
  g_assert_nonnull (strstr (text, "2026-12-12 10:00"));
  g_assert_nonnull (strstr (text, "2026-12-12 10:30"));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  ui_save_png (GTK_WIDGET (f->window), "sale-clock-behind.png");

  axw_sale_view_set_clock (f->sale, later);
  gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.new-sale", NULL);
  g_assert_null (strstr (axw_sale_view_get_text (f->sale, "banner"), "10:30"));
  if (machine_tz != NULL)
    g_setenv ("TZ", machine_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bursts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scan/burst/%s", bursts[i].name);

      g_test_add_data_func (path, &bursts[i], test_burst);
    }
  g_test_add ("/sale/keyboard", UiFixture, NULL, ui_setup, test_keyboard_sale, ui_teardown);
  g_test_add ("/sale/clock-behind-last-sale", UiFixture, NULL, ui_setup, test_clock_behind,
              ui_teardown);
  g_test_add ("/sale/typed-code", UiFixture, NULL, ui_setup, test_typed_code, ui_teardown);
  g_test_add ("/sale/hb-code-is-goods-unless-red-packet", UiFixture, NULL, ui_setup, test_hb_code,
              ui_teardown);
  g_test_add ("/sale/touch", UiFixture, NULL, ui_setup, test_touch_sale, ui_teardown);
  g_test_add ("/login/lockout", UiFixture, NULL, ui_setup, test_login_lockout, ui_teardown);
  g_test_add ("/sale/large-text-cart", UiFixture, NULL, ui_setup, test_large_text_cart,
              ui_teardown);
  g_test_add ("/login/prefs", UiFixture, NULL, ui_setup, test_prefs, ui_teardown);
  g_test_add ("/sale/screen-reader-quiets-speech", UiFixture, NULL, ui_setup, test_screen_reader,
              ui_teardown);
  g_test_add ("/login/language", UiFixture, NULL, ui_setup, test_language, ui_teardown);
  g_test_add ("/sale/scan-with-ime", UiFixture, NULL, ui_setup, test_scan_with_ime, ui_teardown);
  g_test_add ("/sale/manager-hook", UiFixture, NULL, ui_setup, test_manager_hook, ui_teardown);
  g_test_add ("/sale/help-overlay", UiFixture, NULL, ui_setup, test_help_overlay, ui_teardown);
  g_test_add ("/sale/help-guide", UiFixture, NULL, ui_setup, test_help_guide, ui_teardown);
  g_test_add ("/sale/held-survives-restart", UiFixture, NULL, ui_setup, test_held_restart,
              ui_teardown);
  g_test_add ("/sale/held-weighed-keeps-price", UiFixture, NULL, ui_setup, test_held_weighed,
              ui_teardown);
  g_test_add ("/sale/failed-commit-leaves-no-payment", UiFixture, NULL, ui_setup,
              test_failed_commit_leaves_no_payment, ui_teardown);
  g_test_add ("/sale/closed-day-leaves-no-payment", UiFixture, NULL, ui_setup,
              test_closed_day_leaves_no_payment, ui_teardown);
  g_test_add ("/sale/remove-part-payment", UiFixture, NULL, ui_setup, test_remove_part_payment,
              ui_teardown);
  g_test_add ("/sale/red-packet-pays-all", UiFixture, NULL, ui_setup, test_red_packet_pays_all,
              ui_teardown);
  g_test_add_func ("/feedback/wav", test_wav);
  g_test_add_func ("/feedback/player", test_player);
  g_test_add_func ("/types/finalize", test_finalize);
  g_test_add_func ("/sale/cell-measures-again", test_cell_measures_again);
  g_test_add_func ("/sale/cell-width-any-height", test_cell_width_any_height);
  g_test_add ("/sale/idle-draws-nothing", UiFixture, NULL, ui_setup, test_idle_draws_nothing,
              ui_teardown);

  return g_test_run ();
}
