/* axw-application.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "axw-application.h"
#include "axw-help-window.h"
#include "axw-held-sales.h"
#include "axw-backup.h"
#include "axw-demo.h"
#include "axw-error.h"
#include "axw-print-queue.h"
#include "axw-manager-window.h"
#include "axw-window.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

struct _AxwApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  AxwDb          *db;
  AxwFeedback    *feedback;
  GtkCssProvider *base_css;
  GtkCssProvider *scale_css;
  GtkCssProvider *contrast_css;
  int             font_scale_pct;
  gboolean        high_contrast;
  AxwManagerWindowFunc manager_window;
  guint           backup_id;
  GSettings      *settings;       /* NULL when the schema is not installed */
};

#define AXW_BACKUP_DELAY_S 5

G_DEFINE_FINAL_TYPE (AxwApplication, axw_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_FONT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

AxwApplication *
axw_application_new (const char *db_path)
{
  return g_object_new (AXW_TYPE_APPLICATION,
                       "application-id", AXW_APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "db-path", db_path,
                       NULL);
}

/* Returns: (transfer none) (nullable): the open database */
AxwDb *
axw_application_get_db (AxwApplication *self)
{
  g_return_val_if_fail (AXW_IS_APPLICATION (self), NULL);
  return self->db;
}

/**
 * axw_application_set_manager_window_func:
 * @func: (nullable): makes the manager's window (reports, stock…)
 *
 * The counter's “Manager” command (win.manager) opens what @func makes,
 * for managers only; without one it says there is nothing yet.
 */
void
axw_application_set_manager_window_func (AxwApplication       *self,
                                         AxwManagerWindowFunc  func)
{
  g_return_if_fail (AXW_IS_APPLICATION (self));
  self->manager_window = func;
}

AxwManagerWindowFunc
axw_application_get_manager_window_func (AxwApplication *self)
{
  g_return_val_if_fail (AXW_IS_APPLICATION (self), NULL);
  return self->manager_window;
}

/**
 * axw_application_restore_backup:
 * @file: a backup
 * @staff: the manager who restores (audited)
 * @out_safety_path: (out) (optional) (transfer full): where the data
 *   before the restore was saved
 *
 * Replaces the database this program has open with @file: refused while
 * a counter has goods in the cart or held sales (they would be lost);
 * otherwise the connection is closed, the file restored and opened
 * again (axw_backup_restore_open()), and every counter goes back to the
 * login screen, since the staff may differ. Runs on the GTK thread on
 * purpose: nothing may use the database while it is closed.
 */
gboolean
axw_application_restore_backup (AxwApplication  *self,
                                const char      *file,
                                const char      *staff,
                                char           **out_safety_path,
                                GError         **error)
{
  GList *windows;
  gboolean open_sale = FALSE;
  guint held;

  g_return_val_if_fail (AXW_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l; l = l->next)
    open_sale |= AXW_IS_WINDOW (l->data) && axw_window_has_open_sale (l->data);
  held = axw_held_sales_count (self->db);
  if (open_sale || held > 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("Not restored: a sale is open at the counter (%u held). Pay for it, or remove "
                     "its goods and recall the held sales, then restore."), held);
      return FALSE;
    }
  if (!axw_backup_restore_open (self->db, file, staff, out_safety_path, error))
    return FALSE;
  for (GList *l = windows; l; l = l->next)
    if (AXW_IS_WINDOW (l->data))
      axw_window_show_login (l->data);
  axw_application_apply_prefs (self, NULL);
  return TRUE;
}

/* Returns: (transfer none): sound and speech for every window */
AxwFeedback *
axw_application_get_feedback (AxwApplication *self)
{
  g_return_val_if_fail (AXW_IS_APPLICATION (self), NULL);
  return self->feedback;
}

int
axw_application_get_font_scale (AxwApplication *self)
{
  g_return_val_if_fail (AXW_IS_APPLICATION (self), 100);
  return self->font_scale_pct;
}

gboolean
axw_application_get_high_contrast (AxwApplication *self)
{
  g_return_val_if_fail (AXW_IS_APPLICATION (self), FALSE);
  return self->high_contrast;
}

/* The base size is larger than a desktop's: the counter is read from an
 * arm's length, often by people with low vision. */
static void
set_font_scale (AxwApplication *self,
                int             pct)
{
  g_autofree char *css = NULL;

  pct = CLAMP (pct, 100, 200);
  if (pct == self->font_scale_pct && self->scale_css != NULL)
    return;
  self->font_scale_pct = pct;
  css = g_strdup_printf ("window.axw-counter { font-size: %.2fpx; }", 17.0 * pct / 100.0);
  if (self->scale_css == NULL)
    {
      self->scale_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (self->scale_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  gtk_css_provider_load_from_data (self->scale_css, css, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

static void
set_high_contrast (AxwApplication *self,
                   gboolean        high_contrast)
{
  high_contrast = !!high_contrast;
  if (high_contrast == self->high_contrast)
    return;
  self->high_contrast = high_contrast;
  /* parsed the first time someone needs it, not at every start */
  if (high_contrast && self->contrast_css == NULL)
    {
      self->contrast_css = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (self->contrast_css,
                                           "/cn/aixinwu/Pos/ui/axw-style-hc.css");
    }
  if (high_contrast)
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (self->contrast_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
  else
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->contrast_css));
}

/**
 * axw_application_apply_prefs:
 * @prefs: (nullable): a staff member's settings, %NULL for the defaults
 *
 * Font scale, high contrast, sound and speech of whoever is logged in.
 */
void
axw_application_apply_prefs (AxwApplication *self,
                             const AxwStaff *prefs)
{
  g_return_if_fail (AXW_IS_APPLICATION (self));

  set_font_scale (self, prefs ? prefs->font_scale_pct : 100);
  set_high_contrast (self, prefs ? prefs->high_contrast : FALSE);
  axw_feedback_set_sound (self->feedback, prefs ? prefs->sound : TRUE);
  axw_feedback_set_speech (self->feedback, prefs ? prefs->speech : FALSE);
}

static void
show_error_window (AxwApplication *self,
                   const char     *message)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The shop database cannot be opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), message);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = axw_backup_daily_finish (result, &error);

  if (error != NULL)
    g_message ("daily backup: %s", error->message);
  else if (path != NULL)
    g_message ("daily backup: %s", path);
}

/* The daily backup, checked as a restore would check it, in a worker
 * thread: it is also the full integrity check of a large database. It
 * reads every page, so it waits until the counter is up: on a two-core
 * terminal it would otherwise slow the first frame. */
static gboolean
daily_backup_cb (gpointer data)
{
  AxwApplication *self = data;

  self->backup_id = 0;
  if (g_file_test (self->db_path, G_FILE_TEST_EXISTS))
    axw_backup_daily_async (self->db_path, NULL, NULL, backup_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* The installed schema (data/cn.aixinwu.Pos.gschema.xml): how this
 * terminal's window was left and which file it opened last. A counter run
 * from the build tree has none, and then uses the defaults. */
static GSettings *
terminal_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source
    ? g_settings_schema_source_lookup (source, AXW_APP_ID, TRUE) : NULL;

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
window_maximized_cb (GtkWindow      *window,
                     GParamSpec     *pspec,
                     AxwApplication *self)
{
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
}

static gboolean
open_db (AxwApplication  *self,
         GError         **error)
{
  g_autofree char *dir = NULL;

  if (self->db_path == NULL)
    self->db_path = g_strdup (g_getenv ("AIXINWU_DB"));
  if ((self->db_path == NULL || *self->db_path == '\0') && self->settings != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_settings_get_string (self->settings, "last-database");
    }
  if (self->db_path == NULL || *self->db_path == '\0')
    {
      g_free (self->db_path);
      self->db_path = axw_db_default_path ();
    }
  dir = g_path_get_dirname (self->db_path);
  g_mkdir_with_parents (dir, 0700);
  self->db = axw_db_open (self->db_path, error);
  if (self->db == NULL)
    return FALSE;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", self->db_path);
  /* Jobs left "printing" by a crash go back to the queue. A database
   * without staff is set up by the window (AxwSetupAssistant); the demo
   * shop comes only from "aixinwu init --demo". */
  return axw_print_queue_recover (self->db, error);
}

static void
axw_application_activate (GApplication *app)
{
  AxwApplication *self = AXW_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->db == NULL && !open_db (self, &error))
    {
      show_error_window (self, error->message);
      return;
    }
  window = GTK_WINDOW (axw_window_new (self));
  /* a counter fills its screen unless someone un-maximized it, and stays so */
  if (self->settings != NULL)
    {
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (window);
      /* written when the window manager changes it, never at start: with
       * no window manager (a bare kiosk X session) it would read FALSE */
      g_signal_connect_object (window, "notify::maximized", G_CALLBACK (window_maximized_cb), self,
                               0);
    }
  gtk_window_present (window);
  if (self->backup_id == 0)
    self->backup_id = g_timeout_add_seconds (AXW_BACKUP_DELAY_S, daily_backup_cb, self);
}

/* docs/design.md §11: the counter speaks Chinese unless someone chose English
 * (AIXINWU_LANGUAGE=en, or the button on the login screen). */
static void
choose_language (void)
{
  const char *chosen = g_getenv ("AIXINWU_LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);
  g_autofree char *mo = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);

  /* gettext ignores LANGUAGE in the plain C locale */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
  g_setenv ("LANGUAGE", chosen && *chosen ? chosen : "zh_CN", TRUE);
#ifdef AXW_BUILD_LOCALEDIR
  /* running from the build tree */
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    bindtextdomain (GETTEXT_PACKAGE, AXW_BUILD_LOCALEDIR);
  else
#endif
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Every command of the counter and its keys. Function keys and Ctrl
 * combinations only: plain keys belong to whatever is being typed. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.help",                { "F1", NULL } },
  { "win.show-help-overlay",   { "<Control>question", NULL } },
  { "sale.switch-cashier",     { "F2", NULL } },
  { "sale.search",             { "F3", "<Control>f", NULL } },
  { "sale.set-qty",            { "F4", NULL } },
  { "sale.red-packet",         { "F5", NULL } },
  { "sale.hold",               { "F6", NULL } },
  { "sale.recall",             { "F7", NULL } },
  { "sale.remove-line",        { "F8", "<Control>Delete", NULL } },
  { "sale.pay('wechat')",      { "F9", NULL } },
  { "sale.pay('alipay')",      { "F10", NULL } },
  { "sale.pay('unionpay')",    { "F11", NULL } },
  { "sale.pay('cash')",        { "F12", NULL } },
  { "sale.qty-plus",           { "KP_Add", "<Control>Up", NULL } },
  { "sale.qty-minus",          { "KP_Subtract", "<Control>Down", NULL } },
  { "sale.undo",               { "<Control>z", NULL } },
  { "sale.override-price",     { "<Control>r", NULL } },
  { "sale.void",               { "<Control><Shift>v", NULL } },
  { "sale.no-sale",            { "<Control><Shift>d", NULL } },
  { "sale.return",             { "<Control><Shift>r", NULL } },
  { "sale.discard",            { "<Shift>F8", NULL } },
  { "sale.donate('one')",      { "<Control>d", NULL } },
  { "sale.donate('round')",    { "<Control>u", NULL } },
  { "sale.donate('round10')",  { "<Control><Shift>u", NULL } },
  { "sale.reprint",            { "<Control>p", NULL } },
  { "sale.donation-receipt",   { "<Control><Shift>p", NULL } },
  { "sale.settings",           { "<Control>comma", NULL } },
  { "sale.phrase(0)",         { "<Alt>1", NULL } },
  { "sale.phrase(1)",         { "<Alt>2", NULL } },
  { "sale.phrase(2)",         { "<Alt>3", NULL } },
  { "sale.phrase(3)",         { "<Alt>4", NULL } },
  { "sale.phrase(4)",         { "<Alt>5", NULL } },
  { "sale.phrase(5)",         { "<Alt>6", NULL } },
  { "sale.phrase(6)",         { "<Alt>7", NULL } },
  { "sale.phrase(7)",         { "<Alt>8", NULL } },
  { "sale.phrase(8)",         { "<Alt>9", NULL } },
  { "win.manager",             { "<Control>m", NULL } },
  { "sale.back",               { "Escape", NULL } },
  { "login.back",              { "Escape", NULL } },
};

/**
 * axw_application_add_shortcuts:
 * @prefix: "sale." — the actions of @widget
 *
 * Application accelerators only reach actions of the window and above;
 * the counter's actions belong to its screens. This gives @widget a
 * shortcut controller with the keys set in startup for its actions, run
 * before any child sees the key.
 */
void
axw_application_add_shortcuts (AxwApplication *self,
                               GtkWidget      *widget,
                               const char     *prefix)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (AXW_IS_APPLICATION (self));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) keys = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      if (!g_str_has_prefix (accels[i].action, prefix) ||
          !g_action_parse_detailed_name (accels[i].action, &name, &target, NULL))
        continue;
      keys = gtk_application_get_accels_for_action (GTK_APPLICATION (self), accels[i].action);
      for (guint k = 0; keys[k]; k++)
        {
          GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[k]),
                                                    gtk_named_action_new (name));

          if (target)
            gtk_shortcut_set_arguments (shortcut, target);
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
        }
    }
  gtk_widget_add_controller (widget, controller);
}

#ifdef GDK_WINDOWING_X11
static gboolean
x_server_has_dri (Display *dpy)
{
  int op, event, error;

  return XQueryExtension (dpy, "DRI3", &op, &event, &error) ||
         XQueryExtension (dpy, "DRI2", &op, &event, &error) ||
         XQueryExtension (dpy, "NV-GLX", &op, &event, &error);
}
#endif

/* Mesa draws in software when nothing else says so: forced by the
 * environment, no GPU render node at all, or (once GDK's @display is
 * open) an X server without DRI2 or DRI3 (Xvfb, a remote display) unless
 * it is NVIDIA's own. (A second X connection of our own before GTK's
 * made GTK's fail now and then under Xvfb.) */
static gboolean
gl_is_software (GdkDisplay *display)
{
  const char *forced = g_getenv ("LIBGL_ALWAYS_SOFTWARE");
  const char *gallium = g_getenv ("GALLIUM_DRIVER");
  g_autoptr(GDir) dri = NULL;
  const char *name;

  if ((forced && *forced && !g_str_equal (forced, "0")) ||
      (gallium && (g_str_equal (gallium, "llvmpipe") || g_str_equal (gallium, "softpipe"))))
    return TRUE;
#ifdef GDK_WINDOWING_X11
  if (display != NULL && GDK_IS_X11_DISPLAY (display) &&
      !x_server_has_dri (gdk_x11_display_get_xdisplay (display)))
    return TRUE;
#endif
  dri = g_dir_open ("/dev/dri", 0, NULL);
  while (dri && (name = g_dir_read_name (dri)))
    if (g_str_has_prefix (name, "renderD"))
      return FALSE;
  return TRUE;
}

/**
 * axw_application_choose_renderer:
 * @display: (nullable): GDK's display when GTK has started, %NULL before
 *
 * With software GL (llvmpipe on a terminal without a GPU, Xvfb) GTK's GL
 * renderer paints the whole window for every scan, 50–200 ms a frame on
 * the counter; cairo paints only what changed. So cairo is chosen there.
 * Before GTK starts (@display %NULL), GDK is also told not to set up GL
 * at all (GDK_DEBUG=gl-disable): even a window drawn by cairo pays for
 * Mesa's start-up otherwise. GSK_RENDERER set by the user always wins
 * (docs/developer-guide.md, "Renderer").
 *
 * Returns: the renderer in use: the user's GSK_RENDERER, "cairo", or
 *   %NULL for GTK's own choice
 */
const char *
axw_application_choose_renderer (GdkDisplay *display)
{
  const char *user = g_getenv ("GSK_RENDERER");
  const char *debug = g_getenv ("GDK_DEBUG");

  if (user != NULL && *user != '\0')
    return user;
  if (!gl_is_software (display))
    return NULL;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (display == NULL && (debug == NULL || strstr (debug, "gl-disable") == NULL))
    {
      g_autofree char *flags = debug && *debug ? g_strconcat (debug, ",gl-disable", NULL)
                                               : g_strdup ("gl-disable");

      g_setenv ("GDK_DEBUG", flags, TRUE);
    }
  return "cairo";
}

/* F1 or 帮助: the staff's guide over the window in front. */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       app)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (active && AXW_IS_HELP_WINDOW (active))
    gtk_window_present (active);
  else
    axw_help_window_show (active);
}

static void
axw_application_startup (GApplication *app)
{
  AxwApplication *self = AXW_APPLICATION (app);
  gboolean overlay;

  choose_language ();
  /* the same resources whatever the application id (tests use their own) */
  g_application_set_resource_base_path (app, "/cn/aixinwu/Pos");
  /* before GTK starts (GDK reads GDK_DEBUG when it opens the display),
   * and again with the display open: GSK_RENDERER is read only when the
   * first window gets its renderer */
  if (axw_application_choose_renderer (gdk_display_get_default ()) == NULL)
    {
      G_APPLICATION_CLASS (axw_application_parent_class)->startup (app);
      axw_application_choose_renderer (gdk_display_get_default ());
    }
  else
    G_APPLICATION_CLASS (axw_application_parent_class)->startup (app);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* A steady text cursor, and scrollbars that are always there instead of
   * fading in over the list and out again: easier to find for staff with
   * low vision or attention difficulties, a scrollbar to drag for those
   * who cannot swipe, and no frames drawn while nobody does anything (a
   * blink every half second, a second of fading after each scroll), so a
   * scan's frame starts at once instead of waiting for an animation's
   * frame slot. Set only when not yet so: a GTK 4.8 scrolled window
   * leaves its handler of this setting's notification behind when it is
   * unrealized (it disconnects another function), so a second notification
   * would call it on a freed window (a test process starts several). */
  g_object_get (gtk_settings_get_default (), "gtk-overlay-scrolling", &overlay, NULL);
  if (overlay)
    g_object_set (gtk_settings_get_default (), "gtk-overlay-scrolling", FALSE, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  {
    static const GActionEntry entries[] = { { .name = "help", .activate = help_activated } };

    g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  }
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->base_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->base_css, "/cn/aixinwu/Pos/ui/axw-style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->base_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  axw_application_apply_prefs (self, NULL);
  axw_feedback_watch_screen_reader (self->feedback);
  if (self->manager_window == NULL)
    self->manager_window = axw_manager_window_open;
}

static void
axw_application_shutdown (GApplication *app)
{
  AxwApplication *self = AXW_APPLICATION (app);
  GdkDisplay *display = gdk_display_get_default ();

  g_clear_handle_id (&self->backup_id, g_source_remove);
  if (self->base_css)
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->base_css));
  if (self->scale_css)
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->scale_css));
  set_high_contrast (self, FALSE);
  G_APPLICATION_CLASS (axw_application_parent_class)->shutdown (app);
}

static void
axw_application_finalize (GObject *object)
{
  AxwApplication *self = AXW_APPLICATION (object);

  /* an application that was never run has no shutdown */
  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_object (&self->db);
  g_clear_object (&self->feedback);
  g_clear_object (&self->base_css);
  g_clear_object (&self->scale_css);
  g_clear_object (&self->contrast_css);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (axw_application_parent_class)->finalize (object);
}

static void
axw_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AxwApplication *self = AXW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_free (self->db_path);
      self->db_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AxwApplication *self = AXW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_FONT_SCALE:
      g_value_set_int (value, self->font_scale_pct);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_application_class_init (AxwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = axw_application_finalize;
  object_class->set_property = axw_application_set_property;
  object_class->get_property = axw_application_get_property;
  app_class->activate = axw_application_activate;
  app_class->startup = axw_application_startup;
  app_class->shutdown = axw_application_shutdown;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* of whoever is logged in, in % (100–200) */
  properties[PROP_FONT_SCALE] =
    g_param_spec_int ("font-scale", NULL, NULL, 100, 200, 100,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
axw_application_init (AxwApplication *self)
{
  self->feedback = axw_feedback_new ();
  self->settings = terminal_settings ();
}
