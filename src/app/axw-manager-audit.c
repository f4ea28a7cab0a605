/* axw-manager-audit.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log, newest first, filtered by a search; read-only (the
 * database refuses changes to it anyway).
 */
#include <glib/gi18n.h>

#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-list-label.h"
#include "axw-manager-audit.h"
#include "axw-report.h"
#include "axw-settings.h"

#define SHOWN 500

struct _AxwManagerAudit
{
  GtkBox           parent_instance;

  AxwDb           *db;
  GtkStringList   *entries;

  GtkSearchEntry  *search;
  GtkListView     *list;
};

G_DEFINE_FINAL_TYPE (AxwManagerAudit, axw_manager_audit, GTK_TYPE_BOX)

static char *
format_entry (const AxwAuditEntry *e,
              GTimeZone           *tz)
{
  g_autofree char *when = axw_time_format_shop_iso (e->at, tz, AXW_TIME_FORMAT_SECONDS);

  const char *action = axw_audit_action_name (e->action);
  g_autofree char *detail = axw_audit_detail_text (e->action, e->detail);

  /* pad by display columns: a Chinese name is two columns a character */
  return g_strdup_printf ("%s   %s%*s %s%*s %s", when, e->staff,
                          MAX (8 - axw_text_columns (e->staff), 0), "",
                          action, MAX (14 - axw_text_columns (action), 0), "", detail);
}

void
axw_manager_audit_reload (AxwManagerAudit *self,
                          const char      *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *tzid = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (AXW_IS_MANAGER_AUDIT (self));
  if (self->db == NULL)
    return;
  tzid = axw_settings_get (self->db, "timezone");
  tz = axw_timezone_new (tzid);
  rows = axw_audit_list (self->db, filter, SHOWN, &error);
  if (rows == NULL)
    g_ptr_array_add (lines, g_strdup (error->message));
  for (guint i = 0; rows && i < rows->len; i++)
    g_ptr_array_add (lines, format_entry (g_ptr_array_index (rows, i), tz));
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                          (const char * const *) lines->pdata);
}

static void
search_changed_cb (AxwManagerAudit *self,
                   GtkSearchEntry  *entry)
{
  axw_manager_audit_reload (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  axw_list_label_setup_cb (factory, item, GINT_TO_POINTER (AXW_LIST_LABEL_ELLIPSIZE));
  /* columns of the log line up */
  pango_attr_list_insert (attrs, pango_attr_family_new ("Noto Sans Mono CJK SC"));
  gtk_label_set_attributes (GTK_LABEL (gtk_list_item_get_child (item)), attrs);
  pango_attr_list_unref (attrs);
}

static void
axw_manager_audit_dispose (GObject *object)
{
  AxwManagerAudit *self = AXW_MANAGER_AUDIT (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_AUDIT);
  g_clear_object (&self->entries);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (axw_manager_audit_parent_class)->dispose (object);
}

static void
axw_manager_audit_class_init (AxwManagerAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_audit_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-audit.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerAudit, search);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerAudit, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
axw_manager_audit_init (AxwManagerAudit *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (axw_list_label_bind_string_cb), NULL);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)))));
}

void
axw_manager_audit_set_db (AxwManagerAudit *self,
                          AxwDb           *db)
{
  g_return_if_fail (AXW_IS_MANAGER_AUDIT (self));
  g_set_object (&self->db, db);
  axw_manager_audit_reload (self, NULL);
}

/* Returns: (transfer none): the lines shown (GtkStringObject) */
GListModel *
axw_manager_audit_get_model (AxwManagerAudit *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_AUDIT (self), NULL);
  return G_LIST_MODEL (self->entries);
}
