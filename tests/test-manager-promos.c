/* test-manager-promos.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager window's promotions and refunds pages under Xvfb, on a real
 * database: a promotion added (and a bad one refused) and ended, a funder's
 * batch imported from a real file, a key trusted and removed, a partial
 * refund confirmed with the PIN and printed. Saves PNGs.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-cli.h"
#include "axw-manager-window.h"

typedef struct {
  char             *dir;
  char             *path;
  char             *receipts;
  AxwDb            *db;
  AxwManagerWindow *window;
  GtkCssProvider   *css;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *printer = NULL;

  f->dir = g_dir_make_tmp ("axw-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->receipts = g_build_filename (f->dir, "receipts.bin", NULL);
  f->db = axw_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (axw_cli_init_demo (f->db, &error));
  printer = g_strconcat ("file:", f->receipts, NULL);
  g_assert_true (axw_settings_set (f->db, "printer", printer, &error));
  /* the application's theme, as every window of the counter has it */
  f->css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (f->css, "/cn/aixinwu/Pos/ui/axw-style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (f->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  f->window = axw_manager_window_new (NULL, f->db, "王店长");
  gtk_window_present (GTK_WINDOW (f->window));
  ui_pump (250);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_pump (50);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (f->css));
  g_clear_object (&f->css);
  g_clear_object (&f->db);
  axw_test_rm_rf (f->dir);
  g_free (f->receipts);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
q (Fixture    *f,
   const char *sql)
{
  return axw_db_query_int (f->db, sql, -999);
}

static GtkWidget *
child (gpointer    page,
       GType       type,
       const char *name)
{
  GObject *w = gtk_widget_get_template_child (GTK_WIDGET (page), type, name);

  g_assert_nonnull (w);
  return GTK_WIDGET (w);
}

static void
set_text (gpointer    page,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (page, type, name)), text);
}

static gboolean
model_has (GListModel *model,
           const char *needle)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (s), needle))
        return TRUE;
    }
  return FALSE;
}

static guint
position_of (GListModel *model,
             const char *needle)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (s), needle))
        return i;
    }
  g_assert_not_reached ();
}

static void
select_row (gpointer    page,
            const char *list,
            guint       pos)
{
  GtkListView *view = GTK_LIST_VIEW (child (page, AXW_TYPE_MANAGER_PROMOTIONS, list));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view)), pos);
}

#define P AXW_TYPE_MANAGER_PROMOTIONS

static void
test_promotions (Fixture       *f,
                 gconstpointer  data)
{
  AxwManagerPromotions *page = axw_manager_window_get_promotions (f->window);
  GListModel *promos = axw_manager_promotions_get_promotions (page);
  guint n = g_list_model_get_n_items (promos);
  gint64 rows = q (f, "SELECT count(*) FROM promotions");

  axw_manager_window_show_page (f->window, "promotions");
  g_assert_cmpuint (n, ==, q (f, "SELECT count(*) FROM promotions WHERE active"));
  g_assert_true (model_has (promos, "day 12 of every month"));

  /* refused by the CSV's own rules: nothing saved, the field named */
  set_text (page, P, "promo_name", "春节");
  set_text (page, P, "promo_percent", "120");
  set_text (page, P, "promo_from", "2027-01-25");
  set_text (page, P, "promo_to", "2027-02-10");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, P, "promo_scope")), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "promos.add", NULL));
  g_assert_nonnull (strstr (axw_manager_promotions_get_message (page),
                            "Percent off: write a percentage"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM promotions"), ==, rows);
  set_text (page, P, "promo_percent", "8");
  set_text (page, P, "promo_to", "2027-01-01");
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.add", NULL);
  g_assert_nonnull (strstr (axw_manager_promotions_get_message (page),
                            "To: the end date is before"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM promotions"), ==, rows);

  set_text (page, P, "promo_to", "2027-02-10");
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.add", NULL);
  g_assert_cmpstr (axw_manager_promotions_get_message (page), ==, "Promotion “春节” saved.");
  g_assert_cmpint (q (f, "SELECT count(*) FROM promotions WHERE name = '春节' AND scope = 'all' "
                         "AND percent_bp = 800 AND date_from = '2027-01-25' AND date_to = "
                         "'2027-02-10' "
                         "AND day_of_month IS NULL AND month IS NULL AND active"), ==, 1);
  g_assert_cmpint (q (f,
                      "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action = "
                      "'promotion.save'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (promos), ==, n + 1);
  g_assert_true (model_has (promos, "春节 — 8% off all goods — from 2027-01-25 to 2027-02-10"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, P, "promo_name"))), ==, "");

  /* the same name again changes that promotion, as a CSV import would */
  set_text (page, P, "promo_name", "春节");
  set_text (page, P, "promo_percent", "9");
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.add", NULL);
  g_assert_cmpstr (axw_manager_promotions_get_message (page), ==,
                   "Promotion “春节” changed to the new rules.");
  g_assert_cmpint (q (f, "SELECT percent_bp FROM promotions WHERE name = '春节'"), ==, 900);
  g_assert_cmpuint (g_list_model_get_n_items (promos), ==, n + 1);

  /* end 爱心日: gone from the list, its row kept for past sales */
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.remove", NULL);
  g_assert_nonnull (strstr (axw_manager_promotions_get_message (page), "Choose a promotion"));
  select_row (page, "promo_list", position_of (promos, "爱心日"));
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.remove", NULL);
  g_assert_cmpint (q (f, "SELECT count(*) FROM promotions WHERE name = '爱心日' AND NOT active"),
                   ==, 1);
  g_assert_cmpint (q (f,
                      "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action = "
                      "'promotion.remove' "
                         "AND detail = '爱心日'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (promos), ==, n);
  g_assert_false (model_has (promos, "爱心日"));
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_vouchers_and_keys (Fixture       *f,
                        gconstpointer  data)
{
  AxwManagerPromotions *page = axw_manager_window_get_promotions (f->window);
  GListModel *campaigns = axw_manager_promotions_get_campaigns (page);
  GListModel *keys = axw_manager_promotions_get_keys (page);
  g_autofree char *good = write_file (f, "batch.csv",
    "code,campaign,funder,face,min_spend,valid_from,valid_to,scope\n"
    "WX0001,冬季助残,区慈善会,15,0,2026-12-01,2027-02-28,aid\n"
    "WX0002,冬季助残,区慈善会,15,0,2026-12-01,2027-02-28,all\n");
  g_autofree char *bad = write_file (f, "bad.csv",
    "code,campaign,funder,face,min_spend,valid_from,valid_to,scope\n"
    "WX0003,冬季助残,区慈善会,15,0,2026-12-01,2027-02-28,aid\n"
    "WX0004,冬季助残,区慈善会,lots,0,2026-12-01,2027-02-28,aid\n");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) missing = g_file_new_build_filename (f->dir, "none.csv", NULL);
  gint64 vouchers = q (f, "SELECT count(*) FROM vouchers");
  const char *key = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

  axw_manager_window_show_page (f->window, "promotions");
  g_assert_true (model_has (campaigns, "2026惠民助残红包 — funded by 厦门市残疾人联合会"));

  g_assert_false (axw_manager_promotions_import_file (page, bad_file));
  g_assert_nonnull (strstr (axw_manager_promotions_get_message (page),
                            "Row 2 (line 3), column “face”"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM vouchers"), ==, vouchers);
  g_assert_false (axw_manager_promotions_import_file (page, missing));
  g_assert_cmpint (q (f, "SELECT count(*) FROM vouchers"), ==, vouchers);

  g_assert_true (axw_manager_promotions_import_file (page, good_file));
  g_assert_cmpstr (axw_manager_promotions_get_message (page), ==, "2 red packets imported.");
  g_assert_cmpint (q (f, "SELECT count(*) FROM vouchers"), ==, vouchers + 2);
  g_assert_cmpint (q (f, "SELECT count(*) FROM vouchers v JOIN campaigns c ON c.id = v.campaign_id "
                         "WHERE c.name = '冬季助残' AND c.funder = '区慈善会' AND v.face_fen = 1500"), ==, 2);
  g_assert_cmpint (q (f,
                      "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action = "
                      "'voucher.import'"), ==, 1);
  g_assert_true (model_has (campaigns,
                            "冬季助残 — funded by 区慈善会\n2 issued, 0 redeemed, ¥0.00 given"));

  /* keys: validated as `aixinwu vouchers trust` does */
  set_text (page, P, "key_funder", "区慈善会");
  set_text (page, P, "key_text", "not-a-key");
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.trust", NULL);
  g_assert_nonnull (strstr (axw_manager_promotions_get_message (page),
                            "is not an Ed25519 public key"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM funder_keys"), ==, 0);
  set_text (page, P, "key_text", key);
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.trust", NULL);
  g_assert_cmpint (q (f, "SELECT count(*) FROM funder_keys WHERE funder = '区慈善会'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (keys), ==, 1);
  g_assert_true (model_has (keys, "区慈善会 — key 11qYAYKx…aPcHURo="));
  g_assert_cmpint (q (f,
                      "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action = "
                      "'voucher.trust'"), ==, 1);

  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-promotions.png");

  select_row (page, "key_list", 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.untrust", NULL);
  g_assert_cmpint (q (f, "SELECT count(*) FROM funder_keys"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (keys), ==, 0);
  g_assert_cmpint (q (f,
                      "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action = "
                      "'voucher.untrust'"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "promos.untrust", NULL);
  g_assert_nonnull (strstr (axw_manager_promotions_get_message (page), "Choose a key"));
}

/* 赤松茸 ×3 and 藜麦粥 ×1 on 爱心日 with the red packet HB20260001,
 * paid half by WeChat, the rest in cash. */
static AxwSale *
sell (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) a = axw_checkout_item_from_scan (f->db, "6971234560018", 3000, &error);
  g_autoptr(AxwLine) b = axw_checkout_item_from_scan (f->db, "6971234560025", 0, &error);
  g_autoptr(GDateTime) t = axw_time_parse_rfc3339 ("2026-12-12T10:00:00+08:00", NULL);
  AxwPayment pay[] = { { AXW_PAY_WECHAT, 4000, 4000 }, { AXW_PAY_CASH, 10000, 10000 } };
  AxwSale *sale;

  g_assert_no_error (error);
  axw_cart_add (cart, a);
  axw_cart_add (cart, b);
  axw_cart_set_voucher_code (cart, "HB20260001");
  sale = axw_checkout_commit (f->db, cart, t, "小林", pay, 2, &error);
  g_assert_no_error (error);
  return sale;
}

#define R AXW_TYPE_MANAGER_REFUNDS

/* The manager's PIN check runs in a worker thread: its answer comes
 * through the main loop. */
static void
wait_checked (AxwManagerRefunds *page)
{
  axw_test_wait_idle (axw_manager_refunds_is_checking, page, 4000);
}

static void
test_refund (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AxwSale) sale = sell (f);
  AxwManagerRefunds *page = axw_manager_window_get_refunds (f->window);
  g_autoptr(GDateTime) next_day = axw_time_parse_rfc3339 ("2026-12-13T11:00:00+08:00", NULL);
  gint64 sales = q (f, "SELECT count(*) FROM sales");
  gint64 stock = q (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'");
  const AxwSale *preview;
  const AxwSale *refund;
  gint64 total, cash, wechat;
  g_autofree char *sql = NULL;

  axw_manager_refunds_set_clock (page, next_day);
  axw_manager_window_show_page (f->window, "refunds");

  /* an unknown receipt: a plain message, nothing changes */
  set_text (page, R, "sale_entry", "S01-T01-19990101-0001");
  gtk_widget_activate_action (GTK_WIDGET (page), "refunds.find", NULL);
  g_assert_nonnull (strstr (axw_manager_refunds_get_message (page),
                            "No sale has the receipt number"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "refunds.confirm", NULL) &&
                  q (f, "SELECT count(*) FROM sales") != sales);

  /* typed (or scanned) receipt number, then Enter */
  set_text (page, R, "sale_entry", sale->receipt_no);
  g_signal_emit_by_name (child (page, R, "sale_entry"), "activate");
  g_assert_cmpstr (axw_manager_refunds_get_message (page), ==, "");
  g_assert_null (axw_manager_refunds_get_preview (page));

  /* more than sold is impossible: the quantity stops at what is left */
  g_assert_false (axw_manager_refunds_set_qty (page, 1, 5000));
  preview = axw_manager_refunds_get_preview (page);
  g_assert_cmpint (axw_sale_get_line ((AxwSale *) preview, 0)->qty_milli, ==, 3000);
  g_assert_true (axw_manager_refunds_set_qty (page, 1, 1000));
  preview = axw_manager_refunds_get_preview (page);
  g_assert_cmpuint (preview->lines->len, ==, 1);
  total = preview->total_fen;
  g_assert_cmpint (total, >, 0);
  g_assert_nonnull (strstr (axw_manager_refunds_get_money_text (page), "Give back ¥"));
  g_assert_nonnull (strstr (axw_manager_refunds_get_money_text (page), "Cash ¥"));
  g_assert_nonnull (strstr (axw_manager_refunds_get_money_text (page), "WeChat Pay ¥"));
  g_assert_nonnull (strstr (axw_manager_refunds_get_money_text (page),
                            "no longer claimed from 厦门市残疾人联合会"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM sales"), ==, sales);
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-refund-confirm.png");

  /* the wrong PIN: nothing refunded */
  set_text (page, R, "pin", "0000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "refunds.confirm", NULL));
  /* the PIN is checked off the GTK thread: the page says so, and waits */
  g_assert_true (axw_manager_refunds_is_checking (page));
  g_assert_cmpstr (axw_manager_refunds_get_message (page), ==, "Checking the PIN…");
  gtk_widget_activate_action (GTK_WIDGET (page), "refunds.confirm", NULL);
  g_assert_cmpstr (axw_manager_refunds_get_message (page), ==, "Checking the PIN…");
  wait_checked (page);
  g_assert_nonnull (strstr (axw_manager_refunds_get_message (page), "Nothing was refunded"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM sales"), ==, sales);
  g_assert_cmpint (q (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"), ==,
                   stock);
  g_assert_null (axw_manager_refunds_get_last_refund (page));

  /* the right PIN (Enter in the PIN field): the refund, its receipt printed */
  set_text (page, R, "pin", "8888");
  g_signal_emit_by_name (child (page, R, "pin"), "activate");
  /* a quantity changed while the PIN is checked is not what was confirmed */
  g_assert_true (axw_manager_refunds_is_checking (page));
  axw_manager_refunds_set_qty (page, 1, 2000);
  wait_checked (page);
  refund = axw_manager_refunds_get_last_refund (page);
  g_assert_nonnull (refund);
  g_assert_cmpint (q (f, "SELECT count(*) FROM sales"), ==, sales + 1);
  g_assert_cmpint (refund->total_fen, ==, total);
  sql = g_strdup_printf ("SELECT count(*) FROM sales s JOIN sales o ON o.id = s.refund_of "
                         "WHERE s.kind = 'refund' AND o.uuid = '%s' AND s.staff_name = '王店长' "
                         "AND s.business_date = '2026-12-13' AND s.total_fen = %" G_GINT64_FORMAT,
                         sale->uuid, total);
  g_assert_cmpint (q (f, sql), ==, 1);
  g_assert_cmpint (q (f, "SELECT qty_milli FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                         "WHERE s.kind = 'refund'"), ==, 1000);
  cash = q (f,
            "SELECT coalesce (sum (amount_fen), 0) FROM payments p JOIN sales s ON s.id = "
            "p.sale_id "
               "WHERE s.kind = 'refund' AND p.method = 'cash'");
  wechat = q (f,
              "SELECT coalesce (sum (amount_fen), 0) FROM payments p JOIN sales s ON s.id = "
              "p.sale_id "
                 "WHERE s.kind = 'refund' AND p.method = 'wechat'");
  g_assert_cmpint (cash + wechat, ==, total);
  g_assert_cmpint (cash, >, 0);
  g_assert_cmpint (wechat, >, 0);
  g_assert_cmpint (q (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"), ==,
                   stock + 1000);
  g_assert_nonnull (strstr (axw_manager_refunds_get_message (page),
                            "Refund S01-T01-20261213-0001 done"));
  axw_test_wait_idle (axw_manager_refunds_is_printing, page, 5000);
  g_assert_cmpint (q (f, "SELECT count(*) FROM print_jobs j JOIN sales s ON s.id = j.sale_id "
                         "WHERE s.kind = 'refund' AND j.status = 'done'"), ==, 1);
  g_assert_true (g_file_test (f->receipts, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (axw_manager_refunds_get_message (page),
                            "The refund receipt is printed."));

  /* what is left: 2 of 赤松茸; the page shows it, and no more */
  g_assert_false (axw_manager_refunds_set_qty (page, 1, 3000));
  g_assert_cmpint (axw_sale_get_line ((AxwSale *) axw_manager_refunds_get_preview (page),
                                      0)->qty_milli, ==, 2000);
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-refunds.png");

  /* the receipt's QR code, scanned: a link with the UUID in it */
  {
    g_autofree char *link = g_strdup_printf ("https://shop.aixinwu.example/r/%s", sale->uuid);

    g_assert_true (axw_manager_refunds_find (page, link));
    g_assert_true (axw_manager_refunds_set_qty (page, 1, 2000));
    g_assert_false (axw_manager_refunds_find (page, "https://shop.aixinwu.example/r/nothing"));
    g_assert_null (axw_manager_refunds_get_preview (page));
  }

  /* a refund cannot be refunded */
  g_assert_false (axw_manager_refunds_find (page, refund->receipt_no));
  g_assert_nonnull (strstr (axw_manager_refunds_get_message (page), "is itself a refund"));
}

/* The refund page and the promotions page at text scale 1.5 and in high
 * contrast, for people to look at. */
static void
test_large_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AxwSale) sale = sell (f);
  AxwManagerRefunds *page = axw_manager_window_get_refunds (f->window);
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GtkCssProvider) hc = gtk_css_provider_new ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  axw_manager_window_show_page (f->window, "refunds");
  g_assert_true (axw_manager_refunds_find (page, sale->uuid));
  g_assert_true (axw_manager_refunds_set_qty (page, 2, 1000));
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-refund-confirm-1.5.png");
  axw_manager_window_show_page (f->window, "promotions");
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-promotions-1.5.png");
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);

  gtk_css_provider_load_from_resource (hc, "/cn/aixinwu/Pos/ui/axw-style-hc.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (hc),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
  axw_manager_window_show_page (f->window, "refunds");
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-refund-confirm-hc.png");
  axw_manager_window_show_page (f->window, "promotions");
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-promotions-hc.png");
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (hc));
}

/* Every control on the page has a name and a 48×48 touch target. */
static void
check_controls (GtkWidget *w,
                GString   *problems,
                guint     *n)
{
  GtkWidget *parent = gtk_widget_get_parent (w);
  gboolean inner = parent &&
    ((GTK_IS_EDITABLE (parent) && !GTK_IS_BUTTON (w)) || GTK_IS_LIST_VIEW (parent) ||
     GTK_IS_DROP_DOWN (parent) ||
                              G_TYPE_CHECK_INSTANCE_TYPE (parent,
                                                          g_type_from_name ("GtkListItemWidget")));

  if (!gtk_widget_get_mapped (w))
    return;
  if (!inner &&
      (GTK_IS_BUTTON (w) || GTK_IS_EDITABLE (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_LIST_VIEW (w)))
    {
      GtkAccessible *a = GTK_ACCESSIBLE (w);
      gboolean named = gtk_test_accessible_has_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       gtk_test_accessible_has_relation (a, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                       (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)));

      graphene_rect_t box;

      /* the touch target is the border box: padding and border included */
      g_assert_true (gtk_widget_compute_bounds (w, w, &box));
      (*n)++;
      if (!named)
        g_string_append_printf (problems, "no accessible name: %s\n", G_OBJECT_TYPE_NAME (w));
      if (box.size.height < 48 || box.size.width < 48)
        g_string_append_printf (problems, "smaller than 48×48: %s %s (%.0f×%.0f)\n",
                                G_OBJECT_TYPE_NAME (w),
                                GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w))
                                ? gtk_button_get_label (GTK_BUTTON (w)) : "", box.size.width,
                                box.size.height);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    check_controls (c, problems, n);
}

static void
test_touch_and_names (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AxwSale) sale = sell (f);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n = 0, promos;

  axw_manager_window_show_page (f->window, "promotions");
  ui_pump (200);
  check_controls (GTK_WIDGET (axw_manager_window_get_promotions (f->window)), problems, &n);
  g_assert_cmpuint (n, ==, 17);
  promos = n;
  axw_manager_window_show_page (f->window, "refunds");
  g_assert_true (axw_manager_refunds_find (axw_manager_window_get_refunds (f->window),
                                           sale->receipt_no));
  ui_pump (200);
  check_controls (GTK_WIDGET (axw_manager_window_get_refunds (f->window)), problems, &n);
  g_assert_cmpuint (n, >=, promos + 8);
  if (problems->len)
    g_error ("%s", problems->str);
}

/* The same pages in Chinese, the counter's default language. */
static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AxwSale) sale = sell (f);
  const char *root = g_getenv ("MESON_BUILD_ROOT");
  g_autofree char *po = g_build_filename (root ? root : ".", "po", NULL);
  AxwManagerWindow *zh;
  AxwManagerRefunds *page;

  setlocale (LC_MESSAGES, "C.UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain ("aixinwu", po);
  bind_textdomain_codeset ("aixinwu", "UTF-8");
  textdomain ("aixinwu");
  zh = axw_manager_window_new (NULL, f->db, "王店长");
  gtk_window_present (GTK_WINDOW (zh));
  page = axw_manager_window_get_refunds (zh);
  axw_manager_window_show_page (zh, "refunds");
  g_assert_true (axw_manager_refunds_find (page, sale->receipt_no));
  g_assert_true (axw_manager_refunds_set_qty (page, 1, 2000));
  g_assert_nonnull (strstr (axw_manager_refunds_get_money_text (page), "应退"));
  ui_pump (300);
  ui_save_png (GTK_WIDGET (zh), "manager-refund-confirm-zh.png");
  axw_manager_window_show_page (zh, "promotions");
  g_assert_true (model_has (axw_manager_promotions_get_promotions (axw_manager_window_get_promotions (zh)),
                            "每月12日"));
  ui_pump (300);
  ui_save_png (GTK_WIDGET (zh), "manager-promotions-zh.png");
  gtk_window_destroy (GTK_WINDOW (zh));
  g_unsetenv ("LANGUAGE");
  setlocale (LC_MESSAGES, "");
}

static void
test_new_destroy (void)
{
  GtkWidget *promos = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_PROMOTIONS, NULL));
  GtkWidget *refunds = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_REFUNDS, NULL));

  g_assert_finalize_object (promos);
  g_assert_finalize_object (refunds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add ("/manager-promos/promotions", Fixture, NULL, setup, test_promotions, teardown);
  g_test_add ("/manager-promos/vouchers-and-keys", Fixture, NULL, setup, test_vouchers_and_keys,
              teardown);
  g_test_add ("/manager-promos/refund", Fixture, NULL, setup, test_refund, teardown);
  g_test_add ("/manager-promos/large-text-and-contrast", Fixture, NULL, setup, test_large_text,
              teardown);
  g_test_add ("/manager-promos/touch-and-names", Fixture, NULL, setup, test_touch_and_names,
              teardown);
  g_test_add ("/manager-promos/chinese", Fixture, NULL, setup, test_chinese, teardown);
  g_test_add_func ("/manager-promos/new-destroy", test_new_destroy);
  return g_test_run ();
}
