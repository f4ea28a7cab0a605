/* axw-test-util.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures shared by the store tests: a fresh database in a temp dir.
 */
#pragma once

#include <glib/gstdio.h>

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
