/* fuzz-signed-code.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed red packets (HB1.) as typed or scanned: never crash; whatever
 * parses, signed again with our key, parses to the same red packet and
 * verifies; base64url round-trips.
 */
#include <sodium.h>
#include <string.h>

#include "axw-fuzz.h"
#include "axw-signed-code.h"

static guint8 pk[AXW_ED25519_PUBLIC_KEY_BYTES];
static guint8 sk[AXW_ED25519_SECRET_KEY_BYTES];

static void
check_resign (const AxwVoucher *v)
{
  g_autofree char *again = axw_signed_code_make (v, sk);
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) sig = NULL;
  g_autoptr(AxwVoucher) w = NULL;

  if (again == NULL)      /* a field the format cannot carry, e.g. a '|' */
    return;
  w = axw_signed_code_parse (again, &payload, &sig, NULL);
  g_assert (w != NULL);
  g_assert (axw_signed_code_verify (payload, sig, pk));
  g_assert (strcmp (v->code, w->code) == 0 && strcmp (v->campaign, w->campaign) == 0);
  g_assert (strcmp (v->funder, w->funder) == 0);
  g_assert (v->face_fen == w->face_fen && v->min_spend_fen == w->min_spend_fen);
  g_assert (v->scope == w->scope);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = axw_fuzz_string (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) sig = NULL;
  g_autoptr(AxwVoucher) v = NULL;
  g_autofree guint8 *raw = NULL;
  guint8 key[AXW_ED25519_PUBLIC_KEY_BYTES];
  gsize len;

  if (pk[0] == 0 && pk[1] == 0)
    {
      guint8 seed[32] = { 1, 2, 3 };
      g_assert (sodium_init () >= 0);
      crypto_sign_seed_keypair (pk, sk, seed);
    }

  axw_signed_code_is (text);
  v = axw_signed_code_parse (text, &payload, &sig, &error);
  if (v != NULL)
    {
      axw_signed_code_verify (payload, sig, pk);
      check_resign (v);
    }
  else
    g_assert (error != NULL);

  raw = axw_base64url_decode (text, &len);
  if (raw != NULL)
    {
      g_autofree char *enc = axw_base64url_encode (raw, len);
      g_autofree guint8 *raw2 = NULL;
      gsize len2;

      raw2 = axw_base64url_decode (enc, &len2);
      g_assert (raw2 != NULL && len2 == len && memcmp (raw, raw2, len) == 0);
    }
  axw_public_key_parse (text, key, NULL);
  return 0;
}
