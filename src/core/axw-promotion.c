/* axw-promotion.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-pricing.h"

gboolean
axw_scope_from_string (const char *text,
                       AxwScope   *out_scope)
{
  if (g_strcmp0 (text, "aid") == 0)
    *out_scope = AXW_SCOPE_AID;
  else if (g_strcmp0 (text, "all") == 0)
    *out_scope = AXW_SCOPE_ALL;
  else
    return FALSE;
  return TRUE;
}

const char *
axw_scope_to_string (AxwScope scope)
{
  return scope == AXW_SCOPE_AID ? "aid" : "all";
}

AxwPromotion *
axw_promotion_copy (const AxwPromotion *promo)
{
  AxwPromotion *copy = g_new (AxwPromotion, 1);

  *copy = *promo;
  copy->name = g_strdup (promo->name);
  copy->date_from = g_strdup (promo->date_from);
  copy->date_to = g_strdup (promo->date_to);
  return copy;
}

void
axw_promotion_free (AxwPromotion *promo)
{
  if (promo == NULL)
    return;
  g_free (promo->name);
  g_free (promo->date_from);
  g_free (promo->date_to);
  g_free (promo);
}

/**
 * axw_promotion_applies:
 * @business_date: "YYYY-MM-DD", the shop's local date
 *
 * Every condition given must hold; dates are inclusive.
 */
gboolean
axw_promotion_applies (const AxwPromotion *promo,
                       const char         *business_date)
{
  int month = (business_date[5] - '0') * 10 + (business_date[6] - '0');
  int day = (business_date[8] - '0') * 10 + (business_date[9] - '0');

  if (promo->day_of_month != 0 && promo->day_of_month != day)
    return FALSE;
  if (promo->month != 0 && promo->month != month)
    return FALSE;
  if (promo->date_from && *promo->date_from && g_strcmp0 (business_date, promo->date_from) < 0)
    return FALSE;
  if (promo->date_to && *promo->date_to && g_strcmp0 (business_date, promo->date_to) > 0)
    return FALSE;
  return TRUE;
}

/* Returns: (transfer full): 500 → "5%", 1250 → "12.5%" */
char *
axw_promotion_format_percent (int bp)
{
  if (bp % 100 == 0)
    return g_strdup_printf ("%d%%", bp / 100);
  if (bp % 10 == 0)
    return g_strdup_printf ("%d.%d%%", bp / 100, (bp % 100) / 10);
  return g_strdup_printf ("%d.%02d%%", bp / 100, bp % 100);
}

/**
 * axw_promotion_describe:
 *
 * Returns: (transfer full): the promotion in words for the sale screen,
 *   e.g. "爱心日: 助残商品 5% off"
 */
char *
axw_promotion_describe (const AxwPromotion *promo)
{
  g_autofree char *pct = axw_promotion_format_percent (promo->percent_bp);

  return g_strdup_printf (promo->scope == AXW_SCOPE_AID ? _("%s: %s off aid goods")
                                                        : _("%s: %s off everything"),
                          promo->name, pct);
}

/**
 * axw_promotion_describe_when:
 *
 * Returns: (transfer full): when the promotion holds, in words for the
 *   manager, e.g. "每月12日" or "每年12月，2026-12-01 至 2026-12-31"
 */
char *
axw_promotion_describe_when (const AxwPromotion *promo)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean from = promo->date_from && *promo->date_from;
  gboolean to = promo->date_to && *promo->date_to;

  if (promo->month && promo->day_of_month)
    g_ptr_array_add (parts,
                     g_strdup_printf (_("every year on month %d, day %d"), promo->month,
                                      promo->day_of_month));
  else if (promo->month)
    g_ptr_array_add (parts, g_strdup_printf (_("all of month %d, every year"), promo->month));
  else if (promo->day_of_month)
    g_ptr_array_add (parts, g_strdup_printf (_("day %d of every month"), promo->day_of_month));
  if (from && to)
    g_ptr_array_add (parts, g_strdup_printf (_("from %s to %s"), promo->date_from, promo->date_to));
  else if (from)
    g_ptr_array_add (parts, g_strdup_printf (_("from %s on"), promo->date_from));
  else if (to)
    g_ptr_array_add (parts, g_strdup_printf (_("until %s"), promo->date_to));
  if (parts->len == 0)
    return g_strdup (_("every day"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (_(", "), (char **) parts->pdata);
}
