/* axw-products.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-csv.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-pinyin.h"
#include "axw-products.h"

#define PRODUCT_COLUMNS \
  "p.id, p.barcode, p.plu, p.name, coalesce (c.name, ''), p.origin, p.price_fen, " \
  "p.unit = 'kg', p.aid_eligible, p.stock_milli, p.pinyin, p.updated_at, " \
  "coalesce (s.name, ''), p.cost_fen, p.low_stock_milli, p.open_price, NOT p.active, " \
  "coalesce (f.name, ''), p.fund_discounts " \
  "FROM products p LEFT JOIN categories c ON c.id = p.category_id " \
  "LEFT JOIN suppliers s ON s.id = p.supplier_id LEFT JOIN funds f ON f.id = p.fund_id "

AxwProduct *
axw_product_new (void)
{
  AxwProduct *p = g_new0 (AxwProduct, 1);

  p->name = g_strdup ("");
  p->category = g_strdup ("");
  p->origin = g_strdup ("");
  p->fund = g_strdup ("");
  p->pinyin = g_strdup ("");
  p->supplier = g_strdup ("");
  return p;
}

void
axw_product_free (AxwProduct *product)
{
  if (product == NULL)
    return;
  g_free (product->barcode);
  g_free (product->plu);
  g_free (product->name);
  g_free (product->category);
  g_free (product->origin);
  g_free (product->fund);
  g_free (product->pinyin);
  g_free (product->supplier);
  g_free (product->updated_at);
  g_free (product);
}

/* Returns: (transfer full) */
AxwProduct *
axw_product_copy (const AxwProduct *product)
{
  AxwProduct *p = g_memdup2 (product, sizeof *product);

  p->barcode = g_strdup (product->barcode);
  p->plu = g_strdup (product->plu);
  p->name = g_strdup (product->name);
  p->category = g_strdup (product->category);
  p->origin = g_strdup (product->origin);
  p->fund = g_strdup (product->fund);
  p->pinyin = g_strdup (product->pinyin);
  p->supplier = g_strdup (product->supplier);
  p->updated_at = g_strdup (product->updated_at);
  return p;
}

/* Returns: (transfer full): the online shop's stock-keeping unit, the
 * barcode, else "PLU" + PLU */
char *
axw_product_dup_sku (const AxwProduct *product)
{
  if (product->barcode)
    return g_strdup (product->barcode);
  return g_strdup_printf ("PLU%s", product->plu ? product->plu : "");
}

static gpointer
product_from_row (sqlite3_stmt *stmt)
{
  AxwProduct *p = g_new0 (AxwProduct, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->barcode = axw_db_column_dup (stmt, 1);
  p->plu = axw_db_column_dup (stmt, 2);
  p->name = axw_db_column_dup (stmt, 3);
  p->category = axw_db_column_dup (stmt, 4);
  p->origin = axw_db_column_dup (stmt, 5);
  p->price_fen = sqlite3_column_int64 (stmt, 6);
  p->per_kg = sqlite3_column_int (stmt, 7);
  p->aid_eligible = sqlite3_column_int (stmt, 8);
  p->stock_milli = sqlite3_column_int64 (stmt, 9);
  p->pinyin = axw_db_column_dup (stmt, 10);
  p->updated_at = axw_db_column_dup (stmt, 11);
  p->supplier = axw_db_column_dup (stmt, 12);
  p->cost_fen = sqlite3_column_int64 (stmt, 13);
  p->low_stock_milli = sqlite3_column_int64 (stmt, 14);
  p->open_price = sqlite3_column_int (stmt, 15);
  p->retired = sqlite3_column_int (stmt, 16);
  p->fund = axw_db_column_dup (stmt, 17);
  p->fund_discounts = sqlite3_column_int (stmt, 18) != 0;
  return p;
}

/* Runs a one-parameter product query; NULL without error when no row. */
static AxwProduct *
query_one (AxwDb       *db,
           const char  *sql,
           const char  *text,
           gint64       id,
           GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (text)
    axw_db_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  return axw_db_read_one (db, stmt, product_from_row, error);
}

AxwProduct *
axw_products_get (AxwDb   *db,
                  gint64   id,
                  GError **error)
{
  GError *local = NULL;
  AxwProduct *p = query_one (db, "SELECT " PRODUCT_COLUMNS "WHERE p.id = ?", NULL, id, &local);

  if (p == NULL && local == NULL)
    g_set_error (&local, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("Product %lld does not exist"),
                 (long long) id);
  if (local)
    g_propagate_error (error, local);
  return p;
}

/* Returns: (nullable): the product, %NULL without error when not found */
AxwProduct *
axw_products_find_barcode (AxwDb       *db,
                           const char  *barcode,
                           GError     **error)
{
  return query_one (db, "SELECT " PRODUCT_COLUMNS "WHERE p.barcode = ? AND p.active",
                    barcode, 0, error);
}

/* Returns: (nullable): the product, %NULL without error when not found */
AxwProduct *
axw_products_find_plu (AxwDb       *db,
                       const char  *plu,
                       GError     **error)
{
  return query_one (db, "SELECT " PRODUCT_COLUMNS "WHERE p.plu = ? AND p.active", plu, 0, error);
}

/* Retired products too: codes stay theirs, and an import or a save
 * updates a retired product (it stays retired) instead of adding one. */
static AxwProduct *
find_code_any (AxwDb       *db,
               const char  *column,
               const char  *code,
               GError     **error)
{
  return query_one (db, g_str_equal (column, "plu") ? "SELECT " PRODUCT_COLUMNS "WHERE p.plu = ?"
                                                    : "SELECT " PRODUCT_COLUMNS "WHERE p.barcode = ?",
                    code, 0, error);
}

/* Strips leading zeros, so PLU 000123 on a label finds PLU 123. */
static const char *
plu_digits (const char *plu)
{
  while (plu[0] == '0' && plu[1] != '\0')
    plu++;
  return plu;
}

/**
 * axw_products_lookup_scan:
 *
 * DESIGN §4: an exact catalog match wins; then the same UPC-A in its
 * other form (12 digits, or 13 with a leading 0); then a scale label's
 * PLU. A label that also reads as a payment code is refused as one when
 * no product has its PLU.
 *
 * Returns: (transfer full): the product, or %NULL with @error set
 */
AxwProduct *
axw_products_lookup_scan (AxwDb          *db,
                          const AxwScan  *scan,
                          GError        **error)
{
  GError *local = NULL;
  AxwProduct *p;

  p = axw_products_find_barcode (db, scan->code, &local);
  if (p == NULL && local == NULL && (scan->ean13[0] || scan->upca[0]))
    p = axw_products_find_barcode (db, scan->ean13[0] ? scan->ean13 : scan->upca, &local);
  if (p == NULL && local == NULL && scan->embedded)
    {
      p = axw_products_find_plu (db, scan->plu, &local);
      if (p == NULL && local == NULL)
        p = axw_products_find_plu (db, plu_digits (scan->plu), &local);
      if (p == NULL && local == NULL && scan->payment_wallet != NULL)
        {
          axw_barcode_set_payment_code_error (scan->payment_wallet, error);
          return NULL;
        }
      if (p == NULL && local == NULL)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                       _("Scale label %s: no product has PLU %s. Check the scale's PLU list."),
                       scan->code, scan->plu);
          return NULL;
        }
    }
  if (local)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (p == NULL)
    {
      g_autoptr(AxwProduct) retired = find_code_any (db, "barcode", scan->code, NULL);

      if (retired != NULL)
        g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                     _("%s is retired: it is no longer sold. Put it aside and tell the manager."),
                     retired->name);
      else
        g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                     _("Barcode %s is not in the catalog. Put the item aside and ask the manager "
                       "to add it."),
                     scan->code);
    }
  return p;
}

/* The rows of @stmt (PRODUCT_COLUMNS), which is reset. */
static GPtrArray *
collect_products (AxwDb         *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{

  return axw_db_collect (db, stmt, product_from_row, (GDestroyNotify) axw_product_free, error);
}

static GPtrArray *
search (AxwDb       *db,
        const char  *query,
        guint        limit,
        gboolean     retired_too,
        GError     **error)
{
  g_autofree char *lower = g_utf8_strdown (query ? query : "", -1);
  g_autofree char *escaped = NULL;
  g_autofree char *like = NULL;
  g_autofree char *prefix = NULL;
  GString *e = g_string_new (NULL);
  sqlite3_stmt *stmt;

  for (const char *p = lower; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (e, '\\');
      g_string_append_c (e, *p);
    }
  escaped = g_string_free (e, FALSE);
  like = g_strdup_printf ("%%%s%%", escaped);
  prefix = g_strdup_printf ("%s%%", escaped);

  stmt = axw_db_prepare (db, "SELECT " PRODUCT_COLUMNS
                             "WHERE (p.active OR ?5) AND (p.name LIKE ?1 ESCAPE '\\' "
                             "  OR p.pinyin LIKE ?2 ESCAPE '\\' OR p.barcode LIKE ?2 ESCAPE '\\' "
                             "  OR p.plu = ?3) "
                             "ORDER BY (p.pinyin LIKE ?2 ESCAPE '\\') DESC, length (p.name), "
                             "p.name "
                             "LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, like);
  axw_db_bind_text (stmt, 2, prefix);
  axw_db_bind_text (stmt, 3, lower);
  sqlite3_bind_int (stmt, 4, (int) limit);
  sqlite3_bind_int (stmt, 5, retired_too);
  return collect_products (db, stmt, error);
}

/**
 * axw_products_search:
 * @query: part of the name, pinyin initials (“csr”), or barcode digits
 *
 * Returns: (transfer full) (element-type AxwProduct): products on sale
 *   that match, by name
 */
GPtrArray *
axw_products_search (AxwDb       *db,
                     const char  *query,
                     guint        limit,
                     GError     **error)
{
  return search (db, query, limit, FALSE, error);
}

/**
 * axw_products_search_with_retired:
 *
 * axw_products_search() with the retired products too (the manager's
 * Products page, where a retired product is brought back).
 *
 * Returns: (transfer full) (element-type AxwProduct): matches, by name
 */
GPtrArray *
axw_products_search_with_retired (AxwDb       *db,
                                  const char  *query,
                                  guint        limit,
                                  GError     **error)
{
  return search (db, query, limit, TRUE, error);
}

/**
 * axw_products_set_retired:
 * @code: the product's barcode or PLU
 * @staff: (nullable): who did it, for the audit log
 *
 * A retired product is kept (past sales name it) but no longer sold,
 * searched at the counter or exported; restoring it sells it again.
 */
gboolean
axw_products_set_retired (AxwDb       *db,
                          const char  *code,
                          gboolean     retired,
                          const char  *staff,
                          GError     **error)
{
  g_autoptr(AxwProduct) p = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *detail = NULL;
  GError *local = NULL;
  sqlite3_stmt *stmt;

  if ((p = find_code_any (db, "barcode", code, &local)) == NULL && local == NULL)
    p = find_code_any (db, "plu", code, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (p == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("No product has the barcode or PLU %s."), code);
      return FALSE;
    }
  sku = axw_product_dup_sku (p);
  detail = g_strdup_printf ("%s %s", sku, p->name);
  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db, "UPDATE products SET active = ?, updated_at = ? WHERE id = ?", error);
  if (stmt != NULL)
    {
      g_autofree char *now = axw_now_utc_iso ();

      sqlite3_bind_int (stmt, 1, !retired);
      axw_db_bind_text (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, p->id);
    }
  if (stmt == NULL || !axw_db_step_done (db, stmt, error) ||
      !axw_audit_append (db, staff, retired ? "product.retire" : "product.restore", detail, error))
    {
      axw_db_rollback (db);
      return FALSE;
    }
  return axw_db_commit (db, error);
}

/* Whether @text is all digits: a code, not a search. */
gboolean
axw_products_is_code (const char *text)
{
  return *text && strspn (text, "0123456789") == strlen (text);
}

/**
 * axw_products_low_stock:
 * @limit: at most this many
 *
 * Returns: (transfer full) (element-type AxwProduct): the products with a
 *   low-stock threshold whose stock is at or under it, the emptiest first
 */
GPtrArray *
axw_products_low_stock (AxwDb   *db,
                        guint    limit,
                        GError **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT " PRODUCT_COLUMNS
                                           "WHERE p.active AND p.low_stock_milli > 0 "
                                           "  AND p.stock_milli <= p.low_stock_milli "
                                           "ORDER BY p.stock_milli * 1.0 / p.low_stock_milli, "
                                           "p.name LIMIT ?",
                                       error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) limit);
  return collect_products (db, stmt, error);
}

/**
 * axw_products_find_typed:
 * @text: a barcode or PLU, or a search (name, pinyin initials)
 *
 * What a manager's scan-or-search entry finds: a code (checked, and a scale
 * label's PLU), else the one product a search finds.
 *
 * Returns: (transfer full): the product, or %NULL with an error that says
 *   what to do (a misread code, none or several found)
 */
AxwProduct *
axw_products_find_typed (AxwDb       *db,
                         const char  *text,
                         GError     **error)
{
  g_autofree char *code = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GPtrArray) found = NULL;
  GError *local = NULL;
  AxwProduct *p = NULL;
  AxwScan scan;

  if (axw_barcode_parse (code, NULL, &scan, axw_products_is_code (code) ? &local : NULL))
    p = axw_products_lookup_scan (db, &scan, NULL);
  if (p == NULL && local == NULL && axw_products_is_code (code))
    p = axw_products_find_plu (db, code, NULL);
  if (p == NULL && local == NULL)
    {
      found = axw_products_search (db, code, 2, &local);
      if (found && found->len == 1)
        p = g_steal_pointer (&found->pdata[0]);
      else if (found && found->len == 0)
        g_set_error (&local, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                     _("No product matches “%s”. Check the code or search by name."), code);
      else if (found)
        g_set_error (&local, AXW_ERROR, AXW_ERROR_CONFLICT,
                     _("Several products match “%s”: pick one from the list or type more."), code);
    }
  if (local)
    g_propagate_error (error, local);
  return p;
}

gint64
axw_products_count (AxwDb *db)
{
  return axw_db_query_int (db, "SELECT count(*) FROM products WHERE active", 0);
}

static gboolean
category_id (AxwDb       *db,
             const char  *name,
             gint64      *out_id,
             GError     **error)
{
  sqlite3_stmt *stmt;

  *out_id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  stmt = axw_db_prepare (db, "INSERT INTO categories (name) VALUES (?) "
                             "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, name);
  if (!axw_db_step_int (db, stmt, out_id, error))
    return FALSE;
  return TRUE;
}

static gboolean
same_product (const AxwProduct *a,
              const AxwProduct *b)
{
  return g_strcmp0 (a->barcode, b->barcode) == 0 && g_strcmp0 (a->plu, b->plu) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->category, b->category) == 0 &&
         g_strcmp0 (a->origin, b->origin) == 0 && a->price_fen == b->price_fen &&
         a->per_kg == b->per_kg && a->aid_eligible == b->aid_eligible &&
         a->stock_milli == b->stock_milli && g_strcmp0 (a->supplier, b->supplier) == 0 &&
         a->cost_fen == b->cost_fen && a->low_stock_milli == b->low_stock_milli &&
         a->open_price == b->open_price &&
         g_strcmp0 (a->fund, b->fund) == 0 && a->fund_discounts == b->fund_discounts;
}

/* Writes the row; the caller holds the transaction and the audit. */
static gboolean
write_product (AxwDb       *db,
               AxwProduct  *p,
               GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *pinyin = axw_pinyin_initials (p->name);
  sqlite3_stmt *stmt;
  gint64 cat;

  if (!category_id (db, p->category, &cat, error))
    return FALSE;
  if (p->id == 0)
    stmt = axw_db_prepare (db, "INSERT INTO products (barcode, plu, name, category_id, origin, "
                               "price_fen, unit, aid_eligible, stock_milli, pinyin, updated_at, "
                               "id, supplier_id, cost_fen, "
                               "low_stock_milli, open_price, fund_id, fund_discounts) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, "
                               "(SELECT id FROM suppliers WHERE name = ?13), ?14, ?15, ?16, "
                               "(SELECT id FROM funds WHERE name = ?17), ?18) RETURNING id",
                           error);
  else
    stmt = axw_db_prepare (db, "UPDATE products SET barcode = ?1, plu = ?2, name = ?3, "
                               "category_id = ?4, origin = ?5, price_fen = ?6, unit = ?7, "
                               "aid_eligible = ?8, stock_milli = ?9, pinyin = ?10, updated_at = "
                               "?11, "
                               "supplier_id = (SELECT id FROM suppliers WHERE name = ?13), "
                               "cost_fen = ?14, low_stock_milli = ?15, open_price = ?16, "
                               "fund_id = (SELECT id FROM funds WHERE name = ?17), fund_discounts "
                               "= ?18 "
                               "WHERE id = ?12 RETURNING id",
                           error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, p->barcode);
  axw_db_bind_text (stmt, 2, p->plu);
  axw_db_bind_text (stmt, 3, p->name);
  if (cat)
    sqlite3_bind_int64 (stmt, 4, cat);
  axw_db_bind_text (stmt, 5, p->origin ? p->origin : "");
  sqlite3_bind_int64 (stmt, 6, p->price_fen);
  axw_db_bind_text (stmt, 7, p->per_kg ? "kg" : "piece");
  sqlite3_bind_int (stmt, 8, p->aid_eligible ? 1 : 0);
  sqlite3_bind_int64 (stmt, 9, p->stock_milli);
  axw_db_bind_text (stmt, 10, pinyin);
  axw_db_bind_text (stmt, 11, now);
  if (p->id)
    sqlite3_bind_int64 (stmt, 12, p->id);
  axw_db_bind_text (stmt, 13, p->supplier);
  sqlite3_bind_int64 (stmt, 14, p->cost_fen);
  sqlite3_bind_int64 (stmt, 15, p->low_stock_milli);
  sqlite3_bind_int (stmt, 16, p->open_price ? 1 : 0);
  axw_db_bind_text (stmt, 17, p->fund);
  sqlite3_bind_int (stmt, 18, p->fund_discounts ? 1 : 0);
  if (!axw_db_step_int (db, stmt, &p->id, error))
    return FALSE;
  g_free (p->updated_at);
  p->updated_at = g_steal_pointer (&now);
  g_free (p->pinyin);
  p->pinyin = g_steal_pointer (&pinyin);
  return TRUE;
}

static gboolean
code_taken (AxwDb             *db,
            const AxwProduct  *product,
            const char        *what,
            AxwProduct        *other,
            GError           **error)
{
  g_autoptr(AxwProduct) owner = other;

  if (owner == NULL || owner->id == product->id)
    return FALSE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("%s is already used by “%s”. Check the code."), what, owner->name);
  return TRUE;
}

/* What a product needs before it is saved; the error says what to fix. */
static gboolean
check_for_save (AxwDb             *db,
                const AxwProduct  *p,
                GError           **error)
{
  g_autofree char *barcode = NULL;
  g_autofree char *plu = NULL;
  GError *local = NULL;
  AxwScan scan;

  if (p->name == NULL || *p->name == '\0' ||
      ((p->barcode == NULL || !*p->barcode) && (p->plu == NULL || !*p->plu)))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("A product needs a name and a barcode or PLU"));
      return FALSE;
    }
  if (p->barcode && *p->barcode && !axw_barcode_parse (p->barcode, NULL, &scan, &local))
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (p->plu && *p->plu &&
      (strlen (p->plu) > 12 || strspn (p->plu, "0123456789") != strlen (p->plu)))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("PLU %s: a PLU is 1 to 12 digits"),
                   p->plu);
      return FALSE;
    }
  if (p->price_fen < 0 || p->stock_milli < 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Price and stock cannot be negative"));
      return FALSE;
    }
  barcode = p->barcode ? g_strdup_printf (_("Barcode %s"), p->barcode) : NULL;
  plu = p->plu ? g_strdup_printf (_("PLU %s"), p->plu) : NULL;
  if ((p->barcode &&
       code_taken (db, p, barcode, find_code_any (db, "barcode", p->barcode, NULL), error)) ||
      (p->plu && code_taken (db, p, plu, find_code_any (db, "plu", p->plu, NULL), error)))
    return FALSE;
  return TRUE;
}

static void
append_field (GString    *out,
              const char *what,
              const char *before,
              const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  g_string_append_printf (out, "%s%s %s → %s", out->len ? ", " : "", what,
                          before && *before ? before : "—", after && *after ? after : "—");
}

/* “price ¥28.00 → ¥30.00, stock 50 → 40”: in the UI language for people,
 * or in English for the audit log, which is data. */
static void
describe_fields (GString          *what,
                 const AxwProduct *b,
                 const AxwProduct *a,
                 gboolean          translate)
{
  g_autofree char *price = axw_money_format (a->price_fen);
  g_autofree char *stock = axw_qty_format (a->stock_milli);
  g_autofree char *old_price = axw_money_format (b->price_fen);
  g_autofree char *old_stock = axw_qty_format (b->stock_milli);
  g_autofree char *old_price_y = g_strconcat ("¥", old_price, NULL);
  g_autofree char *price_y = g_strconcat ("¥", price, NULL);
  const char *yes = translate ? _("yes") : "yes";
  const char *no = translate ? _("no") : "no";

  append_field (what, translate ? _("price") : "price", old_price_y, price_y);
  append_field (what, translate ? _("stock") : "stock", old_stock, stock);
  append_field (what, translate ? _("name") : "name", b->name, a->name);
  append_field (what, translate ? _("category") : "category", b->category, a->category);
  append_field (what, translate ? _("origin") : "origin", b->origin, a->origin);
  append_field (what, translate ? _("barcode") : "barcode", b->barcode, a->barcode);
  append_field (what, translate ? _("PLU") : "PLU", b->plu, a->plu);
  append_field (what, translate ? _("unit") : "unit", b->per_kg ? "kg" : "piece",
                a->per_kg ? "kg" : "piece");
  append_field (what, translate ? _("aid") : "aid", b->aid_eligible ? yes : no,
                a->aid_eligible ? yes : no);
  append_field (what, translate ? _("open price") : "open price", b->open_price ? yes : no,
                a->open_price ? yes : no);
  append_field (what, translate ? _("supplier") : "supplier", b->supplier, a->supplier);
  if (a->low_stock_milli != b->low_stock_milli)
    {
      g_autofree char *low = axw_qty_format (a->low_stock_milli);
      g_autofree char *old_low = axw_qty_format (b->low_stock_milli);

      append_field (what, translate ? _("low stock") : "low stock", old_low, low);
    }
  if (a->cost_fen != b->cost_fen)
    {
      g_autofree char *cost = axw_money_format (a->cost_fen);
      g_autofree char *old_cost = axw_money_format (b->cost_fen);

      append_field (what, translate ? _("cost") : "cost", old_cost, cost);
    }
  append_field (what, translate ? _("fund") : "fund", b->fund, a->fund);
  append_field (what, translate ? _("discounts on charity goods") : "fund_discounts",
                b->fund_discounts ? yes : no, a->fund_discounts ? yes : no);
}

/**
 * axw_products_save:
 * @product: inserted when its id is 0 (the id is set), else updated
 * @staff: (nullable): who changed it, for the audit log
 */
gboolean
axw_products_save (AxwDb       *db,
                   AxwProduct  *product,
                   const char  *staff,
                   GError     **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *price = axw_money_format (product->price_fen);
  g_autofree char *stock = axw_qty_format (product->stock_milli);
  gboolean is_new = product->id == 0;
  g_autoptr(AxwProduct) before = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);

  if (!check_for_save (db, product, error))
    return FALSE;
  if (!axw_db_begin (db, error))
    return FALSE;
  if (!is_new && (before = axw_products_get (db, product->id, error)) == NULL)
    {
      axw_db_rollback (db);
      return FALSE;
    }
  if (before)
    describe_fields (changed, before, product, FALSE);
  sku = axw_product_dup_sku (product);
  detail = g_strdup_printf ("%s %s price %s stock %s aid %d%s%s", sku, product->name, price, stock,
                            product->aid_eligible, changed->len ? ": " : "", changed->str);
  if (!write_product (db, product, error) ||
      !axw_audit_append (db, staff, is_new ? "product.add" : "product.edit", detail, error))
    {
      axw_db_rollback (db);
      return FALSE;
    }
  return axw_db_commit (db, error);
}

/**
 * axw_products_adjust_in_transaction:
 *
 * Changes the stock by @delta_milli and audits product, from, to and
 * reason; the caller holds the transaction.
 */
gboolean
axw_products_adjust_in_transaction (AxwDb       *db,
                                    gint64       id,
                                    gint64       delta_milli,
                                    const char  *reason,
                                    const char  *staff,
                                    GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *qty = axw_qty_format (delta_milli);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 after;
  int rc;

  stmt = axw_db_prepare (db, "UPDATE products SET stock_milli = stock_milli + ?, updated_at = ? "
                             "WHERE id = ? RETURNING stock_milli, coalesce (barcode, 'PLU' || "
                             "plu), name",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, delta_milli);
  axw_db_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return axw_db_set_error (db, rc, error);
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("Product %lld does not exist"),
                   (long long) id);
      return FALSE;
    }
  after = sqlite3_column_int64 (stmt, 0);
  sku = axw_db_column_dup (stmt, 1);
  name = axw_db_column_dup (stmt, 2);
  sqlite3_reset (stmt);
  from = axw_qty_format (after - delta_milli);
  to = axw_qty_format (after);
  detail = g_strdup_printf ("product %" G_GINT64_FORMAT " %s %s %s%s (%s → %s): %s", id, sku, name,
                            delta_milli > 0 ? "+" : "", qty, from, to, reason);
  return axw_audit_append (db, staff, "stock.adjust", detail, error);
}

/**
 * axw_products_adjust_stock:
 * @delta_milli: counted minus expected, or goods received
 * @reason: "stocktake", "received", "damaged"…
 *
 * Changes the stock and writes the audit row in one transaction.
 */
gboolean
axw_products_adjust_stock (AxwDb       *db,
                           gint64       id,
                           gint64       delta_milli,
                           const char  *reason,
                           const char  *staff,
                           GError     **error)
{
  if (!axw_db_begin (db, error))
    return FALSE;
  if (!axw_products_adjust_in_transaction (db, id, delta_milli, reason, staff, error))
    {
      axw_db_rollback (db);
      return FALSE;
    }
  return axw_db_commit (db, error);
}

/**
 * axw_products_stocktake:
 * @counts: (array length=n_counts): what was counted
 * @n_changed: (out) (optional): how many products' stock changed
 *
 * Sets each product's stock to what was counted, in one transaction; each
 * product whose stock changes gets an audit row (from, to, "stocktake").
 * A negative count or an unknown product changes nothing at all.
 */
gboolean
axw_products_stocktake (AxwDb                *db,
                        const AxwStockCount  *counts,
                        guint                 n_counts,
                        const char           *staff,
                        guint                *n_changed,
                        GError              **error)
{
  guint changed = 0;

  g_return_val_if_fail (counts != NULL || n_counts == 0, FALSE);
  if (!axw_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n_counts; i++)
    {
      g_autoptr(AxwProduct) p = NULL;

      if (counts[i].counted_milli < 0)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("A counted quantity cannot be negative. Nothing was changed."));
          goto fail;
        }
      p = axw_products_get (db, counts[i].product_id, error);
      if (p == NULL)
        goto fail;
      if (p->stock_milli == counts[i].counted_milli)
        continue;
      if (!axw_products_adjust_in_transaction (db, p->id, counts[i].counted_milli - p->stock_milli,
                                               "stocktake", staff, error))
        goto fail;
      changed++;
    }
  if (!axw_db_commit (db, error))
    return FALSE;
  if (n_changed)
    *n_changed = changed;
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

static const char * const csv_columns[] = {
  "barcode", "plu", "name", "category", "origin", "price", "unit", "aid_eligible", "stock",
  "supplier", "cost", "low_stock", "fund", "fund_discounts", NULL
};
static const char * const csv_required[] = { "name", "price", NULL };

static gboolean
parse_bool (const char *v,
            gboolean   *out)
{
  if (g_str_equal (v, "1") || g_ascii_strcasecmp (v, "true") == 0 || g_str_equal (v, "是"))
    *out = TRUE;
  else if (g_str_equal (v, "0") || g_ascii_strcasecmp (v, "false") == 0 || g_str_equal (v, "否"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static char *
field (AxwCsv     *csv,
       guint       row,
       const char *column)
{
  const char *v = axw_csv_get (csv, row, column);

  return v ? g_strstrip (g_strdup (v)) : NULL;
}

/* The optional fields a row gives. A column the file does not have, or an
 * empty unit, aid_eligible or stock cell, keeps what the catalog has: a
 * price list of barcode,name,price changes prices and names only. */
typedef enum {
  GIVEN_BARCODE  = 1 << 0,
  GIVEN_PLU      = 1 << 1,
  GIVEN_CATEGORY = 1 << 2,
  GIVEN_ORIGIN   = 1 << 3,
  GIVEN_UNIT     = 1 << 4,
  GIVEN_AID      = 1 << 5,
  GIVEN_STOCK    = 1 << 6,
  GIVEN_SUPPLIER = 1 << 7,
  GIVEN_COST     = 1 << 8,
  GIVEN_LOW      = 1 << 9,
  GIVEN_FUND     = 1 << 10,
  GIVEN_FUND_DISCOUNTS = 1 << 11,
} Given;

/* Fills @p from one CSV row, and @given with the fields it gives; on
 * error names the row and column. */
static gboolean
product_from_csv (AxwCsv      *csv,
                  guint        row,
                  AxwProduct  *p,
                  Given       *given,
                  GError     **error)
{
  g_autofree char *price = field (csv, row, "price");
  g_autofree char *unit = field (csv, row, "unit");
  g_autofree char *aid = field (csv, row, "aid_eligible");
  g_autofree char *stock = field (csv, row, "stock");
  g_autofree char *cost = field (csv, row, "cost");
  g_autofree char *low = field (csv, row, "low_stock");
  g_autofree char *fund_discounts = field (csv, row, "fund_discounts");
  const char *column = NULL;
  GError *local = NULL;
  AxwScan scan;

  p->barcode = field (csv, row, "barcode");
  p->plu = field (csv, row, "plu");
  g_free (p->name);
  p->name = field (csv, row, "name");
  g_free (p->category);
  p->category = field (csv, row, "category");
  g_free (p->origin);
  p->origin = field (csv, row, "origin");
  g_free (p->supplier);
  p->supplier = field (csv, row, "supplier");
  g_free (p->fund);
  p->fund = field (csv, row, "fund");
  *given = (p->fund ? GIVEN_FUND : 0) | (fund_discounts &&
                                         *fund_discounts ? GIVEN_FUND_DISCOUNTS : 0) |
           (p->barcode ? GIVEN_BARCODE : 0) | (p->plu ? GIVEN_PLU : 0) |
           (p->category ? GIVEN_CATEGORY : 0) | (p->origin ? GIVEN_ORIGIN : 0) |
           (unit && *unit ? GIVEN_UNIT : 0) | (aid && *aid ? GIVEN_AID : 0) |
           (stock && *stock ? GIVEN_STOCK : 0) | (p->supplier ? GIVEN_SUPPLIER : 0) |
           (cost && *cost ? GIVEN_COST : 0) | (low && *low ? GIVEN_LOW : 0);
  if (p->barcode && !*p->barcode)
    g_clear_pointer (&p->barcode, g_free);
  if (p->plu && !*p->plu)
    g_clear_pointer (&p->plu, g_free);
  if (p->category == NULL)
    p->category = g_strdup ("");
  if (p->origin == NULL)
    p->origin = g_strdup ("");
  if (p->supplier == NULL)
    p->supplier = g_strdup ("");
  if (p->fund == NULL)
    p->fund = g_strdup ("");

  if (p->barcode == NULL && p->plu == NULL)
    {
      column = "barcode";
      g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("give a barcode or a PLU"));
    }
  else if (p->barcode && !axw_barcode_parse (p->barcode, NULL, &scan, &local))
    column = "barcode";
  else if (p->plu && (strlen (p->plu) > 12 || strspn (p->plu, "0123456789") != strlen (p->plu)))
    {
      column = "plu";
      g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("a PLU is 1 to 12 digits"));
    }
  else if (*p->name == '\0')
    {
      column = "name";
      g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("the name is empty"));
    }
  else if (!axw_money_parse (price, &p->price_fen, &local))
    column = "price";
  else if (unit && *unit && !g_str_equal (unit, "piece") && !g_str_equal (unit, "kg"))
    {
      column = "unit";
      g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("“%s” is not piece or kg"), unit);
    }
  else if (aid && *aid && !parse_bool (aid, &p->aid_eligible))
    {
      column = "aid_eligible";
      g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("“%s” is not 1/0, true/false or 是/否"),
                   aid);
    }
  else if (stock && *stock && !g_str_equal (stock, "0") &&
           !axw_qty_parse (stock, &p->stock_milli, &local))
    column = "stock";
  else if (cost && *cost && !axw_money_parse (cost, &p->cost_fen, &local))
    column = "cost";
  else if (low && *low && !g_str_equal (low, "0") &&
           !axw_qty_parse (low, &p->low_stock_milli, &local))
    column = "low_stock";
  else if (fund_discounts && *fund_discounts && !parse_bool (fund_discounts, &p->fund_discounts))
    {
      column = "fund_discounts";
      g_set_error (&local, AXW_ERROR, AXW_ERROR_INVALID, _("“%s” is not 1/0, true/false or 是/否"),
                   fund_discounts);
    }

  if (local != NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("Row %u (line %u), column “%s”: %s. Nothing was imported."),
                   row + 1, axw_csv_line_of_row (csv, row), column, local->message);
      g_error_free (local);
      return FALSE;
    }
  p->per_kg = unit && g_str_equal (unit, "kg");
  return TRUE;
}

static void
keep_str (char       **field_of_row,
          const char  *old)
{
  g_free (*field_of_row);
  *field_of_row = g_strdup (old);
}

/* What the row leaves out stays as @old has it. */
static void
keep_not_given (AxwProduct       *p,
                const AxwProduct *old,
                Given             given)
{
  if (!(given & GIVEN_BARCODE))
    keep_str (&p->barcode, old->barcode);
  if (!(given & GIVEN_PLU))
    keep_str (&p->plu, old->plu);
  if (!(given & GIVEN_CATEGORY))
    keep_str (&p->category, old->category);
  if (!(given & GIVEN_ORIGIN))
    keep_str (&p->origin, old->origin);
  if (!(given & GIVEN_UNIT))
    p->per_kg = old->per_kg;
  if (!(given & GIVEN_AID))
    p->aid_eligible = old->aid_eligible;
  if (!(given & GIVEN_STOCK))
    p->stock_milli = old->stock_milli;
  if (!(given & GIVEN_SUPPLIER))
    keep_str (&p->supplier, old->supplier);
  if (!(given & GIVEN_COST))
    p->cost_fen = old->cost_fen;
  if (!(given & GIVEN_LOW))
    p->low_stock_milli = old->low_stock_milli;
  p->open_price = old->open_price;    /* not a CSV column: set on the Products page */
  if (!(given & GIVEN_FUND))
    keep_str (&p->fund, old->fund);
  if (!(given & GIVEN_FUND_DISCOUNTS))
    p->fund_discounts = old->fund_discounts;
}

typedef struct {
  AxwDb          *db;
  gboolean        dry_run;
  AxwImportStats  counts;
  GPtrArray      *changes;    /* what to write, in file order */
  GHashTable     *touched;    /* product id → first row changing it */
  GHashTable     *plus;       /* PLU → first row giving it */
} ImportRun;

static gboolean
supplier_known (AxwDb       *db,
                const char  *name,
                GError     **error)
{
  gboolean exists = FALSE;

  if (!axw_db_row_exists (db, "SELECT 1 FROM suppliers WHERE name = ?", name, &exists, error))
    return FALSE;
  if (!exists)
    g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                 _("column “supplier”: there is no supplier “%s”; add it first. Nothing was "
                   "imported."),
                 name);
  return exists;
}

/* What a write would refuse, found before writing, so a dry run (which
 * writes nothing) refuses exactly what the import refuses. */
static gboolean
check_row_codes (ImportRun         *run,
                 guint              row,
                 const AxwProduct  *p,
                 const AxwProduct  *old,
                 GError           **error)
{
  g_autoptr(AxwProduct) owner = NULL;
  GError *local = NULL;
  gpointer first;

  if (*p->fund != '\0')
    {
      gboolean exists = FALSE;

      if (!axw_db_row_exists (run->db, "SELECT 1 FROM funds WHERE name = ?", p->fund, &exists,
                              error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("column “fund”: there is no fund named %s (aixinwu funds list). Nothing "
                         "was imported."),
                       p->fund);
          return FALSE;
        }
    }
  if (old && g_hash_table_lookup_extended (run->touched, &old->id, NULL, &first))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("it changes the same product as row %u. Nothing was imported."),
                   GPOINTER_TO_UINT (first));
      return FALSE;
    }
  if (*p->supplier && !supplier_known (run->db, p->supplier, error))
    return FALSE;
  if (p->plu == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (run->plus, p->plu, NULL, &first))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("column “plu”: PLU %s is also in row %u. Nothing was imported."), p->plu,
                   GPOINTER_TO_UINT (first));
      return FALSE;
    }
  owner = find_code_any (run->db, "plu", p->plu, &local);
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (owner && (old == NULL || owner->id != old->id))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("column “plu”: PLU %s belongs to “%s”. Nothing was imported."), p->plu,
                   owner->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_row (ImportRun   *run,
            guint        row,
            AxwProduct  *p,
            Given        given,
            GError     **error)
{
  g_autoptr(AxwProduct) old = NULL;
  AxwImportStats *stats = &run->counts;
  GError *local = NULL;

  if (p->barcode)
    old = find_code_any (run->db, "barcode", p->barcode, &local);
  if (old == NULL && local == NULL && p->plu)
    old = find_code_any (run->db, "plu", p->plu, &local);
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (old != NULL)
    keep_not_given (p, old, given);
  if (!check_row_codes (run, row, p, old, error))
    return FALSE;
  if (old)
    g_hash_table_insert (run->touched, g_memdup2 (&old->id, sizeof old->id),
                         GUINT_TO_POINTER (row));
  if (p->plu)
    g_hash_table_insert (run->plus, g_strdup (p->plu), GUINT_TO_POINTER (row));
  if (old != NULL)
    {
      p->id = old->id;
      if (same_product (old, p))
        {
          stats->unchanged++;
          return TRUE;
        }
      stats->updated++;
      stats->price_changed += old->price_fen != p->price_fen;
      stats->stock_changed += old->stock_milli != p->stock_milli;
    }
  else
    stats->inserted++;
  {
    AxwImportChange *c = g_new0 (AxwImportChange, 1);

    c->row = row;
    c->before = g_steal_pointer (&old);
    c->after = axw_product_copy (p);
    g_ptr_array_add (run->changes, c);
  }
  return TRUE;
}

/* The second pass: every row was checked against the catalog as it was. */
static gboolean
write_changes (ImportRun  *run,
               AxwCsv     *csv,
               GError    **error)
{
  for (guint i = 0; i < run->changes->len; i++)
    {
      AxwImportChange *c = g_ptr_array_index (run->changes, i);

      if (!write_product (run->db, c->after, error))
        {
          g_prefix_error (error, _("Row %u (line %u): "), c->row,
                          axw_csv_line_of_row (csv, c->row - 1));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * axw_products_import_csv:
 * @dry_run: check and count only, write nothing
 *
 * Upserts by barcode, else PLU, in one transaction: one bad row imports
 * nothing, and the error names the row and the column. A row equal to the
 * catalog changes nothing, so importing a file twice is harmless.
 */
gboolean
axw_products_import_csv (AxwDb           *db,
                         const char      *text,
                         gsize            length,
                         gboolean         dry_run,
                         AxwImportStats  *stats,
                         GError         **error)
{
  return axw_products_import_csv_full (db, text, length, dry_run, NULL, NULL, NULL, stats, NULL,
                                       error);
}

/**
 * axw_products_import_csv_full:
 * @dry_run: check and list the changes only, write nothing
 * @staff: (nullable): who imports, for the audit log
 * @progress: (nullable): called every few hundred rows, in this thread
 * @changes: (out) (optional) (transfer full) (element-type AxwImportChange):
 *   every row that adds or changes a product, in file order
 *
 * axw_products_import_csv() with a list of what changes, so that a preview
 * (the CLI's --dry-run, the manager's import screen) comes from the very
 * checks the import makes.
 */
gboolean
axw_products_import_csv_full (AxwDb              *db,
                              const char         *text,
                              gsize               length,
                              gboolean            dry_run,
                              const char         *staff,
                              AxwImportProgress   progress,
                              gpointer            user_data,
                              AxwImportStats     *stats,
                              GPtrArray         **changes,
                              GError            **error)
{
  g_autoptr(AxwCsv) csv = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) plus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (axw_import_change_free);
  ImportRun run = { db, dry_run, { 0 }, list, touched, plus };
  g_autofree char *detail = NULL;
  guint n_rows;

  csv = axw_csv_parse (text, length, error);
  if (csv == NULL || !axw_csv_bind_columns (csv, csv_columns, csv_required, error))
    return FALSE;
  n_rows = axw_csv_n_rows (csv);
  if (n_rows > 0 && axw_csv_get (csv, 0, "barcode") == NULL &&
      axw_csv_get (csv, 0, "plu") == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The header needs a “barcode” or a “plu” column"));
      return FALSE;
    }

  /* Every row is checked against the catalog as it was before the file,
   * and only then written: so a dry run, which only reads (one snapshot,
   * and the counter's sales go on), decides exactly as the import does. */
  if (!(dry_run ? axw_db_exec (db, "BEGIN DEFERRED", error) : axw_db_begin (db, error)))
    return FALSE;
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(AxwProduct) p = axw_product_new ();
      g_autofree char *key = NULL;
      gpointer first;
      Given given;

      if (progress && r % 256 == 0)
        progress (r, n_rows, user_data);
      if (!product_from_csv (csv, r, p, &given, error))
        goto fail;
      key = g_strdup_printf ("%s\x1f%s", p->barcode ? p->barcode : "", p->barcode ? "" : p->plu);
      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Row %u (line %u), column “%s”: %s %s is also in row %u. Nothing was "
                         "imported."),
                       r + 1, axw_csv_line_of_row (csv, r), p->barcode ? "barcode" : "plu",
                       p->barcode ? _("barcode") : _("PLU"), p->barcode ? p->barcode : p->plu,
                       GPOINTER_TO_UINT (first));
          goto fail;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (r + 1));
      if (!import_row (&run, r + 1, p, given, error))
        {
          g_prefix_error (error, _("Row %u (line %u): "), r + 1, axw_csv_line_of_row (csv, r));
          goto fail;
        }
    }

  if (!dry_run && !write_changes (&run, csv, error))
    goto fail;
  detail = g_strdup_printf ("%u new, %u updated, %u unchanged", run.counts.inserted,
                            run.counts.updated, run.counts.unchanged);
  if (dry_run)
    axw_db_rollback (db);
  else if (!axw_audit_append (db, staff, "product.import", detail, error) ||
           !axw_db_commit (db, error))
    goto fail;
  if (progress)
    progress (n_rows, n_rows, user_data);
  if (stats)
    *stats = run.counts;
  if (changes)
    *changes = g_steal_pointer (&list);
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

void
axw_import_change_free (gpointer data)
{
  AxwImportChange *c = data;

  if (c == NULL)
    return;
  axw_product_free (c->before);
  axw_product_free (c->after);
  g_free (c);
}

/**
 * axw_import_change_describe:
 *
 * Returns: (transfer full): one line for people, e.g. “Row 2: 6971234560018
 *   赤松茸: price ¥28.00 → ¥30.00, stock 50 → 40”
 */
char *
axw_import_change_describe (const AxwImportChange *c)
{
  const AxwProduct *a = c->after;
  const AxwProduct *b = c->before;
  g_autofree char *sku = axw_product_dup_sku (a);
  g_autofree char *price = axw_money_format (a->price_fen);
  g_autofree char *stock = axw_qty_format (a->stock_milli);
  g_autoptr(GString) what = g_string_new (NULL);

  if (b == NULL)
    return g_strdup_printf (_("Row %u: new %s %s: price ¥%s, stock %s"), c->row, sku, a->name,
                            price, stock);

  describe_fields (what, b, a, TRUE);
  return g_strdup_printf (_("Row %u: %s %s: %s"), c->row, sku, b->name, what->str);
}

/* Returns: (transfer full): “1 new, 2 updated (1 price changes, 1 stock
 * changes), 3 unchanged” */
char *
axw_import_stats_describe (const AxwImportStats *s)
{
  return g_strdup_printf (_("%u new, %u updated (%u price changes, %u stock changes), %u unchanged"),
                          s->inserted, s->updated, s->price_changed, s->stock_changed,
                          s->unchanged);
}

/**
 * axw_products_export_csv:
 *
 * Returns: (transfer full): the catalog in the import format
 */
char *
axw_products_export_csv (AxwDb   *db,
                         GError **error)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  axw_csv_append_row (out, csv_columns, G_N_ELEMENTS (csv_columns) - 1);
  stmt = axw_db_prepare (db, "SELECT " PRODUCT_COLUMNS "WHERE p.active ORDER BY p.id", error);
  if (stmt == NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AxwProduct) p = product_from_row (stmt);
      g_autofree char *price = axw_money_format (p->price_fen);
      g_autofree char *stock = axw_qty_format (p->stock_milli);
      g_autofree char *cost = axw_money_format (p->cost_fen);
      g_autofree char *low = axw_qty_format (p->low_stock_milli);
      const char *row[] = {
        p->barcode, p->plu, p->name, p->category, p->origin, price,
        p->per_kg ? "kg" : "piece", p->aid_eligible ? "1" : "0", stock, p->supplier, cost, low,
        p->fund, p->fund_discounts ? "1" : "0",
      };

      axw_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): “6971234560018 赤松茸: 3 in stock, low at 10”
 * (kg for goods sold by weight), the low-stock list's line */
char *
axw_product_describe_stock (const AxwProduct *p)
{
  g_autofree char *sku = axw_product_dup_sku (p);
  g_autofree char *stock = axw_qty_format (p->stock_milli);
  g_autofree char *low = axw_qty_format (p->low_stock_milli);

  return p->per_kg
    ? g_strdup_printf (_("%s %s: %s kg in stock, low at %s kg"), sku, p->name, stock, low)
                   : g_strdup_printf (_("%s %s: %s in stock, low at %s"), sku, p->name, stock, low);
}
