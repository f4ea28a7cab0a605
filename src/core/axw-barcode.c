/* axw-barcode.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-barcode.h"
#include "axw-error.h"

/**
 * axw_ean_check_digit:
 * @digits: the digits before the check digit (7 for EAN-8, 11 for UPC-A,
 *   12 for EAN-13)
 *
 * Weights 3,1,3,1… from the digit next to the check digit leftwards; this
 * equals the 1,3,1,3… from the left of EAN-13.
 *
 * Returns: the check digit 0–9
 */
int
axw_ean_check_digit (const char *digits,
                     gsize       n_digits)
{
  int sum = 0;

  for (gsize i = 0; i < n_digits; i++)
    {
      int d = digits[n_digits - 1 - i] - '0';
      sum += (i % 2 == 0) ? 3 * d : d;
    }
  return (10 - sum % 10) % 10;
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (*s < '0' || *s > '9')
      return FALSE;
  return TRUE;
}

/**
 * axw_embedded_layout_parse:
 * @text: "FLAGS:PLU_LEN:price|weight", FLAGS a comma list of digit
 *   prefixes of one length, e.g. "2:6:price" or "21,22:5:weight"
 */
gboolean
axw_embedded_layout_parse (const char         *text,
                           AxwEmbeddedLayout  *out_layout,
                           GError            **error)
{
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) flags = NULL;
  AxwEmbeddedLayout l = { 0 };
  guint64 plu_len;

  parts = g_strsplit (text ? text : "", ":", -1);
  if (g_strv_length (parts) != 3)
    goto bad;

  flags = g_strsplit (parts[0], ",", -1);
  for (guint i = 0; flags[i] != NULL; i++)
    {
      gsize len = strlen (flags[i]);

      if (!all_digits (flags[i]) || len > 3 || l.n_flags >= G_N_ELEMENTS (l.flags))
        goto bad;
      if (l.flag_len != 0 && len != l.flag_len)
        goto bad;
      l.flag_len = len;
      memcpy (l.flags[l.n_flags++], flags[i], len + 1);
    }
  if (l.n_flags == 0)
    goto bad;

  if (!g_ascii_string_to_unsigned (parts[1], 10, 1, 9, &plu_len, NULL))
    goto bad;
  l.plu_len = plu_len;
  if (l.flag_len + l.plu_len > 8)
    goto bad;
  l.value_len = 12 - l.flag_len - l.plu_len;

  if (g_str_equal (parts[2], "price"))
    l.kind = AXW_EMBEDDED_PRICE;
  else if (g_str_equal (parts[2], "weight"))
    l.kind = AXW_EMBEDDED_WEIGHT;
  else
    goto bad;

  *out_layout = l;
  return TRUE;

bad:
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Scale barcode layout “%s” is not valid: write flags:plu_length:price|weight, "
                 "for example 2:6:price"), text ? text : "");
  return FALSE;
}

/**
 * axw_barcode_is_payment_code:
 * @out_wallet: (out) (optional): "wechat" or "alipay"
 *
 * A customer's WeChat (18 digits, 10–15) or Alipay (16–24 digits, 25–30)
 * payment code, read by the same scanner; never a product.
 */
gboolean
axw_barcode_is_payment_code (const char  *code,
                             const char **out_wallet)
{
  gsize len = strlen (code);
  int prefix;

  if (!all_digits (code) || len < 16 || len > 24)
    return FALSE;
  prefix = (code[0] - '0') * 10 + (code[1] - '0');
  if (len == 18 && prefix >= 10 && prefix <= 15)
    {
      if (out_wallet)
        *out_wallet = "wechat";
      return TRUE;
    }
  if (prefix >= 25 && prefix <= 30)
    {
      if (out_wallet)
        *out_wallet = "alipay";
      return TRUE;
    }
  return FALSE;
}

static gboolean
check_digit_ok (const char  *code,
                gsize        len,
                GError     **error)
{
  int want = axw_ean_check_digit (code, len - 1);
  int got = code[len - 1] - '0';

  if (want == got)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_BARCODE,
               _("Barcode %s is misread: the check digit should be %d, not %d. "
                 "Scan it again or type the code."), code, want, got);
  return FALSE;
}

static void
match_embedded (AxwScan                 *scan,
                const AxwEmbeddedLayout *layout)
{
  const char *c = scan->code;

  for (guint i = 0; i < layout->n_flags; i++)
    if (strncmp (c, layout->flags[i], layout->flag_len) == 0)
      {
        guint64 v = 0;

        memcpy (scan->plu, c + layout->flag_len, layout->plu_len);
        scan->plu[layout->plu_len] = '\0';
        for (guint k = 0; k < layout->value_len; k++)
          v = v * 10 + (guint64) (c[layout->flag_len + layout->plu_len + k] - '0');
        scan->value = (gint64) v;
        scan->value_kind = layout->kind;
        scan->embedded = TRUE;
        return;
      }
}

/**
 * axw_barcode_parse:
 * @layout: (nullable): the scale layout; %NULL disables price-embedded codes
 *
 * Classifies a scanned or typed code and verifies its check digit. A code
 * with a bad check digit is refused here and must never be looked up.
 * Payment codes are refused with a message that says so.
 */
gboolean
axw_barcode_parse (const char               *text,
                   const AxwEmbeddedLayout  *layout,
                   AxwScan                  *out_scan,
                   GError                  **error)
{
  AxwScan scan = { 0 };
  g_autofree char *code = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (code);
  const char *wallet;

  if (len == 0 || len >= sizeof scan.code)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_BARCODE,
                   len == 0 ? _("The barcode is empty: scan the product again")
                            : _("That code is too long to be a product barcode"));
      return FALSE;
    }
  for (const char *p = code; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_set_error (error, AXW_ERROR, AXW_ERROR_BARCODE,
                     _("The barcode has control characters: scan it again"));
        return FALSE;
      }
  memcpy (scan.code, code, len + 1);

  if (axw_barcode_is_payment_code (code, &wallet))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_BARCODE,
                   g_str_equal (wallet, "wechat")
                   ? _("This is a customer's WeChat payment code, not a product. Scan products first, then take payment.")
                   : _("This is a customer's Alipay payment code, not a product. Scan products first, then take payment."));
      return FALSE;
    }

  scan.kind = AXW_CODE_INSTORE;
  if (all_digits (code) && (len == 8 || len == 12 || len == 13))
    {
      if (!check_digit_ok (code, len, error))
        return FALSE;
      if (len == 8)
        scan.kind = AXW_CODE_EAN8;
      else if (len == 12)
        {
          scan.kind = AXW_CODE_UPCA;
          scan.ean13[0] = '0';
          memcpy (scan.ean13 + 1, code, 13);
        }
      else
        {
          scan.kind = AXW_CODE_EAN13;
          if (code[0] == '0')
            memcpy (scan.upca, code + 1, 13);
          if (layout != NULL)
            match_embedded (&scan, layout);
        }
    }

  *out_scan = scan;
  return TRUE;
}
