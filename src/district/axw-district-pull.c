/* axw-district-pull.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the hub to a shop: the district catalog, promotions, red-packet
 * batches and trusted funder keys, read with the shop's own role and
 * written in one SQLite transaction with one audit row. A product the
 * shop changed after the hub did keeps the shop's version (updated_at
 * decides); stock is the shop's and is never touched.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-district-private.h"
#include "axw-error.h"
#include "axw-online-orders.h"
#include "axw-pinyin.h"
#include "axw-settings.h"

#define UTC_MS(col) "to_char (" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

static const char catalog_sql[] =
  "SELECT barcode, plu, name, category, origin, price_fen, unit, aid_eligible::int, active::int, "
  UTC_MS ("updated_at") " FROM district.catalog ORDER BY sku";
static const char promotions_sql[] =
  "SELECT name, scope, percent_bp, day_of_month, month, date_from::text, date_to::text"
  " FROM district.promotions ORDER BY name";
static const char vouchers_sql[] =
  "SELECT code, campaign, funder, face_fen, min_spend_fen, valid_from::text, valid_to::text, scope"
  " FROM district.voucher_batches ORDER BY code";
static const char keys_sql[] = "SELECT funder, public_key FROM district.trusted_keys ORDER BY "
                               "funder, public_key";

/* Only a newer hub row replaces the shop's: every column follows the
 * same updated_at, so a row is never half the shop's and half the hub's. */
#define NEWER "excluded.updated_at > products.updated_at"
static const char product_upsert_sql[] =
  "INSERT INTO products (barcode, plu, name, category_id, origin, price_fen, unit, aid_eligible, "
  "active, "
  "                      updated_at, pinyin)"
  " VALUES (?1, ?2, ?3, (SELECT id FROM categories WHERE name = ?4), ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
  " ON CONFLICT (%s) DO UPDATE SET"
  "  name = CASE WHEN " NEWER " THEN excluded.name ELSE name END,"
  "  category_id = CASE WHEN " NEWER " THEN excluded.category_id ELSE category_id END,"
  "  origin = CASE WHEN " NEWER " THEN excluded.origin ELSE origin END,"
  "  price_fen = CASE WHEN " NEWER " THEN excluded.price_fen ELSE price_fen END,"
  "  unit = CASE WHEN " NEWER " THEN excluded.unit ELSE unit END,"
  "  aid_eligible = CASE WHEN " NEWER " THEN excluded.aid_eligible ELSE aid_eligible END,"
  "  active = CASE WHEN " NEWER " THEN excluded.active ELSE active END,"
  "  pinyin = CASE WHEN " NEWER " THEN excluded.pinyin ELSE pinyin END,"
  "  updated_at = max (updated_at, excluded.updated_at)";

typedef struct {
  AxwDb  *db;
  guint   products, promotions, vouchers, keys;
} Pull;

static gboolean
bind_and_step (AxwDb         *db,
               sqlite3_stmt  *stmt,
               PGresult      *r,
               int            row,
               const int     *cols,
               guint          n,
               GError       **error)
{
  for (guint i = 0; i < n; i++)
    if (cols[i] < 0 || PQgetisnull (r, row, cols[i]))
      sqlite3_bind_null (stmt, (int) i + 1);
    else
      axw_db_bind_text (stmt, (int) i + 1, PQgetvalue (r, row, cols[i]));
  return axw_db_step_done (db, stmt, error);
}

static gboolean
pull_products (Pull      *p,
               PGresult  *r,
               GError   **error)
{
  g_autofree char *by_barcode = g_strdup_printf (product_upsert_sql, "barcode");
  g_autofree char *by_plu = g_strdup_printf (product_upsert_sql, "plu");
  sqlite3_stmt *category = axw_db_prepare (p->db,
                                           "INSERT OR IGNORE INTO categories (name) VALUES (?1)",
                                           error);
  static const int cols[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

  for (int i = 0; category != NULL && i < PQntuples (r); i++)
    {
      sqlite3_stmt *stmt = axw_db_prepare (p->db, PQgetisnull (r, i, 0) ? by_plu : by_barcode,
                                           error);
      g_autofree char *pinyin = axw_pinyin_initials (PQgetvalue (r, i, 2));

      if (stmt == NULL || !bind_and_step (p->db, category, r, i, (const int[]) { 3 }, 1, error))
        return FALSE;
      axw_db_bind_text (stmt, 11, pinyin);
      if (!bind_and_step (p->db, stmt, r, i, cols, G_N_ELEMENTS (cols), error))
        return FALSE;
      p->products++;
    }
  return category != NULL;
}

static gboolean
pull_promotions (Pull      *p,
                 PGresult  *r,
                 GError   **error)
{
  static const int cols[] = { 0, 1, 2, 3, 4, 5, 6 };
  sqlite3_stmt *stmt = axw_db_prepare (p->db,
    "INSERT INTO promotions (name, scope, percent_bp, day_of_month, month, date_from, date_to, "
    "active)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1) ON CONFLICT (name) DO UPDATE SET scope = "
    "excluded.scope,"
    " percent_bp = excluded.percent_bp, day_of_month = excluded.day_of_month, month = "
    "excluded.month,"
    " date_from = excluded.date_from, date_to = excluded.date_to, active = 1", error);

  for (int i = 0; stmt != NULL && i < PQntuples (r); i++, p->promotions++)
    if (!bind_and_step (p->db, stmt, r, i, cols, G_N_ELEMENTS (cols), error))
      return FALSE;
  return stmt != NULL;
}

/* A red packet already known keeps what it was imported with: its
 * redemptions were priced by it. */
static gboolean
pull_vouchers (Pull       *p,
               PGresult   *r,
               const char *now,
               GError    **error)
{
  static const int campaign_cols[] = { 1, 2 };
  static const int cols[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  sqlite3_stmt *campaign = axw_db_prepare (p->db,
                                           "INSERT OR IGNORE INTO campaigns (name, funder) VALUES "
                                           "(?1, ?2)", error);
  sqlite3_stmt *stmt = campaign ? axw_db_prepare (p->db,
    "INSERT OR IGNORE INTO vouchers (code, campaign_id, face_fen, min_spend_fen, valid_from, "
    "valid_to, scope,"
    " imported_at) VALUES (?1, (SELECT id FROM campaigns WHERE name = ?2 AND funder = ?3), ?4, ?5, "
    "?6, ?7, ?8, ?9)", error) : NULL;

  for (int i = 0; stmt != NULL && i < PQntuples (r); i++)
    {
      axw_db_bind_text (stmt, 9, now);
      if (!bind_and_step (p->db, campaign, r, i, campaign_cols, G_N_ELEMENTS (campaign_cols),
                          error) ||
          !bind_and_step (p->db, stmt, r, i, cols, G_N_ELEMENTS (cols), error))
        return FALSE;
      p->vouchers += axw_db_changes (p->db);
    }
  return stmt != NULL;
}

static gboolean
pull_keys (Pull       *p,
           PGresult   *r,
           const char *now,
           GError    **error)
{
  static const int cols[] = { 0, 1 };
  sqlite3_stmt *stmt = axw_db_prepare (p->db,
    "INSERT OR IGNORE INTO funder_keys (funder, public_key, added_at) VALUES (?1, ?2, ?3)", error);

  for (int i = 0; stmt != NULL && i < PQntuples (r); i++)
    {
      axw_db_bind_text (stmt, 3, now);
      if (!bind_and_step (p->db, stmt, r, i, cols, G_N_ELEMENTS (cols), error))
        return FALSE;
      p->keys += axw_db_changes (p->db);
    }
  return stmt != NULL;
}

static PGresult *
read_all (AxwHub      *hub,
          const char  *sql,
          GError     **error)
{
  PGresult *r = PQexec (hub->conn, sql);

  if (PQresultStatus (r) == PGRES_TUPLES_OK)
    return r;
  axw_hub_set_error (hub, r, error);
  PQclear (r);
  return NULL;
}

static gboolean
gate_open (AxwDistrictPullGate   gate,
           gpointer              gate_data,
           GError              **error)
{
  if (gate == NULL || gate (gate_data))
    return TRUE;
  g_set_error_literal (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                       _("A sale is open: the district's catalog waits for the next pause between "
                         "sales."));
  return FALSE;
}

/**
 * axw_district_pull:
 * @staff: (nullable): the manager who asked, for the audit row; %NULL:
 *   the counter by itself
 * @gate: (nullable): asked just before anything is committed; %FALSE
 *   (a sale was opened meanwhile) rolls everything back
 * @out_summary: (out) (transfer full) (optional): what changed, in words
 *
 * Brings the shop up to date with the hub in one SQLite transaction,
 * then takes the online orders it ships from its stock.
 */
gboolean
axw_district_pull (AxwDb                *db,
                   const char           *staff,
                   AxwDistrictPullGate   gate,
                   gpointer              gate_data,
                   char                **out_summary,
                   GError              **error)
{
  g_autofree char *url = axw_settings_get (db, "district.url");
  g_autofree char *passfile = axw_settings_get (db, "district.password_file");
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(AxwHub) hub = axw_hub_connect (url, passfile, 0, error);
  g_autoptr(PGresult) catalog = NULL, promotions = NULL, vouchers = NULL, keys = NULL,
  orders = NULL;
  g_autoptr(GString) jsonl = g_string_new (NULL);
  AxwOnlineImport stats = { 0 };
  Pull p = { .db = db };

  if (hub == NULL || axw_hub_check_version (hub, error) < 0 ||
      !axw_hub_exec (hub, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) ||
      (catalog = read_all (hub, catalog_sql, error)) == NULL ||
      (promotions = read_all (hub, promotions_sql, error)) == NULL ||
      (vouchers = read_all (hub, vouchers_sql, error)) == NULL ||
      (keys = read_all (hub, keys_sql, error)) == NULL ||
      (orders = read_all (hub, "SELECT * FROM district.my_online_orders ()", error)) == NULL)
    return FALSE;
  axw_hub_exec (hub, "COMMIT", NULL);
  if (!axw_db_begin (db, error))
    return FALSE;
  if (!pull_products (&p, catalog, error) || !pull_promotions (&p, promotions, error) ||
      !pull_vouchers (&p, vouchers, now, error) || !pull_keys (&p, keys, now, error))
    goto fail;
  detail = g_strdup_printf ("%u products, %u promotions, %u new red packets, %u new keys from the "
                            "district hub", p.products, p.promotions, p.vouchers, p.keys);
  if (!axw_audit_append (db, staff, "district.pull", detail, error))
    goto fail;
  {
    sqlite3_stmt *stmt = axw_db_prepare (db, "INSERT OR REPLACE INTO district_state (key, value) "
                                             "VALUES ('last_pull', ?1)", error);

    if (stmt == NULL)
      goto fail;
    axw_db_bind_text (stmt, 1, now);
    if (!axw_db_step_done (db, stmt, error))
      goto fail;
  }
  if (!gate_open (gate, gate_data, error) || !axw_db_commit (db, error))
    goto fail;
  /* The online orders this shop ships: the import's own transaction,
   * each order once by its id (data/EXPORT.md §3). */
  for (int i = 0; i < PQntuples (orders); i++)
    g_string_append_printf (jsonl, "%s\n", PQgetvalue (orders, i, 0));
  if (jsonl->len > 0 &&
      (!gate_open (gate, gate_data, error) ||
       !axw_online_orders_import (db, jsonl->str, jsonl->len, staff, &stats, error)))
    {
      g_prefix_error (error,
                      _("The catalog was brought up to date, but the online orders were not: "));
      return FALSE;
    }
  if (out_summary != NULL)
    *out_summary = g_strdup_printf (_("From the district hub: %u products, %u promotions, %u new "
                                      "red packets, "
                                      "%u new funder keys, %u online orders to ship."), p.products,
                                      p.promotions,
                                    p.vouchers, p.keys, stats.applied);
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

typedef struct {
  char                *db_path;
  AxwDistrictPullGate  gate;
  gpointer             gate_data;
} PullJob;

static void
pull_job_free (PullJob *job)
{
  g_free (job->db_path);
  g_free (job);
}

static void
pull_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  PullJob *job = data;
  GError *error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (job->db_path, &error);
  char *summary = NULL;

  if (db == NULL || !axw_district_pull (db, NULL, job->gate, job->gate_data, &summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, g_free);
}

/**
 * axw_district_pull_async:
 * @gate: called from the worker thread just before each commit
 *
 * The counter's own pull (audited as the counter's, without a person), in
 * a worker thread with its own connection; @gate keeps it out of an open
 * sale. @gate_data must live until the callback runs.
 */
void
axw_district_pull_async (const char          *db_path,
                         AxwDistrictPullGate  gate,
                         gpointer             gate_data,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PullJob *job = g_new0 (PullJob, 1);

  job->db_path = g_strdup (db_path);
  job->gate = gate;
  job->gate_data = gate_data;
  g_task_set_source_tag (task, axw_district_pull_async);
  g_task_set_task_data (task, job, (GDestroyNotify) pull_job_free);
  g_task_run_in_thread (task, pull_thread);
}

/* Returns: (transfer full): what changed, in words, or %NULL with @error */
char *
axw_district_pull_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
