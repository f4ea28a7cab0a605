/* axw-window.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter window: the login screen, then the sale screen. It listens
 * to every key before any widget does (capture phase) to catch scanner
 * bursts wherever the focus is, with or without an input method.
 */
#include <glib/gi18n.h>

#include "axw-a11y.h"
#include "axw-feedback.h"
#include "axw-pole-view.h"
#include "axw-scan-detector.h"
#include "axw-settings.h"
#include "axw-setup-assistant.h"
#include "axw-staff.h"
#include "axw-window.h"

struct _AxwWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  AxwLoginView         *login_view;
  AxwSaleView          *sale_view;
  AxwSetupAssistant    *setup;
  AxwCustomerDisplay   *customer_display;
  char                 *customer_where;   /* where it was placed */
  AxwPoleDisplay       *pole;
  char                 *pole_where;       /* its display.pole and commands */
  AxwScanDetector       detector;
  guint                 flush_id;
  guint                 prebuild_id;
  guint                 n_scans;
  guint32               last_scan_time;
  /* the focused text as it was before the first character of a burst */
  GtkEditable          *snap_widget;
  char                 *snap_text;
  int                   snap_pos;
};

G_DEFINE_FINAL_TYPE (AxwWindow, axw_window, ADW_TYPE_APPLICATION_WINDOW)

static AxwApplication *
app (AxwWindow *self)
{
  return AXW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* The editable that has the keyboard focus, if any. */
static GtkEditable *
focused_editable (AxwWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return GTK_IS_EDITABLE (focus) ? GTK_EDITABLE (focus) : NULL;
}

/* Characters held back from a burst that was a person typing after all. */
static void
deliver_pending (AxwWindow *self)
{
  g_autofree char *pending = axw_scan_detector_take_pending (&self->detector);
  GtkEditable *editable = focused_editable (self);
  int pos;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (pending == NULL || editable == NULL || !gtk_editable_get_editable (editable))
    return;
  pos = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, pending, -1, &pos);
  gtk_editable_set_position (editable, pos);
}

static gboolean
flush_cb (gpointer data)
{
  AxwWindow *self = data;

  self->flush_id = 0;
  axw_scan_detector_interrupt (&self->detector);
  deliver_pending (self);
  return G_SOURCE_REMOVE;
}

static void
snapshot_focus (AxwWindow *self)
{
  GtkEditable *editable = focused_editable (self);

  g_set_weak_pointer (&self->snap_widget, editable);
  g_clear_pointer (&self->snap_text, g_free);
  if (editable == NULL)
    return;
  self->snap_text = g_strdup (gtk_editable_get_text (editable));
  self->snap_pos = gtk_editable_get_position (editable);
}

/* The first character of a scan went to the focus widget before anyone
 * could know it was a scan, and an input method may have turned it into
 * something else: put the text back as it was and drop any preedit. */
static void
take_back_first_char (AxwWindow *self)
{
  GtkEditable *editable = focused_editable (self);
  GtkWidget *parent;

  if (editable == NULL || editable != self->snap_widget || self->snap_text == NULL)
    return;
  parent = gtk_widget_get_parent (GTK_WIDGET (editable));
  if (GTK_IS_ENTRY (parent))
    gtk_entry_reset_im_context (GTK_ENTRY (parent));
  if (!g_str_equal (gtk_editable_get_text (editable), self->snap_text))
    gtk_editable_set_text (editable, self->snap_text);
  gtk_editable_set_position (editable, self->snap_pos);
}

static void
scanned (AxwWindow  *self,
         const char *code)
{
  self->n_scans++;
  take_back_first_char (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "sale"))
    axw_sale_view_scan (axw_window_get_sale_view (self), code);
  else
    axw_feedback_play (axw_application_get_feedback (app (self)), AXW_SOUND_ERROR,
                       GTK_WIDGET (self));
}

static gboolean
is_modifier (guint keyval)
{
  return (keyval >= GDK_KEY_Shift_L && keyval <= GDK_KEY_Hyper_R) ||
         keyval == GDK_KEY_ISO_Level3_Shift || keyval == GDK_KEY_ISO_Level5_Shift;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AxwWindow             *self)
{
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller));
  g_autofree char *code = NULL;
  gunichar c;

  if (is_modifier (keyval))
    return GDK_EVENT_PROPAGATE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    {
      axw_scan_detector_interrupt (&self->detector);
      deliver_pending (self);
      return GDK_EVENT_PROPAGATE;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      if (axw_scan_detector_feed_enter (&self->detector, time, &code) == AXW_SCAN_DONE)
        {
          g_clear_handle_id (&self->flush_id, g_source_remove);
          self->last_scan_time = time;
          scanned (self, code);
          return GDK_EVENT_STOP;
        }
      deliver_pending (self);
      return GDK_EVENT_PROPAGATE;
    }
  c = gdk_keyval_to_unicode (keyval);
  if (axw_scan_detector_feed_char (&self->detector, c, time) == AXW_SCAN_SWALLOW)
    {
      /* not a cashier timeout: only how long a burst may pause */
      g_clear_handle_id (&self->flush_id, g_source_remove);
      self->flush_id = g_timeout_add (AXW_SCAN_MAX_GAP_MS * 3, flush_cb, self);
      return GDK_EVENT_STOP;
    }
  deliver_pending (self);
  /* this character may start a burst */
  if (c > 0x20 && c < 0x7f)
    snapshot_focus (self);
  return GDK_EVENT_PROPAGATE;
}

/* win.manager: the manager screens, when that part of the program has
 * registered them and a manager is at the counter. */
static void
manager_activate_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  AxwWindow *self = data;
  AxwManagerWindowFunc func = axw_application_get_manager_window_func (app (self));
  const AxwStaff *staff = self->sale_view ? axw_sale_view_get_staff (self->sale_view) : NULL;
  GtkWindow *window;

  /* on the login screen nobody is at the counter yet: the sale screen has
   * no staff to tell, so the window says it */
  if (staff == NULL)
    {
      AxwFeedback *feedback = axw_application_get_feedback (app (self));

      axw_feedback_play (feedback, AXW_SOUND_ERROR, GTK_WIDGET (self));
      axw_feedback_say (feedback, _("Only a manager can open the manager screens"));
      return;
    }
  if (!staff->manager || func == NULL)
    {
      axw_sale_view_show_message (axw_window_get_sale_view (self), TRUE,
                                  staff->manager ? _("The manager screens are not installed")
                                                          : _("Only a manager can open the manager screens"));
      return;
    }
  window = func (app (self), staff);
  if (window == NULL)
    return;
  gtk_window_set_transient_for (window, GTK_WINDOW (self));
  gtk_window_present (window);
}

static char *
setting_or_env (AxwWindow  *self,
                const char *key,
                const char *env)
{
  if (g_getenv (env) != NULL)
    return g_strdup (g_getenv (env));
  return axw_settings_get (axw_application_get_db (app (self)), key);
}

/* The customer display, where "display.customer" says (AIXINWU_CUSTOMER_DISPLAY
 * overrides it, for tests): read again at each login, so a change in
 * Settings takes effect at the next one. */
static void
open_customer_display (AxwWindow *self)
{
  AxwSaleView *sale = axw_window_get_sale_view (self);
  g_autofree char *where = setting_or_env (self, "display.customer", "AIXINWU_CUSTOMER_DISPLAY");
  g_autoptr(GError) error = NULL;

  if (self->customer_display != NULL && g_strcmp0 (where, self->customer_where) == 0)
    return;
  if (self->customer_display != NULL)
    gtk_window_destroy (GTK_WINDOW (self->customer_display));
  self->customer_display = NULL;
  g_clear_pointer (&self->customer_where, g_free);
  if (where == NULL || *where == '\0' || g_str_equal (where, "off"))
    return;
  self->customer_display = axw_customer_display_new (app (self), axw_sale_view_get_model (sale));
  if (!axw_customer_display_place (self->customer_display, where, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self->customer_display));
      self->customer_display = NULL;
      axw_sale_view_show_message (sale, FALSE, error->message);
      return;
    }
  self->customer_where = g_steal_pointer (&where);
  /* the keyboard stays with the cashier */
  gtk_window_present (GTK_WINDOW (self));
}

static void
pole_problem_cb (AxwWindow  *self,
                 const char *text)
{
  axw_sale_view_show_message (axw_window_get_sale_view (self), FALSE, text);
}

/* The pole display, as "display.pole" and "display.pole_commands" say
 * (AIXINWU_POLE and AIXINWU_POLE_COMMANDS override them, for tests);
 * read again at each login. */
static void
open_pole (AxwWindow *self)
{
  g_autofree char *target = setting_or_env (self, "display.pole", "AIXINWU_POLE");
  g_autofree char *commands = setting_or_env (self, "display.pole_commands",
                                              "AIXINWU_POLE_COMMANDS");
  g_autofree char *where = g_strconcat (target ? target : "", " ", commands ? commands : "", NULL);
  g_autofree char *device = NULL;
  AxwPoleCommands set = AXW_POLE_ESCPOS;
  guint baud = 0;

  if (self->pole != NULL && g_strcmp0 (where, self->pole_where) == 0)
    return;
  g_clear_object (&self->pole);
  g_clear_pointer (&self->pole_where, g_free);
  if (!axw_pole_target_parse (target, &device, &baud) || device == NULL)
    return;
  axw_pole_commands_parse (commands, &set);
  self->pole = axw_pole_display_new (device, baud, set);
  self->pole_where = g_steal_pointer (&where);
  g_signal_connect_object (self->pole, "problem", G_CALLBACK (pole_problem_cb), self,
                           G_CONNECT_SWAPPED);
  axw_pole_view_attach (self->pole, axw_sale_view_get_model (axw_window_get_sale_view (self)));
  {
    AxwPoleFrame welcome = { AXW_POLE_WELCOME, 0, 0, 0 };

    axw_pole_display_show (self->pole, &welcome);
  }
}

static void
logged_in_cb (AxwWindow *self,
              AxwStaff  *staff)
{
  /* made first: the stack cannot show a page it does not have yet */
  AxwSaleView *sale = axw_window_get_sale_view (self);

  axw_application_apply_prefs (app (self), staff);
  gtk_stack_set_visible_child_name (self->stack, "sale");
  axw_sale_view_start (sale, app (self), staff);
  open_customer_display (self);
  open_pole (self);
}

static void
switch_cashier_cb (AxwWindow *self)
{
  axw_login_view_reset (self->login_view, app (self));
  gtk_stack_set_visible_child_name (self->stack, "login");
}

/* A staff member who reads English better: the whole window is made
 * again in the other language. */
static void
language_cb (AxwWindow *self)
{
  AxwApplication *application = app (self);
  gboolean english = g_str_has_prefix (g_get_language_names ()[0], "en");
  GtkWindow *fresh;

  g_setenv ("AIXINWU_LANGUAGE", english ? "zh_CN" : "en", TRUE);
  g_setenv ("LANGUAGE", english ? "zh_CN" : "en", TRUE);
  textdomain (GETTEXT_PACKAGE);
  fresh = GTK_WINDOW (axw_window_new (application));
  gtk_window_present (fresh);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The sale screen is built while the cashier chooses a name and types
 * the PIN: once the login screen is on screen and the counter is idle
 * (a low-priority idle runs after the frame), not before the first frame. */
static gboolean
prebuild_sale_cb (gpointer data)
{
  AxwWindow *self = data;

  self->prebuild_id = 0;
  axw_window_get_sale_view (self);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                AxwWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  if (self->sale_view == NULL && self->prebuild_id == 0)
    self->prebuild_id = g_idle_add_full (G_PRIORITY_LOW, prebuild_sale_cb, self, NULL);
}

static void
axw_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (axw_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_paint_cb), widget, 0);
}

static void
axw_window_dispose (GObject *object)
{
  AxwWindow *self = AXW_WINDOW (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_handle_id (&self->prebuild_id, g_source_remove);
  g_clear_weak_pointer (&self->snap_widget);
  g_clear_pointer (&self->snap_text, g_free);
  if (self->customer_display != NULL)
    gtk_window_destroy (GTK_WINDOW (self->customer_display));
  self->customer_display = NULL;
  g_clear_pointer (&self->customer_where, g_free);
  g_clear_object (&self->pole);
  g_clear_pointer (&self->pole_where, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_WINDOW);

  G_OBJECT_CLASS (axw_window_parent_class)->dispose (object);
}

static void
axw_window_finalize (GObject *object)
{
  AxwWindow *self = AXW_WINDOW (object);

  axw_scan_detector_clear (&self->detector);
  G_OBJECT_CLASS (axw_window_parent_class)->finalize (object);
}

static void
axw_window_class_init (AxwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_window_dispose;
  object_class->finalize = axw_window_finalize;
  widget_class->realize = axw_window_realize;

  g_type_ensure (AXW_TYPE_LOGIN_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/cn/aixinwu/Pos/ui/axw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AxwWindow, login_view);
}

static void
axw_window_init (AxwWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  static const GActionEntry entries[] = {
    { .name = "manager", .activate = manager_activate_cb },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  axw_scan_detector_init (&self->detector);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (self->login_view, "logged-in", G_CALLBACK (logged_in_cb), self);
  g_signal_connect_swapped (self->login_view, "language-toggled", G_CALLBACK (language_cb), self);
  /* the title bar's buttons exist once the window is shown */
  g_signal_connect (self, "map", G_CALLBACK (axw_a11y_name_controls), NULL);
  axw_a11y_name_controls (GTK_WIDGET (self));
}

static void
setup_finished_cb (AxwWindow *self)
{
  switch_cashier_cb (self);
  gtk_stack_remove (self->stack, GTK_WIDGET (self->setup));
  self->setup = NULL;
}

/* A database without staff has nobody who could log in: the shop is set
 * up first, with a manager whose PIN the shop chose (never a default). */
static gboolean
needs_setup (AxwApplication *application)
{
  g_autoptr(GPtrArray) staff = axw_staff_list (axw_application_get_db (application), NULL);

  return staff != NULL && staff->len == 0;
}

AxwWindow *
axw_window_new (AxwApplication *application)
{
  AxwWindow *self = g_object_new (AXW_TYPE_WINDOW, "application", application, NULL);

  axw_application_add_shortcuts (application, GTK_WIDGET (self->login_view), "login.");
  axw_login_view_reset (self->login_view, application);
  if (needs_setup (application))
    {
      self->setup = axw_setup_assistant_new (axw_application_get_db (application));
      gtk_stack_add_titled (self->stack, GTK_WIDGET (self->setup), "setup",
                            _("Setting up the shop"));
      gtk_stack_set_visible_child_name (self->stack, "setup");
      g_signal_connect_swapped (self->setup, "finished", G_CALLBACK (setup_finished_cb), self);
    }
  return self;
}

/* Returns: (transfer none) (nullable): the setup assistant while the
 * shop is being set up */
AxwSetupAssistant *
axw_window_get_setup_assistant (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), NULL);
  return self->setup;
}

AxwLoginView *
axw_window_get_login_view (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), NULL);
  return self->login_view;
}

/* The sale screen is made at the first login, not at start: the login
 * screen comes up sooner. */
AxwSaleView *
axw_window_get_sale_view (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), NULL);

  if (self->sale_view == NULL)
    {
      self->sale_view = g_object_new (AXW_TYPE_SALE_VIEW, NULL);
      gtk_stack_add_titled (self->stack, GTK_WIDGET (self->sale_view), "sale", _("Counter"));
      g_signal_connect_swapped (self->sale_view, "switch-cashier", G_CALLBACK (switch_cashier_cb),
                                self);
      axw_application_add_shortcuts (app (self), GTK_WIDGET (self->sale_view), "sale.");
    }
  return self->sale_view;
}

/* Returns: (transfer none) (nullable): the customer display, when one is shown */
AxwCustomerDisplay *
axw_window_get_customer_display (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), NULL);
  return self->customer_display;
}

/* Returns: (transfer none) (nullable): the pole display, when one is set */
AxwPoleDisplay *
axw_window_get_pole_display (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), NULL);
  return self->pole;
}

/* Returns: "setup", "login" or "sale" */
const char *
axw_window_get_screen (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
axw_window_get_n_scans (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), 0);
  return self->n_scans;
}

/**
 * axw_window_get_last_scan_time:
 *
 * Returns: the event time (ms, the display server's clock) of the Enter
 *   that ended the last scanner burst, 0 before the first
 */
guint32
axw_window_get_last_scan_time (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), 0);
  return self->last_scan_time;
}

/* Goods in the cart; see axw_sale_view_has_open_sale() */
gboolean
axw_window_has_open_sale (AxwWindow *self)
{
  g_return_val_if_fail (AXW_IS_WINDOW (self), FALSE);

  return self->sale_view != NULL && axw_sale_view_has_open_sale (self->sale_view);
}

/* Back to the login screen, its staff list read again (after a restore) */
void
axw_window_show_login (AxwWindow *self)
{
  g_return_if_fail (AXW_IS_WINDOW (self));
  switch_cashier_cb (self);
}
