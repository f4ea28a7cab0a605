/* axw-customer-display.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer's screen (issue 15): a second window, fullscreen on the
 * monitor the "display.customer" setting names, that follows the open
 * sale (AxwSaleModel) and takes no input. Idle it shows the shop, today's
 * promotion and the online shop's QR code; during a sale the line just
 * scanned, the lines, the savings, the total in large figures, then the
 * payments and the change; under it the phrase the cashier chose for the
 * customer. Every amount is one the model holds, formatted by core.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-customer-display.h"
#include "axw-escpos.h"
#include "axw-settings.h"

#define MAX_LINES 10    /* the newest lines; the cashier's screen has them all */

struct _AxwCustomerDisplay
{
  GtkWindow     parent_instance;

  AxwApplication *app;
  AxwSaleModel *model;

  GtkStack     *pages;
  GtkLabel     *shop_label;
  GtkLabel     *promo_label;
  GtkPicture   *qr_picture;
  GtkLabel     *qr_label;
  GtkLabel     *last_line_label;
  GtkLabel     *lines_label;
  GtkLabel     *savings_label;
  GtkLabel     *total_title;
  GtkLabel     *total_label;
  GtkLabel     *pay_label;
  GtkLabel     *phrase_label;

  /* shown at the next update, after the cashier's own frame */
  char         *last_line;
  char         *phrase;
  guint         update_id;
  gboolean      has_qr;
};

G_DEFINE_FINAL_TYPE (AxwCustomerDisplay, axw_customer_display, GTK_TYPE_WINDOW)

static char *
line_text (AxwLine *l)
{
  g_autofree char *qty = axw_qty_format (l->qty_milli);
  g_autofree char *amount = axw_money_format_screen (l->net_fen);

  return g_strdup_printf (_("%s × %s  %s"), l->name, qty, amount);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The savings in words: the promotions, and the red packet with its funder. */
static char *
savings_text (const AxwSale *q)
{
  GString *text = g_string_new (NULL);

  if (q == NULL)
    return g_string_free (text, FALSE);
  if (q->promo_fen > 0)
    {
      g_autofree char *off = axw_money_format_screen (q->promo_fen);

      g_string_append_printf (text, _("Promotions −%s"), off);
    }
  if (q->red_packet && q->red_packet->accepted)
    {
      g_autofree char *off = axw_money_format_screen (q->red_packet->discount_fen);

      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Red packet paid by %s −%s"), q->red_packet->funder, off);
    }
  return g_string_free (text, FALSE);
}

static void
show_lines (AxwCustomerDisplay *self,
            const AxwSale      *q)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = q ? q->lines->len : 0;

  for (guint i = n > MAX_LINES ? n - MAX_LINES : 0; i < n; i++)
    {
      g_autofree char *line = line_text (axw_sale_get_line ((AxwSale *) q, i));

      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line);
    }
  gtk_label_set_text (self->lines_label, text->str);
}

/* The payments taken so far, each as the cashier's screen lists them. */
static char *
payments_text (const AxwPayment *payments,
               guint             n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *amount = axw_money_format_screen (payments[i].tendered_fen);

      g_string_append_printf (text, "%s%s %s", text->len ? "\n" : "",
                              axw_pay_method_label (payments[i].method), amount);
    }
  return g_string_free (text, FALSE);
}

static void
refresh (AxwCustomerDisplay *self)
{
  AxwSaleStep step = axw_sale_model_get_step (self->model);
  const AxwSale *q = axw_sale_model_get_quote (self->model);
  const AxwSale *last = axw_sale_model_get_last_sale (self->model);
  g_autofree char *total = NULL;
  g_autofree char *savings = NULL;
  g_autofree char *pay = NULL;

  set_label (self->promo_label, axw_sale_model_get_promotion (self->model));
  if (step == AXW_SALE_STEP_IDLE)
    {
      gtk_stack_set_visible_child_name (self->pages, "idle");
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "sale");
  if (step == AXW_SALE_STEP_DONE && last != NULL)
    {
      const AxwPayment *payments = (const AxwPayment *) last->payments->data;
      g_autofree char *change = axw_money_format_screen (last->change_fen);
      g_autofree char *tendered = NULL;
      g_autofree char *paid = NULL;

      /* what the customer handed over, as they handed it */
      if (last->payments->len == 1)
        {
          tendered = axw_money_format_screen (payments[0].tendered_fen);
          paid = g_strdup_printf (_("Paid %s"), tendered);
        }
      else
        paid = payments_text (payments, last->payments->len);
      show_lines (self, last);
      savings = savings_text (last);
      total = axw_money_format_screen (last->total_fen);
      gtk_label_set_text (self->total_title, _("Total"));
      pay = last->change_fen > 0 ? g_strdup_printf (_("%s\nChange %s"), paid, change)
                                 : g_strdup_printf (_("%s\nNo change"), paid);
    }
  else if (step == AXW_SALE_STEP_PAY)
    {
      show_lines (self, q);
      savings = savings_text (q);
      total = axw_money_format_screen (axw_sale_model_get_due (self->model));
      gtk_label_set_text (self->total_title, _("Please pay"));
      pay = payments_text (axw_sale_model_get_payments (self->model),
                           axw_sale_model_get_n_payments (self->model));
    }
  else
    {
      show_lines (self, q);
      savings = savings_text (q);
      total = axw_money_format_screen (q ? q->total_fen : 0);
      gtk_label_set_text (self->total_title, _("Total"));
    }
  set_label (self->savings_label, savings);
  gtk_label_set_text (self->total_label, total);
  set_label (self->pay_label, pay);
}

static gboolean
update_cb (gpointer data)
{
  AxwCustomerDisplay *self = data;

  self->update_id = 0;
  set_label (self->last_line_label, self->last_line);
  set_label (self->phrase_label, self->phrase);
  /* a phrase needs the room more than the QR code does */
  gtk_widget_set_visible (GTK_WIDGET (self->qr_picture), self->has_qr && self->phrase == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->qr_label), self->has_qr && self->phrase == NULL);
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The labels change once the sale screen has drawn its own frame: an
 * idle runs after GDK's frames, so the cashier never waits for the
 * customer's screen. */
static void
queue_update (AxwCustomerDisplay *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_cb, self, NULL);
}

static void
event_cb (AxwSaleModel       *model,
          AxwSaleEvent        event,
          gint                line,
          AxwCustomerDisplay *self)
{
  const AxwSale *q = axw_sale_model_get_quote (model);

  switch (event)
    {
    case AXW_SALE_EVENT_NEW_SALE:
      g_clear_pointer (&self->last_line, g_free);
      g_clear_pointer (&self->phrase, g_free);
      break;
    case AXW_SALE_EVENT_LINE:
      g_clear_pointer (&self->last_line, g_free);
      if (line >= 0 && q != NULL && (guint) line < q->lines->len)
        self->last_line = line_text (axw_sale_get_line ((AxwSale *) q, line));
      g_clear_pointer (&self->phrase, g_free);
      break;
    case AXW_SALE_EVENT_PHRASE:
      g_free (self->phrase);
      self->phrase = g_strdup (axw_sale_model_get_phrase (model));
      break;
    case AXW_SALE_EVENT_RED_PACKET:
    case AXW_SALE_EVENT_DUE:
    case AXW_SALE_EVENT_PAYMENT:
    case AXW_SALE_EVENT_DONE:
    case AXW_SALE_EVENT_NONE:
    default:
      break;
    }
  queue_update (self);
}

/**
 * axw_customer_display_qr_url:
 *
 * Returns: (transfer full) (nullable): the online shop's address for the
 *   idle screen's QR code: "display.qr_url", else the start of the receipt's
 *   link ("https://shop.example/r/{uuid}" gives "https://shop.example/")
 */
char *
axw_customer_display_qr_url (AxwDb *db)
{
  g_autofree char *url = axw_settings_get (db, "display.qr_url");
  g_autofree char *receipt = NULL;
  g_autoptr(GUri) uri = NULL;

  if (url != NULL && *url != '\0')
    return g_steal_pointer (&url);
  receipt = axw_settings_get (db, "receipt.qr_url");
  if (receipt == NULL || *receipt == '\0' ||
      (uri = g_uri_parse (receipt, G_URI_FLAGS_NONE, NULL)) == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), "/", NULL, NULL);
}

/* The QR code as a texture, each module a square of pixels (a scaled
 * picture would blur the modules' edges). */
static GdkTexture *
qr_texture (const char *url)
{
  g_autoptr(AxwRaster) raster = axw_raster_new_qr (url, 600, NULL);
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels;
  guint side, zoom = 2;

  if (raster == NULL)
    return NULL;
  side = raster->width_dots * zoom;
  pixels = g_malloc ((gsize) side * side * 3);
  for (guint y = 0; y < side; y++)
    for (guint x = 0; x < side; x++)
      memset (pixels + 3 * ((gsize) y * side + x),
              axw_raster_get (raster, x / zoom, y / zoom) ? 0 : 255, 3);
  bytes = g_bytes_new_take (pixels, (gsize) side * side * 3);
  return gdk_memory_texture_new ((int) side, (int) side, GDK_MEMORY_R8G8B8, bytes, side * 3);
}

static void
show_idle (AxwCustomerDisplay *self)
{
  AxwDb *db = axw_application_get_db (self->app);
  g_autofree char *shop = axw_settings_get (db, "shop.name");
  g_autofree char *url = axw_customer_display_qr_url (db);
  g_autoptr(GdkTexture) qr = url ? qr_texture (url) : NULL;

  gtk_label_set_text (self->shop_label, shop);
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));
  self->has_qr = qr != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->qr_picture), qr != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->qr_label), qr != NULL);
}

/**
 * axw_customer_display_place:
 * @where: "window" (a window, for a single monitor and for tests), "auto"
 *   (fullscreen on the second monitor) or a monitor's connector ("HDMI-1")
 *
 * Shows the display there. Returns: FALSE with @error saying why when
 *   that monitor is not connected
 */
gboolean
axw_customer_display_place (AxwCustomerDisplay  *self,
                            const char          *where,
                            GError             **error)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n = g_list_model_get_n_items (monitors);
  g_autoptr(GdkMonitor) chosen = NULL;

  g_return_val_if_fail (AXW_IS_CUSTOMER_DISPLAY (self), FALSE);

  if (g_str_equal (where, "window"))
    {
      gtk_window_present (GTK_WINDOW (self));
      return TRUE;
    }
  if (g_str_equal (where, "auto"))
    chosen = n > 1 ? g_list_model_get_item (monitors, 1) : NULL;
  for (guint i = 0; chosen == NULL && i < n; i++)
    {
      g_autoptr(GdkMonitor) m = g_list_model_get_item (monitors, i);

      if (g_strcmp0 (gdk_monitor_get_connector (m), where) == 0)
        chosen = g_steal_pointer (&m);
    }
  if (chosen == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The customer display's monitor “%s” is not connected: the customer display "
                     "stays off. Connect it, or choose another monitor in Settings."), where);
      return FALSE;
    }
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), chosen);
  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}

/**
 * axw_customer_display_get_text:
 * @what: "page", "shop", "promotion", "last-line", "lines", "savings",
 *   "total-title", "total", "pay" or "phrase"
 *
 * Returns: what the customer sees there ("" when it is hidden)
 */
const char *
axw_customer_display_get_text (AxwCustomerDisplay *self,
                               const char         *what)
{
  const struct { const char *what; GtkLabel *label; } labels[] = {
    { "shop", self->shop_label }, { "promotion", self->promo_label },
    { "last-line", self->last_line_label }, { "lines", self->lines_label },
    { "savings", self->savings_label }, { "total-title", self->total_title },
    { "total", self->total_label }, { "pay", self->pay_label }, { "phrase", self->phrase_label },
  };

  g_return_val_if_fail (AXW_IS_CUSTOMER_DISPLAY (self), NULL);
  if (g_str_equal (what, "page"))
    return gtk_stack_get_visible_child_name (self->pages);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].what, what))
      return gtk_widget_get_visible (GTK_WIDGET (labels[i].label))
        ? gtk_label_get_text (labels[i].label) : "";
  g_return_val_if_reached (NULL);
}

static void
axw_customer_display_dispose (GObject *object)
{
  AxwCustomerDisplay *self = AXW_CUSTOMER_DISPLAY (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_pointer (&self->last_line, g_free);
  g_clear_pointer (&self->phrase, g_free);
  g_clear_object (&self->model);
  g_clear_object (&self->app);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXW_TYPE_CUSTOMER_DISPLAY);
  G_OBJECT_CLASS (axw_customer_display_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AxwCustomerDisplay, name)

static void
axw_customer_display_class_init (AxwCustomerDisplayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_customer_display_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-customer-display.ui");
  BIND (pages); BIND (shop_label); BIND (promo_label); BIND (qr_picture); BIND (qr_label);
  BIND (last_line_label); BIND (lines_label); BIND (savings_label); BIND (total_title);
  BIND (total_label); BIND (pay_label); BIND (phrase_label);
}

static void
axw_customer_display_init (AxwCustomerDisplay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * axw_customer_display_new:
 * @model: the open sale it follows
 *
 * Returns: (transfer full): the display, not yet shown
 *   (axw_customer_display_place())
 */
AxwCustomerDisplay *
axw_customer_display_new (AxwApplication *app,
                          AxwSaleModel   *model)
{
  AxwCustomerDisplay *self = g_object_new (AXW_TYPE_CUSTOMER_DISPLAY, NULL);

  self->app = g_object_ref (app);
  self->model = g_object_ref (model);
  g_signal_connect (model, "event", G_CALLBACK (event_cb), self);
  g_signal_connect_swapped (model, "notify::quote", G_CALLBACK (queue_update), self);
  g_signal_connect_swapped (model, "notify::step", G_CALLBACK (queue_update), self);
  g_signal_connect_swapped (model, "notify::n-payments", G_CALLBACK (queue_update), self);
  g_signal_connect_swapped (model, "notify::promotion", G_CALLBACK (queue_update), self);
  show_idle (self);
  refresh (self);
  return self;
}
