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

static gboolean
parse_flags (const char     *text,
             AxwScaleFormat *f)
{
  g_auto(GStrv) flags = g_strsplit (text, ",", -1);

  for (guint i = 0; flags[i] != NULL; i++)
    {
      gsize len = strlen (flags[i]);

      if (!all_digits (flags[i]) || len > 3 || f->n_flags >= G_N_ELEMENTS (f->flags))
        return FALSE;
      if (f->flag_len != 0 && len != f->flag_len)
        return FALSE;
      f->flag_len = len;
      memcpy (f->flags[f->n_flags++], flags[i], len + 1);
    }
  return f->n_flags > 0;
}

/* A value field has 4 to 10 digits: ¥99.99 or 9.999 kg at least, and
 * always fits a gint64. */
static gboolean
value_len_ok (guint len)
{
  return len >= 4 && len <= 10;
}

static gboolean
parse_field (const char       *kind,
             const char       *len,
             AxwEmbeddedField *field)
{
  guint64 n = 0;

  if (g_str_equal (kind, "price"))
    field->kind = AXW_EMBEDDED_PRICE;
  else if (g_str_equal (kind, "weight"))
    field->kind = AXW_EMBEDDED_WEIGHT;
  else
    return FALSE;
  if (len != NULL && !g_ascii_string_to_unsigned (len, 10, 0, 99, &n, NULL))
    return FALSE;
  field->len = n;
  return len == NULL || value_len_ok (field->len);
}

/* "FLAGS:PLU_LEN:FIELD[:LEN][:FIELD[:LEN]]": the last field's length
 * defaults to what is left before the check digit of a 13-digit code
 * (one field) or an 18-digit code (two). */
static gboolean
parse_format (const char     *text,
              AxwScaleFormat *out)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  AxwScaleFormat f = { 0 };
  AxwEmbeddedField *last;
  guint64 plu_len;
  guint used;

  if (n < 3 || n > 6 || !parse_flags (parts[0], &f) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 9, &plu_len, NULL))
    return FALSE;
  f.plu_len = plu_len;
  used = f.flag_len + f.plu_len;
  for (guint i = 2; i < n; i += 2)
    {
      AxwEmbeddedField *field = &f.fields[f.n_fields++];

      if (!parse_field (parts[i], parts[i + 1], field) ||
          (f.n_fields == 2 && field->kind == f.fields[0].kind))
        return FALSE;
      used += field->len;
    }
  last = &f.fields[f.n_fields - 1];
  if (last->len == 0)
    {
      guint data_len = f.n_fields == 1 ? 12 : 17;

      if (used >= data_len || !value_len_ok (data_len - used))
        return FALSE;
      last->len = data_len - used;
      used = data_len;
    }
  if (used != 12 && used != 17)
    return FALSE;
  f.code_len = used + 1;
  *out = f;
  return TRUE;
}

/**
 * axw_embedded_layout_parse:
 * @text: one or more formats separated by ";", each
 *   "FLAGS:PLU_LEN:FIELD[:LEN][:FIELD[:LEN]]": FLAGS a comma list of digit
 *   prefixes of one length, FIELD price (fen) or weight (grams), e.g.
 *   "2:6:price", "21,22:5:weight" or, for 18-digit labels,
 *   "25:6:weight:5:price"
 */
gboolean
axw_embedded_layout_parse (const char         *text,
                           AxwEmbeddedLayout  *out_layout,
                           GError            **error)
{
  g_auto(GStrv) formats = g_strsplit (text ? text : "", ";", -1);
  AxwEmbeddedLayout l = { 0 };

  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (l.n_formats >= G_N_ELEMENTS (l.formats) ||
          !parse_format (g_strstrip (formats[i]), &l.formats[l.n_formats++]))
        goto bad;
    }
  if (l.n_formats == 0)
    goto bad;
  *out_layout = l;
  return TRUE;

bad:
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Scale barcode layout “%s” is not valid: write flags:plu_length:price|weight, "
                 "for example 2:6:price, or flags:plu_length:weight:digits:price for 18-digit "
                 "labels, for example 25:6:weight:5:price; separate several layouts with ;"),
               text ? text : "");
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

/**
 * axw_barcode_set_payment_code_error:
 * @wallet: "wechat" or "alipay", from axw_barcode_is_payment_code()
 *
 * Sets the cashier's message for a customer's payment code scanned as a
 * product.
 */
void
axw_barcode_set_payment_code_error (const char  *wallet,
                                    GError     **error)
{
  const char *wechat = _("This is a customer's WeChat payment code, not a product. "
                          "Scan products first, then take payment.");
  const char *alipay = _("This is a customer's Alipay payment code, not a product. "
                          "Scan products first, then take payment.");

  g_set_error_literal (error, AXW_ERROR, AXW_ERROR_BARCODE,
                       g_str_equal (wallet, "wechat") ? wechat : alipay);
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

/* The format of @layout that reads @code: its length and one of its flags. */
static const AxwScaleFormat *
find_format (const AxwEmbeddedLayout *layout,
             const char              *code)
{
  gsize len = strlen (code);

  if (layout == NULL || !all_digits (code))
    return NULL;
  for (guint i = 0; i < layout->n_formats; i++)
    {
      const AxwScaleFormat *f = &layout->formats[i];

      for (guint k = 0; k < f->n_flags && f->code_len == len; k++)
        if (strncmp (code, f->flags[k], f->flag_len) == 0)
          return f;
    }
  return NULL;
}

static gint64
read_digits (const char *digits,
             guint       len)
{
  gint64 v = 0;

  for (guint k = 0; k < len; k++)
    v = v * 10 + (digits[k] - '0');
  return v;
}

/* With two fields the weight goes to weight_g and the price to value. */
static void
read_label (AxwScan              *scan,
            const AxwScaleFormat *f)
{
  const char *c = scan->code + f->flag_len;

  memcpy (scan->plu, c, f->plu_len);
  scan->plu[f->plu_len] = '\0';
  c += f->plu_len;
  for (guint i = 0; i < f->n_fields; i++)
    {
      gint64 v = read_digits (c, f->fields[i].len);

      c += f->fields[i].len;
      if (f->n_fields == 2 && f->fields[i].kind == AXW_EMBEDDED_WEIGHT)
        scan->weight_g = v;
      else
        {
          scan->value = v;
          scan->value_kind = f->fields[i].kind;
        }
    }
  scan->embedded = TRUE;
}

/**
 * axw_barcode_parse:
 * @layout: (nullable): the scale layout; %NULL disables price-embedded codes
 *
 * Classifies a scanned or typed code and verifies its check digit. A code
 * with a bad check digit is refused here and must never be looked up.
 * Scale layouts are tried before payment codes: an 18-digit label of
 * @layout is read even when it looks like a payment code (payment_wallet
 * says so, for the caller to refuse it when its PLU is unknown); other
 * payment codes are refused with a message that says so.
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
  const AxwScaleFormat *format;
  const char *wallet = NULL;
  gboolean is_payment;

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

  /* Scale layouts first: an 18-digit label may start like a payment code. */
  format = find_format (layout, code);
  is_payment = axw_barcode_is_payment_code (code, &wallet);
  if (format != NULL && len == 18)
    {
      if (check_digit_ok (code, len, is_payment ? NULL : error))
        {
          scan.kind = AXW_CODE_INSTORE;
          scan.payment_wallet = is_payment ? wallet : NULL;
          read_label (&scan, format);
          *out_scan = scan;
          return TRUE;
        }
      if (!is_payment)
        return FALSE;
    }
  if (is_payment)
    {
      axw_barcode_set_payment_code_error (wallet, error);
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
          if (format != NULL)
            read_label (&scan, format);
        }
    }

  *out_scan = scan;
  return TRUE;
}
