/* axw-signed-code.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed red packets issued by the online platform (docs/design.md §12):
 * "HB1." base64url(payload) "." base64url(Ed25519 signature), no padding;
 * payload "code|campaign|funder|face_fen|min_spend_fen|valid_from|valid_to|scope".
 */
#pragma once

#include "axw-sale.h"

G_BEGIN_DECLS

#define AXW_SIGNED_CODE_PREFIX "HB1."
#define AXW_ED25519_PUBLIC_KEY_BYTES 32
#define AXW_ED25519_SECRET_KEY_BYTES 64

gboolean    axw_signed_code_is      (const char    *text);
AxwVoucher *axw_signed_code_parse   (const char    *text,
                                     GBytes       **out_payload,
                                     GBytes       **out_signature,
                                     GError       **error);
gboolean    axw_signed_code_verify  (GBytes        *payload,
                                     GBytes        *signature,
                                     const guint8  *public_key);
char       *axw_signed_code_make    (const AxwVoucher *voucher,
                                     const guint8  *secret_key);
guint8     *axw_base64url_decode    (const char    *text,
                                     gsize         *out_len);
char       *axw_base64url_encode    (const guint8  *data,
                                     gsize          len);
gboolean    axw_public_key_parse    (const char    *base64,
                                     guint8        *out_key,
                                     GError       **error);

G_END_DECLS
