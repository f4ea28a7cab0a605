/* axw-vouchers.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Red packets come from two sources: a funder's batch imported as CSV,
 * and HB1. codes signed by the online platform, checked offline against
 * the funder's trusted keys. Either way a code is redeemed once: the
 * redemptions table's primary key makes sure of it.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-csv.h"
#include "axw-error.h"
#include "axw-signed-code.h"
#include "axw-vouchers.h"

/* Returns: the campaign's id, created on first use; 0 with @error */
gint64
axw_vouchers_campaign_id (AxwDb       *db,
                          const char  *campaign,
                          const char  *funder,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = axw_db_prepare (db, "INSERT INTO campaigns (name, funder) VALUES (?, ?) "
                             "ON CONFLICT (name, funder) DO UPDATE SET name = name RETURNING id",
                             error);
  if (stmt == NULL)
    return 0;
  axw_db_bind_text (stmt, 1, campaign);
  axw_db_bind_text (stmt, 2, funder);
  if (!axw_db_step_int (db, stmt, &id, error))
    return 0;
  return id;
}

static const char * const csv_columns[] = {
  "code", "campaign", "funder", "face", "min_spend", "valid_from", "valid_to", "scope", NULL
};
static const char * const csv_required[] = {
  "code", "campaign", "funder", "face", "valid_from", "valid_to", NULL
};

static char *
field (AxwCsv     *csv,
       guint       r,
       const char *column)
{
  const char *v = axw_csv_get (csv, r, column);

  return g_strstrip (g_strdup (v ? v : ""));
}

static gboolean
voucher_from_csv (AxwCsv      *csv,
                  guint        r,
                  AxwVoucher  *v,
                  GError     **error)
{
  g_autofree char *face = field (csv, r, "face");
  g_autofree char *min = field (csv, r, "min_spend");
  g_autofree char *scope = field (csv, r, "scope");
  const char *column = NULL;
  GError *local = NULL;

  v->code = field (csv, r, "code");
  v->campaign = field (csv, r, "campaign");
  v->funder = field (csv, r, "funder");
  v->valid_from = field (csv, r, "valid_from");
  v->valid_to = field (csv, r, "valid_to");
  v->scope = AXW_SCOPE_AID;

  if (*v->code == '\0' || axw_signed_code_is (v->code) || strpbrk (v->code, "|\t\r\n") != NULL)
    column = "code",
    g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("the code is empty or not a plain code"));
  else if (*v->campaign == '\0')
    column = "campaign",
    g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("the campaign is empty"));
  else if (*v->funder == '\0')
    column = "funder", g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("the funder is empty"));
  else if (!axw_money_parse (face, &v->face_fen, &local))
    column = "face";
  else if (v->face_fen <= 0)
    column = "face",
    g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("a red packet is worth more than 0"));
  else if (*min && !axw_money_parse (min, &v->min_spend_fen, &local))
    column = "min_spend";
  else if (!axw_date_parse (v->valid_from, NULL, NULL, NULL, &local))
    column = "valid_from";
  else if (!axw_date_parse (v->valid_to, NULL, NULL, NULL, &local))
    column = "valid_to";
  else if (strcmp (v->valid_from, v->valid_to) > 0)
    column = "valid_to",
    g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("it is before valid_from"));
  else if (*scope && !axw_scope_from_string (scope, &v->scope))
    column = "scope", g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("write aid or all"));

  if (local == NULL)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Row %u (line %u), column “%s”: %s. Nothing was imported."),
               r + 1, axw_csv_line_of_row (csv, r), column, local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
write_voucher (AxwDb       *db,
               AxwVoucher  *v,
               const char  *now,
               GError     **error)
{
  gint64 campaign = axw_vouchers_campaign_id (db, v->campaign, v->funder, error);
  sqlite3_stmt *stmt;

  if (campaign == 0)
    return FALSE;
  stmt = axw_db_prepare (db,
                         "INSERT INTO vouchers (code, campaign_id, face_fen, min_spend_fen, "
                         "valid_from, "
                             "valid_to, scope, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                             "?8) "
                             "ON CONFLICT (code) DO UPDATE SET campaign_id = ?2, face_fen = ?3, "
                             "min_spend_fen = ?4, valid_from = ?5, valid_to = ?6, scope = ?7",
                             error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, v->code);
  sqlite3_bind_int64 (stmt, 2, campaign);
  sqlite3_bind_int64 (stmt, 3, v->face_fen);
  sqlite3_bind_int64 (stmt, 4, v->min_spend_fen);
  axw_db_bind_text (stmt, 5, v->valid_from);
  axw_db_bind_text (stmt, 6, v->valid_to);
  axw_db_bind_text (stmt, 7, axw_scope_to_string (v->scope));
  axw_db_bind_text (stmt, 8, now);
  return axw_db_step_done (db, stmt, error);
}

/**
 * axw_vouchers_import_csv:
 *
 * A funder's batch: `code, campaign, funder, face, min_spend, valid_from,
 * valid_to, scope`. One bad row imports nothing. Importing the same batch
 * again changes nothing; a redeemed code stays redeemed.
 */
gboolean
axw_vouchers_import_csv (AxwDb       *db,
                         const char  *text,
                         gsize        length,
                         guint       *out_count,
                         GError     **error)
{
  return axw_vouchers_import_csv_as (db, text, length, NULL, out_count, error);
}

/* axw_vouchers_import_csv() with the import audited in @staff's name. */
gboolean
axw_vouchers_import_csv_as (AxwDb       *db,
                            const char  *text,
                            gsize        length,
                            const char  *staff,
                            guint       *out_count,
                            GError     **error)
{
  g_autoptr(AxwCsv) csv = axw_csv_parse (text, length, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *detail = NULL;

  if (csv == NULL || !axw_csv_bind_columns (csv, csv_columns, csv_required, error))
    return FALSE;
  if (!axw_db_begin (db, error))
    return FALSE;
  for (guint r = 0; r < axw_csv_n_rows (csv); r++)
    {
      g_autoptr(AxwVoucher) v = g_new0 (AxwVoucher, 1);
      gpointer first;

      if (!voucher_from_csv (csv, r, v, error))
        goto fail;
      if (g_hash_table_lookup_extended (seen, v->code, NULL, &first))
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Row %u (line %u), column “code”: %s is also in row %u. Nothing was "
                         "imported."),
                       r + 1, axw_csv_line_of_row (csv, r), v->code, GPOINTER_TO_UINT (first));
          goto fail;
        }
      g_hash_table_insert (seen, g_strdup (v->code), GUINT_TO_POINTER (r + 1));
      if (!write_voucher (db, v, now, error))
        goto fail;
    }
  detail = g_strdup_printf ("%u red packets", axw_csv_n_rows (csv));
  if (!axw_audit_append (db, staff, "voucher.import", detail, error) || !axw_db_commit (db, error))
    goto fail;
  if (out_count)
    *out_count = axw_csv_n_rows (csv);
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

/* Accept red packets signed with this key for @funder. */
gboolean
axw_vouchers_trust (AxwDb       *db,
                    const char  *funder,
                    const char  *public_key_base64,
                    const char  *staff,
                    GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *canonical = NULL;
  g_autofree char *detail = NULL;
  guint8 key[AXW_ED25519_PUBLIC_KEY_BYTES];
  sqlite3_stmt *stmt;

  if (funder == NULL || *funder == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Name the funder whose key this is"));
      return FALSE;
    }
  if (!axw_public_key_parse (public_key_base64, key, error))
    return FALSE;
  canonical = g_base64_encode (key, sizeof key);
  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db, "INSERT OR IGNORE INTO funder_keys (funder, public_key, added_at) "
                             "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, funder);
  axw_db_bind_text (stmt, 2, canonical);
  axw_db_bind_text (stmt, 3, now);
  detail = g_strdup_printf ("%s %s", funder, canonical);
  if (!axw_db_step_done (db, stmt, error) ||
      !axw_audit_append (db, staff, "voucher.trust", detail, error))
    goto fail;
  return axw_db_commit (db, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

/* No longer accept red packets signed with this key for @funder; red
 * packets already redeemed stay as they are. */
gboolean
axw_vouchers_untrust (AxwDb       *db,
                      const char  *funder,
                      const char  *public_key_base64,
                      const char  *staff,
                      GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *detail = NULL;
  guint8 key[AXW_ED25519_PUBLIC_KEY_BYTES];
  sqlite3_stmt *stmt;

  if (!axw_public_key_parse (public_key_base64, key, error))
    return FALSE;
  canonical = g_base64_encode (key, sizeof key);
  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db, "DELETE FROM funder_keys WHERE funder = ? AND public_key = ?", error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, funder);
  axw_db_bind_text (stmt, 2, canonical);
  if (!axw_db_step_done (db, stmt, error))
    goto fail;
  if (axw_db_changes (db) == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("%s has no trusted key %s. Check the list of keys."), funder ? funder : "",
                   canonical);
      goto fail;
    }
  detail = g_strdup_printf ("%s %s", funder, canonical);
  if (!axw_audit_append (db, staff, "voucher.untrust", detail, error))
    goto fail;
  return axw_db_commit (db, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

void
axw_funder_key_free (gpointer data)
{
  AxwFunderKey *k = data;

  g_free (k->funder);
  g_free (k->public_key);
  g_free (k->added_at);
  g_free (k);
}

static gpointer
funder_key_from_row (sqlite3_stmt *stmt)
{
  AxwFunderKey *k = g_new0 (AxwFunderKey, 1);

  k->id = sqlite3_column_int64 (stmt, 0);
  k->funder = axw_db_column_dup (stmt, 1);
  k->public_key = axw_db_column_dup (stmt, 2);
  k->added_at = axw_db_column_dup (stmt, 3);
  return k;
}

GPtrArray *
axw_vouchers_keys (AxwDb   *db,
                   GError **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT id, funder, public_key, added_at FROM funder_keys "
                                           "ORDER BY funder, id", error);

  return axw_db_collect (db, stmt, funder_key_from_row, axw_funder_key_free, error);
}

void
axw_campaign_stats_free (gpointer data)
{
  AxwCampaignStats *c = data;

  g_free (c->name);
  g_free (c->funder);
  g_free (c);
}

static gpointer
campaign_stats_from_row (sqlite3_stmt *stmt)
{
  AxwCampaignStats *c = g_new0 (AxwCampaignStats, 1);

  c->name = axw_db_column_dup (stmt, 0);
  c->funder = axw_db_column_dup (stmt, 1);
  c->issued = sqlite3_column_int64 (stmt, 2);
  c->redeemed = sqlite3_column_int64 (stmt, 3);
  c->redeemed_fen = sqlite3_column_int64 (stmt, 4);
  c->refunded_fen = sqlite3_column_int64 (stmt, 5);
  return c;
}

/**
 * axw_vouchers_campaigns:
 *
 * Every campaign the shop knows: from imported batches and from redeemed
 * signed codes. The subsidy to claim is redeemed_fen − refunded_fen.
 */
GPtrArray *
axw_vouchers_campaigns (AxwDb   *db,
                        GError **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
    "WITH c (name, funder) AS (SELECT name, funder FROM campaigns "
    "                          UNION SELECT campaign, funder FROM redemptions) "
    "SELECT c.name, c.funder, "
    "  (SELECT count (*) FROM vouchers v JOIN campaigns k ON k.id = v.campaign_id "
    "   WHERE k.name = c.name AND k.funder = c.funder), "
    "  (SELECT count (*) FROM redemptions r WHERE r.campaign = c.name AND r.funder = c.funder), "
    "  (SELECT coalesce (sum (discount_fen), 0) FROM redemptions r "
    "   WHERE r.campaign = c.name AND r.funder = c.funder), "
    "  (SELECT coalesce (sum (red_packet_fen), 0) FROM sales s "
    "   WHERE s.kind = 'refund' AND s.campaign = c.name AND s.funder = c.funder) "
    "FROM c ORDER BY c.funder, c.name", error);
  return axw_db_collect (db, stmt, campaign_stats_from_row, axw_campaign_stats_free, error);
}

static gboolean
is_redeemed (AxwDb       *db,
             const char  *code,
             gboolean    *out,
             GError     **error)
{
  return axw_db_row_exists (db, "SELECT 1 FROM redemptions WHERE code = ?", code, out, error);
}

static gboolean
verify_signed (AxwDb       *db,
               AxwVoucher  *v,
               GBytes      *payload,
               GBytes      *sig,
               GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT public_key FROM funder_keys WHERE funder = ?",
                                       error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, v->funder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint8 key[AXW_ED25519_PUBLIC_KEY_BYTES];

      if (axw_public_key_parse ((const char *) sqlite3_column_text (stmt, 0), key, NULL) &&
          axw_signed_code_verify (payload, sig, key))
        {
          v->known = TRUE;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return axw_db_set_error (db, rc, error);
  v->bad_signature = !v->known;
  return TRUE;
}

static AxwVoucher *
lookup_signed (AxwDb       *db,
               const char  *code,
               GError     **error)
{
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) sig = NULL;
  AxwVoucher *v = axw_signed_code_parse (code, &payload, &sig, NULL);

  if (v == NULL)
    {
      /* Damaged or forged beyond parsing: refused as a bad signature. */
      v = g_new0 (AxwVoucher, 1);
      v->code = g_strdup (code);
      v->bad_signature = TRUE;
      return v;
    }
  if (!verify_signed (db, v, payload, sig, error) ||
      !is_redeemed (db, v->code, &v->redeemed, error))
    {
      axw_voucher_free (v);
      return NULL;
    }
  return v;
}

/**
 * axw_vouchers_lookup:
 *
 * Returns: (transfer full): what the shop knows of @code: imported,
 *   validly signed, or unknown (known = FALSE); %NULL only with @error
 */
AxwVoucher *
axw_vouchers_lookup (AxwDb       *db,
                     const char  *code,
                     GError     **error)
{
  g_autoptr(AxwVoucher) v = g_new0 (AxwVoucher, 1);
  g_autofree char *clean = g_strstrip (g_strdup (code ? code : ""));
  sqlite3_stmt *stmt;
  int rc;

  if (axw_signed_code_is (clean))
    return lookup_signed (db, clean, error);

  v->code = g_strdup (clean);
  stmt = axw_db_prepare (db, "SELECT c.name, c.funder, v.face_fen, v.min_spend_fen, v.valid_from, "
                             "v.valid_to, v.scope FROM vouchers v JOIN campaigns c ON c.id = "
                             "v.campaign_id "
                             "WHERE v.code = ?", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, clean);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      v->known = TRUE;
      v->campaign = axw_db_column_dup (stmt, 0);
      v->funder = axw_db_column_dup (stmt, 1);
      v->face_fen = sqlite3_column_int64 (stmt, 2);
      v->min_spend_fen = sqlite3_column_int64 (stmt, 3);
      v->valid_from = axw_db_column_dup (stmt, 4);
      v->valid_to = axw_db_column_dup (stmt, 5);
      axw_scope_from_string ((const char *) sqlite3_column_text (stmt, 6), &v->scope);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  if (!is_redeemed (db, clean, &v->redeemed, error))
    return NULL;
  return g_steal_pointer (&v);
}
