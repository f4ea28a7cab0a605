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
#include "axw-receipt.h"
#include "axw-ui-test-lib.h"

static gboolean
is_donate_button (GtkWidget     *w,
                  gconstpointer  target)
{
  GVariant *t;

  if (!GTK_IS_BUTTON (w) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "sale.donate") != 0)
    return FALSE;
  t = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w));
  return t != NULL && g_str_equal (g_variant_get_string (t, NULL), target);
}

static gboolean
is_button_labelled (GtkWidget     *w,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0;
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

/* Ctrl+Shift+@sym, the keyboard alone. */
static void
press_ctrl_shift (KeySym sym)
{
  Display *dpy = ui_xdisplay ();
  KeyCode c = XKeysymToKeycode (dpy, XK_Control_L);
  KeyCode s = XKeysymToKeycode (dpy, XK_Shift_L);
  KeyCode code = XKeysymToKeycode (dpy, sym);

  XTestFakeKeyEvent (dpy, c, True, 150);
  XTestFakeKeyEvent (dpy, s, True, 20);
  XTestFakeKeyEvent (dpy, code, True, 20);
  XTestFakeKeyEvent (dpy, code, False, 20);
  XTestFakeKeyEvent (dpy, s, False, 20);
  XTestFakeKeyEvent (dpy, c, False, 20);
  XFlush (dpy);
  ui_pump (400);
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
                         "WHERE f.name = '集美区助残爱心基金' AND d.sale_id = %" G_GINT64_FORMAT,
                         sale->id);
  g_assert_cmpint (ui_query_int (f, sql), ==, 80);
  g_assert_cmpint (ui_query_int (f, "SELECT total_fen FROM sales"), ==, 2600);
  ui_save_png (GTK_WIDGET (f->window), "donation-keyboard");

  /* the donor asks for a donation receipt: Ctrl+Shift+P prints it, with its own number */
  {
    g_autofree char *lp = g_build_filename (f->dir, "lp0", NULL);
    g_autofree char *target = g_strconcat ("file:", lp, NULL);
    g_autofree char *number = axw_receipt_donation_number (sale);
    g_autofree char *audit = g_strdup_printf ("SELECT count(*) FROM audit_log "
                                              "WHERE action = 'receipt.donation' AND staff = '小"
                                              "林' "
                                              "AND detail = '%s %s'", number, sale->receipt_no);
    g_autofree char *printed = NULL;
    gsize len = 0;

    g_assert_true (axw_settings_set (axw_application_get_db (f->app), "printer", target, NULL));
    press_ctrl_shift (XK_p);
    for (int i = 0; i < 100 && ui_query_int (f, audit) == 0; i++)
      ui_pump (50);
    g_assert_cmpint (ui_query_int (f, audit), ==, 1);
    g_assert_true (g_file_get_contents (lp, &printed, &len, NULL));
    g_assert_cmpuint (len, >, 100);
    g_assert_true (axw_test_contains (axw_sale_view_get_text (f->sale, "banner"), number));
  }
}

static void
test_touch (UiFixture     *f,
            gconstpointer  data)
{
  GtkWidget *one, *round;
  const AxwSale *sale;

  g_assert_true (axw_settings_set (axw_application_get_db (f->app), "cash_rounding", "down_jiao",
                                   NULL));
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

/* Round up to the next ten yuan, by touch and by Ctrl+Shift+U: the same
 * again takes it off; a total of whole ten yuan has nothing to round. */
static void
test_round_ten (UiFixture     *f,
                gconstpointer  data)
{
  GtkWidget *ten;
  const AxwSale *sale;

  ui_focus_window (f);
  ui_press (XK_Return);
  ui_type ("1234", 120, TRUE);
  ui_wait_login (f);
  ui_scan ("6971234560025");
  /* 藜麦粥 ¥12.80 − 10 % = ¥11.52: to ¥20.00 */
  ten = ui_find (GTK_WIDGET (f->sale), is_donate_button, "round10");
  g_assert_nonnull (ten);
  g_signal_emit_by_name (ten, "clicked");
  ui_pump (30);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 848);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥20.00");
  ui_save_png (GTK_WIDGET (f->window), "donation-round-ten");
  press_ctrl_shift (XK_u);   /* again: taken off */
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 0);
  press_ctrl_shift (XK_u);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 848);
  ui_press (XK_F12);
  ui_type ("20", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->donation_fen, ==, 848);
  g_assert_cmpint (sale->total_fen, ==, 2000);
  g_assert_cmpint (sale->change_fen, ==, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT amount_fen FROM donations"), ==, 848);
}

static gboolean
is_entry (GtkWidget     *w,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (w);
}

/* Any amount, typed in yuan in the donation bar: by the keyboard (Enter)
 * and by touch (Donate it); a bad amount is refused and changes nothing. */
static void
test_any_amount (UiFixture     *f,
                 gconstpointer  data)
{
  GtkWidget *bar = ui_find (GTK_WIDGET (f->sale), is_donation_bar, NULL);
  GtkWidget *entry = ui_find (bar, is_entry, NULL);
  const AxwSale *sale;

  g_assert_nonnull (entry);
  ui_focus_window (f);
  ui_login_touch (f, "小林", "1234");
  axw_sale_view_scan (f->sale, "6971234560025");
  /* 藜麦粥 ¥11.52 and ¥5 given */
  gtk_widget_grab_focus (entry);
  ui_type ("5", 120, TRUE);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 500);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥16.52");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "五元");
  g_signal_emit_by_name (entry, "activate");
  ui_pump (30);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 500);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2.50");
  g_signal_emit_by_name (ui_find (bar, is_button_labelled, "Donate it"), "clicked");
  ui_pump (30);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 250);
  ui_save_png (GTK_WIDGET (f->window), "donation-any-amount");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.pay", "s", "cash"));
  ui_pump (30);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.cash-quick", "i", 2000));
  ui_pump (30);
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_nonnull (sale);
  g_assert_cmpint (sale->donation_fen, ==, 250);
  g_assert_cmpint (sale->total_fen, ==, 1402);
  g_assert_cmpint (ui_query_int (f, "SELECT amount_fen FROM donations"), ==, 250);
}

/* A held sale keeps its donation (F6, F7 by the keyboard alone): the
 * round-up comes back with the cart, the cart parked by the recall keeps
 * its 一元捐, and each is sold with it, exact to the fen. */
static void
test_held (UiFixture     *f,
           gconstpointer  data)
{
  const AxwSale *sale;

  ui_focus_window (f);
  ui_press (XK_Return);
  ui_type ("1234", 120, TRUE);
  ui_wait_login (f);
  ui_scan ("6971234560018");
  ui_scan ("6971234560025");
  /* 爱心月 10 %: ¥25.20 + ¥11.52 */
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥36.72");
  ui_press_ctrl (XK_u);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 28);
  ui_press (XK_F6);
  g_assert_cmpint (ui_query_int (f, "SELECT donation_round_to_fen FROM held_sales"), ==, 100);
  g_assert_cmpstr (bar_text (f), ==, "");

  /* another customer meanwhile: 一元捐 */
  ui_scan ("6971234560025");
  ui_press_ctrl (XK_d);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥12.52");

  ui_press (XK_F7);   /* the held round-up back; ¥12.52 waits with its 一元捐 */
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 28);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->net_fen, ==, 3672);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥37.00");
  g_assert_cmpstr (bar_text (f), ==, "♥ Donation ¥0.28 to 集美区助残爱心基金 — thank you");
  g_assert_cmpint (ui_query_int (f, "SELECT donation_ask_fen FROM held_sales"), ==, 100);
  ui_save_png (GTK_WIDGET (f->window), "donation-held-recalled");
  ui_press (XK_F12);
  ui_type ("37", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  sale = axw_sale_view_get_last_sale (f->sale);
  g_assert_cmpint (sale->donation_fen, ==, 28);
  g_assert_cmpint (sale->total_fen, ==, 3700);
  g_assert_cmpint (sale->change_fen, ==, 0);

  ui_press (XK_Escape);
  ui_press (XK_F7);
  g_assert_cmpint (axw_sale_view_get_quote (f->sale)->donation_fen, ==, 100);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥12.52");
  ui_press (XK_F12);
  ui_type ("12.52", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM held_sales"), ==, 0);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(amount_fen) FROM donations"), ==, 128);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(amount_fen) FROM payments"), ==, 3700 + 1252);
  g_assert_cmpint (ui_query_int (f, "SELECT sum(total_fen) FROM sales"), ==, 3700 + 1252);

  /* the done page offers the donor a donation receipt, by touch; a sale
   * without a donation does not */
  {
    g_autofree char *lp = g_build_filename (f->dir, "lp-touch", NULL);
    g_autofree char *target = g_strconcat ("file:", lp, NULL);
    GtkWidget *button = ui_find_button (GTK_WIDGET (f->window), "Donation receipt (Ctrl+Shift+P)");

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_is_visible (button));
    g_assert_true (axw_settings_set (axw_application_get_db (f->app), "printer", target, NULL));
    g_signal_emit_by_name (button, "clicked");
    for (int i = 0; i < 100 && ui_query_int (f, "SELECT count(*) FROM audit_log "
                                                "WHERE action = 'receipt.donation'") == 0; i++)
      ui_pump (50);
    g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM audit_log "
                                      "WHERE action = 'receipt.donation'"), ==, 1);
    g_assert_true (g_file_test (lp, G_FILE_TEST_EXISTS));

    ui_press (XK_Return);   /* next customer */
    axw_sale_view_scan (f->sale, "6971234560025");
    ui_press (XK_F12);
    ui_type ("20", 120, TRUE);
    g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
    g_assert_false (gtk_widget_is_visible (button));
  }
}

/* Nothing to donate with: the cart is empty, or no fund takes donations. */
static void
test_refused (UiFixture     *f,
              gconstpointer  data)
{
  ui_login_touch (f, "小林", "1234");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.donation-receipt", NULL,
                                             NULL));
  ui_pump (30);
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "banner-icon"), ==, "✖");
  g_assert_cmpint (ui_query_int (f, "SELECT count(*) FROM audit_log "
                                    "WHERE action = 'receipt.donation'"), ==, 0);
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
  g_test_add ("/donation/round-ten", UiFixture, NULL, ui_setup, test_round_ten, ui_teardown);
  g_test_add ("/donation/any-amount", UiFixture, NULL, ui_setup, test_any_amount, ui_teardown);
  g_test_add ("/donation/held", UiFixture, NULL, ui_setup, test_held, ui_teardown);
  g_test_add ("/donation/refused", UiFixture, NULL, ui_setup, test_refused, ui_teardown);

  return g_test_run ();
}
