/* test-display-ui.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer's side of the counter (issue 15) under Xvfb: the customer
 * display as a second window beside the sale screen, following a sale
 * scanned, paid and changed through the X server, step by step, to the
 * exact text; the phrases for the customer by key, with their names and
 * sizes, and spoken through a stand-in spd-say that writes what it is
 * given. Screenshots of each step in the build's screenshots/.
 */
#define _GNU_SOURCE   /* openpty */
#include <glib/gstdio.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "axw-customer-display.h"
#include "axw-feedback.h"
#include "axw-phrase-bar.h"
#include "axw-ui-test-lib.h"

static AxwCustomerDisplay *
display_of (UiFixture *f)
{
  AxwCustomerDisplay *d = axw_window_get_customer_display (f->window);

  g_assert_true (AXW_IS_CUSTOMER_DISPLAY (d));
  return d;
}

static const char *
shown (UiFixture  *f,
       const char *what)
{
  return axw_customer_display_get_text (display_of (f), what);
}

/* Waits (up to 5 s, for frames and the pay step's timers) until the
 * display's @what is exactly @text, and says what it was if never. */
static void
assert_shown (UiFixture  *f,
              const char *what,
              const char *text)
{
  for (int i = 0; i < 100 && g_strcmp0 (shown (f, what), text) != 0; i++)
    ui_pump (50);
  if (g_strcmp0 (shown (f, what), text) != 0)
    fprintf (stderr, "the customer display's %s is “%s”, not “%s”\n", what, shown (f, what), text);
  if (g_strcmp0 (shown (f, what), text) != 0)
    g_error ("the customer display's %s is “%s”, not “%s”", what, shown (f, what), text);
}

static gboolean
takes_input (GtkWidget     *w,
             gconstpointer  root)
{
  return w != root && (gtk_widget_get_focusable (w) || GTK_IS_BUTTON (w) || GTK_IS_EDITABLE (w));
}

static gboolean
is_label_with_class (GtkWidget     *w,
                     gconstpointer  css_class)
{
  return GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, css_class);
}

static void
login (UiFixture *f)
{
  AxwCustomerDisplay *d;

  ui_login_touch (f, "小林", "1234");
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "sale");
  /* the keys go where the cashier's keyboard goes once both are up */
  d = axw_window_get_customer_display (f->window);
  for (int i = 0; i < 100 && d != NULL && !gtk_widget_get_mapped (GTK_WIDGET (d)); i++)
    ui_pump (20);
  ui_focus_window (f);
}

static void
test_sale (UiFixture     *f,
           gconstpointer  data)
{
  GtkWidget *display;
  GtkWidget *total;
  const AxwSale *q;
  g_autofree char *savings = NULL;

  login (f);
  display = GTK_WIDGET (display_of (f));
  g_assert_true (gtk_widget_get_visible (display));
  /* nothing on it takes a key or a touch, and the keys stay with the cashier */
  g_assert_null (ui_find (display, takes_input, display));
  g_assert_true (gtk_window_is_active (GTK_WINDOW (f->window)));

  /* idle: the shop, today's promotion, the online shop's QR code */
  assert_shown (f, "page", "idle");
  assert_shown (f, "shop", "爱心屋");
  g_assert_true (axw_test_contains (shown (f, "promotion"), "今日"));
  g_assert_cmpstr (shown (f, "promotion"), ==, axw_sale_view_get_text (f->sale, "promotion"));
  ui_save_png (display, "customer-display-idle.png");

  ui_scan ("6971234560018");
  assert_shown (f, "page", "sale");
  assert_shown (f, "last-line", "赤松茸 × 1  ¥25.20");
  assert_shown (f, "lines", "赤松茸 × 1  ¥25.20");
  assert_shown (f, "savings", "优惠 −¥2.80");
  assert_shown (f, "total-title", "合计");
  assert_shown (f, "total", "¥25.20");
  assert_shown (f, "pay", "");
  ui_scan ("6971234560025");
  ui_scan ("6971234560018");
  /* the line just scanned is the one whose quantity went up */
  assert_shown (f, "last-line", "赤松茸 × 2  ¥50.40");
  assert_shown (f, "lines", "赤松茸 × 2  ¥50.40\n藜麦粥 × 1  ¥11.52");
  assert_shown (f, "savings", "优惠 −¥6.88");
  assert_shown (f, "total", "¥61.92");
  ui_save_png (display, "customer-display-sale.png");

  /* the red packet as savings, with its funder */
  ui_scan ("HB20260002");
  q = axw_sale_view_get_quote (f->sale);
  g_assert_true (q->red_packet->accepted);
  savings = g_strdup_printf ("优惠 −¥6.88\n爱心红包 由 %s 资助 −¥20.00", q->red_packet->funder);
  assert_shown (f, "savings", savings);
  assert_shown (f, "total", "¥41.92");
  ui_save_png (display, "customer-display-red-packet.png");

  /* F12: the amount due, by itself */
  ui_press (XK_F12);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "pay");
  assert_shown (f, "total-title", "请付款");
  assert_shown (f, "total", "¥41.92");
  assert_shown (f, "phrase", "请付款 ¥41.92");

  /* cash: what was paid and the change, by itself */
  ui_type ("100", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  assert_shown (f, "total-title", "合计");
  assert_shown (f, "total", "¥41.92");
  assert_shown (f, "pay", "实收 ¥100.00\n找零 ¥58.08");
  assert_shown (f, "phrase", "找您 ¥58.08");
  assert_shown (f, "savings", savings);
  /* readable from 1.5 m: the total's figures at least 96 px high */
  total = ui_find (display, is_label_with_class, "axw-cd-total");
  g_assert_nonnull (total);
  g_assert_cmpint (gtk_widget_get_height (total), >=, 96);
  ui_save_png (display, "customer-display-change.png");

  /* the next sale: idle again until its first scan */
  ui_press (XK_Escape);
  assert_shown (f, "page", "idle");
  assert_shown (f, "phrase", "");
  ui_scan ("6971234560025");
  assert_shown (f, "last-line", "藜麦粥 × 1  ¥11.52");
  assert_shown (f, "lines", "藜麦粥 × 1  ¥11.52");
  assert_shown (f, "total", "¥11.52");

  /* the cashier's high contrast is the customer's too (same 7:1 pairs) */
  {
    AxwStaff *hc = axw_staff_copy (axw_sale_view_get_staff (f->sale));

    hc->high_contrast = TRUE;
    axw_application_apply_prefs (f->app, hc);
    ui_save_png (display, "customer-display-hc.png");
    axw_staff_free (hc);
  }
}

/* A stand-in for speech-dispatcher's spd-say: appends its last argument
 * (the text) to @out. Returns: the directory to put first on PATH */
static char *
fake_spd_say (const char *out)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-spd-XXXXXX", NULL);
  g_autofree char *prog = g_build_filename (dir, "spd-say", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nfor a; do last=$a; done\n"
                                             "printf '%%s\\n' \"$last\" >> \"%s\"\n", out);

  g_assert_true (g_file_set_contents (prog, script, -1, NULL));
  g_assert_cmpint (g_chmod (prog, 0755), ==, 0);
  return g_steal_pointer (&dir);
}

/* Waits (up to 5 s) for @out's last line to be @text. */
static void
assert_spoken (const char *out,
               const char *text)
{
  g_autofree char *want = g_strconcat (text, "\n", NULL);

  for (int i = 0; i < 100; i++)
    {
      g_autofree char *said = NULL;

      if (g_file_get_contents (out, &said, NULL, NULL) && g_str_has_suffix (said, want))
        return;
      ui_pump (50);
    }
  g_error ("spd-say was not given “%s”", text);
}

static void
test_phrases (UiFixture     *f,
              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "spoken.txt", NULL);
  g_autofree char *dir = fake_spd_say (out);
  g_autofree char *path = g_strconcat (dir, ":", g_getenv ("PATH"), NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  GtkWidget *bar;
  guint n = 0;
  static const char *phrases[] = { "请出示爱心红包", "请扫码付款", "请稍等", "找您 ¥X", "谢谢惠顾",
                                   "我听不见，请看屏幕" };

  g_setenv ("PATH", path, TRUE);
  login (f);
  axw_feedback_set_speech (axw_application_get_feedback (f->app), TRUE);

  /* a row of named buttons, 48 px at least, each with its key */
  bar = ui_find (GTK_WIDGET (f->sale), ui_is_type, GSIZE_TO_POINTER (AXW_TYPE_PHRASE_BAR));
  g_assert_nonnull (bar);
  for (GtkWidget *b = gtk_widget_get_first_child (bar); b; b = gtk_widget_get_next_sibling (b), n++)
    {
      g_autofree char *label = g_strdup_printf ("%s（Alt+%u）", phrases[n], n + 1);

      g_assert_true (GTK_IS_BUTTON (b));
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (b)), ==, label);
      g_assert_true (gtk_widget_get_focusable (b));
      g_assert_cmpint (gtk_widget_get_width (b), >=, 48);
      g_assert_cmpint (gtk_widget_get_height (b), >=, 48);
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (phrases));

  /* by key, between sales: on the display, in the banner, spoken */
  ui_press_with (XK_Alt_L, XK_3);
  assert_shown (f, "phrase", "请稍等");
  g_assert_true (axw_test_contains (axw_sale_view_get_text (f->sale, "banner"), "请稍等"));
  assert_spoken (out, "请稍等");
  ui_press_with (XK_Alt_L, XK_6);
  assert_shown (f, "phrase", "我听不见，请看屏幕");
  assert_spoken (out, "我听不见，请看屏幕");
  ui_save_png (GTK_WIDGET (display_of (f)), "customer-display-phrase.png");

  /* ¥X is the amount of the step: the total while scanning */
  ui_scan ("6971234560018");
  assert_shown (f, "phrase", "");
  ui_press_with (XK_Alt_L, XK_4);
  assert_shown (f, "phrase", "找您 ¥25.20");
  assert_spoken (out, "找您 ¥25.20");
  ui_press_with (XK_Alt_L, XK_1);
  assert_shown (f, "phrase", "请出示爱心红包");
  assert_spoken (out, "请出示爱心红包");
  ui_save_png (GTK_WIDGET (f->window), "sale-phrases.png");

  /* the manager's list, at the next login */
  g_assert_true (axw_settings_set (axw_application_get_db (f->app), "display.phrases",
                                   "请出示会员卡 | 请稍等一下", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sale), "sale.switch-cashier", NULL));
  login (f);
  axw_feedback_set_speech (axw_application_get_feedback (f->app), TRUE);
  n = 0;
  for (GtkWidget *b = gtk_widget_get_first_child (bar); b; b = gtk_widget_get_next_sibling (b))
    n++;
  g_assert_cmpuint (n, ==, 2);
  ui_press_with (XK_Alt_L, XK_1);
  assert_shown (f, "phrase", "请出示会员卡");
  assert_spoken (out, "请出示会员卡");
  /* no ninth phrase: the key does nothing */
  ui_press_with (XK_Alt_L, XK_9);
  assert_shown (f, "phrase", "请出示会员卡");
  g_setenv ("PATH", old_path, TRUE);
}

/* The monitor named in the settings is not there: the sale goes on, and
 * the cashier is told once, in words. */
static void
test_missing_monitor (UiFixture     *f,
                      gconstpointer  data)
{
  g_setenv ("AIXINWU_CUSTOMER_DISPLAY", "HDMI-9", TRUE);
  login (f);
  g_setenv ("AIXINWU_CUSTOMER_DISPLAY", "window", TRUE);
  g_assert_null (axw_window_get_customer_display (f->window));
  g_assert_true (axw_test_contains (axw_sale_view_get_text (f->sale, "banner"), "HDMI-9"));
  ui_scan ("6971234560018");
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥25.20");
}

/* Reads from the pole display's other end until @want has come (up to
 * 5 s), pumping the counter meanwhile. */
static void
pole_expect (int         master,
             const char *want)
{
  g_autoptr(GByteArray) got = g_byte_array_new ();
  gsize n = strlen (want);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (got->len < n && g_get_monotonic_time () < end)
    {
      struct pollfd pfd = { master, POLLIN, 0 };
      guint8 buf[256];
      ssize_t r;

      ui_pump (10);
      if (poll (&pfd, 1, 10) <= 0)
        continue;
      r = read (master, buf, MIN (sizeof buf, n - got->len));
      if (r > 0)
        g_byte_array_append (got, buf, (guint) r);
    }
  if (got->len != n || memcmp (got->data, want, n) != 0)
    {
      g_autofree char *raw = g_strndup ((const char *) got->data, got->len);
      g_autofree char *a = g_strescape (raw, NULL);
      g_autofree char *b = g_strescape (want, NULL);

      g_error ("the pole display got “%s”, not “%s”", a, b);
    }
}

/* The pole display on a pseudo-terminal: each step of the sale, in
 * order, as its bytes; phrases send nothing. */
static void
test_pole (UiFixture     *f,
           gconstpointer  data)
{
  int master, slave;
  char name[256];
  g_autofree char *target = NULL;

  g_assert_cmpint (openpty (&master, &slave, name, NULL, NULL), ==, 0);
  target = g_strdup_printf ("serial:%s:9600", name);
  g_assert_true (axw_settings_set (axw_application_get_db (f->app), "display.pole", target, NULL));
  login (f);
  g_assert_nonnull (axw_window_get_pole_display (f->window));
  pole_expect (master,
               "\x1b@\x0c" "\x1f$\x01\x01" "      WELCOME       " "\x1f$\x01\x02" "                    ");
  ui_scan ("6971234560018");
  pole_expect (master,
               "\x1f$\x01\x01" "x1             25.20" "\x1f$\x01\x02" "TOTAL          25.20");
  ui_press_with (XK_Alt_L, XK_3);
  assert_shown (f, "phrase", "请稍等");
  ui_press (XK_F12);
  pole_expect (master,
               "\x1f$\x01\x01" "TOTAL          25.20" "\x1f$\x01\x02" "                    ");
  ui_type ("50", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  pole_expect (master,
               "\x1f$\x01\x01" "PAID           50.00" "\x1f$\x01\x02" "CHANGE         24.80");
  ui_press (XK_Escape);
  pole_expect (master,
               "\x1f$\x01\x01" "      WELCOME       " "\x1f$\x01\x02" "                    ");

  /* unplugged: the sale goes on, and the cashier is told, in words, once */
  close (slave);
  close (master);
  ui_scan ("6971234560018");
  for (int i = 0; i < 100 && !strstr (axw_sale_view_get_text (f->sale, "banner"), "客显"); i++)
    ui_pump (50);
  g_assert_true (axw_test_contains (axw_sale_view_get_text (f->sale, "banner"), name));
  g_assert_true (axw_test_contains (axw_sale_view_get_text (f->sale, "banner"), "客显"));
  ui_scan ("6971234560025");
  ui_pump (300);
  g_assert_true (axw_test_contains (axw_sale_view_get_text (f->sale, "banner"), "藜麦粥"));
  g_assert_cmpstr (axw_sale_view_get_text (f->sale, "total"), ==, "¥36.72");
  ui_press (XK_F12);
  ui_type ("50", 120, TRUE);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  g_assert_false (strstr (axw_sale_view_get_text (f->sale, "banner"), "客显"));
}

static void
test_qr_url (void)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-qr-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(AxwDb) db = axw_db_open (path, NULL);
  g_autofree char *from_receipt = NULL;
  g_autofree char *own = NULL;

  g_assert_nonnull (db);
  g_assert_true (axw_cli_init_demo (db, NULL));
  g_assert_true (axw_settings_set (db, "receipt.qr_url", "https://shop.example.cn:8443/r/{uuid}",
                                   NULL));
  from_receipt = axw_customer_display_qr_url (db);
  g_assert_cmpstr (from_receipt, ==, "https://shop.example.cn:8443/");
  g_assert_true (axw_settings_set (db, "display.qr_url", "https://m.aixinwu.example/shop", NULL));
  own = axw_customer_display_qr_url (db);
  g_assert_cmpstr (own, ==, "https://m.aixinwu.example/shop");
  g_assert_false (axw_settings_set (db, "display.customer", "HDMI 1", NULL));
  g_assert_true (axw_settings_set (db, "display.customer", "HDMI-1", NULL));
  g_clear_object (&db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "zh_CN", TRUE);
  g_setenv ("AIXINWU_CUSTOMER_DISPLAY", "window", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/display/qr-url", test_qr_url);
  g_test_add ("/display/sale", UiFixture, NULL, ui_setup, test_sale, ui_teardown);
  g_test_add ("/display/phrases", UiFixture, NULL, ui_setup, test_phrases, ui_teardown);
  g_test_add ("/display/missing-monitor", UiFixture, NULL, ui_setup, test_missing_monitor,
              ui_teardown);
  g_test_add ("/display/pole", UiFixture, NULL, ui_setup, test_pole, ui_teardown);

  return g_test_run ();
}
