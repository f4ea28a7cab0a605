/* axw-manager-reports.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's report screen: a period (or the open shift), the report
 * as text and the hourly chart. Read-only: it shows, it never changes.
 */
#include <glib/gi18n.h>

#include "axw-bizdate.h"
#include "axw-manager-reports.h"
#include "axw-report-print.h"
#include "axw-report-render.h"
#include "axw-reports.h"
#include "axw-settings.h"

struct _AxwManagerReports
{
  GtkBox           parent_instance;

  AxwDb           *db;
  AxwReport       *report;
  GCancellable    *cancellable;
  gboolean         printing;

  GtkEntry        *from;
  GtkEntry        *to;
  GtkLabel        *message;
  GtkLabel        *text;
  GtkDrawingArea  *chart;
};

G_DEFINE_FINAL_TYPE (AxwManagerReports, axw_manager_reports, GTK_TYPE_BOX)

static void
show_report (AxwManagerReports *self,
             AxwReport         *report,
             GError            *error)
{
  g_autofree char *text = NULL;

  gtk_label_set_text (self->message, error ? error->message : "");
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), error != NULL);
  if (report == NULL)
    return;
  g_clear_pointer (&self->report, axw_report_free);
  self->report = report;
  text = axw_report_to_text (report, 48);
  gtk_label_set_text (self->text, text);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

gboolean
axw_manager_reports_show_range (AxwManagerReports *self,
                                const char        *from,
                                const char        *to)
{
  g_autoptr(GError) error = NULL;
  AxwReport *r;

  g_return_val_if_fail (AXW_IS_MANAGER_REPORTS (self), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->from), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to), to);
  r = axw_reports_range (self->db, from, to, &error);
  show_report (self, r, error);
  return r != NULL;
}

static void
show_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerReports *self = AXW_MANAGER_REPORTS (widget);
  g_autofree char *from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from)));
  g_autofree char *to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to)));

  axw_manager_reports_show_range (self, from, *to ? to : from);
}

static void
today_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerReports *self = AXW_MANAGER_REPORTS (widget);
  g_autofree char *tz = axw_settings_get (self->db, "timezone");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = axw_business_date (now, tz);

  axw_manager_reports_show_range (self, today, today);
}

static void
shift_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerReports *self = AXW_MANAGER_REPORTS (widget);
  g_autoptr(GError) error = NULL;
  AxwReport *r = axw_reports_x (self->db, &error);

  show_report (self, r, error);
}

static void
show_print_result (AxwManagerReports *self,
                   const char        *text,
                   gboolean           failed)
{
  g_autofree char *marked = g_strdup_printf ("%s %s", failed ? "⚠" : "✔", text);

  gtk_label_set_text (self->message, marked);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AxwManagerReports) self = user_data;
  g_autoptr(GError) error = NULL;

  self->printing = FALSE;
  if (!axw_report_print_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the screen is gone */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", TRUE);
  show_print_result (self, error ? error->message : _("The report went to the receipt printer."),
                     error != NULL);
}

/* The report on screen, on the receipt printer; the printer is waited for
 * in a worker thread. */
static void
print_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerReports *self = AXW_MANAGER_REPORTS (widget);

  if (self->printing)
    return;
  if (self->report == NULL)
    {
      show_print_result (self, _("Show a report first, then print it."), TRUE);
      return;
    }
  self->printing = TRUE;
  gtk_widget_action_set_enabled (widget, "reports.print", FALSE);
  gtk_label_set_text (self->message, _("Printing the report…"));
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
  axw_report_print_async (self->db, self->report, NULL, 0, self->cancellable, printed_cb,
                          g_object_ref (self));
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  AxwManagerReports *self = user_data;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->report != NULL)
    axw_report_draw_hours (cr, self->report, 12, 12, width - 24, height - 24);
}

static void
axw_manager_reports_finalize (GObject *object)
{
  AxwManagerReports *self = AXW_MANAGER_REPORTS (object);

  g_clear_pointer (&self->report, axw_report_free);
  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (axw_manager_reports_parent_class)->finalize (object);
}

static void
axw_manager_reports_dispose (GObject *object)
{
  g_cancellable_cancel (AXW_MANAGER_REPORTS (object)->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_REPORTS);
  G_OBJECT_CLASS (axw_manager_reports_parent_class)->dispose (object);
}

static void
axw_manager_reports_class_init (AxwManagerReportsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_reports_dispose;
  object_class->finalize = axw_manager_reports_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-reports.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerReports, from);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerReports, to);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerReports, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerReports, text);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerReports, chart);

  gtk_widget_class_install_action (widget_class, "reports.show", NULL, show_cb);
  gtk_widget_class_install_action (widget_class, "reports.today", NULL, today_cb);
  gtk_widget_class_install_action (widget_class, "reports.shift", NULL, shift_cb);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_cb);
}

static void
axw_manager_reports_init (AxwManagerReports *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* a monospaced face with CJK glyphs exactly two columns wide keeps the
   * amounts aligned under Chinese names */
  pango_attr_list_insert (attrs, pango_attr_family_new ("Noto Sans Mono CJK SC"));
  gtk_label_set_attributes (self->text, attrs);
  pango_attr_list_unref (attrs);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
}

AxwManagerReports *
axw_manager_reports_new (AxwDb *db)
{
  AxwManagerReports *self = g_object_new (AXW_TYPE_MANAGER_REPORTS, NULL);

  axw_manager_reports_set_db (self, db);
  return self;
}

void
axw_manager_reports_set_db (AxwManagerReports *self,
                            AxwDb             *db)
{
  g_return_if_fail (AXW_IS_MANAGER_REPORTS (self));
  g_set_object (&self->db, db);
}

/* Returns: (transfer none) (nullable): the report on screen */
const AxwReport *
axw_manager_reports_get_report (AxwManagerReports *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_REPORTS (self), NULL);
  return self->report;
}

/* TRUE while the report is on its way to the printer */
gboolean
axw_manager_reports_is_printing (AxwManagerReports *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_REPORTS (self), FALSE);
  return self->printing;
}

const char *
axw_manager_reports_get_message (AxwManagerReports *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_REPORTS (self), NULL);
  return gtk_label_get_text (self->message);
}
