/* test-receipt.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receipt layout, ESC/POS bytes read back by our own decoder, the QR read
 * back by zbarimg, and the PNG preview.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "axw-escpos.h"
#include "axw-receipt-render.h"
#include "axw-receipt.h"
#include "escpos-decoder.h"
#include "receipt-fixtures.h"

#define QR_TEMPLATE "https://shop.aixinwu.example/r/{uuid}?n={receipt_no}"
#define QR_EXPECTED "https://shop.aixinwu.example/r/3f2c9a7e-1b4d-4c8e-9f00-5a6b7c8d9e01" \
                    "?n=S01-T1-20261122-0042"

static AxwReceiptSettings
settings_for (guint width_mm)
{
  AxwReceiptSettings s = { "爱心屋", "上海市浦东新区张杨路 1 号（残联大楼一楼）",
                           "谢谢惠顾 · 爱心助残", QR_TEMPLATE, width_mm };
  return s;
}

static void
test_columns (void)
{
  static const struct { const char *text; guint columns; } cases[] = {
    { "", 0 }, { "abc", 3 }, { "赤松茸", 6 }, { "￥12.50", 7 }, { "2 × 3", 6 }, { "A·B", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (axw_receipt_text_columns (cases[i].text), ==, cases[i].columns);
}

static char *
strip_spaces (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    if (*s != ' ' && *s != '\n')
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static void
test_wrap (void)
{
  static const struct { const char *text; guint columns; guint n_lines; } cases[] = {
    { "短", 32, 1 },
    { "甘肃和政县残疾人合作社手工制作高原有机黑枸杞礼盒装（特级）", 32, 2 },
    { "甘肃和政县残疾人合作社手工制作高原有机黑枸杞礼盒装（特级）", 48, 2 },
    { "Braille notebook A5 with tactile ruler and a very long name", 32, 2 },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 32, 3 },
    { "中a中a中a中a中a中a中a中a中a中a中a中a中a中a", 32, 2 },
    { "", 32, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) lines = axw_receipt_wrap (cases[i].text, cases[i].columns);
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autofree char *a = NULL, *b = NULL;

      g_assert_cmpuint (lines->len, ==, cases[i].n_lines);
      for (guint j = 0; j < lines->len; j++)
        {
          g_assert_cmpuint (axw_receipt_text_columns (lines->pdata[j]), <=, cases[i].columns);
          g_string_append (joined, lines->pdata[j]);
        }
      a = strip_spaces (joined->str);
      b = strip_spaces (cases[i].text);
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_mask (void)
{
  static const struct { const char *code; const char *masked; } cases[] = {
    { "HB1.ABCDEFGH12345678", "********5678" }, { "AB12", "****" }, { "RP00123", "***0123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *m = axw_receipt_mask_code (cases[i].code);

      g_assert_cmpstr (m, ==, cases[i].masked);
    }
}

static void
test_qr_url (void)
{
  g_autoptr(AxwSale) sale = fixture_long_sale (TRUE);
  g_autofree char *url = axw_receipt_qr_url (QR_TEMPLATE, sale);

  g_assert_cmpstr (url, ==, QR_EXPECTED);
}

static GPtrArray *
decode_sale (const AxwSale *sale,
             guint          width_mm,
             guint         *n_replaced)
{
  AxwReceiptSettings settings = settings_for (width_mm);
  g_autoptr(GPtrArray) items = axw_receipt_layout (sale, &settings);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = axw_escpos_encode (items, width_mm, n_replaced, &error);
  GPtrArray *decoded;

  g_assert_no_error (error);
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  return decoded;
}

static char *
zbar_read (const Decoded *raster)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-qr-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "qr.pgm", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "zbarimg", "--raw", "-q", path, NULL };

  g_assert_nonnull (dir);
  escpos_raster_write_pgm (raster, path, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
  g_strchomp (out);
  return g_steal_pointer (&out);
}

typedef struct {
  guint    width_mm;
  gboolean cash;
} SaleCase;

static void
test_escpos_sale (gconstpointer data)
{
  const SaleCase *c = data;
  g_autoptr(AxwSale) sale = fixture_long_sale (c->cash);
  guint replaced = 99, columns = axw_receipt_columns_for_width (c->width_mm);
  g_autoptr(GPtrArray) decoded = decode_sale (sale, c->width_mm, &replaced);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *flat = NULL, *total = axw_money_format_paper (sale->total_fen);
  guint n_qr = 0, n_drawer = 0;
  const Decoded *last = decoded->pdata[decoded->len - 1];

  g_assert_cmpuint (replaced, ==, 0);
  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      if (e->kind == DECODED_TEXT)
        {
          g_assert_cmpuint (e->columns, <=, columns);
          g_string_append (text, e->text);
        }
      else if (e->kind == DECODED_RASTER)
        {
          g_autofree char *url = zbar_read (e);

          g_assert_cmpuint (e->width_dots, <=, axw_receipt_dots_for_width (c->width_mm));
          g_assert_cmpstr (url, ==, QR_EXPECTED);
          n_qr++;
        }
      else if (e->kind == DECODED_DRAWER)
        {
          const Decoded *next = decoded->pdata[i + 1];

          g_assert_cmpint (next->kind, ==, DECODED_CUT);
          n_drawer++;
        }
    }
  g_assert_cmpint (last->kind, ==, DECODED_CUT);
  g_assert_cmpuint (n_qr, ==, 1);
  g_assert_cmpuint (n_drawer, ==, c->cash ? 1 : 0);
  flat = strip_spaces (text->str);
  for (guint i = 0; i < sale->lines->len; i++)
    {
      g_autofree char *name = strip_spaces (axw_sale_get_line (sale, i)->name);

      g_assert_nonnull (strstr (flat, name));
    }
  g_assert_nonnull (strstr (flat, "爱心屋"));
  g_assert_nonnull (strstr (flat, "单号：S01-T1-20261122-0042"));
  g_assert_nonnull (strstr (flat, "时间：2026-11-2213:07:09"));   /* Asia/Shanghai */
  g_assert_nonnull (strstr (flat, "收银员：王小明"));
  g_assert_nonnull (strstr (flat, "红包********5678"));
  g_assert_nonnull (strstr (flat, "出资方：上海市残疾人福利基金会"));
  g_assert_nonnull (strstr (flat, "优惠爱心日九五折-￥6.43"));
  g_assert_nonnull (strstr (flat, total));
  g_assert_nonnull (strstr (flat, c->cash ? "找零" : "微信支付"));
  g_assert_null (strstr (flat, "退货单"));
}

/* The shop's wall clock on paper, whatever the machine's TZ (this test
 * also runs with TZ=UTC and TZ=America/New_York): a sale at 07:10 in
 * Xiamen is 23:10 the day before in UTC. */
static void
test_shop_time (void)
{
  static const struct {
    const char *created_at;
    const char *timezone;   /* the setting; NULL when unset */
    const char *expected;
  } cases[] = {
    { "2026-12-11T23:10:00.000Z", NULL, "时间：2026-12-12 07:10:00" },
    { "2026-12-11T23:10:00.000Z", "Asia/Shanghai", "时间：2026-12-12 07:10:00" },
    { "2026-12-12T07:10:00+08:00", "Asia/Shanghai", "时间：2026-12-12 07:10:00" },
    { "2026-12-11T23:10:00.000Z", "America/New_York", "时间：2026-12-11 18:10:00" },
    { "2026-12-11T23:10:00.000Z", "Asia/Kolkata", "时间：2026-12-12 04:40:00" },
    { "no time", "Asia/Shanghai", "时间：no time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwSale) sale = fixture_long_sale (TRUE);
      AxwReceiptSettings settings = settings_for (58);
      g_autoptr(GPtrArray) items = NULL;
      gboolean found = FALSE;

      g_free (sale->created_at);
      sale->created_at = g_strdup (cases[i].created_at);
      settings.timezone = cases[i].timezone;
      items = axw_receipt_layout (sale, &settings);
      for (guint j = 0; j < items->len; j++)
        {
          const AxwReceiptItem *item = items->pdata[j];

          if (item->kind == AXW_RECEIPT_TEXT && g_str_has_prefix (item->text, "时间："))
            {
              g_assert_cmpstr (item->text, ==, cases[i].expected);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

static void
test_refund (void)
{
  g_autoptr(AxwSale) sale = fixture_long_sale (TRUE);
  g_autoptr(GPtrArray) decoded = NULL;
  gboolean title = FALSE, orig = FALSE;

  sale->is_refund = TRUE;
  sale->refund_of_receipt_no = g_strdup ("S01-T1-20261120-0007");
  decoded = decode_sale (sale, 58, NULL);
  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      if (e->kind != DECODED_TEXT)
        continue;
      title |= g_str_equal (e->text, "退货单") && e->size == 2;
      orig |= g_str_equal (e->text, "原单号：S01-T1-20261120-0007");
      g_assert_null (strstr (e->text, "销售单"));
    }
  g_assert_true (title);
  g_assert_true (orig);
}

/* A donation is a block of its own before what is paid, which includes it
 * (docs/design.md §15); a long fund name wraps, the amount stays whole. */
static void
test_donation (void)
{
  g_autoptr(AxwSale) sale = fixture_long_sale (FALSE);
  g_autoptr(GPtrArray) decoded = NULL;
  int block = -1, amount = -1, thanks = -1, due = -1;

  sale->donation_fund = g_strdup ("集美区助残爱心基金");
  sale->donation_fen = 100;
  sale->total_fen += 100;
  g_array_index (sale->payments, AxwPayment, 0).amount_fen += 100;
  decoded = decode_sale (sale, 58, NULL);
  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      if (e->kind != DECODED_TEXT)
        continue;
      g_assert_cmpuint (e->columns, <=, 32);
      if (g_str_has_prefix (e->text, "爱心捐赠 集美区助残爱心基金"))
        block = (int) i;
      if (block >= 0 && amount < 0 && g_str_has_suffix (e->text, " ￥1.00"))
        amount = (int) i;
      if (g_str_equal (e->text, "  谢谢您的爱心"))
        thanks = (int) i;
      if (g_str_has_prefix (e->text, "应付"))
        due = (int) i;
    }
  g_assert_cmpint (block, >, 0);
  /* 27 + 6 columns do not fit 32: the amount gets a line of its own */
  g_assert_cmpint (amount, ==, block + 1);
  g_assert_cmpint (thanks, ==, amount + 1);
  g_assert_cmpint (due, ==, thanks + 1);
}

typedef struct {
  guint        width_mm;
  gboolean     refund;
  guint        reprint;
  const char  *mark[2];     /* the marking as printed, one or two lines */
} ReprintCase;

static const ReprintCase reprint_cases[] = {
  { 80, FALSE, 1, { "重印 第1次 · 原单时间 2026-11-22 13:07:09", NULL } },
  { 80, TRUE, 3, { "重印 第3次 · 原单时间 2026-11-22 13:07:09", NULL } },
  { 58, FALSE, 2, { "重印 第2次 · 原单时间", "2026-11-22 13:07:09" } },
  { 58, TRUE, 12, { "重印 第12次 · 原单时间", "2026-11-22 13:07:09" } },
};

/* A copy after the first: marked under the title with its number and the
 * sale's own time, and no drawer kick although cash changed hands. */
static void
test_reprint (gconstpointer data)
{
  const ReprintCase *c = data;
  g_autoptr(AxwSale) sale = fixture_long_sale (TRUE);
  AxwReceiptSettings settings = settings_for (c->width_mm);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(GError) error = NULL;
  guint found = 0, drawers = 0, title_at = 0;

  sale->is_refund = c->refund;
  settings.reprint = c->reprint;
  items = axw_receipt_layout (sale, &settings);
  bytes = axw_escpos_encode (items, c->width_mm, NULL, &error);
  g_assert_no_error (error);
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      drawers += e->kind == DECODED_DRAWER;
      if (e->kind != DECODED_TEXT)
        continue;
      if (g_str_equal (e->text, c->refund ? "退货单" : "销售单"))
        title_at = i;
      if (found < 2 && c->mark[found] != NULL && g_str_equal (e->text, c->mark[found]))
        {
          g_assert_cmpuint (i, ==, title_at + 1 + found);
          g_assert_true (e->bold);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, c->mark[1] != NULL ? 2 : 1);
  g_assert_cmpuint (drawers, ==, 0);
}

/* The first copy carries no mark and opens the drawer. */
static void
test_first_copy_unmarked (void)
{
  g_autoptr(AxwSale) sale = fixture_long_sale (TRUE);
  g_autoptr(GPtrArray) decoded = decode_sale (sale, 80, NULL);
  guint drawers = 0;

  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      drawers += e->kind == DECODED_DRAWER;
      g_assert_true (e->kind != DECODED_TEXT || strstr (e->text, "重印") == NULL);
    }
  g_assert_cmpuint (drawers, ==, 1);
}

static void
test_replacement (void)
{
  static const struct { const char *utf8; const char *back; guint replaced; } cases[] = {
    { "￥12.50", "￥12.50", 0 },
    { "¥12.50", "□12.50", 1 },
    { "好😀茶", "好□茶", 1 },
    { "𠀀x", "□x", 1 },
    { "×·—", "×·—", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GByteArray) out = g_byte_array_new ();
      g_autofree char *back = NULL;
      guint replaced = 0;

      axw_escpos_append_text (out, cases[i].utf8, &replaced);
      for (guint j = 0; j < out->len; j++)
        if (out->data[j] >= 0x81)
          {
            g_assert_true (j + 1 < out->len);
            j++;
          }
      back = g_convert ((char *) out->data, out->len, "UTF-8", "GB18030", NULL, NULL, NULL);
      g_assert_cmpstr (back, ==, cases[i].back);
      g_assert_cmpuint (replaced, ==, cases[i].replaced);
    }
}

/* A product name with ESC p (open the drawer) and GS V (cut), invalid UTF-8
 * and a tab: printed as □ and spaces, never as commands, never overrunning. */
static void
test_hostile_names (void)
{
  g_autoptr(AxwSale) sale = fixture_long_sale (FALSE);
  g_autoptr(GPtrArray) decoded = NULL;
  guint replaced = 0, drawers = 0, cuts = 0;
  gboolean seen_milk = FALSE, seen_bad = FALSE;

  fixture_add_line (sale, "Milk\x1bp\x01\x19\xfa\x1dV\x01\tbox\r\n2", 1000, 100, FALSE, 0, NULL);
  fixture_add_line (sale, "\xe4\xb8 bad\xf0", 1000, 100, FALSE, 0, NULL);
  decoded = decode_sale (sale, 58, &replaced);
  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      drawers += e->kind == DECODED_DRAWER;
      cuts += e->kind == DECODED_CUT;
      if (e->kind != DECODED_TEXT)
        continue;
      g_assert_cmpuint (e->columns, <=, 32);
      seen_milk |= g_strcmp0 (e->text, "Milk□p□□□□V□ box") == 0;
      seen_bad |= g_strcmp0 (e->text, "□□ bad□") == 0;
    }
  g_assert_cmpuint (drawers, ==, 0);  /* no cash in this sale */
  g_assert_cmpuint (cuts, ==, 1);
  g_assert_true (seen_milk);
  g_assert_true (seen_bad);
  g_assert_cmpuint (replaced, ==, 9);  /* 6 + 3: each bad byte is one □ */
}

static void
test_tall_raster_split (void)
{
  AxwRaster raster = { 16, 2000, 2, g_malloc0 (2 * 2000) };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 head[] = { 0x1B, 0x40, 0x1C, 0x26 };

  g_byte_array_append (out, head, sizeof head);
  axw_escpos_append_raster (out, &raster);
  g_free (raster.data);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&out));
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->len, ==, 3);
  g_assert_cmpuint (((Decoded *) decoded->pdata[0])->height, ==, 960);
  g_assert_cmpuint (((Decoded *) decoded->pdata[1])->height, ==, 960);
  g_assert_cmpuint (((Decoded *) decoded->pdata[2])->height, ==, 80);
}

static void
test_png (gconstpointer data)
{
  guint width_mm = GPOINTER_TO_UINT (data);
  AxwReceiptSettings settings = settings_for (width_mm);
  g_autoptr(AxwSale) sale = fixture_long_sale (TRUE);
  g_autoptr(GPtrArray) items = axw_receipt_layout (sale, &settings);
  const char *dir = g_getenv ("AXW_RECEIPT_PNG_DIR");
  /* a scratch file of this process's own: the time-zone runs of this test go at the same time */
  g_autofree char *name = dir ? g_strdup_printf ("receipt-%u.png", width_mm)
                              : g_strdup_printf ("receipt-%u-%d.png", width_mm, (int) getpid ());
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;

  g_assert_true (axw_receipt_render_png (items, width_mm, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, axw_receipt_dots_for_width (width_mm));
  g_assert_cmpint (cairo_image_surface_get_height (png), >, 800);
  cairo_surface_destroy (png);
  if (dir == NULL)
    g_unlink (path);
}

int
main (int argc, char **argv)
{
  static const SaleCase sale_cases[] = { { 58, TRUE }, { 58, FALSE }, { 80, TRUE }, { 80, FALSE } };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/receipt/columns", test_columns);
  g_test_add_func ("/receipt/wrap", test_wrap);
  g_test_add_func ("/receipt/mask", test_mask);
  g_test_add_func ("/receipt/qr-url", test_qr_url);
  for (guint i = 0; i < G_N_ELEMENTS (sale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/receipt/escpos/%u-mm/%s", sale_cases[i].width_mm,
                                               sale_cases[i].cash ? "cash" : "wechat");

      g_test_add_data_func (path, &sale_cases[i], test_escpos_sale);
    }
  g_test_add_func ("/receipt/shop-time", test_shop_time);
  g_test_add_func ("/receipt/escpos/refund", test_refund);
  g_test_add_func ("/receipt/escpos/donation", test_donation);
  g_test_add_func ("/receipt/escpos/replacement", test_replacement);
  g_test_add_func ("/receipt/escpos/first-copy-unmarked", test_first_copy_unmarked);
  for (guint i = 0; i < G_N_ELEMENTS (reprint_cases); i++)
    {
      const ReprintCase *c = &reprint_cases[i];
      g_autofree char *path = g_strdup_printf ("/receipt/escpos/reprint/%s-%u-mm-copy-%u",
                                               c->refund ? "refund" : "sale", c->width_mm,
                                               c->reprint);

      g_test_add_data_func (path, c, test_reprint);
    }
  g_test_add_func ("/receipt/escpos/tall-raster", test_tall_raster_split);
  g_test_add_func ("/receipt/escpos/hostile-names", test_hostile_names);
  g_test_add_data_func ("/receipt/png/58-mm", GUINT_TO_POINTER (58), test_png);
  g_test_add_data_func ("/receipt/png/80-mm", GUINT_TO_POINTER (80), test_png);
  return g_test_run ();
}
