/* axw-manager-backups.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups: the folder, the daily files (date, size, checked or not),
 * "Back up now" and "Restore…" after a confirmation that says what is
 * replaced. Backing up and checking run in a worker thread on their own
 * connection; the restore itself is the application's (it closes and
 * reopens the database and sends the counter back to the login screen).
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-application.h"
#include "axw-audit.h"
#include "axw-backup.h"
#include "axw-list-label.h"
#include "axw-manager-backups.h"

struct _AxwManagerBackups
{
  GtkBox              parent_instance;

  AxwDb              *db;
  char               *manager;
  char               *dir;
  GCancellable       *cancellable;
  gboolean            busy;
  GtkStringList      *paths;
  GHashTable         *infos;      /* path → AxwBackupInfo */
  GtkSingleSelection *selection;
  AdwMessageDialog   *confirm;
  char               *confirm_path;

  GtkLabel           *folder;
  GtkLabel           *message;
  GtkListView        *list;
  GtkButton          *restore_button;
};

G_DEFINE_FINAL_TYPE (AxwManagerBackups, axw_manager_backups, GTK_TYPE_BOX)

enum {
  SIGNAL_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char      *db_path;
  char      *dir;
  gboolean   backup;
  char      *written;     /* the file backed up */
  char      *failure;     /* why the backup failed */
  GPtrArray *list;        /* AxwBackupInfo */
  char      *list_error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->dir);
  g_free (job->written);
  g_free (job->failure);
  g_clear_pointer (&job->list, g_ptr_array_unref);
  g_free (job->list_error);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;

  if (job->backup)
    {
      g_autoptr(AxwDb) db = axw_db_open (job->db_path, &error);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (db != NULL)
        job->written = axw_backup_run (db, job->dir, now, AXW_BACKUP_KEEP_DEFAULT, &error);
      if (job->written == NULL)
        job->failure = g_strdup (error->message);
      g_clear_error (&error);
    }
  job->list = axw_backup_list (job->dir, TRUE, &error);
  if (job->list == NULL)
    job->list_error = g_strdup (error->message);
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (AxwManagerBackups *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.run", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", !busy);
}

static void
show_list (AxwManagerBackups *self,
           GPtrArray         *list)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  g_hash_table_remove_all (self->infos);
  for (guint i = 0; i < list->len; i++)
    {
      AxwBackupInfo *info = g_ptr_array_index (list, i);

      g_ptr_array_add (paths, info->path);
      g_hash_table_insert (self->infos, info->path, info);
    }
  g_ptr_array_set_free_func (list, NULL);   /* the table owns them now */
  g_ptr_array_add (paths, NULL);
  gtk_string_list_splice (self->paths, 0, g_list_model_get_n_items (G_LIST_MODEL (self->paths)),
                          (const char * const *) paths->pdata);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(AxwManagerBackups) self = data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  if (job->backup && job->written != NULL)
    {
      g_autoptr(GError) error = NULL;

      text = g_strdup_printf (_("✓ Backed up and checked: %s"), job->written);
      if (!axw_audit_append (self->db, self->manager, "backup.run", job->written, &error))
        g_message ("audit of the backup: %s", error->message);
    }
  else if (job->backup)
    text = g_strdup_printf (_("✗ Not backed up: %s"), job->failure);
  if (job->list != NULL)
    show_list (self, job->list);
  else
    text = g_strdup_printf ("✗ %s", job->list_error);
  if (text != NULL)
    gtk_label_set_text (self->message, text);
}

static void
start_job (AxwManagerBackups *self,
           gboolean           backup)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, job_done, g_object_ref (self));
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (axw_db_get_path (self->db));
  job->dir = g_strdup (self->dir);
  job->backup = backup;
  set_busy (self, TRUE);
  if (backup)
    gtk_label_set_text (self->message, _("Backing up and checking the copy…"));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

void
axw_manager_backups_reload (AxwManagerBackups *self)
{
  g_return_if_fail (AXW_IS_MANAGER_BACKUPS (self));
  if (self->db != NULL && !self->busy)
    start_job (self, FALSE);
}

static void
run_cb (GtkWidget  *widget,
        const char *action,
        GVariant   *param)
{
  AxwManagerBackups *self = AXW_MANAGER_BACKUPS (widget);

  if (!self->busy)
    start_job (self, TRUE);
}

static const AxwBackupInfo *
selected (AxwManagerBackups *self)
{
  GtkStringObject *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? g_hash_table_lookup (self->infos, gtk_string_object_get_string (item)) : NULL;
}

static gboolean
restore (AxwManagerBackups *self,
         const char        *path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root)
    ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (AXW_IS_APPLICATION (app))
    ok = axw_application_restore_backup (AXW_APPLICATION (app), path, self->manager, &safety,
                                         &error);
  else
    ok = axw_backup_restore_open (self->db, path, self->manager, &safety, &error);
  if (ok)
    text = g_strdup_printf (_("✓ Restored from %s. The data from before is kept in %s. "
                              "The counter is back at the login screen."), path, safety);
  else
    text = g_strdup_printf ("✗ %s", error->message);
  gtk_label_set_text (self->message, text);
  if (ok)
    g_signal_emit (self, signals[SIGNAL_RESTORED], 0);
  return ok;
}

static void
confirm_cb (AdwMessageDialog  *dialog,
            const char        *response,
            AxwManagerBackups *self)
{
  g_autofree char *path = g_steal_pointer (&self->confirm_path);

  self->confirm = NULL;
  if (g_str_equal (response, "restore") && self->busy)
    gtk_label_set_text (self->message,
                        _("Not restored: a backup is being made. Try again when it is done."));
  else if (g_str_equal (response, "restore"))
    {
      restore (self, path);
      axw_manager_backups_reload (self);
    }
  else
    gtk_label_set_text (self->message, _("Not restored; nothing changed."));
}

static void
restore_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerBackups *self = AXW_MANAGER_BACKUPS (widget);
  const AxwBackupInfo *info = selected (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *size = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->busy || self->confirm != NULL)
    return;
  if (info == NULL)
    {
      gtk_label_set_text (self->message, _("Choose a backup in the list first."));
      return;
    }
  if (!info->verified)
    {
      g_autofree char *text = g_strdup_printf (_("✗ Not restored: %s"),
                                               info->problem ? info->problem : "?");

      gtk_label_set_text (self->message, text);
      return;
    }
  size = g_format_size ((guint64) info->size);
  heading = g_strdup_printf (_("Restore the backup %s?"), info->name);
  body = g_strdup_printf (_("All the shop's data on this computer — sales, refunds, stock, staff, "
                            "settings — "
                            "will be replaced by this backup (%s). Sales made since it was taken "
                            "will no "
                            "longer be in the data.\n\nThe current data is saved first as a safety "
                            "copy "
                            "next to the database, so nothing is lost. The counter goes back to "
                            "the login "
                            "screen."), size);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Replace the data"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  self->confirm = ADW_MESSAGE_DIALOG (dialog);
  self->confirm_path = g_strdup (info->path);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The chosen backup in words on the button, not only a highlighted row */
static void
selection_cb (AxwManagerBackups *self)
{
  const AxwBackupInfo *info = selected (self);
  g_autofree char *day = info ? g_strndup (info->name + strlen ("aixinwu-"), 10) : NULL;
  g_autofree char *label = day ? g_strdup_printf (_("_Restore the backup of %s…"), day) : NULL;

  gtk_button_set_label (self->restore_button, label ? label : _("_Restore…"));
}

static char *
describe (const AxwBackupInfo *info)
{
  g_autofree char *size = g_format_size ((guint64) info->size);
  g_autofree char *day = g_strndup (info->name + strlen ("aixinwu-"), 10);

  if (info->verified)
    return g_strdup_printf (_("✓ %s — %s — checked, can be restored"), day, size);
  return g_strdup_printf (_("✗ %s — %s — cannot be restored: %s"), day, size,
                          info->problem ? info->problem : "?");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  AxwManagerBackups *self = user_data;
  const char *path = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const AxwBackupInfo *info = g_hash_table_lookup (self->infos, path);
  g_autofree char *text = info ? describe (info) : g_strdup (path);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
axw_manager_backups_dispose (GObject *object)
{
  AxwManagerBackups *self = AXW_MANAGER_BACKUPS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->confirm)));
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_BACKUPS);
  g_clear_object (&self->selection);
  g_clear_object (&self->paths);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->confirm_path, g_free);
  G_OBJECT_CLASS (axw_manager_backups_parent_class)->dispose (object);
}

/* The cancellable outlives dispose: a worker that ends after it sees it
 * cancelled and leaves the widgets alone. */
static void
axw_manager_backups_finalize (GObject *object)
{
  AxwManagerBackups *self = AXW_MANAGER_BACKUPS (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (axw_manager_backups_parent_class)->finalize (object);
}

static void
axw_manager_backups_class_init (AxwManagerBackupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_backups_dispose;
  object_class->finalize = axw_manager_backups_finalize;
  /* after a restore: whatever shows the data reads it again */
  signals[SIGNAL_RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-backups.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerBackups, folder);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerBackups, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerBackups, list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerBackups, restore_button);
  gtk_widget_class_install_action (widget_class, "backups.run", NULL, run_cb);
  gtk_widget_class_install_action (widget_class, "backups.restore", NULL, restore_cb);
}

static void
axw_manager_backups_init (AxwManagerBackups *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->paths = gtk_string_list_new (NULL);
  self->infos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) axw_backup_info_free);
  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_WRAP));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->paths)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_cb),
                            self);
}

void
axw_manager_backups_set_db (AxwManagerBackups *self,
                            AxwDb             *db,
                            const char        *manager)
{
  g_autofree char *text = NULL;

  g_return_if_fail (AXW_IS_MANAGER_BACKUPS (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  g_free (self->dir);
  self->dir = axw_backup_default_dir (db);
  text = g_strdup_printf (_("Backup folder: %s (a copy is made every day the counter starts; "
                            "the newest %d are kept)"), self->dir, AXW_BACKUP_KEEP_DEFAULT);
  gtk_label_set_text (self->folder, text);
  axw_manager_backups_reload (self);
}

gboolean
axw_manager_backups_get_busy (AxwManagerBackups *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_BACKUPS (self), FALSE);
  return self->busy;
}

const char *
axw_manager_backups_get_dir (AxwManagerBackups *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_BACKUPS (self), NULL);
  return self->dir;
}

/* Returns: (transfer none): the paths of the backups shown */
GListModel *
axw_manager_backups_get_model (AxwManagerBackups *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_BACKUPS (self), NULL);
  return G_LIST_MODEL (self->paths);
}

gboolean
axw_manager_backups_select (AxwManagerBackups *self,
                            const char        *path)
{
  GListModel *model = G_LIST_MODEL (self->paths);

  g_return_val_if_fail (AXW_IS_MANAGER_BACKUPS (self), FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (s), path))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
axw_manager_backups_get_message (AxwManagerBackups *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_BACKUPS (self), NULL);
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none) (nullable) */
AdwMessageDialog *
axw_manager_backups_get_confirm (AxwManagerBackups *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_BACKUPS (self), NULL);
  return self->confirm;
}
