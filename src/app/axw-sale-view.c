/* axw-sale-view.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sale screen (docs/design.md §6, §11). Every command is an action of this
 * widget, so keys, buttons and tests all go through the same code. The
 * cart is priced by axw_checkout_quote after every change and committed by
 * axw_checkout_commit; what the payments taken so far settle is
 * axw_payments_settle's, the rule the commit uses: this file never
 * computes money itself.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-a11y.h"
#include "axw-cart-row.h"
#include "axw-cell.h"
#include "axw-district.h"
#include "axw-donation-bar.h"
#include "axw-error.h"
#include "axw-held-sales.h"
#include "axw-sales.h"
#include "axw-keypad.h"
#include "axw-login-view.h"
#include "axw-payments.h"
#include "axw-print-queue.h"
#include "axw-print-runner.h"
#include "axw-print-status.h"
#include "axw-product-row.h"
#include "axw-promotions.h"
#include "axw-phrase-bar.h"
#include "axw-sale-model.h"
#include "axw-sale-view-private.h"
#include "axw-settings.h"
#include "axw-sync-agent.h"
#include "axw-bizdate.h"

typedef enum {
  BANNER_INFO,
  BANNER_OK,
  BANNER_ERROR,
} BannerKind;

struct _AxwSaleView
{
  GtkWidget           parent_instance;

  AxwApplication     *app;
  AxwStaff           *staff;
  AxwSaleModel       *model;         /* the open sale: cart, quote, payments, step */
  AxwLine            *undo_line;
  guint               undo_index;
  GCancellable       *hub_check;     /* the district hub's answer about the red packet, on its way */
  char               *hub_checked;   /* the red packet code the hub said is free */
  GCancellable       *hub_push;      /* the push to the district hub, while one runs */
  GCancellable       *hub_pull;      /* the pull from it, while one runs */
  guint               hub_timer;
  gint                sale_open;     /* atomic: goods or payments on the counter (the pull's gate) */
  GDateTime          *fixed_now;
  guint               print_timer;
  gint64              print_sale_id;  /* the sale print_state is of */
  AxwPrintState       print_state;    /* its receipt's, as last shown */
  AxwPrintRunner     *printer;      /* made at the first receipt */
  GListStore         *rows;          /* AxwCartRow */
  GtkSingleSelection *selection;
  GListStore         *found;         /* AxwProductRow */

  GtkStack           *pages;
  GtkLabel           *cashier_label;
  GtkLabel           *sync_label;
  AxwSyncAgent       *sync;
  guint               sync_start_id;
  GtkLabel           *promotion_label;
  GtkLabel           *print_label;
  GtkWidget          *banner;
  BannerKind          banner_kind;   /* the template starts with axw-info */
  GtkLabel           *banner_icon;
  AxwCell            *banner_cell;
  GtkLabel           *banner_label;       /* banner_cell's */
  GtkWidget          *banner_undo;
  AxwPhraseBar       *phrase_bar;
  GtkEntry           *code_entry;
  GtkColumnView      *cart_view;
  GtkColumnViewColumn *price_column;
  GtkColumnViewColumn *promotion_column;
  gboolean            compact_cart;
  GtkEntry           *search_entry;
  GtkListView        *search_view;
  GtkEntry           *red_packet_entry;
  GtkWidget          *rp_result_box;
  GtkLabel           *rp_icon;
  GtkLabel           *rp_result;
  GtkLabel           *qty_title;
  GtkEntry           *qty_entry;
  AxwKeypad          *qty_keypad;
  GtkLabel           *pay_title;
  GtkLabel           *pay_due;
  GtkWidget          *paid_box;      /* a row per payment taken, each with Remove */
  GtkEntry           *amount_entry;
  GtkWidget          *quick_box;
  AxwKeypad          *pay_keypad;
  GtkLabel           *pay_message;
  GtkLabel           *done_change;
  GtkLabel           *done_detail;
  GtkLabel           *done_print;
  GtkWidget          *next_button;
  GtkWidget          *donation_receipt_button;
  GtkButton          *recall_button;
  GtkWidget          *line_grid;
  GtkWidget          *manager_button;
  GtkWidget          *action_grid;
  GtkLabel           *total_label;
  GtkLabel           *summary_label;
  GtkLabel           *red_packet_label;
  AxwDonationBar     *donation_bar;
  GtkLabel           *prefs_title;
  GtkToggleButton    *scale_100;
  GtkToggleButton    *scale_125;
  GtkToggleButton    *scale_150;
  GtkToggleButton    *scale_175;
  GtkToggleButton    *scale_200;
  GtkToggleButton    *contrast_toggle;
  GtkToggleButton    *sound_toggle;
  GtkToggleButton    *speech_toggle;
  GtkWidget          *speech_note;
  gboolean            loading_prefs;
};

G_DEFINE_FINAL_TYPE (AxwSaleView, axw_sale_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SWITCH_CASHIER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AxwDb *
db (AxwSaleView *self)
{
  return axw_application_get_db (self->app);
}

/* The open sale lives in the model; these read it. */
static AxwCart *
cart_of (AxwSaleView *self)
{
  return axw_sale_model_get_cart (self->model);
}

static AxwSale *
quote_of (AxwSaleView *self)
{
  return (AxwSale *) axw_sale_model_get_quote (self->model);
}

static const AxwSale *
last_sale_of (AxwSaleView *self)
{
  return axw_sale_model_get_last_sale (self->model);
}

static guint
n_payments (AxwSaleView *self)
{
  return axw_sale_model_get_n_payments (self->model);
}

static AxwPayMethod
method_of (AxwSaleView *self)
{
  return axw_sale_model_get_method (self->model);
}

static AxwFeedback *
feedback (AxwSaleView *self)
{
  return axw_application_get_feedback (self->app);
}

static GDateTime *
now (AxwSaleView *self)
{
  return self->fixed_now ? g_date_time_ref (self->fixed_now) : g_date_time_new_now_utc ();
}

/* The banner under the top bar: every scan and every error changes it,
 * with a symbol and words as well as its colour. */
static void
banner (AxwSaleView *self,
        BannerKind   kind,
        const char  *text)
{
  static const char *classes[] = { "axw-info", "axw-ok", "axw-error" };
  static const char *icons[] = { "ℹ", "✔", "✖" };

  /* a class change restyles the banner: only when the kind changes */
  if (kind != self->banner_kind)
    {
      gtk_widget_remove_css_class (self->banner, classes[self->banner_kind]);
      gtk_widget_add_css_class (self->banner, classes[kind]);
      self->banner_kind = kind;
    }
  gtk_label_set_text (self->banner_icon, icons[kind]);
  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (self->banner_undo, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
  axw_a11y_announce (self->banner, text);
  if (kind == BANNER_ERROR)
    {
      axw_feedback_play (feedback (self), AXW_SOUND_ERROR, GTK_WIDGET (self));
      axw_feedback_say (feedback (self), text);
    }
}

static void
show_page (AxwSaleView *self,
           const char  *name,
           GtkWidget   *focus)
{
  gtk_stack_set_visible_child_name (self->pages, name);
  if (g_str_equal (name, "pay"))
    axw_sale_model_set_step (self->model, AXW_SALE_STEP_PAY);
  else if (g_str_equal (name, "done"))
    axw_sale_model_set_step (self->model, AXW_SALE_STEP_DONE);
  else if (g_str_equal (name, "cart"))
    axw_sale_model_set_step (self->model, AXW_SALE_STEP_SALE);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static gint64
selected_index (AxwSaleView *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (pos == GTK_INVALID_LIST_POSITION || pos >= axw_cart_get_n_lines (cart_of (self)))
    return -1;
  return pos;
}

/* The list view inside the column view knows how to scroll to a row. */
static void
scroll_to_row (AxwSaleView *self,
               guint        pos)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cart_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", pos);
}

static gboolean
same_row (AxwCartRow *a,
          AxwCartRow *b)
{
  return g_str_equal (axw_cart_row_get_name (a), axw_cart_row_get_name (b)) &&
         g_str_equal (axw_cart_row_get_qty (a), axw_cart_row_get_qty (b)) &&
         g_str_equal (axw_cart_row_get_price (a), axw_cart_row_get_price (b)) &&
         g_str_equal (axw_cart_row_get_amount (a), axw_cart_row_get_amount (b)) &&
         g_str_equal (axw_cart_row_get_promotion (a), axw_cart_row_get_promotion (b));
}

/* Only the rows that changed are replaced: a scan redraws one row, not
 * the whole cart. */
static void
update_rows (AxwSaleView *self,
             gint64       select)
{
  guint n = quote_of (self) ? quote_of (self)->lines->len : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AxwCartRow) row = axw_cart_row_new (axw_sale_get_line (quote_of (self), i));
      g_autoptr(AxwCartRow) shown = i < old
        ? g_list_model_get_item (G_LIST_MODEL (self->rows), i) : NULL;

      if (shown == NULL)
        g_list_store_append (self->rows, row);
      else if (!same_row (row, shown))
        g_list_store_splice (self->rows, i, 1, (gpointer *) &row, 1);
    }
  if (old > n)
    g_list_store_splice (self->rows, n, old - n, NULL, 0);
  if (n > 0)
    {
      guint pos = select >= 0 && select < n ? (guint) select : n - 1;

      gtk_single_selection_set_selected (self->selection, pos);
      scroll_to_row (self, pos);
    }
}

static void
update_summary (AxwSaleView *self)
{
  const AxwSale *q = quote_of (self);
  g_autofree char *total = axw_money_format_screen (q ? q->total_fen : 0);
  g_autofree char *gross = axw_money_format_screen (q ? q->gross_fen : 0);
  g_autofree char *promo = axw_money_format_screen (q ? q->promo_fen : 0);
  g_autofree char *summary = NULL;
  gint64 pieces = 0;

  for (guint i = 0; q && i < q->lines->len; i++)
    pieces += axw_sale_get_line ((AxwSale *) q, i)->per_kg ? 1000
              : axw_sale_get_line ((AxwSale *) q, i)->qty_milli;
  summary = g_strdup_printf (_("%u lines, %u items\nGoods %s\nPromotions −%s"),
                             q ? q->lines->len : 0, (guint) (pieces / 1000), gross, promo);
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->summary_label, summary);
  if (q && q->red_packet && q->red_packet->accepted)
    {
      g_autofree char *off = axw_money_format_screen (q->red_packet->discount_fen);
      g_autofree char *text = g_strdup_printf (_("Red packet −%s\nPaid by %s"), off,
                                               q->red_packet->funder);

      gtk_label_set_text (self->red_packet_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->red_packet_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->red_packet_label), FALSE);
  axw_donation_bar_show_sale (self->donation_bar, q);
}

/* Prices the cart again. Returns FALSE (with the banner saying why) when
 * the database refused. */
static gboolean
requote (AxwSaleView *self,
         gint64       select)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = now (self);
  AxwSale *quote;

  g_atomic_int_set (&self->sale_open, !axw_cart_is_empty (cart_of (self)) || n_payments (self) > 0);
  quote = axw_checkout_quote (db (self), cart_of (self), at, &error);
  if (quote == NULL)
    {
      banner (self, BANNER_ERROR, error->message);
      return FALSE;
    }
  axw_sale_model_set_quote (self->model, quote);
  update_rows (self, select);
  update_summary (self);
  return TRUE;
}

static void
update_promotions (AxwSaleView *self)
{
  g_autoptr(GPtrArray) promos = axw_promotions_list (db (self), NULL);
  g_autoptr(GDateTime) at = now (self);
  g_autofree char *tz = axw_settings_get (db (self), "timezone");
  g_autofree char *date = axw_business_date (at, tz);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; promos && i < promos->len; i++)
    {
      AxwPromotion *p = g_ptr_array_index (promos, i);
      g_autofree char *words = NULL;

      if (!axw_promotion_applies (p, date))
        continue;
      words = axw_promotion_describe (p);
      g_string_append_printf (text, "%s%s", text->len ? "；" : "", words);
    }
  if (text->len == 0)
    g_string_assign (text, _("No promotion today"));
  else
    g_string_prepend (text, _("Today: "));
  gtk_label_set_text (self->promotion_label, text->str);
  axw_sale_model_set_promotion (self->model, text->str);
}

static void
say_line (AxwSaleView *self,
          guint        index)
{
  const AxwLine *l;
  g_autofree char *price = NULL;
  g_autofree char *qty = NULL;
  g_autofree char *text = NULL;

  if (quote_of (self) == NULL || index >= quote_of (self)->lines->len)
    return;
  l = axw_sale_get_line (quote_of (self), index);
  price = axw_money_format_screen (l->net_fen);
  qty = axw_qty_format (l->qty_milli);
  text = g_strdup_printf (_("%s × %s  %s"), l->name, qty, price);
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_LINE, (gint) index);
  banner (self, BANNER_OK, text);
  axw_feedback_play (feedback (self), AXW_SOUND_SCAN, GTK_WIDGET (self));
  axw_feedback_say (feedback (self), text);
}

static void
forget_hub_check (AxwSaleView *self)
{
  g_cancellable_cancel (self->hub_check);
  g_clear_object (&self->hub_check);
  g_clear_pointer (&self->hub_checked, g_free);
}

static void
forget_sale (AxwSaleView *self)
{
  forget_hub_check (self);
  axw_sale_model_clear (self->model);
  g_clear_pointer (&self->undo_line, axw_line_free);
}

/* A clock set back (a flat battery, a wrong time zone) before the last
 * sale would date the next receipts before it: the cashier is told at
 * once, with both times on the shop's clock. */
static gboolean
warn_clock_behind (AxwSaleView *self)
{
  AxwDb *db = axw_application_get_db (self->app);
  g_autofree char *last = axw_sales_last_time (db);
  g_autoptr(GDateTime) last_time = last ? axw_time_parse_rfc3339 (last, NULL) : NULL;
  g_autoptr(GDateTime) clock = now (self);
  g_autofree char *tzid = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *shown_now = NULL;
  g_autofree char *shown_last = NULL;
  g_autofree char *text = NULL;

  if (last_time == NULL || g_date_time_compare (clock, last_time) >= 0)
    return FALSE;
  tzid = axw_settings_get (db, "timezone");
  tz = axw_timezone_new (tzid);
  shown_now = axw_time_format_shop (clock, tz, AXW_TIME_FORMAT_MINUTES);
  shown_last = axw_time_format_shop (last_time, tz, AXW_TIME_FORMAT_MINUTES);
  text = g_strdup_printf (_("The clock says %s, earlier than the last sale (%s). Ask a manager to "
                            "set "
                            "the date and time right: receipts and reports use them."),
                          shown_now, shown_last);
  banner (self, BANNER_ERROR, text);
  return TRUE;
}

static void
start_new_sale (AxwSaleView *self)
{
  forget_sale (self);
  requote (self, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  show_page (self, "cart", GTK_WIDGET (self->code_entry));
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_NEW_SALE, -1);
  if (!warn_clock_behind (self))
    banner (self, BANNER_INFO, _("Ready: scan the first item"));
}

/* Red packets ------------------------------------------------------------ */

static void
show_red_packet_result (AxwSaleView *self,
                        gboolean     accepted,
                        const char  *text)
{
  gtk_widget_remove_css_class (self->rp_result_box, accepted ? "axw-error" : "axw-ok");
  gtk_widget_add_css_class (self->rp_result_box, accepted ? "axw-ok" : "axw-error");
  gtk_label_set_text (self->rp_icon, accepted ? "✔" : "✖");
  gtk_label_set_text (self->rp_result, text);
  gtk_widget_set_visible (self->rp_result_box, TRUE);
}

static void
refuse_red_packet (AxwSaleView        *self,
                   AxwRedPacketReason  reason)
{
  const char *advice = axw_red_packet_reason_advice (reason);

  show_red_packet_result (self, FALSE, advice);
  show_page (self, "red-packet", GTK_WIDGET (self->red_packet_entry));
  banner (self, BANNER_ERROR, advice);
}

/* The hub's answer (within 300 ms, from a worker thread): a code already
 * redeemed in another shop comes off the sale again, with the shop and
 * date; no answer leaves the red packet on, "not checked". */
static void
hub_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(AxwSaleView) self = data;
  g_auto(AxwHubRedemption) where = { 0 };
  g_autoptr(GError) error = NULL;
  AxwHubCheck verdict = axw_district_check_red_packet_finish (result, &where, &error);
  const char *code = axw_cart_get_voucher_code (cart_of (self));
  const AxwRedPacket *rp = quote_of (self) ? quote_of (self)->red_packet : NULL;
  g_autofree char *refusal = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || code == NULL || rp == NULL ||
      !rp->accepted)
    return;
  if (verdict == AXW_HUB_CHECK_FREE)
    {
      g_free (self->hub_checked);
      self->hub_checked = g_strdup (rp->code);
      return;
    }
  if (verdict != AXW_HUB_CHECK_REDEEMED)
    return;
  refusal = axw_district_refusal (&where);
  axw_cart_set_voucher_code (cart_of (self), NULL);
  requote (self, -1);
  show_red_packet_result (self, FALSE, refusal + strlen ("already_redeemed: "));
  show_page (self, "red-packet", GTK_WIDGET (self->red_packet_entry));
  banner (self, BANNER_ERROR, refusal + strlen ("already_redeemed: "));
}

static void
ask_hub (AxwSaleView *self,
         const char  *code)
{
  forget_hub_check (self);
  if (!axw_district_configured (db (self)))
    return;
  self->hub_check = g_cancellable_new ();
  axw_district_check_red_packet_async (db (self), code, self->hub_check, hub_checked_cb,
                                       g_object_ref (self));
}

static void
apply_red_packet (AxwSaleView *self,
                  const char  *code)
{
  g_autofree char *previous = g_strdup (axw_cart_get_voucher_code (cart_of (self)));
  const AxwRedPacket *rp;
  g_autofree char *off = NULL;
  g_autofree char *text = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->red_packet_entry), "");
  if (axw_cart_is_empty (cart_of (self)))
    {
      show_red_packet_result (self, FALSE, _("Scan the goods first, then the red packet."));
      show_page (self, "red-packet", GTK_WIDGET (self->red_packet_entry));
      banner (self, BANNER_ERROR, _("Scan the goods first, then the red packet."));
      return;
    }
  if (previous != NULL && g_ascii_strcasecmp (previous, code) != 0)
    {
      refuse_red_packet (self, AXW_RED_PACKET_ONE_PER_SALE);
      return;
    }
  axw_cart_set_voucher_code (cart_of (self), code);
  if (!requote (self, -1))
    return;
  rp = quote_of (self)->red_packet;
  if (rp == NULL || !rp->accepted)
    {
      AxwRedPacketReason reason = rp ? rp->reason : AXW_RED_PACKET_UNKNOWN;

      axw_cart_set_voucher_code (cart_of (self), previous);
      requote (self, -1);
      refuse_red_packet (self, reason);
      return;
    }
  off = axw_money_format_screen (rp->discount_fen);
  text = g_strdup_printf (_("Red packet accepted: %s off, paid by %s"), off, rp->funder);
  ask_hub (self, rp->code);
  show_red_packet_result (self, TRUE, text);
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_RED_PACKET, -1);
  banner (self, BANNER_OK, text);
  axw_feedback_play (feedback (self), AXW_SOUND_ACCEPTED, GTK_WIDGET (self));
  axw_feedback_say (feedback (self), text);
  show_page (self, "cart", GTK_WIDGET (self->code_entry));
}

/* Scans and typed codes -------------------------------------------------- */

static void
add_code (AxwSaleView *self,
          const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwLine) line = NULL;
  g_auto(GStrv) parts = g_strsplit (text, "*", 2);
  g_autofree char *code = g_strstrip (g_strdup (parts[0] ? parts[0] : ""));
  gint64 qty = 0;

  if (*code == '\0')
    return;
  if (parts[0] && parts[1] && !axw_qty_parse (g_strstrip (parts[1]), &qty, &error))
    {
      banner (self, BANNER_ERROR, error->message);
      return;
    }
  if (axw_checkout_scan_is_red_packet (db (self), code))
    {
      apply_red_packet (self, code);
      return;
    }
  line = axw_checkout_item_from_scan (db (self), code, qty, &error);
  if (line == NULL)
    {
      banner (self, BANNER_ERROR, error->message);
      return;
    }
  if (line->unit_price_fen < 0)
    {
      axw_sale_exceptions_ask_open_price (self, line);
      return;
    }
  axw_sale_view_add_line (self, line);
}

/**
 * axw_sale_view_scan:
 * @code: what the scanner sent
 *
 * A scan is caught wherever the focus is: it finishes what is open
 * (a red packet page takes it as the red packet) and otherwise goes to
 * the cart.
 */
void
axw_sale_view_scan (AxwSaleView *self,
                    const char  *code)
{
  const char *page;

  g_return_if_fail (AXW_IS_SALE_VIEW (self));

  page = gtk_stack_get_visible_child_name (self->pages);
  if (g_str_equal (page, "red-packet"))
    {
      apply_red_packet (self, code);
      return;
    }
  if (g_str_equal (page, "done"))
    start_new_sale (self);
  else if (!g_str_equal (page, "cart"))
    show_page (self, "cart", GTK_WIDGET (self->code_entry));
  add_code (self, code);
}

static void
code_activate_cb (AxwSaleView *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));

  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  add_code (self, text);
}

static void
red_packet_activate_cb (AxwSaleView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sale.red-packet-apply", NULL);
}

/* Search ----------------------------------------------------------------- */

static void
search_changed_cb (AxwSaleView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (*text != '\0' && (found = axw_products_search (db (self), text, 50, &error)) == NULL)
    {
      banner (self, BANNER_ERROR, error->message);
      return;
    }
  for (guint i = 0; found && i < found->len; i++)
    g_ptr_array_add (rows, axw_product_row_new (g_ptr_array_index (found, i)));
  g_list_store_splice (self->found, 0, g_list_model_get_n_items (G_LIST_MODEL (self->found)),
                       rows->pdata, rows->len);
}

static void
search_activate_cb (AxwSaleView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->found)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "sale.add-found", "u", 0);
}

static void
search_row_activate_cb (AxwSaleView *self,
                        guint        position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sale.add-found", "u", position);
}

/* Loose goods sold by weight need the weight: the code entry gets the
 * code and a "*" for the cashier to type the kilograms after. */
static void
add_found_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autoptr(AxwProductRow) row = g_list_model_get_item (G_LIST_MODEL (self->found),
                                                        g_variant_get_uint32 (param));
  g_autofree char *pending = NULL;

  if (row == NULL)
    return;
  show_page (self, "cart", GTK_WIDGET (self->code_entry));
  if (!axw_product_row_get_per_kg (row))
    {
      add_code (self, axw_product_row_get_code (row));
      return;
    }
  pending = g_strdup_printf ("%s*", axw_product_row_get_code (row));
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), pending);
  gtk_editable_set_position (GTK_EDITABLE (self->code_entry), -1);
  banner (self, BANNER_INFO, _("Sold by weight: type the kilograms after the * and press Enter"));
}

static void
add_code_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);

  show_page (self, "cart", GTK_WIDGET (self->code_entry));
  add_code (self, g_variant_get_string (param, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_page (self, "search", GTK_WIDGET (self->search_entry));
}

/* Cart lines ------------------------------------------------------------- */

static gboolean
need_line (AxwSaleView *self,
           gint64      *out_index)
{
  *out_index = selected_index (self);
  if (*out_index >= 0)
    return TRUE;
  banner (self, BANNER_ERROR, _("The cart is empty: scan an item first"));
  return FALSE;
}

static void
remove_line (AxwSaleView *self,
             guint        index)
{
  g_autofree char *text = NULL;

  axw_sale_exceptions_line_removed (self, index);
  g_clear_pointer (&self->undo_line, axw_line_free);
  self->undo_line = axw_cart_remove (cart_of (self), index);
  self->undo_index = index;
  requote (self, index > 0 ? index - 1 : 0);
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_LINE, -1);
  text = g_strdup_printf (_("Removed %s. Press Undo (Ctrl+Z) to put it back."),
                          self->undo_line->name);
  banner (self, BANNER_INFO, text);
  gtk_widget_set_visible (self->banner_undo, TRUE);
  axw_feedback_say (feedback (self), text);
}

static void
change_qty (AxwSaleView *self,
            int          delta)
{
  const AxwLine *l;
  gint64 index;

  if (!need_line (self, &index))
    return;
  l = axw_cart_get_line (cart_of (self), index);
  if (l->per_kg || l->weighed)
    {
      banner (self, BANNER_ERROR,
              _("This item is sold by weight: weigh it again, or use Quantity (F4)."));
      return;
    }
  if (l->qty_milli + delta * 1000 <= 0)
    {
      remove_line (self, index);
      return;
    }
  axw_cart_set_qty (cart_of (self), index, l->qty_milli + delta * 1000);
  if (requote (self, index))
    say_line (self, index);
}

static void
qty_plus_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  change_qty (AXW_SALE_VIEW (widget), +1);
}

static void
qty_minus_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  change_qty (AXW_SALE_VIEW (widget), -1);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  gint64 index;

  if (need_line (self, &index))
    remove_line (self, index);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  guint index;

  if (self->undo_line == NULL)
    {
      banner (self, BANNER_ERROR, _("Nothing to undo"));
      return;
    }
  index = MIN (self->undo_index, axw_cart_get_n_lines (cart_of (self)));
  axw_cart_insert (cart_of (self), index, self->undo_line);
  g_clear_pointer (&self->undo_line, axw_line_free);
  if (requote (self, index))
    {
      axw_sale_exceptions_line_restored (self, index);
      say_line (self, index);
    }
}

static void
set_qty_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autofree char *title = NULL;
  const AxwLine *l;
  gint64 index;

  if (!need_line (self, &index))
    return;
  l = axw_cart_get_line (cart_of (self), index);
  if (l->weighed)
    {
      banner (self, BANNER_ERROR,
              _("A scale label carries its own weight: weigh the goods again."));
      return;
    }
  title = g_strdup_printf (l->per_kg ? _("New weight of %s in kg, then Enter")
                                     : _("New quantity of %s, then Enter"), l->name);
  gtk_label_set_text (self->qty_title, title);
  gtk_editable_set_text (GTK_EDITABLE (self->qty_entry), "");
  axw_keypad_set_decimal (self->qty_keypad, l->per_kg);
  show_page (self, "qty", GTK_WIDGET (self->qty_entry));
}

static void
qty_activate_cb (AxwSaleView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 index = selected_index (self);
  gint64 qty;
  const AxwLine *l;

  if (index < 0)
    return;
  l = axw_cart_get_line (cart_of (self), index);
  if (!axw_qty_parse (gtk_editable_get_text (GTK_EDITABLE (self->qty_entry)), &qty, &error))
    {
      banner (self, BANNER_ERROR, error->message);
      return;
    }
  if (!l->per_kg && qty % 1000 != 0)
    {
      banner (self, BANNER_ERROR, _("This item is sold by the piece: type a whole number."));
      return;
    }
  axw_cart_set_qty (cart_of (self), index, qty);
  show_page (self, "cart", GTK_WIDGET (self->code_entry));
  if (requote (self, index))
    say_line (self, index);
}

/* Hold and recall -------------------------------------------------------- */

/* Held sales live in the database: they are still there after a restart
 * or a change of cashier. */
static void
update_recall (AxwSaleView *self)
{
  guint held = axw_held_sales_count (db (self));
  g_autofree char *label = NULL;

  label = held ? g_strdup_printf (_("Recall sale (F7): %u held"), held)
               : g_strdup (_("Recall sale (F7)"));
  gtk_button_set_label (self->recall_button, label);
}

/* Part payments live only in memory until the sale is committed: a sale
 * that has taken money is finished, never parked. */
static gboolean
refuse_with_payments (AxwSaleView *self)
{
  if (n_payments (self) == 0)
    return FALSE;
  banner (self, BANNER_ERROR,
          _("Money is already taken for this sale: finish it first (press a payment key), "
                                "or remove its payments on the payment screen"));
  return TRUE;
}

static void
hold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = now (self);
  g_autofree char *text = NULL;

  if (axw_cart_is_empty (cart_of (self)))
    {
      banner (self, BANNER_ERROR, _("The cart is empty: there is nothing to hold"));
      return;
    }
  if (refuse_with_payments (self))
    return;
  if (axw_held_sales_add (db (self), cart_of (self), self->staff->name, at, &error) == 0)
    {
      banner (self, BANNER_ERROR, error->message);
      return;
    }
  start_new_sale (self);
  update_recall (self);
  text = g_strdup_printf (_("Sale held (%u waiting). Recall it with F7."),
                          axw_held_sales_count (db (self)));
  banner (self, BANNER_OK, text);
}

/* @id: the held sale chosen, 0 for the newest */
static void
recall_held (AxwSaleView *self,
             gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = now (self);
  AxwCart *back;

  if (refuse_with_payments (self))
    return;
  back = axw_held_sales_recall_id (db (self), id, cart_of (self), self->staff->name, at, &error);
  if (back == NULL)
    {
      banner (self, BANNER_ERROR, error->message);
      return;
    }
  axw_sale_model_set_cart (self->model, back);
  axw_sale_model_clear_payments (self->model);
  show_page (self, "cart", GTK_WIDGET (self->code_entry));
  if (requote (self, -1))
    banner (self, BANNER_OK, _("Held sale recalled"));
  update_recall (self);
}

/* F7: with more than one sale held, the cashier chooses which. */
static void
recall_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);

  if (axw_held_sales_count (db (self)) > 1 && !refuse_with_payments (self))
    axw_sale_exceptions_choose_held (self);
  else
    recall_held (self, 0);
}

/* Payment ---------------------------------------------------------------- */

/* What core makes of the payments taken so far (docs/design.md §5.5): the screen
 * shows it and never adds up money itself. */
static gboolean
settle (AxwSaleView    *self,
        AxwSettlement  *out,
        GError        **error)
{
  return axw_sale_model_settle (self->model, out, error);
}

/* What is still owed if the rest is paid in @method. */
static gint64
still_due (AxwSaleView  *self,
           AxwPayMethod  method)
{
  AxwSettlement s;

  return settle (self, &s, NULL) ? axw_payments_due (&s, method) : 0;
}

static char *
describe_payment (const AxwPayment *p)
{
  g_autofree char *amount = axw_money_format_screen (p->tendered_fen);

  return g_strdup_printf (_("Received %s %s\n"), axw_pay_method_label (p->method), amount);
}

/* A row per part payment, with a button that takes it off again. */
static GtkWidget *
paid_row (guint             index,
          const AxwPayment *p)
{
  g_autofree char *text = g_strchomp (describe_payment (p));
  g_autofree char *amount = axw_money_format_screen (p->tendered_fen);
  g_autofree char *name = g_strdup_printf (_("Remove the payment %s %s"),
                                           axw_pay_method_label (p->method), amount);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *remove = gtk_button_new_with_label (_("✕ Remove"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "axw-paid");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "sale.remove-payment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", (gint32) index);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), remove);
  return row;
}

static void
update_pay_page (AxwSaleView *self)
{
  g_autofree char *due = axw_money_format_screen (still_due (self, method_of (self)));
  g_autofree char *title = g_strdup_printf (_("Payment: %s"),
                                            axw_pay_method_label (method_of (self)));
  g_autofree char *due_text = g_strdup_printf (_("Due %s"), due);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->paid_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->paid_box), child);
  for (guint i = 0; i < n_payments (self); i++)
    gtk_box_append (GTK_BOX (self->paid_box),
                    paid_row (i, axw_sale_model_get_payment (self->model, i)));
  gtk_label_set_text (self->pay_title, title);
  gtk_label_set_text (self->pay_due, due_text);
  gtk_widget_set_visible (self->paid_box, n_payments (self) > 0);
  gtk_widget_set_visible (self->quick_box, method_of (self) == AXW_PAY_CASH);
  gtk_entry_set_placeholder_text (self->amount_entry, due);
}

static void
update_print_status (AxwSaleView *self)
{
  g_autofree char *error = NULL;
  g_autofree char *text = NULL;
  AxwPrintState state;

  if (last_sale_of (self) == NULL)
    return;
  state = axw_print_status_of_sale (db (self), last_sale_of (self)->id, &error);
  text = axw_print_state_describe (state, error);
  gtk_label_set_text (self->print_label, text);
  gtk_label_set_text (self->done_print, text);
  /* a screen reader hears whether the receipt came out, once it is known */
  if ((state == AXW_PRINT_DONE || state == AXW_PRINT_FAILED) &&
      (self->print_sale_id != last_sale_of (self)->id || self->print_state != state))
    axw_a11y_announce (GTK_WIDGET (self->done_print),
                       g_str_has_prefix (text, "✔ ") || g_str_has_prefix (text, "✖ ")
                       ? text + strlen ("✔ ") : text);
  self->print_sale_id = last_sale_of (self)->id;
  self->print_state = state;
}

static void print_queued (AxwSaleView *self);

/* The district hub's part of the indicator, read from the shop's file. */
static void
append_hub_state (AxwSaleView  *self,
                  char        **text,
                  char        **tip)
{
  g_auto(AxwDistrictStatus) st = { 0 };
  char *t, *p;

  if (!axw_district_get_status (db (self), &st, NULL))
    return;
  if (self->hub_push != NULL)
    t = g_strdup_printf (_("%s · Hub: sending…"), *text);
  else if (st.pending > 0 && st.last_error != NULL)
    t = g_strdup_printf (_("%s · ⚠ Hub: %lld waiting, will retry"), *text, (long long) st.pending);
  else if (st.pending > 0)
    t = g_strdup_printf (_("%s · Hub: %lld waiting"), *text, (long long) st.pending);
  else
    t = g_strdup_printf (_("%s · ✔ Hub: all sent"), *text);
  p = g_strdup_printf (_("%s\nDistrict hub, last sent: %s\nLast problem: %s"), *tip,
                       st.last_push ? st.last_push : _("never"),
                       st.last_error ? st.last_error : _("none"));
  g_free (*text);
  g_free (*tip);
  *text = t;
  *tip = p;
}

static void update_sync (AxwSaleView *self);

static void
hub_pushed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(AxwSaleView) self = data;
  g_autoptr(GError) error = NULL;

  axw_district_push_finish (result, NULL, &error);   /* the error is in the shop's file, for the indicator */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->hub_push);
  update_sync (self);
}

/* Sales go to the district hub in the background too, after each sale and
 * every two minutes; one push at a time, never on the GTK thread. */
static void
push_to_hub (AxwSaleView *self)
{
  if (self->hub_push != NULL || !axw_district_configured (db (self)))
    return;
  self->hub_push = g_cancellable_new ();
  axw_district_push_async (axw_db_get_path (db (self)), self->hub_push, hub_pushed_cb,
                           g_object_ref (self));
}

/* The pull's gate, from its worker thread: nothing is committed while
 * the counter has goods or payments of a sale on it. */
static gboolean
no_sale_open (gpointer data)
{
  AxwSaleView *self = data;

  return g_atomic_int_get (&self->sale_open) == 0;
}

static void
hub_pulled_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(AxwSaleView) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = axw_district_pull_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->hub_pull);
  if (summary != NULL)
    g_debug ("%s", summary);
}

/* The district's catalog, promotions and red packets, between sales only. */
static void
pull_from_hub (AxwSaleView *self)
{
  if (self->hub_pull != NULL || g_atomic_int_get (&self->sale_open) ||
      !axw_district_configured (db (self)))
    return;
  self->hub_pull = g_cancellable_new ();
  axw_district_pull_async (axw_db_get_path (db (self)), no_sale_open, self, self->hub_pull,
                           hub_pulled_cb, g_object_ref (self));
}

static gboolean
hub_timer_cb (gpointer data)
{
  push_to_hub (data);
  pull_from_hub (data);
  return G_SOURCE_CONTINUE;
}

static void
district_sync_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  hub_timer_cb (widget);
}

/* The online-shop sync in one small indicator: words and a symbol. */
static void
update_sync (AxwSaleView *self)
{
  g_autofree char *endpoint = axw_settings_get (db (self), "sync.endpoint");
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;
  gint64 pending = axw_sync_agent_get_pending (self->sync);
  gint64 dead = axw_sync_agent_get_dead (self->sync);
  const char *error = axw_sync_agent_get_last_error (self->sync);
  const char *success = axw_sync_agent_get_last_success (self->sync);

  if (endpoint == NULL || *endpoint == '\0')
    text = g_strdup (_("Online shop: not set up"));
  else if (dead > 0)
    text = g_strdup_printf (_("⚠ Online shop: %lld refused, tell the manager"), (long long) dead);
  else if (axw_sync_agent_get_busy (self->sync))
    text = g_strdup (_("Online shop: sending…"));
  else if (pending > 0 && error != NULL)
    text = g_strdup_printf (_("⚠ Online shop: %lld waiting, will retry"), (long long) pending);
  else if (pending > 0)
    text = g_strdup_printf (_("Online shop: %lld waiting"), (long long) pending);
  else
    text = g_strdup (_("✔ Online shop: all sent"));
  tip = g_strdup_printf (_("Last sent: %s\nLast problem: %s"), success ? success : _("never"),
                         error ? error : _("none"));
  if (axw_district_configured (db (self)))
    append_hub_state (self, &text, &tip);
  gtk_label_set_text (self->sync_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_label), tip);
}

static void
sync_notify_cb (GObject    *agent,
                GParamSpec *pspec,
                gpointer    data)
{
  update_sync (data);
}

static gboolean
start_sync_cb (gpointer data)
{
  AxwSaleView *self = data;

  self->sync_start_id = 0;
  axw_sync_agent_start (self->sync, 60);
  push_to_hub (self);
  pull_from_hub (self);
  if (self->hub_timer == 0)
    self->hub_timer = g_timeout_add_seconds (120, hub_timer_cb, self);
  return G_SOURCE_REMOVE;
}

/* Sales go to the online shop in the background; the counter never waits.
 * Its first round (a thread and a database connection) starts once the
 * sale screen is drawn: a low-priority idle runs after the frame. */
static void
ensure_sync (AxwSaleView *self)
{
  if (self->sync == NULL)
    {
      self->sync = axw_sync_agent_new (axw_db_get_path (db (self)));
      g_signal_connect_object (self->sync, "notify", G_CALLBACK (sync_notify_cb), self, 0);
      self->sync_start_id = g_idle_add_full (G_PRIORITY_LOW, start_sync_cb, self, NULL);
    }
  update_sync (self);
}

static void
printed_cb (AxwSaleView *self,
            gboolean     all_printed)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    update_print_status (self);
}

/* Sends the queued receipts off the GTK thread; the sale is already
 * committed, so a printer problem only leaves the job for a retry. */
static void
print_queued (AxwSaleView *self)
{
  if (self->printer == NULL)
    {
      self->printer = axw_print_runner_new (db (self));
      g_signal_connect_object (self->printer, "finished", G_CALLBACK (printed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  axw_print_runner_run (self->printer);
}

static gboolean
print_tick_cb (gpointer data)
{
  update_print_status (data);
  return G_SOURCE_CONTINUE;
}

static void
show_done (AxwSaleView *self)
{
  const AxwSale *s = last_sale_of (self);
  g_autofree char *change = axw_money_format_screen (s->change_fen);
  g_autofree char *change_text = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);

  change_text = s->change_fen > 0
    ? g_strdup_printf (_("Change %s"), change) : g_strdup (_("No change"));
  for (guint i = 0; i < s->payments->len; i++)
    {
      g_autofree char *line = describe_payment (&g_array_index (s->payments, AxwPayment, i));

      g_string_append (detail, line);
    }
  g_string_append_printf (detail, _("Receipt %s"), s->receipt_no);
  gtk_label_set_text (self->done_change, change_text);
  gtk_label_set_text (self->done_detail, detail->str);
  /* a donor may ask for a receipt of the donation (docs/design.md §15) */
  gtk_widget_set_visible (self->donation_receipt_button, !s->is_refund && s->donation_fen > 0);
  update_print_status (self);
  if (self->print_timer == 0)
    self->print_timer = g_timeout_add_seconds (1, print_tick_cb, self);
  show_page (self, "done", self->next_button);
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_DONE, -1);
  {
    g_autofree char *words = s->change_fen > 0 ? g_strdup_printf (_("Your change: %s"), change)
                                               : g_strdup (_("Thank you for shopping with us"));

    axw_sale_model_say (self->model, words);
  }
  banner (self, BANNER_OK, change_text);
  axw_feedback_play (feedback (self), AXW_SOUND_SALE_DONE, GTK_WIDGET (self));
  axw_feedback_say (feedback (self), change_text);
}

static void
show_pay_error (AxwSaleView *self,
                const char  *text)
{
  gtk_label_set_text (self->pay_message, text);
  gtk_widget_set_visible (GTK_WIDGET (self->pay_message), TRUE);
  banner (self, BANNER_ERROR, text);
}

static gboolean
commit (AxwSaleView  *self,
        GError      **error)
{
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) unmarked = NULL;
  AxwSale *sale = axw_checkout_commit (db (self), cart_of (self), at, self->staff->name,
                                       axw_sale_model_get_payments (self->model), n_payments (self),
                                       error);

  if (sale == NULL)
    return FALSE;
  if (self->hub_checked != NULL && sale->red_packet != NULL && sale->red_packet->accepted &&
      g_str_equal (self->hub_checked, sale->red_packet->code) &&
      !axw_district_mark_checked (db (self), sale->uuid, &unmarked))
    g_warning ("The red packet stays “not checked”: %s", unmarked->message);   /* the sale stands */
  axw_sale_model_set_last_sale (self->model, sale);
  forget_sale (self);
  requote (self, -1);
  show_done (self);
  print_queued (self);
  if (self->sync != NULL)
    axw_sync_agent_kick (self->sync);
  push_to_hub (self);
  return TRUE;
}

/* The store wrote nothing, so the payment that would have finished the
 * sale is not kept either: the screen is as it was before it, and says
 * so, for a phone payment the customer has already made. */
static void
refuse_last_payment (AxwSaleView *self,
                     const char  *why)
{
  AxwPayment p = *axw_sale_model_get_payment (self->model, n_payments (self) - 1);
  g_autofree char *amount = axw_money_format_screen (p.tendered_fen);
  g_autofree char *text = NULL;

  axw_sale_model_remove_payment (self->model, n_payments (self) - 1);
  update_pay_page (self);
  text = g_strdup_printf (_("The sale was not saved: %s\nThe payment %s %s is not recorded: "
                            "record it again once this is put right."),
                          why, axw_pay_method_label (p.method), amount);
  show_pay_error (self, text);
}

static void
take_payment (AxwSaleView *self,
              gint64       amount)
{
  g_autoptr(GError) error = NULL;
  AxwPayment p = { method_of (self), amount, amount };
  g_autofree char *text = NULL;
  AxwSettlement s;

  gtk_widget_set_visible (GTK_WIDGET (self->pay_message), FALSE);
  /* nothing to take is right only when nothing is due (a red packet paid all) */
  if (amount < 0 || (amount == 0 && still_due (self, method_of (self)) > 0))
    {
      banner (self, BANNER_ERROR, _("Type the amount received, or choose a quick amount"));
      return;
    }
  axw_sale_model_add_payment (self->model, &p);
  if (!settle (self, &s, &error))
    {
      axw_sale_model_remove_payment (self->model, n_payments (self) - 1);
      show_pay_error (self, error->message);
      return;
    }
  if (s.settled)
    {
      if (!commit (self, &error))
        refuse_last_payment (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
  axw_feedback_play (feedback (self), AXW_SOUND_ACCEPTED, GTK_WIDGET (self));
  update_pay_page (self);
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_PAYMENT, -1);
  text = g_strdup_printf (_("Part payment taken. Still due: %s"),
                          gtk_entry_get_placeholder_text (self->amount_entry));
  banner (self, BANNER_OK, text);
}

/* Takes a part payment off again before the sale is committed: nothing of
 * it was written, so there is nothing to audit, but the cashier hands it
 * back and the screen says so. */
static void
remove_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  gint32 index = g_variant_get_int32 (param);
  AxwPayment p;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;

  if (index < 0 || (guint) index >= n_payments (self))
    return;
  p = *axw_sale_model_get_payment (self->model, index);
  axw_sale_model_remove_payment (self->model, index);
  gtk_widget_set_visible (GTK_WIDGET (self->pay_message), FALSE);
  update_pay_page (self);
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_PAYMENT, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
  amount = axw_money_format_screen (p.tendered_fen);
  text = g_strdup_printf (_("Payment removed: %s %s no longer counts for this sale; give it back "
                            "to the customer. "
                            "Still due: %s"), axw_pay_method_label (p.method), amount,
                          gtk_entry_get_placeholder_text (self->amount_entry));
  banner (self, BANNER_INFO, text);
  axw_feedback_say (feedback (self), text);
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  AxwPayMethod method;

  if (axw_cart_is_empty (cart_of (self)))
    {
      banner (self, BANNER_ERROR, _("The cart is empty: scan an item first"));
      return;
    }
  if (!axw_pay_method_from_string (g_variant_get_string (param, NULL), &method))
    method = AXW_PAY_CASH;
  axw_sale_model_set_method (self->model, method);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->pay_message), FALSE);
  update_pay_page (self);
  show_page (self, "pay", GTK_WIDGET (self->amount_entry));
  axw_sale_model_emit (self->model, AXW_SALE_EVENT_DUE, -1);
  total = axw_money_format_screen (still_due (self, method_of (self)));
  {
    g_autofree char *please = g_strdup_printf (_("Please pay %s"), total);

    axw_sale_model_say (self->model, please);
  }
  text = method_of (self) == AXW_PAY_CASH
         ? g_strdup_printf (_("Total %s. Type the cash received and press Enter (Enter alone: "
                              "exact)"), total)
         : g_strdup_printf (_("Total %s. When the customer's %s payment shows as paid, press Enter"),
                            total, axw_pay_method_label (method_of (self)));
  banner (self, BANNER_INFO, text);
  axw_feedback_say (feedback (self), text);
}

static void
cash_quick_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  gint64 fen = g_variant_get_int32 (param);

  if (axw_cart_is_empty (cart_of (self)))
    return;
  axw_sale_model_set_method (self->model, AXW_PAY_CASH);
  take_payment (self, fen > 0 ? fen : still_due (self, AXW_PAY_CASH));
}

static void
pay_confirm_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  gint64 amount;

  if (axw_cart_is_empty (cart_of (self)))
    return;
  if (*text == '\0')
    amount = still_due (self, method_of (self));
  else if (!axw_money_parse (text, &amount, &error))
    {
      show_pay_error (self, error->message);
      return;
    }
  take_payment (self, amount);
}

static void
amount_activate_cb (AxwSaleView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sale.pay-confirm", NULL);
}

static void
reprint_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (last_sale_of (self) == NULL)
    {
      banner (self, BANNER_ERROR, _("No sale yet: there is no receipt to reprint"));
      return;
    }
  if (axw_print_queue_reprint (db (self), last_sale_of (self), self->staff->name, &error) == 0)
    {
      banner (self, BANNER_ERROR, error->message);
      return;
    }
  update_print_status (self);
  print_queued (self);
  banner (self, BANNER_OK, _("The last receipt is printing again"));
}

/* Words for the customer ------------------------------------------------- */

/* The amount a phrase's "¥X" stands for: the change once the sale is
 * done, what is due while paying, else the total. */
static char *
amount_now (AxwSaleView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages);

  if (g_str_equal (page, "done") && last_sale_of (self) != NULL)
    return axw_money_format_screen (last_sale_of (self)->change_fen);
  if (g_str_equal (page, "pay"))
    return axw_money_format_screen (still_due (self, method_of (self)));
  return axw_money_format_screen (quote_of (self) ? quote_of (self)->total_fen : 0);
}

/* On the customer display, and spoken when the cashier has speech on. */
static void
phrase_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  const char *phrase = axw_phrase_bar_get_phrase (self->phrase_bar,
                                                  (guint) g_variant_get_int32 (param));
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (phrase == NULL)
    return;
  amount = amount_now (self);
  text = axw_phrase_fill_amount (phrase, amount);
  axw_sale_model_say (self->model, text);
  shown = g_strdup_printf (_("On the customer display: %s"), text);
  banner (self, BANNER_INFO, shown);
  axw_feedback_say (feedback (self), text);
}

/* Navigation ------------------------------------------------------------- */

static void
new_sale_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  start_new_sale (AXW_SALE_VIEW (widget));
}

/* Escape: one step back, never further. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->pages);

  if (g_str_equal (page, "done"))
    start_new_sale (self);
  else if (!g_str_equal (page, "cart"))
    {
      show_page (self, "cart", GTK_WIDGET (self->code_entry));
      if (n_payments (self) > 0)
        banner (self, BANNER_INFO, _("Part payments are kept: press a payment key to finish"));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
red_packet_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);

  gtk_widget_set_visible (self->rp_result_box, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->red_packet_entry), "");
  show_page (self, "red-packet", GTK_WIDGET (self->red_packet_entry));
}

static void
red_packet_apply_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->red_packet_entry))));

  if (*code == '\0')
    {
      banner (self, BANNER_ERROR, _("Scan or type the red packet code first"));
      return;
    }
  apply_red_packet (self, code);
}

static void
remove_red_packet_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);

  axw_cart_set_voucher_code (cart_of (self), NULL);
  requote (self, -1);
  show_page (self, "cart", GTK_WIDGET (self->code_entry));
  banner (self, BANNER_INFO, _("No red packet on this sale"));
}

static void
switch_cashier_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_signal_emit (widget, signals[SIGNAL_SWITCH_CASHIER], 0);
}

/* Settings of whoever is logged in --------------------------------------- */

/* A chosen setting shows a ✔ as well as its colour. */
static void
mark_toggles (AxwSaleView *self)
{
  GtkToggleButton *toggles[] = { self->scale_100, self->scale_125, self->scale_150, self->scale_175,
                                 self->scale_200, self->contrast_toggle, self->sound_toggle,
                                 self->speech_toggle };

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      const char *base = g_object_get_data (G_OBJECT (toggles[i]), "axw-label");
      g_autofree char *label = NULL;

      if (base == NULL)
        {
          g_object_set_data_full (G_OBJECT (toggles[i]), "axw-label",
                                  g_strdup (gtk_button_get_label (GTK_BUTTON (toggles[i]))),
                                  g_free);
          base = g_object_get_data (G_OBJECT (toggles[i]), "axw-label");
        }
      label = gtk_toggle_button_get_active (toggles[i])
        ? g_strconcat ("✔ ", base, NULL) : g_strdup (base);
      gtk_button_set_label (GTK_BUTTON (toggles[i]), label);
    }
}

static GtkToggleButton *
scale_button (AxwSaleView *self,
              int          pct)
{
  GtkToggleButton *buttons[] = { self->scale_100, self->scale_125, self->scale_150, self->scale_175,
                                 self->scale_200 };

  return buttons[CLAMP ((pct - 100 + 12) / 25, 0, 4)];
}

static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autofree char *title = g_strdup_printf (_("Settings of %s"), self->staff->name);

  self->loading_prefs = TRUE;
  gtk_label_set_text (self->prefs_title, title);
  gtk_toggle_button_set_active (scale_button (self, self->staff->font_scale_pct), TRUE);
  gtk_toggle_button_set_active (self->contrast_toggle, self->staff->high_contrast);
  gtk_toggle_button_set_active (self->sound_toggle, self->staff->sound);
  gtk_toggle_button_set_active (self->speech_toggle, self->staff->speech);
  self->loading_prefs = FALSE;
  mark_toggles (self);
  show_page (self, "prefs", GTK_WIDGET (scale_button (self, self->staff->font_scale_pct)));
}

static void
prefs_toggled_cb (AxwSaleView *self)
{
  g_autoptr(GError) error = NULL;
  GtkToggleButton *scales[] = { self->scale_100, self->scale_125, self->scale_150, self->scale_175,
                                self->scale_200 };

  if (self->loading_prefs || self->staff == NULL)
    return;
  mark_toggles (self);
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (gtk_toggle_button_get_active (scales[i]))
      self->staff->font_scale_pct = 100 + 25 * (int) i;
  self->staff->high_contrast = gtk_toggle_button_get_active (self->contrast_toggle);
  self->staff->sound = gtk_toggle_button_get_active (self->sound_toggle);
  self->staff->speech = gtk_toggle_button_get_active (self->speech_toggle);
  axw_application_apply_prefs (self->app, self->staff);
  if (!axw_staff_save_prefs (db (self), self->staff, &error))
    banner (self, BANNER_ERROR, error->message);
}

/* At 175 % text and more five columns do not fit beside the total on a
 * 1280 px screen without breaking numbers apart: the unit price and the
 * promotion move under the name, the quantity and the amount keep their
 * columns. */
static void
update_cart_columns (AxwSaleView *self)
{
  gboolean compact = self->app != NULL && axw_application_get_font_scale (self->app) >= 175;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (compact == self->compact_cart)
    return;
  self->compact_cart = compact;
  gtk_column_view_column_set_visible (self->price_column, !compact);
  gtk_column_view_column_set_visible (self->promotion_column, !compact);
  /* bound again, with the other text in the name cell; the same row
   * objects, so the selection keeps the chosen line */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->rows), i));
  g_list_store_splice (self->rows, 0, n, rows->pdata, n);
}

/* Public ----------------------------------------------------------------- */

/**
 * axw_sale_view_start:
 * @staff: who is at the counter now (copied)
 *
 * Keeps the cart: a quick switch of cashier does not lose the sale.
 */
void
axw_sale_view_start (AxwSaleView    *self,
                     AxwApplication *app,
                     const AxwStaff *staff)
{
  g_autofree char *cashier = NULL;

  g_return_if_fail (AXW_IS_SALE_VIEW (self));

  if (self->app != app)
    {
      g_set_object (&self->app, app);
      g_signal_connect_object (app, "notify::font-scale", G_CALLBACK (update_cart_columns), self,
                               G_CONNECT_SWAPPED);
      /* the settings say why the speech is quiet while a screen reader runs */
      g_object_bind_property (axw_application_get_feedback (app), "screen-reader",
                              self->speech_note, "visible", G_BINDING_SYNC_CREATE);
    }
  update_cart_columns (self);
  g_clear_pointer (&self->staff, axw_staff_free);
  self->staff = axw_staff_copy (staff);
  cashier = g_strdup_printf (_("Cashier: %s"), staff->name);
  gtk_label_set_text (self->cashier_label, cashier);
  /* the top bar's buttons wrap in a flow box: a hidden one would keep its
   * place on the line */
  gtk_widget_set_visible (gtk_widget_get_parent (self->manager_button), staff->manager);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (gtk_widget_get_ancestor (self->manager_button,
                                                                                 GTK_TYPE_FLOW_BOX)),
                                          staff->manager ? 4 : 3);
  ensure_sync (self);
  update_promotions (self);
  update_recall (self);
  {
    g_autofree char *phrases = axw_settings_get (db (self), "display.phrases");

    axw_phrase_bar_set_phrases (self->phrase_bar, phrases);
  }
  requote (self, -1);
  if (axw_cart_is_empty (cart_of (self)))
    start_new_sale (self);
  else
    show_page (self, "cart", GTK_WIDGET (self->code_entry));
}

/* For the window's own commands: the banner, with the error sound when
 * @error. */
void
axw_sale_view_show_message (AxwSaleView *self,
                            gboolean     error,
                            const char  *text)
{
  g_return_if_fail (AXW_IS_SALE_VIEW (self));
  banner (self, error ? BANNER_ERROR : BANNER_INFO, text);
}

/* @fixed: (nullable): the time every sale is made at, for tests; %NULL
 * for the clock */
void
axw_sale_view_set_clock (AxwSaleView *self,
                         GDateTime   *fixed)
{
  g_return_if_fail (AXW_IS_SALE_VIEW (self));
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  self->fixed_now = fixed ? g_date_time_ref (fixed) : NULL;
  if (self->app)
    update_promotions (self);
}

/* Returns: "cart", "search", "red-packet", "qty", "pay", "done" or "prefs" */
const char *
axw_sale_view_get_page (AxwSaleView *self)
{
  g_return_val_if_fail (AXW_IS_SALE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

/* Returns: (transfer none): the cart lines shown (AxwCartRow) */
GListModel *
axw_sale_view_get_cart_model (AxwSaleView *self)
{
  g_return_val_if_fail (AXW_IS_SALE_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* Returns: (transfer none): the open sale, for the customer's displays */
AxwSaleModel *
axw_sale_view_get_model (AxwSaleView *self)
{
  g_return_val_if_fail (AXW_IS_SALE_VIEW (self), NULL);
  return self->model;
}

const AxwSale *
axw_sale_view_get_quote (AxwSaleView *self)
{
  g_return_val_if_fail (AXW_IS_SALE_VIEW (self), NULL);
  return quote_of (self);
}

/* Returns: (nullable): the sale committed last */
const AxwSale *
axw_sale_view_get_last_sale (AxwSaleView *self)
{
  g_return_val_if_fail (AXW_IS_SALE_VIEW (self), NULL);
  return last_sale_of (self);
}

const AxwStaff *
axw_sale_view_get_staff (AxwSaleView *self)
{
  g_return_val_if_fail (AXW_IS_SALE_VIEW (self), NULL);
  return self->staff;
}

/**
 * axw_sale_view_get_text:
 * @what: "banner", "total", "change", "red-packet", "due", "promotion"
 *   or "print"
 *
 * Returns: what the screen shows there, as people read it
 */
const char *
axw_sale_view_get_text (AxwSaleView *self,
                        const char  *what)
{
  const struct { const char *what; GtkLabel *label; } labels[] = {
    { "banner", self->banner_label }, { "total", self->total_label },
    { "change", self->done_change }, { "red-packet", self->rp_result },
    { "due", self->pay_due }, { "promotion", self->promotion_label },
    { "print", self->print_label }, { "banner-icon", self->banner_icon },
    { "sync", self->sync_label },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].what, what))
      return gtk_label_get_text (labels[i].label);
  g_return_val_if_reached (NULL);
}

/* Cart columns ----------------------------------------------------------- */

typedef const char *(*RowText) (AxwCartRow *row);

typedef enum {
  CELL_NAME,    /* wraps anywhere: long names in any script */
  CELL_NUMBER,  /* right-aligned, wraps only between words: never inside a number */
  CELL_WORDS,   /* wraps between words */
} CellKind;

/* The label of a cart cell, or of the banner, wrapped as @kind says. */
static GtkLabel *
setup_cell_label (AxwCell    *cell,
                  CellKind    kind,
                  const char *css_class)
{
  GtkLabel *label = axw_cell_get_label (cell);

  gtk_label_set_xalign (label, kind == CELL_NUMBER ? 1.0f : 0.0f);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, kind == CELL_NAME ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  return label;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *cell = axw_cell_new ();

  setup_cell_label (AXW_CELL (cell), GPOINTER_TO_INT (data), "axw-cell");
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AxwSaleView              *self)
{
  RowText text = g_object_get_data (G_OBJECT (factory), "axw-text");
  AxwCartRow *row = AXW_CART_ROW (gtk_list_item_get_item (item));

  /* the name column holds the price and promotion too when theirs are hidden */
  if (text == axw_cart_row_get_name && self->compact_cart)
    text = axw_cart_row_get_name_and_detail;
  gtk_label_set_text (axw_cell_get_label (AXW_CELL (gtk_list_item_get_child (item))), text (row));
}

static GtkColumnViewColumn *
add_column (AxwSaleView *self,
            const char  *title,
            RowText      text,
            CellKind     kind,
            gboolean     expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "axw-text", text);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->cart_view, column);
  g_object_unref (column);
  return column;
}

static void
found_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  unused)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *price = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (name, "axw-found-name");
  gtk_widget_add_css_class (detail, "axw-found-detail");
  gtk_widget_add_css_class (price, "axw-found-price");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), price);
  gtk_list_item_set_child (item, box);
}

static void
found_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  unused)
{
  AxwProductRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (text)),
                      axw_product_row_get_name (row));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (text)),
                      axw_product_row_get_detail (row));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), axw_product_row_get_price (row));
}

/* At twice the text size a row of buttons must still fit: their labels
 * wrap instead of widening the screen. */
void
axw_wrap_button_labels (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *label = gtk_widget_get_first_child (c);

      /* (a homogeneous box measures wrapped labels inconsistently) */
      if (GTK_IS_BUTTON (c) && GTK_IS_LABEL (label) &&
          !(GTK_IS_BOX (widget) && gtk_box_get_homogeneous (GTK_BOX (widget))))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
        }
      else if (!GTK_IS_BUTTON (c))
        axw_wrap_button_labels (c);
    }
}

/* GObject ---------------------------------------------------------------- */

static void
axw_sale_view_dispose (GObject *object)
{
  AxwSaleView *self = AXW_SALE_VIEW (object);

  g_clear_handle_id (&self->print_timer, g_source_remove);
  g_clear_handle_id (&self->sync_start_id, g_source_remove);
  g_clear_handle_id (&self->hub_timer, g_source_remove);
  g_cancellable_cancel (self->hub_push);
  g_clear_object (&self->hub_push);
  g_cancellable_cancel (self->hub_pull);
  g_clear_object (&self->hub_pull);
  forget_hub_check (self);
  if (self->sync != NULL)
    axw_sync_agent_stop (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->printer);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXW_TYPE_SALE_VIEW);
  /* the template's unnamed top box */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->app);
  g_clear_object (&self->model);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_object (&self->found);
  G_OBJECT_CLASS (axw_sale_view_parent_class)->dispose (object);
}

static void
axw_sale_view_finalize (GObject *object)
{
  AxwSaleView *self = AXW_SALE_VIEW (object);

  g_clear_pointer (&self->staff, axw_staff_free);
  g_clear_pointer (&self->undo_line, axw_line_free);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  G_OBJECT_CLASS (axw_sale_view_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AxwSaleView, name)

static void
axw_sale_view_class_init (AxwSaleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_sale_view_dispose;
  object_class->finalize = axw_sale_view_finalize;

  signals[SIGNAL_SWITCH_CASHIER] = g_signal_new ("switch-cashier", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);

  g_type_ensure (AXW_TYPE_KEYPAD);
  g_type_ensure (AXW_TYPE_CELL);
  g_type_ensure (AXW_TYPE_DONATION_BAR);
  g_type_ensure (AXW_TYPE_PHRASE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/cn/aixinwu/Pos/ui/axw-sale-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  BIND (pages); BIND (cashier_label); BIND (sync_label); BIND (promotion_label); BIND (print_label);
  BIND (banner); BIND (banner_icon); BIND (banner_cell); BIND (banner_undo); BIND (phrase_bar);
  BIND (code_entry); BIND (cart_view); BIND (search_entry); BIND (search_view);
  BIND (red_packet_entry); BIND (rp_result_box); BIND (rp_icon); BIND (rp_result);
  BIND (qty_title); BIND (qty_entry); BIND (qty_keypad);
  BIND (pay_title); BIND (pay_due); BIND (paid_box); BIND (amount_entry); BIND (quick_box);
  BIND (pay_keypad); BIND (pay_message);
  BIND (done_change); BIND (done_detail); BIND (done_print); BIND (next_button);
  BIND (donation_receipt_button);
  BIND (recall_button); BIND (line_grid); BIND (manager_button); BIND (action_grid); BIND (total_label); BIND (summary_label); BIND (red_packet_label); BIND (donation_bar);
  BIND (prefs_title); BIND (scale_100); BIND (scale_125); BIND (scale_150); BIND (scale_175);
  BIND (scale_200); BIND (contrast_toggle); BIND (sound_toggle); BIND (speech_toggle); BIND (speech_note);

  gtk_widget_class_install_action (widget_class, "sale.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "sale.add-found", "u", add_found_action);
  gtk_widget_class_install_action (widget_class, "sale.add-code", "s", add_code_action);
  gtk_widget_class_install_action (widget_class, "sale.set-qty", NULL, set_qty_action);
  gtk_widget_class_install_action (widget_class, "sale.qty-plus", NULL, qty_plus_action);
  gtk_widget_class_install_action (widget_class, "sale.qty-minus", NULL, qty_minus_action);
  gtk_widget_class_install_action (widget_class, "sale.remove-line", NULL, remove_line_action);
  gtk_widget_class_install_action (widget_class, "sale.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "sale.hold", NULL, hold_action);
  gtk_widget_class_install_action (widget_class, "sale.recall", NULL, recall_action);
  gtk_widget_class_install_action (widget_class, "sale.red-packet", NULL, red_packet_action);
  gtk_widget_class_install_action (widget_class, "sale.red-packet-apply", NULL,
                                   red_packet_apply_action);
  gtk_widget_class_install_action (widget_class, "sale.remove-red-packet", NULL,
                                   remove_red_packet_action);
  gtk_widget_class_install_action (widget_class, "sale.pay", "s", pay_action);
  gtk_widget_class_install_action (widget_class, "sale.cash-quick", "i", cash_quick_action);
  gtk_widget_class_install_action (widget_class, "sale.pay-confirm", NULL, pay_confirm_action);
  gtk_widget_class_install_action (widget_class, "sale.remove-payment", "i", remove_payment_action);
  gtk_widget_class_install_action (widget_class, "sale.reprint", NULL, reprint_action);
  gtk_widget_class_install_action (widget_class, "sale.phrase", "i", phrase_action);
  gtk_widget_class_install_action (widget_class, "sale.new-sale", NULL, new_sale_action);
  gtk_widget_class_install_action (widget_class, "sale.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "sale.switch-cashier", NULL,
                                   switch_cashier_action);
  gtk_widget_class_install_action (widget_class, "sale.settings", NULL, settings_action);
  axw_sale_exceptions_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "sale.district-sync", NULL, district_sync_action);
  axw_sale_donations_class_init (widget_class);
}

static void
axw_sale_view_init (AxwSaleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* a wrapped label whose width does not depend on its height (axw-cell.c):
   * the banner changes with every scan, in a horizontal box */
  self->banner_label = setup_cell_label (self->banner_cell, CELL_NAME, "axw-message-text");

  self->model = axw_sale_model_new ();
  self->rows = g_list_store_new (AXW_TYPE_CART_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->cart_view, GTK_SELECTION_MODEL (self->selection));
  add_column (self, _("Item"), axw_cart_row_get_name, CELL_NAME, TRUE);
  add_column (self, _("Qty"), axw_cart_row_get_qty, CELL_NUMBER, FALSE);
  self->price_column = add_column (self, _("Price"), axw_cart_row_get_price, CELL_NUMBER, FALSE);
  add_column (self, _("Amount"), axw_cart_row_get_amount, CELL_NUMBER, FALSE);
  self->promotion_column = add_column (self, _("Promotion"), axw_cart_row_get_promotion, CELL_WORDS,
                                       FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cart_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cart lines: arrow keys choose a line"), -1);

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    self->found = g_list_store_new (AXW_TYPE_PRODUCT_ROW);
    g_signal_connect (factory, "setup", G_CALLBACK (found_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (found_bind_cb), NULL);
    gtk_list_view_set_factory (self->search_view, factory);
    g_object_unref (factory);
    gtk_list_view_set_model (self->search_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->found)))));
  }

  axw_wrap_button_labels (self->line_grid);
  axw_wrap_button_labels (self->action_grid);
  axw_keypad_set_target (self->qty_keypad, GTK_EDITABLE (self->qty_entry));
  axw_keypad_set_target (self->pay_keypad, GTK_EDITABLE (self->amount_entry));
  axw_keypad_set_decimal (self->pay_keypad, TRUE);
  g_signal_connect_swapped (self->code_entry, "activate", G_CALLBACK (code_activate_cb), self);
  g_signal_connect_swapped (self->red_packet_entry, "activate", G_CALLBACK (red_packet_activate_cb),
                            self);
  g_signal_connect_swapped (self->qty_entry, "activate", G_CALLBACK (qty_activate_cb), self);
  g_signal_connect_swapped (self->amount_entry, "activate", G_CALLBACK (amount_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_view, "activate", G_CALLBACK (search_row_activate_cb),
                            self);
  g_signal_connect_swapped (self->scale_100, "toggled", G_CALLBACK (prefs_toggled_cb), self);
  g_signal_connect_swapped (self->scale_125, "toggled", G_CALLBACK (prefs_toggled_cb), self);
  g_signal_connect_swapped (self->scale_150, "toggled", G_CALLBACK (prefs_toggled_cb), self);
  g_signal_connect_swapped (self->scale_175, "toggled", G_CALLBACK (prefs_toggled_cb), self);
  g_signal_connect_swapped (self->scale_200, "toggled", G_CALLBACK (prefs_toggled_cb), self);
  g_signal_connect_swapped (self->contrast_toggle, "toggled", G_CALLBACK (prefs_toggled_cb), self);
  g_signal_connect_swapped (self->sound_toggle, "toggled", G_CALLBACK (prefs_toggled_cb), self);
  g_signal_connect_swapped (self->speech_toggle, "toggled", G_CALLBACK (prefs_toggled_cb), self);
}

/**
 * axw_sale_view_has_open_sale:
 *
 * Returns: whether goods are in the cart: a sale a restore of the
 *   database would lose (held sales are in the database itself)
 */
gboolean
axw_sale_view_has_open_sale (AxwSaleView *self)
{
  g_return_val_if_fail (AXW_IS_SALE_VIEW (self), FALSE);

  return !axw_cart_is_empty (cart_of (self));
}

/* For axw-sale-exceptions.c (axw-sale-view-private.h) ---------------------- */

/* A line ready for the cart (an open-price item once its price is typed). */
void
axw_sale_view_add_line (AxwSaleView   *self,
                        const AxwLine *line)
{
  guint index = axw_cart_add (cart_of (self), line);

  if (requote (self, index))
    say_line (self, index);
}

AxwDb *
axw_sale_view_get_db (AxwSaleView *self)
{
  return db (self);
}

AxwCart *
axw_sale_view_get_cart (AxwSaleView *self)
{
  return cart_of (self);
}

/* Returns: the chosen cart line, or -1 (with the banner saying so) */
gint64
axw_sale_view_get_selected (AxwSaleView *self)
{
  gint64 index;

  return need_line (self, &index) ? index : -1;
}

/* Returns: TRUE (with the banner saying so) when money is already taken */
gboolean
axw_sale_view_has_payments (AxwSaleView *self)
{
  return refuse_with_payments (self);
}

GDateTime *
axw_sale_view_now (AxwSaleView *self)
{
  return now (self);
}

gboolean
axw_sale_view_requote (AxwSaleView *self,
                       gint64       select)
{
  return requote (self, select);
}

/* An exception done: the banner and, with speech on, the voice say it. */
void
axw_sale_view_say (AxwSaleView *self,
                   const char  *text)
{
  banner (self, BANNER_OK, text);
  axw_feedback_say (feedback (self), text);
}

void
axw_sale_view_start_new_sale (AxwSaleView *self)
{
  start_new_sale (self);
}

void
axw_sale_view_recall (AxwSaleView *self,
                      gint64       id)
{
  recall_held (self, id);
}

void
axw_sale_view_print_queued (AxwSaleView *self)
{
  update_print_status (self);
  print_queued (self);
}
