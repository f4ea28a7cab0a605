/* axw-sync-test-util.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shop with a catalog, staff and red packets, and real committed sales
 * and refunds made through the checkout, for the export and sync tests.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-error.h"
#include "axw-products.h"
#include "axw-promotions.h"
#include "axw-staff.h"
#include "axw-test-lib.h"
#include "axw-vouchers.h"

#define SHOP_PRODUCTS "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,5000\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,8000\n" \
  "6971234560124,,\"爱心帆布袋, \"\"大号\"\"\",手工艺,厦门,12,piece,0,2000\n" \
  ",1001,散装红枣,散装,,24.00,kg,1,500\n"
#define SHOP_PROMOS "name,scope,percent,day_of_month,month\n爱心日,aid,5,12,\n爱心月,aid,10,,12\n"

static inline void
shop_setup (DbFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) vouchers = g_string_new ("code,campaign,funder,face,min_spend,valid_from,valid_to,scope\n");

  for (int i = 1; i <= 400; i++)
    g_string_append_printf (vouchers, "HB%04d,惠民助残,市残联,%d,0,2026-01-01,2026-12-31,aid\n", i,
                            3 + i % 9);
  db_fixture_setup (f, data);
  g_assert_true (axw_products_import_csv (f->db, SHOP_PRODUCTS, strlen (SHOP_PRODUCTS), FALSE, NULL,
                                          &error));
  g_assert_true (axw_promotions_import_csv (f->db, SHOP_PROMOS, strlen (SHOP_PROMOS), NULL,
                                            &error));
  g_assert_true (axw_vouchers_import_csv (f->db, vouchers->str, vouchers->len, NULL, &error));
  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  g_assert_cmpint (axw_staff_add (f->db, "王店长", TRUE, "8888", &error), >, 0);
  g_assert_no_error (error);
}

/* Commits @n sales (mixed baskets, red packets, split payments, times
 * around midnight) and refunds every seventh one; returns how many
 * documents were made. */
static inline guint
shop_sell (DbFixture *f,
           guint      n,
           guint      seed)
{
  static const char *codes[] = { "6971234560018", "6971234560025", "6971234560124",
    "2001001004804" };
  static guint voucher = 0;
  guint docs = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AxwCart) cart = axw_cart_new ();
      g_autofree char *when = g_strdup_printf ("2026-12-%02uT%02u:%02u:00+08:00",
                                               1 + (seed + i) % 28,
                                               (seed * 7 + i * 5) % 24, i % 60);
      g_autoptr(GDateTime) t = axw_time_parse_rfc3339 (when, NULL);
      g_autoptr(AxwSale) sale = NULL;
      g_autoptr(AxwSale) quote = NULL;
      AxwPayment pay[2] = { { AXW_PAY_WECHAT, 500, 500 }, { AXW_PAY_CASH, 100000, 100000 } };

      for (guint k = 0; k <= (seed + i) % 3; k++)
        {
          const char *code = codes[(seed + i + k) % 4];
          g_autoptr(AxwLine) l = axw_checkout_item_from_scan (f->db, code,
                                                              code[0] == '2'
                                                                ? 0 : (gint64) (1 + k) * 1000,
                                                              &error);
          g_assert_no_error (error);
          axw_cart_add (cart, l);
        }
      if ((seed + i) % 4 == 1)
        {
          g_autofree char *code = g_strdup_printf ("HB%04u", ++voucher % 400 + 1);

          axw_cart_set_voucher_code (cart, code);
        }
      quote = axw_checkout_quote (f->db, cart, t, &error);
      g_assert_no_error (error);
      pay[0].amount_fen = pay[0].tendered_fen = quote->total_fen / 2;
      sale = axw_checkout_commit (f->db, cart, t, "小林", (i % 2) ? pay : pay + 1, (i % 2) ? 2 : 1,
                                  &error);
      if (sale == NULL && g_error_matches (error, AXW_ERROR, AXW_ERROR_CONFLICT))
        continue;   /* a red packet this run already used */
      g_assert_no_error (error);
      docs++;
      if (i % 7 == 3)
        {
          g_autoptr(AxwSale) refund = axw_sales_refund (f->db, sale->uuid, NULL, 0, "王店长", t,
                                                        &error);

          g_assert_no_error (error);
          docs++;
        }
    }
  return docs;
}

static inline gint64
sql_int (DbFixture  *f,
         const char *sql)
{
  return axw_db_query_int (f->db, sql, -999);
}

/* The online shop's answer to a batch it stored (data/EXPORT.md §2):
 * {"accepted": [the UUIDs of @sales]}. */
static inline char *
sync_test_accepted_json (JsonArray *sales)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "accepted");
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (sales); i++)
    json_builder_add_string_value (b,
                                   json_object_get_string_member (json_array_get_object_element (sales, i),
                                                                     "uuid"));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}
