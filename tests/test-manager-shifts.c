/* test-manager-shifts.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's day in the window, under Xvfb on the demo database: open
 * a shift for a cashier, cash out, count and close the drawer, close the
 * business day (Z) and reprint it; wrong PINs change nothing; the same
 * by keyboard alone. Saves PNGs of the page.
 */
#include <string.h>
#include <sys/stat.h>

#include "axw-ui-test-lib.h"

#include "axw-manager-window.h"
#include "axw-money.h"
#include "axw-report-render.h"
#include "axw-reports.h"

static gboolean
named (GtkWidget     *w,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (w), name) == 0;
}

static gboolean
is_password_entry (GtkWidget     *w,
                   gconstpointer  data)
{
  return GTK_IS_PASSWORD_ENTRY (w);
}

static gboolean
is_scrolled (GtkWidget     *w,
             gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (w);
}

static gboolean
is_drop_down (GtkWidget     *w,
              gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (w);
}

static GtkEditable *
entry_named (AxwManagerShifts *page,
             const char       *name)
{
  GtkWidget *w = ui_find (GTK_WIDGET (page), named, name);

  g_assert_nonnull (w);
  return GTK_EDITABLE (w);
}

static void
type_into (AxwManagerShifts *page,
           const char       *name,
           const char       *text)
{
  gtk_editable_set_text (entry_named (page, name), text);
}

#define wait_idle(page) axw_test_wait_idle (axw_manager_shifts_is_busy, page, 10000)

static gboolean
dialog_gone (gpointer page)
{
  return axw_manager_shifts_get_dialog (page) == NULL;
}

static void
choose_staff (AxwManagerShifts *page,
              const char       *name)
{
  GtkDropDown *dd = GTK_DROP_DOWN (ui_find (GTK_WIDGET (page), is_drop_down, NULL));
  GListModel *names = gtk_drop_down_get_model (dd);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (names, i);

      if (g_str_equal (gtk_string_object_get_string (s), name))
        {
          gtk_drop_down_set_selected (dd, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static AxwManagerWindow *
open_page (UiFixture         *f,
           AxwManagerShifts **out_page)
{
  AxwDb *db = axw_application_get_db (f->app);
  AxwManagerWindow *window = axw_manager_window_new (GTK_WINDOW (f->window), db, "王店长");
  g_autoptr(GDateTime) day = ui_love_day ();

  *out_page = axw_manager_window_get_shifts (window);
  axw_manager_shifts_set_clock (*out_page, day);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  axw_manager_window_show_page (window, "shifts");
  gtk_window_present (GTK_WINDOW (window));
  ui_pump (300);
  return window;
}

static gint64
audited (UiFixture  *f,
         const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE staff = '王店长' "
                                          "AND action = '%s'", action);

  return ui_query_int (f, sql);
}

static void
sell_before_the_shift (UiFixture *f)
{
  AxwDb *db = axw_application_get_db (f->app);

  axw_sale_free (axw_test_sell (db, "2026-12-12T09:00:00+08:00", "6971234560018", 2000, 5600));
  axw_sale_free (axw_test_sell (db, "2026-12-12T09:20:00+08:00", "6971234560025", 1000, 1280));
}

static void
open_shift_and_cash_out (UiFixture        *f,
                         AxwManagerShifts *page)
{
  const AxwShift *s;

  /* a wrong PIN of the cashier: nothing opens */
  choose_staff (page, "小林");
  type_into (page, "float", "200");
  type_into (page, "open-pin", "9999");
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.open", NULL);
  wait_idle (page);
  g_assert_null (axw_manager_shifts_get_shift (page));
  g_assert_cmpint (ui_query_int (f, "SELECT count (*) FROM shifts"), ==, 0);
  g_assert_true (g_str_has_prefix (axw_manager_shifts_get_message (page), "✖"));

  type_into (page, "open-pin", "1234");
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.open", NULL);
  wait_idle (page);
  s = axw_manager_shifts_get_shift (page);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->staff, ==, "小林");
  g_assert_cmpint (s->float_fen, ==, 20000);
  g_assert_true (g_str_has_prefix (axw_manager_shifts_get_message (page), "✔"));
  g_assert_cmpint (audited (f, "shift_open"), ==, 1);
  ui_save_png (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "manager-shifts-open.png");

  /* cash out ¥30 to buy water: a wrong manager PIN first */
  type_into (page, "cash-amount", "30");
  type_into (page, "cash-reason", "买水");
  type_into (page, "cash-pin", "1111");
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.cash", NULL);
  wait_idle (page);
  g_assert_cmpint (ui_query_int (f, "SELECT count (*) FROM cash_movements"), ==, 0);
  g_assert_true (g_str_has_prefix (axw_manager_shifts_get_message (page), "✖"));
  type_into (page, "cash-pin", "8888");
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.cash", NULL);
  wait_idle (page);
  g_assert_cmpint (ui_query_int (f, "SELECT amount_fen FROM cash_movements"), ==, -3000);
  g_assert_cmpint (audited (f, "cash_movement"), ==, 1);
  g_assert_cmpint (axw_manager_shifts_get_shift (page)->expected_fen, ==, 17000);
}

static void
count_and_close (UiFixture        *f,
                 AxwManagerShifts *page)
{
  const char *body;

  /* ¥170 exactly, then ¥2 over, then ¥1.50 short: words and symbols */
  g_assert_true (axw_manager_shifts_set_count (page, 10000, 1));
  g_assert_true (axw_manager_shifts_set_count (page, 5000, 1));
  g_assert_true (axw_manager_shifts_set_count (page, 2000, 1));
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "✔"));
  g_assert_true (axw_manager_shifts_set_count (page, 100, 2));
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "▲"));
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "¥2.00"));
  g_assert_true (axw_manager_shifts_set_count (page, 2000, 0));
  g_assert_true (axw_manager_shifts_set_count (page, 1000, 1));
  g_assert_true (axw_manager_shifts_set_count (page, 500, 1));
  g_assert_true (axw_manager_shifts_set_count (page, 100, 3));
  g_assert_true (axw_manager_shifts_set_count (page, 50, 1));
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "▼"));
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "¥1.50"));
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "¥168.50"));
  ui_save_png (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "manager-shifts-count.png");

  /* asked first: Cancel keeps the shift and the count */
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.close", NULL);
  g_assert_nonnull (axw_manager_shifts_get_dialog (page));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (axw_manager_shifts_get_dialog (page)));
  g_assert_nonnull (strstr (body, "▼"));
  ui_pump (200);
  ui_save_png (GTK_WIDGET (axw_manager_shifts_get_dialog (page)),
               "manager-shifts-close-confirm.png");
  ui_click (GTK_WIDGET (axw_manager_shifts_get_dialog (page)), "_Cancel");
  g_assert_null (axw_manager_shifts_get_dialog (page));
  g_assert_nonnull (axw_manager_shifts_get_shift (page));
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "¥168.50"));
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.close", NULL);
  ui_click (GTK_WIDGET (axw_manager_shifts_get_dialog (page)), "C_lose the shift");
  g_assert_null (axw_manager_shifts_get_shift (page));
  g_assert_nonnull (strstr (axw_manager_shifts_get_message (page), "▼"));
  g_assert_cmpint (ui_query_int (f, "SELECT expected_fen FROM shifts"), ==, 17000);
  g_assert_cmpint (ui_query_int (f, "SELECT counted_fen FROM shifts"), ==, 16850);
  g_assert_cmpint (ui_query_int (f, "SELECT count (*) FROM shifts WHERE count_json = "
                                    "'{\"10000\":1,\"5000\":1,\"1000\":1,\"500\":1,\"100\":3,\"50\":1}'"), ==, 1);
  g_assert_cmpint (audited (f, "shift_close"), ==, 1);
}

/* Answers the Z dialog with @pin. */
static void
answer_z (AxwManagerShifts *page,
          const char       *pin)
{
  GtkWindow *dialog = axw_manager_shifts_get_dialog (page);
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  entry = ui_find (GTK_WIDGET (dialog), is_password_entry, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), pin);
  ui_click (GTK_WIDGET (dialog), "_Close the day");
  wait_idle (page);
  g_assert_null (axw_manager_shifts_get_dialog (page));
}

static void
close_the_day (UiFixture        *f,
               AxwManagerShifts *page)
{
  AxwDb *db = axw_application_get_db (f->app);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) rebuilt = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *again = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *receipts = g_build_filename (f->dir, "receipts.bin", NULL);
  g_autoptr(AxwReport) day = axw_reports_range (db, "2026-12-12", "2026-12-12", NULL);
  g_autofree char *total = axw_money_format_screen (day->total_fen);
  const char *body;
  GStatBuf st;
  gsize len = 0;

  g_assert_cmpint (day->sales_count, ==, 2);
  type_into (page, "z-date", "2026-12-12");
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.z-close", NULL);
  g_assert_nonnull (axw_manager_shifts_get_dialog (page));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (axw_manager_shifts_get_dialog (page)));
  g_assert_nonnull (strstr (body, "2026-12-12"));
  g_assert_nonnull (strstr (body, " 2 "));
  g_assert_nonnull (strstr (body, total));
  ui_pump (200);
  ui_save_png (GTK_WIDGET (axw_manager_shifts_get_dialog (page)), "manager-shifts-z-confirm.png");

  answer_z (page, "0000");
  g_assert_cmpint (ui_query_int (f, "SELECT count (*) FROM z_reports"), ==, 0);
  g_assert_true (g_str_has_prefix (axw_manager_shifts_get_message (page), "✖"));

  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.z-close", NULL);
  answer_z (page, "8888");
  g_assert_cmpint (ui_query_int (f, "SELECT count (*) FROM z_reports"), ==, 1);
  g_assert_cmpint (audited (f, "z_close"), ==, 1);
  g_assert_nonnull (strstr (axw_manager_shifts_get_message (page), "Z 1"));

  /* what was stored is what `report z --number 1` rebuilds */
  stored = axw_reports_z_json (db, 1, &error);
  g_assert_no_error (error);
  rebuilt = axw_reports_load_z (db, 1, &error);
  g_assert_no_error (error);
  again = axw_report_to_json (rebuilt);
  g_assert_cmpstr (stored, ==, again);
  /* and what the command prints for it */
  {
    const char *argv[] = { g_getenv ("AIXINWU_BIN"), "--db", f->db_path, "report", "z", "--number",
      "1",
                           "--format", "json", NULL };
    g_autofree char *out = NULL;
    int status = -1;

    g_assert_nonnull (argv[0]);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (out, ==, stored);
  }
  g_assert_cmpint (rebuilt->sales_count, ==, 2);
  g_assert_cmpint (rebuilt->total_fen, ==, day->total_fen);

  /* the PDF next to the database, the owner's only, named on screen */
  g_assert_nonnull (axw_manager_shifts_get_pdf_path (page));
  g_assert_true (g_str_has_prefix (axw_manager_shifts_get_pdf_path (page), f->dir));
  g_assert_nonnull (strstr (axw_manager_shifts_get_message (page),
                            axw_manager_shifts_get_pdf_path (page)));
  g_assert_cmpint (g_stat (axw_manager_shifts_get_pdf_path (page), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (axw_manager_shifts_get_pdf_path (page), &pdf, &len, NULL));
  g_assert_true (len > 1000 && memcmp (pdf, "%PDF", 4) == 0);
  /* and on the receipt printer */
  g_assert_nonnull (strstr (axw_manager_shifts_get_message (page), "✔"));
  g_assert_true (g_file_test (receipts, G_FILE_TEST_EXISTS));
  ui_save_png (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "manager-shifts-z.png");

  /* a closed day is refused before asking */
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.z-close", NULL);
  g_assert_null (axw_manager_shifts_get_dialog (page));
  g_assert_true (g_str_has_prefix (axw_manager_shifts_get_message (page), "✖"));

  /* reprint and re-save from the list */
  g_unlink (axw_manager_shifts_get_pdf_path (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.z-pdf", "x", (gint64) 1);
  wait_idle (page);
  g_assert_true (g_file_test (axw_manager_shifts_get_pdf_path (page), G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.z-print", "x", (gint64) 1);
  wait_idle (page);
  g_assert_nonnull (strstr (axw_manager_shifts_get_message (page), "✔"));
  g_assert_cmpint (audited (f, "z_reprint"), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "shifts.z-print", "x", (gint64) 7);
  g_assert_true (g_str_has_prefix (axw_manager_shifts_get_message (page), "✖"));
}

static void
test_day (UiFixture     *f,
          gconstpointer  data)
{
  AxwManagerShifts *page;
  AxwManagerWindow *window;

  sell_before_the_shift (f);
  window = open_page (f, &page);
  ui_save_png (GTK_WIDGET (window), "manager-shifts.png");
  open_shift_and_cash_out (f, page);
  count_and_close (f, page);
  close_the_day (f, page);
  {
    GtkScrolledWindow *sw = GTK_SCROLLED_WINDOW (ui_find (GTK_WIDGET (page), is_scrolled, NULL));
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (sw);

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    ui_pump (200);
    ui_save_png (GTK_WIDGET (window), "manager-shifts-z-list.png");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_pump (50);
}

/* What a window manager would do for a new window: Xvfb has none. */
static void
focus_window (GtkWindow *window)
{
  Display *dpy = ui_xdisplay ();
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));

  XSetInputFocus (dpy, xid, RevertToParent, CurrentTime);
  XFlush (dpy);
  ui_pump (200);
}

static GtkWidget *
focus_of (AxwManagerWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
has_focus_in (AxwManagerWindow *window,
              GtkEditable      *entry)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL &&
         (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
}

/* Typed through the X server: Enter moves on and confirms, Escape
 * cancels, mnemonics reach the fields. */
static void
test_keyboard (UiFixture     *f,
               gconstpointer  data)
{
  AxwManagerShifts *page;
  AxwManagerWindow *window;
  GtkWidget *hundred, *fifty;
  GtkDropDown *dd;
  g_autoptr(GtkStringObject) who = NULL;

  sell_before_the_shift (f);
  window = open_page (f, &page);
  focus_window (GTK_WINDOW (window));
  dd = GTK_DROP_DOWN (ui_find (GTK_WIDGET (page), is_drop_down, NULL));
  who = g_object_ref (gtk_drop_down_get_selected_item (dd));

  ui_press_with (XK_Alt_L, XK_f);    /* _Float */
  g_assert_true (has_focus_in (window, entry_named (page, "float")));
  ui_press (XK_Tab);
  g_assert_true (has_focus_in (window, entry_named (page, "open-pin")));
  ui_press_with (XK_Alt_L, XK_f);
  ui_type ("150", 30, TRUE);
  g_assert_true (has_focus_in (window, entry_named (page, "open-pin")));
  ui_type (g_str_equal (gtk_string_object_get_string (who), "王店长") ? "8888" : "1234", 30, TRUE);
  wait_idle (page);
  g_assert_nonnull (axw_manager_shifts_get_shift (page));
  g_assert_cmpstr (axw_manager_shifts_get_shift (page)->staff, ==,
                   gtk_string_object_get_string (who));
  g_assert_cmpint (axw_manager_shifts_get_shift (page)->float_fen, ==, 15000);

  /* the amount has the focus after opening: out ¥20, reason, PIN, Enter */
  g_assert_true (has_focus_in (window, entry_named (page, "cash-amount")));
  ui_type ("20", 30, TRUE);
  ui_type ("change", 30, TRUE);
  ui_type ("8888", 30, TRUE);
  wait_idle (page);
  g_assert_cmpint (ui_query_int (f, "SELECT amount_fen FROM cash_movements"), ==, -2000);

  /* Escape drops what was typed and keeps the window */
  ui_type ("5", 30, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (entry_named (page, "cash-amount")), ==, "5");
  ui_press (XK_Escape);
  g_assert_cmpstr (gtk_editable_get_text (entry_named (page, "cash-amount")), ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* the count: Tab from the PIN passes Record and reaches ¥100, then on
   * to Close the shift, whose question Enter confirms */
  ui_press_with (XK_Alt_L, XK_i);
  g_assert_true (has_focus_in (window, entry_named (page, "cash-pin")));
  ui_press (XK_Tab);
  g_assert_true (GTK_IS_BUTTON (focus_of (window)));
  ui_press (XK_Tab);
  hundred = gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (hundred);
  ui_type ("2", 30, TRUE);    /* Enter moves on to ¥50 */
  g_assert_nonnull (strstr (axw_manager_shifts_get_count_text (page), "¥200.00"));
  fifty = gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_SPIN_BUTTON);
  g_assert_true (fifty != NULL && fifty != hundred);
  for (int i = 0; i < 12 && !ui_is_button_labelled (focus_of (window), "C_lose the shift"); i++)
    ui_press (XK_Tab);
  g_assert_true (ui_is_button_labelled (focus_of (window), "C_lose the shift"));
  ui_press (XK_Return);
  g_assert_nonnull (axw_manager_shifts_get_dialog (page));
  focus_window (axw_manager_shifts_get_dialog (page));
  ui_press (XK_Return);
  g_assert_true (axw_test_wait_until (dialog_gone, page, 5000));
  g_assert_null (axw_manager_shifts_get_shift (page));
  g_assert_cmpint (ui_query_int (f, "SELECT counted_fen FROM shifts"), ==, 20000);
  g_assert_cmpint (ui_query_int (f, "SELECT expected_fen FROM shifts"), ==, 13000);
  focus_window (GTK_WINDOW (window));

  /* the day: Alt+B to the date, Enter asks, Escape cancels; again, PIN and Enter closes */
  ui_press_with (XK_Alt_L, XK_b);
  g_assert_true (has_focus_in (window, entry_named (page, "z-date")));
  ui_type ("", 30, TRUE);
  g_assert_nonnull (axw_manager_shifts_get_dialog (page));
  focus_window (axw_manager_shifts_get_dialog (page));
  ui_press (XK_Escape);
  g_assert_null (axw_manager_shifts_get_dialog (page));
  g_assert_cmpint (ui_query_int (f, "SELECT count (*) FROM z_reports"), ==, 0);
  focus_window (GTK_WINDOW (window));
  ui_press_with (XK_Alt_L, XK_b);
  ui_type ("", 30, TRUE);
  g_assert_nonnull (axw_manager_shifts_get_dialog (page));
  focus_window (axw_manager_shifts_get_dialog (page));
  ui_type ("8888", 30, TRUE);
  g_assert_true (axw_test_wait_until (dialog_gone, page, 5000));
  wait_idle (page);
  g_assert_cmpint (ui_query_int (f, "SELECT count (*) FROM z_reports"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_pump (50);
}

/* Layout -------------------------------------------------------------------- */

static gboolean
lays_out (GtkWidget *w)
{
  return GTK_IS_BOX (w) || GTK_IS_GRID (w) || GTK_IS_FLOW_BOX (w) || GTK_IS_FLOW_BOX_CHILD (w) ||
         GTK_IS_LIST_BOX (w) || GTK_IS_LIST_BOX_ROW (w) || GTK_IS_STACK (w);
}

/* In boxes, grids, flow boxes, lists and stacks: no child outside its
 * parent, no two children over each other. */
static void
check_layout (GtkWidget *w,
              GString   *problems)
{
  if (!gtk_widget_get_mapped (w))
    return;
  for (GtkWidget *a = gtk_widget_get_first_child (w); a &&
       lays_out (w); a = gtk_widget_get_next_sibling (a))
    {
      graphene_rect_t ra, rb, both;

      if (!gtk_widget_get_mapped (a) || !gtk_widget_compute_bounds (a, w, &ra))
        continue;
      if (ra.origin.x < -1 || ra.origin.y < -1 ||
          ra.origin.x + ra.size.width > gtk_widget_get_width (w) + 1 ||
          ra.origin.y + ra.size.height > gtk_widget_get_height (w) + 1)
        g_string_append_printf (problems, "%s sticks out of %s\n", G_OBJECT_TYPE_NAME (a),
                                G_OBJECT_TYPE_NAME (w));
      for (GtkWidget *b = gtk_widget_get_next_sibling (a); b; b = gtk_widget_get_next_sibling (b))
        if (gtk_widget_get_mapped (b) && gtk_widget_compute_bounds (b, w, &rb) &&
            graphene_rect_intersection (&ra, &rb, &both) && both.size.width > 1 &&
              both.size.height > 1)
          g_string_append_printf (problems, "%s and %s overlap in %s\n", G_OBJECT_TYPE_NAME (a),
                                  G_OBJECT_TYPE_NAME (b), G_OBJECT_TYPE_NAME (w));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    check_layout (c, problems);
}

static void
assert_laid_out (GtkWidget  *page,
                 const char *what)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  int min_w;

  ui_pump (150);
  check_layout (page, problems);
  /* the page fits the counter's 1280 px screen, in the window's frame (the
   * window folds to one pane at large text) */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  if (min_w > 1260)
    g_string_append_printf (problems, "needs %d px, more than the 1280 px screen\n", min_w);
  if (problems->len > 0)
    g_error ("%s:\n%s", what, problems->str);
}

/* At the text sizes the staff can choose, with and without an open shift
 * and with a closed day in the list. */
static void
test_text_scales (UiFixture     *f,
                  gconstpointer  data)
{
  static const int scales[] = { 100, 150, 200 };
  AxwDb *db = axw_application_get_db (f->app);
  AxwManagerShifts *page;
  AxwManagerWindow *window;
  g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 12, 12, 3, 0, 0);

  sell_before_the_shift (f);
  axw_report_free (axw_reports_close_day (db, "2026-12-12", "王店长", t, NULL));
  window = open_page (f, &page);
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      AxwStaff prefs = { .font_scale_pct = scales[i] };
      g_autofree char *open = g_strdup_printf ("manager-shifts-form-%d.png", scales[i]);
      g_autofree char *running = g_strdup_printf ("manager-shifts-count-%d.png", scales[i]);

      axw_application_apply_prefs (f->app, &prefs);
      g_assert_null (axw_manager_shifts_get_shift (page));
      assert_laid_out (GTK_WIDGET (page), open);
      ui_save_png (GTK_WIDGET (window), open);
      g_assert_cmpint (axw_shift_open (db, "小林", 20000, t, NULL), >, 0);
      axw_manager_shifts_reload (page);
      g_assert_true (axw_manager_shifts_set_count (page, 100, 3));
      assert_laid_out (GTK_WIDGET (page), running);
      ui_save_png (GTK_WIDGET (window), running);
      g_assert_nonnull (axw_shift_close (db, "小林", "1:3", t, NULL));
      axw_manager_shifts_reload (page);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_pump (50);
}

static void
test_new_destroy (void)
{
  g_autofree char *dir = NULL;
  AxwDb *db = axw_test_db_new (&dir);
  AxwManagerShifts *page;

  page = g_object_ref_sink (axw_manager_shifts_new (db, "王店长"));
  g_assert_null (axw_manager_shifts_get_shift (page));
  g_assert_finalize_object (page);
  g_assert_finalize_object (db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AIXINWU_LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/manager-shifts/day", UiFixture, NULL, ui_setup, test_day, ui_teardown);
  g_test_add ("/manager-shifts/keyboard", UiFixture, NULL, ui_setup, test_keyboard, ui_teardown);
  g_test_add ("/manager-shifts/text-scales", UiFixture, NULL, ui_setup, test_text_scales,
              ui_teardown);
  g_test_add_func ("/manager-shifts/new-destroy", test_new_destroy);
  return g_test_run ();
}
