/* test-manager-settings.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's settings page under Xvfb, on the application's real
 * database: several changes saved at once and audited, an invalid value
 * that saves nothing, the token written 0600 and never shown, a test page
 * to a file printer and a refused network printer; PNGs at 100 % and 150 %.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-manager-window.h"
#include "axw-sync.h"
#include "escpos-decoder.h"

typedef struct {
  UiFixture           ui;
  AxwDb              *db;
  AxwManagerWindow   *window;
  AxwManagerSettings *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ui_setup (&f->ui, data);
  f->db = axw_application_get_db (f->ui.app);
  f->window = axw_manager_window_new (GTK_WINDOW (f->ui.window), f->db, "王店长");
  f->page = axw_manager_window_get_settings (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  axw_manager_window_show_page (f->window, "settings");
  ui_pump (300);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_pump (50);
  ui_teardown (&f->ui, data);
}

static void
set_text (Fixture    *f,
          const char *key,
          const char *text)
{
  GtkWidget *w = axw_manager_settings_get_field (f->page, key);

  g_assert_true (GTK_IS_EDITABLE (w));
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static void
set_choice (Fixture    *f,
            const char *key,
            guint       index)
{
  GtkWidget *w = axw_manager_settings_get_field (f->page, key);

  g_assert_true (GTK_IS_DROP_DOWN (w));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (w), index);
}

static void
save (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "settings.save", NULL));
  ui_pump (100);
}

static char *
setting (Fixture    *f,
         const char *key)
{
  return axw_settings_get (f->db, key);
}

static gint64
audit_count (Fixture    *f,
             const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action = "
                                          "'settings.set' "
                                          "AND staff = '王店长' AND %s", where);

  return axw_db_query_int (f->db, sql, -1);
}

static void
assert_setting (Fixture    *f,
                const char *key,
                const char *expected)
{
  g_autofree char *v = setting (f, key);

  g_assert_cmpstr (v, ==, expected);
}

/* At the system's text scale 1.0 and 1.5 (the manager window follows the
 * desktop's, not the cashier's font scale). */
static void
save_pngs (Fixture    *f,
           const char *name)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *normal = g_strdup_printf ("manager-settings-%s.png", name);
  g_autofree char *large = g_strdup_printf ("manager-settings-%s-150.png", name);
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  ui_save_png (GTK_WIDGET (f->window), normal);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), large);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  ui_pump (100);
  {
    AxwStaff contrast = { .font_scale_pct = 100, .high_contrast = TRUE };
    g_autofree char *hc = g_strdup_printf ("manager-settings-%s-hc.png", name);

    axw_application_apply_prefs (f->ui.app, &contrast);
    ui_pump (200);
    ui_save_png (GTK_WIDGET (f->window), hc);
    axw_application_apply_prefs (f->ui.app, NULL);
    ui_pump (100);
  }
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  GdkPaintable *preview = axw_manager_settings_get_preview (f->page);

  g_assert_nonnull (preview);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 384);
  g_assert_cmpint (audit_count (f, "1"), ==, 0);

  set_text (f, "shop.name", "爱心屋·城关店");
  set_text (f, "shop.code", "S02");
  set_text (f, "receipt.footer", "谢谢！助残就业，从这里开始");
  set_text (f, "receipt.qr_url", "https://shop.example/r/{receipt_no}");
  set_choice (f, "receipt.width", 1);
  set_choice (f, "cash_rounding", 2);
  set_text (f, "timezone", "Asia/Urumqi");
  save (f);

  assert_setting (f, "shop.name", "爱心屋·城关店");
  assert_setting (f, "shop.code", "S02");
  assert_setting (f, "receipt.footer", "谢谢！助残就业，从这里开始");
  assert_setting (f, "receipt.qr_url", "https://shop.example/r/{receipt_no}");
  assert_setting (f, "receipt.width", "80");
  assert_setting (f, "cash_rounding", "nearest_jiao");
  assert_setting (f, "timezone", "Asia/Urumqi");
  g_assert_cmpstr (axw_manager_settings_get_message (f->page, "save"), ==, "Saved 7 changes.");
  /* one audit row per change, old and new value, in the manager's name */
  g_assert_cmpint (audit_count (f, "1"), ==, 7);
  g_assert_cmpint (audit_count (f, "detail = 'shop.code: S01 → S02'"), ==, 1);
  g_assert_cmpint (audit_count (f, "detail = 'receipt.width: 58 → 80'"), ==, 1);
  g_assert_cmpint (audit_count (f, "detail = 'cash_rounding: none → nearest_jiao'"), ==, 1);
  /* unchanged fields are neither written nor audited */
  g_assert_cmpint (audit_count (f, "detail LIKE 'terminal.code%'"), ==, 0);
  g_assert_cmpint (audit_count (f, "detail LIKE 'printer%'"), ==, 0);
  g_assert_cmpint (axw_db_query_int (f->db,
                                     "SELECT count (*) FROM settings WHERE key = 'terminal.code'",
                                     -1),
                   ==, 0);

  /* the preview follows the page: 80 mm paper */
  ui_pump (100);
  preview = axw_manager_settings_get_preview (f->page);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 576);

  save (f);
  g_assert_cmpstr (axw_manager_settings_get_message (f->page, "save"), ==, "Nothing changed.");
  g_assert_cmpint (audit_count (f, "1"), ==, 7);

  /* a second change of one field: one more row */
  set_text (f, "terminal.code", "T02");
  save (f);
  g_assert_cmpstr (axw_manager_settings_get_message (f->page, "save"), ==, "Saved 1 change.");
  g_assert_cmpint (audit_count (f, "1"), ==, 8);
  save_pngs (f, "saved");
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  gint64 audits = axw_db_query_int (f->db, "SELECT count (*) FROM audit_log", -1);
  gint64 rows = axw_db_query_int (f->db, "SELECT count (*) FROM settings", -1);
  g_autofree char *token = g_build_filename (f->ui.dir, "sync-token", NULL);

  set_text (f, "shop.name", "新名字");
  set_text (f, "shop.code", "S 01!");
  set_text (f, "timezone", "Mars/Olympus");
  set_text (f, "sync.endpoint", "ftp://shop.example");
  set_choice (f, "cash_rounding", 1);
  save (f);

  g_assert_nonnull (strstr (axw_manager_settings_get_error (f->page, "shop.code"),
                            "1 to 8 letters or digits"));
  g_assert_nonnull (strstr (axw_manager_settings_get_error (f->page, "timezone"), "Asia/Shanghai"));
  g_assert_nonnull (strstr (axw_manager_settings_get_error (f->page, "sync.endpoint"), "https://"));
  g_assert_cmpstr (axw_manager_settings_get_error (f->page, "shop.name"), ==, "");
  g_assert_nonnull (strstr (axw_manager_settings_get_message (f->page, "save"), "Nothing saved"));
  /* nothing at all: not even the valid fields */
  assert_setting (f, "shop.name", "爱心屋");
  assert_setting (f, "cash_rounding", "none");
  g_assert_cmpint (axw_db_query_int (f->db, "SELECT count (*) FROM audit_log", -1), ==, audits);
  g_assert_cmpint (axw_db_query_int (f->db, "SELECT count (*) FROM settings", -1), ==, rows);
  save_pngs (f, "invalid");

  /* a token file is a whole path */
  set_text (f, "sync.token_file", "token.txt");
  save (f);
  g_assert_nonnull (strstr (axw_manager_settings_get_error (f->page, "sync.token_file"),
                            "whole path"));
  set_text (f, "sync.token_file", "");

  /* a token with spaces is refused too, and no file is written */
  set_text (f, "shop.code", "S01");
  set_text (f, "timezone", "Asia/Shanghai");
  set_text (f, "sync.endpoint", "");
  set_text (f, "sync.token", "two words");
  save (f);
  g_assert_cmpstr (axw_manager_settings_get_error (f->page, "sync.token"), !=, "");
  assert_setting (f, "shop.name", "爱心屋");
  assert_setting (f, "sync.token_file", "");
  g_assert_false (g_file_test (token, G_FILE_TEST_EXISTS));
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *needle)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_PASSWORD_ENTRY (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  if (text != NULL && strstr (text, needle) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, needle))
      return TRUE;
  return FALSE;
}

static void
test_token (Fixture       *f,
            gconstpointer  data)
{
  const char *token = "axw-tok-7f3a9c1e5b";
  g_autofree char *path = g_build_filename (f->ui.dir, "sync-token", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpstr (axw_manager_settings_get_message (f->page, "token"), ==, "Token: not set.");
  set_text (f, "sync.endpoint", "https://shop.aixinwu.example/api/sales");
  set_text (f, "sync.token", token);
  save (f);

  /* written next to the database, 0600, and the setting names it */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "axw-tok-7f3a9c1e5b\n");
  assert_setting (f, "sync.token_file", path);
  assert_setting (f, "sync.endpoint", "https://shop.aixinwu.example/api/sales");
  read = axw_sync_read_token (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, token);
  /* audited as "set", the token itself nowhere: not in the log, not on screen */
  g_assert_cmpint (audit_count (f, "detail = 'sync.token: set'"), ==, 1);
  g_assert_cmpint (axw_db_query_int (f->db,
                                     "SELECT count (*) FROM audit_log WHERE detail LIKE '%7f3a9c%'",
                                     -1),
                   ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (axw_manager_settings_get_field (f->page,
                                                                                        "sync.token"))),
                   ==, "");
  g_assert_false (shows_text (GTK_WIDGET (f->window), "7f3a9c"));
  g_assert_cmpstr (axw_manager_settings_get_message (f->page, "token"), ==, "Token: set.");

  /* a new token replaces the old one in the same file, still 0600 */
  set_text (f, "sync.token", "axw-tok-second");
  save (f);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "axw-tok-second\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (audit_count (f, "detail = 'sync.token: set'"), ==, 2);
  /* scrolls the token's row into view for the pictures */
  gtk_widget_grab_focus (axw_manager_settings_get_field (f->page, "sync.token"));
  save_pngs (f, "token");
}

static void
wait_test_page (Fixture *f)
{
  axw_test_wait_idle (axw_manager_settings_is_busy, f->page, 5000);
}

static void
test_test_page (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *bin = g_build_filename (f->ui.dir, "test-page.bin", NULL);
  g_autofree char *target = g_strconcat ("file:", bin, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *refused = NULL;
  gboolean title = FALSE;
  gsize len;

  set_text (f, "printer", target);
  set_text (f, "shop.name", "爱心屋·测试");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "settings.test-page", NULL));
  wait_test_page (f);
  g_assert_true (g_str_has_prefix (axw_manager_settings_get_message (f->page, "test"),
                                   "✔ Test page sent to file:"));
  g_assert_true (g_file_get_contents (bin, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decoded->len; i++)
    {
      Decoded *d = decoded->pdata[i];

      title |= d->kind == DECODED_TEXT && g_str_equal (d->text, "打印机测试页");
      if (d->kind == DECODED_TEXT)
        g_assert_cmpuint (d->columns, <=, 32);
    }
  g_assert_true (title);
  g_assert_cmpint (((Decoded *) decoded->pdata[0])->kind, ==, DECODED_TEXT);
  g_assert_cmpstr (((Decoded *) decoded->pdata[0])->text, ==, "爱心屋·测试");
  g_assert_cmpint (((Decoded *) decoded->pdata[decoded->len - 1])->kind, ==, DECODED_CUT);
  /* the test page saves nothing */
  assert_setting (f, "shop.name", "爱心屋");

  /* a network printer that refuses: the plain message, the page still usable */
  g_assert_true (g_socket_listener_add_address (listener, any, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  refused = g_strdup_printf ("tcp://127.0.0.1:%u",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_listener_close (listener);
  set_text (f, "printer", refused);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "settings.test-page", NULL));
  wait_test_page (f);
  g_assert_nonnull (strstr (axw_manager_settings_get_message (f->page, "test"),
                            "Could not reach the network printer 127.0.0.1:"));
  save_pngs (f, "test-page");

  /* a printer that is no printer: said next to the field, nothing sent */
  set_text (f, "printer", "lpt1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "settings.test-page", NULL));
  g_assert_false (axw_manager_settings_is_busy (f->page));
  g_assert_nonnull (strstr (axw_manager_settings_get_error (f->page, "printer"),
                            "tcp://HOST:9100"));
}

/* The reports page's Print: the report on screen, to the printer setting,
 * off the GTK thread; the bytes are the report's paper lines. */
static void
test_report_print (Fixture       *f,
                   gconstpointer  data)
{
  AxwManagerReports *reports = axw_manager_window_get_reports (f->window);
  g_autofree char *bin = g_build_filename (f->ui.dir, "receipts.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) line = axw_checkout_item_from_scan (f->db, "6971234560018", 2000, &error);
  g_autoptr(GDateTime) t = axw_time_parse_rfc3339 ("2026-12-12T09:30:00+08:00", NULL);
  g_autoptr(AxwSale) sale = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  AxwPayment pay = { AXW_PAY_CASH, 10000, 10000 };
  guint n = 0;
  gsize len;

  g_assert_no_error (error);
  axw_cart_add (cart, line);
  sale = axw_checkout_commit (f->db, cart, t, "小林", &pay, 1, &error);
  g_assert_no_error (error);
  g_unlink (bin);   /* the sale's receipt is not printed here: only the report */

  axw_manager_window_show_page (f->window, "reports");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reports), "reports.print", NULL));
  g_assert_nonnull (strstr (axw_manager_reports_get_message (reports), "Show a report first"));
  g_assert_true (axw_manager_reports_show_range (reports, "2026-12-12", "2026-12-12"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reports), "reports.print", NULL));
  axw_test_wait_idle (axw_manager_reports_is_printing, reports, 5000);
  g_assert_nonnull (strstr (axw_manager_reports_get_message (reports), "receipt printer"));

  g_assert_true (g_file_get_contents (bin, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  lines = axw_report_to_lines (axw_manager_reports_get_report (reports), 32, TRUE);
  for (guint i = 0; i < decoded->len; i++)
    {
      Decoded *d = decoded->pdata[i];

      if (d->kind != DECODED_TEXT)
        continue;
      g_assert_cmpuint (n, <, lines->len);
      g_assert_cmpstr (d->text, ==, g_ptr_array_index (lines, n));
      g_assert_cmpuint (d->columns, <=, 32);
      n++;
    }
  g_assert_cmpuint (n, ==, lines->len);
  g_assert_cmpint (((Decoded *) decoded->pdata[decoded->len - 1])->kind, ==, DECODED_CUT);
  ui_save_png (GTK_WIDGET (f->window), "manager-reports-printed.png");
}

/* The default language: the page and its messages in Chinese. */
static void
test_chinese (void)
{
  Fixture f = { 0 };

  g_setenv ("AIXINWU_LANGUAGE", "zh_CN", TRUE);
  fixture_setup (&f, NULL);
  set_text (&f, "receipt.footer", "欢迎再来");
  save (&f);
  g_assert_cmpstr (axw_manager_settings_get_message (f.page, "save"), ==, "已保存 1 项改动。");
  set_text (&f, "shop.code", "");
  save (&f);
  g_assert_nonnull (strstr (axw_manager_settings_get_message (f.page, "save"), "没有保存"));
  save_pngs (&f, "zh");
  fixture_teardown (&f, NULL);
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
}

static void
test_new_destroy (void)
{
  g_autofree char *dir = NULL;
  AxwDb *db = axw_test_db_new (&dir);
  AxwManagerSettings *page;

  page = g_object_ref_sink (axw_manager_settings_new (db, "王店长"));
  ui_pump (200);   /* the USB search finishes */
  g_assert_finalize_object (page);
  g_assert_finalize_object (db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add ("/manager-settings/save", Fixture, NULL, fixture_setup, test_save, fixture_teardown);
  g_test_add ("/manager-settings/invalid", Fixture, NULL, fixture_setup, test_invalid,
              fixture_teardown);
  g_test_add ("/manager-settings/token", Fixture, NULL, fixture_setup, test_token,
              fixture_teardown);
  g_test_add ("/manager-settings/test-page", Fixture, NULL, fixture_setup, test_test_page,
              fixture_teardown);
  g_test_add ("/manager-settings/report-print", Fixture, NULL, fixture_setup, test_report_print,
              fixture_teardown);
  g_test_add_func ("/manager-settings/chinese", test_chinese);
  g_test_add_func ("/manager-settings/new-destroy", test_new_destroy);
  return g_test_run ();
}
