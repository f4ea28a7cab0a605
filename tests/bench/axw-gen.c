/* axw-gen.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A realistic district database for benchmarks, deterministic from a
 * seed: a catalog, shops × days of sales priced by the real pricing code
 * (promotions, red packets with largest-remainder allocation), split
 * payments, refunds, and the outbox, print-job and audit rows a commit
 * writes. One transaction, prepared statements.
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-pricing.h"
#include "axw-staff.h"
#include "axw-test-lib.h"

typedef struct {
  char    *barcode;       /* the SKU: EAN-13, or the PLU of weighed goods */
  gboolean per_kg;
  char    *name;
  int      category;
  gint64   price_fen;
  gboolean aid;
} Product;

typedef struct {
  AxwDb     *db;
  GRand     *rand;
  Product   *products;
  guint      n_products;
  GPtrArray *promotions;
  gint64     staff_ids[16];
  guint      n_shops;
  guint      n_days;
  guint      sales_per_day;
  gint64     n_sales, n_lines, n_refunds, n_red_packets, n_split;
} Gen;

static const char * const categories[] = {
  "干货", "冲调", "茶叶", "果干", "粮油", "手工艺", "零食", "水果", "散装", "酒水",
  "调味", "菌菇", "腊味", "蜂蜜", "杂粮", "文创", "日用", "坚果", "饮料", "礼盒",
};
static const char * const stems[] = {
  "赤松茸", "藜麦粥", "和政啤特果", "清流豆腐干", "高山红茶", "散装红枣", "核桃仁", "枸杞",
  "黑木耳", "香菇", "土蜂蜜", "小米", "苦荞茶", "牦牛肉干", "手工布鞋", "爱心帆布袋",
};

static void
check (gboolean ok,
       GError  *error)
{
  if (!ok)
    {
      g_printerr ("axw-gen: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

static sqlite3_stmt *
prep (Gen        *g,
      const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = axw_db_prepare (g->db, sql, &error);

  check (stmt != NULL, error);
  return stmt;
}

static void
done (Gen          *g,
      sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;

  check (axw_db_step_done (g->db, stmt, &error), error);
}

static gint64
step_id (Gen          *g,
         sqlite3_stmt *stmt)
{
  done (g, stmt);
  return sqlite3_last_insert_rowid (axw_db_get_handle (g->db));
}

static void
gen_catalog (Gen *g)
{
  sqlite3_stmt *cat = prep (g, "INSERT INTO categories (id, name) VALUES (?, ?)");
  sqlite3_stmt *ins = prep (g,
                            "INSERT INTO products (id, barcode, plu, name, category_id, origin, "
                            "price_fen, "
                               "unit, aid_eligible, stock_milli, updated_at, pinyin) "
                               "VALUES (?, ?, ?, ?, ?, '甘肃和政', ?, ?, ?, 1000000000, "
                               "'2025-12-31T00:00:00.000Z', '')");

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      sqlite3_bind_int (cat, 1, (int) i + 1);
      axw_db_bind_text (cat, 2, categories[i]);
      done (g, cat);
    }
  g->products = g_new0 (Product, g->n_products);
  for (guint i = 0; i < g->n_products; i++)
    {
      Product *p = &g->products[i];

      p->per_kg = g_rand_int_range (g->rand, 0, 20) == 0;
      p->barcode = p->per_kg ? g_strdup_printf ("%06u", i) : axw_test_ean13 (69, i);
      p->name = g_strdup_printf ("%s %u号",
                                 stems[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (stems))], i);
      p->category = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (categories));
      p->price_fen = g_rand_int_range (g->rand, 100, 20000);
      p->aid = g_rand_int_range (g->rand, 0, 3) != 0;
      sqlite3_bind_int64 (ins, 1, i + 1);
      axw_db_bind_text (ins, 2, p->per_kg ? NULL : p->barcode);
      axw_db_bind_text (ins, 3, p->per_kg ? p->barcode : NULL);
      axw_db_bind_text (ins, 4, p->name);
      sqlite3_bind_int (ins, 5, p->category + 1);
      sqlite3_bind_int64 (ins, 6, p->price_fen);
      axw_db_bind_text (ins, 7, p->per_kg ? "kg" : "piece");
      sqlite3_bind_int (ins, 8, p->aid);
      done (g, ins);
    }
}

static void
gen_setup (Gen *g)
{
  g_autoptr(GError) error = NULL;
  static const AxwPromotion promos[] = {
    { 0, (char *) "爱心日", AXW_SCOPE_AID, 500, 12, 0, NULL, NULL },
    { 0, (char *) "爱心月", AXW_SCOPE_AID, 1000, 0, 12, NULL, NULL },
    { 0, (char *) "春节特惠", AXW_SCOPE_ALL, 800, 0, 0, (char *) "2026-02-14",
      (char *) "2026-02-24" },
  };
  sqlite3_stmt *stmt;

  for (guint s = 0; s < g->n_shops; s++)
    {
      g_autofree char *name = g_strdup_printf ("收银员%u", s + 1);

      /* one Argon2id hash shared: hashing is not what is measured */
      stmt = prep (g, "INSERT INTO staff (name, role, pin_hash, created_at) "
                      "SELECT ?, 'cashier', pin_hash, created_at FROM staff WHERE id = 1");
      axw_db_bind_text (stmt, 1, name);
      g->staff_ids[s] = step_id (g, stmt);
    }
  g->promotions = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_promotion_free);
  stmt = prep (g,
               "INSERT INTO promotions (name, scope, percent_bp, day_of_month, month, date_from, "
               "date_to) "
                  "VALUES (?, ?, ?, nullif (?, 0), nullif (?, 0), ?, ?)");
  for (guint i = 0; i < G_N_ELEMENTS (promos); i++)
    {
      AxwPromotion *p = axw_promotion_copy (&promos[i]);

      axw_db_bind_text (stmt, 1, p->name);
      axw_db_bind_text (stmt, 2, axw_scope_to_string (p->scope));
      sqlite3_bind_int (stmt, 3, p->percent_bp);
      sqlite3_bind_int (stmt, 4, p->day_of_month);
      sqlite3_bind_int (stmt, 5, p->month);
      axw_db_bind_text (stmt, 6, p->date_from);
      axw_db_bind_text (stmt, 7, p->date_to);
      p->id = step_id (g, stmt);
      g_ptr_array_add (g->promotions, p);
    }
  check (axw_db_exec (g->db, "INSERT INTO campaigns (name, funder) VALUES ('惠民助残', '市残联')",
                      &error), error);
}

/* Popular goods sell more: index skewed toward the front of the catalog. */
static Product *
pick_product (Gen *g)
{
  double r = g_rand_double (g->rand);

  return &g->products[(guint) (r * r * r * g->n_products) % g->n_products];
}

static AxwSale *
make_basket (Gen        *g,
             const char *date)
{
  AxwSale *sale = axw_sale_new ();
  int n = g_rand_int_range (g->rand, 1, 8);

  sale->business_date = g_strdup (date);
  for (int i = 0; i < n; i++)
    {
      Product *p = pick_product (g);
      AxwLine *l = g_new0 (AxwLine, 1);

      l->product_id = (p - g->products) + 1;
      l->barcode = g_strdup (p->barcode);
      l->name = g_strdup (p->name);
      l->category = g_strdup (categories[p->category]);
      l->unit_price_fen = p->price_fen;
      l->per_kg = p->per_kg;
      l->aid_eligible = p->aid;
      l->qty_milli = p->per_kg ? g_rand_int_range (g->rand, 100, 2500)
                               : 1000 * g_rand_int_range (g->rand, 1, 4);
      g_ptr_array_add (sale->lines, l);
    }
  return sale;
}

static AxwVoucher *
maybe_voucher (Gen        *g,
               const char *date,
               guint       shop,
               guint       seq)
{
  AxwVoucher *v;
  sqlite3_stmt *stmt;

  if (g_rand_int_range (g->rand, 0, 25) != 0)
    return NULL;
  v = g_new0 (AxwVoucher, 1);
  v->code = g_strdup_printf ("HB%u%.4s%.2s%.2s%04u", shop + 1, date, date + 5, date + 8, seq);
  v->campaign = g_strdup ("惠民助残");
  v->funder = g_strdup ("市残联");
  v->face_fen = 1000 * g_rand_int_range (g->rand, 1, 6);
  v->min_spend_fen = g_rand_boolean (g->rand) ? 0 : 3000;
  v->valid_from = g_strdup ("2026-01-01");
  v->valid_to = g_strdup ("2026-12-31");
  v->scope = g_rand_int_range (g->rand, 0, 4) ? AXW_SCOPE_AID : AXW_SCOPE_ALL;
  v->known = TRUE;
  stmt = prep (g,
               "INSERT INTO vouchers (code, campaign_id, face_fen, min_spend_fen, valid_from, "
               "valid_to, "
                  "scope, imported_at) VALUES (?, 1, ?, ?, ?, ?, ?, '2025-12-31T00:00:00.000Z')");
  axw_db_bind_text (stmt, 1, v->code);
  sqlite3_bind_int64 (stmt, 2, v->face_fen);
  sqlite3_bind_int64 (stmt, 3, v->min_spend_fen);
  axw_db_bind_text (stmt, 4, v->valid_from);
  axw_db_bind_text (stmt, 5, v->valid_to);
  axw_db_bind_text (stmt, 6, axw_scope_to_string (v->scope));
  done (g, stmt);
  return v;
}

/* Cash with change (tendered rounded up to 10 yuan), a wallet, or split:
 * part by WeChat, the rest in cash. */
static void
add_payments (Gen     *g,
              AxwSale *sale)
{
  int r = g_rand_int_range (g->rand, 0, 100);
  gint64 total = sale->total_fen;
  AxwPayment p = { 0 };

  if (r < 60 || total == 0)
    {
      p = (AxwPayment) { AXW_PAY_CASH, total, (total + 999) / 1000 * 1000 };
      sale->change_fen = p.tendered_fen - total;
    }
  else if (r < 95)
    {
      AxwPayMethod m = r < 80 ? AXW_PAY_WECHAT : r < 92 ? AXW_PAY_ALIPAY : AXW_PAY_UNIONPAY;
      p = (AxwPayment) { m, total, total };
    }
  else
    {
      gint64 part = g_rand_int_range (g->rand, 1, (gint32) MAX (total, 2));
      AxwPayment w = { AXW_PAY_WECHAT, part, part };

      g_array_append_val (sale->payments, w);
      p = (AxwPayment) { AXW_PAY_CASH, total - part, total - part };
      g->n_split++;
    }
  g_array_append_val (sale->payments, p);
}

static gint64
insert_sale (Gen         *g,
             AxwSale     *sale,
             guint        shop,
             guint        seq,
             const char  *created_at,
             gint64       refund_of)
{
  const AxwRedPacket *rp = sale->red_packet && sale->red_packet->accepted ? sale->red_packet : NULL;
  g_autofree char *receipt = g_strdup_printf ("S%u-01-%.4s%.2s%.2s-%04u", shop + 1,
                                              sale->business_date,
                                              sale->business_date + 5, sale->business_date + 8,
                                              seq);
  g_autofree char *uuid = NULL;
  g_autofree char *staff = g_strdup_printf ("收银员%u", shop + 1);
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  char shop_code[8];

  /* deterministic UUIDs (v4 layout) from the generator's stream */
  uuid = g_strdup_printf ("%08x-%04x-4%03x-%04x-%08x%04x", g_rand_int (g->rand),
                          g_rand_int (g->rand) & 0xffff, g_rand_int (g->rand) & 0xfff,
                          0x8000 | (g_rand_int (g->rand) & 0x3fff), g_rand_int (g->rand),
                          g_rand_int (g->rand) & 0xffff);
  g_snprintf (shop_code, sizeof shop_code, "S%u", shop + 1);
  stmt = prep (g,
               "INSERT INTO sales (uuid, receipt_no, kind, refund_of, created_at, business_date, "
               "seq, "
                  "shop, terminal, staff_id, staff_name, gross_fen, promo_fen, net_fen, "
                  "red_packet_fen, "
                  "total_fen, cash_rounding_fen, change_fen, voucher_code, campaign, funder) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '01', ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                  "0, ?16, "
                  "?17, ?18, ?19)");
  axw_db_bind_text (stmt, 1, uuid);
  axw_db_bind_text (stmt, 2, receipt);
  axw_db_bind_text (stmt, 3, refund_of ? "refund" : "sale");
  if (refund_of)
    sqlite3_bind_int64 (stmt, 4, refund_of);
  axw_db_bind_text (stmt, 5, created_at);
  axw_db_bind_text (stmt, 6, sale->business_date);
  sqlite3_bind_int (stmt, 7, (int) seq);
  axw_db_bind_text (stmt, 8, shop_code);
  sqlite3_bind_int64 (stmt, 9, g->staff_ids[shop]);
  axw_db_bind_text (stmt, 10, staff);
  sqlite3_bind_int64 (stmt, 11, sale->gross_fen);
  sqlite3_bind_int64 (stmt, 12, sale->promo_fen);
  sqlite3_bind_int64 (stmt, 13, sale->net_fen);
  sqlite3_bind_int64 (stmt, 14, rp ? rp->discount_fen : 0);
  sqlite3_bind_int64 (stmt, 15, sale->total_fen);
  sqlite3_bind_int64 (stmt, 16, sale->change_fen);
  axw_db_bind_text (stmt, 17, rp ? rp->code : NULL);
  axw_db_bind_text (stmt, 18, rp ? rp->campaign : NULL);
  axw_db_bind_text (stmt, 19, rp ? rp->funder : NULL);
  id = step_id (g, stmt);

  for (guint i = 0; i < sale->lines->len; i++)
    {
      const AxwLine *l = g_ptr_array_index (sale->lines, i);

      stmt = prep (g,
                   "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, category, "
                      "qty_milli, unit_price_fen, gross_fen, promo_fen, promotion, net_fen, "
                      "aid_eligible, "
                      "red_packet_fen, pay_fen, refund_of_line) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                      "?16)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, l->line_no);
      sqlite3_bind_int64 (stmt, 3, l->product_id);
      axw_db_bind_text (stmt, 4, l->barcode);
      axw_db_bind_text (stmt, 5, l->name);
      axw_db_bind_text (stmt, 6, l->category);
      sqlite3_bind_int64 (stmt, 7, l->qty_milli);
      sqlite3_bind_int64 (stmt, 8, l->unit_price_fen);
      sqlite3_bind_int64 (stmt, 9, l->gross_fen);
      sqlite3_bind_int64 (stmt, 10, l->promo_fen);
      axw_db_bind_text (stmt, 11, l->promotion);
      sqlite3_bind_int64 (stmt, 12, l->net_fen);
      sqlite3_bind_int (stmt, 13, l->aid_eligible);
      sqlite3_bind_int64 (stmt, 14, l->red_packet_fen);
      sqlite3_bind_int64 (stmt, 15, l->pay_fen);
      if (l->refund_of_line)
        sqlite3_bind_int64 (stmt, 16, l->refund_of_line);
      done (g, stmt);
      g->n_lines++;
    }
  for (guint i = 0; i < sale->payments->len; i++)
    {
      const AxwPayment *p = &g_array_index (sale->payments, AxwPayment, i);

      stmt = prep (g, "INSERT INTO payments (sale_id, seq, method, amount_fen, tendered_fen) "
                      "VALUES (?, ?, ?, ?, ?)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      axw_db_bind_text (stmt, 3, axw_pay_method_to_string (p->method));
      sqlite3_bind_int64 (stmt, 4, p->amount_fen);
      sqlite3_bind_int64 (stmt, 5, p->tendered_fen);
      done (g, stmt);
    }
  if (rp != NULL && !refund_of)
    {
      stmt = prep (g,
                   "INSERT INTO redemptions (code, sale_id, campaign, funder, discount_fen, "
                   "redeemed_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
      axw_db_bind_text (stmt, 1, rp->code);
      sqlite3_bind_int64 (stmt, 2, id);
      axw_db_bind_text (stmt, 3, rp->campaign);
      axw_db_bind_text (stmt, 4, rp->funder);
      sqlite3_bind_int64 (stmt, 5, rp->discount_fen);
      axw_db_bind_text (stmt, 6, created_at);
      done (g, stmt);
      g->n_red_packets++;
    }
  stmt = prep (g,
               "INSERT INTO outbox (sale_id, status, sent_at, created_at) VALUES (?1, 'sent', ?2, "
               "?2)");
  sqlite3_bind_int64 (stmt, 1, id);
  axw_db_bind_text (stmt, 2, created_at);
  done (g, stmt);
  stmt = prep (g,
               "INSERT INTO print_jobs (sale_id, kind, status, attempts, created_at, updated_at) "
                  "VALUES (?1, 'receipt', 'done', 1, ?2, ?2)");
  sqlite3_bind_int64 (stmt, 1, id);
  axw_db_bind_text (stmt, 2, created_at);
  done (g, stmt);
  detail = g_strdup_printf ("%s %s ￥%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                            refund_of ? "refund" : "sale", receipt, sale->total_fen / 100,
                            sale->total_fen % 100);
  stmt = prep (g, "INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)");
  axw_db_bind_text (stmt, 1, created_at);
  axw_db_bind_text (stmt, 2, staff);
  axw_db_bind_text (stmt, 3, refund_of ? "refund" : "sale");
  axw_db_bind_text (stmt, 4, detail);
  done (g, stmt);
  g->n_sales++;
  return id;
}

/* A whole refund: the same lines and payments, positive amounts, each
 * line pointing at the one it returns. */
static void
refund_whole (Gen        *g,
              AxwSale    *sale,
              gint64      sale_id,
              guint       shop,
              guint       seq,
              const char *created_at)
{
  sqlite3_stmt *stmt = prep (g, "SELECT id FROM sale_lines WHERE sale_id = ? ORDER BY line_no");

  sqlite3_bind_int64 (stmt, 1, sale_id);
  for (guint i = 0; i < sale->lines->len && sqlite3_step (stmt) == SQLITE_ROW; i++)
    ((AxwLine *) g_ptr_array_index (sale->lines, i))->refund_of_line = sqlite3_column_int64 (stmt,
                                                                                             0);
  sqlite3_reset (stmt);
  sale->change_fen = 0;
  for (guint i = 0; i < sale->payments->len; i++)
    g_array_index (sale->payments, AxwPayment, i).tendered_fen =
      g_array_index (sale->payments, AxwPayment, i).amount_fen;
  insert_sale (g, sale, shop, seq, created_at, sale_id);
  g->n_refunds++;
}

static void
gen_day (Gen        *g,
         const char *date,
         guint       shop)
{
  guint n = g->sales_per_day / 2 + (guint) g_rand_int_range (g->rand, 0,
                                                             (gint32) g->sales_per_day + 1);
  guint seq = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AxwSale) sale = make_basket (g, date);
      g_autoptr(AxwVoucher) voucher = maybe_voucher (g, date, shop, seq + 1);
      guint secs = 9 * 3600 + (guint) ((guint64) i * 11 * 3600 / MAX (n, 1));
      g_autofree char *at = g_strdup_printf ("%sT%02u:%02u:%02u.000Z", date, secs / 3600 - 8,
                                             secs / 60 % 60, secs % 60);
      gint64 id;

      axw_pricing_apply (sale, g->promotions, voucher, AXW_CASH_ROUNDING_NONE);
      add_payments (g, sale);
      id = insert_sale (g, sale, shop, ++seq, at, 0);
      if (g_rand_int_range (g->rand, 0, 100) == 0)
        refund_whole (g, sale, id, shop, ++seq, at);
    }
}

/* docs/design.md §5 sums, over the whole file. Returns the number of violations. */
static gint64
verify (AxwDb *db)
{
  static const char * const checks[] = {
    "SELECT count(*) FROM sales s WHERE total_fen <> (SELECT sum(pay_fen) FROM sale_lines WHERE "
    "sale_id = s.id)", "SELECT count(*) FROM sales s WHERE red_packet_fen <> "
    "  (SELECT sum(red_packet_fen) FROM sale_lines WHERE sale_id = s.id)",
    "SELECT count(*) FROM sales s WHERE net_fen <> gross_fen - promo_fen OR total_fen <> net_fen - "
    "red_packet_fen",
    "SELECT count(*) FROM sales s WHERE total_fen <> (SELECT sum(amount_fen) FROM payments WHERE "
    "sale_id = s.id)",
    "SELECT count(*) FROM sale_lines WHERE net_fen <> gross_fen - promo_fen OR pay_fen <> net_fen "
    "- red_packet_fen",
    "SELECT count(*) FROM sales s WHERE kind = 'sale' AND red_packet_fen > 0 AND NOT EXISTS "
    "  (SELECT 1 FROM redemptions WHERE sale_id = s.id AND discount_fen = s.red_packet_fen)",
  };
  gint64 bad = 0;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gint64 n = axw_db_query_int (db, checks[i], -1);

      if (n != 0)
        g_printerr ("axw-gen: %" G_GINT64_FORMAT " rows break: %s\n", n, checks[i]);
      bad += n != 0;
    }
  return bad;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) ctx = g_option_context_new ("— generate a benchmark database");
  g_autofree char *path = NULL;
  gint64 seed = 2026, products = 100000, shops = 6, days = 365, per_day = 228;
  gboolean do_verify = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "the database to create (must not exist)", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "random seed (2026)", "N" },
    { "products", 0, 0, G_OPTION_ARG_INT64, &products, "catalog size (100000)", "N" },
    { "shops", 0, 0, G_OPTION_ARG_INT64, &shops, "shops (6)", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT64, &days, "days from 2026-01-01 (365)", "N" },
    { "sales-per-day", 0, 0, G_OPTION_ARG_INT64, &per_day, "mean sales per shop and day (228)",
      "N" },
    { "verify", 0, 0, G_OPTION_ARG_NONE, &do_verify, "check the docs/design.md §5 sums afterwards",
      NULL },
    { NULL }
  };
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  Gen g = { 0 };
  gint64 t0 = g_get_monotonic_time ();
  double secs;

  g_option_context_add_main_entries (ctx, entries, NULL);
  check (g_option_context_parse (ctx, &argc, &argv, &error), error);
  if (path == NULL || g_file_test (path, G_FILE_TEST_EXISTS) || shops < 1 || shops > 16 ||
      products < 10 || days < 1 || days > 3660 || per_day < 1)
    {
      g_printerr ("axw-gen: give --db NEWFILE; 1–16 shops, ≥10 products, 1–3660 days\n");
      return 2;
    }
  g.db = axw_db_open (path, &error);
  check (g.db != NULL, error);
  g.rand = g_rand_new_with_seed ((guint32) seed);
  g.n_products = (guint) products;
  g.n_shops = (guint) shops;
  g.n_days = (guint) days;
  g.sales_per_day = (guint) per_day;

  /* Bulk load: durability comes back with the final checkpoint. */
  check (axw_db_exec (g.db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144", &error),
         error);
  if (axw_staff_add (g.db, "王店长", TRUE, "8888", &error) <= 0)
    check (FALSE, error);
  check (axw_db_begin (g.db, &error), error);
  gen_catalog (&g);
  gen_setup (&g);
  for (guint d = 0; d < g.n_days; d++, g_date_add_days (day, 1))
    {
      char date[16];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
      for (guint s = 0; s < g.n_shops; s++)
        gen_day (&g, date, s);
    }
  check (axw_db_exec (g.db,
                      "UPDATE products SET stock_milli = stock_milli - coalesce ((SELECT sum ("
                            "CASE s.kind WHEN 'sale' THEN l.qty_milli ELSE -l.qty_milli END) FROM "
                            "sale_lines l "
                            "JOIN sales s ON s.id = l.sale_id WHERE l.product_id = products.id), 0)", &error), error);
  check (axw_db_commit (g.db, &error), error);
  check (axw_db_exec (g.db, "PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE)", &error),
         error);
  secs = (g_get_monotonic_time () - t0) / 1e6;

  g_print ("generated %s in %.1f s: %u products, %" G_GINT64_FORMAT " documents (%" G_GINT64_FORMAT
           " refunds), %" G_GINT64_FORMAT " sale lines (%.0f lines/s), %" G_GINT64_FORMAT " red packets, %"
           G_GINT64_FORMAT " split payments\n", path, secs, g.n_products, g.n_sales, g.n_refunds,
           g.n_lines, g.n_lines / MAX (secs, 0.001), g.n_red_packets, g.n_split);
  if (do_verify && verify (g.db) != 0)
    return 1;
  if (do_verify)
    g_print ("verified: line, red-packet and payment sums hold for every document\n");

  for (guint i = 0; i < g.n_products; i++)
    {
      g_free (g.products[i].barcode);
      g_free (g.products[i].name);
    }
  g_free (g.products);
  g_ptr_array_unref (g.promotions);
  g_rand_free (g.rand);
  g_object_unref (g.db);
  return 0;
}
