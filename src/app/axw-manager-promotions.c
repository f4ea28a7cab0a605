/* axw-manager-promotions.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Promotions, red-packet campaigns and the funders' trusted keys. Every
 * rule and every write is the store's, shared with the CLI: a promotion
 * typed here meets the same rules as a CSV row, a batch is imported by
 * the same function as `aixinwu vouchers import`.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-list-label.h"
#include "axw-manager-promotions.h"
#include "axw-promotions.h"
#include "axw-vouchers.h"

struct _AxwManagerPromotions
{
  GtkBox              parent_instance;

  AxwDb              *db;
  char               *manager;
  GPtrArray          *promos;      /* AxwPromotion, as listed */
  GPtrArray          *keys;        /* AxwFunderKey, as listed */
  GtkStringList      *promo_rows;
  GtkStringList      *campaign_rows;
  GtkStringList      *key_rows;
  GtkSingleSelection *promo_selection;
  GtkSingleSelection *key_selection;
  GtkFileChooserNative *chooser;
  GtkLabel           *last_message;

  GtkListView        *promo_list;
  GtkListView        *campaign_list;
  GtkListView        *key_list;
  GtkEntry           *promo_name;
  GtkDropDown        *promo_scope;
  GtkEntry           *promo_percent;
  GtkEntry           *promo_day;
  GtkEntry           *promo_month;
  GtkEntry           *promo_from;
  GtkEntry           *promo_to;
  GtkEntry           *key_funder;
  GtkEntry           *key_text;
  GtkLabel           *promo_message;
  GtkLabel           *voucher_message;
  GtkLabel           *key_message;
};

G_DEFINE_FINAL_TYPE (AxwManagerPromotions, axw_manager_promotions, GTK_TYPE_BOX)

static void
say (AxwManagerPromotions *self,
     GtkLabel             *label,
     const char           *text)
{
  gtk_label_set_text (label, text);
  self->last_message = label;
}

static void
set_rows (GtkStringList *rows,
          GPtrArray     *lines)
{
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (rows, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)),
                          (const char * const *) lines->pdata);
}

static char *
promotion_row (const AxwPromotion *p)
{
  g_autofree char *pct = axw_promotion_format_percent (p->percent_bp);
  g_autofree char *when = axw_promotion_describe_when (p);

  return g_strdup_printf (_("%s — %s off %s — %s"), p->name, pct,
                          p->scope == AXW_SCOPE_AID ? _("aid goods") : _("all goods"), when);
}

static char *
campaign_row (const AxwCampaignStats *c)
{
  g_autofree char *issued = g_strdup_printf ("%" G_GINT64_FORMAT, c->issued);
  g_autofree char *redeemed = g_strdup_printf ("%" G_GINT64_FORMAT, c->redeemed);
  g_autofree char *given = axw_money_format_screen (c->redeemed_fen);
  g_autofree char *back = axw_money_format_screen (c->refunded_fen);
  g_autofree char *claim = axw_money_format_screen (c->redeemed_fen - c->refunded_fen);

  return g_strdup_printf (_("%s — funded by %s\n%s issued, %s redeemed, %s given, %s taken back by "
                            "refunds — "
                            "%s to claim"), c->name, c->funder, issued, redeemed, given, back,
                            claim);
}

/* The key's start and end: enough to compare with what the funder sent. */
static char *
key_row (const AxwFunderKey *k)
{
  gsize n = strlen (k->public_key);
  g_autofree char *head = g_strndup (k->public_key, 8);
  const char *tail = k->public_key + (n > 8 ? n - 8 : 0);
  g_autofree char *day = g_strndup (k->added_at, 10);

  return g_strdup_printf (_("%s — key %s…%s — added %s"), k->funder, head, tail, day);
}

static void
reload_promotions (AxwManagerPromotions *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&self->promos, g_ptr_array_unref);
  self->promos = axw_promotions_list (self->db, &error);
  if (self->promos == NULL)
    say (self, self->promo_message, error->message);
  for (guint i = 0; self->promos && i < self->promos->len; i++)
    g_ptr_array_add (lines, promotion_row (g_ptr_array_index (self->promos, i)));
  set_rows (self->promo_rows, lines);
}

static void
reload_campaigns (AxwManagerPromotions *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = axw_vouchers_campaigns (self->db, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (list == NULL)
    say (self, self->voucher_message, error->message);
  for (guint i = 0; list && i < list->len; i++)
    g_ptr_array_add (lines, campaign_row (g_ptr_array_index (list, i)));
  set_rows (self->campaign_rows, lines);
}

static void
reload_keys (AxwManagerPromotions *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&self->keys, g_ptr_array_unref);
  self->keys = axw_vouchers_keys (self->db, &error);
  if (self->keys == NULL)
    say (self, self->key_message, error->message);
  for (guint i = 0; self->keys && i < self->keys->len; i++)
    g_ptr_array_add (lines, key_row (g_ptr_array_index (self->keys, i)));
  set_rows (self->key_rows, lines);
}

void
axw_manager_promotions_reload (AxwManagerPromotions *self)
{
  g_return_if_fail (AXW_IS_MANAGER_PROMOTIONS (self));
  reload_promotions (self);
  reload_campaigns (self);
  reload_keys (self);
}

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* The form's field for a CSV column, to name it and put the focus there. */
static GtkEntry *
promo_field (AxwManagerPromotions *self,
             const char           *column,
             const char          **out_label)
{
  const struct { const char *column; const char *label; GtkEntry *entry; } fields[] = {
    { "name", C_("promotion field", "Name"), self->promo_name },
    { "percent", C_("promotion field", "Percent off"), self->promo_percent },
    { "day_of_month", C_("promotion field", "Day of month"), self->promo_day },
    { "month", C_("promotion field", "Month"), self->promo_month },
    { "from", C_("promotion field", "From"), self->promo_from },
    { "to", C_("promotion field", "To"), self->promo_to },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].column, column) == 0)
      {
        *out_label = fields[i].label;
        return fields[i].entry;
      }
  *out_label = C_("promotion field", "Applies to");
  return NULL;
}

static void
clear_promo_form (AxwManagerPromotions *self)
{
  GtkEntry *entries[] = { self->promo_name, self->promo_percent, self->promo_day, self->promo_month,
                          self->promo_from, self->promo_to };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
}

static void
add_promotion_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  AxwManagerPromotions *self = AXW_MANAGER_PROMOTIONS (widget);
  AxwPromotionText text = {
    text_of (self->promo_name),
    gtk_drop_down_get_selected (self->promo_scope) == 1 ? "all" : "aid",
    text_of (self->promo_percent), text_of (self->promo_day), text_of (self->promo_month),
    text_of (self->promo_from), text_of (self->promo_to),
  };
  g_autoptr(AxwPromotion) p = g_new0 (AxwPromotion, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *msg = NULL;
  const char *column = NULL;
  gboolean existed = FALSE;

  if (!axw_promotions_parse (&text, p, &column, &error))
    {
      const char *label;
      GtkEntry *entry = promo_field (self, column, &label);

      msg = g_strdup_printf (_("%s: %s. Nothing was saved."), label, error->message);
      say (self, self->promo_message, msg);
      if (entry)
        gtk_widget_grab_focus (GTK_WIDGET (entry));
      return;
    }
  for (guint i = 0; self->promos && i < self->promos->len; i++)
    existed |= g_str_equal (((AxwPromotion *) g_ptr_array_index (self->promos, i))->name, p->name);
  if (!axw_promotions_save (self->db, p, self->manager, &error))
    {
      say (self, self->promo_message, error->message);
      return;
    }
  /* the same name is the same promotion, as in a CSV import */
  msg = g_strdup_printf (existed
                         ? _("Promotion “%s” changed to the new rules.") : _("Promotion “%s” saved."),
                         p->name);
  say (self, self->promo_message, msg);
  clear_promo_form (self);
  reload_promotions (self);
}

static void
remove_promotion_cb (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  AxwManagerPromotions *self = AXW_MANAGER_PROMOTIONS (widget);
  guint pos = gtk_single_selection_get_selected (self->promo_selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *msg = NULL;
  AxwPromotion *p;

  if (self->promos == NULL || pos >= self->promos->len)
    {
      say (self, self->promo_message, _("Choose a promotion in the list first."));
      return;
    }
  p = g_ptr_array_index (self->promos, pos);
  if (!axw_promotions_remove (self->db, p->name, self->manager, &error))
    {
      say (self, self->promo_message, error->message);
      return;
    }
  msg = g_strdup_printf (_("Promotion “%s” ended. Past sales keep it on their receipts."), p->name);
  say (self, self->promo_message, msg);
  reload_promotions (self);
}

/**
 * axw_manager_promotions_import_file:
 *
 * Imports a funder's red-packet batch (the file chooser calls this too).
 * Returns: whether it was imported; the message says what happened
 */
gboolean
axw_manager_promotions_import_file (AxwManagerPromotions *self,
                                    GFile                *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *msg = NULL;
  gsize len;
  guint n;

  g_return_val_if_fail (AXW_IS_MANAGER_PROMOTIONS (self), FALSE);
  if (!g_file_load_contents (file, NULL, &text, &len, NULL, &error) ||
      !axw_vouchers_import_csv_as (self->db, text, len, self->manager, &n, &error))
    {
      say (self, self->voucher_message, error->message);
      return FALSE;
    }
  msg = g_strdup_printf (ngettext ("%u red packet imported.", "%u red packets imported.", n), n);
  say (self, self->voucher_message, msg);
  reload_campaigns (self);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog      *dialog,
                     int                   response,
                     AxwManagerPromotions *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file)
    axw_manager_promotions_import_file (self, file);
}

static void
import_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerPromotions *self = AXW_MANAGER_PROMOTIONS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import a funder’s red-packet batch"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               C_("file chooser", "_Import"),
                                               C_("file chooser", "_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
trust_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerPromotions *self = AXW_MANAGER_PROMOTIONS (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *funder = g_strstrip (g_strdup (text_of (self->key_funder)));
  g_autofree char *msg = NULL;

  if (!axw_vouchers_trust (self->db, funder, text_of (self->key_text), self->manager, &error))
    {
      say (self, self->key_message, error->message);
      return;
    }
  msg = g_strdup_printf (_("Red packets signed by %s with this key are now accepted."), funder);
  say (self, self->key_message, msg);
  gtk_editable_set_text (GTK_EDITABLE (self->key_text), "");
  reload_keys (self);
}

static void
untrust_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerPromotions *self = AXW_MANAGER_PROMOTIONS (widget);
  guint pos = gtk_single_selection_get_selected (self->key_selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *msg = NULL;
  AxwFunderKey *k;

  if (self->keys == NULL || pos >= self->keys->len)
    {
      say (self, self->key_message, _("Choose a key in the list first."));
      return;
    }
  k = g_ptr_array_index (self->keys, pos);
  if (!axw_vouchers_untrust (self->db, k->funder, k->public_key, self->manager, &error))
    {
      say (self, self->key_message, error->message);
      return;
    }
  msg = g_strdup_printf (_("Red packets signed by %s with this key are no longer accepted."),
                         k->funder);
  say (self, self->key_message, msg);
  reload_keys (self);
}

/* Returns: (transfer full): a single selection, nothing chosen at first */
static GtkSingleSelection *
show_list (GtkListView   *list,
           GtkStringList *rows)
{
  GtkListItemFactory *factory = axw_list_label_factory_new (AXW_LIST_LABEL_WRAP);
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (rows)));

  gtk_list_view_set_factory (list, factory);
  g_object_unref (factory);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));
  return selection;
}

/* Sales go on while the window is open: the figures are read again each
 * time the page is shown. */
static void
axw_manager_promotions_map (GtkWidget *widget)
{
  AxwManagerPromotions *self = AXW_MANAGER_PROMOTIONS (widget);

  GTK_WIDGET_CLASS (axw_manager_promotions_parent_class)->map (widget);
  if (self->db)
    axw_manager_promotions_reload (self);
}

static void
axw_manager_promotions_dispose (GObject *object)
{
  AxwManagerPromotions *self = AXW_MANAGER_PROMOTIONS (object);

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_PROMOTIONS);
  g_clear_object (&self->promo_selection);
  g_clear_object (&self->key_selection);
  g_clear_object (&self->promo_rows);
  g_clear_object (&self->campaign_rows);
  g_clear_object (&self->key_rows);
  g_clear_pointer (&self->promos, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_promotions_parent_class)->dispose (object);
}

static void
axw_manager_promotions_class_init (AxwManagerPromotionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_promotions_dispose;
  widget_class->map = axw_manager_promotions_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-promotions.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, key_list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_name);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_scope);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_percent);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_day);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_month);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_from);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_to);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, key_funder);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, key_text);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, promo_message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, voucher_message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPromotions, key_message);
  gtk_widget_class_install_action (widget_class, "promos.add", NULL, add_promotion_cb);
  gtk_widget_class_install_action (widget_class, "promos.remove", NULL, remove_promotion_cb);
  gtk_widget_class_install_action (widget_class, "promos.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "promos.trust", NULL, trust_cb);
  gtk_widget_class_install_action (widget_class, "promos.untrust", NULL, untrust_cb);
}

static void
axw_manager_promotions_init (AxwManagerPromotions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->promo_rows = gtk_string_list_new (NULL);
  self->campaign_rows = gtk_string_list_new (NULL);
  self->key_rows = gtk_string_list_new (NULL);
  self->promo_selection = show_list (self->promo_list, self->promo_rows);
  self->key_selection = show_list (self->key_list, self->key_rows);
  g_object_unref (show_list (self->campaign_list, self->campaign_rows));
  self->last_message = self->promo_message;
}

void
axw_manager_promotions_set_db (AxwManagerPromotions *self,
                               AxwDb                *db,
                               const char           *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_PROMOTIONS (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  axw_manager_promotions_reload (self);
}

/* Returns: (transfer none): one line per running promotion */
GListModel *
axw_manager_promotions_get_promotions (AxwManagerPromotions *self)
{
  return G_LIST_MODEL (self->promo_rows);
}

/* Returns: (transfer none): one line per red-packet campaign */
GListModel *
axw_manager_promotions_get_campaigns (AxwManagerPromotions *self)
{
  return G_LIST_MODEL (self->campaign_rows);
}

/* Returns: (transfer none): one line per trusted funder key */
GListModel *
axw_manager_promotions_get_keys (AxwManagerPromotions *self)
{
  return G_LIST_MODEL (self->key_rows);
}

/* The message of the last change, whichever part of the page made it. */
const char *
axw_manager_promotions_get_message (AxwManagerPromotions *self)
{
  return gtk_label_get_text (self->last_message);
}
