/* axw-funds.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charity funds and the donations given to them (docs/design.md §15): a
 * fund has a name, its beneficiary and an active flag; a sale's donation
 * is stored apart from its goods.
 */
#pragma once

#include "axw-db.h"
#include "axw-sale.h"

G_BEGIN_DECLS

typedef struct {
  gint64    id;
  char     *name;
  char     *beneficiary;
  gboolean  active;
  char     *created_at;
  char     *ended_at;      /* nullable */
} AxwFund;

void       axw_fund_free          (AxwFund      *fund);

gboolean   axw_funds_add          (AxwDb        *db,
                                   const char   *name,
                                   const char   *beneficiary,
                                   const char   *staff,
                                   GError      **error);
gboolean   axw_funds_end          (AxwDb        *db,
                                   const char   *name,
                                   const char   *staff,
                                   GError      **error);
GPtrArray *axw_funds_list         (AxwDb        *db,
                                   GError      **error);
char      *axw_funds_resolve      (AxwDb        *db,
                                   const char   *name,
                                   GError      **error);
gboolean   axw_donations_insert   (AxwDb          *db,
                                   gint64          sale_id,
                                   const AxwSale  *sale,
                                   GError        **error);
gboolean   axw_donations_load     (AxwDb        *db,
                                   AxwSale      *sale,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwFund, axw_fund_free)

G_END_DECLS
