/* axw-list-label.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How a row's text that is too long for its width is shown. */
typedef enum {
  AXW_LIST_LABEL_PLAIN,
  AXW_LIST_LABEL_ELLIPSIZE,
  AXW_LIST_LABEL_WRAP,
} AxwListLabelFit;

void                axw_list_label_setup_cb       (GtkSignalListItemFactory *factory,
                                                   GtkListItem              *item,
                                                   gpointer                  fit);
void                axw_list_label_bind_string_cb (GtkSignalListItemFactory *factory,
                                                   GtkListItem              *item,
                                                   gpointer                  user_data);
GtkListItemFactory *axw_list_label_factory_new    (AxwListLabelFit           fit);
void                axw_list_label_show           (GtkListView              *list,
                                                   GtkStringList            *rows,
                                                   AxwListLabelFit           fit);

G_END_DECLS
