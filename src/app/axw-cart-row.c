/* axw-cart-row.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One priced cart line as the column view shows it. The texts are made
 * once from the quote; the GUI never computes money itself.
 */
#include <glib/gi18n.h>

#include "axw-cart-row.h"

struct _AxwCartRow
{
  GObject  parent_instance;

  char    *name;
  char    *qty;
  char    *price;
  char    *amount;
  char    *promotion;
  char    *name_and_detail;
  char    *barcode;
  gint64   qty_milli;
};

G_DEFINE_FINAL_TYPE (AxwCartRow, axw_cart_row, G_TYPE_OBJECT)

static void
axw_cart_row_finalize (GObject *object)
{
  AxwCartRow *self = AXW_CART_ROW (object);

  g_free (self->name);
  g_free (self->qty);
  g_free (self->price);
  g_free (self->amount);
  g_free (self->promotion);
  g_free (self->name_and_detail);
  g_free (self->barcode);
  G_OBJECT_CLASS (axw_cart_row_parent_class)->finalize (object);
}

static void
axw_cart_row_class_init (AxwCartRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = axw_cart_row_finalize;
}

static void
axw_cart_row_init (AxwCartRow *self)
{
}

AxwCartRow *
axw_cart_row_new (const AxwLine *line)
{
  AxwCartRow *self = g_object_new (AXW_TYPE_CART_ROW, NULL);
  g_autofree char *qty = axw_qty_format (line->qty_milli);
  g_autofree char *price = axw_money_format_screen (line->unit_price_fen);

  self->name = g_strdup (line->name);
  self->barcode = g_strdup (line->barcode);
  self->qty_milli = line->qty_milli;
  self->qty = line->per_kg ? g_strdup_printf (_("%s kg"), qty) : g_steal_pointer (&qty);
  self->price = line->per_kg ? g_strdup_printf (_("%s/kg"), price) : g_steal_pointer (&price);
  self->amount = axw_money_format_screen (line->net_fen);
  if (line->promo_fen > 0)
    {
      g_autofree char *money = axw_money_format_screen (line->promo_fen);
      /* a word joiner: the minus never ends a line apart from its amount */
      g_autofree char *off = g_strconcat ("\u2060", money, NULL);

      self->promotion = g_strdup_printf (_("%s −%s"), line->promotion ? line->promotion : "", off);
    }
  else
    self->promotion = g_strdup ("");
  self->name_and_detail = *self->promotion
    ? g_strdup_printf ("%s\n%s  %s", self->name, self->price, self->promotion)
                                           : g_strdup_printf ("%s\n%s", self->name, self->price);
  return self;
}

const char *
axw_cart_row_get_name (AxwCartRow *self)
{
  return self->name;
}

const char *
axw_cart_row_get_qty (AxwCartRow *self)
{
  return self->qty;
}

const char *
axw_cart_row_get_price (AxwCartRow *self)
{
  return self->price;
}

const char *
axw_cart_row_get_amount (AxwCartRow *self)
{
  return self->amount;
}

const char *
axw_cart_row_get_promotion (AxwCartRow *self)
{
  return self->promotion;
}

/* The name, then the unit price and the promotion on a second line: the
 * item cell when large text leaves no room for their own columns. */
const char *
axw_cart_row_get_name_and_detail (AxwCartRow *self)
{
  return self->name_and_detail;
}

const char *
axw_cart_row_get_barcode (AxwCartRow *self)
{
  return self->barcode;
}

gint64
axw_cart_row_get_qty_milli (AxwCartRow *self)
{
  return self->qty_milli;
}
