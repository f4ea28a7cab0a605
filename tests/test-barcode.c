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
  g_assert_cmpuint (l.value_len, ==, 5);
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

static void
test_layout_bad (void)
{
  static const char *bad[] = { "", "2", "2:6", "2:6:volume", "x:6:price", "2,21:5:price", "2:0:price",
                               "2:9:price", "2:6:price:1" };
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
  g_test_add_func ("/barcode/embedded/bad-layout", test_layout_bad);
  g_test_add_func ("/barcode/payment-codes", test_payment_codes);
  g_test_add_func ("/barcode/garbage", test_garbage);

  return g_test_run ();
}
