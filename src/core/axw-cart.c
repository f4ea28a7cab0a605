/* axw-cart.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-cart.h"

struct _AxwCart
{
  GPtrArray *lines;          /* AxwLine, order of first scan */
  char      *voucher_code;
  char      *donation_fund;   /* nullable: no donation */
  gint64     donation_ask_fen;
  gint64     donation_round_to_fen;
};

AxwCart *
axw_cart_new (void)
{
  AxwCart *cart = g_new0 (AxwCart, 1);

  cart->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_line_free);
  return cart;
}

void
axw_cart_free (AxwCart *cart)
{
  if (cart == NULL)
    return;
  g_ptr_array_unref (cart->lines);
  g_free (cart->voucher_code);
  g_free (cart->donation_fund);
  g_free (cart);
}

/* Returns: (transfer full): an independent copy, for holding a sale */
AxwCart *
axw_cart_copy (const AxwCart *cart)
{
  AxwCart *copy = axw_cart_new ();

  for (guint i = 0; i < cart->lines->len; i++)
    g_ptr_array_add (copy->lines, axw_line_copy (g_ptr_array_index (cart->lines, i)));
  copy->voucher_code = g_strdup (cart->voucher_code);
  axw_cart_set_donation (copy, cart->donation_fund, cart->donation_ask_fen,
                         cart->donation_round_to_fen);
  return copy;
}

guint
axw_cart_get_n_lines (const AxwCart *cart)
{
  return cart->lines->len;
}

gboolean
axw_cart_is_empty (const AxwCart *cart)
{
  return cart->lines->len == 0;
}

const AxwLine *
axw_cart_get_line (const AxwCart *cart,
                   guint          index)
{
  g_return_val_if_fail (index < cart->lines->len, NULL);
  return g_ptr_array_index (cart->lines, index);
}

/**
 * axw_cart_add:
 * @item: a line from a scan (copied)
 *
 * The same non-weighed barcode adds its quantity to the existing line;
 * weighed and open-price items always make a line of their own, and a
 * line at a manager's price takes no more pieces at that price.
 *
 * Returns: the index of the line that changed or was added
 */
guint
axw_cart_add (AxwCart       *cart,
              const AxwLine *item)
{
  if (!item->weighed && !item->open_price)
    for (guint i = 0; i < cart->lines->len; i++)
      {
        AxwLine *l = g_ptr_array_index (cart->lines, i);

        if (!l->weighed && !l->open_price && !l->price_overridden &&
            l->product_id == item->product_id &&
            g_strcmp0 (l->barcode, item->barcode) == 0)
          {
            l->qty_milli += item->qty_milli;
            return i;
          }
      }
  g_ptr_array_add (cart->lines, axw_line_copy (item));
  return cart->lines->len - 1;
}

/* A weighed line's quantity comes from its label and cannot change. */
gboolean
axw_cart_set_qty (AxwCart *cart,
                  guint    index,
                  gint64   qty_milli)
{
  AxwLine *l;

  g_return_val_if_fail (index < cart->lines->len, FALSE);
  l = g_ptr_array_index (cart->lines, index);
  if (qty_milli <= 0 || l->weighed)
    return FALSE;
  l->qty_milli = qty_milli;
  return TRUE;
}

/* Returns: (transfer full): the removed line, for undo */
AxwLine *
axw_cart_remove (AxwCart *cart,
                 guint    index)
{
  g_return_val_if_fail (index < cart->lines->len, NULL);
  return g_ptr_array_steal_index (cart->lines, index);
}

/* Puts a removed line back where it was (undo). */
void
axw_cart_insert (AxwCart       *cart,
                 guint          index,
                 const AxwLine *line)
{
  g_ptr_array_insert (cart->lines, (int) MIN (index, cart->lines->len), axw_line_copy (line));
}

/* Puts a copy of @line in place of line @index (a changed price). */
void
axw_cart_replace (AxwCart       *cart,
                  guint          index,
                  const AxwLine *line)
{
  g_return_if_fail (index < cart->lines->len);
  axw_line_free (g_ptr_array_index (cart->lines, index));
  g_ptr_array_index (cart->lines, index) = axw_line_copy (line);
}

void
axw_cart_clear (AxwCart *cart)
{
  g_ptr_array_set_size (cart->lines, 0);
  g_clear_pointer (&cart->voucher_code, g_free);
  axw_cart_set_donation (cart, NULL, 0, 0);
}

/**
 * axw_cart_set_donation:
 * @fund: (nullable): the fund's name; %NULL takes the donation off
 * @ask_fen: a fixed amount (一元捐: 100), used when @round_to_fen is 0
 * @round_to_fen: 100 or 1000 to round the total up to the next yuan or
 *   ten yuan, else 0
 *
 * One donation per sale (docs/design.md §15); a new one replaces it.
 */
void
axw_cart_set_donation (AxwCart    *cart,
                       const char *fund,
                       gint64      ask_fen,
                       gint64      round_to_fen)
{
  g_return_if_fail (ask_fen >= 0 && round_to_fen >= 0);

  g_free (cart->donation_fund);
  cart->donation_fund = fund && *fund ? g_strdup (fund) : NULL;
  cart->donation_ask_fen = cart->donation_fund ? ask_fen : 0;
  cart->donation_round_to_fen = cart->donation_fund ? round_to_fen : 0;
}

const char *
axw_cart_get_donation_fund (const AxwCart *cart)
{
  return cart->donation_fund;
}

const char *
axw_cart_get_voucher_code (const AxwCart *cart)
{
  return cart->voucher_code;
}

void
axw_cart_set_voucher_code (AxwCart    *cart,
                           const char *code)
{
  g_free (cart->voucher_code);
  cart->voucher_code = code && *code ? g_strdup (code) : NULL;
}

/* Returns: (transfer full): an unpriced sale with copies of the lines */
AxwSale *
axw_cart_to_sale (const AxwCart *cart,
                  const char    *business_date)
{
  AxwSale *sale = axw_sale_new ();

  sale->business_date = g_strdup (business_date);
  for (guint i = 0; i < cart->lines->len; i++)
    g_ptr_array_add (sale->lines, axw_line_copy (g_ptr_array_index (cart->lines, i)));
  sale->donation_fund = g_strdup (cart->donation_fund);
  sale->donation_ask_fen = cart->donation_ask_fen;
  sale->donation_round_to_fen = cart->donation_round_to_fen;
  return sale;
}
