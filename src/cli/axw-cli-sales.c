/* axw-cli-sales.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * quote, sell, refund and vouchers: the same checkout functions as the
 * counter, for paper-fallback sales, scripts and tests.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-cli.h"
#include "axw-error.h"
#include "axw-exceptions.h"
#include "axw-funds.h"
#include "axw-pricing.h"
#include "axw-staff.h"
#include "axw-vouchers.h"
#include "axw-district.h"

typedef struct {
  char       *at;
  char      **voucher;    /* --voucher, as many as given */
  char       *pay;
  char       *donate;     /* FUND:YUAN, or YUAN for the default fund */
  char       *round_up;   /* 1 | 10 */
  char       *reason;
  GPtrArray  *vouchers;   /* char*: --voucher and red packets among the items */
  GPtrArray  *items;      /* char*, positional */
} SaleArgs;

static void
sale_args_clear (SaleArgs *a)
{
  g_free (a->at);
  g_strfreev (a->voucher);
  g_free (a->pay);
  g_free (a->donate);
  g_free (a->round_up);
  g_free (a->reason);
  g_clear_pointer (&a->vouchers, g_ptr_array_unref);
  g_clear_pointer (&a->items, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaleArgs, sale_args_clear)

/* The options of quote, sell, refund, void and return, in one table; each
 * command takes those of @names. Fills @a and its items (the positional
 * arguments). */
static gboolean
parse_sale (AxwCli            *cli,
            const char        *names,
            SaleArgs          *a,
            int                argc,
            char             **argv,
            int               *rc)
{
  const GOptionEntry all[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &a->at,
      N_("Date it at this time, not now (only a manager may)"), N_("RFC3339") },
    { "voucher", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->voucher, N_("A red packet's code"),
      N_("CODE") },
    { "pay", 0, 0, G_OPTION_ARG_STRING, &a->pay,
      N_("How it was paid: cash, wechat, alipay or unionpay, with the yuan"),
      N_("METHOD:YUAN[,METHOD:YUAN]") },
    { "donate", 0, 0, G_OPTION_ARG_STRING, &a->donate,
      N_("A donation to FUND (without FUND: the setting donation.fund)"), N_("FUND:YUAN") },
    { "round-up", 0, 0, G_OPTION_ARG_STRING, &a->round_up,
      N_("Round the total up to the next yuan (1) or ten yuan (10), a donation"), N_("1|10") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &a->reason, N_("Why, for the audit (required)"),
      N_("TEXT") },
  };

  if (!axw_cli_parse_some (cli, all, G_N_ELEMENTS (all), names, &argc, &argv, rc))
    return FALSE;
  a->vouchers = g_ptr_array_new_with_free_func (g_free);
  a->items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; a->voucher != NULL && a->voucher[i] != NULL; i++)
    g_ptr_array_add (a->vouchers, g_strdup (a->voucher[i]));
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (a->items, g_strdup (argv[i]));
  return TRUE;
}

/* --donate FUND:YUAN (YUAN alone: the default fund) or --round-up 1|10,
 * one donation per sale (docs/design.md §15). */
static gboolean
add_donation (AxwDb      *db,
              SaleArgs   *a,
              AxwCart    *cart,
              GError    **error)
{
  g_autofree char *fund = NULL;
  g_autofree char *name = NULL;
  const char *yuan = a->donate;
  gint64 ask = 0, round_to = 0;
  char *colon;

  if (a->donate == NULL && a->round_up == NULL)
    return TRUE;
  if (a->donate != NULL && a->round_up != NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("One donation per sale: give --donate or --round-up."));
      return FALSE;
    }
  if (a->round_up != NULL)
    {
      if (g_strcmp0 (a->round_up, "1") != 0 && g_strcmp0 (a->round_up, "10") != 0)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("--round-up takes 1 (to the next yuan) or 10 (to the next ten yuan)."));
          return FALSE;
        }
      round_to = g_str_equal (a->round_up, "1") ? 100 : 1000;
    }
  else if ((colon = strrchr (a->donate, ':')) != NULL)
    {
      fund = g_strndup (a->donate, colon - a->donate);
      yuan = colon + 1;
    }
  if (a->donate != NULL && (!axw_money_parse (yuan, &ask, error) || ask <= 0))
    {
      g_clear_error (error);
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("Write the donation as FUND:YUAN, like 集美区助残爱心基金:1, with an amount "
                     "above 0."));
      return FALSE;
    }
  if ((name = axw_funds_resolve (db, fund, error)) == NULL)
    return FALSE;
  axw_cart_set_donation (cart, name, ask, round_to);
  return TRUE;
}

/* ITEM is BARCODE or BARCODE*QTY, or a red packet scanned among the
 * goods, as at the counter. */
static AxwCart *
build_cart (AxwDb      *db,
            SaleArgs   *a,
            GError    **error)
{
  g_autoptr(AxwCart) cart = axw_cart_new ();

  if (a->items->len == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("Name at least one item: BARCODE or BARCODE*QTY"));
      return NULL;
    }
  for (guint i = 0; i < a->items->len; i++)
    {
      g_autofree char *code = g_strdup (g_ptr_array_index (a->items, i));
      g_autoptr(AxwLine) line = NULL;
      char *star = strrchr (code, '*');
      gint64 qty = 0;

      if (axw_checkout_scan_is_red_packet (db, code))
        {
          g_ptr_array_add (a->vouchers, g_steal_pointer (&code));
          continue;
        }
      if (star != NULL)
        {
          *star = '\0';
          if (!axw_qty_parse (star + 1, &qty, error))
            {
              g_prefix_error (error, _("Item %s: "), code);
              return NULL;
            }
        }
      line = axw_checkout_item_from_scan (db, code, qty, error);
      if (line == NULL)
        return NULL;
      axw_cart_add (cart, line);
    }
  if (a->vouchers->len > 1)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT, "one_per_sale: %s",
                   axw_red_packet_reason_advice (AXW_RED_PACKET_ONE_PER_SALE));
      return NULL;
    }
  if (a->vouchers->len == 1)
    axw_cart_set_voucher_code (cart, g_ptr_array_index (a->vouchers, 0));
  if (!add_donation (db, a, cart, error))
    return NULL;
  return g_steal_pointer (&cart);
}

/* Asks the district hub about the cart's red packet, as the counter's
 * screen does (same deadline, same refusal). No hub, or no answer in
 * time: the sale goes on and its redemption stays "not checked". */
static gboolean
hub_allows_red_packet (AxwDb      *db,
                       AxwCart    *cart,
                       GDateTime  *at,
                       gboolean   *out_checked,
                       GError    **error)
{
  g_autoptr(AxwSale) quote = NULL;
  g_auto(AxwHubRedemption) where = { 0 };
  g_autoptr(GError) why = NULL;
  AxwHubCheck verdict;

  *out_checked = FALSE;
  if (axw_cart_get_voucher_code (cart) == NULL || !axw_district_configured (db))
    return TRUE;
  if ((quote = axw_checkout_quote (db, cart, at, error)) == NULL)
    return FALSE;
  if (quote->red_packet == NULL || !quote->red_packet->accepted)
    return TRUE;
  verdict = axw_district_check_red_packet (db, quote->red_packet->code, 0, &where,
                                           &why);
  if (verdict == AXW_HUB_CHECK_REDEEMED)
    {
      g_autofree char *refusal = axw_district_refusal (&where);

      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_CONFLICT, refusal);
      return FALSE;
    }
  if (verdict == AXW_HUB_CHECK_UNKNOWN)
    g_printerr (_("The red packet was not checked with the district hub (%s); the sale goes on.\n"),
                why->message);
  *out_checked = verdict == AXW_HUB_CHECK_FREE;
  return TRUE;
}

int
axw_cli_cmd_quote (AxwCli  *cli,
                   int      argc,
                   char   **argv)
{
  g_auto(SaleArgs) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(AxwCart) cart = NULL;
  g_autoptr(AxwSale) sale = NULL;
  g_autofree char *json = NULL;
  gboolean checked;
  AxwDb *db;
  int rc;

  if (!parse_sale (cli, "at voucher donate round-up", &a, argc, argv, &rc))
    return rc;
  if (argc < 2)
    return axw_cli_usage (cli);
  if ((at = axw_cli_parse_at (a.at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((cart = build_cart (db, &a, &error)) == NULL ||
      !hub_allows_red_packet (db, cart, at, &checked, &error) ||
      (sale = axw_checkout_quote (db, cart, at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  json = axw_sale_to_json (sale, FALSE);
  g_print ("%s\n", json);
  return AXW_EXIT_OK;
}

/* "cash:50,wechat:10.5" → payments; cash is what was handed over. */
static GArray *
parse_payments (const char  *text,
                GError     **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (AxwPayment));
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon = strchr (parts[i], ':');
      AxwPayment p = { 0 };

      if (colon == NULL)
        goto bad;
      *colon = '\0';
      if (!axw_pay_method_from_string (g_strstrip (parts[i]), &p.method))
        goto bad;
      if (!axw_money_parse (colon + 1, &p.amount_fen, error))
        {
          g_prefix_error (error, _("Payment %s: "), parts[i]);
          return NULL;
        }
      p.tendered_fen = p.amount_fen;
      g_array_append_val (out, p);
    }
  if (out->len > 0)
    return g_steal_pointer (&out);

bad:
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Write payments as METHOD:YUAN[,METHOD:YUAN], METHOD one of cash, wechat, alipay, "
                 "unionpay"));
  return NULL;
}

int
axw_cli_cmd_sell (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_auto(SaleArgs) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(AxwCart) cart = NULL;
  g_autoptr(AxwSale) sale = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autofree char *json = NULL;
  gboolean checked = FALSE;
  AxwDb *db;
  int rc;

  if (!parse_sale (cli, "at voucher pay donate round-up", &a, argc, argv, &rc))
    return rc;
  if (argc < 2 || a.pay == NULL || cli->staff_name == NULL)
    return axw_cli_usage (cli);
  if ((at = axw_cli_parse_at (a.at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((payments = parse_payments (a.pay, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (axw_cli_authorize (cli, AXW_CLI_STAFF, &error) == NULL ||
      !axw_cli_check_at (cli, a.at, &error) ||
      (cart = build_cart (db, &a, &error)) == NULL ||
        !hub_allows_red_packet (db, cart, at, &checked, &error) ||
      (sale = axw_checkout_commit (db, cart, at, cli->staff->name, (AxwPayment *) payments->data,
                                   payments->len, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (checked && !axw_district_mark_checked (db, sale->uuid, &error))
    g_printerr ("aixinwu: %s\n", error->message);   /* the sale stands; it stays "not checked" */
  json = axw_sale_to_json (sale, TRUE);
  g_print ("%s\n", json);
  return AXW_EXIT_OK;
}

int
axw_cli_cmd_refund (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_auto(SaleArgs) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(AxwSale) refund = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (AxwRefundItem));
  g_autofree char *json = NULL;
  AxwDb *db;
  int rc;

  if (!parse_sale (cli, "at", &a, argc, argv, &rc))
    return rc;
  if (cli->staff_name == NULL || a.items->len == 0)
    return axw_cli_usage (cli);
  if ((at = axw_cli_parse_at (a.at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 1; i < a.items->len; i++)
    {
      const char *spec = g_ptr_array_index (a.items, i);
      const char *star = strchr (spec, '*');
      g_autofree char *no = g_strndup (spec, star ? (gsize) (star - spec) : strlen (spec));
      AxwRefundItem item = { 0 };
      guint64 line;

      if (!g_ascii_string_to_unsigned (no, 10, 1, 100000, &line, NULL) ||
          (star && !axw_qty_parse (star + 1, &item.qty_milli, &error)))
        {
          g_clear_error (&error);
          g_set_error (&error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("“%s” is not LINE or LINE*QTY (line number, quantity in pieces or kg)"),
                       spec);
          return axw_cli_fail (g_steal_pointer (&error));
        }
      item.line_no = (int) line;
      g_array_append_val (items, item);
    }
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      !axw_cli_check_at (cli, a.at, &error) ||
      (refund = axw_sales_refund (db, g_ptr_array_index (a.items, 0), (AxwRefundItem *) items->data,
                                  items->len, cli->staff->name, at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  json = axw_sale_to_json (refund, TRUE);
  g_print ("%s\n", json);
  return AXW_EXIT_OK;
}

/* void SALE and return ITEM: one positional argument, a manager and a reason. */
int
axw_cli_cmd_void (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_auto(SaleArgs) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(AxwSale) refund = NULL;
  g_autofree char *json = NULL;
  gboolean is_return = g_str_equal (argv[0], "return");
  AxwDb *db;
  int rc;

  if (!parse_sale (cli, "at reason", &a, argc, argv, &rc))
    return rc;
  if (cli->staff_name == NULL || a.reason == NULL || a.items->len != 1)
    return axw_cli_usage (cli);
  if ((at = axw_cli_parse_at (a.at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      !axw_cli_check_at (cli, a.at, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  refund = is_return
    ? axw_sales_return_without_receipt (db, g_ptr_array_index (a.items, 0), cli->staff->name,
                                        a.reason, at, &error)
    : axw_sales_void (db, g_ptr_array_index (a.items, 0), cli->staff->name, a.reason, at, &error);
  if (refund == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  json = axw_sale_to_json (refund, TRUE);
  g_print ("%s\n", json);
  return AXW_EXIT_OK;
}

static int
vouchers_check (AxwCli  *cli,
                int      argc,
                char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(AxwVoucher) v = NULL;
  g_autofree char *when = NULL;
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &when, N_("Check it for this time, not now"),
      N_("RFC3339") },
    { NULL }
  };
  AxwRedPacketReason reason;
  g_autofree char *date = NULL;
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  if ((at = axw_cli_parse_at (when, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((v = axw_vouchers_lookup (db, argv[1], &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  date = axw_business_date (at, NULL);
  /* The basket is not known here: check everything but the minimum. */
  reason = axw_red_packet_check (v, date, G_MAXINT64);
  if (reason != AXW_RED_PACKET_OK)
    {
      g_printerr ("aixinwu: %s: %s\n", axw_red_packet_reason_code (reason),
                  axw_red_packet_reason_advice (reason));
      return AXW_EXIT_FAIL;
    }
  {
    g_autofree char *face = axw_money_format_screen (v->face_fen);
    g_autofree char *min = axw_money_format_screen (v->min_spend_fen);

    g_print (_("%s: %s off (from %s spent on %s goods), %s, funded by %s, valid %s to %s\n"),
             v->code, face, min,
             v->scope == AXW_SCOPE_AID ? _("aid") : _("all"), v->campaign, v->funder, v->valid_from,
             v->valid_to);
  }
  return AXW_EXIT_OK;
}

/* One line per key: funder, key (base64), when it was added. */
static char *
describe_key (AxwDb         *db,
              gconstpointer  row)
{
  const AxwFunderKey *k = row;
  g_autofree char *added = axw_cli_shop_time (db, k->added_at);

  return g_strdup_printf ("%s\t%s\t%s", k->funder, k->public_key, added);
}

static int
vouchers_keys (AxwCli  *cli,
               int      argc,
               char   **argv)
{
  return axw_cli_list (cli, argc, argv, axw_vouchers_keys, describe_key);
}

static int
vouchers_import (AxwCli  *cli,
                 int      argc,
                 char   **argv)
{
  gint64 n;
  int rc;

  if ((n = axw_cli_import (cli, argc, argv, axw_vouchers_import_csv_as, &rc)) < 0)
    return rc;
  g_print (_("%u red packets imported.\n"), (guint) n);
  return AXW_EXIT_OK;
}

static int
vouchers_trust (AxwCli  *cli,
                int      argc,
                char   **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean trust = g_str_equal (argv[0], "trust");
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if (!(trust ? axw_vouchers_trust : axw_vouchers_untrust) (cli->db, argv[1], argv[2],
                                                            cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (trust ? _("Red packets signed by %s with this key are now accepted.\n")
                 : _("Red packets signed by %s with this key are no longer accepted.\n"), argv[1]);
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_vouchers[] = {
  { "import", vouchers_import, N_("FILE.csv"),
    N_("Imports a funder's batch of red packets, as a manager."),
    N_("Columns: code, campaign, funder, face, min_spend, valid_from, valid_to, scope (aid|all)."),
    1, 1 },
  { "trust", vouchers_trust, N_("FUNDER PUBKEY_BASE64"),
    N_("Accepts the red packets a funder signs with this key, as a manager."), NULL, 2, 2 },
  { "untrust", vouchers_trust, N_("FUNDER PUBKEY_BASE64"),
    N_("Stops accepting the red packets signed with this key, as a manager."), NULL, 2, 2 },
  { "keys", vouchers_keys, NULL, N_("Lists the trusted keys: funder, key, when it was added.") },
  { "check", vouchers_check, N_("CODE"),
    N_("Says whether a red packet would be accepted, and what it gives."), NULL, 1, 1 },
  { NULL }
};

