/* axw-promotions.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"
#include "axw-pricing.h"

G_BEGIN_DECLS

GPtrArray *axw_promotions_list        (AxwDb          *db,
                                       GError        **error);
gboolean   axw_promotions_save        (AxwDb          *db,
                                       AxwPromotion   *promo,
                                       const char     *staff,
                                       GError        **error);
gboolean   axw_promotions_import_csv  (AxwDb          *db,
                                       const char     *text,
                                       gsize           length,
                                       guint          *out_count,
                                       GError        **error);

G_END_DECLS
