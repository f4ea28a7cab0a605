/* axw-manager-district.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The District page: whether this shop sends to the district hub, what
 * waits, the last push and the last error (read from the shop's own file,
 * so the page opens without the hub), "Send now" (the push in a worker
 * thread, as aixinwu sync) and the red-packet conflicts this shop is part
 * of, looked up at the hub in a worker thread, each said in words with a
 * button to resolve it: a manager's PIN and what was done, recorded at
 * the hub and in this shop's audit log. docs/district.md.
 */
#include <glib/gi18n.h>

#include "axw-bizdate.h"
#include "axw-district.h"
#include "axw-manager-district.h"
#include "axw-manager-pin-dialog.h"
#include "axw-settings.h"

struct _AxwManagerDistrict
{
  GtkBox         parent_instance;

  AxwDb         *db;
  GCancellable  *cancellable;
  GtkStringList *conflicts;   /* the words of each conflict shown */
  GPtrArray     *items;          /* AxwHubConflict of each row */
  char          *resolved_text;  /* said above the list after a resolution */
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
    return g_strdup (_("✗ Not set up: this shop sends nothing to the district hub. Ask the "
                       "district for the "
                       "hub's address and a password file, then set district.url and "
                       "district.password_file."));
  if (passfile == NULL || *passfile == '\0')
    return g_strdup_printf (_("⚠ Hub %s, but no password file (district.password_file) is set."),
                            url);
  return g_strdup_printf (_("✓ Set up: hub %s"), url);
}

/* "2026-12-12 10:05" in the shop's time zone, or "never" */
static char *
shop_time (GTimeZone  *tz,
           const char *utc_iso)
{
  return utc_iso ? axw_time_format_shop_iso (utc_iso, tz, AXW_TIME_FORMAT_MINUTES)
                 : g_strdup (_("never"));
}

static char *
status_text (AxwDb *db)
{
  g_autoptr(GError) error = NULL;
  g_auto(AxwDistrictStatus) st = { 0 };
  g_autofree char *tzid = axw_settings_get (db, "timezone");
  g_autoptr(GTimeZone) tz = axw_timezone_new (tzid);
  g_autofree char *pushed = NULL;
  g_autofree char *pulled = NULL;
  GString *out;

  if (!axw_district_get_status (db, &st, &error))
    return g_strdup (error->message);
  pushed = shop_time (tz, st.last_push);
  pulled = shop_time (tz, st.last_pull);
  out = g_string_new (NULL);
  g_string_append_printf (out, _("Waiting to be sent: %lld sales · sent: %lld"),
                          (long long) st.pending, (long long) axw_district_count_sent (db));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Last sent: %s"), pushed);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Catalog last brought from the hub: %s"), pulled);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "district.resolve", !busy);
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
    text = g_strdup_printf (ngettext ("✓ %u sale sent to the district hub.",
                                      "✓ %u sales sent to the district hub.",
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
  axw_district_push_async (axw_db_get_path (self->db), self->cancellable, push_done,
                           g_object_ref (self));
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
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (lines == NULL)
    text = g_strdup_printf ("⚠ %s", error->message);
  else if (lines->len == 0)
    text = g_strdup (_("✓ No red packet of this shop was also redeemed elsewhere."));
  else
    text = g_strdup_printf (ngettext ("✗ %u red packet was redeemed twice: the funder pays it "
                                      "once. Review it:",
                                      "✗ %u red packets were redeemed twice: the funder pays each "
                                      "once. Review them:", lines->len), lines->len);
  if (lines != NULL)
    {
      for (guint i = 0; i < lines->len; i++)
        g_ptr_array_add (words, ((AxwHubConflict *) g_ptr_array_index (lines, i))->text);
      g_ptr_array_unref (self->items);
      self->items = g_ptr_array_ref (lines);
      g_ptr_array_add (words, NULL);
      gtk_string_list_splice (self->conflicts, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)),
                              (const char * const *) words->pdata);
    }
  if (self->resolved_text != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", self->resolved_text, text);

      gtk_label_set_text (self->message, both);
      g_clear_pointer (&self->resolved_text, g_free);
    }
  else
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

typedef struct {
  AxwManagerDistrict  *self;
  AxwManagerPinDialog *dialog;
  gint64               id;
  char                *db_path;
  char                *manager;
  char                *note;
  char                *code;
} Resolve;

static void
resolve_free (gpointer data)
{
  Resolve *r = data;

  g_object_unref (r->self);
  g_object_unref (r->dialog);
  g_free (r->db_path);
  g_free (r->manager);
  g_free (r->note);
  g_free (r->code);
  g_free (r);
}

static void
resolve_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Resolve *r = data;
  GError *error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (r->db_path, &error);

  if (db == NULL ||
      !axw_district_resolve_conflict (db, r->id, r->manager, r->note, &r->code, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
resolve_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Resolve *r = g_task_get_task_data (G_TASK (result));
  AxwManagerDistrict *self = r->self;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      axw_manager_pin_dialog_show_error (r->dialog, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (r->dialog));
  g_free (self->resolved_text);
  self->resolved_text = g_strdup_printf (_("✓ Conflict of red packet %s resolved by %s: %s"),
                                         r->code, r->manager, r->note);
  gtk_widget_activate_action (GTK_WIDGET (self), "district.conflicts", NULL);
}

static void
resolve_authorized_cb (AxwManagerPinDialog *dialog,
                       const char          *manager,
                       const char          *reason,
                       const char          *value,
                       AxwManagerDistrict  *self)
{
  Resolve *r = g_new0 (Resolve, 1);
  g_autoptr(GTask) task = NULL;

  r->self = g_object_ref (self);
  r->dialog = g_object_ref (dialog);
  r->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "conflict-id"));
  r->db_path = g_strdup (axw_db_get_path (self->db));
  r->manager = g_strdup (manager);
  r->note = g_strdup (reason);
  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, resolve_done, NULL);
  g_task_set_task_data (task, r, resolve_free);
  g_task_run_in_thread (task, resolve_thread);
}

/* district.resolve(x: the hub's conflict id): a manager's PIN and what
 * was done, then the hub marks it resolved. */
static void
resolve_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerDistrict *self = AXW_MANAGER_DISTRICT (widget);
  gint64 id = g_variant_get_int64 (param);
  GtkRoot *root = gtk_widget_get_root (widget);
  AxwManagerPinDialog *dialog;
  g_autofree char *title = NULL;
  const char *code = NULL;

  if (self->db == NULL || self->busy)
    return;
  for (guint i = 0; i < self->items->len; i++)
    if (((AxwHubConflict *) g_ptr_array_index (self->items, i))->id == id)
      code = ((AxwHubConflict *) g_ptr_array_index (self->items, i))->code;
  if (code == NULL)
    return;
  /* TRANSLATORS: %s is a red packet's code */
  title = g_strdup_printf (_("Red packet %s redeemed twice: what was done?"), code);
  dialog = axw_manager_pin_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                                       title);
  g_object_set_data (G_OBJECT (dialog), "conflict-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "authorized", G_CALLBACK (resolve_authorized_cb), self, 0);
  axw_manager_pin_dialog_present (dialog);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Resolve…"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_size_request (label, -1, 48);
  gtk_widget_set_size_request (button, 48, 48);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "district.resolve");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  AxwManagerDistrict *self = user_data;
  GtkStringObject *s = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *button = gtk_widget_get_last_child (box);
  guint pos = gtk_list_item_get_position (item);
  AxwHubConflict *c = pos < self->items->len ? g_ptr_array_index (self->items, pos) : NULL;
  gint64 id = c != NULL ? c->id : 0;
  const char *text = gtk_string_object_get_string (s);
  g_autofree char *name = g_strdup_printf (_("Resolve: %s"), text);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
axw_manager_district_dispose (GObject *object)
{
  AxwManagerDistrict *self = AXW_MANAGER_DISTRICT (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_DISTRICT);
  g_clear_object (&self->conflicts);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->resolved_text, g_free);
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
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-district.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, setup);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, status);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerDistrict, list);
  gtk_widget_class_install_action (widget_class, "district.push", NULL, push_cb);
  gtk_widget_class_install_action (widget_class, "district.conflicts", NULL, conflicts_cb);
  gtk_widget_class_install_action (widget_class, "district.resolve", "x", resolve_cb);
}

static void
axw_manager_district_init (AxwManagerDistrict *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->conflicts = gtk_string_list_new (NULL);
  self->items = g_ptr_array_new_with_free_func (axw_hub_conflict_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
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
