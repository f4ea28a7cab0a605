/* test-district-check.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter's red-packet question in a worker thread: the main loop
 * (the GTK thread at the counter) keeps running while the hub is asked,
 * and a hub that never answers costs 300 ms, not a frozen screen. Run by
 * tests/test-district.sh against its PostgreSQL: AXW_SHOP_DB is a shop
 * that pushed HB20260001, AXW_SILENT_URL a socket that never answers.
 */
#include <glib/gstdio.h>

#include "axw-district.h"
#include "axw-error.h"
#include "axw-settings.h"

typedef struct {
  GMainLoop        *loop;
  AxwHubCheck       verdict;
  AxwHubRedemption  where;
  GError           *error;
  guint             ticks;
  gint64            took_us;
} Check;

static gboolean
tick_cb (gpointer data)
{
  ((Check *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Check *c = data;

  c->verdict = axw_district_check_red_packet_finish (result, &c->where, &c->error);
  g_main_loop_quit (c->loop);
}

static void
ask (AxwDb      *db,
     const char *code,
     Check      *c)
{
  guint tick = g_timeout_add (5, tick_cb, c);
  gint64 t0 = g_get_monotonic_time ();

  c->loop = g_main_loop_new (NULL, FALSE);
  axw_district_check_red_packet_async (db, code, NULL, checked_cb, c);
  g_main_loop_run (c->loop);
  c->took_us = g_get_monotonic_time () - t0;
  g_source_remove (tick);
  g_main_loop_unref (c->loop);
}

static void
test_redeemed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (g_getenv ("AXW_SHOP_DB"), &error);
  Check c = { 0 };

  g_assert_no_error (error);
  ask (db, "HB20260001", &c);
  g_assert_no_error (c.error);
  g_assert_cmpint (c.verdict, ==, AXW_HUB_CHECK_REDEEMED);
  g_assert_true (g_str_equal (c.where.shop, "S01") || g_str_equal (c.where.shop, "S02"));
  g_assert_cmpstr (c.where.business_date, >=, "2026-12-01");
  axw_hub_redemption_clear (&c.where);
}

static void
test_free (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (g_getenv ("AXW_SHOP_DB"), &error);
  Check c = { 0 };

  ask (db, "HB20269999", &c);
  g_assert_no_error (c.error);
  g_assert_cmpint (c.verdict, ==, AXW_HUB_CHECK_FREE);
  g_assert_null (c.where.shop);
}

static void
test_silent_hub (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axw-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(AxwDb) shop = axw_db_open (g_getenv ("AXW_SHOP_DB"), &error);
  g_autofree char *passfile = axw_settings_get (shop, "district.password_file");
  g_autoptr(AxwDb) db = axw_db_open (path, &error);
  Check c = { 0 };

  g_assert_no_error (error);
  g_assert_true (axw_settings_set (db, "district.url", g_getenv ("AXW_SILENT_URL"), &error));
  g_assert_true (axw_settings_set (db, "district.password_file", passfile, &error));
  g_setenv ("AIXINWU_HUB_CHECK_MS", "300", TRUE);   /* the counter's own deadline */
  ask (db, "HB20260001", &c);
  g_assert_cmpint (c.verdict, ==, AXW_HUB_CHECK_UNKNOWN);
  g_assert_error (c.error, AXW_ERROR, AXW_ERROR_NETWORK);
  g_assert_cmpint (c.took_us, >=, 250000);
  g_assert_cmpint (c.took_us, <, 1000000);
  g_assert_cmpuint (c.ticks, >=, 20);   /* the main loop ran all along */
  g_clear_error (&c.error);
  g_clear_object (&db);
  g_unlink (path);
  g_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("AXW_SHOP_DB") == NULL)
    {
      g_test_skip ("run by tests/test-district.sh, which starts PostgreSQL");
      return g_test_run ();
    }
  g_test_add_func ("/district/check/redeemed", test_redeemed);
  g_test_add_func ("/district/check/free", test_free);
  g_test_add_func ("/district/check/silent-hub", test_silent_hub);
  return g_test_run ();
}
