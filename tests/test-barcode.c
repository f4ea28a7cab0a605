/* test-barcode.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-barcode.h"
#include <string.h>

#include "axw-error.h"

static AxwEmbeddedLayout default_layout;

static void
test_check_digit (void)
{
  static const struct { const char *code; gboolean ok; AxwCodeKind kind; } cases[] = {
    { "6971234560018", TRUE, AXW_CODE_EAN13 },
    { "6971234560019", FALSE, 0 },
    { "4006381333931", TRUE, AXW_CODE_EAN13 },
    { "96385074", TRUE, AXW_CODE_EAN8 },
    { "96385075", FALSE, 0 },
    { "036000291452", TRUE, AXW_CODE_UPCA },
    { "036000291453", FALSE, 0 },
    { "2000123012506", TRUE, AXW_CODE_EAN13 },
    { "ABC-123", TRUE, AXW_CODE_INSTORE },
    { "1001", TRUE, AXW_CODE_INSTORE },
    { "12345678901", TRUE, AXW_CODE_INSTORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwScan scan;
      gboolean ok = axw_barcode_parse (cases[i].code, &default_layout, &scan, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (scan.kind, ==, cases[i].kind);
      else
        g_assert_error (error, AXW_ERROR, AXW_ERROR_BARCODE);
    }
}

static void
test_check_digit_message (void)
{
  g_autoptr(GError) error = NULL;
  AxwScan scan;

  g_assert_false (axw_barcode_parse ("2000123012507", &default_layout, &scan, &error));
  g_assert_nonnull (strstr (error->message, "check digit should be 6"));
  g_assert_cmpint (axw_ean_check_digit ("200012301250", 12), ==, 6);
}

static void
test_upca_as_ean13 (void)
{
  AxwScan scan;

  g_assert_true (axw_barcode_parse ("036000291452", &default_layout, &scan, NULL));
  g_assert_cmpstr (scan.ean13, ==, "0036000291452");
  g_assert_cmpstr (scan.upca, ==, "");
}

/* An EAN-13 that starts with 0 is a UPC-A too: the catalog may hold its
 * 12 digits. */
static void
test_ean13_as_upca (void)
{
  static const struct { const char *code; const char *upca; } cases[] = {
    { "0036000291452", "036000291452" },
    { "0012345678905", "012345678905" },
    { "6971234560018", "" },
    { "96385074", "" },
    { "1001", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AxwScan scan;

      g_assert_true (axw_barcode_parse (cases[i].code, &default_layout, &scan, NULL));
      g_assert_cmpstr (scan.upca, ==, cases[i].upca);
    }
}

static void
test_embedded_default (void)
{
  AxwScan scan;

  /* 2 000123 01250 6: PLU 000123, ¥12.50 */
  g_assert_true (axw_barcode_parse ("2000123012506", &default_layout, &scan, NULL));
  g_assert_true (scan.embedded);
  g_assert_cmpstr (scan.plu, ==, "000123");
  g_assert_cmpint (scan.value, ==, 1250);
  g_assert_cmpint (scan.value_kind, ==, AXW_EMBEDDED_PRICE);

  g_assert_true (axw_barcode_parse ("6971234560018", &default_layout, &scan, NULL));
  g_assert_false (scan.embedded);
  g_assert_true (axw_barcode_parse ("2000123012506", NULL, &scan, NULL));
  g_assert_false (scan.embedded);
}

static void
test_embedded_custom (void)
{
  g_autoptr(GError) error = NULL;
  AxwEmbeddedLayout l;
  AxwScan scan;
  char code[14] = "2212345003500";

  g_assert_true (axw_embedded_layout_parse ("21,22:5:weight", &l, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (l.formats[0].fields[0].len, ==, 5);
  code[12] = '0' + axw_ean_check_digit (code, 12);
  g_assert_true (axw_barcode_parse (code, &l, &scan, NULL));
  g_assert_true (scan.embedded);
  g_assert_cmpstr (scan.plu, ==, "12345");
  g_assert_cmpint (scan.value, ==, 350);
  g_assert_cmpint (scan.value_kind, ==, AXW_EMBEDDED_WEIGHT);

  /* flag 23 is not in this layout */
  code[1] = '3';
  code[12] = '0' + axw_ean_check_digit (code, 12);
  g_assert_true (axw_barcode_parse (code, &l, &scan, NULL));
  g_assert_false (scan.embedded);
}

/* @digits and their EAN check digit (any length; 18-digit labels use it too) */
static char *
with_check (const char *digits)
{
  return g_strdup_printf ("%s%d", digits, axw_ean_check_digit (digits, strlen (digits)));
}

/* Scale layouts are tried before payment-code detection: an 18-digit
 * label whose flag is 25–30 is read as a label (and remembered as a
 * possible Alipay code, refused as one when its PLU is not in the
 * catalog); under no layout of its length it is a payment code. */
static void
test_embedded_layouts (void)
{
  static const struct {
    const char     *layout;
    const char     *digits;       /* before the check digit */
    gboolean        embedded;
    const char     *plu;
    gint64          value;
    AxwEmbeddedKind kind;
    gint64          weight_g;
    const char     *wallet;
  } cases[] = {
    { "2:6:price", "200012301250", TRUE, "000123", 1250, AXW_EMBEDDED_PRICE, 0, NULL },
    { "2:6:price:5", "200012301250", TRUE, "000123", 1250, AXW_EMBEDDED_PRICE, 0, NULL },
    { "21,22:5:weight", "221234500350", TRUE, "12345", 350, AXW_EMBEDDED_WEIGHT, 0, NULL },
    { "25:6:weight:5:price", "25001001003500840", TRUE, "001001", 840, AXW_EMBEDDED_PRICE, 350,
      "alipay" },
    { "26:5:price:5:weight", "26123450123400500", TRUE, "12345", 1234, AXW_EMBEDDED_PRICE, 500,
      "alipay" },
    { "20:5:price:5:weight", "20123450123400500", TRUE, "12345", 1234, AXW_EMBEDDED_PRICE, 500,
      NULL },
    { "2:6:price;25:6:weight:5:price", "200012301250", TRUE, "000123", 1250, AXW_EMBEDDED_PRICE, 0,
      NULL },
    { "2:6:price; 25:6:weight:5:price", "25001001003500840", TRUE, "001001", 840,
      AXW_EMBEDDED_PRICE, 350, "alipay" },
    { "25:6:weight:5:price", "200012301250", FALSE, "", 0, 0, 0, NULL },
    { "25:6:weight:5:price", "69712345600", FALSE, "", 0, 0, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = with_check (cases[i].digits);
      AxwEmbeddedLayout l;
      AxwScan scan;

      g_test_message ("%s %s", cases[i].layout, code);
      g_assert_true (axw_embedded_layout_parse (cases[i].layout, &l, &error));
      g_assert_no_error (error);
      g_assert_true (axw_barcode_parse (code, &l, &scan, &error));
      g_assert_no_error (error);
      g_assert_cmpint (scan.embedded, ==, cases[i].embedded);
      g_assert_cmpstr (scan.plu, ==, cases[i].plu);
      g_assert_cmpint (scan.value, ==, cases[i].value);
      g_assert_cmpint (scan.value_kind, ==, cases[i].kind);
      g_assert_cmpint (scan.weight_g, ==, cases[i].weight_g);
      g_assert_cmpstr (scan.payment_wallet, ==, cases[i].wallet);
    }
}

/* Codes no layout takes: a payment code stays one; a label of an 18-digit
 * layout with a bad check digit is misread, unless it reads as a payment
 * code. */
static void
test_embedded_layouts_refused (void)
{
  static const struct { const char *layout; const char *code; const char *message; } cases[] = {
    { "2:6:price", "250010010035008403", "Alipay payment code" },
    { "25:6:weight:5:price", "250010010035008401", "Alipay payment code" },
    { "25:6:weight:5:price", "134567890123456789", "WeChat payment code" },
    { "20:5:price:5:weight", "201234501234005001", "check digit should be 8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwEmbeddedLayout l;
      AxwScan scan;

      g_test_message ("%s %s", cases[i].layout, cases[i].code);
      g_assert_true (axw_embedded_layout_parse (cases[i].layout, &l, NULL));
      g_assert_false (axw_barcode_parse (cases[i].code, &l, &scan, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_BARCODE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_layout_bad (void)
{
  static const char *bad[] = { "", "2", "2:6", "2:6:volume", "x:6:price", "2,21:5:price",
    "2:0:price",
                               "2:9:price", "2:6:price:1", "2:6:price:6", "25:6:weight:5:weight",
                               "25:6:weight:price", "25:6:weight:5:price:5", "25:6:weight:3:price",
                               "25:9:weight:5:price", "2:6:price;", ";2:6:price", "2:6:price;x",
                               "2:6:price:5:weight:4:price", "25:6:weight:5:price:" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwEmbeddedLayout l;

      g_assert_false (axw_embedded_layout_parse (bad[i], &l, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
    }
}

static void
test_payment_codes (void)
{
  static const struct { const char *code; const char *wallet; } cases[] = {
    { "134567890123456789", "wechat" },
    { "104567890123456789", "wechat" },
    { "284567890123456789", "alipay" },
    { "2845678901234567", "alipay" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *wallet = NULL;
      AxwScan scan;

      g_assert_true (axw_barcode_is_payment_code (cases[i].code, &wallet));
      g_assert_cmpstr (wallet, ==, cases[i].wallet);
      g_assert_false (axw_barcode_parse (cases[i].code, &default_layout, &scan, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_BARCODE);
      g_assert_nonnull (strstr (error->message, "payment code"));
    }
  g_assert_false (axw_barcode_is_payment_code ("164567890123456789", NULL));
  g_assert_false (axw_barcode_is_payment_code ("6971234560018", NULL));
}

static void
test_garbage (void)
{
  static const char *bad[] = { "", "  ", "abc\x01", "\x1b[2J" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwScan scan;

      g_assert_false (axw_barcode_parse (bad[i], &default_layout, &scan, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_BARCODE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (axw_embedded_layout_parse (AXW_EMBEDDED_LAYOUT_DEFAULT, &default_layout, NULL));

  g_test_add_func ("/barcode/check-digit", test_check_digit);
  g_test_add_func ("/barcode/check-digit-message", test_check_digit_message);
  g_test_add_func ("/barcode/upca-as-ean13", test_upca_as_ean13);
  g_test_add_func ("/barcode/ean13-as-upca", test_ean13_as_upca);
  g_test_add_func ("/barcode/embedded/default", test_embedded_default);
  g_test_add_func ("/barcode/embedded/custom", test_embedded_custom);
  g_test_add_func ("/barcode/embedded/layouts", test_embedded_layouts);
  g_test_add_func ("/barcode/embedded/layouts-refused", test_embedded_layouts_refused);
  g_test_add_func ("/barcode/embedded/bad-layout", test_layout_bad);
  g_test_add_func ("/barcode/payment-codes", test_payment_codes);
  g_test_add_func ("/barcode/garbage", test_garbage);

  return g_test_run ();
}
