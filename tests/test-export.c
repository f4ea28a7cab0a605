/* test-export.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The online-shop export on a real database with real sales: every sale
 * exactly once across runs, sums equal to the fen, strict CSV, hashes.
 */
#include <glib/gstdio.h>

#include "axw-db-sql.h"
#include "axw-csv.h"
#include "axw-exceptions.h"
#include "axw-export.h"
#include "axw-sale.h"
#include "axw-sales.h"
#include "axw-settings.h"
#include "axw-sync-test-util.h"

#define TEST(path, fn) g_test_add (path, DbFixture, NULL, shop_setup, fn, export_teardown)

static const char * const doc_keys[] = {
  "uuid", "receipt_no", "kind", "refund_of", "created_at", "business_date", "shop", "terminal",
  "staff", "lines", "gross_fen", "promo_fen", "red_packet", "donation", "total_fen", "payments",
  "cash_rounding_fen", NULL,
};

/* The lines of a document as the quote JSON has them: it leaves out the
 * fund of goods that belong to none (docs/design.md §15). */
static char *
lines_as_quoted (JsonNode *lines)
{
  g_autoptr(JsonNode) copy = json_node_copy (lines);
  JsonArray *a = json_node_get_array (copy);

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *line = json_array_get_object_element (a, i);

      g_assert_true (json_object_has_member (line, "fund"));
      if (json_object_get_null_member (line, "fund"))
        json_object_remove_member (line, "fund");
    }
  return json_to_string (copy, FALSE);
}

static char *
out_dir (DbFixture *f)
{
  return g_build_filename (f->dir, "export", NULL);
}

static void
export_teardown (DbFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *dir = out_dir (f);

  axw_test_rm_rf (dir);
  db_fixture_teardown (f, data);
}

static void
run_export (DbFixture       *f,
            gboolean         full,
            AxwExportResult *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = out_dir (f);

  g_assert_true (axw_export_run (f->db, dir, full, r, &error));
  g_assert_no_error (error);
}

typedef struct {
  GHashTable *uuids;       /* uuid → sale document (JsonNode) */
  gint64      total[2];    /* sale, refund */
  gint64      paid[2];
  gint64      line_pay[2];
  gint64      red_packet[2];
  gint64      n_products;
  guint       n_sales_files;
} Seen;

static void
seen_clear (Seen *s)
{
  g_clear_pointer (&s->uuids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seen, seen_clear)

static void
check_doc (Seen       *seen,
           JsonNode   *node)
{
  JsonObject *doc = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (doc);
  const char *uuid = json_object_get_string_member (doc, "uuid");
  int k = g_str_equal (json_object_get_string_member (doc, "kind"), "refund");
  JsonArray *lines = json_object_get_array_member (doc, "lines");
  JsonArray *pays = json_object_get_array_member (doc, "payments");
  guint i = 0;

  for (GList *m = members; m; m = m->next, i++)
    g_assert_cmpstr (m->data, ==, doc_keys[i]);
  g_assert_null (doc_keys[i]);
  g_assert_false (g_hash_table_contains (seen->uuids, uuid));
  g_hash_table_insert (seen->uuids, g_strdup (uuid), json_node_ref (node));
  g_assert_true (k
                 ? !json_object_get_null_member (doc,
                                                 "refund_of") : json_object_get_null_member (doc,
                                                                                             "refund_of"));

  seen->total[k] += json_object_get_int_member (doc, "total_fen");
  for (i = 0; i < json_array_get_length (pays); i++)
    seen->paid[k] += json_object_get_int_member (json_array_get_object_element (pays, i),
                                                 "amount_fen");
  for (i = 0; i < json_array_get_length (lines); i++)
    seen->line_pay[k] += json_object_get_int_member (json_array_get_object_element (lines, i),
                                                     "pay_fen");
  if (!json_object_get_null_member (doc, "red_packet"))
    seen->red_packet[k] += json_object_get_int_member (json_object_get_object_member (doc,
                                                                                      "red_packet"),
                                                       "discount_fen");
}

static void
check_products (DbFixture  *f,
                const char *text,
                gsize       len,
                Seen       *seen)
{
  static const char * const cols[] = {
    "sku", "barcode", "name", "category", "origin", "price", "stock", "aid_eligible", "updated_at",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCsv) csv = axw_csv_parse (text, len, &error);
  gboolean bag = FALSE;

  g_assert_no_error (error);
  g_assert_true (axw_csv_bind_columns (csv, cols, cols, &error));
  g_assert_no_error (error);
  g_assert_cmpint (axw_csv_n_rows (csv), ==,
                   sql_int (f, "SELECT count(*) FROM products WHERE active"));
  for (guint r = 0; r < axw_csv_n_rows (csv); r++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT stock_milli FROM products WHERE "
                                              "coalesce(barcode, "
                                              "'PLU' || plu) = '%s'", axw_csv_get (csv, r, "sku"));
      gint64 stock;

      g_assert_true (axw_qty_parse (axw_csv_get (csv, r, "stock"), &stock, NULL) ||
                     axw_csv_get (csv, r, "stock")[0] == '-');
      if (axw_csv_get (csv, r, "stock")[0] != '-')
        g_assert_cmpint (stock, ==, sql_int (f, sql));
      bag |= g_str_equal (axw_csv_get (csv, r, "name"), "爱心帆布袋, \"大号\"");
    }
  g_assert_true (bag);
  seen->n_products = axw_csv_n_rows (csv);
}

/* Reads the folder as the online shop would: the manifest, then every
 * file it lists, each checked against its hash. */
static void
read_export (DbFixture *f,
             Seen      *seen)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = out_dir (f);
  g_autofree char *mpath = g_build_filename (dir, "manifest.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *manifest;
  JsonArray *files;

  seen->uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_node_unref);
  g_assert_true (json_parser_load_from_file (parser, mpath, &error));
  g_assert_no_error (error);
  manifest = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_array_member (manifest, "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *e = json_array_get_object_element (files, i);
      g_autofree char *path = g_build_filename (dir, json_object_get_string_member (e, "name"),
                                                NULL);
      g_autofree char *text = NULL;
      g_autofree char *sha = NULL;
      g_auto(GStrv) lines = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &text, &len, &error));
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, len);
      g_assert_cmpstr (sha, ==, json_object_get_string_member (e, "sha256"));
      g_assert_cmpint (len, ==, json_object_get_int_member (e, "bytes"));
      if (g_str_equal (json_object_get_string_member (e, "kind"), "products"))
        {
          check_products (f, text, len, seen);
          g_assert_cmpint (seen->n_products, ==, json_object_get_int_member (e, "count"));
          continue;
        }
      seen->n_sales_files++;
      g_assert_true (g_str_has_suffix (text, "\n"));
      lines = g_strsplit (text, "\n", -1);
      g_assert_cmpint (g_strv_length (lines) - 1, ==, json_object_get_int_member (e, "count"));
      for (guint l = 0; lines[l + 1] != NULL; l++)
        {
          g_autoptr(JsonParser) p = json_parser_new ();

          g_assert_true (json_parser_load_from_data (p, lines[l], -1, &error));
          g_assert_no_error (error);
          check_doc (seen, json_parser_get_root (p));
        }
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (manifest, "counts"),
                                               "sales"), ==,
                   g_hash_table_size (seen->uuids));
}

/* Every sale in the database exactly once, and the sums to the fen. */
static void
check_against_db (DbFixture *f,
                  Seen      *seen)
{
  static const char *kinds[] = { "sale", "refund" };

  g_assert_cmpint (g_hash_table_size (seen->uuids), ==, sql_int (f, "SELECT count(*) FROM sales"));
  for (int k = 0; k < 2; k++)
    {
      g_autofree char *total = g_strdup_printf ("SELECT sum(total_fen) FROM sales WHERE kind = '%s'", kinds[k]);
      g_autofree char *paid = g_strdup_printf ("SELECT sum(amount_fen) FROM payments p JOIN sales "
                                               "s "
                                               "ON s.id = p.sale_id WHERE kind = '%s'", kinds[k]);
      g_autofree char *lines = g_strdup_printf ("SELECT sum(pay_fen) FROM sale_lines l JOIN sales "
                                                "s "
                                                "ON s.id = l.sale_id WHERE kind = '%s'", kinds[k]);
      g_autofree char *rp = g_strdup_printf ("SELECT coalesce(sum(red_packet_fen), 0) FROM sales "
                                             "WHERE kind = '%s' "
                                             "AND voucher_code IS NOT NULL", kinds[k]);

      g_assert_cmpint (seen->total[k], ==, sql_int (f, total));
      g_assert_cmpint (seen->paid[k], ==, sql_int (f, paid));
      g_assert_cmpint (seen->line_pay[k], ==, sql_int (f, lines));
      g_assert_cmpint (seen->red_packet[k], ==, sql_int (f, rp));
      g_assert_cmpint (seen->total[k], >, 0);
    }
  g_assert_cmpint (seen->red_packet[0], >, 0);
}

static void
test_incremental (DbFixture     *f,
                  gconstpointer  data)
{
  AxwExportResult r;
  guint n = shop_sell (f, 40, 1);

  run_export (f, FALSE, &r);
  g_assert_cmpint (r.n_sales, ==, n);
  g_assert_cmpint (r.n_sales_files, ==, 1);
  g_assert_true (r.wrote_products);

  n = shop_sell (f, 25, 2);
  run_export (f, FALSE, &r);
  g_assert_cmpint (r.n_sales, ==, n);
  g_assert_cmpint (r.last_sale_id, ==, sql_int (f, "SELECT max(id) FROM sales"));

  {
    g_auto(Seen) seen = { 0 };

    read_export (f, &seen);
    g_assert_cmpint (seen.n_sales_files, ==, 2);
    check_against_db (f, &seen);
  }
}

static void
test_nothing_new (DbFixture     *f,
                  gconstpointer  data)
{
  g_autofree char *dir = out_dir (f);
  g_autofree char *manifest = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *before = NULL, *after = NULL;
  AxwExportResult r;
  GStatBuf st1, st2;

  shop_sell (f, 5, 3);
  run_export (f, FALSE, &r);
  g_assert_cmpint (g_stat (manifest, &st1), ==, 0);
  g_file_get_contents (manifest, &before, NULL, NULL);
  g_usleep (20000);
  run_export (f, FALSE, &r);
  g_assert_cmpint (r.n_sales, ==, 0);
  g_assert_cmpint (r.n_sales_files, ==, 0);
  g_assert_false (r.wrote_products);
  g_assert_cmpint (g_stat (manifest, &st2), ==, 0);
  g_assert_cmpint (st1.st_mtime, ==, st2.st_mtime);
  g_assert_cmpint (st1.st_ino, ==, st2.st_ino);
  g_file_get_contents (manifest, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  /* A changed product alone writes products.csv again, and no sales file. */
  g_assert_true (axw_db_exec (f->db,
                              "UPDATE products SET price_fen = 3000, updated_at = "
                              "'2026-12-20T00:00:00.000Z' "
                                     "WHERE barcode = '6971234560018'", NULL));
  run_export (f, FALSE, &r);
  g_assert_cmpint (r.n_sales_files, ==, 0);
  g_assert_true (r.wrote_products);
}

/* Each document's lines are the quote JSON's lines for that sale. */
static void
test_documents (DbFixture     *f,
                gconstpointer  data)
{
  g_auto(Seen) seen = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  AxwExportResult r;

  shop_sell (f, 30, 4);
  if (data != NULL)
    {
      g_autofree char *spread = NULL;

      /* Times all over the year, across daylight-saving changes. */
      g_assert_true (axw_settings_set (f->db, "timezone", data, NULL));
      spread = g_strdup_printf ("UPDATE sales SET created_at = strftime "
                                "('%%Y-%%m-%%dT%%H:%%M:%%S.000Z', "
                                "'2026-01-01', '+' || (id * 1209600 + id * id * 3607) || ' "
                                "seconds')");
      g_assert_true (axw_db_exec (f->db, spread, NULL));
    }
  run_export (f, FALSE, &r);
  read_export (f, &seen);
  g_hash_table_iter_init (&iter, seen.uuids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AxwSale) sale = axw_sales_load (f->db, key, &error);
      g_autofree char *json = NULL;
      g_autofree char *want = NULL, *got = NULL;
      g_autofree char *local = NULL;
      g_autoptr(JsonParser) p = json_parser_new ();
      g_autoptr(GDateTime) t = NULL;
      JsonObject *doc = json_node_get_object (value);

      g_assert_no_error (error);
      json = axw_sale_to_json (sale, TRUE);
      g_assert_true (json_parser_load_from_data (p, json, -1, NULL));
      want = json_to_string (json_object_get_member (json_node_get_object (json_parser_get_root (p)), "lines"), FALSE);
      got = lines_as_quoted (json_object_get_member (doc, "lines"));
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpstr (json_object_get_string_member (doc, "receipt_no"), ==, sale->receipt_no);
      g_assert_cmpstr (json_object_get_string_member (doc, "business_date"), ==,
                       sale->business_date);
      g_assert_cmpstr (json_object_get_string_member (doc, "staff"), ==, sale->staff);
      g_assert_cmpint (json_object_get_int_member (doc, "cash_rounding_fen"), ==,
                       sale->cash_rounding_fen);
      t = axw_time_parse_rfc3339 (sale->created_at, NULL);
      local = axw_time_to_local_rfc3339 (t, data ? data : "Asia/Shanghai");
      g_assert_cmpstr (json_object_get_string_member (doc, "created_at"), ==, local);
      g_assert_true (data != NULL || g_str_has_suffix (local, "+08:00"));
      if (sale->is_refund)
        g_assert_cmpstr (json_object_get_string_member (doc, "refund_of"), ==,
                         sale->refund_of_uuid);
    }
}

static void
test_full (DbFixture     *f,
           gconstpointer  data)
{
  g_auto(Seen) seen = { 0 };
  AxwExportResult r;
  g_autofree char *dir = out_dir (f);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_files = 0;

  shop_sell (f, 10, 5);
  run_export (f, FALSE, &r);
  shop_sell (f, 10, 6);
  run_export (f, FALSE, &r);
  run_export (f, TRUE, &r);
  g_assert_cmpint (r.n_sales, ==, sql_int (f, "SELECT count(*) FROM sales"));
  g_assert_cmpint (r.n_sales_files, ==, 1);
  g_assert_true (r.wrote_products);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    n_files += name[0] != '.';
  g_assert_cmpint (n_files, ==, 3);   /* manifest, products, one sales file */
  read_export (f, &seen);
  check_against_db (f, &seen);
  run_export (f, FALSE, &r);
  g_assert_cmpint (r.n_sales_files, ==, 0);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AxwExportResult *r = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (axw_export_run_finish (result, r, &error));
  g_assert_no_error (error);
}

static void
test_async (DbFixture     *f,
            gconstpointer  data)
{
  g_autofree char *dir = out_dir (f);
  AxwExportResult r = { 0 };
  guint n = shop_sell (f, 12, 7);

  axw_export_run_async (f->path, dir, FALSE, NULL, export_done, &r);
  while (r.last_sale_id == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (r.n_sales, ==, n);
  g_assert_cmpint (sql_int (f, "SELECT last_sale_id FROM export_cursor WHERE name = 'online-shop'"),
                   ==, r.last_sale_id);
}

static void
test_bad_folder (DbFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  AxwExportResult r;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  shop_sell (f, 2, 8);
  g_assert_false (axw_export_run (f->db, file, FALSE, &r, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM export_cursor WHERE last_sale_id > 0"), ==, 0);
  g_unlink (file);
}

/* A line at a manager's price carries the catalog price it replaced; a
 * return without a receipt is a refund of no sale. */
static void
test_exceptions (DbFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 12, 2, 0, 0);
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) line = axw_checkout_item_from_scan (f->db, "6971234560018", 2000, &error);
  g_autoptr(AxwSale) sale = NULL;
  g_autoptr(AxwSale) back = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *out = out_dir (f);
  g_autoptr(GString) docs = g_string_new (NULL);
  AxwPayment cash = { AXW_PAY_CASH, 10000, 10000 };
  AxwExportResult r;
  const char *name;

  axw_cart_add (cart, line);
  g_assert_true (axw_exceptions_override_price (f->db, cart, 0, 2000, "王店长", "damaged", &error));
  sale = axw_checkout_commit (f->db, cart, at, "小林", &cash, 1, &error);
  g_assert_no_error (error);
  back = axw_sales_return_without_receipt (f->db, "6971234560025", "王店长", "no receipt", at,
                                           &error);
  g_assert_no_error (error);
  run_export (f, TRUE, &r);
  dir = g_dir_open (out, 0, &error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "sales-"))
      {
        g_autofree char *path = g_build_filename (out, name, NULL);
        g_autofree char *text = NULL;

        g_assert_true (g_file_get_contents (path, &text, NULL, &error));
        g_string_append (docs, text);
      }
  g_assert_nonnull (strstr (docs->str, "\"unit_price_fen\":2000,\"list_price_fen\":2800,"));
  g_assert_nonnull (strstr (docs->str, "\"kind\":\"refund\",\"refund_of\":null,"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  TEST ("/export/incremental", test_incremental);
  TEST ("/export/nothing-new", test_nothing_new);
  TEST ("/export/documents", test_documents);
  g_test_add ("/export/documents/st-johns", DbFixture, "America/St_Johns", shop_setup,
              test_documents, export_teardown);
  g_test_add ("/export/documents/chatham", DbFixture, "Pacific/Chatham", shop_setup, test_documents,
              export_teardown);
  g_test_add ("/export/documents/kolkata", DbFixture, "Asia/Kolkata", shop_setup, test_documents,
              export_teardown);
  TEST ("/export/full", test_full);
  TEST ("/export/async", test_async);
  TEST ("/export/bad-folder", test_bad_folder);
  TEST ("/export/manager-price-and-return", test_exceptions);
  return g_test_run ();
}
