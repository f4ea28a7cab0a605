/* axw-vouchers.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"
#include "axw-sale.h"

G_BEGIN_DECLS

gboolean  axw_vouchers_import_csv (AxwDb        *db,
                                   const char   *text,
                                   gsize         length,
                                   guint        *out_count,
                                   GError      **error);
gboolean  axw_vouchers_trust      (AxwDb        *db,
                                   const char   *funder,
                                   const char   *public_key_base64,
                                   const char   *staff,
                                   GError      **error);
gint64    axw_vouchers_campaign_id (AxwDb       *db,
                                    const char  *campaign,
                                    const char  *funder,
                                    GError     **error);

G_END_DECLS
