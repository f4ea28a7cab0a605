/* axw-ui-test-lib.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-ui-test-lib.h"

void
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

void
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

typedef struct {
  AxwSaleView *sale;
  const char  *what;
  const char  *needle;
} TextWanted;

static gboolean
sale_text_has (gpointer data)
{
  TextWanted *t = data;

  return strstr (axw_sale_view_get_text (t->sale, t->what), t->needle) != NULL;
}

/* Waits up to 5 s for the sale view's text @what (see
 * axw_sale_view_get_text()) to contain @needle. */
gboolean
ui_wait_text (UiFixture  *f,
              const char *what,
              const char *needle)
{
  TextWanted t = { f->sale, what, needle };

  return axw_test_wait_until (sale_text_has, &t, 5000);
}

typedef struct {
  GtkLabel   *label;
  const char *needle;
} LabelWanted;

static gboolean
label_shows (gpointer data)
{
  LabelWanted *l = data;

  return strstr (gtk_label_get_text (l->label), l->needle) != NULL;
}

/* Waits until @label's text contains @needle. */
gboolean
ui_wait_label (GtkLabel   *label,
               const char *needle,
               guint       timeout_ms)
{
  LabelWanted l = { label, needle };

  return axw_test_wait_until (label_shows, &l, timeout_ms);
}

typedef struct {
  UiFixture  *f;
  const char *sql;
  gint64      at_least;
} QueryWanted;

static gboolean
query_reaches (gpointer data)
{
  QueryWanted *q = data;

  return ui_query_int (q->f, q->sql) >= q->at_least;
}

/* Waits until the number @sql gives on the counter's database is
 * @at_least (a row a worker thread writes: a printed job, a failed PIN). */
gboolean
ui_wait_query (UiFixture  *f,
               const char *sql,
               gint64      at_least,
               guint       timeout_ms)
{
  QueryWanted q = { f, sql, at_least };

  return axw_test_wait_until (query_reaches, &q, timeout_ms);
}

/* 12 December 2026, 10:00 in Shanghai: 爱心日 and 爱心月 both hold. */
GDateTime *
ui_love_day (void)
{
  return g_date_time_new_utc (2026, 12, 12, 2, 0, 0);
}

/* The application and its window on @f's database, with the clock at
 * ui_love_day(). */
static void
start_app (UiFixture *f)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = ui_love_day ();
  g_autofree char *id = g_strdup_printf ("cn.aixinwu.Pos.Test%u", ++serial);

  /* one application per test, each with its own bus name */
  f->app = g_object_new (AXW_TYPE_APPLICATION, "application-id", id,
                         "flags", G_APPLICATION_NON_UNIQUE, "db-path", f->db_path, NULL);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_true (AXW_IS_WINDOW (f->window));
  f->sale = axw_window_get_sale_view (f->window);
  f->login = axw_window_get_login_view (f->window);
  axw_sale_view_set_clock (f->sale, day);
}

static void
stop_app (UiFixture *f)
{
  axw_application_apply_prefs (f->app, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_pump (50);
  g_application_quit (G_APPLICATION (f->app));
  g_clear_object (&f->app);
}

/* Closes the window and the application and starts both again on the
 * same database file, as a restart of the counter does. */
void
ui_restart (UiFixture *f)
{
  stop_app (f);
  start_app (f);
  ui_pump (200);
}

void
ui_setup (UiFixture     *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

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
  start_app (f);
  /* Receipts go to a file the tests can read back. */
  {
    g_autofree char *receipts = g_build_filename (f->dir, "receipts.bin", NULL);
    g_autofree char *printer = g_strconcat ("file:", receipts, NULL);

    g_assert_true (axw_settings_set (axw_application_get_db (f->app), "printer", printer, NULL));
  }
  ui_pump (300);
}

/* Chinese screens ---------------------------------------------------------- */

static void
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
void
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

void
ui_teardown (UiFixture     *f,
             gconstpointer  data)
{
  stop_app (f);
  axw_test_rm_rf (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* The first widget at or below @w (depth first) that @match accepts. */
GtkWidget *
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
gboolean
ui_is_type (GtkWidget     *w,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (w, GPOINTER_TO_SIZE (data));
}

/* The PIN is checked in a worker thread: waits (up to 10 s) for the
 * answer, the sale screen or the reason shown. */
void
ui_wait_login (UiFixture *f)
{
  axw_test_wait_idle (axw_login_view_is_checking, f->login, 10000);
}

/* Logs in through the actions a touch user triggers. */
void
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

gint64
ui_query_int (UiFixture  *f,
              const char *sql)
{
  return axw_db_query_int (axw_application_get_db (f->app), sql, -1);
}

static gboolean
label_has (GtkWidget     *w,
           gconstpointer  data)
{
  return GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), data) != NULL;
}

/* The first label at or below @w whose text has @needle. */
GtkWidget *
ui_find_label (GtkWidget  *w,
               const char *needle)
{
  return ui_find (w, label_has, needle);
}

/* A ui_find() matcher: a button labelled @data (mnemonic included). */
gboolean
ui_is_button_labelled (GtkWidget     *w,
                       gconstpointer  data)
{
  return GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), data) == 0;
}

/* The first button at or below @w labelled @label (mnemonic included). */
GtkWidget *
ui_find_button (GtkWidget  *w,
                const char *label)
{
  return ui_find (w, ui_is_button_labelled, label);
}

/* Clicks the button @label of @dialog, as a person does, and runs what
 * the click queued. */
void
ui_click (GtkWidget  *dialog,
          const char *label)
{
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = ui_find_button (dialog, label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  axw_test_flush ();
}

/* Keys through the X server ---------------------------------------------- */

Display *
ui_xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

void
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

/* One key, pressed @delay_ms after the key before (the server keeps the
 * order and the time). */
void
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

KeySym
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
void
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

void
ui_scan (const char *code)
{
  ui_type (code, 8, TRUE);
}

void
ui_press (KeySym sym)
{
  ui_key (sym, 150);
  ui_pump (300);
}

/* @sym with @modifier (XK_Control_L, XK_Shift_L…) held down. */
void
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

void
ui_press_ctrl (KeySym sym)
{
  ui_press_with (XK_Control_L, sym);
}

/* Widgets drawn over each other ------------------------------------------- */

/* What a person sees as one thing: its insides (a button's label, an
 * entry's text) are not compared with each other. */
gboolean
ui_is_atom (GtkWidget *w)
{
  return GTK_IS_BUTTON (w) || GTK_IS_EDITABLE (w) || GTK_IS_LABEL (w) || GTK_IS_IMAGE (w) ||
         GTK_IS_DRAWING_AREA (w) || GTK_IS_PICTURE (w) || GTK_IS_DROP_DOWN (w) ||
         GTK_IS_SWITCH (w) || GTK_IS_CHECK_BUTTON (w) || GTK_IS_SCALE (w) ||
         GTK_IS_PROGRESS_BAR (w) || GTK_IS_LEVEL_BAR (w);
}

static void
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
  if (!graphene_rect_intersection (&bounds, clip, &inner) ||
      inner.size.width < 1 || inner.size.height < 1)
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

/* What @a is and shows, and where, for a message.
 * Returns: (transfer full): the text */
char *
ui_describe_atom (const UiAtom *a)
{
  GtkWidget *w = a->widget;
  const char *text = GTK_IS_LABEL (w) ? gtk_label_get_text (GTK_LABEL (w))
                     : GTK_IS_BUTTON (w) ? gtk_button_get_label (GTK_BUTTON (w))
                     : GTK_IS_EDITABLE (w) ? gtk_editable_get_text (GTK_EDITABLE (w))
                     : NULL;
  g_autofree char *shortened =
    text ? g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 24)) : NULL;

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
void
ui_assert_no_overlaps (GtkWidget  *root,
                       const char *where)
{
  g_autoptr(GArray) atoms = g_array_new (FALSE, FALSE, sizeof (UiAtom));
  g_autoptr(GString) problems = g_string_new (NULL);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (root),
                                            gtk_widget_get_height (root));

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

/* The shown window of @type, or NULL. */
GtkWindow *
ui_find_window (GType type)
{
  g_autoptr(GList) tops = gtk_window_list_toplevels ();

  for (GList *l = tops; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
window_shown (gpointer type)
{
  return ui_find_window (GPOINTER_TO_SIZE (type)) != NULL;
}

/* The dialog of @type (waited for up to 1 s) gets the keyboard, as a
 * window manager would give it. */
gpointer
ui_focus_window_of_type (GType type)
{
  GtkWindow *window;

  g_assert_true (axw_test_wait_until (window_shown, GSIZE_TO_POINTER (type), 1000));
  window = ui_find_window (type);
  ui_pump (100);
  XSetInputFocus (ui_xdisplay (),
                  gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  XFlush (ui_xdisplay ());
  ui_pump (150);
  return window;
}

typedef struct {
  GtkFileChooser *chooser;
  const char     *path;
} Chosen;

static gboolean
chooser_answers (gpointer data)
{
  Chosen *c = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (c->chooser);
  g_autofree char *chosen = file ? g_file_get_path (file) : NULL;

  return g_strcmp0 (chosen, c->path) == 0;
}

/* The chooser takes its folder in its own time: waits until it would
 * answer @path, as it would once the person sees it. */
void
ui_wait_chosen (GtkFileChooser *chooser,
                const char     *path)
{
  Chosen c = { chooser, path };

  g_assert_true (axw_test_wait_until (chooser_answers, &c, 2000));
}
