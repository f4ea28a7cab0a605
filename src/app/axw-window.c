/* axw-window.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-products.h"
#include "axw-settings.h"
#include "axw-window.h"

struct _AxwWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *title;
  AdwStatusPage        *status;
};

G_DEFINE_FINAL_TYPE (AxwWindow, axw_window, ADW_TYPE_APPLICATION_WINDOW)

static void
axw_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_WINDOW);

  G_OBJECT_CLASS (axw_window_parent_class)->dispose (object);
}

static void
axw_window_class_init (AxwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/aixinwu/Pos/ui/axw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwWindow, title);
  gtk_widget_class_bind_template_child (widget_class, AxwWindow, status);
}

static void
axw_window_init (AxwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AxwWindow *
axw_window_new (AxwApplication *application)
{
  AxwWindow *self = g_object_new (AXW_TYPE_WINDOW, "application", application, NULL);
  AxwDb *db = axw_application_get_db (application);
  g_autofree char *shop = axw_settings_get (db, "shop.name");
  g_autofree char *count = g_strdup_printf (_("%" G_GINT64_FORMAT " products in the catalog"),
                                            axw_products_count (db));

  adw_window_title_set_title (self->title, shop);
  adw_status_page_set_description (self->status, count);
  return self;
}
