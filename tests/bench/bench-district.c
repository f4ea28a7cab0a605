/* bench-district.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district hub's figures (issue 14), on a database from axw-gen and a
 * real PostgreSQL 15 (tests/bench/bench-district.sh starts one):
 *   ingest: documents/s from 6 shops at once through district.ingest(),
 *           against COPY of the same rows into tables with the same keys;
 *   the year report and the funder's claim, p50 of 5 runs;
 *   the counter's red-packet question, p50/p99 on loopback.
 * AXW_BENCH_BATCH sets the documents per ingest call (default: the
 * push's); AXW_BENCH_INGEST_ONLY stops after ingest and COPY.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "axw-db-sql.h"
#include "axw-district-private.h"
#include "axw-sale-docs.h"
#include "axw-settings.h"

/* AXW_BENCH_BATCH: documents per ingest call (default: the push's) */
static guint batch_max = AXW_DISTRICT_BATCH_MAX;

typedef struct {
  const char *db_path;
  char       *url;
  char       *shop_url;
  char       *passfile;
  char        shop[8];
  gint64      docs;
  GPtrArray  *batches;   /* the JSON arrays ingest takes, written from SQLite beforehand */
  GString    *copy[3];   /* the shop's rows as COPY text: documents, lines, payments */
  double      server_cpu_s;   /* CPU time of this shop's server process, last phase */
} ShopRun;

/* The CPU seconds the server spent for @conn so far (its backend's
 * utime + stime): on a shared machine a steadier figure than the wall
 * clock. 0 where /proc cannot tell (another host). */
static double
backend_cpu_s (PGconn *conn)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", PQbackendPID (conn));
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (end = strrchr (text, ')')) == NULL)
    return 0;
  fields = g_strsplit (end + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL))
         / sysconf (_SC_CLK_TCK);
}

static void
die (GError *error)
{
  g_printerr ("bench-district: %s\n", error ? error->message : "failed");
  exit (1);
}

/* The shop's documents in batches, as the push writes them. */
static gpointer
build_shop (gpointer data)
{
  ShopRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (run->db_path, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (db == NULL)
    die (error);
  stmt = axw_db_prepare (db, "SELECT id FROM sales WHERE shop = ? ORDER BY id", &error);
  axw_db_bind_text (stmt, 1, run->shop);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  run->batches = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ids->len; i += batch_max)
    {
      guint n = MIN (batch_max, ids->len - i);
      GString *body = g_string_new ("[");

      if (!axw_sale_docs_append_ids (db, &g_array_index (ids, gint64, i), n, body, &error))
        die (error);
      g_string_append_c (body, ']');
      g_ptr_array_add (run->batches, g_string_free (body, FALSE));
    }
  return NULL;
}

/* One ingest call per batch, one connection per shop, as the push does. */
static gpointer
ingest_shop (gpointer data)
{
  ShopRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwHub) hub = axw_hub_connect (run->url, run->passfile, 0, &error);

  if (hub == NULL)
    die (error);
  for (guint i = 0; i < run->batches->len; i++)
    {
      const char *params[1] = { g_ptr_array_index (run->batches, i) };
      g_autoptr(PGresult) r = PQexecParams (hub->conn, "SELECT district.ingest ($1::json)", 1, NULL,
                                            params, NULL, NULL, 0);

      if (PQresultStatus (r) != PGRES_TUPLES_OK)
        {
          g_printerr ("bench-district: %s", PQresultErrorMessage (r));
          exit (1);
        }
      run->docs += PQntuples (r);
    }
  run->server_cpu_s = backend_cpu_s (hub->conn);
  return NULL;
}

/* The district catalog holds the generated products, as a real hub's
 * does: ingest looks each line's category up in it. */
static void
fill_catalog (AxwHub     *hub,
              const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (db_path, &error);
  g_autoptr(GString) rows = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (db == NULL)
    die (error);
  stmt = axw_db_prepare (db, "SELECT p.barcode, p.name, coalesce (c.name, ''), p.price_fen "
                             "FROM products p LEFT JOIN categories c ON c.id = p.category_id "
                             "WHERE p.barcode IS NOT NULL", &error);
  if (stmt == NULL)
    die (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (rows, "%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            (gint64) sqlite3_column_int64 (stmt, 3));
  sqlite3_reset (stmt);
  PQclear (PQexec (hub->conn,
                   "COPY district.catalog (sku, barcode, name, category, price_fen) FROM STDIN"));
  PQputCopyData (hub->conn, rows->str, (int) rows->len);
  PQputCopyEnd (hub->conn, NULL);
  {
    g_autoptr(PGresult) r = PQgetResult (hub->conn);

    if (PQresultStatus (r) != PGRES_COMMAND_OK)
      {
        g_printerr ("bench-district: catalog: %s", PQresultErrorMessage (r));
        exit (1);
      }
  }
  axw_hub_exec (hub, "ANALYZE district.catalog", NULL);
}

static const char *const copy_tables[] = { "sale_docs", "sale_lines", "payments" };

static GString *
copy_out (AxwHub     *hub,
          const char *table,
          const char *shop)
{
  g_autofree char *sql = g_strdup_printf (
    g_str_equal (table, "payments")
    ? "COPY (SELECT p.* FROM district.payments p JOIN district.sale_docs d ON d.uuid = p.sale_uuid "
      "WHERE d.shop = '%s') TO STDOUT"
    : "COPY (SELECT * FROM district.%s WHERE shop = '%s') TO STDOUT",
    g_str_equal (table, "payments") ? shop : table, shop);
  GString *out = g_string_new (NULL);
  PGresult *r = PQexec (hub->conn, sql);
  char *buf;
  int n;

  PQclear (r);
  while ((n = PQgetCopyData (hub->conn, &buf, 0)) > 0)
    {
      g_string_append_len (out, buf, n);
      PQfreemem (buf);
    }
  PQclear (PQgetResult (hub->conn));
  return out;
}

static gpointer
copy_shop (gpointer data)
{
  ShopRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwHub) hub = axw_hub_connect (run->url, NULL, 0, &error);

  if (hub == NULL)
    die (error);
  axw_hub_exec (hub, "BEGIN", NULL);
  for (guint t = 0; t < G_N_ELEMENTS (copy_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("COPY bench_copy.%s FROM STDIN", copy_tables[t]);

      PQclear (PQexec (hub->conn, sql));
      PQputCopyData (hub->conn, run->copy[t]->str, (int) run->copy[t]->len);
      PQputCopyEnd (hub->conn, NULL);
      PQclear (PQgetResult (hub->conn));
    }
  if (!axw_hub_exec (hub, "COMMIT", &error))
    die (error);
  run->server_cpu_s = backend_cpu_s (hub->conn);
  return NULL;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *v,
            guint   n,
            double  p)
{
  qsort (v, n, sizeof *v, compare_double);
  return v[MIN (n - 1, (guint) (p * n))];
}

static double
server_cpu (ShopRun *runs,
            guint    n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += runs[i].server_cpu_s;
  return sum;
}

static double
run_threads (ShopRun  *runs,
             guint     n,
             GThreadFunc func)
{
  GThread *threads[16];
  gint64 t0 = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    threads[i] = g_thread_new ("shop", func, &runs[i]);
  for (guint i = 0; i < n; i++)
    g_thread_join (threads[i]);
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *db_path = argc > 3 ? argv[1] : NULL, *admin = argv[2], *dir = argv[3];
  guint shops = argc > 4 ? (guint) atoi (argv[4]) : 6;
  ShopRun runs[16] = { 0 };
  g_autoptr(AxwHub) hub = NULL;
  g_autoptr(PGresult) funder = NULL;
  g_autoptr(AxwDb) counter = NULL;
  g_autofree char *counter_path = NULL;
  double build_s, ingest_s, copy_s, ingest_cpu, copy_cpu, t[5], checks[300];
  gint64 docs = 0, lines;

  setlocale (LC_ALL, "");
  if (g_getenv ("AXW_BENCH_BATCH") != NULL)
    batch_max = MAX (1, atoi (g_getenv ("AXW_BENCH_BATCH")));
  if (db_path == NULL || shops < 1 || shops > 16)
    {
      g_printerr ("usage: bench-district GEN.db ADMIN_URL DIR [SHOPS]\n");
      return 2;
    }
  if (axw_district_init (admin, NULL, &error) < 0 ||
      (hub = axw_hub_connect (admin, NULL, 0, &error)) == NULL)
    die (error);
  for (guint s = 0; s < shops; s++)
    {
      runs[s].db_path = db_path;
      g_snprintf (runs[s].shop, sizeof runs[s].shop, "S%u", s + 1);
      runs[s].passfile = g_strdup_printf ("%s/%s.pgpass", dir, runs[s].shop);
      if ((runs[s].url = axw_district_add_shop (admin, runs[s].shop, runs[s].passfile,
                                                &error)) == NULL)
        die (error);
      runs[s].shop_url = g_strdup (runs[s].url);
    }

  fill_catalog (hub, db_path);
  build_s = run_threads (runs, shops, build_shop);
  ingest_s = run_threads (runs, shops, ingest_shop);
  ingest_cpu = server_cpu (runs, shops);
  for (guint s = 0; s < shops; s++)
    docs += runs[s].docs;
  {
    g_autoptr(PGresult) r = PQexec (hub->conn, "SELECT count (*) FROM district.sale_lines");
    lines = g_ascii_strtoll (PQgetvalue (r, 0, 0), NULL, 10);
  }
  g_print ("documents written from SQLite by %u shops at once: %.2f s (%.0f documents/s)\n", shops,
           build_s, docs / build_s);
  g_print ("ingest: %" G_GINT64_FORMAT " documents (%" G_GINT64_FORMAT " lines) from %u shops at once in %.2f s: "
           "%.0f documents/s (whole push, SQLite to hub: %.0f documents/s)\n", docs, lines, shops,
           ingest_s, docs / ingest_s, docs / (build_s + ingest_s));

  /* The same rows by COPY, into tables with the same keys and indexes. */
  if (!axw_hub_exec (hub, "DROP SCHEMA IF EXISTS bench_copy CASCADE; CREATE SCHEMA bench_copy;"
                          "CREATE TABLE bench_copy.sale_docs (LIKE district.sale_docs INCLUDING "
                          "  ALL);"
                          "CREATE TABLE bench_copy.sale_lines (LIKE district.sale_lines INCLUDING "
                          "  ALL)"
                          "  PARTITION BY RANGE (business_date);"
                          "CREATE TABLE bench_copy.payments (LIKE district.payments INCLUDING ALL);", &error))
    die (error);
  {
    g_autoptr(PGresult) months = PQexec (hub->conn,
      "SELECT DISTINCT date_trunc ('month', business_date)::date FROM district.sale_docs");

    for (int i = 0; i < PQntuples (months); i++)
      {
        g_autofree char *sql = g_strdup_printf ("CREATE TABLE bench_copy.l%d PARTITION OF "
                                                "bench_copy.sale_lines "
                                                "FOR VALUES FROM ('%s') TO (('%s'::date + interval "
                                                "'1 month')::date)", i, PQgetvalue (months, i, 0),
                                                PQgetvalue (months, i, 0));
        if (!axw_hub_exec (hub, sql, &error))
          die (error);
      }
  }
  for (guint s = 0; s < shops; s++)
    {
      for (guint t2 = 0; t2 < G_N_ELEMENTS (copy_tables); t2++)
        runs[s].copy[t2] = copy_out (hub, copy_tables[t2], runs[s].shop);
      g_free (runs[s].url);
      runs[s].url = g_strdup (admin);
    }
  copy_s = run_threads (runs, shops, copy_shop);
  copy_cpu = server_cpu (runs, shops);
  g_print ("COPY of the same rows, %u connections at once: %.2f s: %.0f documents/s; ingest = "
           "%.2f× COPY "
           "(target ≥ 0.5×)\n", shops, copy_s, docs / copy_s, copy_s / ingest_s);
  if (ingest_cpu > 0 && copy_cpu > 0)
    g_print ("server CPU: ingest %.1f s, COPY %.1f s: COPY / ingest = %.2f× "
             "(steadier than the wall clock on a shared machine; COPY also waits on the disk)\n",
             ingest_cpu, copy_cpu, copy_cpu / ingest_cpu);
  axw_hub_exec (hub, "DROP SCHEMA bench_copy CASCADE; VACUUM ANALYZE", NULL);
  if (g_getenv ("AXW_BENCH_INGEST_ONLY") != NULL)
    return 0;

  for (int i = 0; i < 5; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autofree char *json = axw_district_report_json (hub, "2026-01-01", "2026-12-31", &error);

      if (json == NULL)
        die (error);
      t[i] = (g_get_monotonic_time () - t0) / 1e3;
    }
  g_print ("district year report over %u shops: p50 %.0f ms (target < 1000 ms)\n", shops,
           percentile (t, 5, 0.5));
  funder = PQexec (hub->conn, "SELECT funder FROM district.redemptions LIMIT 1");
  for (int i = 0; i < 5 && PQntuples (funder) == 1; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autofree char *json = axw_district_claim_json (hub, PQgetvalue (funder, 0, 0), "2026-01-01",
                                                       "2026-12-31", &error);

      if (json == NULL)
        die (error);
      t[i] = (g_get_monotonic_time () - t0) / 1e3;
    }
  g_print ("funder's year claim: p50 %.0f ms (target < 1000 ms)\n", percentile (t, 5, 0.5));

  counter_path = g_build_filename (dir, "counter.db", NULL);
  if ((counter = axw_db_open (counter_path, &error)) == NULL ||
      !axw_settings_set (counter, "district.url", runs[0].shop_url, &error) ||
      !axw_settings_set (counter, "district.password_file", runs[0].passfile, &error))
    die (error);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_auto(AxwHubRedemption) where = { 0 };
      g_autofree char *code = g_strdup_printf ("HB1%04u", i);
      gint64 t0 = g_get_monotonic_time ();

      if (axw_district_check_red_packet (counter, code, 1000, &where,
                                         &error) == AXW_HUB_CHECK_UNKNOWN)
        die (error);
      checks[i] = (g_get_monotonic_time () - t0) / 1e3;
    }
  g_print ("red-packet check on loopback (connect, SCRAM, query): p50 %.1f ms, p99 %.1f ms (target "
           "p99 < 50 ms)\n", percentile (checks, G_N_ELEMENTS (checks), 0.5),
           percentile (checks, G_N_ELEMENTS (checks), 0.99));
  return 0;
}
