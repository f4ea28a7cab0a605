/* test-money.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-pinyin.h"

static void
test_parse_good (void)
{
  static const struct { const char *text; gint64 fen; } cases[] = {
    { "12.5", 1250 }, { "12.50", 1250 }, { "0.01", 1 }, { "0", 0 }, { "12", 1200 },
    { " 3.3 ", 330 }, { "007.07", 707 }, { "9999999999.99", G_GINT64_CONSTANT (999999999999) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_assert_true (axw_money_parse (cases[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

static void
test_parse_bad (void)
{
  static const char *cases[] = {
    "1.234", "-1", "1e3", "", "   ", ".5", "5.", "1,5", "+1", "12.5.1", "￥12", "abc",
    "100000000000", "NaN", "0x10", "1 000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 77;

      g_assert_false (axw_money_parse (cases[i], &fen, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
      g_assert_cmpint (fen, ==, 77);
    }
}

static void
test_format (void)
{
  static const struct { gint64 fen; const char *text, *screen, *paper; } cases[] = {
    { 0, "0.00", "¥0.00", "￥0.00" },
    { 1, "0.01", "¥0.01", "￥0.01" },
    { 1230, "12.30", "¥12.30", "￥12.30" },
    { -5, "-0.05", "-¥0.05", "-￥0.05" },
    { 123456789, "1234567.89", "¥1234567.89", "￥1234567.89" },
    { G_MININT64, "-92233720368547758.08", "-¥92233720368547758.08", "-￥92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = axw_money_format (cases[i].fen);
      g_autofree char *b = axw_money_format_screen (cases[i].fen);
      g_autofree char *c = axw_money_format_paper (cases[i].fen);

      g_assert_cmpstr (a, ==, cases[i].text);
      g_assert_cmpstr (b, ==, cases[i].screen);
      g_assert_cmpstr (c, ==, cases[i].paper);
    }
}

static void
test_round_half_up (void)
{
  static const struct { gint64 n, d, want; } cases[] = {
    { 5, 10, 1 }, { 4, 10, 0 }, { 15, 10, 2 }, { 14, 10, 1 }, { -5, 10, -1 }, { -4, 10, 0 },
    { 0, 7, 0 }, { 7, 2, 4 }, { 1, 3, 0 }, { 2, 3, 1 }, { 10000, 10000, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (axw_round_half_up_div (cases[i].n, cases[i].d), ==, cases[i].want);

  /* round_half_up (gross × bp / 10000): 7 fen at 5 % is 0.35 → 0; at 12.5 % 0.875 → 1 */
  g_assert_cmpint (axw_mul_div_round (7, 500, 10000), ==, 0);
  g_assert_cmpint (axw_mul_div_round (7, 1250, 10000), ==, 1);
  g_assert_cmpint (axw_mul_div_round (10, 500, 10000), ==, 1);   /* 0.5 → 1 */
  g_assert_cmpint (axw_mul_div_round (1, 5000, 10000), ==, 1);   /* 0.5 → 1 */
  g_assert_cmpint (axw_mul_div_round (1, 4999, 10000), ==, 0);
  g_assert_cmpint (axw_mul_div_round (G_GINT64_CONSTANT (4000000000000), 1000000, 1000),
                   ==, G_GINT64_CONSTANT (4000000000000000));
}

static void
test_qty (void)
{
  static const struct { const char *text; gint64 milli; const char *back; } good[] = {
    { "2", 2000, "2" }, { "0.5", 500, "0.5" }, { "1.234", 1234, "1.234" }, { "0.001", 1, "0.001" },
    { "1.20", 1200, "1.2" },
  };
  static const char *bad[] = { "0", "-1", "1.2345", "", "1e2", "abc", "0.000" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      gint64 milli;

      g_assert_true (axw_qty_parse (good[i].text, &milli, &error));
      g_assert_no_error (error);
      g_assert_cmpint (milli, ==, good[i].milli);
      back = axw_qty_format (milli);
      g_assert_cmpstr (back, ==, good[i].back);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 milli;

      g_assert_false (axw_qty_parse (bad[i], &milli, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
    }
}

static void
test_cash_rounding (void)
{
  static const struct { gint64 fen; AxwCashRounding mode; gint64 want; } cases[] = {
    { 1234, AXW_CASH_ROUNDING_NONE, 1234 },
    { 1234, AXW_CASH_ROUNDING_DOWN_JIAO, 1230 },
    { 1239, AXW_CASH_ROUNDING_DOWN_JIAO, 1230 },
    { 1234, AXW_CASH_ROUNDING_NEAREST_JIAO, 1230 },
    { 1235, AXW_CASH_ROUNDING_NEAREST_JIAO, 1240 },
    { 1230, AXW_CASH_ROUNDING_NEAREST_JIAO, 1230 },
    { 5, AXW_CASH_ROUNDING_NEAREST_JIAO, 10 },
    { 4, AXW_CASH_ROUNDING_DOWN_JIAO, 0 },
  };
  AxwCashRounding mode;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (axw_cash_round (cases[i].fen, cases[i].mode), ==, cases[i].want);
  g_assert_true (axw_cash_rounding_from_string ("nearest_jiao", &mode));
  g_assert_cmpint (mode, ==, AXW_CASH_ROUNDING_NEAREST_JIAO);
  g_assert_false (axw_cash_rounding_from_string ("up", &mode));
}

static void
test_business_date (void)
{
  static const struct { const char *at; const char *date; } cases[] = {
    { "2026-12-11T16:00:00Z", "2026-12-12" },        /* midnight in Xiamen */
    { "2026-12-11T15:59:59Z", "2026-12-11" },
    { "2026-12-12T23:59:59+08:00", "2026-12-12" },
    { "2026-12-31T20:00:00+00:00", "2027-01-01" },
    { "2027-01-01T00:30:00+09:00", "2026-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) t = axw_time_parse_rfc3339 (cases[i].at, &error);
      g_autofree char *d = NULL;

      g_assert_no_error (error);
      d = axw_business_date (t, "Asia/Shanghai");
      g_assert_cmpstr (d, ==, cases[i].date);
    }
}

static void
test_time_bad (void)
{
  static const char *bad[] = { "2026-12-12", "2026-12-12T10:00:00", "yesterday", "",
    "2026-13-01T00:00:00Z" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) t = axw_time_parse_rfc3339 (bad[i], &error);

      g_assert_null (t);
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
    }
  g_assert_true (axw_date_is_valid ("2028-02-29"));
  g_assert_false (axw_date_is_valid ("2027-02-29"));
  g_assert_false (axw_date_is_valid ("2026-1-1"));
}

static void
test_pinyin (void)
{
  static const struct { const char *name; const char *initials; } cases[] = {
    { "赤松茸", "csr" }, { "藜麦粥", "lmz" }, { "安溪铁观音", "axtgy" }, { "清流豆腐干", "qldfg" },
    { "枸杞 500g", "gq500g" }, { "ABC", "abc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = axw_pinyin_initials (cases[i].name);
      g_assert_cmpstr (got, ==, cases[i].initials);
    }
}

/* Times people read are the shop's wall clock, whatever TZ says (this
 * test sets TZ to UTC and New York itself). */
static void
test_time_format_shop (void)
{
  static const struct { const char *iso, *zone, *format, *expected; } cases[] = {
    { "2026-12-11T23:10:00.000Z", NULL, AXW_TIME_FORMAT_SECONDS, "2026-12-12 07:10:00" },
    { "2026-12-11T23:10:00Z", "Asia/Shanghai", AXW_TIME_FORMAT_MINUTES, "2026-12-12 07:10" },
    { "2026-12-12T07:10:00+08:00", "America/New_York", AXW_TIME_FORMAT_SECONDS,
      "2026-12-11 18:10:00" },
    { "2026-07-01T12:00:00Z", "America/New_York", AXW_TIME_FORMAT_RFC3339,
      "2026-07-01T08:00:00-04:00" },
    { "2026-12-11T23:10:00Z", "Asia/Kolkata", AXW_TIME_FORMAT_RFC3339,
      "2026-12-12T04:40:00+05:30" },
    { "not a time", NULL, AXW_TIME_FORMAT_SECONDS, "not a time" },
    { NULL, NULL, AXW_TIME_FORMAT_SECONDS, "" },
  };
  static const char * const machine[] = { "UTC", "America/New_York" };
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));

  for (guint m = 0; m < G_N_ELEMENTS (machine); m++)
    {
      g_setenv ("TZ", machine[m], TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GTimeZone) tz = cases[i].zone ? axw_timezone_new (cases[i].zone) : NULL;
          g_autofree char *text = axw_time_format_shop_iso (cases[i].iso, tz, cases[i].format);

          g_assert_cmpstr (text, ==, cases[i].expected);
        }
    }
  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
}

/* An error quoted inside a sentence loses its own full stop, so that the
 * sentence's "。" is not doubled ("power.。"). */
static void
test_error_clause (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "No USB receipt printer is plugged in. Check the cable and the power.",
      "No USB receipt printer is plugged in. Check the cable and the power" },
    { "没有插着 USB 小票打印机。请检查数据线和电源。",
      "没有插着 USB 小票打印机。请检查数据线和电源" },
    { "缺纸。 ", "缺纸" },
    { "paper out", "paper out" },
    { "wait...", "wait..." },
    { "出错了！", "出错了" },
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clause = axw_error_clause (cases[i].in);

      g_assert_cmpstr (clause, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/good", test_parse_good);
  g_test_add_func ("/money/parse/bad", test_parse_bad);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/text/error-clause", test_error_clause);
  g_test_add_func ("/time/format-shop", test_time_format_shop);
  g_test_add_func ("/money/round-half-up", test_round_half_up);
  g_test_add_func ("/money/qty", test_qty);
  g_test_add_func ("/money/cash-rounding", test_cash_rounding);
  g_test_add_func ("/time/business-date", test_business_date);
  g_test_add_func ("/time/bad", test_time_bad);
  g_test_add_func ("/pinyin/initials", test_pinyin);

  return g_test_run ();
}
