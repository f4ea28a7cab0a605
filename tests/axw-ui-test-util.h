/* axw-ui-test-util.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter under Xvfb: a fresh demo database, the real application and
 * window, keys typed through the X server (XTest) with real timestamps,
 * and PNGs of what is on screen.
 */
#pragma once

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "axw-db-sql.h"
#include "axw-application.h"
#include "axw-cli.h"
#include "axw-settings.h"
#include "axw-window.h"

typedef struct {
  char           *dir;
  char           *db_path;
  AxwApplication *app;
  AxwWindow      *window;
  AxwSaleView    *sale;
  AxwLoginView   *login;
} UiFixture;

static inline void
ui_pump (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  while (g_get_monotonic_time () < end);
}

/* Waits up to 5 s for a sale-view label to contain @needle. */
#define ui_wait_text(f, what, needle) ({ \
    gboolean found_ = FALSE; \
    for (int i_ = 0; i_ < 100 && !found_; i_++) \
      { \
        found_ = strstr (axw_sale_view_get_text ((f)->sale, (what)), (needle)) != NULL; \
        if (!found_) \
          ui_pump (50); \
      } \
    found_; })

static inline void
ui_save_png (GtkWidget  *widget,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  const char *root = g_getenv ("MESON_BUILD_ROOT");
  g_autofree char *dir = g_build_filename (root ? root : ".", "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  ui_pump (60);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* 12 December 2026, 10:00 in Shanghai: 爱心日 and 爱心月 both hold. */
static inline GDateTime *
ui_love_day (void)
{
  return g_date_time_new_utc (2026, 12, 12, 2, 0, 0);
}

/* ui_setup()'s test data for a database without staff or products */
#define UI_EMPTY_DB ((gconstpointer) "empty")

static inline void
ui_setup (UiFixture     *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = ui_love_day ();

  f->dir = g_dir_make_tmp ("axw-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "shop.db", NULL);
  /* the demo shop, as "aixinwu init --demo" makes it: the GUI makes none */
  if (data != UI_EMPTY_DB)
    {
      g_autoptr(AxwDb) db = axw_db_open (f->db_path, &error);

      g_assert_no_error (error);
      g_assert_true (axw_cli_init_demo (db, &error));
      g_assert_no_error (error);
    }
  static guint serial;
  g_autofree char *id = g_strdup_printf ("cn.aixinwu.Pos.Test%u", ++serial);

  /* one application per test, each with its own bus name */
  f->app = g_object_new (AXW_TYPE_APPLICATION, "application-id", id, "flags", G_APPLICATION_NON_UNIQUE,
                         "db-path", f->db_path, NULL);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_true (AXW_IS_WINDOW (f->window));
  f->sale = axw_window_get_sale_view (f->window);
  f->login = axw_window_get_login_view (f->window);
  axw_sale_view_set_clock (f->sale, day);
  /* Receipts go to a file the tests can read back. */
  {
    g_autofree char *receipts = g_build_filename (f->dir, "receipts.bin", NULL);
    g_autofree char *printer = g_strconcat ("file:", receipts, NULL);

    g_assert_true (axw_settings_set (axw_application_get_db (f->app), "printer", printer, NULL));
  }
  ui_pump (300);
}

/* Chinese screens ---------------------------------------------------------- */

static inline void
ui_collect_english (GtkWidget *w,
                    GRegex    *english,
                    GRegex    *doubled,
                    GString   *problems)
{
  if (!gtk_widget_get_mapped (w))
    return;
  if (GTK_IS_LABEL (w))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (w));

      if (g_regex_match (english, text, 0, NULL))
        g_string_append_printf (problems, "English words: “%s” (in %s)\n", text,
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (w)));
      if (g_regex_match (doubled, text, 0, NULL))
        g_string_append_printf (problems, "doubled punctuation: “%s”\n", text);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    ui_collect_english (c, english, doubled, problems);
}

/**
 * ui_assert_chinese:
 * @where: the screen, for the message
 *
 * Fails on any text on screen (under @root) with a run of English words
 * (two words of two letters or more: untranslated messages; codes like
 * "S01-T01" or "usb:VID:PID" are single words) or with doubled
 * punctuation (".。", "。。", "：："), as an error quoted into a sentence
 * that ends with its own stop gives.
 */
static inline void
ui_assert_chinese (GtkWidget  *root,
                   const char *where)
{
  g_autoptr(GRegex) english = g_regex_new ("\\b[A-Za-z]{2,}[ ]+[A-Za-z]{2,}\\b", 0, 0, NULL);
  g_autoptr(GRegex) doubled = g_regex_new ("\\.。|。。|。\\.|：：|：:|，，", 0, 0, NULL);
  g_autoptr(GString) problems = g_string_new (NULL);

  ui_collect_english (root, english, doubled, problems);
  if (problems->len > 0)
    g_error ("%s is not all Chinese:\n%s", where, problems->str);
}

static inline void
ui_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (path, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        ui_rm_rf (p);
      else
        g_unlink (p);
    }
  g_rmdir (path);
}

static inline void
ui_teardown (UiFixture     *f,
             gconstpointer  data)
{
  axw_application_apply_prefs (f->app, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_pump (50);
  g_application_quit (G_APPLICATION (f->app));
  g_clear_object (&f->app);
  ui_rm_rf (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* The first widget at or below @w (depth first) that @match accepts. */
static inline GtkWidget *
ui_find (GtkWidget      *w,
         gboolean      (*match) (GtkWidget *w, gconstpointer data),
         gconstpointer   data)
{
  if (match (w, data))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = ui_find (c, match, data);

      if (found)
        return found;
    }
  return NULL;
}

/* A ui_find() matcher: @data is the GType wanted. */
/* The chooser takes its folder in its own time: waits until it would
 * answer @path, as it would once the person sees it. */
static inline void
ui_wait_chosen (GtkFileChooser *chooser,
                const char     *path)
{
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      g_autofree char *chosen = file ? g_file_get_path (file) : NULL;

      if (g_strcmp0 (chosen, path) == 0)
        return;
      ui_pump (20);
    }
  g_assert_not_reached ();
}

static inline gboolean
ui_is_type (GtkWidget     *w,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (w, GPOINTER_TO_SIZE (data));
}

/* strstr() that says, in the test log, what it did not find where. */
static inline gboolean
ui_contains (const char *text,
             const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_test_message ("“%s” not in “%s”", needle, text);
      return FALSE;
    }
  return TRUE;
}

/* The PIN is checked in a worker thread: waits (up to 10 s) for the
 * answer, the sale screen or the reason shown. */
static inline void
ui_wait_login (UiFixture *f)
{
  for (int i = 0; i < 1000 && axw_login_view_is_checking (f->login); i++)
    ui_pump (10);
  g_assert_false (axw_login_view_is_checking (f->login));
  ui_pump (20);
}

/* Logs in through the actions a touch user triggers. */
static inline void
ui_login_touch (UiFixture  *f,
                const char *name,
                const char *pin)
{
  GtkWidget *w = GTK_WIDGET (f->login);

  g_assert_true (gtk_widget_activate_action (w, "login.choose", "s", name));
  for (const char *p = pin; *p; p++)
    {
      char key[2] = { *p, 0 };

      g_assert_true (gtk_widget_activate_action (w, "login.key", "s", key));
    }
  g_assert_true (gtk_widget_activate_action (w, "login.key", "s", "ok"));
  ui_wait_login (f);
}

static inline gint64
ui_query_int (UiFixture  *f,
              const char *sql)
{
  return axw_db_query_int (axw_application_get_db (f->app), sql, -1);
}

/* Keys through the X server ---------------------------------------------- */

static inline Display *
ui_xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

static inline void
ui_focus_window (UiFixture *f)
{
  Display *dpy = ui_xdisplay ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  Window xid = gdk_x11_surface_get_xid (surface);

  XTestFakeMotionEvent (dpy, -1, 200, 200, 0);
  XSetInputFocus (dpy, xid, RevertToParent, CurrentTime);
  XFlush (dpy);
  ui_pump (100);
}

/* The shown window of @type, or NULL. */
static inline GtkWindow *
ui_find_window (GType type)
{
  g_autoptr(GList) tops = gtk_window_list_toplevels ();

  for (GList *l = tops; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The dialog of @type (waited for up to 1 s) gets the keyboard, as a
 * window manager would give it. */
static inline gpointer
ui_focus_window_of_type (GType type)
{
  GtkWindow *window = NULL;

  for (int i = 0; i < 50 && (window = ui_find_window (type)) == NULL; i++)
    ui_pump (20);
  g_assert_nonnull (window);
  ui_pump (100);
  XSetInputFocus (ui_xdisplay (),
                  gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  XFlush (ui_xdisplay ());
  ui_pump (150);
  return window;
}

/* One key, pressed @delay_ms after the key before (the server keeps the
 * order and the time). */
static inline void
ui_key (KeySym sym,
        int    delay_ms)
{
  Display *dpy = ui_xdisplay ();
  KeyCode code = XKeysymToKeycode (dpy, sym);
  KeyCode shift = XKeysymToKeycode (dpy, XK_Shift_L);
  gboolean upper = (sym >= XK_A && sym <= XK_Z) || sym == XK_asterisk || sym == XK_plus;

  g_assert_cmpint (code, !=, 0);
  if (upper)
    XTestFakeKeyEvent (dpy, shift, True, delay_ms);
  XTestFakeKeyEvent (dpy, code, True, upper ? 0 : delay_ms);
  XTestFakeKeyEvent (dpy, code, False, 1);
  if (upper)
    XTestFakeKeyEvent (dpy, shift, False, 0);
  XFlush (dpy);
}

static inline KeySym
ui_keysym_of (char c)
{
  if (c == '*')
    return XK_asterisk;
  if (c == '.')
    return XK_period;
  return (KeySym) c;    /* digits and letters share their ASCII code */
}

/* Types @text with @gap_ms between keys, then Enter after @gap_ms when
 * @enter; waits until GTK has handled it all. */
static inline void
ui_type (const char *text,
         int         gap_ms,
         gboolean    enter)
{
  int n = 0;

  for (const char *p = text; *p; p++, n++)
    ui_key (ui_keysym_of (*p), gap_ms);
  if (enter)
    ui_key (XK_Return, gap_ms), n++;
  ui_pump (n * gap_ms + 250);
}

static inline void
ui_scan (const char *code)
{
  ui_type (code, 8, TRUE);
}

static inline void
ui_press (KeySym sym)
{
  ui_key (sym, 150);
  ui_pump (300);
}

/* @sym with @modifier (XK_Control_L, XK_Shift_L…) held down. */
static inline void
ui_press_with (KeySym modifier,
               KeySym sym)
{
  Display *dpy = ui_xdisplay ();
  KeyCode mod = XKeysymToKeycode (dpy, modifier);
  KeyCode code = XKeysymToKeycode (dpy, sym);

  XTestFakeKeyEvent (dpy, mod, True, 150);
  XTestFakeKeyEvent (dpy, code, True, 20);
  XTestFakeKeyEvent (dpy, code, False, 20);
  XTestFakeKeyEvent (dpy, mod, False, 20);
  XFlush (dpy);
  ui_pump (400);
}

static inline void
ui_press_ctrl (KeySym sym)
{
  ui_press_with (XK_Control_L, sym);
}

/* Widgets drawn over each other ------------------------------------------- */

/* What a person sees as one thing: its insides (a button's label, an
 * entry's text) are not compared with each other. */
static inline gboolean
ui_is_atom (GtkWidget *w)
{
  return GTK_IS_BUTTON (w) || GTK_IS_EDITABLE (w) || GTK_IS_LABEL (w) || GTK_IS_IMAGE (w) ||
         GTK_IS_DRAWING_AREA (w) || GTK_IS_PICTURE (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_SWITCH (w) ||
         GTK_IS_CHECK_BUTTON (w) || GTK_IS_SCALE (w) || GTK_IS_PROGRESS_BAR (w) || GTK_IS_LEVEL_BAR (w);
}

typedef struct {
  GtkWidget      *widget;
  graphene_rect_t bounds;    /* in @root's coordinates, clipped by its scrolled windows */
} UiAtom;

static inline void
ui_collect_atoms (GtkWidget       *root,
                  GtkWidget       *w,
                  graphene_rect_t *clip,
                  GArray          *atoms)
{
  graphene_rect_t bounds, inner;

  if (!gtk_widget_get_mapped (w) || gtk_widget_get_opacity (w) == 0.0)
    return;
  if (w != root && GTK_IS_NATIVE (w))    /* popovers and dialogs are their own screens */
    return;
  if (!gtk_widget_compute_bounds (w, root, &bounds))
    return;
  if (!graphene_rect_intersection (&bounds, clip, &inner) || inner.size.width < 1 || inner.size.height < 1)
    return;
  if (ui_is_atom (w))
    {
      UiAtom atom = { w, inner };

      if (GTK_IS_LABEL (w) && !*gtk_label_get_text (GTK_LABEL (w)))
        return;
      g_array_append_val (atoms, atom);
      return;
    }
  /* a folded leaflet draws only the pane it shows; the others stay mapped */
  if (ADW_IS_LEAFLET (w) && adw_leaflet_get_folded (ADW_LEAFLET (w)))
    {
      ui_collect_atoms (root, adw_leaflet_get_visible_child (ADW_LEAFLET (w)), clip, atoms);
      return;
    }
  /* what scrolls is seen only inside its viewport */
  if (GTK_IS_SCROLLED_WINDOW (w) || GTK_IS_VIEWPORT (w))
    clip = &inner;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    ui_collect_atoms (root, c, clip, atoms);
}

static inline char *
ui_describe_atom (const UiAtom *a)
{
  const char *text = GTK_IS_LABEL (a->widget) ? gtk_label_get_text (GTK_LABEL (a->widget))
                     : GTK_IS_BUTTON (a->widget) ? gtk_button_get_label (GTK_BUTTON (a->widget))
                     : GTK_IS_EDITABLE (a->widget) ? gtk_editable_get_text (GTK_EDITABLE (a->widget))
                     : NULL;
  g_autofree char *shortened = text ? g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 24)) : NULL;

  return g_strdup_printf ("%s “%s” at %.0f,%.0f %.0f×%.0f", G_OBJECT_TYPE_NAME (a->widget),
                          shortened ? shortened : "", a->bounds.origin.x, a->bounds.origin.y,
                          a->bounds.size.width, a->bounds.size.height);
}

/**
 * ui_assert_no_overlaps:
 * @where: the screen, for the message
 *
 * Fails when two things shown under @root (labels, buttons, entries,
 * pictures…; what is inside one of them is part of it) are drawn over
 * each other. What scrolls counts only where its viewport shows it.
 */
static inline void
ui_assert_no_overlaps (GtkWidget  *root,
                       const char *where)
{
  g_autoptr(GArray) atoms = g_array_new (FALSE, FALSE, sizeof (UiAtom));
  g_autoptr(GString) problems = g_string_new (NULL);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (root), gtk_widget_get_height (root));

  ui_collect_atoms (root, root, &all, atoms);
  for (guint i = 0; i < atoms->len; i++)
    for (guint j = i + 1; j < atoms->len; j++)
      {
        const UiAtom *a = &g_array_index (atoms, UiAtom, i);
        const UiAtom *b = &g_array_index (atoms, UiAtom, j);
        graphene_rect_t both;

        /* a pixel of rounding is not an overlap */
        if (!graphene_rect_intersection (&a->bounds, &b->bounds, &both) ||
            both.size.width <= 1 || both.size.height <= 1)
          continue;
        {
          g_autofree char *da = ui_describe_atom (a);
          g_autofree char *db = ui_describe_atom (b);

          g_string_append_printf (problems, "%s over %s\n", da, db);
        }
      }
  g_test_message ("%s: %u things, none over another", where, atoms->len);
  if (problems->len > 0)
    g_error ("%s: things drawn over each other:\n%s", where, problems->str);
}
