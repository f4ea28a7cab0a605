/* axw-online-orders.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Orders from the online shop take goods from the same stock as the
 * counter. The file format is in data/EXPORT.md.
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

typedef struct {
  guint applied;        /* orders that changed the stock now */
  guint already;        /* order ids applied before: skipped */
  guint lines;          /* lines of the applied orders */
  guint below_zero;     /* products this import took below zero stock: count them */
} AxwOnlineImport;

gboolean axw_online_orders_import (AxwDb            *db,
                                   const char       *text,
                                   gsize             length,
                                   const char       *staff,
                                   AxwOnlineImport  *stats,
                                   GError          **error);

G_END_DECLS
