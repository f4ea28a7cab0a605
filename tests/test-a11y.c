/* test-a11y.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/design.md §11 checked on the real screens, in every theme the staff can
 * choose (text 100 % and 150 %, high contrast; 200 % for fitting):
 * every control a person can reach has an accessible name and is at least
 * 48×48 px, every text colour on screen is one of the theme's declared
 * colours and each declared text/background pair has a contrast of at
 * least 7:1, and the screens fit a 1024×768 screen at twice the text size
 * (the window no larger, nothing cut off, long pages scroll).
 * Saves a PNG of each screen for people to look at.
 */
#include <math.h>
#include <string.h>

#include "axw-held-sales-dialog.h"
#include "axw-manager-pin-dialog.h"
#include "axw-ui-test-lib.h"

#include "axw-manager-window.h"

typedef struct {
  const char *name;
  int         scale;
  gboolean    contrast;
} Theme;

static const Theme themes[] = {
  { "100", 100, FALSE },
  { "150", 150, FALSE },
  { "hc", 100, TRUE },
  { "200", 200, FALSE },
};

/* WCAG 2.x ---------------------------------------------------------------- */

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The colours a theme declares: "@define-color axw_NAME #rrggbb;" */
static GHashTable *
theme_colours (const char *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  g_autoptr(GRegex) re = g_regex_new ("@define-color\\s+(axw_[a-z_]+)\\s+(#[0-9a-fA-F]{6})\\s*;", 0,
                                      0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *colours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_nonnull (bytes);
  g_regex_match (re, g_bytes_get_data (bytes, NULL), 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      GdkRGBA *c = g_new (GdkRGBA, 1);
      g_autofree char *hex = g_match_info_fetch (match, 2);

      g_assert_true (gdk_rgba_parse (c, hex));
      g_hash_table_insert (colours, g_match_info_fetch (match, 1), c);
    }
  return colours;
}

static void
check_pairs (const char *resource,
             guint       expected_pairs)
{
  g_autoptr(GHashTable) colours = theme_colours (resource);
  GHashTableIter iter;
  const char *name;
  GdkRGBA *fg;
  guint pairs = 0;

  g_hash_table_iter_init (&iter, colours);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &fg))
    {
      g_autofree char *base = NULL;
      g_autofree char *bg_name = NULL;
      GdkRGBA *bg;
      double ratio;

      if (!g_str_has_suffix (name, "_fg"))
        continue;
      base = g_strndup (name, strlen (name) - 3);
      bg_name = g_strconcat (base, "_bg", NULL);
      bg = g_hash_table_lookup (colours, bg_name);
      g_assert_nonnull (bg);
      ratio = contrast (fg, bg);
      g_test_message ("%s %s: %.2f:1", resource, base, ratio);
      if (ratio < 7.0)
        g_error ("%s: %s on %s is %.2f:1, below 7:1", resource, name, bg_name, ratio);
      pairs++;
    }
  g_assert_cmpuint (pairs, ==, expected_pairs);
}

static void
test_contrast_pairs (void)
{
  check_pairs ("/cn/aixinwu/Pos/ui/axw-style.css", 9);
  check_pairs ("/cn/aixinwu/Pos/ui/axw-style-hc.css", 9);
}

/* The walker -------------------------------------------------------------- */

typedef struct {
  GHashTable *fg_colours;   /* the theme's *_fg colours, as "rgb(…)" */
  GString    *problems;
  guint       n_controls;
  guint       n_labels;
} Walk;

static gboolean
is_control (GtkWidget *w)
{
  GtkWidget *parent = gtk_widget_get_parent (w);

  /* an entry's text is named by the entry */
  if (parent &&
      (GTK_IS_ENTRY (parent) || GTK_IS_PASSWORD_ENTRY (parent) || GTK_IS_SEARCH_ENTRY (parent)))
    return FALSE;
  return GTK_IS_BUTTON (w) || GTK_IS_EDITABLE (w) || GTK_IS_COLUMN_VIEW (w) ||
         GTK_IS_LIST_VIEW (w) ||
         gtk_widget_get_focusable (w);
}

/* What GTK would read out: an explicit label, or a button's own text. */
static gboolean
has_name (GtkWidget *w)
{
  GtkAccessible *a = GTK_ACCESSIBLE (w);
  GtkWidget *parent = gtk_widget_get_parent (w);
  GtkWidget *child;

  /* a drop-down's button is read out with the drop-down's name */
  if (parent && GTK_IS_DROP_DOWN (parent) && has_name (parent))
    return TRUE;
  if (gtk_test_accessible_has_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (a, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)) &&
      *gtk_button_get_label (GTK_BUTTON (w)))
    return TRUE;
  child = gtk_widget_get_first_child (w);
  return GTK_IS_BUTTON (w) && GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child));
}

/* List rows are read out by their cells; they are checked for size only. */
static gboolean
is_row (GtkWidget *w)
{
  const char *type = G_OBJECT_TYPE_NAME (w);

  return g_str_has_prefix (type, "GtkListItemWidget") ||
         g_str_has_prefix (type, "GtkColumnViewRow") ||
         g_str_has_prefix (type, "GtkColumnViewCell");
}

static char *
describe (GtkWidget *w)
{
  const char *text = GTK_IS_BUTTON (w) ? gtk_button_get_label (GTK_BUTTON (w)) : NULL;

  return g_strdup_printf ("%s%s%s%s (%d×%d)", G_OBJECT_TYPE_NAME (w), text ? " “" : "",
                          text ? text : "",
                          text ? "”" : "", gtk_widget_get_width (w), gtk_widget_get_height (w));
}

static void
walk (GtkWidget *w,
      Walk      *k)
{
  if (!gtk_widget_get_mapped (w))
    return;
  if (is_control (w))
    {
      g_autofree char *what = describe (w);

      k->n_controls++;
      if (!is_row (w) && !has_name (w))
        g_string_append_printf (k->problems, "no accessible name: %s\n", what);
      if (gtk_widget_get_height (w) < 48 || (!is_row (w) && gtk_widget_get_width (w) < 48))
        g_string_append_printf (k->problems, "smaller than 48×48: %s\n", what);
    }
  if (GTK_IS_LABEL (w) && *gtk_label_get_text (GTK_LABEL (w)))
    {
      GdkRGBA colour;
      g_autofree char *rgb = NULL;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (w), &colour);
      G_GNUC_END_IGNORE_DEPRECATIONS
      rgb = gdk_rgba_to_string (&colour);
      k->n_labels++;
      if (!g_hash_table_contains (k->fg_colours, rgb))
        g_string_append_printf (k->problems, "label “%s” in %s is %s, not a theme text colour\n",
                                gtk_label_get_text (GTK_LABEL (w)),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (w)), rgb);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    walk (c, k);
}

/* Which widgets make the screen too wide, for the failure message. */
static void
report_wide (GtkWidget *w,
             GString   *out,
             int        depth)
{
  int min;

  if (!gtk_widget_get_visible (w))
    return;
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= 300)
    return;
  g_string_append_printf (out, "%*s%s %s%s min width %d\n", depth * 2, "", G_OBJECT_TYPE_NAME (w),
                          GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w))
                          ? gtk_button_get_label (GTK_BUTTON (w)) : "",
                          GTK_IS_LABEL (w) ? gtk_label_get_text (GTK_LABEL (w)) : "", min);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    report_wide (c, out, depth + 1);
}

static void
check_screen (GtkWidget   *window,
              const Theme *theme,
              const char  *screen)
{
  g_autofree char *png = g_strdup_printf ("%s-%s.png", screen, theme->name);
  g_autoptr(GHashTable) colours = NULL;
  g_autoptr(GHashTable) fg = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *name;
  GdkRGBA *c;
  Walk k = { fg, g_string_new (NULL), 0, 0 };
  int min_w, min_h;

  colours = theme_colours (theme->contrast ? "/cn/aixinwu/Pos/ui/axw-style-hc.css"
                                           : "/cn/aixinwu/Pos/ui/axw-style.css");
  g_hash_table_iter_init (&iter, colours);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &c))
    if (g_str_has_suffix (name, "_fg"))
      g_hash_table_add (fg, gdk_rgba_to_string (c));

  ui_pump (100);
  ui_save_png (window, png);
  ui_assert_chinese (window, png);
  ui_assert_no_overlaps (window, png);
  walk (window, &k);
  /* nothing is cut off: the whole screen (a dialog too) fits the smallest
   * screen a shop has, 1024×768 */
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, MAX (min_w, 1024), &min_h, NULL, NULL,
                      NULL);
  if (min_w > 1024 || min_h > 768)
    {
      g_string_append_printf (k.problems, "needs %d×%d, more than a 1024×768 screen\n", min_w,
                              min_h);
      report_wide (window, k.problems, 0);
    }
  g_test_message ("%s: %u controls, %u labels", png, k.n_controls, k.n_labels);
  if (k.problems->len)
    g_error ("%s:\n%s", png, k.problems->str);
  g_assert_cmpuint (k.n_controls, >=, 3);
  g_string_free (k.problems, TRUE);
}

/* Controls outside every scrolled window lie inside the window, and so
 * do the scrolled windows: everything can be reached. */
static void
collect_unreachable (GtkWidget *root,
                     GtkWidget *w,
                     GString   *out)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (w) || (w != root && GTK_IS_NATIVE (w)))
    return;
  if (w != root && gtk_widget_compute_bounds (w, root, &bounds) &&
      (ui_is_atom (w) || GTK_IS_SCROLLED_WINDOW (w)) &&
      (bounds.origin.x < -1 || bounds.origin.y < -1 ||
       bounds.origin.x + bounds.size.width > gtk_widget_get_width (root) + 1 ||
       bounds.origin.y + bounds.size.height > gtk_widget_get_height (root) + 1))
    {
      UiAtom atom = { w, bounds };
      g_autofree char *what = ui_describe_atom (&atom);

      g_string_append_printf (out, "cut off by the window's edge: %s\n", what);
    }
  if (GTK_IS_SCROLLED_WINDOW (w) || ui_is_atom (w))
    return;
  if (ADW_IS_LEAFLET (w) && adw_leaflet_get_folded (ADW_LEAFLET (w)))
    {
      collect_unreachable (root, adw_leaflet_get_visible_child (ADW_LEAFLET (w)), out);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_unreachable (root, c, out);
}

/* The smallest screen a shop has, 1024×768: the window fits it (its
 * minimum size too, so that it cannot grow past it), and every control on
 * it lies inside or can be scrolled to. */
static void
assert_fits_small (GtkWidget  *window,
                   const char *png)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  int min_w, min_h;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, MAX (min_w, 1024), &min_h, NULL, NULL,
                      NULL);
  if (min_w > 1024 || min_h > 768)
    {
      g_string_append_printf (problems, "needs at least %d×%d, more than 1024×768\n", min_w, min_h);
      report_wide (window, problems, 0);
    }
  if (gtk_widget_get_width (window) > 1024 || gtk_widget_get_height (window) > 768)
    g_string_append_printf (problems, "the window is %d×%d%s, larger than 1024×768\n",
                            gtk_widget_get_width (window), gtk_widget_get_height (window),
                            gtk_window_is_maximized (GTK_WINDOW (window)) ? " (maximized)" : "");
  collect_unreachable (window, window, problems);
  if (problems->len > 0)
    g_error ("%s:\n%s", png, problems->str);
}

/* The counter's and the manager's windows at the sizes shops have, then
 * back at 1280×800 for the full check. */
static void
check_window (GtkWidget   *window,
              const Theme *theme,
              const char  *screen)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1190, 800 } };

  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s-%s-%dx%d.png", screen, theme->name, sizes[i][0],
                                              sizes[i][1]);

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      ui_pump (200);
      /* the X server's answer can take longer on a loaded machine */
      for (int j = 0; j < 100 && (gtk_widget_get_width (window) > sizes[i][0] ||
                                  gtk_widget_get_height (window) > sizes[i][1]); j++)
        ui_pump (50);
      ui_save_png (window, png);
      if (i == 0)
        assert_fits_small (window, png);
      ui_assert_no_overlaps (window, png);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ui_pump (200);
  check_screen (window, theme, screen);
}

/* The shown dialog of @type (the counter's own windows over it). */
static GtkWindow *
top_dialog (GType type)
{
  g_autoptr(GList) tops = NULL;

  ui_pump (100);
  tops = gtk_window_list_toplevels ();
  for (GList *l = tops; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  g_assert_not_reached ();
}

static void
apply_theme (UiFixture   *f,
             const Theme *theme)
{
  AxwStaff prefs = { .font_scale_pct = theme->scale, .high_contrast = theme->contrast };

  axw_application_apply_prefs (f->app, &prefs);
  ui_pump (100);
}

static void
test_screens (UiFixture     *f,
              gconstpointer  data)
{
  const Theme *theme = data;
  GtkWidget *sale = GTK_WIDGET (f->sale);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  apply_theme (f, theme);
  check_window (GTK_WIDGET (f->window), theme, "login");
  ui_login_touch (f, "小林", "1234");
  apply_theme (f, theme);    /* the staff's own settings replaced it */

  axw_sale_view_scan (f->sale, "6971234560018");
  axw_sale_view_scan (f->sale, "6971234560018");
  axw_sale_view_scan (f->sale, "6971234560025");
  axw_sale_view_scan (f->sale, "6971234560124");
  axw_sale_view_scan (f->sale, "1001*0.5");

  gtk_widget_activate_action (sale, "sale.red-packet", NULL);
  axw_sale_view_scan (f->sale, "HB20269999");
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "red-packet");
  check_window (GTK_WIDGET (f->window), theme, "red-packet-refused");
  gtk_widget_activate_action (sale, "sale.back", NULL);

  axw_sale_view_scan (f->sale, "HB20260002");
  g_assert_true (axw_sale_view_get_quote (f->sale)->red_packet->accepted);
  check_window (GTK_WIDGET (f->window), theme, "sale-cart");
  /* the manager's dialog over the counter (the price keypad: the tallest) */
  gtk_widget_activate_action (sale, "sale.override-price", NULL);
  check_screen (GTK_WIDGET (top_dialog (AXW_TYPE_MANAGER_PIN_DIALOG)), theme, "exception-price");
  gtk_window_destroy (top_dialog (AXW_TYPE_MANAGER_PIN_DIALOG));

  gtk_widget_activate_action (sale, "sale.pay", "s", "cash");
  check_window (GTK_WIDGET (f->window), theme, "payment");
  gtk_widget_activate_action (sale, "sale.cash-quick", "i", 10000);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  check_window (GTK_WIDGET (f->window), theme, "payment-change");

  gtk_widget_activate_action (sale, "sale.new-sale", NULL);
  gtk_widget_activate_action (sale, "sale.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window))), "q");
  check_window (GTK_WIDGET (f->window), theme, "search");
  gtk_widget_activate_action (sale, "sale.settings", NULL);
  check_window (GTK_WIDGET (f->window), theme, "settings");
  gtk_widget_activate_action (sale, "sale.back", NULL);

  /* two held sales: F7 lists them */
  axw_sale_view_scan (f->sale, "6971234560018");
  gtk_widget_activate_action (sale, "sale.hold", NULL);
  axw_sale_view_scan (f->sale, "6971234560025");
  gtk_widget_activate_action (sale, "sale.hold", NULL);
  gtk_widget_activate_action (sale, "sale.recall", NULL);
  check_screen (GTK_WIDGET (top_dialog (AXW_TYPE_HELD_SALES_DIALOG)), theme, "held-sales");
  gtk_window_destroy (top_dialog (AXW_TYPE_HELD_SALES_DIALOG));
}

/* The first start on an empty database: the setup assistant, empty and
 * then with a message. */
static void
setup_empty (UiFixture     *f,
             gconstpointer  data)
{
  ui_setup (f, UI_EMPTY_DB);
}

static void
test_setup_screens (UiFixture     *f,
                    gconstpointer  data)
{
  const Theme *theme = data;
  AxwSetupAssistant *setup = axw_window_get_setup_assistant (f->window);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  apply_theme (f, theme);
  g_assert_cmpstr (axw_window_get_screen (f->window), ==, "setup");
  check_window (GTK_WIDGET (f->window), theme, "setup");
  gtk_editable_set_text (axw_setup_assistant_get_field (setup, "manager.name"), "陈店长");
  gtk_editable_set_text (axw_setup_assistant_get_field (setup, "manager.pin"), "2468");
  gtk_widget_activate_action (GTK_WIDGET (setup), "setup.finish", NULL);
  g_assert_cmpstr (axw_setup_assistant_get_message (setup), !=, "");
  check_window (GTK_WIDGET (f->window), theme, "setup-message");
}

/* The sale flow in Chinese up to a receipt that could not print (no USB
 * printer here): the printer's own message is Chinese too, quoted
 * without a doubled full stop. */
static void
test_no_printer (UiFixture     *f,
                 gconstpointer  data)
{
  GtkWidget *sale = GTK_WIDGET (f->sale);

  g_assert_true (axw_settings_set (axw_application_get_db (f->app), "printer", "usb", NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ui_assert_chinese (GTK_WIDGET (f->window), "login");
  ui_login_touch (f, "小林", "1234");
  ui_assert_chinese (GTK_WIDGET (f->window), "sale");
  axw_sale_view_scan (f->sale, "6971234560018");
  ui_assert_chinese (GTK_WIDGET (f->window), "cart");
  gtk_widget_activate_action (sale, "sale.pay", "s", "cash");
  ui_assert_chinese (GTK_WIDGET (f->window), "payment");
  gtk_widget_activate_action (sale, "sale.cash-quick", "i", 10000);
  g_assert_cmpstr (axw_sale_view_get_page (f->sale), ==, "done");
  g_assert_true (ui_wait_text (f, "print", "✖"));
  ui_save_png (GTK_WIDGET (f->window), "sale-no-printer.png");
  g_test_message ("%s", axw_sale_view_get_text (f->sale, "print"));
  ui_assert_chinese (GTK_WIDGET (f->window), "sale-no-printer");
}

/* Every page of the manager window, whatever pages it has. */
static gboolean
report_printed (gpointer reports)
{
  return strstr (axw_manager_reports_get_message (reports), "✔") != NULL;
}

static void
test_manager_screens (UiFixture     *f,
                      gconstpointer  data)
{
  const Theme *theme = data;
  AxwDb *db = axw_application_get_db (f->app);
  AxwManagerWindow *manager = axw_manager_window_new (GTK_WINDOW (f->window), db, "王店长");
  GtkStack *stack = axw_manager_window_get_stack (manager);
  GtkSelectionModel *pages = gtk_stack_get_pages (stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  gtk_window_set_default_size (GTK_WINDOW (manager), 1280, 800);
  gtk_window_present (GTK_WINDOW (manager));
  apply_theme (f, theme);
  /* rows in the lists, so that rows are checked too */
  g_assert_true (axw_manager_stocktake_scan (axw_manager_window_get_stocktake (manager),
                                             "6971234560018"));
  g_assert_true (axw_manager_stocktake_count (axw_manager_window_get_stocktake (manager), "48"));
  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      g_autofree char *screen = g_strdup_printf ("manager-%s", gtk_stack_page_get_name (page));

      gtk_stack_set_visible_child (stack, gtk_stack_page_get_child (page));
      ui_pump (100);
      check_window (GTK_WIDGET (manager), theme, screen);
    }
  g_object_unref (pages);

  /* the products page's import preview, which is a page of its own */
  {
    AxwManagerProducts *products = axw_manager_window_get_products (manager);
    g_autofree char *path = g_build_filename (f->dir, "prices.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (g_file_set_contents (path,
                                        "barcode,name,price,stock\n6971234560018,赤松茸,30,45\n"
                                              "6971234560162,高原藜麦,35,12\n", -1, NULL));
    axw_manager_window_show_page (manager, "products");
    axw_manager_products_import_file (products, file);
    axw_test_wait_idle (axw_manager_products_is_busy, products, 10000);
    g_assert_cmpstr (axw_manager_products_get_page (products), ==, "import");
    g_assert_cmpuint (g_list_model_get_n_items (axw_manager_products_get_preview (products)), ==,
                      2);
    check_window (GTK_WIDGET (manager), theme, "manager-products-import");
  }

  /* the shifts page with a shift open: the cash form and the count's steppers */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_cmpint (axw_shift_open (db, "小林", 20000, now, NULL), >, 0);
    axw_manager_window_show_page (manager, "shifts");
    axw_manager_shifts_reload (axw_manager_window_get_shifts (manager));
    g_assert_true (axw_manager_shifts_set_count (axw_manager_window_get_shifts (manager), 10000,
                                                 2));
    check_window (GTK_WIDGET (manager), theme, "manager-shifts-running");
  }

  /* the reports page with a report and the printer's answer under the
   * buttons, which wrap below the dates in a narrower window */
  {
    AxwManagerReports *reports = axw_manager_window_get_reports (manager);

    axw_manager_window_show_page (manager, "reports");
    g_assert_true (axw_manager_reports_show_range (reports, "2026-12-01", "2026-12-31"));
    gtk_widget_activate_action (GTK_WIDGET (reports), "reports.print", NULL);
    g_assert_true (axw_test_wait_until (report_printed, reports, 10000));
    check_window (GTK_WIDGET (manager), theme, "manager-reports-printed");
  }
  gtk_window_destroy (GTK_WINDOW (manager));
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("AIXINWU_LANGUAGE");   /* the default: Chinese */
  /* as on a Chinese desktop (tools/install-deps.sh makes the locale) */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* the counter starts maximized, and a maximized window keeps its size
   * (with no window manager under Xvfb nothing un-maximizes it): the
   * screens are checked in a window someone un-maximized */
  {
    g_autoptr(GSettingsSchema) schema =
      g_settings_schema_source_lookup (g_settings_schema_source_get_default (), "cn.aixinwu.Pos",
                                       TRUE);
    g_autoptr(GSettings) settings = NULL;

    g_assert_nonnull (schema);
    settings = g_settings_new ("cn.aixinwu.Pos");
    g_settings_set_boolean (settings, "window-maximized", FALSE);
  }

  g_test_add_func ("/a11y/contrast-pairs", test_contrast_pairs);
  g_test_add ("/a11y/chinese/no-printer", UiFixture, NULL, ui_setup, test_no_printer, ui_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/a11y/screens/%s", themes[i].name);

      g_autofree char *manager = g_strdup_printf ("/a11y/manager/%s", themes[i].name);

      g_test_add (path, UiFixture, &themes[i], ui_setup, test_screens, ui_teardown);
      g_test_add (manager, UiFixture, &themes[i], ui_setup, test_manager_screens, ui_teardown);
      g_autofree char *setup = g_strdup_printf ("/a11y/setup/%s", themes[i].name);
      g_test_add (setup, UiFixture, &themes[i], setup_empty, test_setup_screens, ui_teardown);
    }
  return g_test_run ();
}
