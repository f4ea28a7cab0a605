/* axw-test-lib.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test library (tests/axw-test-lib.c, compiled once): a fresh database
 * in a temp dir, a sale made the way the counter makes one, and waiting on a
 * condition while the main context runs, instead of sleeping a fixed time.
 */
#pragma once

#include <glib/gstdio.h>

#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-db.h"
#include "axw-sales.h"

/* Conditions ------------------------------------------------------------- */

/* A condition on @data, asked again each time the main context has run. */
typedef gboolean (*AxwTestCondition) (gpointer data);

gboolean  axw_test_wait_until  (AxwTestCondition condition,
                                gpointer         data,
                                guint            timeout_ms);
gboolean  axw_test_wait_while  (AxwTestCondition condition,
                                gpointer         data,
                                guint            timeout_ms);
void      axw_test_flush       (void);
gboolean  axw_test_cleared     (gpointer         location);
gboolean  axw_test_unshared    (gpointer         object);

/**
 * axw_test_wait_idle:
 * @is_busy: a getter, e.g. axw_manager_sync_get_busy
 * @object: what it is asked of
 * @timeout_ms: how long it may stay busy
 *
 * Runs the main context until @is_busy (@object) says FALSE, and fails the
 * test if it still says TRUE after @timeout_ms; then runs what the end of
 * the work queued.
 */
#define axw_test_wait_idle(is_busy, object, timeout_ms) G_STMT_START { \
    g_assert_true (axw_test_wait_while ((AxwTestCondition) (is_busy), (object), (timeout_ms))); \
    axw_test_flush (); \
  } G_STMT_END

gboolean  axw_test_contains    (const char *text,
                                const char *needle);
void      axw_test_rm_rf       (const char *path);

/* Benchmarks and generated data ------------------------------------------ */

double    axw_test_percentile  (GArray     *ms,
                                guint       percent);
char     *axw_test_ean13       (guint       prefix,
                                guint       n);

/* A fresh database --------------------------------------------------------- */

typedef struct {
  char  *dir;
  char  *path;
  AxwDb *db;
} DbFixture;

void      db_fixture_setup     (DbFixture     *f,
                                gconstpointer  data);
void      db_fixture_teardown  (DbFixture     *f,
                                gconstpointer  data);

#define DB_TEST(path, fn) \
  g_test_add (path, DbFixture, NULL, db_fixture_setup, fn, db_fixture_teardown)

AxwDb    *axw_test_db_new      (char      **dir);

AxwSale  *axw_test_sell        (AxwDb      *db,
                                const char *when,
                                const char *barcode,
                                gint64      qty_milli,
                                gint64      cash_fen);
