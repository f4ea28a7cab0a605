/* axw-schema.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int         version;
  const char *sql;
} AxwMigration;

const AxwMigration *axw_schema_migrations (guint *n_migrations);

G_END_DECLS
