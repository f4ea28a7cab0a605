/* test-manager-goods.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's Goods in page under Xvfb on the demo database, by the
 * keyboard alone (keys typed through the X server): a new supplier, a
 * delivery of pieces and of goods by the kg, received and returned;
 * checked in the database and the audit log. Saves PNGs at 100, 150 and
 * 200 % text and in high contrast.
 */
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-manager-window.h"
#include "axw-product-item.h"
#include "axw-suppliers.h"

typedef struct {
  UiFixture          ui;        /* with_app: the counter's application, for its themes */
  char              *dir;
  AxwDb             *db;
  AxwManagerWindow  *window;
  AxwManagerGoodsIn *goods;
} Fixture;

static void
open_window (Fixture *f)
{
  f->window = g_object_ref (axw_manager_window_new (NULL, f->db, "王店长"));
  f->goods = axw_manager_window_get_goods_in (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  axw_manager_window_show_page (f->window, "goods-in");
  ui_pump (300);
}

static void
setup (Fixture       *f,
       gconstpointer  with_app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (with_app)
    {
      ui_setup (&f->ui, NULL);
      gtk_widget_set_visible (GTK_WIDGET (f->ui.window), FALSE);
      f->db = g_object_ref (axw_application_get_db (f->ui.app));
    }
  else
    {
      f->dir = g_dir_make_tmp ("axw-ui-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (f->dir, "shop.db", NULL);
      f->db = axw_db_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (axw_cli_init_demo (f->db, &error));
    }
  open_window (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  with_app)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_pump (50);
  g_clear_object (&f->window);
  g_clear_object (&f->db);
  if (with_app)
    ui_teardown (&f->ui, NULL);
  else
    axw_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
query (Fixture    *f,
       const char *sql)
{
  return axw_db_query_int (f->db, sql, -1);
}

/* The X input focus on the manager window, then the keyboard focus on @widget. */
static void
focus (Fixture   *f,
       GtkWidget *widget)
{
  Display *dpy = ui_xdisplay ();
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->window)));

  Window has = 0;
  int revert;

  /* until the server says so: a window not mapped yet refuses the focus */
  for (int i = 0; i < 40 && has != xid; i++)
    {
      XSetInputFocus (dpy, xid, RevertToParent, CurrentTime);
      XFlush (dpy);
      ui_pump (50);
      XGetInputFocus (dpy, &has, &revert);
    }
  g_assert_true (has == xid);
  /* a first key the window may take for its own focus change: Shift alone */
  ui_key (XK_Shift_L, 20);
  ui_pump (300);
  if (widget)
    gtk_widget_grab_focus (widget);
  ui_pump (50);
}

static gboolean
is_search_entry (GtkWidget     *w,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (w);
}

static void
theme (Fixture    *f,
       int         scale,
       gboolean    contrast,
       const char *png)
{
  AxwStaff prefs = { .font_scale_pct = scale, .high_contrast = contrast };

  axw_application_apply_prefs (f->ui.app, &prefs);
  ui_pump (300);
  if (png)
    ui_save_png (GTK_WIDGET (f->window), png);
}

/* A delivery being typed, at 100, 150 and 200 % text and in high contrast,
 * for people to look at (test-a11y checks names, sizes and contrast). */
static void
test_themes (Fixture       *f,
             gconstpointer  data)
{
  g_assert_true (axw_manager_goods_in_scan (f->goods, "6971234560018"));
  g_assert_true (axw_manager_goods_in_add_line (f->goods, "12", "18.5"));
  g_assert_true (axw_manager_goods_in_scan (f->goods, "1001"));
  g_assert_true (axw_manager_goods_in_add_line (f->goods, "2.345", "16.3"));
  g_assert_true (axw_manager_goods_in_scan (f->goods, "6971234560025"));
  theme (f, 100, FALSE, "manager-goods-in-lines-100.png");
  theme (f, 150, FALSE, "manager-goods-in-lines-150.png");
  theme (f, 200, FALSE, "manager-goods-in-lines-200.png");
  theme (f, 100, TRUE, "manager-goods-in-lines-hc.png");
  theme (f, 100, FALSE, NULL);
}

static void
test_keyboard_receiving (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *lines = axw_manager_goods_in_get_model (f->goods);
  GtkWidget *scan = ui_find (GTK_WIDGET (f->goods), is_search_entry, NULL);
  gint64 kg_before = query (f, "SELECT stock_milli FROM products WHERE plu = '1001'");
  AdwMessageDialog *dialog;

  /* a new supplier: Ctrl+N, the form, Enter */
  focus (f, scan);
  ui_press_ctrl (XK_n);
  dialog = axw_manager_goods_in_get_dialog (f->goods);
  g_assert_nonnull (dialog);
  ui_type ("Hezheng Coop", 20, FALSE);
  ui_press (XK_Tab);
  ui_type ("Hezheng", 20, FALSE);
  ui_type ("", 20, TRUE);
  g_assert_null (axw_manager_goods_in_get_dialog (f->goods));
  g_assert_cmpstr (axw_manager_goods_in_get_supplier (f->goods), ==, "Hezheng Coop");
  g_assert_cmpint (query (f, "SELECT count(*) FROM suppliers WHERE name = 'Hezheng Coop' "
                             "AND origin = 'Hezheng' AND NOT consignment"), ==, 1);

  /* 12 赤松茸 at ¥18.50 (typed over the cost), 2.345 kg of 散装红枣 at its cost */
  focus (f, scan);
  ui_type ("6971234560018", 20, TRUE);
  ui_type ("12", 20, FALSE);
  ui_press (XK_Tab);
  ui_type ("18.5", 20, TRUE);
  ui_type ("1001", 20, TRUE);
  ui_type ("2.345", 20, FALSE);
  ui_press (XK_Tab);
  ui_type ("16.3", 20, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  ui_type ("6971234560025", 20, TRUE);
  ui_type ("1.5", 20, TRUE);     /* pieces are whole */
  g_assert_nonnull (strstr (axw_manager_goods_in_get_message (f->goods), "whole pieces"));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  ui_press (XK_Escape);          /* discards the lines… */
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);
  ui_type ("6971234560018", 20, TRUE);
  ui_type ("12", 20, FALSE);
  ui_press (XK_Tab);
  ui_type ("18.5", 20, TRUE);
  ui_type ("1001", 20, TRUE);
  ui_type ("2.345", 20, FALSE);
  ui_press (XK_Tab);
  ui_type ("16.3", 20, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  ui_save_png (GTK_WIDGET (f->window), "manager-goods-in-lines.png");
  g_assert_cmpint (query (f, "SELECT count(*) FROM deliveries"), ==, 0);   /* nothing yet */

  /* Ctrl+Enter asks, Enter receives */
  focus (f, NULL);
  ui_press_ctrl (XK_Return);
  dialog = axw_manager_goods_in_get_dialog (f->goods);
  g_assert_nonnull (dialog);
  ui_save_png (GTK_WIDGET (dialog), "manager-goods-in-confirm.png");
  ui_press (XK_Return);
  g_assert_null (axw_manager_goods_in_get_dialog (f->goods));
  g_assert_nonnull (strstr (axw_manager_goods_in_get_message (f->goods),
                            "Delivery 1 received: 2 lines"));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 62000);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE plu = '1001'"), ==,
                   kg_before + 2345);
  g_assert_cmpint (query (f, "SELECT sum (amount_fen) FROM delivery_lines"), ==, 22200 + 3822);
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND "
                             "action IN ('supplier.add', 'delivery.receive')"), ==, 2);
  /* the rows `aixinwu receive` writes (test-goods-cli): the same function */
  g_assert_cmpint (query (f,
                          "SELECT count(*) FROM audit_log WHERE action = 'delivery.receive' AND "
                          "detail LIKE "
                             "'delivery 1 from Hezheng Coop on %: 2 lines, cost 260.22'"), ==, 1);
  g_assert_cmpint (query (f,
                          "SELECT count(*) FROM audit_log WHERE action = 'stock.adjust' AND staff "
                          "= '王店长' "
                             "AND detail LIKE '%: delivery 1 from Hezheng Coop'"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_goods_in_get_deliveries (f->goods)), ==,
                    1);
  ui_save_png (GTK_WIDGET (f->window), "manager-goods-in-received.png");
}

/* The list view showing @data (a model). */
static gboolean
is_list_of (GtkWidget     *w,
            gconstpointer  data)
{
  GtkSelectionModel *model = GTK_IS_LIST_VIEW (w)
    ? gtk_list_view_get_model (GTK_LIST_VIEW (w)) : NULL;

  return GTK_IS_NO_SELECTION (model) &&
         gtk_no_selection_get_model (GTK_NO_SELECTION (model)) == data;
}

static gboolean
is_delivery_list (GtkWidget     *w,
                  gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (w) &&
         GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (w)));
}

/* The same page by its actions: a return of the whole delivery puts the
 * stock back exactly; a second one is refused. */
static void
test_return (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AxwSupplier) s = axw_supplier_new ();
  GtkWidget *page = GTK_WIDGET (f->goods);
  gint64 kg_before = query (f, "SELECT stock_milli FROM products WHERE plu = '1001'");
  GtkWidget *list;

  g_free (s->name);
  s->name = g_strdup ("和政县合作社");
  s->consignment = TRUE;
  g_assert_true (axw_suppliers_add (f->db, s, "王店长", NULL));
  axw_manager_window_show_page (f->window, "goods-in");
  gtk_widget_activate_action (page, "goods.receive", NULL);
  g_assert_nonnull (strstr (axw_manager_goods_in_get_message (f->goods), "Add the supplier first"));
  /* the alert level as a manager sets it on the Products page */
  {
    AxwManagerProducts *products = axw_manager_window_get_products (f->window);
    GtkWidget *w = GTK_WIDGET (products);

    axw_manager_window_show_page (f->window, "products");
    axw_manager_products_search (products, "6971234560025");
    axw_manager_products_select (products, 0);
    gtk_editable_set_text (axw_manager_products_get_field (products, "low_stock"), "many");
    gtk_widget_activate_action (w, "products.save", NULL);
    g_assert_cmpint (query (f,
                            "SELECT low_stock_milli FROM products WHERE barcode = '6971234560025'"),
                            ==, 0);
    gtk_editable_set_text (axw_manager_products_get_field (products, "low_stock"), "100");
    gtk_editable_set_text (axw_manager_products_get_field (products, "cost"), "5.5");
    gtk_widget_activate_action (w, "products.save", NULL);
    g_assert_cmpint (query (f,
                            "SELECT low_stock_milli FROM products WHERE barcode = '6971234560025'"),
                            ==, 100000);
    g_assert_cmpint (query (f, "SELECT cost_fen FROM products WHERE barcode = '6971234560025'"), ==,
                     550);
  }
  /* a fresh window lists the supplier and what is low */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  open_window (f);
  page = GTK_WIDGET (f->goods);
  g_assert_cmpstr (axw_manager_goods_in_get_supplier (f->goods), ==, "和政县合作社");
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_goods_in_get_low_stock (f->goods)), ==,
                    1);
  g_signal_emit_by_name (ui_find (page, is_list_of, axw_manager_goods_in_get_low_stock (f->goods)),
                         "activate", 0);
  g_assert_true (axw_manager_goods_in_add_line (f->goods, "30", "6"));
  gtk_widget_activate_action (page, "goods.receive", NULL);
  ui_click (GTK_WIDGET (axw_manager_goods_in_get_dialog (f->goods)), "_Receive");
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560025'"),
                   ==, 110000);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_goods_in_get_low_stock (f->goods)), ==,
                    0);

  g_assert_false (axw_manager_goods_in_scan (f->goods, "6971234560019"));
  g_assert_nonnull (strstr (axw_manager_goods_in_get_message (f->goods), "check digit"));
  g_assert_true (axw_manager_goods_in_scan (f->goods, "1001"));
  g_assert_false (axw_manager_goods_in_add_line (f->goods, "0.5", "abc"));
  g_assert_true (axw_manager_goods_in_add_line (f->goods, "0.5", "16"));
  gtk_widget_activate_action (page, "goods.receive", NULL);
  ui_click (GTK_WIDGET (axw_manager_goods_in_get_dialog (f->goods)), "_Receive");
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE plu = '1001'"), ==,
                   kg_before + 500);

  gtk_widget_activate_action (page, "goods.return", NULL);
  g_assert_nonnull (strstr (axw_manager_goods_in_get_message (f->goods), "Pick a delivery"));
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_goods_in_get_deliveries (f->goods)), ==,
                    2);
  list = ui_find (page, is_delivery_list, NULL);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))), 0);   /* the newest: 散装红枣 */
  gtk_widget_activate_action (page, "goods.return", NULL);
  ui_click (GTK_WIDGET (axw_manager_goods_in_get_dialog (f->goods)), "_Return");
  g_assert_null (axw_manager_goods_in_get_dialog (f->goods));
  g_assert_nonnull (strstr (axw_manager_goods_in_get_message (f->goods),
                            "went back to the supplier"));
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE plu = '1001'"), ==, kg_before);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_goods_in_get_deliveries (f->goods)), ==,
                    3);

  /* the consignment settlement of the 藜麦粥 sold, by the page's actions */
  axw_sale_free (axw_test_sell (f->db, "2026-12-03T10:00:00+08:00", "6971234560025", 2000, 10000));
  axw_manager_goods_in_set_period (f->goods, "2026-12-01", "2026-12-05");
  gtk_widget_activate_action (page, "goods.settle-preview", NULL);
  g_assert_nonnull (strstr (axw_manager_goods_in_get_period_text (f->goods),
                            "Owed to 和政县合作社: ¥12.00 (1 lines)"));
  g_assert_cmpint (query (f, "SELECT count(*) FROM settled_lines"), ==, 0);
  gtk_widget_activate_action (page, "goods.settle", NULL);
  ui_click (GTK_WIDGET (axw_manager_goods_in_get_dialog (f->goods)), "_Settle");
  g_assert_true (g_str_has_prefix (axw_manager_goods_in_get_period_text (f->goods),
                                   "Consignment settlement 1:"));
  g_assert_cmpint (query (f, "SELECT count(*) FROM settled_lines"), ==, 1);
  gtk_widget_activate_action (page, "goods.settle", NULL);
  g_assert_nonnull (strstr (axw_manager_goods_in_get_message (f->goods), "left to settle"));
  g_assert_null (axw_manager_goods_in_get_dialog (f->goods));
  gtk_widget_activate_action (page, "goods.partner-report", NULL);
  g_assert_true (g_str_has_prefix (axw_manager_goods_in_get_period_text (f->goods),
                                   "Sales of partner counties"));
  ui_save_png (GTK_WIDGET (f->window), "manager-goods-in-settled.png");
}

#define RETURN_ENTRY(n) axw_manager_goods_in_get_return_entry (f->goods, (n))
#define MESSAGE axw_manager_goods_in_get_message (f->goods)
#define DIALOG axw_manager_goods_in_get_dialog (f->goods)

/* Saves the settlement shown as @format to @name in the fixture's folder,
 * through the page's chooser and worker. Returns: (transfer full): the
 * file's contents */
static GBytes *
save_settlement (Fixture    *f,
                 const char *format,
                 const char *name)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;
  GBytes *bytes;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->goods), "goods.settle-save", "s",
                                             format));
  chooser = axw_manager_goods_in_get_chooser (f->goods);
  g_assert_nonnull (chooser);
  ui_pump (200);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (chooser), format));
  gtk_file_chooser_set_current_folder (chooser, folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, name);
  ui_wait_chosen (chooser, path);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_null (axw_manager_goods_in_get_chooser (f->goods));
  for (int i = 0; i < 400 && axw_manager_goods_in_is_saving (f->goods); i++)
    ui_pump (25);
  g_assert_false (axw_manager_goods_in_is_saving (f->goods));
  g_assert_true (g_str_has_prefix (MESSAGE, "✓ Saved "));
  g_assert_nonnull (strstr (MESSAGE, path));
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return bytes;
}

/* A return of part of a delivery, line by line in the return dialog: the
 * stock and the cost go down exactly by what is typed, too much is
 * refused whole, and the parts add up to the delivery to the fen. Then
 * the consignment settlement, shown and settled, saved as CSV and PDF. */
static void
test_partial_return_and_files (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AxwSupplier) s = axw_supplier_new ();
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 pieces = query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560025'");
  gint64 kg = query (f, "SELECT stock_milli FROM products WHERE plu = '1001'");
  GtkWidget *page;
  GtkSingleSelection *deliveries;

  g_free (s->name);
  s->name = g_strdup ("和政县合作社");
  s->consignment = TRUE;
  g_assert_true (axw_suppliers_add (f->db, s, "王店长", NULL));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  open_window (f);
  page = GTK_WIDGET (f->goods);
  g_assert_true (axw_manager_goods_in_scan (f->goods, "6971234560025"));
  g_assert_true (axw_manager_goods_in_add_line (f->goods, "10", "5.5"));
  g_assert_true (axw_manager_goods_in_scan (f->goods, "1001"));
  g_assert_true (axw_manager_goods_in_add_line (f->goods, "0.5", "16"));
  gtk_widget_activate_action (page, "goods.receive", NULL);
  ui_click (GTK_WIDGET (DIALOG), "_Receive");
  g_assert_cmpint (query (f, "SELECT sum(amount_fen) FROM delivery_lines"), ==, 5500 + 800);
  deliveries = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
                 GTK_LIST_VIEW (ui_find (page, is_delivery_list, NULL))));

  /* 3 of the 10 pieces and 0.2 of the 0.5 kg go back */
  gtk_single_selection_set_selected (deliveries, 0);
  gtk_widget_activate_action (page, "goods.return", NULL);
  g_assert_cmpstr (gtk_editable_get_text (RETURN_ENTRY (1)), ==, "10");
  g_assert_cmpstr (gtk_editable_get_text (RETURN_ENTRY (2)), ==, "0.5");
  gtk_editable_set_text (RETURN_ENTRY (1), "3");
  gtk_editable_set_text (RETURN_ENTRY (2), "0.2");
  ui_pump (300);
  ui_save_png (GTK_WIDGET (DIALOG), "manager-goods-in-partial-return.png");
  ui_click (GTK_WIDGET (DIALOG), "_Return");
  g_assert_nonnull (strstr (MESSAGE, "went back to the supplier"));
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products "
                             "WHERE barcode = '6971234560025'"), ==,
                   pieces + 7000);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE plu = '1001'"), ==, kg + 300);
  g_assert_cmpint (query (f, "SELECT sum(l.amount_fen) FROM delivery_lines l JOIN deliveries d "
                             "ON d.id = l.delivery_id WHERE d.kind = 'return'"), ==, 1650 + 320);

  /* more than is left: refused whole, nothing changes */
  gtk_single_selection_set_selected (deliveries, 1);   /* the delivery, below its return */
  gtk_widget_activate_action (page, "goods.return", NULL);
  g_assert_cmpstr (gtk_editable_get_text (RETURN_ENTRY (1)), ==, "7");
  gtk_editable_set_text (RETURN_ENTRY (1), "8");
  ui_click (GTK_WIDGET (DIALOG), "_Return");
  g_assert_nonnull (strstr (MESSAGE, "at most 7"));
  g_assert_cmpint (query (f, "SELECT count(*) FROM deliveries WHERE kind = 'return'"), ==, 1);
  /* nothing typed: nothing returned */
  gtk_widget_activate_action (page, "goods.return", NULL);
  gtk_editable_set_text (RETURN_ENTRY (1), "0");
  gtk_editable_set_text (RETURN_ENTRY (2), "");
  ui_click (GTK_WIDGET (DIALOG), "_Return");
  g_assert_nonnull (strstr (MESSAGE, "nothing was returned"));
  g_assert_cmpint (query (f, "SELECT count(*) FROM deliveries WHERE kind = 'return'"), ==, 1);
  /* the rest: the parts add up to the delivery, to the fen */
  gtk_widget_activate_action (page, "goods.return", NULL);
  ui_click (GTK_WIDGET (DIALOG), "_Return");
  g_assert_cmpint (query (f, "SELECT sum(l.amount_fen) FROM delivery_lines l JOIN deliveries d "
                             "ON d.id = l.delivery_id WHERE d.kind = 'return'"), ==, 5500 + 800);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products "
                             "WHERE barcode = '6971234560025'"), ==,
                   pieces);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE plu = '1001'"), ==, kg);
  gtk_single_selection_set_selected (deliveries, 2);
  gtk_widget_activate_action (page, "goods.return", NULL);
  g_assert_null (DIALOG);
  g_assert_nonnull (strstr (MESSAGE, "has gone back already"));

  /* the settlement files: nothing shown, nothing to save */
  gtk_widget_activate_action (page, "goods.settle-save", "s", "csv");
  g_assert_null (axw_manager_goods_in_get_chooser (f->goods));
  g_assert_nonnull (strstr (MESSAGE, "Preview or settle"));
  axw_sale_free (axw_test_sell (f->db, "2026-12-03T10:00:00+08:00", "6971234560025", 2000, 10000));
  axw_manager_goods_in_set_period (f->goods, "2026-12-01", "2026-12-05");
  gtk_widget_activate_action (page, "goods.settle-preview", NULL);
  csv = save_settlement (f, "csv", "preview.csv");
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "0,和政县合作社,"));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), ",藜麦粥,2,5.50,11.00"));
  g_assert_nonnull (strstr (MESSAGE, "not settled: ¥11.00 owed"));
  gtk_widget_activate_action (page, "goods.settle", NULL);
  ui_click (GTK_WIDGET (DIALOG), "_Settle");
  g_clear_pointer (&csv, g_bytes_unref);
  csv = save_settlement (f, "csv", "settled.csv");
  g_assert_true (g_str_has_prefix (strstr (g_bytes_get_data (csv, NULL), "\n") + 1,
                                   "1,和政县合作社,"));
  pdf = save_settlement (f, "pdf", "settled.pdf");
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  g_assert_nonnull (strstr (MESSAGE, "settlement 1 with 和政县合作社"));
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit_log WHERE action = 'export.settlement' "
                             "AND staff = '王店长'"), ==, 3);
  ui_save_png (GTK_WIDGET (f->window), "manager-goods-in-settlement-saved.png");
}

static const char *
row_text (GListModel *model,
          guint       i)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (model), i);
}

/* The Funds page: the demo's fund listed; a new one added by the
 * keyboard (Enter in the form) and audited; a name taken once; the one
 * picked ended after a confirmation, and offered no more on the Products
 * page. */
static void
test_funds (Fixture       *f,
            gconstpointer  data)
{
  AxwManagerFunds *funds = axw_manager_window_get_funds (f->window);
  GListModel *model = axw_manager_funds_get_model (funds);
  GtkWidget *page = GTK_WIDGET (funds);
  AxwManagerProducts *products = axw_manager_window_get_products (f->window);

  axw_manager_window_show_page (f->window, "funds");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* (the page's words are English or Chinese: the themes test before this one sets the language) */
  g_assert_true (g_str_has_prefix (row_text (model, 0), "集美区助残爱心基金 — "));
  g_assert_true (axw_test_contains (row_text (model, 0), "集美区残疾人家庭的康复辅具与助学"));
  gtk_widget_activate_action (page, "funds.add", NULL);
  g_assert_cmpstr (axw_manager_funds_get_message (funds), !=, "");
  g_assert_cmpint (query (f, "SELECT count(*) FROM funds"), ==, 1);

  gtk_editable_set_text (axw_manager_funds_get_field (funds, "name"), "思明区助学基金");
  gtk_editable_set_text (axw_manager_funds_get_field (funds, "beneficiary"),
                         "思明区残疾人家庭的孩子");
  focus (f, GTK_WIDGET (axw_manager_funds_get_field (funds, "beneficiary")));
  ui_press (XK_Return);
  g_assert_cmpint (query (f, "SELECT count(*) FROM funds WHERE name = '思明区助学基金' AND active "
                             "AND beneficiary = '思明区残疾人家庭的孩子'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit_log WHERE action = 'fund.add' "
                             "AND staff = '王店长' "
                             "AND detail = '思明区助学基金: 思明区残疾人家庭的孩子'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (axw_manager_funds_get_field (funds, "name")), ==, "");
  gtk_editable_set_text (axw_manager_funds_get_field (funds, "name"), "集美区助残爱心基金");
  gtk_widget_activate_action (page, "funds.add", NULL);
  g_assert_true (axw_test_contains (axw_manager_funds_get_message (funds), "集美区助残爱心基金"));
  g_assert_cmpint (query (f, "SELECT count(*) FROM funds"), ==, 2);

  /* ending: nothing picked, then cancelled, then confirmed */
  gtk_widget_activate_action (page, "funds.end", NULL);
  g_assert_cmpstr (axw_manager_funds_get_message (funds), !=, "");
  g_assert_null (axw_manager_funds_get_dialog (funds));
  axw_manager_funds_select (funds, 1);
  gtk_widget_activate_action (page, "funds.end", NULL);
  g_assert_nonnull (axw_manager_funds_get_dialog (funds));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (axw_manager_funds_get_dialog (funds)), "cancel");
  ui_pump (100);
  g_assert_cmpint (query (f, "SELECT active FROM funds WHERE name = '思明区助学基金'"), ==, 1);
  axw_manager_funds_select (funds, 1);
  gtk_widget_activate_action (page, "funds.end", NULL);
  ui_pump (200);
  ui_save_png (GTK_WIDGET (axw_manager_funds_get_dialog (funds)), "manager-funds-end.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (axw_manager_funds_get_dialog (funds)), "end");
  ui_pump (100);
  g_assert_cmpint (query (f,
                          "SELECT count(*) FROM funds WHERE name = '思明区助学基金' AND NOT active "
                             "AND ended_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit_log WHERE action = 'fund.end' "
                             "AND staff = '王店长' "
                             "AND detail = '思明区助学基金'"), ==, 1);
  g_assert_cmpstr (row_text (model, 1), !=, row_text (model, 0));
  g_assert_true (axw_test_contains (axw_manager_funds_get_message (funds), "思明区助学基金"));
  ui_save_png (GTK_WIDGET (f->window), "manager-funds.png");

  /* the Products page offers the active fund only */
  axw_manager_window_show_page (f->window, "products");
  axw_manager_products_search (products, "赤松茸");
  axw_manager_products_select (products, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (
                      axw_manager_products_get_choice (products, "fund"))), ==, 2);   /* None, 集美 */
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* as the application sets it at startup, before any scrolled window is
   * made: GTK 4.8 leaves a freed window's handler of it behind */
  g_object_set (gtk_settings_get_default (), "gtk-overlay-scrolling", FALSE, NULL);
  g_test_add ("/manager/goods-in/keyboard", Fixture, NULL, setup, test_keyboard_receiving,
              teardown);
  g_test_add ("/manager/goods-in/return", Fixture, NULL, setup, test_return, teardown);
  g_test_add ("/manager/funds/add-end", Fixture, NULL, setup, test_funds, teardown);
  g_test_add ("/manager/goods-in/partial-return-and-files", Fixture, NULL, setup,
              test_partial_return_and_files, teardown);
  g_test_add ("/manager/goods-in/themes", Fixture, GINT_TO_POINTER (TRUE), setup, test_themes,
              teardown);
  return g_test_run ();
}
