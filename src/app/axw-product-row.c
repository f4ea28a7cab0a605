/* axw-product-row.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search result: what the cashier reads to pick the right product.
 */
#include <glib/gi18n.h>

#include "axw-money.h"
#include "axw-product-row.h"

struct _AxwProductRow
{
  GObject   parent_instance;

  char     *name;
  char     *detail;
  char     *price;
  char     *code;
  gboolean  per_kg;
};

G_DEFINE_FINAL_TYPE (AxwProductRow, axw_product_row, G_TYPE_OBJECT)

static void
axw_product_row_finalize (GObject *object)
{
  AxwProductRow *self = AXW_PRODUCT_ROW (object);

  g_free (self->name);
  g_free (self->detail);
  g_free (self->price);
  g_free (self->code);
  G_OBJECT_CLASS (axw_product_row_parent_class)->finalize (object);
}

static void
axw_product_row_class_init (AxwProductRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = axw_product_row_finalize;
}

static void
axw_product_row_init (AxwProductRow *self)
{
}

AxwProductRow *
axw_product_row_new (const AxwProduct *product)
{
  AxwProductRow *self = g_object_new (AXW_TYPE_PRODUCT_ROW, NULL);
  g_autofree char *price = axw_money_format_screen (product->price_fen);

  self->name = g_strdup (product->name);
  /* what the code entry takes: the barcode, or the PLU of loose goods */
  self->code = g_strdup (product->barcode ? product->barcode : product->plu);
  self->per_kg = product->per_kg;
  self->price = product->per_kg ? g_strdup_printf (_("%s/kg"), price) : g_steal_pointer (&price);
  self->detail = g_strdup_printf ("%s · %s · %s", product->origin ? product->origin : "",
                                  product->pinyin ? product->pinyin : "", self->code);
  return self;
}

const char *
axw_product_row_get_name (AxwProductRow *self)
{
  return self->name;
}

const char *
axw_product_row_get_detail (AxwProductRow *self)
{
  return self->detail;
}

const char *
axw_product_row_get_price (AxwProductRow *self)
{
  return self->price;
}

const char *
axw_product_row_get_code (AxwProductRow *self)
{
  return self->code;
}

gboolean
axw_product_row_get_per_kg (AxwProductRow *self)
{
  return self->per_kg;
}
