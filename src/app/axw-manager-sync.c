/* axw-manager-sync.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The online shop: whether sync is set up, what waits, the last success
 * and error, and the sales the shop refused (4xx) with its words and a
 * retry for each. Pushing runs in a worker thread on its own connection
 * (axw_sync_push_async); the retries are the CLI's `sync --retry-dead`.
 */
#include <glib/gi18n.h>

#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-district.h"
#include "axw-manager-sync.h"
#include "axw-settings.h"
#include "axw-sync.h"

struct _AxwManagerSync
{
  GtkBox          parent_instance;

  AxwDb          *db;
  char           *manager;
  GCancellable   *cancellable;
  gboolean        busy;
  GtkStringList  *dead;       /* receipt numbers */
  GHashTable     *entries;    /* receipt number → AxwOutboxEntry */

  GtkLabel       *setup;
  GtkLabel       *status;
  GtkLabel       *message;
  GtkLabel       *dead_title;
  GtkWidget      *retry_all;
  GtkListView    *list;
};

G_DEFINE_FINAL_TYPE (AxwManagerSync, axw_manager_sync, GTK_TYPE_BOX)

/* "2026-12-12 10:05" in the shop's time zone */
static char *
local_time (AxwDb      *db,
            const char *utc_iso)
{
  g_autofree char *tzid = axw_settings_get (db, "timezone");
  g_autoptr(GTimeZone) tz = axw_timezone_new (tzid);

  return axw_time_format_shop_iso (utc_iso, tz, AXW_TIME_FORMAT_MINUTES);
}

static char *
setup_text (AxwDb *db)
{
  g_autofree char *endpoint = axw_settings_get (db, "sync.endpoint");
  g_autofree char *token_file = axw_settings_get (db, "sync.token_file");
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  if (endpoint == NULL || *endpoint == '\0')
    return g_strdup (_("✗ Not set up: the online shop's address is missing. "
                       "Write it on the Settings page, under Online shop address."));
  token = axw_sync_read_token (token_file, &error);
  if (token == NULL)
    return g_strdup_printf (_("✗ Not set up: %s"), error->message);
  return g_strdup_printf (_("✓ Set up: sales go to %s"), endpoint);
}

/* The district hub's side, in one line: its page has the rest. */
static void
append_hub_status (AxwDb   *db,
                   GString *out)
{
  g_auto(AxwDistrictStatus) hub = { 0 };

  if (!axw_district_configured (db) || !axw_district_get_status (db, &hub, NULL))
    return;
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("District hub: %lld waiting%s (see the District page)"),
                          (long long) hub.pending, hub.last_error ? _(", last try failed") : "");
}

static char *
status_text (AxwManagerSync *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(AxwSyncStatus) st = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *success = NULL;

  if (!axw_sync_get_status (self->db, &st, &error))
    return g_strdup (error->message);
  g_string_append_printf (out,
                          ngettext ("Waiting to be sent: %d sale", "Waiting to be sent: %d sales",
                                         (gulong) st.pending), (int) st.pending);
  success = st.last_success ? local_time (self->db, st.last_success) : NULL;
  g_string_append_c (out, '\n');
  if (success != NULL)
    g_string_append_printf (out, _("Last sent: %s"), success);
  else
    g_string_append (out, _("Last sent: never"));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("Refused by the online shop: %d sale",
                                         "Refused by the online shop: %d sales", (gulong) st.dead),
                          (int) st.dead);
  if (st.last_error != NULL)
    {
      g_string_append (out, "\n⚠ ");
      g_string_append_printf (out, _("Last error: %s"), st.last_error);
    }
  if (st.pending > 0 && st.next_attempt_at != NULL)
    {
      g_autofree char *next = local_time (self->db, st.next_attempt_at);

      g_string_append (out, "\n↻ ");
      g_string_append_printf (out,
                              _("Not sent yet: will retry by itself at %s, or press Sync now."),
                              next);
    }
  append_hub_status (self->db, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
set_busy (AxwManagerSync *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.push", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.retry", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.retry-all", !busy);
}

void
axw_manager_sync_reload (AxwManagerSync *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dead = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *setup = NULL;
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (AXW_IS_MANAGER_SYNC (self));
  if (self->db == NULL)
    return;
  setup = setup_text (self->db);
  status = status_text (self);
  gtk_label_set_text (self->setup, setup);
  gtk_label_set_text (self->status, status);
  dead = axw_sync_list_dead (self->db, &error);
  g_hash_table_remove_all (self->entries);
  for (guint i = 0; dead && i < dead->len; i++)
    {
      AxwOutboxEntry *e = g_ptr_array_index (dead, i);

      g_ptr_array_add (names, e->receipt_no);
      g_hash_table_insert (self->entries, e->receipt_no, e);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->dead, 0, g_list_model_get_n_items (G_LIST_MODEL (self->dead)),
                          (const char * const *) names->pdata);
  if (dead != NULL)
    g_ptr_array_set_free_func (dead, NULL);   /* the table owns them now */
  if (dead == NULL)
    title = g_strdup (error->message);
  else if (dead->len == 0)
    title = g_strdup (_("✓ The online shop refused no sales."));
  else
    title = g_strdup_printf (ngettext ("✗ %u sale refused by the online shop. Fix the cause, then "
                                       "retry:",
                                       "✗ %u sales refused by the online shop. Fix the cause, then "
                                       "retry:", dead->len), dead->len);
  gtk_label_set_text (self->dead_title, title);
  /* hidden rather than greyed out: nothing to retry is said in words above */
  gtk_widget_set_visible (self->retry_all, dead && dead->len > 0);
}

static void
push_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(AxwManagerSync) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AxwSyncReport report;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;   /* the page is gone */
  if (!axw_sync_push_finish (result, &report, &error))
    {
      text = g_strdup_printf ("⚠ %s", error->message);
    }
  else if (report.dead > 0)
    text = g_strdup_printf (_("✗ %u sales sent, %u refused: see the list below."), report.sent,
                            report.dead);
  else
    text = g_strdup_printf (ngettext ("✓ %u sale sent.", "✓ %u sales sent.", report.sent),
                            report.sent);
  gtk_label_set_text (self->message, text);
  set_busy (self, FALSE);
  axw_manager_sync_reload (self);
}

/* @now: also what waits for its retry time (the manager asked) */
static void
push (AxwManagerSync *self,
      gboolean        now)
{
  AxwSyncOptions options = { .ignore_backoff = now };

  set_busy (self, TRUE);
  gtk_label_set_text (self->message, _("Sending to the online shop…"));
  axw_sync_push_async (axw_db_get_path (self->db), &options, self->cancellable, push_done,
                       g_object_ref (self));
}

static void
push_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerSync *self = AXW_MANAGER_SYNC (widget);

  if (self->busy)
    return;
  push (self, TRUE);
}

static void
requeued (AxwManagerSync *self,
          gboolean        ok,
          GError         *error)
{
  if (!ok)
    {
      gtk_label_set_text (self->message, error->message);
      axw_manager_sync_reload (self);
      return;
    }
  axw_manager_sync_reload (self);
  push (self, FALSE);
}

static void
retry_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerSync *self = AXW_MANAGER_SYNC (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->busy)
    return;
  ok = axw_sync_retry_dead_sale (self->db, g_variant_get_string (param, NULL), self->manager,
                                 &error);
  requeued (self, ok, error);
}

static void
retry_all_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  AxwManagerSync *self = AXW_MANAGER_SYNC (widget);
  g_autoptr(GError) error = NULL;

  if (self->busy)
    return;
  requeued (self, axw_sync_retry_dead (self->db, self->manager, &error) >= 0, error);
}

/* A row: receipt and time, the server's words, and its Retry button. */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *why = gtk_label_new (NULL);
  GtkWidget *retry = gtk_button_new_with_label (_("Retry"));

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_widget_add_css_class (what, "heading");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), what);
  gtk_box_append (GTK_BOX (text), why);
  gtk_widget_set_size_request (retry, 120, 48);
  gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), retry);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  AxwManagerSync *self = user_data;
  const char *receipt = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const AxwOutboxEntry *e = g_hash_table_lookup (self->entries, receipt);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *retry = gtk_widget_get_last_child (row);
  g_autofree char *when = local_time (self->db, e ? e->sold_at : NULL);
  g_autofree char *what = g_strdup_printf (_("✗ %s — sold %s"), receipt, when ? when : "?");
  g_autofree char *why = g_strdup_printf (_("The online shop said: %s"),
                                          e && e->last_error ? e->last_error : _("(nothing)"));
  g_autofree char *name = g_strdup_printf (_("Send %s again"), receipt);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (text)), what);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (text)), why);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (retry), g_variant_new_string (receipt));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (retry), "sync.retry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (retry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The counter pushes in the background: what is shown is read again
 * each time the page comes into view. */
static void
axw_manager_sync_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (axw_manager_sync_parent_class)->map (widget);
  axw_manager_sync_reload (AXW_MANAGER_SYNC (widget));
}

static void
axw_manager_sync_dispose (GObject *object)
{
  AxwManagerSync *self = AXW_MANAGER_SYNC (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_SYNC);
  g_clear_object (&self->dead);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_sync_parent_class)->dispose (object);
}

/* The cancellable outlives dispose: a worker that ends after it sees it
 * cancelled and leaves the widgets alone. */
static void
axw_manager_sync_finalize (GObject *object)
{
  AxwManagerSync *self = AXW_MANAGER_SYNC (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (axw_manager_sync_parent_class)->finalize (object);
}

static void
axw_manager_sync_class_init (AxwManagerSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_sync_dispose;
  object_class->finalize = axw_manager_sync_finalize;
  widget_class->map = axw_manager_sync_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-sync.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerSync, setup);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerSync, status);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerSync, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerSync, dead_title);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerSync, retry_all);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerSync, list);
  gtk_widget_class_install_action (widget_class, "sync.push", NULL, push_cb);
  gtk_widget_class_install_action (widget_class, "sync.retry", "s", retry_cb);
  gtk_widget_class_install_action (widget_class, "sync.retry-all", NULL, retry_all_cb);
}

static void
axw_manager_sync_init (AxwManagerSync *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->dead = gtk_string_list_new (NULL);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) axw_outbox_entry_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->dead)))));
}

void
axw_manager_sync_set_db (AxwManagerSync *self,
                         AxwDb          *db,
                         const char     *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_SYNC (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  axw_manager_sync_reload (self);
}

gboolean
axw_manager_sync_get_busy (AxwManagerSync *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SYNC (self), FALSE);
  return self->busy;
}

/* Returns: (transfer none): receipt numbers of the refused sales */
GListModel *
axw_manager_sync_get_dead (AxwManagerSync *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SYNC (self), NULL);
  return G_LIST_MODEL (self->dead);
}

const char *
axw_manager_sync_get_text (AxwManagerSync *self,
                           const char     *what)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SYNC (self), NULL);

  if (g_str_equal (what, "setup"))
    return gtk_label_get_text (self->setup);
  if (g_str_equal (what, "status"))
    return gtk_label_get_text (self->status);
  if (g_str_equal (what, "dead-title"))
    return gtk_label_get_text (self->dead_title);
  return gtk_label_get_text (self->message);
}
