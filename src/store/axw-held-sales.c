/* axw-held-sales.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queue of held sales: a hold goes to the back (the largest
 * position), a recall takes the newest and, when the counter already has
 * goods on it, parks those at the front, in one transaction, so that no
 * cart is lost between the two.
 */
#include <glib/gi18n.h>

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-held-sales.h"

static gboolean
insert_lines (AxwDb          *db,
              gint64          held_id,
              const AxwCart  *cart,
              GError        **error)
{
  for (guint i = 0; i < axw_cart_get_n_lines (cart); i++)
    {
      const AxwLine *l = axw_cart_get_line (cart, i);
      sqlite3_stmt *stmt = axw_db_prepare (db,
        "INSERT INTO held_sale_lines (held_id, line_no, product_id, barcode, name, category, "
        "qty_milli, unit_price_fen, per_kg, weighed, aid_eligible, gross_fen, list_price_fen, "
        "open_price) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, held_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_int64 (stmt, 3, l->product_id);
      axw_db_bind_text (stmt, 4, l->barcode);
      axw_db_bind_text (stmt, 5, l->name);
      axw_db_bind_text (stmt, 6, l->category ? l->category : "");
      sqlite3_bind_int64 (stmt, 7, l->qty_milli);
      sqlite3_bind_int64 (stmt, 8, l->unit_price_fen);
      sqlite3_bind_int (stmt, 9, l->per_kg);
      sqlite3_bind_int (stmt, 10, l->weighed);
      sqlite3_bind_int (stmt, 11, l->aid_eligible);
      sqlite3_bind_int64 (stmt, 12, l->gross_fen);
      if (l->price_overridden)
        sqlite3_bind_int64 (stmt, 13, l->list_price_fen);
      sqlite3_bind_int (stmt, 14, l->open_price);
      if (!axw_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* @front: park at the front of the queue (recalled last) instead of the back. */
static gint64
insert_held (AxwDb          *db,
             const AxwCart  *cart,
             const char     *staff,
             GDateTime      *at,
             gboolean        front,
             GError        **error)
{
  g_autofree char *when = axw_time_to_utc_iso (at);
  sqlite3_stmt *stmt = axw_db_prepare (db, front
    ? "INSERT INTO held_sales (position, staff, held_at, voucher_code, donation_fund, "
      "donation_ask_fen, donation_round_to_fen) "
      "VALUES ((SELECT coalesce (min (position), 1) - 1 FROM held_sales), ?, ?, ?, ?, ?, ?) "
      "RETURNING id"
    : "INSERT INTO held_sales (position, staff, held_at, voucher_code, donation_fund, "
      "donation_ask_fen, donation_round_to_fen) "
      "VALUES ((SELECT coalesce (max (position), 0) + 1 FROM held_sales), ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
    error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  axw_db_bind_text (stmt, 1, staff);
  axw_db_bind_text (stmt, 2, when);
  axw_db_bind_text (stmt, 3, axw_cart_get_voucher_code (cart));
  axw_db_bind_text (stmt, 4, axw_cart_get_donation_fund (cart));
  sqlite3_bind_int64 (stmt, 5, axw_cart_get_donation_ask_fen (cart));
  sqlite3_bind_int64 (stmt, 6, axw_cart_get_donation_round_to_fen (cart));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      axw_db_set_error (db, sqlite3_reset (stmt), error);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return insert_lines (db, id, cart, error) ? id : 0;
}

/**
 * axw_held_sales_add:
 * @cart: the sale to park (copied; must have lines)
 * @staff: who held it
 *
 * Returns: the held sale's id, or 0 with @error
 */
gint64
axw_held_sales_add (AxwDb          *db,
                    const AxwCart  *cart,
                    const char     *staff,
                    GDateTime      *at,
                    GError        **error)
{
  gint64 id;

  g_return_val_if_fail (AXW_IS_DB (db), 0);
  g_return_val_if_fail (cart != NULL && staff != NULL && at != NULL, 0);

  if (axw_cart_is_empty (cart))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The cart is empty: there is nothing to hold"));
      return 0;
    }
  if (!axw_db_begin (db, error))
    return 0;
  if ((id = insert_held (db, cart, staff, at, FALSE, error)) == 0 || !axw_db_commit (db, error))
    {
      axw_db_rollback (db);
      return 0;
    }
  return id;
}

/* Returns: how many sales wait, 0 when the database cannot say */
guint
axw_held_sales_count (AxwDb *db)
{
  g_return_val_if_fail (AXW_IS_DB (db), 0);
  return (guint) MAX (0, axw_db_query_int (db, "SELECT count (*) FROM held_sales", 0));
}

static AxwLine *
line_from_row (sqlite3_stmt *stmt)
{
  AxwLine *l = g_new0 (AxwLine, 1);

  l->line_no = sqlite3_column_int (stmt, 0);
  l->product_id = sqlite3_column_int64 (stmt, 1);
  l->barcode = axw_db_column_dup (stmt, 2);
  l->name = axw_db_column_dup (stmt, 3);
  l->category = axw_db_column_dup (stmt, 4);
  l->qty_milli = sqlite3_column_int64 (stmt, 5);
  l->unit_price_fen = sqlite3_column_int64 (stmt, 6);
  l->per_kg = sqlite3_column_int (stmt, 7);
  l->weighed = sqlite3_column_int (stmt, 8);
  l->aid_eligible = sqlite3_column_int (stmt, 9);
  l->gross_fen = sqlite3_column_int64 (stmt, 10);   /* a weighed line's label price */
  l->price_overridden = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  l->list_price_fen = sqlite3_column_int64 (stmt, 11);
  l->open_price = sqlite3_column_int (stmt, 12);
  l->fund = axw_db_column_dup (stmt, 13);           /* the product's fund now */
  l->fund_discounts = sqlite3_column_int (stmt, 14);
  return l;
}

/* What a held sale keeps besides its lines. */
typedef struct {
  gint64  id;
  char   *voucher_code;
  char   *donation_fund;
  gint64  donation_ask_fen;
  gint64  donation_round_to_fen;
} HeldHead;

#define HEAD_COLUMNS "id, voucher_code, donation_fund, donation_ask_fen, donation_round_to_fen"

static void
head_from_row (HeldHead     *head,
               sqlite3_stmt *stmt,
               int           first)
{
  head->id = sqlite3_column_int64 (stmt, first);
  head->voucher_code = axw_db_column_dup (stmt, first + 1);
  head->donation_fund = axw_db_column_dup (stmt, first + 2);
  head->donation_ask_fen = sqlite3_column_int64 (stmt, first + 3);
  head->donation_round_to_fen = sqlite3_column_int64 (stmt, first + 4);
}

static void
head_clear (HeldHead *head)
{
  g_clear_pointer (&head->voucher_code, g_free);
  g_clear_pointer (&head->donation_fund, g_free);
}

static void
head_free (HeldHead *head)
{
  head_clear (head);
  g_free (head);
}

static AxwCart *
load_cart (AxwDb           *db,
           const HeldHead  *head,
           GError         **error)
{
  g_autoptr(AxwCart) cart = axw_cart_new ();
  sqlite3_stmt *stmt = axw_db_prepare (db,
    "SELECT h.line_no, h.product_id, h.barcode, h.name, h.category, h.qty_milli, h.unit_price_fen, "
    "h.per_kg, "
    "h.weighed, h.aid_eligible, h.gross_fen, h.list_price_fen, h.open_price, f.name, "
    "coalesce (p.fund_discounts, 0) FROM held_sale_lines h "
    "LEFT JOIN products p ON p.id = h.product_id LEFT JOIN funds f ON f.id = p.fund_id "
    "WHERE h.held_id = ? ORDER BY h.line_no", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, head->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AxwLine) l = line_from_row (stmt);

      axw_cart_insert (cart, axw_cart_get_n_lines (cart), l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  axw_cart_set_voucher_code (cart, head->voucher_code);
  axw_cart_set_donation (cart, head->donation_fund, head->donation_ask_fen,
                         head->donation_round_to_fen);
  return g_steal_pointer (&cart);
}

/* @id: the held sale to take, 0 for the newest. */
static AxwCart *
take_held (AxwDb   *db,
           gint64   id,
           GError **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
    "SELECT " HEAD_COLUMNS " FROM held_sales WHERE ?1 IN (0, id) "
    "ORDER BY position DESC LIMIT 1", error);
  HeldHead head = { 0 };
  AxwCart *cart;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                     id ? _("That held sale is no longer on hold") : _("No sale is on hold"));
      else
        axw_db_set_error (db, rc, error);
      return NULL;
    }
  head_from_row (&head, stmt, 0);
  id = head.id;
  sqlite3_reset (stmt);
  cart = load_cart (db, &head, error);
  head_clear (&head);
  if (cart == NULL)
    return NULL;
  stmt = axw_db_prepare (db, "DELETE FROM held_sales WHERE id = ?", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  if (stmt == NULL || !axw_db_step_done (db, stmt, error))
    {
      axw_cart_free (cart);
      return NULL;
    }
  return cart;
}

/**
 * axw_held_sales_recall_id:
 * @id: a held sale's id (from axw_held_sales_list()), 0 for the newest
 * @current: (nullable): what is on the counter now; parked at the front
 *   of the queue when it has lines
 * @staff: who recalls (names @current when it is parked)
 *
 * Takes a held sale out of the database.
 *
 * Returns: (transfer full): its cart, or %NULL with @error (NOT_FOUND when
 *   it is not held)
 */
AxwCart *
axw_held_sales_recall_id (AxwDb          *db,
                          gint64          id,
                          const AxwCart  *current,
                          const char     *staff,
                          GDateTime      *at,
                          GError        **error)
{
  g_autoptr(AxwCart) cart = NULL;

  g_return_val_if_fail (AXW_IS_DB (db), NULL);
  g_return_val_if_fail (staff != NULL && at != NULL, NULL);

  if (!axw_db_begin (db, error))
    return NULL;
  if ((cart = take_held (db, id, error)) == NULL)
    goto fail;
  if (current != NULL && !axw_cart_is_empty (current) &&
      insert_held (db, current, staff, at, TRUE, error) == 0)
    goto fail;
  if (!axw_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&cart);

fail:
  axw_db_rollback (db);
  return NULL;
}

/**
 * axw_held_sales_recall:
 *
 * axw_held_sales_recall_id() of the sale held last.
 *
 * Returns: (transfer full): its cart, or %NULL with @error (NOT_FOUND when
 *   none is held)
 */
AxwCart *
axw_held_sales_recall (AxwDb          *db,
                       const AxwCart  *current,
                       const char     *staff,
                       GDateTime      *at,
                       GError        **error)
{
  return axw_held_sales_recall_id (db, 0, current, staff, at, error);
}

void
axw_held_sale_free (AxwHeldSale *held)
{
  g_free (held->staff);
  g_free (held->held_at);
  g_clear_pointer (&held->cart, axw_cart_free);
  g_free (held);
}

/**
 * axw_held_sales_list:
 *
 * The held sales, the one F7 would take first (the newest) first, each
 * with its lines (not priced: the caller quotes them for a total).
 *
 * Returns: (transfer full) (element-type AxwHeldSale): the list, or %NULL
 *   with @error
 */
GPtrArray *
axw_held_sales_list (AxwDb   *db,
                     GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_held_sale_free);
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func ((GDestroyNotify) head_free);
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT staff, held_at, " HEAD_COLUMNS
                                           " FROM held_sales ORDER BY position DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwHeldSale *held = g_new0 (AxwHeldSale, 1);
      HeldHead *head = g_new0 (HeldHead, 1);

      head_from_row (head, stmt, 2);
      held->id = head->id;
      held->staff = axw_db_column_dup (stmt, 0);
      held->held_at = axw_db_column_dup (stmt, 1);
      g_ptr_array_add (heads, head);
      g_ptr_array_add (list, held);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    {
      AxwHeldSale *held = g_ptr_array_index (list, i);

      if ((held->cart = load_cart (db, g_ptr_array_index (heads, i), error)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&list);
}
