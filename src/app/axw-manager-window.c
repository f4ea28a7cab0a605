/* axw-manager-window.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-a11y.h"
#include "axw-manager-window.h"
#include "axw-help-window.h"

struct _AxwManagerWindow
{
  AdwWindow             parent_instance;

  GtkLabel             *title;
  GtkListBox           *page_list;
  AdwLeaflet           *leaflet;
  GtkStack             *stack;
  AxwManagerReports    *reports;
  AxwManagerShifts     *shifts;
  AxwManagerRefunds    *refunds;
  AxwManagerProducts   *products;
  AxwManagerStocktake  *stocktake;
  AxwManagerGoodsIn    *goods_in;
  AxwManagerFunds      *funds;
  AxwManagerPromotions *promotions;
  AxwManagerStaff      *staff;
  AxwManagerSync       *sync;
  AxwManagerDistrict   *district;
  AxwManagerBackups    *backups;
  AxwManagerExports    *exports;
  AxwManagerPrinting   *printing;
  AxwManagerSettings   *settings;
  AxwManagerAudit      *audit;
};

G_DEFINE_FINAL_TYPE (AxwManagerWindow, axw_manager_window, ADW_TYPE_WINDOW)

static void
axw_manager_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_WINDOW);
  G_OBJECT_CLASS (axw_manager_window_parent_class)->dispose (object);
}

/* The same AxwDb, reopened on the restored file: show what it holds now. */
static void
restored_cb (AxwManagerWindow *self)
{
  axw_manager_staff_reload (self->staff);
  axw_manager_funds_reload (self->funds);
  axw_manager_audit_reload (self->audit, NULL);
  axw_manager_shifts_reload (self->shifts);
  axw_manager_sync_reload (self->sync);
  axw_manager_district_reload (self->district);
}

static void
show_row_page (AxwManagerWindow *self,
               GtkListBoxRow    *row)
{
  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Side by side, moving along the list shows each page; folded, the list
 * stays until a row is activated (Enter, or a tap). */
static void
page_selected_cb (AxwManagerWindow *self,
                  GtkListBoxRow    *row)
{
  if (row != NULL && !adw_leaflet_get_folded (self->leaflet))
    show_row_page (self, row);
}

/* To the list of pages: folded, the list takes the place of the page. */
/* 帮助: the staff's guide over this window (F1 reaches it too, through
 * the application's help action, when this window has the focus). */
static void
help_cb (AxwManagerWindow *self)
{
  axw_help_window_show (GTK_WINDOW (self));
}

static void
back_cb (AxwManagerWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->page_list)));
}

/* One large row per page of the stack, named like the page for screen readers. */
static GtkWidget *
page_row_new (GtkStackPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box),
                  gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, gtk_stack_page_get_name (page));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_stack_page_get_title (page), -1);
  return row;
}

static void
visible_page_cb (AxwManagerWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->page_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->page_list, GTK_LIST_BOX_ROW (row));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->stack));
}

static void
axw_manager_window_class_init (AxwManagerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_window_dispose;
  g_type_ensure (AXW_TYPE_MANAGER_REPORTS);
  g_type_ensure (AXW_TYPE_MANAGER_SHIFTS);
  g_type_ensure (AXW_TYPE_MANAGER_REFUNDS);
  g_type_ensure (AXW_TYPE_MANAGER_PRODUCTS);
  g_type_ensure (AXW_TYPE_MANAGER_STOCKTAKE);
  g_type_ensure (AXW_TYPE_MANAGER_GOODS_IN);
  g_type_ensure (AXW_TYPE_MANAGER_FUNDS);
  g_type_ensure (AXW_TYPE_MANAGER_PROMOTIONS);
  g_type_ensure (AXW_TYPE_MANAGER_STAFF);
  g_type_ensure (AXW_TYPE_MANAGER_SYNC);
  g_type_ensure (AXW_TYPE_MANAGER_DISTRICT);
  g_type_ensure (AXW_TYPE_MANAGER_BACKUPS);
  g_type_ensure (AXW_TYPE_MANAGER_EXPORTS);
  g_type_ensure (AXW_TYPE_MANAGER_PRINTING);
  g_type_ensure (AXW_TYPE_MANAGER_SETTINGS);
  g_type_ensure (AXW_TYPE_MANAGER_AUDIT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, title);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, page_list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, leaflet);
  gtk_widget_class_bind_template_callback (widget_class, page_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_row_page);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, help_cb);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, reports);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, shifts);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, refunds);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, products);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, stocktake);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, goods_in);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, funds);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, promotions);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, staff);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, sync);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, district);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, backups);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, exports);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, printing);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, settings);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerWindow, audit);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
axw_manager_window_init (AxwManagerWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pages = gtk_stack_get_pages (self->stack);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      gtk_list_box_append (self->page_list, page_row_new (GTK_STACK_PAGE (page)));
    }
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self,
                           G_CONNECT_SWAPPED);
  visible_page_cb (self);
  g_signal_connect_swapped (self->backups, "restored", G_CALLBACK (restored_cb), self);
  /* the title bar's buttons exist once the window is shown */
  g_signal_connect (self, "map", G_CALLBACK (axw_a11y_name_controls), NULL);
  axw_a11y_name_controls (GTK_WIDGET (self));
}

/**
 * axw_manager_window_new:
 * @manager: the manager who entered the PIN; changes are audited in that name
 */
AxwManagerWindow *
axw_manager_window_new (GtkWindow  *parent,
                        AxwDb      *db,
                        const char *manager)
{
  AxwManagerWindow *self = g_object_new (AXW_TYPE_MANAGER_WINDOW, "transient-for", parent, NULL);
  g_autofree char *subtitle = NULL;

  axw_manager_reports_set_db (self->reports, db);
  axw_manager_shifts_set_db (self->shifts, db, manager);
  axw_manager_refunds_set_db (self->refunds, db, manager);
  axw_manager_products_set_db (self->products, db, manager);
  axw_manager_stocktake_set_db (self->stocktake, db, manager);
  axw_manager_goods_in_set_db (self->goods_in, db, manager);
  axw_manager_funds_set_db (self->funds, db, manager);
  axw_manager_promotions_set_db (self->promotions, db, manager);
  axw_manager_staff_set_db (self->staff, db, manager);
  axw_manager_sync_set_db (self->sync, db, manager);
  axw_manager_district_set_db (self->district, db);
  axw_manager_backups_set_db (self->backups, db, manager);
  axw_manager_exports_set_db (self->exports, db, manager);
  axw_manager_printing_set_db (self->printing, db, manager);
  axw_manager_settings_set_db (self->settings, db, manager);
  axw_manager_audit_set_db (self->audit, db);
  subtitle = g_strdup_printf (_("Manager: %s"), manager);
  gtk_label_set_label (self->title, subtitle);
  return self;
}

/* Returns: (transfer full): the manager window over the application's database */
GtkWindow *
axw_manager_window_open (AxwApplication *app,
                         const AxwStaff *manager)
{
  AxwManagerWindow *self = axw_manager_window_new (NULL, axw_application_get_db (app),
                                                   manager->name);

  gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (app));
  return GTK_WINDOW (self);
}

void
axw_manager_window_show_page (AxwManagerWindow *self,
                              const char       *name)
{
  g_return_if_fail (AXW_IS_MANAGER_WINDOW (self));
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* Returns: (transfer none): the pages, for walking all of them */
GtkStack *
axw_manager_window_get_stack (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->stack;
}

/* Returns: (transfer none) */
AxwManagerReports *
axw_manager_window_get_reports (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->reports;
}

/* Returns: (transfer none) */
AxwManagerShifts *
axw_manager_window_get_shifts (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->shifts;
}

/* Returns: (transfer none) */
AxwManagerRefunds *
axw_manager_window_get_refunds (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->refunds;
}

/* Returns: (transfer none) */
AxwManagerProducts *
axw_manager_window_get_products (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->products;
}

/* Returns: (transfer none) */
AxwManagerStocktake *
axw_manager_window_get_stocktake (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->stocktake;
}

/* Returns: (transfer none) */
AxwManagerGoodsIn *
axw_manager_window_get_goods_in (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->goods_in;
}

/* Returns: (transfer none) */
AxwManagerFunds *
axw_manager_window_get_funds (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->funds;
}

/* Returns: (transfer none) */
AxwManagerPromotions *
axw_manager_window_get_promotions (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->promotions;
}

/* Returns: (transfer none) */
AxwManagerStaff *
axw_manager_window_get_staff (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->staff;
}

/* Returns: (transfer none) */
AxwManagerDistrict *
axw_manager_window_get_district (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->district;
}

/* Returns: (transfer none) */
AxwManagerSync *
axw_manager_window_get_sync (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->sync;
}

/* Returns: (transfer none) */
AxwManagerBackups *
axw_manager_window_get_backups (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->backups;
}

/* Returns: (transfer none) */
AxwManagerSettings *
axw_manager_window_get_settings (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->settings;
}

/* Returns: (transfer none) */
AxwManagerAudit *
axw_manager_window_get_audit (AxwManagerWindow *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_WINDOW (self), NULL);
  return self->audit;
}
