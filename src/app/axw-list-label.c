/* axw-list-label.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one-label rows of the manager pages' lists.
 */
#include "axw-list-label.h"

/**
 * axw_list_label_setup_cb:
 * @fit: (type AxwListLabelFit): GINT_TO_POINTER() of how long text is shown
 *
 * A "setup" handler: the row is a start-aligned label at least 48 px
 * high, so every row is a touch target.
 */
/* GTK 4.8 reads a list's row out by its own name only: the row is named
 * with the text it shows. */
static void
name_row_cb (GtkLabel *label)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (label));

  if (row)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (label), -1);
}

void
axw_list_label_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  fit)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (fit) == AXW_LIST_LABEL_ELLIPSIZE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else if (GPOINTER_TO_INT (fit) == AXW_LIST_LABEL_WRAP)
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_size_request (label, -1, 48);
  g_signal_connect (label, "notify::label", G_CALLBACK (name_row_cb), NULL);
  gtk_list_item_set_child (item, label);
}

/* A "bind" handler: the label shows the row's GtkStringObject. */
void
axw_list_label_bind_string_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data)
{
  GtkStringObject *s = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (s));
}

/**
 * axw_list_label_factory_new:
 *
 * Returns: (transfer full): a factory of label rows for a list of strings
 */
GtkListItemFactory *
axw_list_label_factory_new (AxwListLabelFit fit)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb), GINT_TO_POINTER (fit));
  g_signal_connect (factory, "bind", G_CALLBACK (axw_list_label_bind_string_cb), NULL);
  return factory;
}

/* Shows @rows in @list, a label each, nothing to select. */
void
axw_list_label_show (GtkListView     *list,
                     GtkStringList   *rows,
                     AxwListLabelFit  fit)
{
  g_autoptr(GtkListItemFactory) factory = axw_list_label_factory_new (fit);

  gtk_list_view_set_factory (list, factory);
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                   g_object_ref (G_LIST_MODEL (rows)))));
}
