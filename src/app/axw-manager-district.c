/* axw-manager-district.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The District page: whether this shop sends to the district hub, what
 * waits, the last push and the last error (read from the shop's own file,
 * so the page opens without the hub), "Send now" (the push in a worker
 * thread, as aixinwu sync) and the red-packet conflicts this shop is part
 * of, looked up at the hub in a worker thread. docs/district.md.
 */
#include <glib/gi18n.h>

#include "axw-district.h"
#include "axw-list-label.h"
#include "axw-manager-district.h"
#include "axw-settings.h"

struct _AxwManagerDistrict
{
  GtkBox         parent_instance;

  AxwDb         *db;
  GCancellable  *cancellable;
  GtkStringList *conflicts;
  gboolean       busy;

  GtkLabel      *setup;
  GtkLabel      *status;
  GtkLabel      *message;
  GtkListView   *list;
};

G_DEFINE_FINAL_TYPE (AxwManagerDistrict, axw_manager_district, GTK_TYPE_BOX)

static char *
setup_text (AxwDb *db)
{
  g_autofree char *url = axw_settings_get (db, "district.url");
  g_autofree char *passfile = axw_settings_get (db, "district.password_file");

  if (url == NULL || *url == '\0')
    return g_strdup (_("✗ Not set up: this shop sends nothing to the district hub. Ask the district for the "
                       "hub's address and a password file, then set district.url and district.password_file."));
  if (passfile == NULL || *passfile == '\0')
    return g_strdup_printf (_("⚠ Hub %s, but no password file (district.password_file) is set."), url);
  return g_strdup_printf (_("✓ Set up: hub %s"), url);
}

static char *
status_text (AxwDb *db)
{
  g_autoptr(GError) error = NULL;
  g_auto(AxwDistrictStatus) st = { 0 };
  GString *out;

  if (!axw_district_get_status (db, &st, &error))
    return g_strdup (error->message);
  out = g_string_new (NULL);
  g_string_append_printf (out, _("Waiting to be sent: %lld sales · sent: %lld"), (long long) st.pending,
                          (long long) axw_district_count_sent (db));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Last sent: %s"), st.last_push ? st.last_push : _("never"));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Catalog last brought from the hub: %s"), st.last_pull ? st.last_pull : _("never"));
  if (st.last_error != NULL)
    {
      g_string_append (out, "\n⚠ ");
      g_string_append (out, st.last_error);
    }
  return g_string_free (out, FALSE);
}

static void
set_busy (AxwManagerDistrict *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "district.push", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "district.conflicts", !busy);
}

void
axw_manager_district_reload (AxwManagerDistrict *self)
{
  g_autofree char *setup = NULL;
  g_autofree char *status = NULL;

  g_return_if_fail (AXW_IS_MANAGER_DISTRICT (self));
  if (self->db == NULL)
    return;
  setup = setup_text (self->db);
  status = status_text (self->db);
  gtk_label_set_text (self->setup, setup);
  gtk_label_set_text (self->status, status);
}

static void
push_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(AxwManagerDistrict) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AxwDistrictReport report;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;   /* the page is gone */
  if (!axw_district_push_finish (result, &report, &error))
    text = g_strdup_printf ("⚠ %s", error->message);
  else
    text = g_strdup_printf (ngettext ("✓ %u sale sent to the district hub.", "✓ %u sales sent to the district hub.",
                                      report.sent), report.sent);
  gtk_label_set_text (self->message, text);
  set_busy (self, FALSE);
  axw_manager_district_reload (self);
}

static void
push_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerDistrict *self = AXW_MANAGER_DISTRICT (widget);

  if (self->db == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  gtk_label_set_text (self->message, _("Sending to the district hub…"));
  axw_district_push_async (axw_db_get_path (self->db), self->cancellable, push_done, g_object_ref (self));
}

static void
conflicts_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (data, &error);
  GPtrArray *lines = db ? axw_district_my_conflicts (db, &error) : NULL;

  if (lines == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, lines, (GDestroyNotify) g_ptr_array_unref);
}

static void
conflicts_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(AxwManagerDistrict) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (lines == NULL)
    text = g_strdup_printf ("⚠ %s", error->message);
  else if (lines->len == 0)
    text = g_strdup (_("✓ No red packet of this shop was also redeemed elsewhere."));
  else
    text = g_strdup_printf (ngettext ("✗ %u red packet was redeemed twice: the funder pays it once. Review it:",
                                      "✗ %u red packets were redeemed twice: the funder pays each once. Review them:",
                                      lines->len), lines->len);
  if (lines != NULL)
    {
      g_ptr_array_add (lines, NULL);
      gtk_string_list_splice (self->conflicts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)),
                              (const char * const *) lines->pdata);
    }
  gtk_label_set_text (self->message, text);
  set_busy (self, FALSE);
}

static void
conflicts_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  AxwManagerDistrict *self = AXW_MANAGER_DISTRICT (widget);
  g_autoptr(GTask) task = NULL;

  if (self->db == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  gtk_label_set_text (self->message, _("Asking the district hub…"));
  task = g_task_new (NULL, self->cancellable, conflicts_done, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (axw_db_get_path (self->db)), g_free);
  g_task_run_in_thread (task, conflicts_thread);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GtkStringObject *s = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (s));
}

static void
axw_manager_district_dispose (GObject *object)
{
  AxwManagerDistrict *self = AXW_MANAGER_DISTRICT (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_DISTRICT);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (axw_manager_district_parent_class)->dispose (object);
}

/* The cancellable outlives dispose: a worker's callback reads it to know
 * the page is gone. */
static void
axw_manager_district_finalize (GObject *object)
{
  AxwManagerDistrict *self = AXW_MANAGER_DISTRICT (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (axw_manager_district_parent_class)->finalize (object);
}

static void
axw_manager_district_class_init (AxwManagerDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_district_dispose;
  object_class->finalize = axw_manager_district_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/cn/aixinwu/Pos/ui/axw-manager-district.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, setup);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, status);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, list);
  gtk_widget_class_install_action (widget_class, "district.push", NULL, push_cb);
  gtk_widget_class_install_action (widget_class, "district.conflicts", NULL, conflicts_cb);
}

static void
axw_manager_district_init (AxwManagerDistrict *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->conflicts = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_WRAP));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->conflicts)))));
}

void
axw_manager_district_set_db (AxwManagerDistrict *self,
                             AxwDb              *db)
{
  g_return_if_fail (AXW_IS_MANAGER_DISTRICT (self));
  g_set_object (&self->db, db);
  axw_manager_district_reload (self);
}

gboolean
axw_manager_district_get_busy (AxwManagerDistrict *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_DISTRICT (self), FALSE);
  return self->busy;
}

/* @which: "setup", "status" or "message" */
const char *
axw_manager_district_get_text (AxwManagerDistrict *self,
                               const char         *which)
{
  g_return_val_if_fail (AXW_IS_MANAGER_DISTRICT (self), NULL);
  if (g_str_equal (which, "setup"))
    return gtk_label_get_text (self->setup);
  if (g_str_equal (which, "status"))
    return gtk_label_get_text (self->status);
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none): the conflicts shown (GtkStringObject) */
GListModel *
axw_manager_district_get_conflicts (AxwManagerDistrict *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_DISTRICT (self), NULL);
  return G_LIST_MODEL (self->conflicts);
}
