/* axw-vouchers.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"
#include "axw-sale.h"

G_BEGIN_DECLS

/* One red-packet campaign as the manager claims it from its funder. */
typedef struct {
  char   *name;
  char   *funder;
  gint64  issued;          /* codes imported from the funder's batches */
  gint64  redeemed;        /* codes redeemed (imported or signed) */
  gint64  redeemed_fen;    /* discounts given */
  gint64  refunded_fen;    /* red-packet shares given back by refunds */
} AxwCampaignStats;

typedef struct {
  gint64  id;
  char   *funder;
  char   *public_key;      /* base64, canonical */
  char   *added_at;        /* UTC ISO-8601 */
} AxwFunderKey;

void       axw_campaign_stats_free (gpointer    stats);
void       axw_funder_key_free     (gpointer    key);

gboolean  axw_vouchers_import_csv (AxwDb        *db,
                                   const char   *text,
                                   gsize         length,
                                   guint        *out_count,
                                   GError      **error);
gboolean  axw_vouchers_import_csv_as (AxwDb      *db,
                                     const char *text,
                                     gsize       length,
                                     const char *staff,
                                     guint      *out_count,
                                     GError    **error);
gboolean  axw_vouchers_trust      (AxwDb        *db,
                                   const char   *funder,
                                   const char   *public_key_base64,
                                   const char   *staff,
                                   GError      **error);
gboolean  axw_vouchers_untrust    (AxwDb        *db,
                                   const char   *funder,
                                   const char   *public_key_base64,
                                   const char   *staff,
                                   GError      **error);
/* Returns: (element-type AxwFunderKey) by funder, then as added */
GPtrArray *axw_vouchers_keys      (AxwDb        *db,
                                   GError      **error);
/* Returns: (element-type AxwCampaignStats) by funder, then campaign */
GPtrArray *axw_vouchers_campaigns (AxwDb        *db,
                                   GError      **error);
gint64    axw_vouchers_campaign_id (AxwDb       *db,
                                    const char  *campaign,
                                    const char  *funder,
                                    GError     **error);

/* Always returns a voucher (known = FALSE when nobody issued it), or NULL
 * with @error on a database failure. */
AxwVoucher *axw_vouchers_lookup (AxwDb       *db,
                                 const char  *code,
                                 GError     **error);

G_END_DECLS
