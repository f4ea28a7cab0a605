/* axw-products.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-barcode.h"
#include "axw-db.h"

G_BEGIN_DECLS

typedef struct {
  gint64    id;
  char     *barcode;        /* nullable */
  char     *plu;            /* nullable */
  char     *name;
  char     *category;       /* "" when none */
  char     *origin;
  gint64    price_fen;      /* per piece, or per kg when per_kg */
  gboolean  per_kg;
  gboolean  aid_eligible;
  gint64    stock_milli;
  char     *pinyin;
  char     *updated_at;
} AxwProduct;

typedef struct {
  guint inserted;
  guint updated;
  guint unchanged;
} AxwImportStats;

AxwProduct *axw_product_new             (void);
void        axw_product_free            (AxwProduct          *product);
char       *axw_product_dup_sku         (const AxwProduct    *product);

AxwProduct *axw_products_get            (AxwDb               *db,
                                         gint64               id,
                                         GError             **error);
AxwProduct *axw_products_find_barcode   (AxwDb               *db,
                                         const char          *barcode,
                                         GError             **error);
AxwProduct *axw_products_find_plu       (AxwDb               *db,
                                         const char          *plu,
                                         GError             **error);
AxwProduct *axw_products_lookup_scan    (AxwDb               *db,
                                         const AxwScan       *scan,
                                         GError             **error);
GPtrArray  *axw_products_search         (AxwDb               *db,
                                         const char          *query,
                                         guint                limit,
                                         GError             **error);
gint64      axw_products_count          (AxwDb               *db);
gboolean    axw_products_save           (AxwDb               *db,
                                         AxwProduct          *product,
                                         const char          *staff,
                                         GError             **error);
gboolean    axw_products_adjust_stock   (AxwDb               *db,
                                         gint64               id,
                                         gint64               delta_milli,
                                         const char          *reason,
                                         const char          *staff,
                                         GError             **error);
gboolean    axw_products_import_csv     (AxwDb               *db,
                                         const char          *text,
                                         gsize                length,
                                         gboolean             dry_run,
                                         AxwImportStats      *stats,
                                         GError             **error);
char       *axw_products_export_csv     (AxwDb               *db,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwProduct, axw_product_free)

G_END_DECLS
