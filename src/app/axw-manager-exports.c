/* axw-manager-exports.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files the manager takes away, without a terminal: the red packet
 * subsidy claim of one funder for a period (CSV or PDF), the donation
 * book of a fund (PDF or CSV, `report donations`), the report of a
 * period (PDF or CSV) and the online shop's export folder. The manager
 * picks what, then where with a file chooser; the work runs in a worker
 * thread on its own connection, with the same functions as the CLI
 * (`report claim`, `report range --out`, `export`), and the page says the
 * file's name when done, or what went wrong and what to do.
 */
#include <glib/gi18n.h>

#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-export.h"
#include "axw-funds.h"
#include "axw-manager-exports.h"
#include "axw-money.h"
#include "axw-report-file.h"
#include "axw-reports.h"
#include "axw-settings.h"
#include "axw-vouchers.h"

typedef enum {
  EXPORT_CLAIM,
  EXPORT_REPORT,
  EXPORT_ONLINE,
  EXPORT_DONATIONS,
} ExportKind;

typedef struct {
  ExportKind  kind;
  char       *db_path;
  char       *path;       /* the file, or the folder of the online export */
  char       *funder;     /* the claim's funder, or the donation book's fund */
  char       *from;
  char       *to;
  char       *format;     /* csv or pdf */
  gboolean    full;
  char       *summary;    /* what was written, in words */
  AxwManagerExports *page;
  AxwDb      *db;         /* the GTK thread's, for the audit row */
  char       *manager;
} Job;

struct _AxwManagerExports
{
  GtkBox                parent_instance;

  AxwDb                *db;
  char                 *manager;
  GCancellable         *cancellable;
  gboolean              busy;
  guint                 pulse_id;
  GtkFileChooserNative *chooser;
  Job                  *chosen;     /* what the open chooser is for */
  GtkStringList        *funders;
  GtkStringList        *funds;

  GtkEntry             *from;
  GtkEntry             *to;
  GtkDropDown          *funder;
  GtkDropDown          *fund;
  GtkCheckButton       *full;
  GtkProgressBar       *progress;
  GtkLabel             *message;
};

G_DEFINE_FINAL_TYPE (AxwManagerExports, axw_manager_exports, GTK_TYPE_BOX)

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->funder);
  g_free (job->from);
  g_free (job->to);
  g_free (job->format);
  g_free (job->summary);
  g_clear_object (&job->page);
  g_clear_object (&job->db);
  g_free (job->manager);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static char *
claim_summary (const Job *job,
               GPtrArray *rows)
{
  g_autofree char *total = NULL;
  gint64 fen = 0;

  for (guint i = 0; i < rows->len; i++)
    fen += ((AxwClaimRow *) rows->pdata[i])->amount_fen;
  total = axw_money_format_screen (fen);
  return g_strdup_printf (g_dngettext (NULL, "subsidy claim of %s, %s to %s: %u line, %s to claim",
                                       "subsidy claim of %s, %s to %s: %u lines, %s to claim",
                                       rows->len),
                          job->funder, job->from, job->to, rows->len, total);
}

/* In the worker, on a connection of its own. */
static gboolean
write_file (AxwDb         *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;
  g_autoptr(GBytes) bytes = NULL;

  if (job->kind == EXPORT_CLAIM)
    {
      g_autoptr(GPtrArray) rows = axw_reports_claim (db, job->funder, job->from, job->to, error);

      if (rows == NULL)
        return FALSE;
      job->summary = claim_summary (job, rows);
      bytes = axw_claim_file_bytes (job->funder, job->from, job->to, rows, job->format, error);
    }
  else if (job->kind == EXPORT_DONATIONS)
    {
      g_autoptr(GPtrArray) rows = axw_reports_donation_book (db, job->funder, job->from, job->to,
                                                             error);
      g_autofree char *shop = NULL;
      g_autofree char *total = NULL;

      if (rows == NULL)
        return FALSE;
      shop = axw_settings_get (db, "shop.name");
      total = axw_money_format_screen (axw_donation_book_total (rows));
      job->summary = g_strdup_printf (g_dngettext (NULL,
                                        "donation book of %s, %s to %s: %u entry, %s in all",
                                        "donation book of %s, %s to %s: %u entries, %s in all",
                                        rows->len),
                                      job->funder, job->from, job->to, rows->len, total);
      bytes = axw_donation_book_file_bytes (shop, job->funder, job->from, job->to, rows,
                                            job->format, error);
    }
  else
    {
      g_autoptr(AxwReport) r = axw_reports_range (db, job->from, job->to, error);

      if (r == NULL)
        return FALSE;
      job->summary = g_strdup_printf (_("report of %s to %s"), job->from, job->to);
      bytes = axw_report_file_bytes (r, job->format, error);
    }
  return bytes != NULL && axw_report_file_save (job->path, bytes, error);
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

static void
set_busy (AxwManagerExports *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exports.claim", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exports.report", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exports.online", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exports.donations", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (busy)
    self->pulse_id = g_timeout_add (100, pulse_cb, self->progress);
}

static void
say (AxwManagerExports *self,
     const char        *text)
{
  gtk_label_set_text (self->message, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Written even when the window was closed meanwhile: the file exists. */
static void
audit (Job        *job,
       const char *action)
{
  g_autoptr(GError) error = NULL;

  if (!axw_audit_append (job->db, job->manager, action, job->path, &error))
    g_message ("audit of the export: %s", error->message);
}

/* Returns: (transfer none) (nullable): the page, unless it was closed */
static AxwManagerExports *
page_of (Job *job)
{
  return g_cancellable_is_cancelled (job->page->cancellable) ? NULL : job->page;
}

static void
file_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  AxwManagerExports *self = page_of (job);

  if (ok)
    audit (job, job->kind == EXPORT_CLAIM ? "export.claim"
                : job->kind == EXPORT_DONATIONS ? "export.donations" : "export.report");
  if (self == NULL)
    return;
  set_busy (self, FALSE);
  if (ok)
    text = g_strdup_printf (_("✓ Saved %s (%s). Only you can open it on this computer; "
                              "hand it on as it is."), job->path, job->summary);
  else
    text = g_strdup_printf (_("✗ Not saved: %s"), error->message);
  say (self, text);
}

static char *
online_summary (const char            *dir,
                const AxwExportResult *r)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (r->n_sales_files == 0 && !r->wrote_products)
    return g_strdup_printf (_("✓ Nothing new to export: %s already has every sale and the "
                              "products as they are."), dir);
  g_string_printf (s, _("✓ Exported to %s:"), dir);
  if (r->n_sales_files > 0)
    g_string_append_printf (s, g_dngettext (NULL, " %llu sale written.", " %llu sales written.",
                                            (gulong) r->n_sales),
                            (unsigned long long) r->n_sales);
  if (r->wrote_products)
    g_string_append_printf (s, _(" products.csv with %llu products."),
                            (unsigned long long) r->n_products);
  g_string_append (s, _(" Give the online shop the whole folder."));
  return g_strdup (s->str);
}

static void
online_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(Job) job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AxwExportResult r = { 0 };
  gboolean ok = axw_export_run_finish (result, &r, &error);
  AxwManagerExports *self = page_of (job);

  if (ok)
    audit (job, "export.online");
  if (self == NULL)
    return;
  set_busy (self, FALSE);
  if (!ok)
    text = g_strdup_printf (_("✗ Not exported: %s"), error->message);
  else
    text = online_summary (job->path, &r);
  say (self, text);
}

static void
start_job (AxwManagerExports *self,
           Job               *job)
{
  g_autoptr(GTask) task = NULL;

  set_busy (self, TRUE);
  gtk_progress_bar_set_text (self->progress, job->kind == EXPORT_ONLINE ? _("Exporting…")
                                                                         : _("Saving…"));
  say (self, _("Working; the counter can go on selling meanwhile."));
  /* Once started, a file is finished even if the window closes: no cancellable. */
  job->page = g_object_ref (self);
  job->db = g_object_ref (self->db);
  job->manager = g_strdup (self->manager);
  if (job->kind == EXPORT_ONLINE)
    {
      axw_export_run_async (job->db_path, job->path, job->full, NULL, online_done, job);
      return;
    }
  task = g_task_new (NULL, NULL, file_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  axw_db_job_run (task, job->db_path, write_file);
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     AxwManagerExports *self)
{
  g_autoptr(Job) job = g_steal_pointer (&self->chosen);
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL || self->busy)
    {
      say (self, _("Nothing was saved."));
      return;
    }
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      say (self, _("✗ Not saved: choose a folder on this computer or on a USB stick."));
      return;
    }
  start_job (self, g_steal_pointer (&job));
}

static void
choose (AxwManagerExports *self,
        Job               *job,
        const char        *title,
        const char        *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserAction mode = name
    ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->chosen, job_free);
  self->chosen = job;
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               mode, name ? _("_Save") : _("_Export here"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The period typed, checked before anything is chosen. */
static Job *
job_for_period (AxwManagerExports *self,
                ExportKind         kind,
                const char        *format)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to));
  Job *job;

  if (!axw_date_is_valid (from) || !axw_date_is_valid (to) || g_strcmp0 (from, to) > 0)
    {
      say (self, _("✗ Type the period as two dates like 2026-12-01 and 2026-12-31, the first "
                   "not after the last."));
      gtk_widget_grab_focus (GTK_WIDGET (self->from));
      return NULL;
    }
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->db_path = g_strdup (axw_db_get_path (self->db));
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->format = g_strdup (format);
  return job;
}

static void
claim_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerExports *self = AXW_MANAGER_EXPORTS (widget);
  GtkStringObject *funder = gtk_drop_down_get_selected_item (self->funder);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;
  Job *job;

  if (self->busy)
    return;
  if (funder == NULL)
    {
      say (self, _("✗ No red packet campaign names a funder yet. Import the funder's red packets "
                   "first (page Promotions and red packets)."));
      return;
    }
  if ((job = job_for_period (self, EXPORT_CLAIM, format)) == NULL)
    return;
  job->funder = g_strdup (gtk_string_object_get_string (funder));
  name = g_strdup_printf (_("claim-%s-%s-%s.%s"), job->funder, job->from, job->to, format);
  g_strdelimit (name, "/\\", '-');   /* a funder's name is no folder */
  choose (self, job, _("Save the subsidy claim"), name);
}

static void
report_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerExports *self = AXW_MANAGER_EXPORTS (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;
  Job *job;

  if (self->busy || (job = job_for_period (self, EXPORT_REPORT, format)) == NULL)
    return;
  name = g_strdup_printf (_("report-%s-%s.%s"), job->from, job->to, format);
  choose (self, job, _("Save the report"), name);
}

/* The donation book of the fund chosen: a public notice (docs/design.md §15). */
static void
donations_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  AxwManagerExports *self = AXW_MANAGER_EXPORTS (widget);
  GtkStringObject *fund = gtk_drop_down_get_selected_item (self->fund);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;
  Job *job;

  if (self->busy)
    return;
  if (fund == NULL)
    {
      say (self, _("✗ There is no fund yet. Add one on the page Funds and donations."));
      return;
    }
  if ((job = job_for_period (self, EXPORT_DONATIONS, format)) == NULL)
    return;
  job->funder = g_strdup (gtk_string_object_get_string (fund));
  name = g_strdup_printf (_("donations-%s-%s-%s.%s"), job->funder, job->from, job->to, format);
  g_strdelimit (name, "/\\", '-');   /* a fund's name is no folder */
  choose (self, job, _("Save the donation book"), name);
}

static void
online_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerExports *self = AXW_MANAGER_EXPORTS (widget);
  Job *job;

  if (self->busy)
    return;
  job = g_new0 (Job, 1);
  job->kind = EXPORT_ONLINE;
  job->db_path = g_strdup (axw_db_get_path (self->db));
  job->full = gtk_check_button_get_active (self->full);
  choose (self, job, _("Choose the folder for the online shop's files"), NULL);
}

static void
axw_manager_exports_dispose (GObject *object)
{
  AxwManagerExports *self = AXW_MANAGER_EXPORTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->chosen, job_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_EXPORTS);
  g_clear_object (&self->funders);
  g_clear_object (&self->funds);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_exports_parent_class)->dispose (object);
}

/* The cancellable outlives dispose: a job that ends after it sees it
 * cancelled and leaves the widgets alone. */
static void
axw_manager_exports_finalize (GObject *object)
{
  AxwManagerExports *self = AXW_MANAGER_EXPORTS (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (axw_manager_exports_parent_class)->finalize (object);
}

static void
axw_manager_exports_class_init (AxwManagerExportsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_exports_dispose;
  object_class->finalize = axw_manager_exports_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-exports.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerExports, from);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerExports, to);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerExports, funder);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerExports, fund);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerExports, full);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerExports, progress);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerExports, message);
  gtk_widget_class_install_action (widget_class, "exports.claim", "s", claim_cb);
  gtk_widget_class_install_action (widget_class, "exports.report", "s", report_cb);
  gtk_widget_class_install_action (widget_class, "exports.online", NULL, online_cb);
  gtk_widget_class_install_action (widget_class, "exports.donations", "s", donations_cb);
}

static void
axw_manager_exports_init (AxwManagerExports *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->funders = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->funder, G_LIST_MODEL (self->funders));
  self->funds = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->fund, G_LIST_MODEL (self->funds));
  g_signal_connect (self, "map", G_CALLBACK (axw_manager_exports_reload), NULL);
}

/* Fills @list with @names (NULL-terminated), keeping @drop's choice. */
static void
set_names (GtkDropDown   *drop,
           GtkStringList *list,
           GPtrArray     *names)
{
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (drop);
  g_autofree char *keep = chosen ? g_strdup (gtk_string_object_get_string (chosen)) : NULL;

  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) names->pdata);
  for (guint i = 0; keep != NULL && names->pdata[i] != NULL; i++)
    if (g_str_equal (names->pdata[i], keep))
      gtk_drop_down_set_selected (drop, i);
}

/* Every fund, ended ones too: their books stay. */
static void
reload_funds (AxwManagerExports *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funds = axw_funds_list (self->db, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; funds != NULL && i < funds->len; i++)
    g_ptr_array_add (names, ((AxwFund *) funds->pdata[i])->name);
  g_ptr_array_add (names, NULL);
  set_names (self->fund, self->funds, names);
}

/* The funders of the campaigns (imported meanwhile on another page, maybe)
 * and the funds; the one chosen stays chosen. */
void
axw_manager_exports_reload (AxwManagerExports *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (AXW_IS_MANAGER_EXPORTS (self));
  if (self->db == NULL)
    return;
  reload_funds (self);
  if ((campaigns = axw_vouchers_campaigns (self->db, &error)) == NULL)
    {
      g_autofree char *text = g_strdup_printf ("✗ %s", error->message);

      say (self, text);
      return;
    }
  for (guint i = 0; i < campaigns->len; i++)   /* sorted by funder */
    {
      const AxwCampaignStats *c = campaigns->pdata[i];
      const char *last = names->len ? names->pdata[names->len - 1] : NULL;

      if (c->funder != NULL && *c->funder != '\0' && g_strcmp0 (last, c->funder) != 0)
        g_ptr_array_add (names, c->funder);
    }
  g_ptr_array_add (names, NULL);
  set_names (self->funder, self->funders, names);
}

/* This month so far. */
static void
set_default_period (AxwManagerExports *self)
{
  g_autofree char *tz = axw_settings_get (self->db, "timezone");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = axw_business_date (now, tz);
  g_autofree char *first = g_strdup_printf ("%.8s01", today);

  gtk_editable_set_text (GTK_EDITABLE (self->from), first);
  gtk_editable_set_text (GTK_EDITABLE (self->to), today);
}

/**
 * axw_manager_exports_set_db:
 * @manager: exports are audited in this name
 */
void
axw_manager_exports_set_db (AxwManagerExports *self,
                            AxwDb             *db,
                            const char        *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_EXPORTS (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  set_default_period (self);
  axw_manager_exports_reload (self);
}

gboolean
axw_manager_exports_get_busy (AxwManagerExports *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_EXPORTS (self), FALSE);
  return self->busy;
}

const char *
axw_manager_exports_get_message (AxwManagerExports *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_EXPORTS (self), NULL);
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none) (nullable): the file chooser open now */
GtkFileChooser *
axw_manager_exports_get_chooser (AxwManagerExports *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_EXPORTS (self), NULL);
  return self->chooser ? GTK_FILE_CHOOSER (self->chooser) : NULL;
}
