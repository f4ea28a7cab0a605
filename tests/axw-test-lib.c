/* axw-test-lib.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "axw-test-lib.h"

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * axw_test_wait_until:
 * @condition: asked each time the default main context has run
 * @data: its argument
 * @timeout_ms: how long to wait at most
 *
 * Runs the default main context until @condition says TRUE. A tick every
 * 10 ms wakes it up, for conditions another thread makes true (a row a
 * worker wrote) without waking the main context.
 *
 * Returns: whether @condition came true in time
 */
gboolean
axw_test_wait_until (AxwTestCondition condition,
                     gpointer         data,
                     guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return met;
}

typedef struct {
  AxwTestCondition condition;
  gpointer         data;
} Negated;

static gboolean
negated_cb (gpointer data)
{
  Negated *n = data;

  return !n->condition (n->data);
}

/* Like axw_test_wait_until(), until @condition says FALSE. */
gboolean
axw_test_wait_while (AxwTestCondition condition,
                     gpointer         data,
                     guint            timeout_ms)
{
  Negated n = { condition, data };

  return axw_test_wait_until (negated_cb, &n, timeout_ms);
}

/* Runs whatever the default main context has ready, without waiting. */
void
axw_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A condition: the pointer at @location is NULL (a weak pointer whose
 * object went, a dialog that closed). */
gboolean
axw_test_cleared (gpointer location)
{
  return *(gpointer *) location == NULL;
}

/* A condition: nobody but the caller holds @object (a worker thread that
 * held it has ended and dropped its reference). */
gboolean
axw_test_unshared (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

/* strstr() that says, in the test log, what it did not find where. */
gboolean
axw_test_contains (const char *text,
                   const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_test_message ("“%s” not in “%s”", needle, text);
      return FALSE;
    }
  return TRUE;
}

/* Removes @path and everything under it. */
void
axw_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (path, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        axw_test_rm_rf (p);
      else
        g_unlink (p);
    }
  g_rmdir (path);
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * axw_test_percentile:
 * @ms: doubles (times), sorted here
 * @percent: 50 for the median, 99, or 100 for the largest
 *
 * Returns: the element at @percent of the sorted @ms (index len × percent / 100)
 */
double
axw_test_percentile (GArray *ms,
                     guint   percent)
{
  g_assert_cmpuint (ms->len, >, 0);
  g_array_sort (ms, cmp_double);
  return g_array_index (ms, double, MIN (ms->len * percent / 100, ms->len - 1));
}

/* The EAN-13 barcode of @prefix (two digits), @n in ten digits and the
 * check digit.
 * Returns: (transfer full): the code */
char *
axw_test_ean13 (guint prefix,
                guint n)
{
  char code[14];
  int sum = 0;

  g_snprintf (code, sizeof code, "%02u%010u", prefix, n);
  for (int i = 0; i < 12; i++)
    sum += (code[i] - '0') * (i % 2 ? 3 : 1);
  code[12] = (char) ('0' + (10 - sum % 10) % 10);
  code[13] = 0;
  return g_strdup (code);
}

void
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

void
db_fixture_teardown (DbFixture     *f,
                     gconstpointer  data)
{
  g_clear_object (&f->db);
  axw_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/**
 * axw_test_db_new:
 * @dir: (out): the new temp dir the database is in; axw_test_rm_rf() it
 *
 * For a test without a fixture: a new, empty database.
 *
 * Returns: (transfer full): the database
 */
AxwDb *
axw_test_db_new (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AxwDb *db;

  *dir = g_dir_make_tmp ("axw-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "shop.db", NULL);
  db = axw_db_open (path, &error);
  g_assert_no_error (error);
  return db;
}

/* Commits a sale of one line, paid with @cash_fen in cash by 小林 at @when.
 * Returns: (transfer full): the committed sale */
AxwSale *
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
