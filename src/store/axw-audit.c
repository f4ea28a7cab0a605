/* axw-audit.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log is append-only: triggers in the schema refuse UPDATE and
 * DELETE, so a row once written stays as it was.
 */
#include <glib/gi18n.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"

/* Returns: (transfer full): the current UTC time, ISO-8601 with ms */
char *
axw_now_utc_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return axw_time_to_utc_iso (now);
}

/**
 * axw_audit_append:
 * @staff: (nullable): who did it
 * @action: a stable word: "sale", "refund", "price", "stocktake", "login"…
 * @detail: (nullable): what changed, for people
 */
gboolean
axw_audit_append (AxwDb       *db,
                  const char  *staff,
                  const char  *action,
                  const char  *detail,
                  GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
                         "INSERT INTO audit_log (at, staff, action, detail) VALUES (?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, now);
  axw_db_bind_text (stmt, 2, staff);
  axw_db_bind_text (stmt, 3, action);
  axw_db_bind_text (stmt, 4, detail ? detail : "");
  return axw_db_step_done (db, stmt, error);
}

void
axw_audit_entry_free (gpointer data)
{
  AxwAuditEntry *e = data;

  g_free (e->at);
  g_free (e->staff);
  g_free (e->action);
  g_free (e->detail);
  g_free (e);
}

static gpointer
audit_entry_from_row (sqlite3_stmt *stmt)
{
  AxwAuditEntry *e = g_new0 (AxwAuditEntry, 1);

  e->at = axw_db_column_dup (stmt, 0);
  e->staff = axw_db_column_dup (stmt, 1);
  e->action = axw_db_column_dup (stmt, 2);
  e->detail = axw_db_column_dup (stmt, 3);
  return e;
}

/**
 * axw_audit_list:
 *
 * Returns: (transfer full) (element-type AxwAuditEntry): at most @limit rows
 */
GPtrArray *
axw_audit_list (AxwDb       *db,
                const char  *filter,
                guint        limit,
                GError     **error)
{
  g_autofree char *like = g_strdup_printf ("%%%s%%", filter ? filter : "");
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "SELECT at, coalesce (staff, ''), action, detail FROM audit_log "
                             "WHERE ?1 = '%%' OR staff LIKE ?1 OR action LIKE ?1 OR detail LIKE ?1 "
                             "ORDER BY id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, like);
  sqlite3_bind_int64 (stmt, 2, limit);
  return axw_db_collect (db, stmt, audit_entry_from_row, axw_audit_entry_free, error);
}

/* For people ---------------------------------------------------------------
 * Rows are stored as written (action codes, details in a fixed English
 * form) and never change; the manager reads them in the shop's language. */

static const struct {
  const char *action;
  const char *name;
} action_names[] = {
  { "sale", N_("Sale") },
  { "refund", N_("Refund") },
  { "settings.set", N_("Setting changed") },
  { "staff.add", N_("Staff added") },
  { "staff.pin", N_("PIN changed") },
  { "staff.role", N_("Role changed") },
  { "staff.unlock", N_("Staff unlocked") },
  { "login.failed", N_("Wrong PIN") },
  { "login.locked", N_("Login locked") },
  { "product.add", N_("Product added") },
  { "product.edit", N_("Product changed") },
  { "product.import", N_("Products imported") },
  { "stock.adjust", N_("Stock adjusted") },
  { "stock.repair", N_("Stock repaired") },
  { "promotion.save", N_("Promotion saved") },
  { "promotion.remove", N_("Promotion removed") },
  { "promotion.import", N_("Promotions imported") },
  { "voucher.import", N_("Red packets imported") },
  { "voucher.trust", N_("Funder key trusted") },
  { "voucher.untrust", N_("Funder key removed") },
  { "online.import", N_("Online orders imported") },
  { "sync.retry", N_("Sent again") },
  { "export", N_("Export") },
  { "backup.run", N_("Backup") },
  { "backup.restore", N_("Backup restored") },
  { "z_close", N_("Day closed (Z)") },
  { "shift_open", N_("Shift opened") },
  { "shift_close", N_("Shift closed") },
  { "cash_movement", N_("Cash in or out") },
  { "z_reprint", N_("Day report printed again") },
  { "receipt.reprint", N_("Receipt printed again") },
  { "receipt.donation", N_("Donation receipt") },
  { "export.claim", N_("Subsidy claim saved") },
  { "export.report", N_("Report saved") },
  { "export.settlement", N_("Consignment settlement saved") },
  { "export.donations", N_("Donation book saved") },
  { "export.online", N_("Files for the online shop") },
  { "void", N_("Sale voided") },
  { "price-override", N_("Price changed at the counter") },
  { "no-sale", N_("Drawer opened, no sale") },
  { "return-no-receipt", N_("Return without a receipt") },
  { "remove-line", N_("Line removed") },
  { "restore-line", N_("Removed line put back") },
  { "discard-cart", N_("Sale discarded") },
  { "product.retire", N_("Product retired") },
  { "product.restore", N_("Product back on sale") },
  { "staff.activate", N_("Staff can log in again") },
  { "staff.deactivate", N_("Staff can no longer log in") },
  { "supplier.add", N_("Supplier added") },
  { "delivery.receive", N_("Goods received") },
  { "delivery.return", N_("Goods returned to the supplier") },
  { "consignment.settle", N_("Consignment settled") },
  { "fund.add", N_("Fund added") },
  { "fund.end", N_("Fund ended") },
  { "district.pull", N_("Catalog from the district hub") },
  { "district.resolve", N_("Red packet conflict resolved") },
};

/**
 * axw_audit_action_name:
 * @action: an action code as stored, like "product.import"
 *
 * Returns: (transfer none): what it was, in the user's language; an
 *   unknown code as it is
 */
const char *
axw_audit_action_name (const char *action)
{
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (action_names); i++)
    if (g_str_equal (action_names[i].action, action))
      return _(action_names[i].name);
  return action ? action : "";
}

/* The fixed forms the store writes, first match wins; \\N in the
 * (translated) replacement is the Nth group. */
static const struct {
  const char *action;
  const char *pattern;
  const char *replacement;
} detail_forms[] = {
  { "sale", "^sale (\\S+) ￥(\\S+)$", N_("\\1, total ￥\\2") },
  { "refund", "^refund (\\S+) ￥(\\S+)$", N_("\\1, total ￥\\2") },
  { "product.import", "^(\\d+) new, (\\d+) updated, (\\d+) unchanged$",
    N_("\\1 new, \\2 updated, \\3 unchanged") },
  { "product.add", "^(\\S+) (.+) price (\\S+) stock (\\S+) aid ([01])(.*)$",
    N_("\\1 \\2, price \\3, stock \\4, aid goods \\5\\6") },
  { "product.edit", "^(\\S+) (.+) price (\\S+) stock (\\S+) aid ([01])(.*)$",
    N_("\\1 \\2, price \\3, stock \\4, aid goods \\5\\6") },
  { "stock.adjust", "^product (\\d+) (\\S+) (.+) (\\S+) \\((\\S+) → (\\S+)\\): (.*)$",
    N_("product \\1 \\2 \\3 \\4 (\\5 → \\6): \\7") },
  { "voucher.import", "^(\\d+) red packets$", N_("\\1 red packets") },
  { "promotion.import", "^(\\d+) promotions$", N_("\\1 promotions") },
  { "online.import", "^(\\d+) orders applied, (\\d+) already applied$",
    N_("\\1 orders applied, \\2 already applied") },
  { "sync.retry", "^(\\d+) sales queued again$", N_("\\1 sales queued again") },
  { "sync.retry", "^(\\S+) queued again$", N_("\\1 queued again") },
  { "export", "^(\\d+) sales to (.*) \\(full\\)$", N_("\\1 sales to \\2 (all of them)") },
  { "export", "^(\\d+) sales to (.*)$", N_("\\1 sales to \\2") },
  { "backup.restore", "^(.*) \\(data before: (.*)\\)$", N_("\\1 (the data before: \\2)") },
  { "shift_open", "^shift (\\d+) float ￥(\\S+)$", N_("shift \\1, float ￥\\2") },
  { "cash_movement", "^shift (\\d+) ￥(\\S+) (.*)$", N_("shift \\1, ￥\\2, \\3") },
  { "shift_close", "^shift (\\d+) expected (-?\\d+) counted (-?\\d+) fen$",
    N_("shift \\1, expected \\2 fen, counted \\3 fen") },
};

/**
 * axw_audit_detail_text:
 * @action: the row's action code
 * @detail: (nullable): the row's detail as stored
 *
 * Returns: (transfer full): the detail in the user's language when it
 *   has one of the store's fixed forms, else as stored
 */
char *
axw_audit_detail_text (const char *action,
                       const char *detail)
{
  if (detail == NULL)
    return g_strdup ("");
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (detail_forms); i++)
    {
      g_autoptr(GRegex) re = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_equal (detail_forms[i].action, action))
        continue;
      re = g_regex_new (detail_forms[i].pattern, 0, 0, NULL);
      g_assert (re != NULL);
      if (g_regex_match (re, detail, 0, &match))
        return g_match_info_expand_references (match, _(detail_forms[i].replacement), NULL);
    }
  return g_strdup (detail);
}
