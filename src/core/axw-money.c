/* axw-money.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-error.h"
#include "axw-money.h"

/* ¥10 000 000 000: far beyond any shop, far below overflow. */
#define AXW_MONEY_MAX_FEN G_GINT64_CONSTANT (1000000000000)

/**
 * axw_round_half_up_div:
 *
 * Divides and rounds half away from zero: 5 / 10 → 1, -5 / 10 → -1.
 */
gint64
axw_round_half_up_div (gint64 numerator,
                       gint64 denominator)
{
  gint64 q, r;

  g_return_val_if_fail (denominator > 0, 0);

  q = numerator / denominator;
  r = numerator % denominator;
  if (r < 0)
    r = -r;
  if (2 * r >= denominator)
    q += numerator < 0 ? -1 : 1;
  return q;
}

/**
 * axw_mul_div_round:
 *
 * round_half_up (a × b / denominator) without intermediate overflow.
 */
gint64
axw_mul_div_round (gint64 a,
                   gint64 b,
                   gint64 denominator)
{
  __int128 n = (__int128) a * b;
  __int128 q, r;

  g_return_val_if_fail (denominator > 0, 0);

  q = n / denominator;
  r = n % denominator;
  if (r < 0)
    r = -r;
  if (2 * r >= denominator)
    q += n < 0 ? -1 : 1;
  return (gint64) q;
}

/* Parses "123", "123.4", "123.45" (up to @max_decimals digits after the
 * point) into an integer scaled by 10^max_decimals. */
static gboolean
parse_decimal (const char  *text,
               guint        max_decimals,
               gint64       max_value,
               gint64      *out_value,
               const char  *what,
               GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  gint64 whole = 0;
  gint64 frac = 0;
  guint n_frac = 0;
  guint n_whole = 0;
  gint64 scale = 1;

  if (text == NULL)
    text = "";
  s = g_strstrip (g_strdup (text));

  if (*s == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The %s is empty: type a number like 12.5"), what);
      return FALSE;
    }

  for (p = s; *p >= '0' && *p <= '9'; p++)
    {
      if (++n_whole > 13)
        goto too_large;
      whole = whole * 10 + (*p - '0');
    }

  if (n_whole == 0)
    goto bad;

  if (*p == '.')
    {
      p++;
      for (; *p >= '0' && *p <= '9'; p++)
        {
          if (++n_frac > max_decimals)
            {
              g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                           _("“%s” has too many decimals: the %s takes at most %u"),
                           s, what, max_decimals);
              return FALSE;
            }
          frac = frac * 10 + (*p - '0');
        }
      if (n_frac == 0)
        goto bad;
    }

  if (*p != '\0')
    goto bad;

  for (guint i = 0; i < max_decimals; i++)
    scale *= 10;
  for (guint i = n_frac; i < max_decimals; i++)
    frac *= 10;

  if (whole > max_value / scale)
    goto too_large;

  *out_value = whole * scale + frac;
  if (*out_value > max_value)
    goto too_large;
  return TRUE;

bad:
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("“%s” is not a valid %s: type digits with an optional point, like 12.5"),
               s, what);
  return FALSE;

too_large:
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("“%s” is too large for a %s"), s, what);
  return FALSE;
}

/**
 * axw_money_parse:
 * @text: yuan as people type it: "12", "12.5", "12.50", "0.01"
 * @out_fen: (out): the amount in fen
 *
 * Refuses negative numbers, exponents, more than two decimals and empty
 * text, with a message that says what to type instead.
 */
gboolean
axw_money_parse (const char  *text,
                 gint64      *out_fen,
                 GError     **error)
{
  g_return_val_if_fail (out_fen != NULL, FALSE);

  return parse_decimal (text, 2, AXW_MONEY_MAX_FEN, out_fen, _("amount"), error);
}

/**
 * axw_money_format:
 *
 * Returns: (transfer full): "12.30", "-0.05"
 */
char *
axw_money_format (gint64 fen)
{
  guint64 a = fen < 0 ? (guint64) -(fen + 1) + 1 : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          fen < 0 ? "-" : "", a / 100, (guint) (a % 100));
}

/* On screen: ¥ U+00A5. */
char *
axw_money_format_screen (gint64 fen)
{
  g_autofree char *s = axw_money_format (fen);

  if (fen < 0)
    return g_strdup_printf ("-¥%s", s + 1);
  return g_strdup_printf ("¥%s", s);
}

/* On paper: ￥ U+FFE5, a two-byte GB18030 character (A3 A4). */
char *
axw_money_format_paper (gint64 fen)
{
  g_autofree char *s = axw_money_format (fen);

  if (fen < 0)
    return g_strdup_printf ("-￥%s", s + 1);
  return g_strdup_printf ("￥%s", s);
}

/**
 * axw_qty_parse:
 * @text: pieces or kilograms: "2", "0.5", "1.234"
 * @out_milli: (out): the quantity in milli-units, at least 1
 */
gboolean
axw_qty_parse (const char  *text,
               gint64      *out_milli,
               GError     **error)
{
  gint64 v;

  g_return_val_if_fail (out_milli != NULL, FALSE);

  if (!parse_decimal (text, 3, AXW_QTY_MAX_MILLI, &v, _("quantity"), error))
    return FALSE;
  if (v == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("A quantity of 0 sells nothing: remove the line instead"));
      return FALSE;
    }
  *out_milli = v;
  return TRUE;
}

/**
 * axw_qty_format:
 *
 * Returns: (transfer full): "2", "0.5", "1.234"
 */
char *
axw_qty_format (gint64 qty_milli)
{
  GString *s = g_string_new (NULL);
  guint64 a = qty_milli < 0 ? (guint64) -qty_milli : (guint64) qty_milli;
  guint frac = (guint) (a % 1000);

  g_string_append_printf (s, "%s%" G_GUINT64_FORMAT, qty_milli < 0 ? "-" : "", a / 1000);
  if (frac != 0)
    {
      g_string_append_printf (s, ".%03u", frac);
      while (s->str[s->len - 1] == '0')
        g_string_truncate (s, s->len - 1);
    }
  return g_string_free (s, FALSE);
}

/**
 * axw_cash_round:
 *
 * 抹零: the amount a cash customer hands over for @fen.
 */
gint64
axw_cash_round (gint64          fen,
                AxwCashRounding mode)
{
  switch (mode)
    {
    case AXW_CASH_ROUNDING_NONE:
      return fen;
    case AXW_CASH_ROUNDING_DOWN_JIAO:
      return fen - fen % 10;
    case AXW_CASH_ROUNDING_NEAREST_JIAO:
      return axw_round_half_up_div (fen, 10) * 10;
    default:
      g_assert_not_reached ();
    }
}

static const char * const cash_rounding_names[] = { "none", "down_jiao", "nearest_jiao" };

gboolean
axw_cash_rounding_from_string (const char      *text,
                               AxwCashRounding *out_mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (cash_rounding_names); i++)
    if (g_strcmp0 (text, cash_rounding_names[i]) == 0)
      {
        *out_mode = (AxwCashRounding) i;
        return TRUE;
      }
  return FALSE;
}

const char *
axw_cash_rounding_to_string (AxwCashRounding mode)
{
  g_return_val_if_fail ((guint) mode < G_N_ELEMENTS (cash_rounding_names), "none");
  return cash_rounding_names[mode];
}
