/* test-donation-ui.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Donations on the real sale screen under Xvfb (docs/design.md §15): 一元捐
 * and round-up by the keyboard alone (Ctrl+D, Ctrl+U through the X server)
 * and by touch (the buttons of AxwDonationBar), ending with the donation
 * stored apart from the goods.
 */
#include "axw-donation-bar.h"
#include "axw-funds.h"
#include "axw-ui-test-lib.h"

static gboolean
is_donate_button (GtkWidget     *w,
                  gconstpointer  target)
{
  GVariant *t;

  if (!GTK_IS_BUTTON (w) || g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "sale.donate") != 0)
    return FALSE;
  t = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w));
  return t != NULL && g_str_equal (g_variant_get_string (t, NULL), target);
}

static gboolean
is_donation_bar (GtkWidget     *w,
                 gconstpointer  data)
{
  return AXW_IS_DONATION_BAR (w);
}

static const char *
bar_text (UiFixture *f)
{
  GtkWidget *bar = ui_find (GTK_WIDGET (f->sale), is_donation_bar, NULL);
  GtkWidget *label;

  g_assert_nonnull (bar);
  label = gtk_widget_get_first_child (bar);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static void
test_keyboard (UiFixture     *f,
               gconstpointer  data)
{
  const AxwSale *sale;
  g_autofree char *sql = NULL;

  ui_focus_window (f);
  ui_press (XK_Return);
  ui_type ("1234", 120, TRUE);
  ui_wait_login (f);
  ui_scan ("6971234560018");
  /* 赤松茸 ¥28.00 − 爱心月 10 % */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥25.20");

  ui_press_ctrl (XK_d);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 100);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥26.20");
  g_assert_cmpstr (bar_text (f), ==, "♥ Donation ¥1.00 to 集美区助残爱心基金 — thank you");
  /* the line's price and promotion are as before */
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->net_fen, ==, 2520);

  ui_press_ctrl (XK_d);   /* again: taken off */
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 0);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥25.20");
  g_assert_cmpstr (bar_text (f), ==, "");

  ui_press_ctrl (XK_u);   /* round up to ¥26.00 */
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 80);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥26.00");

  ui_press (XK_F12);
  ui_type ("30", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->change_fen, ==, 400);
  sql = g_strdup_printf ("SELECT d.amount_fen FROM donations d JOIN funds f ON f.id = d.fund_id "
                         "WHERE f.name = '集美区助残爱心基金' AND d.sale_id = %" G_GINT64_FORMAT, sale->id);
  g_assert_cmpint (ui_query_int (f, sql), ==, 80);
  g_assert_cmpint (ui_query_int (f, "SELECT total_fen FROM sales"), ==, 2600);
  ui_save_png (GTK_WIDGET (f->window), "donation-keyboard");
}

static void
test_touch (UiFixture     *f,
            gconstpointer  data)
{
  GtkWidget *one, *round;
  const AxwSale *sale;

  g_assert_true (axw_settings_set (axw_application_get_db (f->app), "cash_rounding", "down_jiao", NULL));
  ui_login_touch (f, "小林", "1234");
  axw_sale_view_scan (f->sale, "6971234560025");
  /* 藜麦粥 ¥12.80 − 10 % = ¥11.52 */
  one = ui_find (GTK_WIDGET (f->sale), is_donate_button, "one");
  round = ui_find (GTK_WIDGET (f->sale), is_donate_button, "round");
  g_assert_nonnull (one);
  g_assert_nonnull (round);
  g_signal_emit_by_name (round, "clicked");
  ui_pump (30);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 48);
  g_signal_emit_by_name (one, "clicked");   /* the other kind replaces it */
  ui_pump (30);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 100);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥12.52");

  /* in cash, rounded down to the jiao: ¥11.50 + ¥1.00, the donation is not rounded away */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.pay", "s", "cash"));
  ui_pump (30);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.cash-quick", "i", 2000));
  ui_pump (30);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->donation_fen, ==, 100);
  g_assert_cmpint (sale->change_fen, ==, 750);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(amount_fen) FROM donations"), ==, 100);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(amount_fen) FROM payments"), ==,
                   sale->total_fen + sale->cash_rounding_fen);

  /* the next sale starts without a donation */
  axw_sale_view_scan (f->sale, "6971234560025");
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 0);
  g_assert_cmpstr (bar_text (f), ==, "");
}

/* Nothing to donate with: the cart is empty, or no fund takes donations. */
static void
test_refused (UiFixture     *f,
              gconstpointer  data)
{
  ui_login_touch (f, "小林", "1234");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.donate", "s", "one"));
  ui_pump (30);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  axw_sale_view_scan (f->sale, "6971234560025");
  g_assert_true (axw_funds_end (axw_application_get_db (f->app), "集美区助残爱心基金", NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.donate", "s", "round"));
  ui_pump (30);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  g_assert_nonnull (strstr (axw_sale_view_get_text (f->sale, "banner"), "No fund takes donations"));
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 0);
}

static void
test_finalize (void)
{
  g_assert_finalize_object (g_object_ref_sink (g_object_new (AXW_TYPE_DONATION_BAR, NULL)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/donation-bar/finalize", test_finalize);
  g_test_add ("/donation/keyboard", UiFixture, NULL, ui_setup, test_keyboard, ui_teardown);
  g_test_add ("/donation/touch", UiFixture, NULL, ui_setup, test_touch, ui_teardown);
  g_test_add ("/donation/refused", UiFixture, NULL, ui_setup, test_refused, ui_teardown);

  return g_test_run ();
}
