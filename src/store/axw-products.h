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
  gboolean  open_price;     /* the cashier types the price at each sale */
  gboolean  retired;        /* kept for history, no longer sold */
  gint64    stock_milli;
  char     *fund;           /* "" or the fund its proceeds go to (爱心义卖) */
  gboolean  fund_discounts; /* promotions and red packets may apply all the same */
  char     *pinyin;
  char     *updated_at;
  char     *supplier;       /* the supplier's name, "" when none */
  gint64    cost_fen;       /* what the shop pays, per piece or per kg */
  gint64    low_stock_milli; /* at or under it the stock is low; 0: no alert */
} AxwProduct;

typedef struct {
  guint inserted;
  guint updated;
  guint unchanged;
  guint price_changed;    /* of the updated: the price differs */
  guint stock_changed;    /* of the updated: the stock differs */
} AxwImportStats;

/* One row of a products CSV that changes the catalog. */
typedef struct {
  guint       row;        /* 1-based data row */
  AxwProduct *before;     /* nullable: %NULL for a new product */
  AxwProduct *after;
} AxwImportChange;

/* Called every few hundred rows from the thread doing the import. */
typedef void (*AxwImportProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* What a stocktake counted for one product. */
typedef struct {
  gint64 product_id;
  gint64 counted_milli;
} AxwStockCount;

AxwProduct *axw_product_new             (void);
void        axw_product_free            (AxwProduct          *product);
char       *axw_product_dup_sku         (const AxwProduct    *product);
char       *axw_product_describe_stock  (const AxwProduct    *product);

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
GPtrArray  *axw_products_search_with_retired (AxwDb          *db,
                                              const char     *query,
                                              guint           limit,
                                              GError        **error);
gboolean    axw_products_set_retired    (AxwDb               *db,
                                         const char          *code,
                                         gboolean             retired,
                                         const char          *staff,
                                         GError             **error);
gint64      axw_products_count          (AxwDb               *db);
gboolean    axw_products_is_code        (const char          *text);
GPtrArray  *axw_products_low_stock      (AxwDb               *db,
                                         guint                limit,
                                         GError             **error);
AxwProduct *axw_products_find_typed     (AxwDb               *db,
                                         const char          *text,
                                         GError             **error);
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
gboolean    axw_products_adjust_in_transaction (AxwDb        *db,
                                                gint64        id,
                                                gint64        delta_milli,
                                                const char   *reason,
                                                const char   *staff,
                                                GError      **error);
gboolean    axw_products_import_csv     (AxwDb               *db,
                                         const char          *text,
                                         gsize                length,
                                         gboolean             dry_run,
                                         AxwImportStats      *stats,
                                         GError             **error);
gboolean    axw_products_import_csv_full (AxwDb             *db,
                                          const char        *text,
                                          gsize              length,
                                          gboolean           dry_run,
                                          const char        *staff,
                                          AxwImportProgress  progress,
                                          gpointer           user_data,
                                          AxwImportStats    *stats,
                                          GPtrArray        **changes,
                                          GError           **error);
void        axw_import_change_free      (gpointer             change);
char       *axw_import_change_describe  (const AxwImportChange *change);
char       *axw_import_stats_describe   (const AxwImportStats  *stats);
gboolean    axw_products_stocktake      (AxwDb               *db,
                                         const AxwStockCount *counts,
                                         guint                n_counts,
                                         const char          *staff,
                                         guint               *n_changed,
                                         GError             **error);
AxwProduct *axw_product_copy            (const AxwProduct    *product);
char       *axw_products_export_csv     (AxwDb               *db,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwProduct, axw_product_free)

G_END_DECLS
