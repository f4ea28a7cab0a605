/* axw-receipt.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-bizdate.h"
#include "axw-receipt.h"

#include <string.h>

/* Width in printer columns: in Chinese mode every non-ASCII character is a
 * two-byte GB18030 code printed as a full 24-dot glyph, so it takes two
 * columns even where Unicode calls it narrow (×, ·, ￥). */
static guint
char_columns (gunichar c)
{
  return c < 0x80 ? 1 : 2;
}

guint
axw_receipt_columns_for_width (guint width_mm)
{
  return width_mm == 80 ? 48 : 32;
}

guint
axw_receipt_dots_for_width (guint width_mm)
{
  return width_mm == 80 ? 576 : 384;
}

/* Text from the database, settings or a scan, made safe to print: valid
 * UTF-8 (a bad byte becomes U+FFFD), a tab a space, CR LF or a lone CR a
 * line break (a space where @newlines is FALSE), and any other control
 * character U+FFFD, which the printer shows as □. An ESC or GS byte in a
 * product name would otherwise reach the printer as a command (ESC p
 * opens the cash drawer). */
static char *
clean_text (const char *text,
            gboolean    newlines)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *s = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r' || c == '\n')
        g_string_append_c (s, newlines ? '\n' : ' ');
      else if (c == '\t')
        g_string_append_c (s, ' ');
      else if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        g_string_append_unichar (s, 0xFFFD);
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

guint
axw_receipt_text_columns (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += char_columns (g_utf8_get_char (p));
  return n;
}

/**
 * axw_receipt_wrap:
 * @raw: UTF-8, may contain newlines; bad bytes and control characters
 *   print as □
 * @columns: the paper's columns
 *
 * Keeps Latin words whole where it can; never splits a character.
 *
 * Returns: (transfer full) (element-type utf8): at least one line
 */
GPtrArray *
axw_receipt_wrap (const char *raw,
                  guint       columns)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = clean_text (raw, TRUE);
  GString *cur = g_string_new (NULL);
  guint width = 0;
  gsize last_space = 0;

  g_return_val_if_fail (columns >= 2, lines);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = char_columns (c);

      if (c == '\n' || width + w > columns)
        {
          g_autofree char *rest = NULL;

          /* Only a Latin word moves to the next line whole; Chinese
           * breaks between any two characters. */
          if (c != '\n' && c < 0x80 && g_unichar_isalnum (c) && last_space > 0)
            {
              rest = g_strdup (cur->str + last_space + 1);
              g_string_truncate (cur, last_space);
            }
          g_ptr_array_add (lines, g_strdup (cur->str));
          g_string_assign (cur, rest != NULL ? rest : "");
          width = axw_receipt_text_columns (cur->str);
          last_space = 0;
          if (c == '\n' || c == ' ')
            continue;
        }
      if (c == ' ')
        last_space = cur->len;
      g_string_append_unichar (cur, c);
      width += w;
    }
  if (cur->len > 0 || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (cur->str));
  g_string_free (cur, TRUE);
  return lines;
}

/* Returns: (transfer full): all but the last four characters hidden */
char *
axw_receipt_mask_code (const char *code)
{
  glong n = g_utf8_strlen (code, -1);
  GString *s = g_string_new (NULL);

  if (n <= 4)
    return g_strdup ("****");
  for (glong i = 0; i < MIN (n - 4, 8); i++)
    g_string_append_c (s, '*');
  g_string_append (s, g_utf8_offset_to_pointer (code, n - 4));
  return g_string_free (s, FALSE);
}

/* Returns: (transfer full): @url_template with {uuid} and {receipt_no} filled in */
char *
axw_receipt_qr_url (const char    *url_template,
                    const AxwSale *sale)
{
  g_autoptr(GString) s = g_string_new (url_template);

  g_string_replace (s, "{uuid}", sale->uuid != NULL ? sale->uuid : "", 0);
  g_string_replace (s, "{receipt_no}", sale->receipt_no != NULL ? sale->receipt_no : "", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
axw_receipt_item_free (AxwReceiptItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item);
}

static AxwReceiptItem *
add_item (GPtrArray          *items,
          AxwReceiptItemKind  kind,
          const char         *text)
{
  AxwReceiptItem *item = g_new0 (AxwReceiptItem, 1);

  item->kind = kind;
  item->text = g_strdup (text);
  item->size = 1;
  g_ptr_array_add (items, item);
  return item;
}

typedef struct {
  GPtrArray *items;
  guint      columns;
} Builder;

static void
add_wrapped (Builder         *b,
             const char      *text,
             AxwReceiptAlign  align,
             gboolean         bold,
             guint            size)
{
  g_autoptr(GPtrArray) lines = axw_receipt_wrap (text, b->columns / size);

  for (guint i = 0; i < lines->len; i++)
    {
      AxwReceiptItem *item = add_item (b->items, AXW_RECEIPT_TEXT, lines->pdata[i]);

      item->align = align;
      item->bold = bold;
      item->size = size;
    }
}

/* @left then @right flush with the right edge; when both do not fit on one
 * line, @left wraps and @right gets a line of its own. */
static void
add_pair (Builder    *b,
          const char *raw_left,
          const char *raw_right,
          gboolean    bold)
{
  g_autofree char *left = clean_text (raw_left, FALSE);
  g_autofree char *right = clean_text (raw_right, FALSE);
  guint lw = axw_receipt_text_columns (left);
  guint rw = axw_receipt_text_columns (right);
  g_autoptr(GString) s = g_string_new (left);

  if (rw > b->columns)
    {
      add_wrapped (b, left, AXW_RECEIPT_LEFT, bold, 1);
      add_wrapped (b, right, AXW_RECEIPT_RIGHT, bold, 1);
      return;
    }
  if (lw + 1 + rw > b->columns)
    {
      add_wrapped (b, left, AXW_RECEIPT_LEFT, bold, 1);
      g_string_truncate (s, 0);
      lw = 0;
    }
  for (guint i = lw; i < b->columns - rw; i++)
    g_string_append_c (s, ' ');
  g_string_append (s, right);
  add_item (b->items, AXW_RECEIPT_TEXT, s->str)->bold = bold;
}

static void
add_money (Builder    *b,
           const char *label,
           gint64      fen,
           gboolean    bold)
{
  g_autofree char *amount = axw_money_format_paper (fen);

  add_pair (b, label, amount, bold);
}

static void
add_rule (Builder *b,
          char     c)
{
  g_autofree char *rule = g_strnfill (b->columns, c);

  add_item (b->items, AXW_RECEIPT_TEXT, rule);
}

static const char *
paper_pay_label (AxwPayMethod method)
{
  switch (method)
    {
    case AXW_PAY_CASH: return "现金";
    case AXW_PAY_WECHAT: return "微信支付";
    case AXW_PAY_ALIPAY: return "支付宝";
    case AXW_PAY_UNIONPAY: return "银联卡";
    default: return "其他";
    }
}

/**
 * axw_receipt_reprint_mark:
 * @reprint: 1 for the first copy after the original, and so on
 * @timezone: (nullable): the shop's time zone (Asia/Shanghai when unset)
 *
 * The line that tells a copy from the original, so that a reprinted
 * receipt cannot pass for a second sale.
 * Returns: (transfer full): `重印 第N次 · 原单时间 YYYY-MM-DD HH:MM:SS` in shop time
 */
char *
axw_receipt_reprint_mark (const AxwSale *sale,
                          guint          reprint,
                          const char    *timezone)
{
  g_autoptr(GTimeZone) tz = axw_timezone_new (timezone);
  g_autofree char *when = axw_time_format_shop_iso (sale->created_at, tz, AXW_TIME_FORMAT_SECONDS);

  return g_strdup_printf ("重印 第%u次 · 原单时间 %s", reprint, when);
}

static void
add_header (Builder                  *b,
            const AxwSale            *sale,
            const AxwReceiptSettings *settings)
{
  g_autoptr(GTimeZone) tz = axw_timezone_new (settings->timezone);
  g_autofree char *when = axw_time_format_shop_iso (sale->created_at, tz, AXW_TIME_FORMAT_SECONDS);
  g_autofree char *no = g_strdup_printf ("单号：%s", sale->receipt_no ? sale->receipt_no : "");
  g_autofree char *time = g_strdup_printf ("时间：%s", when);
  g_autofree char *staff = g_strdup_printf ("%s：%s", sale->is_refund ? "经办人" : "收银员",
                                            sale->staff ? sale->staff : "");

  add_wrapped (b, settings->shop_name ? settings->shop_name : "", AXW_RECEIPT_CENTER, TRUE, 2);
  if (settings->shop_address != NULL && *settings->shop_address != '\0')
    add_wrapped (b, settings->shop_address, AXW_RECEIPT_CENTER, FALSE, 1);
  add_wrapped (b, sale->is_refund ? "退货单" : "销售单", AXW_RECEIPT_CENTER, TRUE,
               sale->is_refund ? 2 : 1);
  if (settings->reprint > 0)
    {
      g_autofree char *mark = axw_receipt_reprint_mark (sale, settings->reprint,
                                                        settings->timezone);

      add_wrapped (b, mark, AXW_RECEIPT_CENTER, TRUE, 1);
    }
  add_rule (b, '-');
  add_wrapped (b, no, AXW_RECEIPT_LEFT, FALSE, 1);
  if (sale->is_refund && sale->refund_of_receipt_no != NULL)
    {
      g_autofree char *orig = g_strdup_printf ("原单号：%s", sale->refund_of_receipt_no);

      add_wrapped (b, orig, AXW_RECEIPT_LEFT, FALSE, 1);
    }
  add_wrapped (b, time, AXW_RECEIPT_LEFT, FALSE, 1);
  add_wrapped (b, staff, AXW_RECEIPT_LEFT, FALSE, 1);
  add_rule (b, '-');
}

static void
add_line (Builder       *b,
          const AxwLine *line)
{
  g_autofree char *qty = axw_qty_format (line->qty_milli);
  g_autofree char *price = axw_money_format_paper (line->unit_price_fen);
  g_autofree char *detail = g_strdup_printf ("  %s%s x %s%s", qty, line->per_kg ? "kg" : "",
                                             price, line->per_kg ? "/kg" : "");

  add_wrapped (b, line->name ? line->name : "", AXW_RECEIPT_LEFT, FALSE, 1);
  add_money (b, detail, line->gross_fen, FALSE);
  if (line->price_overridden)
    {
      g_autofree char *list = axw_money_format_paper (line->list_price_fen);
      g_autofree char *was = g_strdup_printf ("  改价（原价 %s）", list);

      add_wrapped (b, was, AXW_RECEIPT_LEFT, FALSE, 1);
    }
  if (line->promo_fen != 0)
    {
      g_autofree char *promo = g_strdup_printf ("  优惠 %s",
                                                line->promotion ? line->promotion : "");

      add_money (b, promo, -line->promo_fen, FALSE);
    }
}

static void
add_red_packet (Builder            *b,
                const AxwRedPacket *rp)
{
  g_autofree char *code = clean_text (rp->code, FALSE);
  g_autofree char *masked = axw_receipt_mask_code (code);
  g_autofree char *label = g_strdup_printf ("红包 %s", masked);

  add_money (b, label, -rp->discount_fen, FALSE);
  if (rp->campaign != NULL && *rp->campaign != '\0')
    {
      g_autofree char *c = g_strdup_printf ("  活动：%s", rp->campaign);

      add_wrapped (b, c, AXW_RECEIPT_LEFT, FALSE, 1);
    }
  if (rp->funder != NULL && *rp->funder != '\0')
    {
      g_autofree char *f = g_strdup_printf ("  出资方：%s", rp->funder);

      add_wrapped (b, f, AXW_RECEIPT_LEFT, FALSE, 1);
    }
}

/* Its own block, part of what is paid (docs/design.md §15). */
static void
add_donation (Builder       *b,
              const AxwSale *sale)
{
  g_autofree char *label = NULL;

  if (sale->donation_fund == NULL || sale->donation_fen == 0)
    return;
  label = g_strdup_printf ("%s %s", sale->is_refund ? "退回捐赠" : "爱心捐赠", sale->donation_fund);
  add_money (b, label, sale->donation_fen, FALSE);
  if (!sale->is_refund)
    add_wrapped (b, "  谢谢您的爱心", AXW_RECEIPT_LEFT, FALSE, 1);
}

static gboolean
has_cash (const AxwSale *sale)
{
  for (guint i = 0; i < sale->payments->len; i++)
    if (g_array_index (sale->payments, AxwPayment, i).method == AXW_PAY_CASH)
      return TRUE;
  return FALSE;
}

static void
add_totals (Builder       *b,
            const AxwSale *sale)
{
  const char *back = sale->is_refund ? "退款" : "";

  add_money (b, "商品合计", sale->gross_fen, FALSE);
  if (sale->promo_fen != 0)
    add_money (b, "促销优惠", -sale->promo_fen, FALSE);
  if (sale->red_packet != NULL && sale->red_packet->accepted)
    add_red_packet (b, sale->red_packet);
  add_donation (b, sale);
  add_money (b, sale->is_refund ? "应退" : "应付", sale->total_fen, TRUE);
  if (sale->cash_rounding_fen != 0)
    add_money (b, "抹零", sale->cash_rounding_fen, FALSE);
  for (guint i = 0; i < sale->payments->len; i++)
    {
      const AxwPayment *p = &g_array_index (sale->payments, AxwPayment, i);
      g_autofree char *label = g_strdup_printf ("%s%s", paper_pay_label (p->method), back);

      add_money (b, label, p->method == AXW_PAY_CASH ? p->tendered_fen : p->amount_fen, FALSE);
    }
  if (sale->change_fen != 0)
    add_money (b, "找零", sale->change_fen, TRUE);
}

static void
add_footer (Builder                  *b,
            const AxwSale            *sale,
            const AxwReceiptSettings *settings)
{
  add_rule (b, '-');
  if (settings->qr_url != NULL && *settings->qr_url != '\0' && sale->uuid != NULL)
    {
      g_autofree char *url = axw_receipt_qr_url (settings->qr_url, sale);

      add_item (b->items, AXW_RECEIPT_QR, url)->align = AXW_RECEIPT_CENTER;
      add_wrapped (b, "扫码查看电子小票", AXW_RECEIPT_CENTER, FALSE, 1);
    }
  if (settings->footer != NULL && *settings->footer != '\0')
    add_wrapped (b, settings->footer, AXW_RECEIPT_CENTER, FALSE, 1);
}

/**
 * axw_receipt_layout:
 * @sale: a committed sale or refund
 * @settings: shop, footer, QR template and paper width
 *
 * A copy (@settings->reprint > 0) is marked under the title and never opens
 * the drawer: the cash changed hands at the first one.
 *
 * Returns: (transfer full) (element-type AxwReceiptItem): the receipt, ending
 *   with a drawer kick when cash changed hands and a cut
 */
GPtrArray *
axw_receipt_layout (const AxwSale            *sale,
                    const AxwReceiptSettings *settings)
{
  Builder b = { g_ptr_array_new_with_free_func ((GDestroyNotify) axw_receipt_item_free),
                axw_receipt_columns_for_width (settings->width_mm) };

  g_return_val_if_fail (sale != NULL, b.items);

  add_header (&b, sale, settings);
  for (guint i = 0; i < sale->lines->len; i++)
    add_line (&b, sale->lines->pdata[i]);
  add_rule (&b, '-');
  add_totals (&b, sale);
  add_footer (&b, sale, settings);
  add_item (b.items, AXW_RECEIPT_FEED, NULL);
  if (has_cash (sale) && settings->reprint == 0)
    add_item (b.items, AXW_RECEIPT_DRAWER, NULL);
  add_item (b.items, AXW_RECEIPT_CUT, NULL);
  return b.items;
}

/**
 * axw_receipt_donation_number:
 *
 * Returns: (transfer full): the number of the donation receipt of @sale,
 *   its own and stable: `JZ-` and the sale's receipt number
 */
char *
axw_receipt_donation_number (const AxwSale *sale)
{
  return g_strdup_printf ("JZ-%s", sale->receipt_no ? sale->receipt_no : "");
}

/**
 * axw_receipt_donation_layout:
 * @sale: a committed sale with a donation
 *
 * The donation receipt (捐赠收据, docs/design.md §15) a donor may ask for: its
 * own number, the fund, the amount and the sale it came with; no goods,
 * never a drawer kick.
 *
 * Returns: (transfer full) (element-type AxwReceiptItem): the receipt
 */
GPtrArray *
axw_receipt_donation_layout (const AxwSale            *sale,
                             const AxwReceiptSettings *settings)
{
  Builder b = { g_ptr_array_new_with_free_func ((GDestroyNotify) axw_receipt_item_free),
                axw_receipt_columns_for_width (settings->width_mm) };
  g_autoptr(GTimeZone) tz = axw_timezone_new (settings->timezone);
  g_autofree char *number = axw_receipt_donation_number (sale);
  g_autofree char *when = axw_time_format_shop_iso (sale->created_at, tz, AXW_TIME_FORMAT_SECONDS);
  g_autofree char *no = g_strdup_printf ("收据号：%s", number);
  g_autofree char *time = g_strdup_printf ("时间：%s", when);
  g_autofree char *fund = g_strdup_printf ("受赠基金：%s",
                                           sale->donation_fund ? sale->donation_fund : "");
  g_autofree char *orig = g_strdup_printf ("原销售单：%s",
                                           sale->receipt_no ? sale->receipt_no : "");

  g_return_val_if_fail (sale != NULL, b.items);

  add_wrapped (&b, settings->shop_name ? settings->shop_name : "", AXW_RECEIPT_CENTER, TRUE, 2);
  add_wrapped (&b, "捐赠收据", AXW_RECEIPT_CENTER, TRUE, 2);
  add_rule (&b, '-');
  add_wrapped (&b, no, AXW_RECEIPT_LEFT, FALSE, 1);
  add_wrapped (&b, time, AXW_RECEIPT_LEFT, FALSE, 1);
  add_wrapped (&b, fund, AXW_RECEIPT_LEFT, FALSE, 1);
  add_money (&b, "捐赠金额", sale->donation_fen, TRUE);
  add_wrapped (&b, orig, AXW_RECEIPT_LEFT, FALSE, 1);
  add_rule (&b, '-');
  add_wrapped (&b, "谢谢您的爱心", AXW_RECEIPT_CENTER, TRUE, 1);
  add_item (b.items, AXW_RECEIPT_FEED, NULL);
  add_item (b.items, AXW_RECEIPT_CUT, NULL);
  return b.items;
}

/* Returns: (transfer full) (element-type AxwReceiptItem): a page to check a printer */
GPtrArray *
axw_receipt_test_page (const AxwReceiptSettings *settings)
{
  Builder b = { g_ptr_array_new_with_free_func ((GDestroyNotify) axw_receipt_item_free),
                axw_receipt_columns_for_width (settings->width_mm) };
  g_autofree char *width = g_strdup_printf ("纸宽 %u mm，%u 列", settings->width_mm, b.columns);
  g_autofree char *ruler = g_strnfill (b.columns, '0');

  for (guint i = 0; i < b.columns; i++)
    ruler[i] = (char) ('0' + (i + 1) % 10);
  add_wrapped (&b, settings->shop_name ? settings->shop_name : "", AXW_RECEIPT_CENTER, TRUE, 2);
  add_wrapped (&b, "打印机测试页", AXW_RECEIPT_CENTER, TRUE, 1);
  add_wrapped (&b, width, AXW_RECEIPT_LEFT, FALSE, 1);
  add_item (b.items, AXW_RECEIPT_TEXT, ruler);
  add_wrapped (&b, "中文：爱心屋收银台 ￥12.34", AXW_RECEIPT_LEFT, FALSE, 1);
  add_money (&b, "右对齐金额", 123456, TRUE);
  if (settings->qr_url != NULL && *settings->qr_url != '\0')
    add_item (b.items, AXW_RECEIPT_QR, settings->qr_url)->align = AXW_RECEIPT_CENTER;
  add_item (b.items, AXW_RECEIPT_FEED, NULL);
  add_item (b.items, AXW_RECEIPT_CUT, NULL);
  return b.items;
}
