/* axw-manager-funds.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charity funds (docs/design.md §15) donations and charity goods go
 * to: add one with its beneficiaries, see each with what it took, end one
 * (it takes no more donations; its book stays). The same store functions
 * as `aixinwu funds add|list|end`, audited in the manager's name.
 */
#include <glib/gi18n.h>

#include "axw-bizdate.h"
#include "axw-funds.h"
#include "axw-list-label.h"
#include "axw-manager-funds.h"
#include "axw-settings.h"

struct _AxwManagerFunds
{
  GtkBox              parent_instance;

  AxwDb              *db;
  char               *manager;
  GtkStringList      *rows;
  GPtrArray          *names;      /* char*, as rows */
  GtkSingleSelection *selection;
  AdwMessageDialog   *dialog;     /* (nullable) (unowned) the open confirmation */

  GtkEntry           *name;
  GtkEntry           *beneficiary;
  GtkLabel           *message;
  GtkListView        *list;
};

G_DEFINE_FINAL_TYPE (AxwManagerFunds, axw_manager_funds, GTK_TYPE_BOX)

static void
say (AxwManagerFunds *self,
     const char      *text)
{
  gtk_label_set_text (self->message, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
axw_manager_funds_reload (AxwManagerFunds *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *tzid = NULL;

  g_return_if_fail (AXW_IS_MANAGER_FUNDS (self));
  if (self->db == NULL)
    return;
  tzid = axw_settings_get (self->db, "timezone");
  tz = axw_timezone_new (tzid);
  if ((funds = axw_funds_list (self->db, &error)) == NULL)
    {
      say (self, error->message);
      return;
    }
  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; i < funds->len; i++)
    {
      AxwFund *f = g_ptr_array_index (funds, i);
      const char *who = *f->beneficiary ? f->beneficiary : _("(no beneficiary given)");
      g_autofree char *since = NULL;

      if (f->active)
        g_ptr_array_add (lines, g_strdup_printf (_("%s — for %s — takes donations"), f->name, who));
      else
        {
          since = f->ended_at ? axw_time_format_shop_iso (f->ended_at, tz, AXW_TIME_FORMAT_MINUTES)
                              : g_strdup ("");
          g_ptr_array_add (lines,
                           g_strdup_printf (_("%s — for %s — ended %s: takes no more donations"),
                                            f->name, who, since));
        }
      g_ptr_array_add (self->names, g_strdup (f->name));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) lines->pdata);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
add_cb (GtkWidget  *widget,
        const char *action,
        GVariant   *param)
{
  AxwManagerFunds *self = AXW_MANAGER_FUNDS (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name))));
  g_autofree char *who = g_strstrip (g_strdup (gtk_editable_get_text (
                                         GTK_EDITABLE (self->beneficiary))));
  g_autofree char *text = NULL;

  if (*name == '\0')
    {
      say (self, _("Type the fund's name first, like 集美区助残爱心基金."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name));
      return;
    }
  if (!axw_funds_add (self->db, name, who, self->manager, &error))
    {
      say (self, error->message);
      return;
    }
  text = g_strdup_printf (_("Fund “%s” added: it takes donations and the proceeds of its charity "
                            "goods."), name);
  gtk_editable_set_text (GTK_EDITABLE (self->name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->beneficiary), "");
  axw_manager_funds_reload (self);
  say (self, text);
}

/* Returns: (transfer none) (nullable): the fund picked in the list */
static const char *
selected_name (AxwManagerFunds *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  return i < self->names->len ? g_ptr_array_index (self->names, i) : NULL;
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AxwManagerFunds  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (dialog), "axw-fund"));
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "end"))
    {
      say (self, _("Nothing was changed."));
      return;
    }
  if (!axw_funds_end (self->db, name, self->manager, &error))
    {
      say (self, error->message);
      return;
    }
  axw_manager_funds_reload (self);
  text = g_strdup_printf (_("Fund “%s” ended: it takes no more donations. Its donation book "
                            "stays."), name);
  say (self, text);
}

static void
end_cb (GtkWidget  *widget,
        const char *action,
        GVariant   *param)
{
  AxwManagerFunds *self = AXW_MANAGER_FUNDS (widget);
  const char *name = selected_name (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (name == NULL)
    {
      say (self, _("Pick a fund in the list first."));
      return;
    }
  body = g_strdup_printf (_("“%s” will take no more donations, and its charity goods no more "
                            "sales. What it took stays in the reports and its donation book. "
                            "This cannot be undone."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("End this fund?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "end", _("_End fund"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "axw-fund", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
activate_cb (AxwManagerFunds *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "funds.add", NULL);
}

static void
axw_manager_funds_dispose (GObject *object)
{
  AxwManagerFunds *self = AXW_MANAGER_FUNDS (object);

  if (self->dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_FUNDS);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_funds_parent_class)->dispose (object);
}

static void
axw_manager_funds_class_init (AxwManagerFundsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_funds_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-funds.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerFunds, name);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerFunds, beneficiary);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerFunds, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerFunds, list);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_install_action (widget_class, "funds.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "funds.end", NULL, end_cb);
}

static void
axw_manager_funds_init (AxwManagerFunds *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  self->names = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_PLAIN));
  g_signal_connect (factory, "bind", G_CALLBACK (axw_list_label_bind_string_cb), NULL);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

void
axw_manager_funds_set_db (AxwManagerFunds *self,
                          AxwDb           *db,
                          const char      *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_FUNDS (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  axw_manager_funds_reload (self);
}

/* Returns: (transfer none): one line per fund, active first */
GListModel *
axw_manager_funds_get_model (AxwManagerFunds *self)
{
  return G_LIST_MODEL (self->rows);
}

void
axw_manager_funds_select (AxwManagerFunds *self,
                          guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * axw_manager_funds_get_field:
 * @name: "name" or "beneficiary"
 *
 * Returns: (transfer none): the entry
 */
GtkEditable *
axw_manager_funds_get_field (AxwManagerFunds *self,
                             const char      *name)
{
  if (g_str_equal (name, "name"))
    return GTK_EDITABLE (self->name);
  g_return_val_if_fail (g_str_equal (name, "beneficiary"), NULL);
  return GTK_EDITABLE (self->beneficiary);
}

const char *
axw_manager_funds_get_message (AxwManagerFunds *self)
{
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none) (nullable): the confirmation open now */
GtkWindow *
axw_manager_funds_get_dialog (AxwManagerFunds *self)
{
  return self->dialog ? GTK_WINDOW (self->dialog) : NULL;
}
