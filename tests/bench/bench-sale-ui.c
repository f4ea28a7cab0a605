/* bench-sale-ui.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter's two felt delays, on a catalog of 100 000 products:
 *  - a scan to its line drawn in the cart (the frame painted after the
 *    scan), through the same call the scanner detector makes, and end to
 *    end through the X server (burst typed with XTest, minus its own
 *    typing time);
 *  - cold start: process start to the first frame of the login screen,
 *    and to the first frame of the sale screen after a PIN login,
 *    against a minimal GTK 4 window, in fresh processes;
 *  - peak memory (VmHWM) of a fresh counter process after the PIN login and
 *    20 scans, against a minimal libadwaita window;
 *  - the customer's side (issue 15): a scan to its line drawn on the
 *    customer display, beside the cashier's own frame in the same run, and
 *    to the first byte of the pole display read from a pseudo-terminal.
 * Prints numbers; not a timed test. Needs a display (make bench runs Xvfb).
 * `bench-sale-ui --rss` measures only the memory, `--display` only the
 * customer's side; AXW_RSS_DEBUG=1 also
 * prints the counter's /proc status and its largest mappings to stderr.
 */
#define _GNU_SOURCE   /* openpty */
#include <glib/gstdio.h>
#include <pty.h>
#include <unistd.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "axw-db-sql.h"
#include "axw-application.h"
#include "axw-cli.h"
#include "axw-customer-display.h"
#include "axw-pole-view.h"
#include "axw-test-lib.h"
#include "axw-window.h"

#define N_PRODUCTS 100000
#define N_SCANS    300
#define N_XTEST    200
#define N_STARTS   7
#define N_RSS      3
#define N_RSS_SCANS 20

static void
report (const char *what,
        GArray     *ms)
{
  g_print ("%-52s n=%-4u p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms\n", what, ms->len,
           axw_test_percentile (ms, 50), axw_test_percentile (ms, 99),
           axw_test_percentile (ms, 100));
}

static void
fill (const char *path)
{
  g_autoptr(AxwDb) db = axw_db_open (path, NULL);
  sqlite3_stmt *stmt;

  g_assert_nonnull (db);
  g_assert_true (axw_cli_init_demo (db, NULL));
  g_assert_true (axw_db_begin (db, NULL));
  stmt = axw_db_prepare (db,
                         "INSERT INTO products (barcode, name, price_fen, aid_eligible, "
                         "stock_milli, "
                             "pinyin, updated_at) VALUES (?, ?, ?, ?, 1000000, 'x', '2026-01-01')",
                             NULL);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *code = axw_test_ean13 (68, i);
      g_autofree char *name = g_strdup_printf ("助农商品 %u", i);

      axw_db_bind_text (stmt, 1, code);
      axw_db_bind_text (stmt, 2, name);
      sqlite3_bind_int64 (stmt, 3, 100 + i % 9000);
      sqlite3_bind_int (stmt, 4, i % 2);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_true (axw_db_commit (db, NULL));
}

/* Frames ------------------------------------------------------------------ */

static gboolean painted;
/* ends of the frame clock's phases in the last frame: GTK allocates in
 * "layout" and snapshots and renders in "paint" */
static gint64 frame_start, update_end, layout_end, paint_end;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static void
phase_end_cb (GdkFrameClock *clock,
              gint64        *end)
{
  *end = g_get_monotonic_time ();
}

static void
wait_for_paint (void)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static void
pump (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
login (AxwWindow *window)
{
  GtkWidget *w = GTK_WIDGET (axw_window_get_login_view (window));

  gtk_widget_activate_action (w, "login.choose", "s", "小林");
  for (const char *p = "1234"; *p; p++)
    {
      char key[2] = { *p, 0 };

      gtk_widget_activate_action (w, "login.key", "s", key);
    }
  gtk_widget_activate_action (w, "login.submit", NULL);
}

/* The PIN is checked off the GTK thread: until the sale screen is up. */
static void
wait_for_sale_screen (AxwWindow *window)
{
  while (!g_str_equal (axw_window_get_screen (window), "sale"))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The burst is typed through a connection of its own: the X server holds
 * back the events of a client whose own requests are still queued, so a
 * burst faked on GDK's connection would arrive all at once at its end. */
static void
type_burst (Display    *dpy,
            const char *code)
{
  for (const char *p = code; *p; p++)
    {
      KeyCode k = XKeysymToKeycode (dpy, (KeySym) *p);

      XTestFakeKeyEvent (dpy, k, True, 8);
      XTestFakeKeyEvent (dpy, k, False, 1);
    }
  XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Return), True, 8);
  XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Return), False, 1);
  XFlush (dpy);
}

/* The bare window's Enter: a new number in its label. */
static gboolean
floor_key_cb (GtkEventControllerKey *keys,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              guint32               *enter_time)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (keys), "axw-label");
  g_autofree char *text = NULL;

  if (keyval != GDK_KEY_Return)
    return GDK_EVENT_STOP;
  *enter_time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (keys));
  text = g_strdup_printf ("¥%u.%02u", *enter_time % 1000, *enter_time % 100);
  gtk_label_set_text (label, text);
  return GDK_EVENT_STOP;
}

/* Scans @pause_ms after the previous frame; a new sale every 50 scans. */
static void
scan_series (AxwSaleView *sale,
             GRand       *rand,
             int          pause_ms,
             GArray      *calls,
             GArray      *direct,
             GArray      *layout,
             GArray      *paint,
             GArray      *work,
             GArray      *wait)
{
  GListModel *cart = axw_sale_view_get_cart_model (sale);

  for (guint i = 0; i < N_SCANS; i++)
    {
      g_autofree char *code = axw_test_ean13 (68, g_rand_int_range (rand, 0, N_PRODUCTS));
      guint before;
      gint64 t0;
      double ms, handled;

      if (i % 50 == 0)
        gtk_widget_activate_action (GTK_WIDGET (sale), "sale.new-sale", NULL);
      pump (pause_ms);
      before = g_list_model_get_n_items (cart);
      t0 = g_get_monotonic_time ();
      axw_sale_view_scan (sale, code);
      handled = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (calls, handled);
      g_assert_cmpuint (g_list_model_get_n_items (cart), >, before);
      wait_for_paint ();
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (direct, ms);
      ms = (frame_start - t0) / 1000.0 - handled;
      g_array_append_val (wait, ms);
      ms = (layout_end - update_end) / 1000.0;
      g_array_append_val (layout, ms);
      handled += ms;
      ms = (paint_end - layout_end) / 1000.0;
      g_array_append_val (paint, ms);
      handled += ms;
      g_array_append_val (work, handled);
    }
}

/* The customer's side ------------------------------------------------------ */

static gboolean display_only;
static gint64 display_painted_at;
static gint64 display_start, display_update_end, display_layout_end, display_paint_end;

static void
display_paint_cb (GdkFrameClock *clock,
                  gpointer       data)
{
  display_painted_at = g_get_monotonic_time ();
}

/* The pole display's other end: the time of the first byte after each scan. */
typedef struct {
  int     master;
  GMutex  lock;
  gint64  armed;    /* a scan's time, until its first byte */
  gint64  first;
} PoleReader;

static gpointer
pole_reader_run (gpointer data)
{
  PoleReader *pr = data;
  char buf[512];

  while (read (pr->master, buf, sizeof buf) > 0)
    {
      gint64 now = g_get_monotonic_time ();

      g_mutex_lock (&pr->lock);
      if (pr->armed != 0 && pr->first == 0)
        pr->first = now;
      g_mutex_unlock (&pr->lock);
    }
  return NULL;
}

/* Scans 100 ms apart with the customer display beside the sale screen and a
 * pole display on a pseudo-terminal, both following the sale's model. */
static void
bench_display (AxwApplication *app,
               AxwWindow      *window,
               AxwSaleView    *sale,
               GRand          *rand)
{
  g_autoptr(GArray) cashier = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) customer = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pole_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) d_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) d_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) d_wait = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) alone = g_array_new (FALSE, FALSE, sizeof (double));
  AxwCustomerDisplay *display;
  g_autoptr(AxwPoleDisplay) pole = NULL;
  PoleReader pr = { 0 };
  GThread *reader;
  int slave;
  char name[256];
  guint late = 0;

  /* the cashier's frame alone first, under the same load */
  for (guint i = 0; i < N_SCANS; i++)
    {
      g_autofree char *code = axw_test_ean13 (68, g_rand_int_range (rand, 0, N_PRODUCTS));
      gint64 t0;
      double ms;

      if (i % 50 == 0)
        gtk_widget_activate_action (GTK_WIDGET (sale), "sale.new-sale", NULL);
      pump (100);
      t0 = g_get_monotonic_time ();
      painted = FALSE;
      axw_sale_view_scan (sale, code);
      wait_for_paint ();
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (alone, ms);
    }
  display = axw_customer_display_new (app, axw_sale_view_get_model (sale));
  g_assert_cmpint (openpty (&pr.master, &slave, name, NULL, NULL), ==, 0);
  g_mutex_init (&pr.lock);
  reader = g_thread_new ("pole-reader", pole_reader_run, &pr);
  pole = axw_pole_display_new (name, 9600, AXW_POLE_ESCPOS);
  axw_pole_view_attach (pole, axw_sale_view_get_model (sale));
  g_assert_true (axw_customer_display_place (display, "window", NULL));
  gtk_window_present (GTK_WINDOW (window));
  pump (500);
  {
    GdkFrameClock *dclock = gtk_widget_get_frame_clock (GTK_WIDGET (display));

    g_signal_connect (dclock, "after-paint", G_CALLBACK (display_paint_cb), NULL);
    g_signal_connect (dclock, "before-paint", G_CALLBACK (phase_end_cb), &display_start);
    g_signal_connect_after (dclock, "update", G_CALLBACK (phase_end_cb), &display_update_end);
    g_signal_connect_after (dclock, "layout", G_CALLBACK (phase_end_cb), &display_layout_end);
    g_signal_connect_after (dclock, "paint", G_CALLBACK (phase_end_cb), &display_paint_end);
  }
  for (guint i = 0; i < N_SCANS; i++)
    {
      g_autofree char *code = axw_test_ean13 (68, g_rand_int_range (rand, 0, N_PRODUCTS));
      gint64 t0, first = 0, cashier_at = 0;
      double ms;

      if (i % 50 == 0)
        gtk_widget_activate_action (GTK_WIDGET (sale), "sale.new-sale", NULL);
      pump (100);
      g_mutex_lock (&pr.lock);
      pr.first = 0;
      t0 = g_get_monotonic_time ();
      pr.armed = t0;
      g_mutex_unlock (&pr.lock);
      painted = FALSE;
      axw_sale_view_scan (sale, code);
      while (!painted || display_painted_at < t0)
        {
          g_main_context_iteration (NULL, TRUE);
          if (painted && cashier_at == 0)
            cashier_at = g_get_monotonic_time ();
        }
      g_assert_cmpstr (axw_customer_display_get_text (display, "last-line"), !=, "");
      ms = (cashier_at - t0) / 1000.0;
      g_array_append_val (cashier, ms);
      ms = (display_painted_at - t0) / 1000.0;
      g_array_append_val (customer, ms);
      ms = (display_layout_end - display_update_end) / 1000.0;
      g_array_append_val (d_layout, ms);
      ms = (display_paint_end - display_layout_end) / 1000.0;
      g_array_append_val (d_paint, ms);
      ms = (display_start - t0) / 1000.0;
      g_array_append_val (d_wait, ms);
      for (gint64 end = t0 + G_USEC_PER_SEC; first == 0 && g_get_monotonic_time () < end;)
        {
          g_mutex_lock (&pr.lock);
          first = pr.first;
          g_mutex_unlock (&pr.lock);
          if (first == 0)
            g_usleep (200);
        }
      g_mutex_lock (&pr.lock);
      pr.armed = 0;
      g_mutex_unlock (&pr.lock);
      if (first == 0)
        {
          late++;
          continue;
        }
      ms = (first - t0) / 1000.0;
      g_array_append_val (pole_ms, ms);
    }
  report ("display off: scan → cashier's line drawn, 100 ms apart", alone);
  report ("display on: scan → cashier's line drawn, 100 ms apart", cashier);
  report ("display on: scan → customer display's line drawn", customer);
  report ("· the customer display's layout phase", d_layout);
  report ("· the customer display's paint phase", d_paint);
  report ("· from the scan to the customer display's frame start", d_wait);
  report ("display on: scan → first pole display byte (pty)", pole_ms);
  if (late > 0)
    g_print ("pole display: no byte within 1 s after %u of %u scans\n", late, N_SCANS);
  g_clear_object (&pole);
  gtk_window_destroy (GTK_WINDOW (display));
  close (slave);
  close (pr.master);
  g_thread_join (reader);
  g_mutex_clear (&pr.lock);
  pump (50);
}

static void
bench_scans (const char *db_path)
{
  g_autoptr(AxwApplication) app = axw_application_new (db_path);
  g_autoptr(GArray) direct = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xtest = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wait = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  AxwWindow *window;
  AxwSaleView *sale;
  GdkFrameClock *clock;
  Display *typist;
  guint missed = 0;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  pump (1000);
  /* the cashier's wait after OK: PIN check (Argon2) and the sale screen drawn */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  {
    gint64 t0 = g_get_monotonic_time ();
    double ms;

    login (window);
    wait_for_sale_screen (window);
    wait_for_paint ();
    ms = (g_get_monotonic_time () - t0) / 1000.0;
    g_print ("%-52s n=%-4u p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms\n",
             "PIN login → sale screen drawn (login screen up 1 s)", 1, ms, ms, ms);
  }
  sale = axw_window_get_sale_view (window);
  pump (300);
  g_assert_cmpstr (axw_window_get_screen (window), ==, "sale");
  g_print ("renderer of the counter: %s (GSK_RENDERER=%s)\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "unset");

  if (display_only)
    {
      bench_display (app, window, sale, rand);
      gtk_window_destroy (GTK_WINDOW (window));
      pump (50);
      return;
    }
  g_signal_connect_after (clock, "update", G_CALLBACK (phase_end_cb), &update_end);
  g_signal_connect_after (clock, "layout", G_CALLBACK (phase_end_cb), &layout_end);
  g_signal_connect_after (clock, "paint", G_CALLBACK (phase_end_cb), &paint_end);
  g_signal_connect (clock, "before-paint", G_CALLBACK (phase_end_cb), &frame_start);
  scan_series (sale, rand, 5, calls, direct, layout, paint, work, wait);
  report ("scan handled (lookup, quote, model), 100k products", calls);
  report ("scan → line drawn (detector call), 100k products", direct);
  report ("· of which the frame's layout phase", layout);
  report ("· of which the frame's paint phase (snapshot, render)", paint);
  report ("· scan + layout + paint: the counter's own work", work);
  report ("· from the scan's end to the frame's start", wait);
  /* 5 ms after the last frame, GDK's frame clock holds the next one back
   * to the refresh interval (16.7 ms); a scanner is never that fast */
  g_array_set_size (calls, 0);
  g_array_set_size (direct, 0);
  g_array_set_size (work, 0);
  g_array_set_size (wait, 0);
  g_array_set_size (layout, 0);
  g_array_set_size (paint, 0);
  scan_series (sale, rand, 100, calls, direct, layout, paint, work, wait);
  report ("scan → line drawn, scans 100 ms apart", direct);
  report ("· scan + layout + paint, scans 100 ms apart", work);
  report ("· layout, scans 100 ms apart", layout);
  report ("· paint, scans 100 ms apart", paint);
  report ("· from the scan's end to the frame's start, 100 ms apart", wait);

  /* Through the X server, at a scanner's pace: a burst of 13 digits with
   * 9 ms gaps and Enter, the next one 150 ms after the line was drawn (a
   * cashier cannot scan three items a second). Timed from the X server's
   * own time stamp of the Enter key (Xorg and Xvfb stamp events with
   * CLOCK_MONOTONIC in ms, the clock g_get_monotonic_time() reads) to the
   * frame drawn, so the burst's typing time is not guessed at. */
  typist = XOpenDisplay (NULL);
  g_assert_nonnull (typist);
  XSetInputFocus (typist, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  XSync (typist, False);
  gtk_widget_activate_action (GTK_WIDGET (sale), "sale.new-sale", NULL);
  pump (200);
  for (guint i = 0; i < N_XTEST; i++)
    {
      g_autofree char *code = axw_test_ean13 (68, g_rand_int_range (rand, 0, N_PRODUCTS));
      guint scans = axw_window_get_n_scans (window);
      gint64 t0 = g_get_monotonic_time ();
      gint32 since_enter;
      double ms;
      guint tick;

      if (i % 50 == 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (sale), "sale.new-sale", NULL);
          pump (200);
        }
      tick = g_timeout_add (20, wake_cb, NULL);
      type_burst (typist, code);
      /* on a loaded machine a burst can arrive too slowly to be a scan */
      while (axw_window_get_n_scans (window) == scans &&
             g_get_monotonic_time () - t0 < 3 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (tick);
      if (axw_window_get_n_scans (window) == scans)
        {
          missed++;
          gtk_widget_activate_action (GTK_WIDGET (sale), "sale.new-sale", NULL);
          pump (200);
          continue;
        }
      wait_for_paint ();
      since_enter = (gint32) ((guint32) (g_get_monotonic_time () / 1000) - axw_window_get_last_scan_time (window));
      if (since_enter < 0 || since_enter > 10000)
        {
          g_print ("X server time stamps are not CLOCK_MONOTONIC (%d ms off): no X burst figure\n",
                   since_enter);
          break;
        }
      ms = since_enter;
      g_array_append_val (xtest, ms);
      pump (150);
    }
  /* The floor under the same conditions: a bare GTK window in this process
   * (same renderer, same X server) that changes one label on Enter. Only
   * its own frames count. */
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  {
    GtkWidget *bare = gtk_window_new ();
    GtkWidget *label = gtk_label_new ("0");
    GtkEventController *keys = gtk_event_controller_key_new ();
    guint32 enter_time = 0;

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (floor_key_cb), &enter_time);
    g_object_set_data (G_OBJECT (keys), "axw-label", label);
    gtk_widget_add_controller (bare, keys);
    gtk_window_set_child (GTK_WINDOW (bare), label);
    gtk_window_set_default_size (GTK_WINDOW (bare), 1280, 800);
    gtk_window_present (GTK_WINDOW (bare));
    pump (300);
    g_signal_connect (gtk_widget_get_frame_clock (bare), "after-paint", G_CALLBACK (after_paint_cb),
                      NULL);
    XSetInputFocus (typist, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (bare))),
                    RevertToParent, CurrentTime);
    XSync (typist, False);
    pump (100);
    for (guint i = 0; i < N_XTEST; i++)
      {
        g_autofree char *code = axw_test_ean13 (68, g_rand_int_range (rand, 0, N_PRODUCTS));
        gint64 t0 = g_get_monotonic_time ();
        guint tick = g_timeout_add (20, wake_cb, NULL);
        double ms;

        enter_time = 0;
        type_burst (typist, code);
        while (enter_time == 0 && g_get_monotonic_time () - t0 < 3 * G_USEC_PER_SEC)
          g_main_context_iteration (NULL, TRUE);
        g_source_remove (tick);
        if (enter_time == 0)
          continue;
        wait_for_paint ();
        ms = (gint32) ((guint32) (g_get_monotonic_time () / 1000) - enter_time);
        g_array_append_val (floor_ms, ms);
        pump (150);
      }
    gtk_window_destroy (GTK_WINDOW (bare));
  }
  XCloseDisplay (typist);
  if (xtest->len > 0)
    report ("X key burst: Enter (X server time) → line drawn", xtest);
  if (floor_ms->len > 0)
    report ("floor: bare GTK window, Enter → one label drawn", floor_ms);
  if (missed > 0)
    g_print ("X key bursts not taken as a scan (too slow on a loaded machine): %u of %u\n", missed,
             N_XTEST);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  bench_display (app, window, sale, rand);
  gtk_window_destroy (GTK_WINDOW (window));
  pump (50);
}

/* Cold start ---------------------------------------------------------------- */

static void
print_and_quit (GdkFrameClock *clock,
                GApplication  *app)
{
  /* a login: the frame of the sale screen, not of "Checking the PIN" */
  if (app != NULL &&
      !g_str_equal (axw_window_get_screen (AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)))),
                    "sale"))
    return;
  g_print ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  exit (0);
}

static void
child_minimal (gboolean adwaita)
{
  GtkWidget *window;

  gtk_init ();
  if (adwaita)
    adw_init ();
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("爱心屋"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (print_and_quit),
                    NULL);
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
}

static void
app_activated_cb (GApplication *app,
                  gpointer      to_sale)
{
  AxwWindow *window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  if (to_sale)
    login (window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (print_and_quit), to_sale ? app : NULL);
}

static void
child_app (const char *db_path,
           gboolean    to_sale)
{
  g_autoptr(AxwApplication) app = axw_application_new (db_path);

  g_signal_connect_after (app, "activate", G_CALLBACK (app_activated_cb),
                          GINT_TO_POINTER (to_sale));
  g_application_run (G_APPLICATION (app), 0, NULL);
}

/* The environment this program was started with: the counter in this
 * process sets GSK_RENDERER (and so on) for itself, and a fresh start
 * must not inherit that. */
static char **child_env;

/* Peak memory ------------------------------------------------------------- */

/* VmHWM of this process, in KiB: the most it has ever had resident. */
static guint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (p = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (p + 6, NULL, 10);
}

static void
child_rss_minimal (void)
{
  GtkWidget *window;

  gtk_init ();
  adw_init ();
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("爱心屋"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb),
                    NULL);
  wait_for_paint ();
  pump (100);
  g_print ("%" G_GUINT64_FORMAT "\n", peak_rss_kib ());
  exit (0);
}

/* The counter as a cashier meets it: PIN login, then scans drawn. */
static void
child_rss (const char *db_path)
{
  g_autoptr(AxwApplication) app = axw_application_new (db_path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  AxwWindow *window;
  AxwSaleView *sale;

  gtk_init ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = AXW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  sale = axw_window_get_sale_view (window);
  pump (300);
  if (g_getenv ("AXW_RSS_DEBUG"))
    g_printerr ("VmHWM before login: %" G_GUINT64_FORMAT " KiB\n", peak_rss_kib ());
  login (window);
  wait_for_sale_screen (window);
  pump (300);
  if (g_getenv ("AXW_RSS_DEBUG"))
    g_printerr ("VmHWM after login: %" G_GUINT64_FORMAT " KiB\n", peak_rss_kib ());
  g_assert_cmpstr (axw_window_get_screen (window), ==, "sale");
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  for (guint i = 0; i < N_RSS_SCANS; i++)
    {
      g_autofree char *code = axw_test_ean13 (68, g_rand_int_range (rand, 0, N_PRODUCTS));

      axw_sale_view_scan (sale, code);
      wait_for_paint ();
    }
  pump (100);
  if (g_getenv ("AXW_RSS_DEBUG"))
    {
      g_autofree char *cmd = g_strdup_printf ("sh -c 'grep -E \"^(Vm|Rss)\" /proc/%d/status >&2; "
                                              "awk \"/^[0-9a-f]+-/{name=\\$6} /^Rss:/{r[name]+=\\$2} "
                                              "END{for(n in r) print r[n], n}\" /proc/%d/smaps | "
                                              "sort -rn | head -25 >&2'", getpid (), getpid ());
      g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
    }
  g_print ("%" G_GUINT64_FORMAT "\n", peak_rss_kib ());
  exit (0);
}

static double
rss_child (const char *self,
           const char *mode,
           const char *db_path,
           const char *renderer)
{
  const char *argv[] = { self, "--child", mode, db_path, NULL };
  g_auto(GStrv) envp = g_strdupv (child_env);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (renderer != NULL)
    envp = g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp,
                               g_getenv ("AXW_RSS_DEBUG") ? 0 : G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_ascii_strtoull (out, NULL, 10) / 1024.0;
}

static void
report_mb (const char *what,
           GArray     *mb)
{
  g_print ("%-52s n=%-4u p50 %8.1f MB   max %8.1f MB\n", what, mb->len,
           axw_test_percentile (mb, 50), axw_test_percentile (mb, 100));
}

/* Under Xvfb GTK draws with OpenGL on Mesa's llvmpipe, which alone keeps
 * some 100 MB (libLLVM, its heap): the cairo renderer shows what the
 * counter itself holds. */
static void
bench_rss (const char *self,
           const char *db_path)
{
  static const struct { const char *what, *mode, *renderer; } runs[] = {
    { "peak RSS of the GUI: login + 20 scans, 100k products", "rss", NULL },
    { "peak RSS: minimal libadwaita window", "rss-minimal", NULL },
    { "peak RSS of the GUI, cairo renderer", "rss", "cairo" },
    { "peak RSS: minimal libadwaita window, cairo renderer", "rss-minimal", "cairo" },
  };
  double median[G_N_ELEMENTS (runs)];

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autoptr(GArray) mb = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < N_RSS; i++)
        {
          double v = rss_child (self, runs[r].mode, db_path, runs[r].renderer);

          g_array_append_val (mb, v);
        }
      report_mb (runs[r].what, mb);
      median[r] = g_array_index (mb, double, mb->len / 2);
    }
  g_print ("the GUI above a minimal window: %.1f MB (GL), %.1f MB (cairo)\n",
           median[0] - median[1], median[2] - median[3]);
}

static double
time_child (const char *self,
            const char *mode,
            const char *db_path)
{
  const char *argv[] = { self, "--child", mode, db_path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (g_spawn_sync (NULL, (char **) argv, child_env, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return (g_ascii_strtoll (out, NULL, 10) - t0) / 1000.0;
}

static void
bench_start (const char *self,
             const char *db_path)
{
  const char *modes[] = { "minimal", "login", "sale", "adwaita", "minimal-cairo" };
  const char *what[] = { "cold start: minimal GTK 4 window, first frame",
                         "cold start: counter login screen, first frame",
                         "cold start: sale screen after PIN login (Argon2)",
                         "cold start: minimal libadwaita window, first frame",
                         "cold start: minimal window, cairo renderer" };
  double median[5];

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < N_STARTS; i++)
        {
          double t = time_child (self, modes[m], db_path);

          g_array_append_val (ms, t);
        }
      report (what[m], ms);
      median[m] = axw_test_percentile (ms, 50);
    }
  g_print ("login screen / minimal window: %.2f×   sale screen / minimal window: %.2f×   "
           "login screen / minimal libadwaita window: %.2f×   "
           "login screen / minimal window with cairo: %.2f×\n",
           median[1] / median[0], median[2] / median[0], median[1] / median[3],
           median[1] / median[4]);
}

/* The database, its WAL, the daily backups the counter made, the player. */
/* A counter has a sound player, and each scan starts it for its beep:
 * that start is part of a scan's cost. A player that plays nothing
 * (/bin/true as paplay, first on PATH) counts it without a sound card. */
static void
with_player (const char *dir)
{
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *player = g_build_filename (bin, "paplay", NULL);
  g_autofree char *path = g_strconcat (bin, ":", g_getenv ("PATH"), NULL);

  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  g_assert_cmpint (symlink ("/bin/true", player), ==, 0);
  g_setenv ("PATH", path, TRUE);
  g_print ("sound player: %s (/bin/true), started for each beep\n", player);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  gboolean rss_only, scans_only;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      if (g_str_equal (argv[2], "rss"))
        child_rss (argv[3]);
      if (g_str_equal (argv[2], "rss-minimal"))
        child_rss_minimal ();
      if (g_str_equal (argv[2], "minimal-cairo"))
        {
          g_setenv ("GSK_RENDERER", "cairo", TRUE);
          child_minimal (FALSE);
        }
      if (g_str_equal (argv[2], "minimal") || g_str_equal (argv[2], "adwaita"))
        child_minimal (g_str_equal (argv[2], "adwaita"));
      child_app (argv[3], g_str_equal (argv[2], "sale"));
      return 1;
    }
  dir = g_dir_make_tmp ("axw-bench-XXXXXX", NULL);
  with_player (dir);
  child_env = g_get_environ ();
  gtk_init ();
  db_path = g_build_filename (dir, "shop.db", NULL);
  fill (db_path);
  /* --rss: the memory figures only; --scans: the scan figures only (for a
   * profiler); any other argument (run-bench.py's database) runs them all */
  rss_only = argc == 2 && g_str_equal (argv[1], "--rss");
  scans_only = argc == 2 && g_str_equal (argv[1], "--scans");
  display_only = argc == 2 && g_str_equal (argv[1], "--display");
  scans_only |= display_only;
  if (!scans_only)
    bench_rss (argv[0], db_path);
  if (!rss_only)
    bench_scans (db_path);
  if (!rss_only && !scans_only)
    bench_start (argv[0], db_path);
  axw_test_rm_rf (dir);
  return 0;
}
