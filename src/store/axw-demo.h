/* axw-demo.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

gboolean axw_demo_fill (AxwDb   *db,
                        GError **error);

G_END_DECLS
