/* axw-report.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-csv.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-report.h"
#include "axw-sale.h"

void
axw_report_row_free (gpointer data)
{
  AxwReportRow *row = data;

  g_free (row->name);
  g_free (row);
}

static void
report_red_packet_free (gpointer data)
{
  AxwReportRedPacket *rp = data;

  g_free (rp->campaign);
  g_free (rp->funder);
  g_free (rp);
}

AxwReport *
axw_report_new (AxwReportKind kind)
{
  AxwReport *r = g_new0 (AxwReport, 1);

  r->kind = kind;
  r->red_packets = g_ptr_array_new_with_free_func (report_red_packet_free);
  r->donations = g_ptr_array_new_with_free_func (axw_report_row_free);
  r->charity_sales = g_ptr_array_new_with_free_func (axw_report_row_free);
  r->categories = g_ptr_array_new_with_free_func (axw_report_row_free);
  r->cashiers = g_ptr_array_new_with_free_func (axw_report_row_free);
  r->top_products = g_ptr_array_new_with_free_func (axw_report_row_free);
  r->origins = g_ptr_array_new_with_free_func (axw_report_row_free);
  r->suppliers = g_ptr_array_new_with_free_func (axw_report_row_free);
  return r;
}

void
axw_report_free (AxwReport *report)
{
  if (report == NULL)
    return;
  g_free (report->from);
  g_free (report->to);
  g_free (report->shop_name);
  g_ptr_array_unref (report->red_packets);
  g_ptr_array_unref (report->donations);
  g_ptr_array_unref (report->charity_sales);
  g_ptr_array_unref (report->categories);
  g_ptr_array_unref (report->cashiers);
  g_ptr_array_unref (report->top_products);
  g_clear_pointer (&report->origins, g_ptr_array_unref);
  g_clear_pointer (&report->suppliers, g_ptr_array_unref);
  g_free (report);
}

/* Returns: (transfer full) */
AxwReportRow *
axw_report_row_new (const char *name)
{
  AxwReportRow *row = g_new0 (AxwReportRow, 1);

  row->name = g_strdup (name ? name : "");
  return row;
}

/* Returns: (transfer full) */
AxwReportRedPacket *
axw_report_red_packet_new (const char *campaign,
                           const char *funder)
{
  AxwReportRedPacket *rp = g_new0 (AxwReportRedPacket, 1);

  rp->campaign = g_strdup (campaign ? campaign : "");
  rp->funder = g_strdup (funder ? funder : "");
  return rp;
}

static gint64
sum_rows (GPtrArray *rows)
{
  gint64 sum = 0;

  for (guint i = 0; i < rows->len; i++)
    sum += ((AxwReportRow *) g_ptr_array_index (rows, i))->total_fen;
  return sum;
}

static gboolean
check_one (const char  *section,
           gint64       got,
           gint64       want,
           GError     **error)
{
  if (got == want)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("The report does not add up: %s gives %lld fen, expected %lld"), section,
               (long long) got, (long long) want);
  return FALSE;
}

gboolean
axw_report_check_totals (const AxwReport  *r,
                         GError          **error)
{
  gint64 pay = 0, rp = 0, hours = 0;

  for (int m = 0; m < AXW_REPORT_N_METHODS; m++)
    pay += r->payments[m];
  for (guint i = 0; i < r->red_packets->len; i++)
    rp += ((AxwReportRedPacket *) g_ptr_array_index (r->red_packets, i))->amount_fen;
  for (int h = 0; h < 24; h++)
    hours += r->hour_total_fen[h];
  return check_one ("gross - promotions - red packets - refunds - charity sales",
                    r->gross_fen - r->promo_fen - r->red_packet_fen - r->refunds_fen - r->charity_fen,
                    r->total_fen, error) &&
         check_one ("payments", pay,
                    r->total_fen + r->charity_fen + r->donation_fen + r->cash_rounding_fen,
                    error) &&
         check_one ("charity sales", sum_rows (r->charity_sales), r->charity_fen, error) &&
         check_one ("red packets", rp, r->red_packet_fen, error) &&
         check_one ("donations", sum_rows (r->donations), r->donation_fen, error) &&
         check_one ("categories", sum_rows (r->categories), r->total_fen, error) &&
         check_one ("cashiers", sum_rows (r->cashiers), r->total_fen, error) &&
         check_one ("hours", hours, r->total_fen, error) &&
         (r->origins == NULL ||
          check_one ("origins", sum_rows (r->origins), r->total_fen, error)) &&
         (r->suppliers == NULL ||
          check_one ("suppliers", sum_rows (r->suppliers), r->total_fen, error));
}

/* JSON */

#define J_INT(out, key, val) g_string_append_printf (out, "\"" key "\":%" G_GINT64_FORMAT, (gint64) (val))

static void
json_rows (GString    *out,
           const char *key,
           const char *name_key,
           GPtrArray  *rows,
           gboolean    with_count)
{
  g_string_append_printf (out, ",\"%s\":[", key);
  for (guint i = 0; i < rows->len; i++)
    {
      AxwReportRow *row = g_ptr_array_index (rows, i);

      g_string_append_printf (out, "%s{\"%s\":", i ? "," : "", name_key);
      axw_json_append_string (out, row->name);
      if (with_count)
        {
          g_string_append_c (out, ',');
          J_INT (out, "count", row->count);
        }
      g_string_append_c (out, ',');
      J_INT (out, "qty_milli", row->qty_milli);
      g_string_append_c (out, ',');
      g_string_append_printf (out, "\"%s\":%" G_GINT64_FORMAT,
                              g_str_equal (key, "categories") || g_str_equal (key, "origins") ||
                              g_str_equal (key, "suppliers") ? "net_fen" : "total_fen",
                              row->total_fen);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* Only a period with charity sales or donations has their sections, so a Z closed before
 * donations existed rebuilds to the very JSON it stored. */
static void
append_donations_json (GString         *out,
                       const AxwReport *r)
{
  if (r->charity_sales->len > 0)
    {
      g_string_append_printf (out, ",\"charity_fen\":%" G_GINT64_FORMAT, r->charity_fen);
      json_rows (out, "charity_sales", "fund", r->charity_sales, TRUE);
    }
  if (r->donations->len == 0)
    return;
  g_string_append_printf (out, ",\"donation_fen\":%" G_GINT64_FORMAT ",\"donations\":[",
                          r->donation_fen);
  for (guint i = 0; i < r->donations->len; i++)
    {
      AxwReportRow *row = g_ptr_array_index (r->donations, i);

      g_string_append (out, i ? ",{\"fund\":" : "{\"fund\":");
      axw_json_append_string (out, row->name);
      g_string_append_printf (out,
                              ",\"count\":%" G_GINT64_FORMAT ",\"amount_fen\":%" G_GINT64_FORMAT "}",
                              row->count, row->total_fen);
    }
  g_string_append_c (out, ']');
}

static const char *
kind_name (AxwReportKind kind)
{
  switch (kind)
    {
    case AXW_REPORT_X: return "x";
    case AXW_REPORT_Z: return "z";
    case AXW_REPORT_RANGE:
    default: return "range";
    }
}

/**
 * axw_report_to_json:
 *
 * Returns: (transfer full): one JSON object, amounts in integer fen
 */
char *
axw_report_to_json (const AxwReport *r)
{
  GString *out = g_string_new ("{\"kind\":");

  axw_json_append_string (out, kind_name (r->kind));
  g_string_append (out, ",\"from\":");
  axw_json_append_string (out, r->from ? r->from : "");
  g_string_append (out, ",\"to\":");
  axw_json_append_string (out, r->to ? r->to : "");
  if (r->kind == AXW_REPORT_Z)
    g_string_append_printf (out, ",\"z_number\":%" G_GINT64_FORMAT, r->z_number);
  g_string_append_printf (out,
                          ",\"sales_count\":%" G_GINT64_FORMAT ",\"refunds_count\":%" G_GINT64_FORMAT
                          ",\"gross_fen\":%" G_GINT64_FORMAT ",\"promo_fen\":%" G_GINT64_FORMAT
                          ",\"red_packet_fen\":%" G_GINT64_FORMAT ",\"total_fen\":%" G_GINT64_FORMAT
                          ",\"refunds_fen\":%" G_GINT64_FORMAT ",\"cash_rounding_fen\":%" G_GINT64_FORMAT,
                          r->sales_count, r->refunds_count, r->gross_fen, r->promo_fen,
                          r->red_packet_fen, r->total_fen, r->refunds_fen, r->cash_rounding_fen);
  if (r->price_overrides_count > 0)
    g_string_append_printf (out, ",\"price_overrides_count\":%" G_GINT64_FORMAT
                            ",\"price_overrides_fen\":%" G_GINT64_FORMAT,
                            r->price_overrides_count, r->price_overrides_fen);
  g_string_append (out, ",\"payments\":{");
  for (int m = 0; m < AXW_REPORT_N_METHODS; m++)
    g_string_append_printf (out, "%s\"%s\":%" G_GINT64_FORMAT, m ? "," : "",
                            axw_pay_method_to_string ((AxwPayMethod) m), r->payments[m]);
  g_string_append (out, "},\"red_packets\":[");
  for (guint i = 0; i < r->red_packets->len; i++)
    {
      AxwReportRedPacket *rp = g_ptr_array_index (r->red_packets, i);

      g_string_append (out, i ? ",{\"campaign\":" : "{\"campaign\":");
      axw_json_append_string (out, rp->campaign);
      g_string_append (out, ",\"funder\":");
      axw_json_append_string (out, rp->funder);
      g_string_append_printf (out,
                              ",\"count\":%" G_GINT64_FORMAT ",\"amount_fen\":%" G_GINT64_FORMAT
                              ",\"refunded_fen\":%" G_GINT64_FORMAT "}",
                              rp->count, rp->amount_fen, rp->refunded_fen);
    }
  g_string_append_c (out, ']');
  append_donations_json (out, r);
  json_rows (out, "categories", "category", r->categories, FALSE);
  json_rows (out, "cashiers", "staff", r->cashiers, TRUE);
  g_string_append (out, ",\"hours\":[");
  for (int h = 0, n = 0; h < 24; h++)
    if (r->hour_count[h] || r->hour_total_fen[h])
      g_string_append_printf (out, "%s{\"hour\":%d,\"count\":%" G_GINT64_FORMAT ",\"total_fen\":%"
                              G_GINT64_FORMAT "}", n++ ? "," : "", h, r->hour_count[h],
                              r->hour_total_fen[h]);
  g_string_append_c (out, ']');
  json_rows (out, "top_products", "product", r->top_products, FALSE);
  if (r->origins)
    json_rows (out, "origins", "origin", r->origins, FALSE);
  if (r->suppliers)
    json_rows (out, "suppliers", "supplier", r->suppliers, FALSE);
  if (r->has_cash_drawer)
    {
      g_string_append_printf (out, ",\"cash\":{\"float_fen\":%" G_GINT64_FORMAT ",\"in_out_fen\":%"
                              G_GINT64_FORMAT ",\"expected_fen\":%" G_GINT64_FORMAT,
                              r->float_fen, r->cash_in_out_fen, r->expected_cash_fen);
      if (r->has_counted)
        g_string_append_printf (out, ",\"counted_fen\":%" G_GINT64_FORMAT ",\"over_short_fen\":%"
                                G_GINT64_FORMAT, r->counted_cash_fen,
                                r->counted_cash_fen - r->expected_cash_fen);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* CSV: one table, section,name,count,qty,amount — spreadsheets sum it. */

static void
csv_line (GString    *out,
          const char *section,
          const char *name,
          gint64      count,
          gint64      qty_milli,
          gint64      fen)
{
  g_autofree char *c = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  g_autofree char *q = axw_qty_format (qty_milli);
  g_autofree char *a = axw_money_format (fen);
  const char *fields[] = { section, name, c, q, a };

  axw_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

static void
csv_rows (GString    *out,
          const char *section,
          GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AxwReportRow *row = g_ptr_array_index (rows, i);

      csv_line (out, section, row->name, row->count, row->qty_milli, row->total_fen);
    }
}

/**
 * axw_report_to_csv:
 *
 * Returns: (transfer full): RFC 4180, a header row; amounts in yuan
 */
char *
axw_report_to_csv (const AxwReport *r)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "section", "name", "count", "qty", "amount" };
  const char *period[] = { "period", r->from ? r->from : "", "", "", r->to ? r->to : "" };

  axw_csv_append_row (out, header, G_N_ELEMENTS (header));
  axw_csv_append_row (out, period, G_N_ELEMENTS (period));
  csv_line (out, "summary", "gross", r->sales_count, 0, r->gross_fen);
  csv_line (out, "summary", "promotions", 0, 0, r->promo_fen);
  csv_line (out, "summary", "red_packets", 0, 0, r->red_packet_fen);
  csv_line (out, "summary", "refunds", r->refunds_count, 0, r->refunds_fen);
  csv_line (out, "summary", "total", 0, 0, r->total_fen);
  csv_line (out, "summary", "cash_rounding", 0, 0, r->cash_rounding_fen);
  if (r->price_overrides_count > 0)
    csv_line (out, "summary", "price_overrides", r->price_overrides_count, 0,
              r->price_overrides_fen);
  for (int m = 0; m < AXW_REPORT_N_METHODS; m++)
    csv_line (out, "payment", axw_pay_method_to_string ((AxwPayMethod) m), 0, 0, r->payments[m]);
  for (guint i = 0; i < r->red_packets->len; i++)
    {
      AxwReportRedPacket *rp = g_ptr_array_index (r->red_packets, i);
      g_autofree char *name = g_strdup_printf ("%s / %s", rp->campaign, rp->funder);

      csv_line (out, "red_packet", name, rp->count, 0, rp->amount_fen);
      if (rp->refunded_fen)
        csv_line (out, "red_packet_refunded", name, 0, 0, rp->refunded_fen);
    }
  if (r->charity_sales->len > 0)
    csv_line (out, "summary", "charity_sales", 0, 0, r->charity_fen);
  if (r->donations->len > 0)
    csv_line (out, "summary", "donations", 0, 0, r->donation_fen);
  csv_rows (out, "charity_sale", r->charity_sales);
  csv_rows (out, "donation", r->donations);
  csv_rows (out, "category", r->categories);
  csv_rows (out, "cashier", r->cashiers);
  for (int h = 0; h < 24; h++)
    if (r->hour_count[h] || r->hour_total_fen[h])
      {
        g_autofree char *name = g_strdup_printf ("%02d", h);

        csv_line (out, "hour", name, r->hour_count[h], 0, r->hour_total_fen[h]);
      }
  csv_rows (out, "top_product", r->top_products);
  if (r->origins)
    csv_rows (out, "origin", r->origins);
  if (r->suppliers)
    csv_rows (out, "supplier", r->suppliers);
  if (r->has_cash_drawer)
    {
      csv_line (out, "cash", "float", 0, 0, r->float_fen);
      csv_line (out, "cash", "in_out", 0, 0, r->cash_in_out_fen);
      csv_line (out, "cash", "expected", 0, 0, r->expected_cash_fen);
      if (r->has_counted)
        {
          csv_line (out, "cash", "counted", 0, 0, r->counted_cash_fen);
          csv_line (out, "cash", "over_short", 0, 0, r->counted_cash_fen - r->expected_cash_fen);
        }
    }
  return g_string_free (out, FALSE);
}

/* Text lines */

int
axw_text_columns (const char *text)
{
  int n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      n += g_unichar_iswide (c) ? 2 : 1;
    }
  return n;
}

/* Cuts @text to at most @columns display columns. */
static char *
clip (const char *text,
      int         columns)
{
  GString *out = g_string_new (NULL);
  int n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int w = g_unichar_iswide (c) ? 2 : 1;

      if (n + w > columns)
        break;
      g_string_append_unichar (out, c);
      n += w;
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  GPtrArray *lines;
  int        columns;
  gboolean   paper;
} Layout;

/* "label ......... amount", the amount right-aligned. */
static void
add_pair (Layout     *l,
          const char *label,
          const char *value)
{
  int vw = axw_text_columns (value);
  g_autofree char *left = clip (label, MAX (l->columns - vw - 1, 1));
  int pad = l->columns - axw_text_columns (left) - vw;

  g_ptr_array_add (l->lines, g_strdup_printf ("%s%*s%s", left, MAX (pad, 1), "", value));
}

static void
add_money (Layout     *l,
           const char *label,
           gint64      fen)
{
  g_autofree char *v = l->paper ? axw_money_format_paper (fen) : axw_money_format_screen (fen);

  add_pair (l, label, v);
}

static void
add_rule (Layout *l,
          char    c)
{
  char *line = g_malloc (l->columns + 1);

  memset (line, c, l->columns);
  line[l->columns] = '\0';
  g_ptr_array_add (l->lines, line);
}

static void
add_title (Layout     *l,
           const char *title)
{
  g_autofree char *t = clip (title, l->columns);
  int pad = (l->columns - axw_text_columns (t)) / 2;

  g_ptr_array_add (l->lines, g_strdup_printf ("%*s%s", pad, "", t));
}

static void
add_section (Layout     *l,
             const char *title)
{
  add_rule (l, '-');
  g_ptr_array_add (l->lines, clip (title, l->columns));
}

static void
add_rows (Layout     *l,
          const char *title,
          GPtrArray  *rows,
          gboolean    with_count)
{
  if (rows->len == 0)
    return;
  add_section (l, title);
  for (guint i = 0; i < rows->len; i++)
    {
      AxwReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = NULL;

      if (with_count)
        label = g_strdup_printf ("%s x%" G_GINT64_FORMAT, row->name, row->count);
      else
        {
          g_autofree char *q = axw_qty_format (row->qty_milli);
          label = g_strdup_printf ("%s x%s", row->name, q);
        }
      add_money (l, label, row->total_fen);
    }
}

static void
add_header (Layout          *l,
            const AxwReport *r)
{
  g_autofree char *title = NULL;

  if (r->shop_name && *r->shop_name)
    add_title (l, r->shop_name);
  if (r->kind == AXW_REPORT_Z)
    title = g_strdup_printf (_("Z report No. %lld"), (long long) r->z_number);
  else
    title = g_strdup (r->kind == AXW_REPORT_X ? _("X report (shift)") : _("Sales report"));
  add_title (l, title);
  if (g_strcmp0 (r->from, r->to) == 0)
    add_title (l, r->from ? r->from : "");
  else
    {
      g_autofree char *p = g_strdup_printf ("%s – %s", r->from ? r->from : "", r->to ? r->to : "");
      add_title (l, p);
    }
  add_rule (l, '=');
}

static void
add_summary (Layout          *l,
             const AxwReport *r)
{
  g_autofree char *sales = g_strdup_printf (_("Sales x%lld"), (long long) r->sales_count);
  g_autofree char *refunds = g_strdup_printf (_("Refunds x%lld"), (long long) r->refunds_count);

  add_money (l, sales, r->gross_fen);
  add_money (l, _("Promotions"), -r->promo_fen);
  add_money (l, _("Red packets"), -r->red_packet_fen);
  add_money (l, refunds, -r->refunds_fen);
  add_money (l, _("Total"), r->total_fen);
  add_money (l, _("Cash rounding"), r->cash_rounding_fen);
  if (r->price_overrides_count > 0)
    {
      g_autofree char *overrides = g_strdup_printf (_("Manager's prices x%lld"),
                                                    (long long) r->price_overrides_count);

      add_money (l, overrides, -r->price_overrides_fen);
    }
  add_section (l, _("Payments (kept, net of change)"));
  for (int m = 0; m < AXW_REPORT_N_METHODS; m++)
    add_money (l, axw_pay_method_label ((AxwPayMethod) m), r->payments[m]);
}

static void
add_red_packets (Layout          *l,
                 const AxwReport *r)
{
  if (r->red_packets->len == 0)
    return;
  add_section (l, _("Red packets (subsidy to claim)"));
  for (guint i = 0; i < r->red_packets->len; i++)
    {
      AxwReportRedPacket *rp = g_ptr_array_index (r->red_packets, i);
      g_autofree char *label = g_strdup_printf ("%s x%" G_GINT64_FORMAT, rp->campaign, rp->count);

      add_money (l, label, rp->amount_fen);
      g_ptr_array_add (l->lines, g_strdup_printf ("  %s", rp->funder));
      if (rp->refunded_fen)
        add_money (l, _("  reversed by refunds"), -rp->refunded_fen);
    }
}

static void
add_hours (Layout          *l,
           const AxwReport *r)
{
  gboolean any = FALSE;

  for (int h = 0; h < 24; h++)
    any = any || r->hour_count[h] != 0 || r->hour_total_fen[h] != 0;
  if (!any)
    return;
  add_section (l, _("By hour"));
  for (int h = 0; h < 24; h++)
    if (r->hour_count[h] || r->hour_total_fen[h])
      {
        g_autofree char *label = g_strdup_printf ("%02d:00 x%" G_GINT64_FORMAT, h,
                                                  r->hour_count[h]);

        add_money (l, label, r->hour_total_fen[h]);
      }
}

static void
add_cash (Layout          *l,
          const AxwReport *r)
{
  if (!r->has_cash_drawer)
    return;
  add_section (l, _("Cash drawer"));
  add_money (l, _("Float"), r->float_fen);
  add_money (l, _("Cash in/out"), r->cash_in_out_fen);
  add_money (l, _("Expected"), r->expected_cash_fen);
  if (!r->has_counted)
    return;
  add_money (l, _("Counted"), r->counted_cash_fen);
  add_money (l, _("Over (+) / short (−)"), r->counted_cash_fen - r->expected_cash_fen);
}

/**
 * axw_report_to_lines:
 * @paper: amounts with ￥ (U+FFE5, printable in GB18030) instead of ¥
 *
 * Returns: (transfer full) (element-type utf8): the report as lines of at
 *   most @columns display columns
 */
GPtrArray *
axw_report_to_lines (const AxwReport *r,
                     int              columns,
                     gboolean         paper)
{
  Layout l = { g_ptr_array_new_with_free_func (g_free), MAX (columns, 24), paper };

  add_header (&l, r);
  add_summary (&l, r);
  add_red_packets (&l, r);
  add_rows (&l, _("Charity sales (the funds', not revenue)"), r->charity_sales, TRUE);
  add_rows (&l, _("Donations (not revenue)"), r->donations, TRUE);
  add_cash (&l, r);
  add_rows (&l, _("By category"), r->categories, FALSE);
  add_rows (&l, _("By cashier"), r->cashiers, TRUE);
  add_hours (&l, r);
  add_rows (&l, _("Top products"), r->top_products, FALSE);
  if (r->origins && r->origins->len)
    add_rows (&l, _("By origin"), r->origins, FALSE);
  if (r->suppliers && r->suppliers->len)
    add_rows (&l, _("By supplier"), r->suppliers, FALSE);
  add_rule (&l, '=');
  return l.lines;
}

/* Returns: (transfer full): the lines joined, each ending in "\n" */
char *
axw_report_to_text (const AxwReport *r,
                    int              columns)
{
  g_autoptr(GPtrArray) lines = axw_report_to_lines (r, columns, FALSE);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* Subsidy claims */

void
axw_claim_row_free (gpointer data)
{
  AxwClaimRow *row = data;

  g_free (row->code);
  g_free (row->receipt_no);
  g_free (row->date);
  g_free (row->campaign);
  g_free (row->refund_of);
  g_free (row);
}

/* Returns: (transfer full): RFC 4180 with a closing total row */
char *
axw_claim_to_csv (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "code", "receipt_no", "date", "campaign", "amount", "refund_of" };
  gint64 total = 0;
  g_autofree char *sum = NULL;

  axw_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < rows->len; i++)
    {
      AxwClaimRow *row = g_ptr_array_index (rows, i);
      g_autofree char *amount = axw_money_format (row->amount_fen);
      const char *fields[] = { row->code, row->receipt_no, row->date, row->campaign, amount,
                               row->refund_of ? row->refund_of : "" };

      axw_csv_append_row (out, fields, G_N_ELEMENTS (fields));
      total += row->amount_fen;
    }
  sum = axw_money_format (total);
  {
    const char *fields[] = { "TOTAL", "", "", "", sum, "" };

    axw_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  }
  return g_string_free (out, FALSE);
}

void
axw_donation_row_free (gpointer data)
{
  AxwDonationRow *row = data;

  g_free (row->date);
  g_free (row->receipt_no);
  g_free (row->methods);
  g_free (row->refund_of);
  g_free (row);
}

gint64
axw_donation_book_total (GPtrArray *rows)
{
  gint64 total = 0;

  for (guint i = 0; i < rows->len; i++)
    total += ((AxwDonationRow *) g_ptr_array_index (rows, i))->amount_fen;
  return total;
}

/**
 * axw_donation_book_to_csv:
 * @rows: (element-type AxwDonationRow)
 *
 * Returns: (transfer full): date, receipt, amount (yuan), method, refund_of
 */
char *
axw_donation_book_to_csv (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "date", "receipt_no", "amount", "method", "refund_of" };
  g_autofree char *sum = axw_money_format (axw_donation_book_total (rows));
  const char *total[] = { "TOTAL", "", sum, "", "" };

  axw_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < rows->len; i++)
    {
      AxwDonationRow *row = g_ptr_array_index (rows, i);
      g_autofree char *amount = axw_money_format (row->amount_fen);
      const char *fields[] = { row->date, row->receipt_no, amount, row->methods,
                               row->refund_of ? row->refund_of : "" };

      axw_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  axw_csv_append_row (out, total, G_N_ELEMENTS (total));
  return g_string_free (out, FALSE);
}

/**
 * axw_donation_book_to_json:
 * @rows: (element-type AxwDonationRow)
 *
 * Returns: (transfer full): {fund, from, to, count, total_fen, donations:
 *   [{date, receipt_no, amount_fen, method, refund_of}]}
 */
char *
axw_donation_book_to_json (const char *fund,
                           const char *from,
                           const char *to,
                           GPtrArray  *rows)
{
  GString *out = g_string_new ("{\"fund\":");

  axw_json_append_string (out, fund);
  g_string_append (out, ",\"from\":");
  axw_json_append_string (out, from);
  g_string_append (out, ",\"to\":");
  axw_json_append_string (out, to);
  g_string_append_printf (out, ",\"count\":%u,\"total_fen\":%" G_GINT64_FORMAT ",\"donations\":[",
                          rows->len, axw_donation_book_total (rows));
  for (guint i = 0; i < rows->len; i++)
    {
      AxwDonationRow *row = g_ptr_array_index (rows, i);

      g_string_append (out, i ? ",{\"date\":" : "{\"date\":");
      axw_json_append_string (out, row->date);
      g_string_append (out, ",\"receipt_no\":");
      axw_json_append_string (out, row->receipt_no);
      g_string_append_printf (out, ",\"amount_fen\":%" G_GINT64_FORMAT ",\"method\":",
                              row->amount_fen);
      axw_json_append_string (out, row->methods);
      g_string_append (out, ",\"refund_of\":");
      axw_json_append_string (out, row->refund_of);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}
