/* test-manager-products.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's products and stocktake pages under Xvfb on a real demo
 * database: search, edit a price (by the actions and by the keyboard), add
 * a product, import a real CSV file with its preview, a stocktake; every
 * change is checked in the database and the audit log. Saves PNGs.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-ui-test-lib.h"

#include "axw-db-sql.h"
#include "axw-checkout.h"
#include "axw-manager-window.h"
#include "axw-product-item.h"
#include "axw-suppliers.h"

typedef struct {
  char             *dir;
  char             *path;
  AxwDb            *db;
  AxwManagerWindow *window;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("axw-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shop.db", NULL);
  f->db = axw_db_open (f->path, &error);
  g_assert_no_error (error);
  if (data == NULL)
    g_assert_true (axw_cli_init_demo (f->db, &error));
  f->window = g_object_ref (axw_manager_window_new (NULL, f->db, "王店长"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  ui_pump (300);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_pump (50);
  g_clear_object (&f->window);
  g_clear_object (&f->db);
  axw_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
query (Fixture    *f,
       const char *sql)
{
  return axw_db_query_int (f->db, sql, -1);
}

static const char *
item_name (GListModel *model,
           guint       i)
{
  g_autoptr(AxwProductItem) item = g_list_model_get_item (model, i);

  return axw_product_item_get_product (item)->name;
}

static void
focus (Fixture   *f,
       GtkWidget *widget)
{
  Display *dpy = ui_xdisplay ();
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->window)));

  XSetInputFocus (dpy, xid, RevertToParent, CurrentTime);
  XFlush (dpy);
  ui_pump (100);
  gtk_widget_grab_focus (widget);
  ui_pump (50);
}

#define wait_idle(page) axw_test_wait_idle (axw_manager_products_is_busy, page, 10000)

static gboolean
is_open_price (GtkWidget     *w,
               gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (w) &&
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)), "open_price") == 0;
}

static void
test_search_edit_add (Fixture       *f,
                      gconstpointer  data)
{
  AxwManagerProducts *products = axw_manager_window_get_products (f->window);
  GListModel *model = axw_manager_products_get_model (products);
  GtkEditable *price = axw_manager_products_get_field (products, "price");
  GtkWidget *w = GTK_WIDGET (products);

  axw_manager_window_show_page (f->window, "products");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 18);

  /* search by pinyin initials, barcode and name */
  axw_manager_products_search (products, "csr");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (item_name (model, 0), ==, "赤松茸");
  axw_manager_products_search (products, "6971234560025");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (item_name (model, 0), ==, "藜麦粥");
  axw_manager_products_search (products, "清流");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  axw_manager_products_search (products, "赤松");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* edit the price: a bad amount changes nothing, yuan are stored as fen */
  axw_manager_products_select (products, 0);
  g_assert_cmpstr (gtk_editable_get_text (price), ==, "28.00");
  gtk_editable_set_text (price, "28,5元");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpstr (axw_manager_products_get_message (products), !=, "");
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   2800);
  gtk_editable_set_text (price, "30.5");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   3050);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM audit_log WHERE staff = '王店长' AND action = "
                          "'product.edit' "
                             "AND detail = '6971234560018 赤松茸 price 30.50 stock 50 aid 1: price "
                             "¥28.00 → ¥30.50'"), ==, 1);

  /* the keyboard: Enter saves, Escape puts the form back */
  focus (f, GTK_WIDGET (price));
  gtk_editable_set_text (price, "");
  ui_type ("31.2", 30, TRUE);
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   3120);
  gtk_widget_grab_focus (GTK_WIDGET (price));
  ui_type ("99", 30, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (price), ==, "99");   /* focus selects all */
  ui_press (XK_Escape);
  g_assert_cmpstr (gtk_editable_get_text (price), ==, "31.20");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   3120);

  /* a sale meanwhile: saving the price keeps the stock the sale left */
  g_assert_true (axw_products_adjust_stock (f->db,
                                            query (f,
                                                   "SELECT id FROM products WHERE barcode = "
                                                   "'6971234560018'"),
                                            -2000, "sale", "小林", NULL));
  gtk_editable_set_text (price, "31.2");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 48000);

  /* stock and aid */
  gtk_editable_set_text (axw_manager_products_get_field (products, "stock"), "45");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 45000);
  g_assert_true (gtk_check_button_get_active (axw_manager_products_get_aid (products)));
  gtk_check_button_set_active (axw_manager_products_get_aid (products), FALSE);
  gtk_editable_set_text (axw_manager_products_get_field (products, "origin"), "甘肃临夏");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM products WHERE barcode = '6971234560018' AND NOT "
                          "aid_eligible "
                             "AND origin = '甘肃临夏' AND stock_milli = 45000 AND price_fen = 3120"), ==, 1);

  /* open price: the cashier types it at each sale */
  {
    GtkWidget *open_price = ui_find (GTK_WIDGET (products), is_open_price, NULL);

    g_assert_nonnull (open_price);
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (open_price)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (open_price), TRUE);
    gtk_widget_activate_action (w, "products.save", NULL);
    g_assert_cmpint (query (f, "SELECT open_price FROM products WHERE barcode = '6971234560018'"),
                     ==, 1);
    g_assert_cmpint (query (f, "SELECT count (*) FROM audit_log WHERE action = 'product.edit' "
                               "AND detail LIKE '%open price no → yes'"), ==, 1);
  }

  /* retired: kept and listed as retired, no longer sold; brought back */
  gtk_widget_activate_action (w, "products.retire", NULL);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM products WHERE barcode = '6971234560018' AND NOT "
                          "active"), ==, 1);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM audit_log WHERE staff = '王店长' AND action = "
                          "'product.retire'"),
                   ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AxwLine) line = axw_checkout_item_from_scan (f->db, "6971234560018", 0, &error);

    g_assert_null (line);
    g_assert_nonnull (strstr (error->message, "retired"));
  }
  ui_save_png (GTK_WIDGET (f->window), "manager-products-retired.png");
  gtk_widget_activate_action (w, "products.retire", NULL);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM products WHERE barcode = '6971234560018' AND "
                          "active"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count (*) FROM audit_log WHERE action = 'product.restore'"),
                   ==, 1);

  /* a new product: a misread barcode is refused with the right digit */
  gtk_widget_activate_action (w, "products.new", NULL);
  g_assert_cmpstr (gtk_editable_get_text (price), ==, "");
  gtk_editable_set_text (axw_manager_products_get_field (products, "barcode"), "6971234560163");
  gtk_editable_set_text (axw_manager_products_get_field (products, "name"), "高原藜麦");
  gtk_editable_set_text (axw_manager_products_get_field (products, "category"), "冲调");
  gtk_editable_set_text (axw_manager_products_get_field (products, "origin"), "青海");
  gtk_editable_set_text (price, "35");
  gtk_editable_set_text (axw_manager_products_get_field (products, "stock"), "12");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_nonnull (strstr (axw_manager_products_get_message (products),
                            "check digit should be 2"));
  g_assert_cmpint (query (f, "SELECT count (*) FROM products"), ==, 18);
  /* a barcode another product has */
  gtk_editable_set_text (axw_manager_products_get_field (products, "barcode"), "6971234560025");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_nonnull (strstr (axw_manager_products_get_message (products), "藜麦粥"));
  g_assert_cmpint (query (f, "SELECT count (*) FROM products"), ==, 18);
  gtk_editable_set_text (axw_manager_products_get_field (products, "barcode"), "6971234560162");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f, "SELECT count (*) FROM products"), ==, 19);
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560162' "
                             "AND name = '高原藜麦' AND origin = '青海' AND stock_milli = 12000"),
                             ==, 3500);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM audit_log WHERE staff = '王店长' AND action = "
                          "'product.add'"), ==, 1);
  axw_manager_products_search (products, "gylm");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  axw_manager_products_search (products, "");
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-products.png");
}

static guint
choice_index (GtkDropDown *drop,
              const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (drop);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      return i;
  g_assert_not_reached ();
}

/* A product's supplier and fund are chosen from drop-downs of those the
 * shop has (None first); saved, audited, and a charity product's line at
 * the counter carries its fund. The supplier is chosen by the keyboard. */
static void
test_supplier_fund (Fixture       *f,
                    gconstpointer  data)
{
  AxwManagerProducts *products = axw_manager_window_get_products (f->window);
  GtkWidget *w = GTK_WIDGET (products);
  GtkDropDown *supplier = axw_manager_products_get_choice (products, "supplier");
  GtkDropDown *fund = axw_manager_products_get_choice (products, "fund");
  GtkCheckButton *discounts = axw_manager_products_get_fund_discounts (products);
  g_autoptr(AxwSupplier) coop = axw_supplier_new ();
  g_autoptr(AxwSupplier) company = axw_supplier_new ();
  g_autoptr(AxwLine) line = NULL;
  g_autoptr(GError) error = NULL;

  coop->name = g_strdup ("和政县赤松茸合作社");
  coop->origin = g_strdup ("甘肃和政县");
  coop->consignment = TRUE;
  company->name = g_strdup ("集美农贸公司");
  g_assert_true (axw_suppliers_add (f->db, coop, "王店长", &error));
  g_assert_true (axw_suppliers_add (f->db, company, "王店长", &error));
  g_assert_no_error (error);

  axw_manager_window_show_page (f->window, "products");
  axw_manager_products_search (products, "赤松茸");
  axw_manager_products_select (products, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (supplier), ==, 0);   /* None */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (supplier)), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (fund), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (discounts)));

  /* by the keyboard: the drop-down opens, Down picks, Enter takes it */
  focus (f, GTK_WIDGET (supplier));
  ui_press (XK_space);
  ui_pump (100);
  for (guint i = 0; i < choice_index (supplier, "和政县赤松茸合作社"); i++)
    ui_press (XK_Down);
  ui_press (XK_Return);
  ui_pump (100);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (supplier)), ==,
                   "和政县赤松茸合作社");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f, "SELECT count (*) FROM products p "
                             "JOIN suppliers s ON s.id = p.supplier_id "
                             "WHERE p.barcode = '6971234560018' AND s.name = '和政县赤松茸合作社'"),
                             ==, 1);
  g_assert_cmpint (query (f, "SELECT count (*) FROM audit_log WHERE action = 'product.edit' "
                             "AND detail LIKE '%supplier%和政县赤松茸合作社%'"), ==, 1);

  /* charity goods: to a fund, promotions allowed; then the shop's own again */
  gtk_drop_down_set_selected (fund, choice_index (fund, "集美区助残爱心基金"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (discounts)));
  gtk_check_button_set_active (discounts, TRUE);
  gtk_drop_down_set_selected (supplier, choice_index (supplier, "集美农贸公司"));
  ui_pump (50);
  ui_save_png (GTK_WIDGET (f->window), "manager-products-supplier-fund.png");
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f, "SELECT count (*) FROM products p JOIN funds f ON f.id = p.fund_id "
                             "JOIN suppliers s ON s.id = p.supplier_id "
                             "WHERE p.barcode = '6971234560018' "
                             "AND f.name = '集美区助残爱心基金' AND p.fund_discounts AND s.name = '"
                             "集美农贸公司'"),
                   ==, 1);
  line = axw_checkout_item_from_scan (f->db, "6971234560018", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line->fund, ==, "集美区助残爱心基金");
  g_assert_true (line->fund_discounts);

  /* the form shows what was saved when the product is picked again */
  axw_manager_products_search (products, "藜麦粥");
  axw_manager_products_select (products, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (fund), ==, 0);
  axw_manager_products_search (products, "赤松茸");
  axw_manager_products_select (products, 0);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (fund)), ==,
                   "集美区助残爱心基金");
  g_assert_true (gtk_check_button_get_active (discounts));

  gtk_drop_down_set_selected (fund, 0);
  gtk_drop_down_set_selected (supplier, 0);
  gtk_widget_activate_action (w, "products.save", NULL);
  g_assert_cmpint (query (f, "SELECT count (*) FROM products WHERE barcode = '6971234560018' "
                             "AND fund_id IS NULL AND NOT fund_discounts AND supplier_id IS NULL"),
                   ==, 1);
}

static GFile *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

#define HEADER "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n"

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  AxwManagerProducts *products = axw_manager_window_get_products (f->window);
  GListModel *preview = axw_manager_products_get_preview (products);
  GtkWidget *w = GTK_WIDGET (products);
  g_autoptr(GFile) good = write_csv (f, "prices.csv", HEADER
    "6971234560018,,赤松茸,干货,甘肃和政,30,piece,1,50\n"
    "6971234560025,,藜麦粥,冲调,甘肃和政,12.80,piece,1,60\n"
    "6971234560162,,高原藜麦,冲调,青海,35,piece,1,12\n"
    "6971234560032,,和政啤特果,水果,甘肃和政,19.90,piece,1,40\n");
  g_autoptr(GFile) bad = write_csv (f, "bad.csv", HEADER
    "6971234560018,,赤松茸,干货,甘肃和政,30,piece,1,50\n"
    "6971234560025,,藜麦粥,冲调,甘肃和政,12.8.0,piece,1,60\n");
  g_autoptr(GtkStringObject) first = NULL;
  gint64 audit = query (f, "SELECT count (*) FROM audit_log");

  axw_manager_window_show_page (f->window, "products");

  /* a bad row: the row and column are named, nothing can be applied */
  axw_manager_products_import_file (products, bad);
  wait_idle (products);
  g_assert_cmpstr (axw_manager_products_get_page (products), ==, "import");
  g_assert_nonnull (strstr (axw_manager_products_get_summary (products),
                            "Row 2 (line 3), column “price”"));
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 0);
  gtk_widget_activate_action (w, "products.import-apply", NULL);
  wait_idle (products);
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   2800);
  gtk_widget_activate_action (w, "products.cancel", NULL);
  g_assert_cmpstr (axw_manager_products_get_page (products), ==, "catalog");

  /* the preview: exact counts and lines, nothing written yet */
  axw_manager_products_import_file (products, good);
  wait_idle (products);
  g_assert_cmpstr (axw_manager_products_get_page (products), ==, "import");
  g_assert_nonnull (strstr (axw_manager_products_get_summary (products),
                            "1 new, 2 updated (1 price changes, 1 stock changes), 1 unchanged"));
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 3);
  first = g_list_model_get_item (preview, 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==,
                   "Row 1: 6971234560018 赤松茸: price ¥28.00 → ¥30.00");
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   2800);
  g_assert_cmpint (query (f, "SELECT count (*) FROM products"), ==, 18);
  g_assert_cmpint (query (f, "SELECT count (*) FROM audit_log"), ==, audit);
  ui_pump (200);
  ui_save_png (GTK_WIDGET (f->window), "manager-products-import.png");

  /* Escape (the focus is on Apply) cancels and imports nothing */
  {
    Display *dpy = ui_xdisplay ();

    XSetInputFocus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->window))),
                    RevertToParent, CurrentTime);
    XFlush (dpy);
    ui_pump (100);
    g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (f->window))));
    ui_press (XK_Escape);
  }
  g_assert_cmpstr (axw_manager_products_get_page (products), ==, "catalog");
  g_assert_cmpint (query (f, "SELECT count (*) FROM products"), ==, 18);

  /* again, through the file chooser (GTK's own dialog when there is no
   * portal), and apply */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWidget *chooser = NULL;

    gtk_widget_activate_action (w, "products.import", NULL);
    ui_pump (300);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && chooser == NULL; i++)
      {
        g_autoptr(GtkWidget) t = g_list_model_get_item (toplevels, i);

        if (GTK_IS_FILE_CHOOSER (t))
          chooser = t;
      }
    g_assert_nonnull (chooser);
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), good, NULL));
    ui_pump (200);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  }
  wait_idle (products);
  g_assert_cmpstr (axw_manager_products_get_page (products), ==, "import");
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 3);
  gtk_widget_activate_action (w, "products.import-apply", NULL);
  wait_idle (products);
  g_assert_cmpstr (axw_manager_products_get_page (products), ==, "catalog");
  g_assert_nonnull (strstr (axw_manager_products_get_message (products), "1 new, 2 updated"));
  g_assert_cmpint (query (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   3000);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560025'"),
                   ==, 60000);
  g_assert_cmpint (query (f, "SELECT count (*) FROM products"), ==, 19);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM audit_log WHERE staff = '王店长' AND action = "
                          "'product.import' "
                             "AND detail = '1 new, 2 updated, 1 unchanged'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_products_get_model (products)), ==, 19);
}

static void
test_stocktake (Fixture       *f,
                gconstpointer  data)
{
  AxwManagerStocktake *st = axw_manager_window_get_stocktake (f->window);
  GListModel *model = axw_manager_stocktake_get_model (st);
  GtkWidget *w = GTK_WIDGET (st);
  AdwMessageDialog *dialog;

  axw_manager_window_show_page (f->window, "stocktake");

  g_assert_true (axw_manager_stocktake_scan (st, "6971234560018"));
  g_assert_true (axw_manager_stocktake_count (st, "48"));
  g_assert_true (axw_manager_stocktake_scan (st, "hzptg"));
  g_assert_true (axw_manager_stocktake_count (st, "40"));
  g_assert_false (axw_manager_stocktake_scan (st, "6971234560019"));
  g_assert_nonnull (strstr (axw_manager_stocktake_get_message (st), "check digit should be 8"));
  g_assert_false (axw_manager_stocktake_scan (st, "ql"));   /* several match */
  g_assert_true (axw_manager_stocktake_scan (st, "1001"));
  g_assert_false (axw_manager_stocktake_count (st, "many"));
  g_assert_true (axw_manager_stocktake_count (st, "12.5"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  {
    g_autoptr(AxwProductItem) a = g_list_model_get_item (model, 0);
    g_autoptr(AxwProductItem) b = g_list_model_get_item (model, 1);
    g_autoptr(AxwProductItem) c = g_list_model_get_item (model, 2);
    g_autofree char *da = axw_product_item_dup_text (a, "difference");
    g_autofree char *db = axw_product_item_dup_text (b, "difference");
    g_autofree char *dc = axw_product_item_dup_text (c, "difference");

    g_assert_cmpstr (da, ==, "-2 (fewer)");
    g_assert_cmpstr (db, ==, "±0 (matches)");
    g_assert_cmpstr (dc, ==, "-37.5 kg (fewer)");
  }
  /* the keyboard: scan, Enter, count, Enter */
  focus (f,
         gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_first_child (w))));
  ui_type ("6971234560025", 8, TRUE);
  ui_type ("81", 30, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  ui_pump (200);
  ui_save_png (GTK_WIDGET (f->window), "manager-stocktake.png");
  /* a search shows the matches to pick from */
  ui_type ("ql", 30, FALSE);
  ui_pump (300);
  ui_save_png (GTK_WIDGET (f->window), "manager-stocktake-search.png");
  ui_press (XK_Down);
  ui_press (XK_Return);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpstr (item_name (model, 4), ==, "清流笋干");   /* the shortest name first */
  g_assert_true (axw_manager_stocktake_count (st, "30"));    /* as expected: no change */

  /* nothing is applied until confirmed */
  gtk_widget_activate_action (w, "stocktake.apply", NULL);
  dialog = axw_manager_stocktake_get_dialog (st);
  g_assert_nonnull (dialog);
  ui_pump (200);
  ui_save_png (GTK_WIDGET (dialog), "manager-stocktake-confirm.png");
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 50000);
  ui_click (GTK_WIDGET (dialog), "_Cancel");
  g_assert_null (axw_manager_stocktake_get_dialog (st));
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 50000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  gtk_widget_activate_action (w, "stocktake.apply", NULL);
  ui_click (GTK_WIDGET (axw_manager_stocktake_get_dialog (st)), "_Apply");
  g_assert_null (axw_manager_stocktake_get_dialog (st));
  g_assert_nonnull (strstr (axw_manager_stocktake_get_message (st),
                            "5 products counted, 3 stock changes"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 48000);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560032'"),
                   ==, 40000);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560025'"),
                   ==, 81000);
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE plu = '1001'"), ==, 12500);
  g_assert_cmpint (query (f,
                          "SELECT count (*) FROM audit_log WHERE staff = '王店长' AND action = "
                          "'stock.adjust' "
                             "AND detail LIKE '%: stocktake'"), ==, 3);
  g_assert_cmpint (query (f, "SELECT count (*) FROM audit_log WHERE detail LIKE "
                             "'% 6971234560018 赤松茸 -2 (50 → 48): stocktake'"), ==, 1);

  /* Escape discards the counts */
  g_assert_true (axw_manager_stocktake_scan (st, "6971234560018"));
  g_assert_true (axw_manager_stocktake_count (st, "1"));
  focus (f,
         gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_first_child (w))));
  ui_press (XK_Escape);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpint (query (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 48000);

  /* nothing left to discard: Escape closes the window, as on every page */
  ui_press (XK_Escape);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
}

typedef struct {
  AxwManagerProducts *products;
  gint64              last;
  double              longest_ms;
  double              progress;   /* the largest fraction seen before the end */
} Sample;

/* Runs on the GTK thread every 10 ms: how long it waited says whether the
 * thread was kept busy. */
static gboolean
sample_cb (gpointer data)
{
  Sample *s = data;
  gint64 now = g_get_monotonic_time ();
  double p = axw_manager_products_get_progress (s->products);

  s->longest_ms = MAX (s->longest_ms, (now - s->last) / 1000.0);
  s->last = now;
  if (axw_manager_products_is_busy (s->products) && p < 1)
    s->progress = MAX (s->progress, p);
  return G_SOURCE_CONTINUE;
}

/* 100 000 products: the list shows a page of a search, never all of them. */
static void
test_large_catalog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwManagerProducts *products = axw_manager_window_get_products (f->window);
  GListModel *model = axw_manager_products_get_model (products);

  g_assert_true (axw_db_exec (f->db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
    "INSERT INTO products (plu, name, origin, price_fen, unit, aid_eligible, stock_milli, pinyin, "
    "updated_at) "
    "SELECT 100000 + i, '商品' || i, '甘肃', 100 + i % 5000, 'piece', i % 2, 1000 * (i % 90), 'sp' "
    "|| i, 'x' FROM n", &error));
  g_assert_no_error (error);
  axw_manager_window_show_page (f->window, "products");

  /* the query and the model; then the frame that shows it (software GL under Xvfb) */
  {
    static const struct { const char *query; guint n; } searches[] = {
      { "", AXW_MANAGER_PRODUCTS_SHOWN },
      { "商品9999", 11 },    /* 9999 and 99990…99999 */
      { "sp4242", 11 },      /* pinyin: 4242 and 42420…42429 */
      { "142424", 1 },       /* PLU */
    };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        gint64 t0 = g_get_monotonic_time (), t1;

        axw_manager_products_search (products, searches[i].query);
        t1 = g_get_monotonic_time ();
        ui_pump (1);
        g_assert_cmpuint (g_list_model_get_n_items (model), ==, searches[i].n);
        g_print ("# 100 000 products, search “%s”: %u shown, query and model %.0f ms, drawn %.0f "
                 "ms later\n", searches[i].query, searches[i].n, (t1 - t0) / 1000.0,
                 (g_get_monotonic_time () - t1) / 1000.0);
      }
  }

  /* a CSV of the whole catalog with 1 000 new prices: checked in a thread,
   * the progress bar moves, the GTK thread keeps drawing */
  {
    g_autofree char *csv = axw_products_export_csv (f->db, &error);
    g_autoptr(GString) changed = g_string_new (NULL);
    g_autoptr(GFile) file = NULL;
    g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
    double seen_progress, longest_ms, check_ms;
    Sample sample = { 0 };
    gint64 start;
    guint tick;

    for (guint i = 0; lines[i] && *lines[i]; i++)
      {
        if (i >= 1000 && i < 2000)
          {
            g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

            g_free (cells[5]);
            cells[5] = g_strdup ("99.99");
            g_free (lines[i]);
            lines[i] = g_strjoinv (",", cells);
          }
        g_string_append_printf (changed, "%s\n", lines[i]);
      }
    file = write_csv (f, "big.csv", changed->str);
    sample.products = products;
    start = sample.last = g_get_monotonic_time ();
    axw_manager_products_import_file (products, file);
    tick = g_timeout_add (10, sample_cb, &sample);
    while (axw_manager_products_is_busy (products) &&
           g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
    check_ms = (g_get_monotonic_time () - start) / 1000.0;
    longest_ms = sample.longest_ms;
    seen_progress = sample.progress;
    g_print ("# preview of a 100 018-row CSV: %.0f ms; longest GTK main loop gap %.0f ms; progress "
             "seen %.2f\n", check_ms, longest_ms, seen_progress);
    g_assert_false (axw_manager_products_is_busy (products));
    g_assert_cmpfloat (seen_progress, >, 0);
    g_assert_nonnull (strstr (axw_manager_products_get_summary (products),
                              "0 new, 1000 updated (1000 price changes"));
    g_assert_cmpuint (g_list_model_get_n_items (axw_manager_products_get_preview (products)), ==,
                      1000);
    ui_pump (100);
    ui_save_png (GTK_WIDGET (f->window), "manager-products-import-100k.png");
    gtk_widget_activate_action (GTK_WIDGET (products), "products.cancel", NULL);
  }

  ui_pump (200);
  ui_save_png (GTK_WIDGET (f->window), "manager-products-100k.png");
}

static void
test_new_destroy (void)
{
  g_autofree char *dir = NULL;
  AxwDb *db = axw_test_db_new (&dir);
  AxwManagerProducts *products = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_PRODUCTS, NULL));
  AxwManagerStocktake *st = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_STOCKTAKE, NULL));
  AxwProductItem *item = axw_product_item_new (axw_product_new ());

  axw_manager_products_set_db (products, db, "王店长");
  axw_manager_stocktake_set_db (st, db, "王店长");
  g_assert_finalize_object (products);
  g_assert_finalize_object (st);
  g_assert_finalize_object (item);
  g_assert_finalize_object (db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add ("/manager-products/search-edit-add", Fixture, NULL, setup, test_search_edit_add,
              teardown);
  g_test_add ("/manager-products/supplier-fund", Fixture, NULL, setup, test_supplier_fund,
              teardown);
  g_test_add ("/manager-products/import-preview-apply", Fixture, NULL, setup, test_import,
              teardown);
  g_test_add ("/manager-products/stocktake", Fixture, NULL, setup, test_stocktake, teardown);
  g_test_add ("/manager-products/100k-products", Fixture, NULL, setup, test_large_catalog,
              teardown);
  g_test_add_func ("/manager-products/new-destroy", test_new_destroy);
  return g_test_run ();
}
