/* axw-signed-code.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked offline: a forged or altered code fails the signature and is
 * refused as bad_signature without asking anyone.
 */
#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-signed-code.h"

gboolean
axw_signed_code_is (const char *text)
{
  return text != NULL && g_str_has_prefix (text, AXW_SIGNED_CODE_PREFIX);
}

/**
 * axw_base64url_decode:
 *
 * Strict: only A–Z a–z 0–9 - _, no padding, no stray bits.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL if malformed
 */
guint8 *
axw_base64url_decode (const char *text,
                      gsize      *out_len)
{
  gsize len = strlen (text);
  gsize bin_max = len * 3 / 4 + 1;
  g_autofree guint8 *bin = g_malloc (bin_max);
  size_t bin_len = 0;
  const char *end = NULL;

  if (sodium_init () < 0 ||
      sodium_base642bin (bin, bin_max, text, len, NULL, &bin_len, &end,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text + len)
    return NULL;
  *out_len = bin_len;
  return g_steal_pointer (&bin);
}

char *
axw_base64url_encode (const guint8 *data,
                      gsize         len)
{
  gsize n = sodium_base64_ENCODED_LEN (len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  char *out = g_malloc (n);

  sodium_bin2base64 (out, n, data, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

/* A funder's public key: 32 bytes in standard or URL-safe base64. */
gboolean
axw_public_key_parse (const char  *base64,
                      guint8      *out_key,
                      GError     **error)
{
  guint8 buf[64];
  size_t len = 0;
  const char *text = base64 ? base64 : "";
  gsize n = strlen (text);

  if (sodium_init () >= 0 &&
      (sodium_base642bin (buf, sizeof buf, text, n, NULL, &len, NULL,
                          sodium_base64_VARIANT_ORIGINAL) == 0 ||
       sodium_base642bin (buf, sizeof buf, text, n, NULL, &len, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 ||
       sodium_base642bin (buf, sizeof buf, text, n, NULL, &len, NULL,
                          sodium_base64_VARIANT_URLSAFE) == 0 ||
       sodium_base642bin (buf, sizeof buf, text, n, NULL, &len, NULL,
                          sodium_base64_VARIANT_ORIGINAL_NO_PADDING) == 0) &&
      len == AXW_ED25519_PUBLIC_KEY_BYTES)
    {
      memcpy (out_key, buf, AXW_ED25519_PUBLIC_KEY_BYTES);
      return TRUE;
    }
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("“%s” is not an Ed25519 public key: it must be 32 bytes in base64 (44 characters)"), text);
  return FALSE;
}

static gboolean
parse_fen (const char *text,
           gint64      min,
           gint64     *out)
{
  gint64 v;

  if (!g_ascii_string_to_signed (text, 10, min, G_GINT64_CONSTANT (100000000000), &v, NULL))
    return FALSE;
  *out = v;
  return TRUE;
}

/**
 * axw_signed_code_parse:
 * @out_payload: (out) (optional): the signed bytes
 * @out_signature: (out) (optional): the 64 signature bytes
 *
 * Decodes the structure and the payload fields; it does not verify.
 *
 * Returns: (transfer full): the red packet (known = FALSE), or %NULL with
 *   @error when the code is malformed
 */
AxwVoucher *
axw_signed_code_parse (const char  *text,
                       GBytes     **out_payload,
                       GBytes     **out_signature,
                       GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree guint8 *payload = NULL;
  g_autofree guint8 *sig = NULL;
  g_autofree char *payload_text = NULL;
  g_autoptr(AxwVoucher) v = g_new0 (AxwVoucher, 1);
  gsize payload_len = 0, sig_len = 0;

  if (!axw_signed_code_is (text))
    goto bad;
  parts = g_strsplit (text + strlen (AXW_SIGNED_CODE_PREFIX), ".", -1);
  if (g_strv_length (parts) != 2)
    goto bad;
  payload = axw_base64url_decode (parts[0], &payload_len);
  sig = axw_base64url_decode (parts[1], &sig_len);
  if (payload == NULL || sig == NULL || sig_len != crypto_sign_BYTES || payload_len == 0 ||
      payload_len > 1024 || memchr (payload, '\0', payload_len) != NULL ||
      !g_utf8_validate ((const char *) payload, payload_len, NULL))
    goto bad;

  payload_text = g_strndup ((const char *) payload, payload_len);
  fields = g_strsplit (payload_text, "|", -1);
  if (g_strv_length (fields) != 8 || *fields[0] == '\0' || *fields[1] == '\0' ||
      *fields[2] == '\0' ||
      !parse_fen (fields[3], 1, &v->face_fen) || !parse_fen (fields[4], 0, &v->min_spend_fen) ||
      !axw_date_is_valid (fields[5]) || !axw_date_is_valid (fields[6]) ||
      !axw_scope_from_string (fields[7], &v->scope))
    goto bad;

  v->code = g_strdup (fields[0]);
  v->campaign = g_strdup (fields[1]);
  v->funder = g_strdup (fields[2]);
  v->valid_from = g_strdup (fields[5]);
  v->valid_to = g_strdup (fields[6]);
  if (out_payload)
    *out_payload = g_bytes_new (payload, payload_len);
  if (out_signature)
    *out_signature = g_bytes_new (sig, sig_len);
  return g_steal_pointer (&v);

bad:
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("This is not a valid signed red packet code: it may be damaged or altered"));
  return NULL;
}

gboolean
axw_signed_code_verify (GBytes       *payload,
                        GBytes       *signature,
                        const guint8 *public_key)
{
  gsize plen, slen;
  const guint8 *p = g_bytes_get_data (payload, &plen);
  const guint8 *s = g_bytes_get_data (signature, &slen);

  return sodium_init () >= 0 && slen == crypto_sign_BYTES &&
         crypto_sign_verify_detached (s, p, plen, public_key) == 0;
}

/**
 * axw_signed_code_make:
 * @secret_key: the funder's 64-byte Ed25519 secret key
 *
 * What the online platform does; used by tests and the demo.
 *
 * Returns: (transfer full): the HB1. code
 */
char *
axw_signed_code_make (const AxwVoucher *v,
                      const guint8     *secret_key)
{
  g_autofree char *payload = g_strdup_printf ("%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%s|%s",
                                              v->code, v->campaign, v->funder, v->face_fen,
                                              v->min_spend_fen, v->valid_from, v->valid_to,
                                              axw_scope_to_string (v->scope));
  guint8 sig[crypto_sign_BYTES];
  g_autofree char *p64 = NULL;
  g_autofree char *s64 = NULL;

  g_return_val_if_fail (sodium_init () >= 0, NULL);
  crypto_sign_detached (sig, NULL, (const guint8 *) payload, strlen (payload), secret_key);
  p64 = axw_base64url_encode ((const guint8 *) payload, strlen (payload));
  s64 = axw_base64url_encode (sig, sizeof sig);
  return g_strconcat (AXW_SIGNED_CODE_PREFIX, p64, ".", s64, NULL);
}
