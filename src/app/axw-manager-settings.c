/* axw-manager-settings.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shop's settings: shop and receipt, printer (with a test page), paper,
 * cash rounding, online shop, time zone. Every value is checked by
 * axw_settings_validate() before anything is stored; Save stores all
 * changed values at once, each audited in the manager's name. The token is
 * written to its 0600 file and never shown again.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-audit.h"
#include "axw-error.h"
#include "axw-escpos.h"
#include "axw-manager-settings.h"
#include "axw-pricing.h"
#include "axw-printer.h"
#include "axw-receipt-render.h"
#include "axw-receipt.h"
#include "axw-settings.h"
#include "axw-sync.h"
#include "axw-usb-printer.h"

#define TOKEN_KEY "sync.token"

struct _AxwManagerSettings
{
  GtkBox            parent_instance;

  AxwDb            *db;
  char             *manager;
  GCancellable     *cancellable;
  GPtrArray        *usb_targets;    /* targets of the usb_printers items after the first */
  guint             preview_idle;
  gboolean          testing;
  gboolean          filling;

  GtkEntry         *shop_name;
  GtkEntry         *shop_address;
  GtkEntry         *shop_code;
  GtkEntry         *terminal_code;
  GtkEntry         *footer;
  GtkEntry         *qr_url;
  GtkEntry         *printer;
  GtkDropDown      *width;
  GtkDropDown      *rounding;
  GtkEntry         *endpoint;
  GtkEntry         *token_file;
  GtkPasswordEntry *token;
  GtkEntry         *timezone;
  GtkEntry         *display_customer;
  GtkEntry         *display_qr_url;
  GtkEntry         *display_phrases;
  GtkEntry         *display_pole;
  GtkEntry         *display_pole_commands;

  GtkLabel         *shop_name_error;
  GtkLabel         *shop_address_error;
  GtkLabel         *shop_code_error;
  GtkLabel         *terminal_code_error;
  GtkLabel         *footer_error;
  GtkLabel         *qr_url_error;
  GtkLabel         *printer_error;
  GtkLabel         *width_error;
  GtkLabel         *rounding_error;
  GtkLabel         *endpoint_error;
  GtkLabel         *token_file_error;
  GtkLabel         *token_error;
  GtkLabel         *timezone_error;
  GtkLabel         *display_customer_error;
  GtkLabel         *display_qr_url_error;
  GtkLabel         *display_phrases_error;
  GtkLabel         *display_pole_error;
  GtkLabel         *display_pole_commands_error;

  GtkDropDown      *usb_printers;
  GtkLabel         *usb_state;
  GtkButton        *test_button;
  GtkLabel         *test_result;
  GtkLabel         *token_state;
  GtkLabel         *message;
  GtkPicture       *preview;
};

G_DEFINE_FINAL_TYPE (AxwManagerSettings, axw_manager_settings, GTK_TYPE_BOX)

typedef struct {
  const char *key;
  gsize       field;   /* offset of the widget */
  gsize       error;   /* offset of its message label */
} Field;

#define FIELD(key, name) { key, G_STRUCT_OFFSET (AxwManagerSettings, name), \
                           G_STRUCT_OFFSET (AxwManagerSettings, name##_error) }

/* In the order of the page; the token last, as it is no setting of its own. */
static const Field fields[] = {
  FIELD ("shop.name", shop_name),
  FIELD ("shop.address", shop_address),
  FIELD ("shop.code", shop_code),
  FIELD ("terminal.code", terminal_code),
  FIELD ("receipt.footer", footer),
  FIELD ("receipt.qr_url", qr_url),
  FIELD ("printer", printer),
  FIELD ("receipt.width", width),
  FIELD ("cash_rounding", rounding),
  FIELD ("sync.endpoint", endpoint),
  FIELD ("sync.token_file", token_file),
  FIELD ("timezone", timezone),
  FIELD ("display.customer", display_customer),
  FIELD ("display.qr_url", display_qr_url),
  FIELD ("display.phrases", display_phrases),
  FIELD ("display.pole", display_pole),
  FIELD ("display.pole_commands", display_pole_commands),
  FIELD (TOKEN_KEY, token),
};

static const char nothing_saved[] = N_("Nothing saved. Correct the fields marked ⚠ and save again.");

static const char * const widths[] = { "58", "80" };
static const char * const roundings[] = { "none", "down_jiao", "nearest_jiao" };

#define MEMBER(self, offset) G_STRUCT_MEMBER (gpointer, (self), (offset))

static const Field *
field_of (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      return &fields[i];
  return NULL;
}

static guint
index_of (const char * const *values,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (values[i], value))
      return i;
  return 0;
}

/* Returns: (transfer full): what the page shows for @key */
static char *
field_value (AxwManagerSettings *self,
             const Field        *f)
{
  GtkWidget *w = MEMBER (self, f->field);
  guint i;

  if (GTK_IS_DROP_DOWN (w))
    {
      i = gtk_drop_down_get_selected (GTK_DROP_DOWN (w));
      if (g_str_equal (f->key, "receipt.width"))
        return g_strdup (widths[MIN (i, G_N_ELEMENTS (widths) - 1)]);
      return g_strdup (roundings[MIN (i, G_N_ELEMENTS (roundings) - 1)]);
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w))));
}

static void
set_field_value (AxwManagerSettings *self,
                 const Field        *f,
                 const char         *value)
{
  GtkWidget *w = MEMBER (self, f->field);

  if (g_str_equal (f->key, "receipt.width"))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (w), index_of (widths, G_N_ELEMENTS (widths), value));
  else if (g_str_equal (f->key, "cash_rounding"))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (w),
                                index_of (roundings, G_N_ELEMENTS (roundings), value));
  else
    gtk_editable_set_text (GTK_EDITABLE (w), value);
}

static void
show_field_error (AxwManagerSettings *self,
                  const Field        *f,
                  const char         *text)
{
  GtkLabel *label = MEMBER (self, f->error);
  g_autofree char *marked = text ? g_strdup_printf ("⚠ %s", text) : NULL;

  gtk_label_set_text (label, marked ? marked : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (MEMBER (self, f->field)),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               text ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* The token file of the page, or a file next to the database when the
 * field is empty. */
static char *
token_path (AxwManagerSettings *self)
{
  g_autofree char *typed = field_value (self, field_of ("sync.token_file"));
  g_autofree char *dir = NULL;

  if (*typed != '\0')
    return g_steal_pointer (&typed);
  dir = g_path_get_dirname (axw_db_get_path (self->db));
  return g_build_filename (dir, "sync-token", NULL);
}

static void
update_token_state (AxwManagerSettings *self)
{
  g_autofree char *path = axw_settings_get (self->db, "sync.token_file");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = axw_sync_read_token (path, &error);
  g_autofree char *text = NULL;

  if (token != NULL)
    text = g_strdup (_("Token: set."));
  else if (path == NULL || *path == '\0' || g_error_matches (error, AXW_ERROR, AXW_ERROR_NOT_FOUND))
    text = g_strdup (_("Token: not set."));
  else
    text = g_strdup_printf (_("Token: not usable. %s"), error->message);
  gtk_label_set_text (self->token_state, text);
}

static AxwLine *
sample_line (const char *name,
             const char *barcode,
             gint64      qty_milli,
             gint64      unit_price_fen)
{
  AxwLine *l = g_new0 (AxwLine, 1);

  l->name = g_strdup (name);
  l->barcode = g_strdup (barcode);
  l->qty_milli = qty_milli;
  l->unit_price_fen = unit_price_fen;
  l->aid_eligible = TRUE;
  return l;
}

/* A sample receipt on 爱心日, priced by the core like any sale, paid in cash
 * with the page's rounding. */
static AxwSale *
sample_sale (AxwCashRounding  rounding,
             const char      *shop,
             const char      *terminal)
{
  AxwSale *sale = axw_sale_new ();
  AxwPromotion love_day = { .name = (char *) "爱心日", .scope = AXW_SCOPE_ALL, .percent_bp = 500,
                            .day_of_month = 12 };
  g_autoptr(GPtrArray) promotions = g_ptr_array_new ();
  AxwPayment pay = { AXW_PAY_CASH, 0, 10000 };

  g_ptr_array_add (promotions, &love_day);
  g_ptr_array_add (sale->lines, sample_line ("赤松茸", "6971234560018", 2000, 2800));
  g_ptr_array_add (sale->lines, sample_line ("藜麦粥", "6971234560025", 1000, 1257));
  sale->business_date = g_strdup ("2026-12-12");
  axw_pricing_apply (sale, promotions, NULL, rounding);
  sale->cash_rounding_fen = sale->cash_total_fen - sale->total_fen;
  sale->uuid = g_strdup ("00000000-0000-4000-8000-000000000000");
  sale->receipt_no = g_strdup_printf ("%s-%s-20261212-0001", shop, terminal);
  sale->created_at = g_strdup ("2026-12-12T02:00:00Z");
  sale->staff = g_strdup ("小林");
  pay.amount_fen = sale->cash_total_fen;
  sale->change_fen = pay.tendered_fen - pay.amount_fen;
  g_array_append_val (sale->payments, pay);
  return sale;
}

static GdkTexture *
texture_of (cairo_surface_t *rgb)
{
  int w = cairo_image_surface_get_width (rgb), h = cairo_image_surface_get_height (rgb);
  cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (argb);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  /* RGB24 leaves the alpha byte undefined: paint it onto an opaque image */
  cairo_set_source_surface (cr, rgb, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (argb);
  bytes = g_bytes_new (cairo_image_surface_get_data (argb),
                       (gsize) cairo_image_surface_get_stride (argb) * (gsize) h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (argb));
  cairo_surface_destroy (argb);
  return texture;
}

static gboolean
update_preview (gpointer user_data)
{
  AxwManagerSettings *self = user_data;
  g_autofree char *name = field_value (self, field_of ("shop.name"));
  g_autofree char *address = field_value (self, field_of ("shop.address"));
  g_autofree char *footer = field_value (self, field_of ("receipt.footer"));
  g_autofree char *url = field_value (self, field_of ("receipt.qr_url"));
  g_autofree char *width = field_value (self, field_of ("receipt.width"));
  g_autofree char *rounding = field_value (self, field_of ("cash_rounding"));
  g_autofree char *shop = field_value (self, field_of ("shop.code"));
  g_autofree char *terminal = field_value (self, field_of ("terminal.code"));
  g_autofree char *zone = field_value (self, field_of ("timezone"));
  AxwReceiptSettings s = { name, address, footer, url, (guint) g_ascii_strtoull (width, NULL, 10),
                           .timezone = zone };
  AxwCashRounding mode = AXW_CASH_ROUNDING_NONE;
  g_autoptr(AxwSale) sale = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  self->preview_idle = 0;
  axw_cash_rounding_from_string (rounding, &mode);
  sale = sample_sale (mode, shop, terminal);
  items = axw_receipt_layout (sale, &s);
  /* a link too long for a QR code is said next to the field on Save */
  if ((surface = axw_receipt_render (items, s.width_mm, NULL)) == NULL)
    return G_SOURCE_REMOVE;
  texture = texture_of (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (AxwManagerSettings *self)
{
  if (self->filling || self->preview_idle != 0)
    return;
  self->preview_idle = g_idle_add (update_preview, self);
}

void
axw_manager_settings_reload (AxwManagerSettings *self)
{
  g_return_if_fail (AXW_IS_MANAGER_SETTINGS (self));
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = g_str_equal (fields[i].key, TOKEN_KEY) ? g_strdup ("")
                                 : axw_settings_get (self->db, fields[i].key);

      set_field_value (self, &fields[i], value);
      show_field_error (self, &fields[i], NULL);
    }
  self->filling = FALSE;
  update_token_state (self);
  g_clear_handle_id (&self->preview_idle, g_source_remove);
  update_preview (self);
}

/* Every field checked; the messages shown next to the wrong ones. */
static gboolean
validate_all (AxwManagerSettings *self,
              GStrvBuilder       *keys,
              GStrvBuilder       *values)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *f = &fields[i];
      g_autofree char *value = field_value (self, f);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (f->key, TOKEN_KEY))
        continue;
      if (!axw_settings_validate (f->key, value, &error))
        ok = FALSE;
      else if (g_str_equal (f->key, "sync.token_file") && *value != '\0' &&
               !g_path_is_absolute (value))
        {
          g_set_error (&error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Write the token file's whole path, starting with /."));
          ok = FALSE;
        }
      show_field_error (self, f, error ? error->message : NULL);
      g_strv_builder_add (keys, f->key);
      g_strv_builder_add (values, value);
    }
  return ok;
}

static gboolean
token_is_one_line (const char *token)
{
  return strpbrk (token, " \t\r\n") == NULL && g_utf8_validate (token, -1, NULL);
}

/* Writes the token typed, if any, to its file. */
static gboolean
save_token (AxwManagerSettings  *self,
            gboolean            *out_written,
            GError             **error)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token));
  g_autofree char *path = NULL;

  *out_written = FALSE;
  if (*token == '\0')
    return TRUE;
  path = field_value (self, field_of ("sync.token_file"));
  if (!axw_sync_write_token (path, token, error))
    return FALSE;
  *out_written = TRUE;
  return TRUE;
}

static void
save_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerSettings *self = AXW_MANAGER_SETTINGS (widget);
  g_autoptr(GStrvBuilder) kb = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) vb = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) values = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token));
  gboolean token_ok = *token == '\0' || token_is_one_line (token);
  gboolean written = FALSE;
  guint changed = 0;
  g_autofree char *done = NULL;

  show_field_error (self, field_of (TOKEN_KEY), token_ok ? NULL
                    : _("The token is one line without spaces. Paste it again."));
  /* a new token needs a file: by default, next to the database */
  if (*token != '\0' && *gtk_editable_get_text (GTK_EDITABLE (self->token_file)) == '\0')
    {
      g_autofree char *path = token_path (self);

      gtk_editable_set_text (GTK_EDITABLE (self->token_file), path);
    }
  if (!validate_all (self, kb, vb) || !token_ok)
    {
      gtk_label_set_text (self->message, _(nothing_saved));
      return;
    }
  if (!save_token (self, &written, &error))
    {
      show_field_error (self, field_of (TOKEN_KEY), error->message);
      gtk_label_set_text (self->message, _(nothing_saved));
      return;
    }
  keys = g_strv_builder_end (kb);
  values = g_strv_builder_end (vb);
  if (!axw_settings_apply (self->db, (const char * const *) keys, (const char * const *) values,
                           self->manager, &changed, &error) ||
      (written && !axw_audit_append (self->db, self->manager, "settings.set", TOKEN_KEY ": set",
                                     &error)))
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }
  changed += written ? 1 : 0;
  done = changed == 0 ? g_strdup (_("Nothing changed."))
                      : g_strdup_printf (g_dngettext (NULL, "Saved %u change.", "Saved %u changes.",
                                                      changed), changed);
  gtk_label_set_text (self->message, done);
  gtk_editable_set_text (GTK_EDITABLE (self->token), "");
  axw_manager_settings_reload (self);
}

static void
revert_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerSettings *self = AXW_MANAGER_SETTINGS (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->token), "");
  axw_manager_settings_reload (self);
  gtk_label_set_text (self->message, _("Changes undone."));
}

/* Test page ------------------------------------------------------------- */

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

typedef struct {
  AxwManagerSettings *self;
  char               *target;
} TestPage;

static void
test_page_free (TestPage *t)
{
  g_object_unref (t->self);
  g_free (t->target);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, test_page_free)

static void
test_sent_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TestPage) t = user_data;
  AxwManagerSettings *self = t->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->testing = FALSE;
  if (!axw_printer_send_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the page is gone */
  text = error ? g_strdup_printf ("⚠ %s", error->message)
               : g_strdup_printf (_("✔ Test page sent to %s."), t->target);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  gtk_label_set_text (self->test_result, text);
  set_class (GTK_WIDGET (self->test_result), "axw-message", error != NULL);
  set_class (GTK_WIDGET (self->test_result), "axw-error", error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->test_result), TRUE);
}

static void
test_page_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  AxwManagerSettings *self = AXW_MANAGER_SETTINGS (widget);
  g_autofree char *target = field_value (self, field_of ("printer"));
  g_autofree char *name = field_value (self, field_of ("shop.name"));
  g_autofree char *url = field_value (self, field_of ("receipt.qr_url"));
  g_autofree char *width = field_value (self, field_of ("receipt.width"));
  AxwReceiptSettings s = { name, NULL, NULL, url, (guint) g_ascii_strtoull (width, NULL, 10) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TestPage *t;

  if (self->testing)
    return;
  if (!axw_settings_validate ("printer", target, &error))
    {
      show_field_error (self, field_of ("printer"), error->message);
      return;
    }
  show_field_error (self, field_of ("printer"), NULL);
  items = axw_receipt_test_page (&s);
  if ((bytes = axw_escpos_encode (items, s.width_mm, NULL, &error)) == NULL)
    {
      show_field_error (self, field_of ("receipt.qr_url"), error->message);
      return;
    }
  self->testing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  gtk_label_set_text (self->test_result, _("Printing the test page…"));
  set_class (GTK_WIDGET (self->test_result), "axw-message", FALSE);
  set_class (GTK_WIDGET (self->test_result), "axw-error", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_result), TRUE);
  t = g_new0 (TestPage, 1);
  t->self = g_object_ref (self);
  t->target = g_steal_pointer (&target);
  axw_printer_send_async (t->target, bytes, self->cancellable, test_sent_cb, t);
}

/* USB printers ---------------------------------------------------------- */

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *list = axw_usb_printer_list (&error);

  if (list != NULL)
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AxwManagerSettings *self = AXW_MANAGER_SETTINGS (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autofree char *first = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_ptr_array_set_size (self->usb_targets, 0);
  if (list == NULL)
    first = g_strdup (_("USB printers cannot be listed"));
  else if (list->len == 0)
    first = g_strdup (_("No USB printer found"));
  else
    first = g_strdup_printf (g_dngettext (NULL, "Choose the USB printer (%u found)",
                                          "Choose a USB printer (%u found)", list->len), list->len);
  gtk_label_set_text (self->usb_state, list == NULL ? error->message
                      : _("Check the cable and the power, then press Find USB printers."));
  gtk_widget_set_visible (GTK_WIDGET (self->usb_state), list == NULL || list->len == 0);
  gtk_string_list_append (items, first);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      AxwUsbPrinterInfo *p = list->pdata[i];
      g_autofree char *target = g_strdup_printf ("usb:%04x:%04x", p->vendor_id, p->product_id);
      g_autofree char *text = g_strdup_printf ("%s — %s", target, p->description);

      gtk_string_list_append (items, text);
      g_ptr_array_add (self->usb_targets, g_steal_pointer (&target));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->usb_printers, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->usb_printers, 0);
  self->filling = FALSE;
}

static void
find_printers_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  AxwManagerSettings *self = AXW_MANAGER_SETTINGS (widget);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, listed_cb, NULL);
  const char *searching[] = { _("Looking for USB printers…"), NULL };
  g_autoptr(GtkStringList) items = gtk_string_list_new (searching);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->usb_printers, G_LIST_MODEL (items));
  self->filling = FALSE;
  g_task_set_source_tag (task, find_printers_cb);
  g_task_run_in_thread (task, list_thread);
}

static void
usb_chosen_cb (AxwManagerSettings *self)
{
  guint i = gtk_drop_down_get_selected (self->usb_printers);

  if (self->filling || i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->usb_targets->len)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->printer),
                         g_ptr_array_index (self->usb_targets, i - 1));
}

/* ----------------------------------------------------------------------- */

static void
axw_manager_settings_dispose (GObject *object)
{
  AxwManagerSettings *self = AXW_MANAGER_SETTINGS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->preview_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_SETTINGS);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (axw_manager_settings_parent_class)->dispose (object);
}

static void
axw_manager_settings_finalize (GObject *object)
{
  AxwManagerSettings *self = AXW_MANAGER_SETTINGS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->usb_targets, g_ptr_array_unref);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_settings_parent_class)->finalize (object);
}

static void
axw_manager_settings_class_init (AxwManagerSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_settings_dispose;
  object_class->finalize = axw_manager_settings_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-settings.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AxwManagerSettings, name)
  BIND (shop_name); BIND (shop_address); BIND (shop_code); BIND (terminal_code); BIND (footer);
  BIND (qr_url); BIND (printer); BIND (width); BIND (rounding); BIND (endpoint); BIND (token_file);
  BIND (token); BIND (timezone);
  BIND (shop_name_error); BIND (shop_address_error); BIND (shop_code_error);
  BIND (terminal_code_error);
  BIND (footer_error); BIND (qr_url_error); BIND (printer_error); BIND (width_error);
  BIND (rounding_error); BIND (endpoint_error); BIND (token_file_error); BIND (token_error);
  BIND (timezone_error);
  BIND (display_customer); BIND (display_qr_url); BIND (display_phrases); BIND (display_pole);
  BIND (display_pole_commands); BIND (display_customer_error); BIND (display_qr_url_error);
  BIND (display_phrases_error); BIND (display_pole_error); BIND (display_pole_commands_error);
  BIND (usb_printers); BIND (usb_state); BIND (test_button); BIND (test_result);
  BIND (token_state); BIND (message);
  BIND (preview);
#undef BIND
  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "settings.revert", NULL, revert_cb);
  gtk_widget_class_install_action (widget_class, "settings.test-page", NULL, test_page_cb);
  gtk_widget_class_install_action (widget_class, "settings.find-printers", NULL, find_printers_cb);
}

static void
axw_manager_settings_init (AxwManagerSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->usb_targets = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GObject *w = MEMBER (self, fields[i].field);

      g_signal_connect_swapped (w, GTK_IS_DROP_DOWN (w) ? "notify::selected" : "changed",
                                G_CALLBACK (field_changed_cb), self);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      MEMBER (self, fields[i].error), NULL, -1);
    }
  g_signal_connect_swapped (self->usb_printers, "notify::selected",
                            G_CALLBACK (usb_chosen_cb), self);
}

AxwManagerSettings *
axw_manager_settings_new (AxwDb      *db,
                          const char *manager)
{
  AxwManagerSettings *self = g_object_new (AXW_TYPE_MANAGER_SETTINGS, NULL);

  axw_manager_settings_set_db (self, db, manager);
  return self;
}

void
axw_manager_settings_set_db (AxwManagerSettings *self,
                             AxwDb              *db,
                             const char         *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_SETTINGS (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  axw_manager_settings_reload (self);
  find_printers_cb (GTK_WIDGET (self), NULL, NULL);
}

/**
 * axw_manager_settings_get_field:
 * @key: a setting's key, or "sync.token"
 *
 * Returns: (transfer none) (nullable): the entry or drop-down of @key
 */
GtkWidget *
axw_manager_settings_get_field (AxwManagerSettings *self,
                                const char         *key)
{
  const Field *f = field_of (key);

  g_return_val_if_fail (AXW_IS_MANAGER_SETTINGS (self), NULL);
  return f ? MEMBER (self, f->field) : NULL;
}

/* Returns: the message next to @key's field, "" when it is fine */
const char *
axw_manager_settings_get_error (AxwManagerSettings *self,
                                const char         *key)
{
  const Field *f = field_of (key);

  g_return_val_if_fail (AXW_IS_MANAGER_SETTINGS (self) && f != NULL, NULL);
  return gtk_label_get_text (MEMBER (self, f->error));
}

/* @what: "save", "test" (the test page) or "token" */
const char *
axw_manager_settings_get_message (AxwManagerSettings *self,
                                  const char         *what)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SETTINGS (self), NULL);
  if (g_str_equal (what, "test"))
    return gtk_label_get_text (self->test_result);
  if (g_str_equal (what, "token"))
    return gtk_label_get_text (self->token_state);
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none) (nullable): the sample receipt on screen */
GdkPaintable *
axw_manager_settings_get_preview (AxwManagerSettings *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SETTINGS (self), NULL);
  return gtk_picture_get_paintable (self->preview);
}

/* TRUE while a test page is on its way to the printer */
gboolean
axw_manager_settings_is_busy (AxwManagerSettings *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SETTINGS (self), FALSE);
  return self->testing;
}
