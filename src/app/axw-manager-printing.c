/* axw-manager-printing.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receipt printer for the manager: the receipts not printed yet, each
 * with its state and the printer's reason in words; printing them again
 * (`aixinwu printers retry`); and a copy of any receipt, found by its
 * number typed or scanned (`aixinwu receipt SALE`), marked as a reprint
 * and audited in the manager's name. Printing runs off the GTK thread
 * through the page's AxwPrintRunner.
 */
#include <glib/gi18n.h>

#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-list-label.h"
#include "axw-manager-printing.h"
#include "axw-print-queue.h"
#include "axw-print-runner.h"
#include "axw-settings.h"

struct _AxwManagerPrinting
{
  GtkBox          parent_instance;

  AxwDb          *db;
  char           *manager;
  AxwPrintRunner *runner;       /* made at the first print */
  GtkStringList  *rows;         /* one line of words per job */

  GtkLabel       *printer;
  GtkEntry       *receipt_entry;
  GtkLabel       *message;
  GtkListView    *list;
};

G_DEFINE_FINAL_TYPE (AxwManagerPrinting, axw_manager_printing, GTK_TYPE_BOX)

static char *
describe (const AxwPrintJob *job)
{
  g_autofree char *copy = job->reprint > 0 ? g_strdup_printf (_(" (copy %u)"), job->reprint)
                                           : g_strdup ("");
  const char *no = job->receipt_no ? job->receipt_no : "?";

  if (g_str_equal (job->status, "failed"))
    return g_strdup_printf (g_dngettext (NULL, "✗ %s%s — not printed (%d try): %s",
                                         "✗ %s%s — not printed (%d tries): %s",
                                         (gulong) job->attempts),
                            no, copy, job->attempts, job->last_error ? job->last_error : "?");
  if (g_str_equal (job->status, "printing"))
    return g_strdup_printf (_("↻ %s%s — printing now"), no, copy);
  return g_strdup_printf (_("… %s%s — waiting for the printer"), no, copy);
}

static void
say (AxwManagerPrinting *self,
     const char         *text)
{
  gtk_label_set_text (self->message, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Returns: (transfer full) (nullable): the reason of the newest failure shown */
static char *
show_jobs (AxwManagerPrinting *self,
           GPtrArray          *jobs)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  char *failure = NULL;

  for (guint i = 0; i < jobs->len; i++)
    {
      const AxwPrintJob *job = jobs->pdata[i];

      g_ptr_array_add (lines, describe (job));
      if (failure == NULL && g_str_equal (job->status, "failed"))
        failure = g_strdup (job->last_error);
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) lines->pdata);
  return failure;
}

/* Reads the queue again. Returns: (transfer full) (nullable): as show_jobs() */
static char *
reload (AxwManagerPrinting *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = axw_print_queue_list (self->db, TRUE, &error);
  g_autofree char *target = axw_settings_get (self->db, "printer");
  g_autofree char *printer = NULL;

  printer = target &&
    *target ? g_strdup_printf (_("Printer: %s (chosen on the Settings page)"), target)
                              : g_strdup (_("No receipt printer is chosen: choose one on the "
                                            "Settings page."));
  gtk_label_set_text (self->printer, printer);
  if (jobs == NULL)
    {
      g_autofree char *text = g_strdup_printf ("✗ %s", error->message);

      say (self, text);
      return NULL;
    }
  return show_jobs (self, jobs);
}

/* Also each time the page is shown: the counter prints meanwhile. */
void
axw_manager_printing_reload (AxwManagerPrinting *self)
{
  g_autofree char *failure = NULL;

  g_return_if_fail (AXW_IS_MANAGER_PRINTING (self));
  if (self->db != NULL)
    failure = reload (self);
}

static void
finished_cb (AxwManagerPrinting *self,
             gboolean            all_printed)
{
  g_autofree char *failure = reload (self);
  g_autofree char *text = NULL;

  if (all_printed && failure == NULL)
    say (self, _("✓ Printed. No receipt waits for the printer."));
  else
    {
      const char *why = failure ? failure : _("the printer failed.");

      text = g_strdup_printf (_("✗ Not printed: %s%s The receipts wait here; print them again when "
                                "the printer is ready."), why,
                                g_str_has_suffix (why, ".") ? "" : ".");
      say (self, text);
    }
}

static void
print_queue (AxwManagerPrinting *self)
{
  if (self->runner == NULL)
    {
      self->runner = axw_print_runner_new (self->db);
      g_signal_connect_object (self->runner, "finished", G_CALLBACK (finished_cb), self,
                               G_CONNECT_SWAPPED);
    }
  axw_print_runner_run (self->runner);
}

static void
retry_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerPrinting *self = AXW_MANAGER_PRINTING (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = axw_print_queue_list (self->db, TRUE, &error);

  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      const AxwPrintJob *job = jobs->pdata[i];

      if (g_str_equal (job->status, "failed") && !axw_print_queue_retry (self->db, job->id, &error))
        break;
    }
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf ("✗ %s", error->message);

      say (self, text);
      return;
    }
  say (self, _("↻ Printing the waiting receipts…"));
  print_queue (self);
  axw_manager_printing_reload (self);
}

static void
reprint_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerPrinting *self = AXW_MANAGER_PRINTING (widget);
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->receipt_entry))));
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) sale = NULL;
  g_autofree char *text = NULL;

  if (*number == '\0')
    {
      say (self, _("Type or scan the receipt number first, then press Enter."));
      gtk_widget_grab_focus (GTK_WIDGET (self->receipt_entry));
      return;
    }
  if ((sale = axw_sales_load (self->db, number, &error)) == NULL ||
      axw_print_queue_reprint (self->db, sale, self->manager, &error) == 0)
    {
      text = g_strdup_printf (_("✗ Not printed: %s"), error->message);
      say (self, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->receipt_entry));
      return;
    }
  text = g_strdup_printf (_("↻ Printing a copy of receipt %s, marked 重印 第%u次…"),
                          sale->receipt_no,
                          axw_print_queue_next_copy (self->db, sale->id, NULL) - 1);
  say (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->receipt_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->receipt_entry));
  print_queue (self);
  axw_manager_printing_reload (self);
}

/* Enter, typed or sent by the scanner. */
static void
entry_activate_cb (AxwManagerPrinting *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "printing.reprint", NULL);
}

static void
axw_manager_printing_dispose (GObject *object)
{
  AxwManagerPrinting *self = AXW_MANAGER_PRINTING (object);

  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  g_clear_object (&self->runner);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_PRINTING);
  g_clear_object (&self->rows);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_printing_parent_class)->dispose (object);
}

static void
axw_manager_printing_class_init (AxwManagerPrintingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_printing_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-printing.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPrinting, printer);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPrinting, receipt_entry);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPrinting, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPrinting, list);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_install_action (widget_class, "printing.reprint", NULL, reprint_cb);
  gtk_widget_class_install_action (widget_class, "printing.retry", NULL, retry_cb);
}

static void
axw_manager_printing_init (AxwManagerPrinting *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  g_signal_connect (self, "map", G_CALLBACK (axw_manager_printing_reload), NULL);
  axw_list_label_show (self->list, self->rows, AXW_LIST_LABEL_WRAP);
}

/**
 * axw_manager_printing_set_db:
 * @manager: reprints are audited in this name
 */
void
axw_manager_printing_set_db (AxwManagerPrinting *self,
                             AxwDb              *db,
                             const char         *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_PRINTING (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  axw_manager_printing_reload (self);
}

gboolean
axw_manager_printing_is_printing (AxwManagerPrinting *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_PRINTING (self), FALSE);
  return self->runner != NULL && axw_print_runner_is_running (self->runner);
}

const char *
axw_manager_printing_get_message (AxwManagerPrinting *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_PRINTING (self), NULL);
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none): the jobs shown, as lines of words (GtkStringObject) */
GListModel *
axw_manager_printing_get_model (AxwManagerPrinting *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_PRINTING (self), NULL);
  return G_LIST_MODEL (self->rows);
}
