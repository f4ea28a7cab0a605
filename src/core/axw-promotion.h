/* axw-promotion.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  AXW_SCOPE_AID,            /* aid-eligible goods only */
  AXW_SCOPE_ALL,
} AxwScope;

gboolean     axw_scope_from_string (const char *text,
                                    AxwScope   *out_scope);
const char  *axw_scope_to_string   (AxwScope    scope);

/* A date rule. Every condition given must hold: month 12 with day 12 is
 * 12 December only. 0 / empty means "any". Dates are "YYYY-MM-DD". */
typedef struct {
  gint64    id;
  char     *name;
  AxwScope  scope;
  int       percent_bp;     /* basis points: 500 = 5 %, 1250 = 12.5 % */
  int       day_of_month;   /* 1–31, 0 = any */
  int       month;          /* 1–12, 0 = any */
  char     *date_from;      /* nullable, inclusive */
  char     *date_to;        /* nullable, inclusive */
} AxwPromotion;

AxwPromotion *axw_promotion_copy      (const AxwPromotion *promo);
void          axw_promotion_free      (AxwPromotion       *promo);
gboolean      axw_promotion_applies   (const AxwPromotion *promo,
                                       const char         *business_date);
char         *axw_promotion_describe  (const AxwPromotion *promo);
char         *axw_promotion_describe_when (const AxwPromotion *promo);
char         *axw_promotion_format_percent (int               percent_bp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwPromotion, axw_promotion_free)

G_END_DECLS
