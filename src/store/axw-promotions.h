/* axw-promotions.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"
#include "axw-pricing.h"

G_BEGIN_DECLS

/* A promotion as people write it (CSV cells or the manager's form). */
typedef struct {
  const char *name;
  const char *scope;          /* aid | all */
  const char *percent;        /* "5", "12.5" */
  const char *day_of_month;   /* empty: any */
  const char *month;          /* empty: any */
  const char *from;           /* YYYY-MM-DD or empty */
  const char *to;
} AxwPromotionText;

gboolean   axw_promotions_parse       (const AxwPromotionText  *text,
                                       AxwPromotion            *out,
                                       const char             **out_column,
                                       GError                 **error);

GPtrArray *axw_promotions_list        (AxwDb          *db,
                                       GError        **error);
gboolean   axw_promotions_save        (AxwDb          *db,
                                       AxwPromotion   *promo,
                                       const char     *staff,
                                       GError        **error);
gboolean   axw_promotions_remove      (AxwDb          *db,
                                       const char     *name,
                                       const char     *staff,
                                       GError        **error);
gboolean   axw_promotions_import_csv  (AxwDb          *db,
                                       const char     *text,
                                       gsize           length,
                                       guint          *out_count,
                                       GError        **error);
gboolean   axw_promotions_import_csv_as (AxwDb        *db,
                                         const char   *text,
                                         gsize         length,
                                         const char   *staff,
                                         guint        *out_count,
                                         GError      **error);

G_END_DECLS
