/* axw-test-util.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures shared by the store tests: a fresh database in a temp dir, and
 * a sale made the way the counter makes one.
 */
#pragma once

#include <glib/gstdio.h>

#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-db.h"

typedef struct {
  char  *dir;
  char  *path;
  AxwDb *db;
} DbFixture;

static inline void
db_fixture_setup (DbFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("axw-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->db = axw_db_open (f->path, &error);
  g_assert_no_error (error);
}

static inline void
db_fixture_teardown (DbFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->db);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

#define DB_TEST(path, fn) \
  g_test_add (path, DbFixture, NULL, db_fixture_setup, fn, db_fixture_teardown)

/* Commits a sale of one line, paid with @cash_fen in cash by 小林 at @when.
 * Returns: (transfer full): the committed sale */
static inline AxwSale *
axw_test_sell (AxwDb      *db,
               const char *when,
               const char *barcode,
               gint64      qty_milli,
               gint64      cash_fen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) line = axw_checkout_item_from_scan (db, barcode, qty_milli, &error);
  g_autoptr(GDateTime) t = axw_time_parse_rfc3339 (when, NULL);
  AxwPayment pay = { AXW_PAY_CASH, cash_fen, cash_fen };
  AxwSale *sale;

  g_assert_no_error (error);
  axw_cart_add (cart, line);
  sale = axw_checkout_commit (db, cart, t, "小林", &pay, 1, &error);
  g_assert_no_error (error);
  return sale;
}
