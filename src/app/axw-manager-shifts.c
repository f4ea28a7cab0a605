/* axw-manager-shifts.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's day: open a shift with a float for a staff member (their
 * PIN), cash in and out (the manager's PIN), close the shift with the
 * drawer counted by note and coin, close the business day (Z, the
 * manager's PIN), and the closed days with reprint. The same store calls
 * as `aixinwu shift …` and `aixinwu report z …`; each is audited there.
 * PINs are checked off the GTK thread, the printer is waited for there too.
 */
#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-keypad.h"
#include "axw-manager-shifts.h"
#include "axw-money.h"
#include "axw-report-print.h"
#include "axw-report-render.h"
#include "axw-reports.h"
#include "axw-settings.h"
#include "axw-staff.h"

/* The notes and coins a drawer holds; ¥2 and fen coins are left out. */
static const struct {
  gint64      fen;
  const char *label;
  const char *a11y;
} denominations[] = {
  { 10000, "¥100", N_("¥100 notes, count") },
  { 5000,  "¥50",  N_("¥50 notes, count") },
  { 2000,  "¥20",  N_("¥20 notes, count") },
  { 1000,  "¥10",  N_("¥10 notes, count") },
  { 500,   "¥5",   N_("¥5 notes, count") },
  { 100,   "¥1",   N_("¥1 notes and coins, count") },
  { 50,    "¥0.5", N_("¥0.5 coins, count") },
  { 10,    "¥0.1", N_("¥0.1 coins, count") },
};

#define N_DENOMINATIONS G_N_ELEMENTS (denominations)

struct _AxwManagerShifts
{
  GtkBox             parent_instance;

  AxwDb             *db;
  char              *manager;
  GDateTime         *clock;
  AxwShift          *shift;        /* the open shift, nullable */
  GCancellable      *checking;     /* a PIN being checked, nullable */
  GCancellable      *cancellable;  /* printing; cancelled when the page goes */
  guint              printing;     /* reports on their way to the printer */
  guint              saving;       /* PDFs being written */
  char              *pdf_path;
  char              *before_print; /* the banner when printing began */
  AdwMessageDialog  *dialog;
  GtkPasswordEntry  *z_pin;        /* in the dialog */
  GtkStringList     *staff_names;
  GtkSpinButton     *counts[N_DENOMINATIONS];

  GtkLabel          *message;
  GtkStack          *shift_stack;
  GtkDropDown       *staff;
  GtkEntry          *float_entry;
  GtkPasswordEntry  *open_pin;
  AxwKeypad         *keypad;
  GtkLabel          *shift_label;
  GtkToggleButton   *cash_out;
  GtkToggleButton   *cash_in;
  GtkEntry          *cash_amount;
  GtkEntry          *cash_reason;
  GtkPasswordEntry  *cash_pin;
  GtkFlowBox        *count_box;
  GtkLabel          *count_label;
  GtkEntry          *z_date;
  GtkListBox        *z_list;
};

G_DEFINE_FINAL_TYPE (AxwManagerShifts, axw_manager_shifts, GTK_TYPE_BOX)

typedef enum {
  PENDING_OPEN,
  PENDING_CASH,
  PENDING_Z,
} PendingKind;

/* What was asked for, kept while the PIN is checked. */
typedef struct {
  AxwManagerShifts *self;
  PendingKind       kind;
  char             *staff;       /* OPEN: who takes the shift */
  gint64            amount_fen;  /* OPEN: the float; CASH: + in, − out */
  char             *text;        /* CASH: the reason; Z: the business day */
} Pending;

static void
pending_free (Pending *p)
{
  g_object_unref (p->self);
  g_free (p->staff);
  g_free (p->text);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static GDateTime *
now (AxwManagerShifts *self)
{
  return self->clock ? g_date_time_ref (self->clock) : g_date_time_new_now_utc ();
}

static void
set_banner_kind (GtkWidget  *label,
                 const char *kind)
{
  static const char *kinds[] = { "axw-ok", "axw-info", "axw-error" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_widget_remove_css_class (label, kinds[i]);
  gtk_widget_add_css_class (label, kind);
}

/* The banner: ✔ or ✖ and the words, so the state is not told by colour alone. */
static void
show_message (AxwManagerShifts *self,
              gboolean          ok,
              const char       *text)
{
  g_autofree char *marked = g_strdup_printf ("%s %s", ok ? "✔" : "✖", text);

  gtk_label_set_text (self->message, marked);
  set_banner_kind (GTK_WIDGET (self->message), ok ? "axw-ok" : "axw-error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
}

static void
update_actions (AxwManagerShifts *self)
{
  gboolean idle = self->checking == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shifts.open", idle && self->shift == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shifts.cash", idle && self->shift != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shifts.close", idle && self->shift != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shifts.z-close", idle);
}

/* The count as `shift close` takes it: "100.00:2,0.50:3". */
static char *
count_text (AxwManagerShifts *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < N_DENOMINATIONS; i++)
    {
      int pieces = gtk_spin_button_get_value_as_int (self->counts[i]);
      g_autofree char *value = NULL;

      if (pieces <= 0)
        continue;
      value = axw_money_format (denominations[i].fen);
      g_string_append_printf (s, "%s%s:%d", s->len ? "," : "", value, pieces);
    }
  return g_string_free (s, FALSE);
}

/* "▲ Over ¥2.00": a symbol and words as well as the banner's colour. */
static char *
over_short_text (gint64 over_fen)
{
  g_autofree char *amount = axw_money_format_screen (ABS (over_fen));

  if (over_fen == 0)
    return g_strdup (_("✔ Matches"));
  if (over_fen > 0)
    return g_strdup_printf (_("▲ Over %s"), amount);
  return g_strdup_printf (_("▼ Short %s"), amount);
}

static void
update_count (AxwManagerShifts *self)
{
  g_autofree char *count = count_text (self);
  g_autofree char *json = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *text = NULL;
  gint64 total = 0;

  if (self->shift == NULL)
    return;
  if (!axw_cash_count_parse (count, &total, &json, NULL))
    total = 0;
  expected = axw_money_format_screen (self->shift->expected_fen);
  counted = axw_money_format_screen (total);
  verdict = over_short_text (total - self->shift->expected_fen);
  text = g_strdup_printf (_("Expected %s · Counted %s · %s"), expected, counted, verdict);
  gtk_label_set_text (self->count_label, text);
  set_banner_kind (GTK_WIDGET (self->count_label), total == self->shift->expected_fen ? "axw-ok"
                                                   : total > self->shift->expected_fen ? "axw-info"
                                                   : "axw-error");
}

static void
show_shift (AxwManagerShifts *self)
{
  g_autofree char *opened = NULL;
  g_autofree char *fl = NULL;
  g_autofree char *io = NULL;
  g_autofree char *sales = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  const AxwShift *s = self->shift;

  gtk_stack_set_visible_child_name (self->shift_stack, s ? "running" : "open");
  /* the number pad types into the form on screen */
  axw_keypad_set_target (self->keypad, s ? GTK_EDITABLE (self->cash_amount)
                                         : GTK_EDITABLE (self->float_entry));
  axw_keypad_set_decimal (self->keypad, TRUE);
  update_actions (self);
  if (s == NULL)
    return;
  opened = axw_reports_local_time (self->db, s->opened_at);
  fl = axw_money_format_screen (s->float_fen);
  io = axw_money_format_screen (s->cash_in_out_fen);
  sales = axw_money_format_screen (s->cash_sales_fen);
  expected = axw_money_format_screen (s->expected_fen);
  text = g_strdup_printf (_("Shift %lld is open: %s since %s.\nFloat %s · cash in and out %s · "
                            "cash from sales %s · expected in the drawer %s"),
                          (long long) s->id, s->staff, opened, fl, io, sales, expected);
  gtk_label_set_text (self->shift_label, text);
  update_count (self);
}

static void
reload_shift (AxwManagerShifts *self)
{
  gint64 id = axw_shift_open_id (self->db, NULL);

  g_clear_pointer (&self->shift, axw_shift_free);
  if (id > 0)
    self->shift = axw_shift_load (self->db, id, NULL);
  show_shift (self);
}

static void
reload_staff (AxwManagerShifts *self)
{
  g_autoptr(GPtrArray) staff = axw_staff_list (self->db, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkStringObject *selected = gtk_drop_down_get_selected_item (self->staff);
  g_autofree char *chosen = selected ? g_strdup (gtk_string_object_get_string (selected)) : NULL;

  for (guint i = 0; staff && i < staff->len; i++)
    {
      const AxwStaff *s = g_ptr_array_index (staff, i);

      if (s->active)
        g_ptr_array_add (names, s->name);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->staff_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->staff_names)),
                          (const char * const *) names->pdata);
  /* the one chosen stays chosen */
  for (guint i = 0; chosen && names->pdata[i]; i++)
    if (g_str_equal (names->pdata[i], chosen))
      gtk_drop_down_set_selected (self->staff, i);
}

/* Without a mnemonic: every row has one. */
static GtkWidget *
z_button (const char *label,
          const char *a11y,
          const char *action,
          gint64      number)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_size_request (button, -1, 48);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (number));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return button;
}

static GtkWidget *
z_row (AxwManagerShifts  *self,
       const AxwZSummary *z)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *total = axw_money_format_screen (z->total_fen);
  g_autofree char *closed = axw_reports_local_time (self->db, z->closed_at);
  g_autofree char *sales = g_strdup_printf (g_dngettext (NULL, "%lld sale", "%lld sales",
                                                         (gulong) z->sales_count),
                                            (long long) z->sales_count);
  g_autofree char *text = g_strdup_printf (_("Z %lld · %s · %s · total %s · closed %s by %s"),
                                           (long long) z->number, z->business_date, sales, total,
                                           closed, z->manager);
  g_autofree char *print = g_strdup_printf (_("Print Z %lld (%s) again"), (long long) z->number,
                                            z->business_date);
  g_autofree char *pdf = g_strdup_printf (_("Save Z %lld (%s) as PDF again"), (long long) z->number,
                                          z->business_date);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box),
                  z_button (C_("z list", "Print"), print, "shifts.z-print", z->number));
  gtk_box_append (GTK_BOX (box), z_button ("PDF", pdf, "shifts.z-pdf", z->number));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* the buttons are what Tab reaches; the row only holds them */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

static void
reload_z_list (AxwManagerShifts *self)
{
  g_autoptr(GPtrArray) list = axw_reports_z_list (self->db, 60, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->z_list))))
    gtk_list_box_remove (self->z_list, child);
  for (guint i = 0; list && i < list->len; i++)
    gtk_list_box_append (self->z_list, z_row (self, g_ptr_array_index (list, i)));
  if (list == NULL || list->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No day has been closed yet."));

      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_set_placeholder (self->z_list, label);
    }
}

static void
default_z_date (AxwManagerShifts *self)
{
  g_autofree char *tz = axw_settings_get (self->db, "timezone");
  g_autoptr(GDateTime) at = now (self);
  g_autofree char *today = axw_business_date (at, tz);

  gtk_editable_set_text (GTK_EDITABLE (self->z_date), today);
}

/**
 * axw_manager_shifts_reload:
 *
 * What the counter may have changed meanwhile: sales in the open shift,
 * staff, closed days.
 */
void
axw_manager_shifts_reload (AxwManagerShifts *self)
{
  g_return_if_fail (AXW_IS_MANAGER_SHIFTS (self));
  if (self->db == NULL)
    return;
  reload_staff (self);
  reload_shift (self);
  reload_z_list (self);
}

/* PINs ------------------------------------------------------------------- */

static void
set_checking (AxwManagerShifts *self,
              GCancellable     *checking)
{
  g_clear_object (&self->checking);
  self->checking = checking ? g_object_ref (checking) : NULL;
  update_actions (self);
}

static void pin_checked_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      data);

/* Checks @pin of @name (Argon2) in a worker thread, then does @p. */
static void
check_pin (AxwManagerShifts *self,
           Pending          *p,
           const char       *name,
           const char       *pin)
{
  g_autoptr(GCancellable) checking = g_cancellable_new ();
  g_autofree char *checking_text = g_strdup_printf ("ℹ %s", _("Checking the PIN…"));

  p->self = g_object_ref (self);
  set_checking (self, checking);
  gtk_label_set_text (self->message, checking_text);
  set_banner_kind (GTK_WIDGET (self->message), "axw-info");
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
  axw_staff_login_async (self->db, name, pin, checking, pin_checked_cb, p);
}

static void
open_shift (AxwManagerShifts *self,
            const Pending    *p)
{
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *fl = axw_money_format_screen (p->amount_fen);
  g_autofree char *msg = NULL;
  gint64 id = axw_shift_open_by (self->db, p->staff, p->amount_fen, self->manager, at, &error);

  if (id == 0)
    {
      show_message (self, FALSE, error->message);
      reload_shift (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->float_entry), "");
  msg = g_strdup_printf (_("Shift %lld opened for %s with a float of %s."), (long long) id,
                         p->staff, fl);
  show_message (self, TRUE, msg);
  reload_shift (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cash_amount));
}

static void
record_cash (AxwManagerShifts *self,
             const Pending    *p)
{
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = axw_money_format_screen (ABS (p->amount_fen));
  g_autofree char *expected = NULL;
  g_autofree char *msg = NULL;

  if (!axw_shift_cash (self->db, self->manager, p->amount_fen, p->text, at, &error))
    {
      show_message (self, FALSE, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->cash_amount), "");
  gtk_editable_set_text (GTK_EDITABLE (self->cash_reason), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->cash_amount));
  reload_shift (self);
  expected = axw_money_format_screen (self->shift ? self->shift->expected_fen : 0);
  msg = p->amount_fen > 0
        ? g_strdup_printf (_("Cash in %s recorded (%s). Expected in the drawer: %s."),
                           amount, p->text, expected)
        : g_strdup_printf (_("Cash out %s recorded (%s). Expected in the drawer: %s."),
                           amount, p->text, expected);
  show_message (self, TRUE, msg);
}

/* Z reports -------------------------------------------------------------- */

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AxwManagerShifts) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *msg = NULL;
  gboolean ok = axw_report_print_finish (result, &error);

  self->printing--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the page is gone */
  msg = ok ? g_strdup_printf ("%s\n✔ %s", self->before_print,
                              _("The Z report went to the receipt printer."))
           : g_strdup_printf ("%s\n✖ %s %s", self->before_print,
                              _("The Z report was not printed:"), error->message);
  gtk_label_set_text (self->message, msg);
  if (!ok)
    set_banner_kind (GTK_WIDGET (self->message), "axw-error");
}

/* @z to the receipt printer; the banner says @text (✔ or ✖ with @ok) and
 * then how the printing went. */
static void
print_z (AxwManagerShifts *self,
         const AxwReport  *z,
         gboolean          ok,
         const char       *text)
{
  g_autofree char *printing = g_strdup_printf ("%s\n%s", text, _("Printing the Z report…"));

  show_message (self, ok, printing);
  g_free (self->before_print);
  self->before_print = g_strdup_printf ("%s %s", ok ? "✔" : "✖", text);
  self->printing++;
  axw_report_print_async (self->db, z, NULL, 0, self->cancellable, printed_cb, g_object_ref (self));
}

/* Saving a Z's PDF, in a worker thread (pango lays it out: ~0.1 s). */
typedef struct {
  AxwReport *z;
  char      *path;
  char      *head;        /* the banner's first line, nullable */
  gboolean   then_print;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  axw_report_free (job->z);
  g_free (job->path);
  g_free (job->head);
  g_free (job);
}

/* reports/Z-0003-2026-12-12.pdf next to the database, for the owner only. */
static void
save_pdf_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  PdfJob *job = data;
  g_autofree char *dir = g_path_get_dirname (job->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved),
                               _("Cannot make the folder %s: %s"), dir, g_strerror (saved));
      return;
    }
  if (!axw_report_save_pdf (job->z, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
pdf_saved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AxwManagerShifts) self = user_data;
  g_autoptr(GError) error = NULL;
  PdfJob *job = g_task_get_task_data (G_TASK (result));
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;

  self->saving--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the page is gone; the file is written all the same */
  if (saved)
    {
      g_free (self->pdf_path);
      self->pdf_path = g_strdup (job->path);
    }
  line = saved ? g_strdup_printf (_("Saved as PDF: %s"), job->path)
               : g_strdup_printf (_("The PDF was not saved: %s"), error->message);
  if (job->head == NULL)
    {
      show_message (self, saved, line);
      return;
    }
  text = g_strdup_printf ("%s\n%s %s", job->head, saved ? "✔" : "✖", line);
  if (job->then_print)
    print_z (self, job->z, TRUE, text);
  else
    show_message (self, TRUE, text);
}

/* Saves @z (taken) as PDF off the GTK thread; the banner shows @head (✔)
 * and then where it went; then prints it when @then_print. */
static void
save_z_pdf (AxwManagerShifts *self,
            AxwReport        *z,
            const char       *head,
            gboolean          then_print)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, pdf_saved_cb, g_object_ref (self));
  g_autofree char *base = g_path_get_dirname (axw_db_get_path (self->db));
  g_autofree char *name = g_strdup_printf ("Z-%04lld-%s.pdf", (long long) z->z_number, z->from);
  g_autofree char *saving = g_strdup_printf ("%s%s%s", head ? head : "", head ? "\n" : "",
                                             _("Saving the PDF…"));
  PdfJob *job = g_new0 (PdfJob, 1);

  job->z = z;
  job->path = g_build_filename (base, "reports", name, NULL);
  job->head = g_strdup (head);
  job->then_print = then_print;
  show_message (self, TRUE, saving);
  self->saving++;
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  g_task_run_in_thread (task, save_pdf_thread);
}

static void
close_day (AxwManagerShifts *self,
           const Pending    *p)
{
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) z = axw_reports_close_day (self->db, p->text, self->manager, at, &error);
  g_autofree char *total = NULL;
  g_autofree char *closed = NULL;

  if (z == NULL)
    {
      show_message (self, FALSE, error->message);
      return;
    }
  total = axw_money_format_screen (z->total_fen);
  closed = g_strdup_printf (_("%s is closed: Z %lld, total %s."), z->from,
                            (long long) z->z_number, total);
  reload_z_list (self);
  save_z_pdf (self, g_steal_pointer (&z), closed, TRUE);
}

static void
pin_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(Pending) p = data;
  AxwManagerShifts *self = p->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) who = NULL;
  g_autofree char *msg = NULL;

  if (self->db == NULL)
    return;
  who = p->kind == PENDING_OPEN ? axw_staff_login_finish (self->db, result, &error)
                                : axw_staff_authorize_manager_finish (self->db, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_checking (self, NULL);
  if (who == NULL)
    {
      msg = g_strdup_printf (_("%s Nothing was changed."), error->message);
      show_message (self, FALSE, msg);
      if (p->kind != PENDING_Z)
        gtk_widget_grab_focus (p->kind == PENDING_OPEN ? GTK_WIDGET (self->open_pin)
                                                       : GTK_WIDGET (self->cash_pin));
      return;
    }
  switch (p->kind)
    {
    case PENDING_OPEN:
      open_shift (self, p);
      break;
    case PENDING_CASH:
      record_cash (self, p);
      break;
    case PENDING_Z:
      close_day (self, p);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Actions ---------------------------------------------------------------- */

/* Takes the PIN out of @entry: it is never left on screen. */
static char *
take_pin (GtkPasswordEntry *entry)
{
  char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  return pin;
}

static void
open_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = take_pin (self->open_pin);
  GtkStringObject *staff = gtk_drop_down_get_selected_item (self->staff);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->float_entry));
  gint64 fen = 0;
  Pending *p;

  if (staff == NULL)
    {
      show_message (self, FALSE, _("Choose the staff member who takes the shift."));
      return;
    }
  if (!axw_money_parse (*typed ? typed : "0", &fen, &error))
    {
      show_message (self, FALSE, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->float_entry));
      return;
    }
  p = g_new0 (Pending, 1);
  p->kind = PENDING_OPEN;
  p->staff = g_strdup (gtk_string_object_get_string (staff));
  p->amount_fen = fen;
  check_pin (self, p, p->staff, pin);
}

static void
cash_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = take_pin (self->cash_pin);
  const char *amount = gtk_editable_get_text (GTK_EDITABLE (self->cash_amount));
  g_autofree char *reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cash_reason)));
  gint64 fen = 0;
  Pending *p;

  if (!axw_money_parse (amount, &fen, &error) || fen <= 0)
    {
      show_message (self, FALSE, error ? error->message : _("Type how much cash goes in or out."));
      gtk_widget_grab_focus (GTK_WIDGET (self->cash_amount));
      return;
    }
  if (*g_strstrip (reason) == '\0')
    {
      show_message (self, FALSE, _("Say why the cash goes in or out."));
      gtk_widget_grab_focus (GTK_WIDGET (self->cash_reason));
      return;
    }
  p = g_new0 (Pending, 1);
  p->kind = PENDING_CASH;
  p->amount_fen = gtk_toggle_button_get_active (self->cash_in) ? fen : -fen;
  p->text = g_steal_pointer (&reason);
  check_pin (self, p, self->manager, pin);
}

static void
close_shift (AxwManagerShifts *self)
{
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwShift) closed = NULL;
  g_autofree char *count = count_text (self);
  g_autofree char *expected = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *msg = NULL;

  closed = axw_shift_close (self->db, self->manager, count, at, &error);
  if (closed == NULL)
    {
      show_message (self, FALSE, error->message);
      reload_shift (self);
      return;
    }
  expected = axw_money_format_screen (closed->expected_fen);
  counted = axw_money_format_screen (closed->counted_fen);
  verdict = over_short_text (closed->counted_fen - closed->expected_fen);
  msg = g_strdup_printf (_("Shift %lld closed. Expected %s, counted %s: %s."),
                         (long long) closed->id, expected, counted, verdict);
  for (guint i = 0; i < N_DENOMINATIONS; i++)
    gtk_spin_button_set_value (self->counts[i], 0);
  show_message (self, TRUE, msg);
  reload_shift (self);
}

/* A question with Cancel and @confirm (the default, marked destructive);
 * Escape cancels. @response_cb gets "confirm" or "cancel". */
static AdwMessageDialog *
ask (AxwManagerShifts *self,
     const char       *heading,
     const char       *body,
     const char       *confirm,
     GtkWidget        *extra,
     GCallback         response_cb)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  /* the counter's theme and the staff member's text size, as on the page */
  gtk_widget_add_css_class (dialog, "axw-counter");
  if (extra != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "confirm", confirm, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return self->dialog;
}

static void
shift_close_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AxwManagerShifts *self)
{
  if (g_str_equal (response, "confirm"))
    close_shift (self);
  else
    show_message (self, FALSE, _("The shift was not closed. The count is kept."));
}

/* Asks first, with expected, counted and over or short: a close cannot be
 * undone. */
static void
close_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->dialog != NULL)
    return;
  reload_shift (self);   /* the counter may have sold meanwhile: expected as it is now */
  if (self->shift == NULL)
    return;
  heading = g_strdup_printf (_("Close shift %lld?"), (long long) self->shift->id);
  body = g_strdup_printf ("%s\n%s", gtk_label_get_text (self->count_label),
                          _("The count is recorded and the shift ends."));
  ask (self, heading, body, _("C_lose the shift"), NULL, G_CALLBACK (shift_close_response_cb));
}

static void
clear_count_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);

  for (guint i = 0; i < N_DENOMINATIONS; i++)
    gtk_spin_button_set_value (self->counts[i], 0);
}

static void
z_response_cb (AdwMessageDialog *dialog,
               const char       *response,
               AxwManagerShifts *self)
{
  g_autofree char *pin = take_pin (self->z_pin);
  Pending *p;

  /* GTK 4.8's password entry must not hold the focus while its window is
   * destroyed (its focus handler then runs on a finalized entry) */
  gtk_root_set_focus (GTK_ROOT (dialog), NULL);
  if (!g_str_equal (response, "confirm"))
    {
      show_message (self, FALSE, _("The day was not closed."));
      return;
    }
  p = g_new0 (Pending, 1);
  p->kind = PENDING_Z;
  p->text = g_strdup (g_object_get_data (G_OBJECT (dialog), "axw-date"));
  check_pin (self, p, self->manager, pin);
}

/* The PIN goes into the confirmation itself: Enter there closes the day. */
static GtkWidget *
z_pin_box (AxwManagerShifts *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Manager _PIN"));
  GtkWidget *pin = gtk_password_entry_new ();

  gtk_widget_set_size_request (pin, 200, 48);
  gtk_widget_set_hexpand (pin, TRUE);
  g_object_set (pin, "activates-default", TRUE, NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), pin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Manager PIN to close the day"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), pin);
  self->z_pin = GTK_PASSWORD_ENTRY (pin);
  return box;
}

/* Asks first, naming the day, its sales and its total (the same report
 * the close will store, read now). */
static void
z_close_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);
  g_autofree char *date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->z_date)));
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) day = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *total = NULL;
  AdwMessageDialog *dialog;

  if (self->dialog != NULL)
    return;
  g_strstrip (date);
  if (!axw_reports_can_close_day (self->db, date, at, &error) ||
      (day = axw_reports_range (self->db, date, date, &error)) == NULL)
    {
      show_message (self, FALSE, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->z_date));
      return;
    }
  total = axw_money_format_screen (day->total_fen);
  heading = g_strdup_printf (_("Close %s?"), date);
  body = g_strdup_printf (g_dngettext (NULL, "%s: %lld sale, total %s. Once closed, the day's "
                                       "sales can no longer change. The Z report is printed and "
                                       "saved as a PDF.",
                                       "%s: %lld sales, total %s. Once closed, the day's "
                                       "sales can no longer change. The Z report is printed and "
                                       "saved as a PDF.",
                                       (gulong) day->sales_count),
                          date, (long long) day->sales_count, total);
  dialog = ask (self, heading, body, _("_Close the day"), z_pin_box (self),
                G_CALLBACK (z_response_cb));
  g_object_set_data_full (G_OBJECT (dialog), "axw-date", g_steal_pointer (&date), g_free);
  gtk_widget_grab_focus (GTK_WIDGET (self->z_pin));
}

/* A closed day again, rebuilt as `report z --number N` does, and audited
 * as shown again (@how: "print" or "pdf"). */
static AxwReport *
load_z (AxwManagerShifts *self,
        GVariant         *param,
        const char       *how)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) z = axw_reports_load_z (self->db, g_variant_get_int64 (param), &error);
  g_autofree char *detail = NULL;

  if (z == NULL)
    {
      show_message (self, FALSE, error->message);
      return NULL;
    }
  /* a closed day shown again is written down, like the close */
  detail = g_strdup_printf ("Z %" G_GINT64_FORMAT " %s %s", z->z_number, z->from, how);
  if (!axw_audit_append (self->db, self->manager, "z_reprint", detail, &error))
    {
      show_message (self, FALSE, error->message);
      return NULL;
    }
  return g_steal_pointer (&z);
}

static void
z_print_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);
  g_autoptr(AxwReport) z = load_z (self, param, "print");
  g_autofree char *msg = NULL;

  if (z == NULL)
    return;
  msg = g_strdup_printf (_("Reprint of Z %lld (%s)."), (long long) z->z_number, z->from);
  print_z (self, z, TRUE, msg);
}

static void
z_pdf_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);
  AxwReport *z = load_z (self, param, "pdf");

  if (z != NULL)
    save_z_pdf (self, z, NULL, FALSE);
}

/* Keys ------------------------------------------------------------------- */

static void
float_activate_cb (AxwManagerShifts *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->open_pin));
}

static void
open_pin_activate_cb (AxwManagerShifts *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "shifts.open", NULL);
}

static void
cash_amount_activate_cb (AxwManagerShifts *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->cash_reason));
}

static void
cash_reason_activate_cb (AxwManagerShifts *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->cash_pin));
}

static void
cash_pin_activate_cb (AxwManagerShifts *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "shifts.cash", NULL);
}

static void
z_date_activate_cb (AxwManagerShifts *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "shifts.z-close", NULL);
}

/* A chosen direction shows a ✔ as well as its colour. */
static void
direction_toggled_cb (AxwManagerShifts *self)
{
  gboolean in = gtk_toggle_button_get_active (self->cash_in);
  g_autofree char *out_label = g_strdup_printf ("%s%s", in ? "" : "✔ ", _("Cash out"));
  g_autofree char *in_label = g_strdup_printf ("%s%s", in ? "✔ " : "", _("Cash in"));

  gtk_button_set_label (GTK_BUTTON (self->cash_out), out_label);
  gtk_button_set_label (GTK_BUTTON (self->cash_in), in_label);
}

/* Returns: whether there was something typed to drop; when not, Escape
 * goes on to close the window. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (widget);
  GtkEditable *entries[] = { GTK_EDITABLE (self->float_entry), GTK_EDITABLE (self->open_pin),
                             GTK_EDITABLE (self->cash_amount), GTK_EDITABLE (self->cash_reason),
                             GTK_EDITABLE (self->cash_pin) };
  gboolean dropped = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (*gtk_editable_get_text (entries[i]))
      {
        gtk_editable_set_text (entries[i], "");
        dropped = TRUE;
      }
  if (dropped)
    show_message (self, FALSE, _("Cancelled. Nothing was changed."));
  return dropped;
}

/* The number pad types into the entry that had the focus last. */
static void
entry_focus_cb (GtkEventControllerFocus *focus,
                AxwManagerShifts        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  axw_keypad_set_target (self->keypad, GTK_EDITABLE (entry));
  axw_keypad_set_decimal (self->keypad, entry == GTK_WIDGET (self->float_entry) ||
                                        entry == GTK_WIDGET (self->cash_amount));
}

static void
follow_focus (AxwManagerShifts *self,
              GtkWidget        *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (entry_focus_cb), self);
  gtk_widget_add_controller (entry, focus);
}

static void
count_changed_cb (AxwManagerShifts *self)
{
  update_count (self);
}

/* Enter in a stepper moves on to the next note or coin, as Tab does:
 * the drawer is counted with the digits and Enter alone. */
static void
count_activate_cb (GtkText          *text,
                   AxwManagerShifts *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (text)));

  gtk_widget_child_focus (root, GTK_DIR_TAB_FORWARD);
}

/* A large stepper: the value typed or stepped with 48 px − and + buttons. */
static GtkWidget *
count_stepper (AxwManagerShifts *self,
               guint             i)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (denominations[i].label);
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "axw-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_widget_set_size_request (spin, -1, 56);
  gtk_widget_add_css_class (spin, "axw-big-entry");
  /* its − and + are touch targets; its text, which takes the focus, is named too */
  for (GtkWidget *c = gtk_widget_get_first_child (spin); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c))
      {
        GtkWidget *icon = gtk_button_get_child (GTK_BUTTON (c));

        gtk_widget_set_size_request (c, 56, 56);
        if (GTK_IS_IMAGE (icon))
          gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
      }
    else if (GTK_IS_TEXT (c))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _(denominations[i].a11y), -1);
        /* after the spin button's own handler, which takes the typed value */
        g_signal_connect (c, "activate", G_CALLBACK (count_activate_cb), self);
      }
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(denominations[i].a11y), -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (count_changed_cb), self);
  self->counts[i] = GTK_SPIN_BUTTON (spin);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  return box;
}

static void
add_steppers (AxwManagerShifts *self)
{
  for (guint i = 0; i < N_DENOMINATIONS; i++)
    {
      GtkWidget *child = gtk_flow_box_child_new ();

      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), count_stepper (self, i));
      gtk_flow_box_append (self->count_box, child);
    }
}

static void
axw_manager_shifts_dispose (GObject *object)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_SHIFTS);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (axw_manager_shifts_parent_class)->dispose (object);
}

static void
axw_manager_shifts_finalize (GObject *object)
{
  AxwManagerShifts *self = AXW_MANAGER_SHIFTS (object);

  g_clear_pointer (&self->shift, axw_shift_free);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->staff_names);
  g_free (self->manager);
  g_free (self->pdf_path);
  g_free (self->before_print);
  G_OBJECT_CLASS (axw_manager_shifts_parent_class)->finalize (object);
}

static void
axw_manager_shifts_class_init (AxwManagerShiftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_shifts_dispose;
  object_class->finalize = axw_manager_shifts_finalize;
  g_type_ensure (AXW_TYPE_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-shifts.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, shift_stack);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, staff);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, float_entry);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, open_pin);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, keypad);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, shift_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, cash_out);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, cash_in);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, cash_amount);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, cash_reason);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, cash_pin);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, count_box);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, count_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, z_date);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerShifts, z_list);
  gtk_widget_class_bind_template_callback (widget_class, float_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_pin_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, cash_amount_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, cash_reason_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, cash_pin_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, z_date_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, direction_toggled_cb);
  gtk_widget_class_install_action (widget_class, "shifts.open", NULL, open_cb);
  gtk_widget_class_install_action (widget_class, "shifts.cash", NULL, cash_cb);
  gtk_widget_class_install_action (widget_class, "shifts.close", NULL, close_cb);
  gtk_widget_class_install_action (widget_class, "shifts.clear-count", NULL, clear_count_cb);
  gtk_widget_class_install_action (widget_class, "shifts.z-close", NULL, z_close_cb);
  gtk_widget_class_install_action (widget_class, "shifts.z-print", "x", z_print_cb);
  gtk_widget_class_install_action (widget_class, "shifts.z-pdf", "x", z_pdf_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
axw_manager_shifts_init (AxwManagerShifts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->staff_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->staff, G_LIST_MODEL (self->staff_names));
  add_steppers (self);
  follow_focus (self, GTK_WIDGET (self->float_entry));
  follow_focus (self, GTK_WIDGET (self->open_pin));
  follow_focus (self, GTK_WIDGET (self->cash_amount));
  follow_focus (self, GTK_WIDGET (self->cash_reason));
  follow_focus (self, GTK_WIDGET (self->cash_pin));
  direction_toggled_cb (self);
  g_signal_connect (self, "map", G_CALLBACK (axw_manager_shifts_reload), NULL);
  update_actions (self);
}

AxwManagerShifts *
axw_manager_shifts_new (AxwDb      *db,
                        const char *manager)
{
  AxwManagerShifts *self = g_object_new (AXW_TYPE_MANAGER_SHIFTS, NULL);

  axw_manager_shifts_set_db (self, db, manager);
  return self;
}

/**
 * axw_manager_shifts_set_db:
 * @manager: who works the page: cash in and out and the Z need this
 *   manager's PIN, and everything is audited in this name
 */
void
axw_manager_shifts_set_db (AxwManagerShifts *self,
                           AxwDb            *db,
                           const char       *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_SHIFTS (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  default_z_date (self);
  axw_manager_shifts_reload (self);
}

void
axw_manager_shifts_set_clock (AxwManagerShifts *self,
                              GDateTime        *at)
{
  g_return_if_fail (AXW_IS_MANAGER_SHIFTS (self));
  g_clear_pointer (&self->clock, g_date_time_unref);
  self->clock = at ? g_date_time_ref (at) : NULL;
  if (self->db != NULL)
    default_z_date (self);
}

gboolean
axw_manager_shifts_set_count (AxwManagerShifts *self,
                              gint64            fen,
                              int               pieces)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SHIFTS (self), FALSE);
  for (guint i = 0; i < N_DENOMINATIONS; i++)
    if (denominations[i].fen == fen)
      {
        gtk_spin_button_set_value (self->counts[i], pieces);
        return gtk_spin_button_get_value_as_int (self->counts[i]) == pieces;
      }
  return FALSE;
}

/* Returns: (transfer none) (nullable): the open shift as shown */
const AxwShift *
axw_manager_shifts_get_shift (AxwManagerShifts *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SHIFTS (self), NULL);
  return self->shift;
}

const char *
axw_manager_shifts_get_message (AxwManagerShifts *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SHIFTS (self), NULL);
  return gtk_label_get_text (self->message);
}

/* Expected, counted and over or short, as shown while counting. */
const char *
axw_manager_shifts_get_count_text (AxwManagerShifts *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SHIFTS (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
axw_manager_shifts_get_pdf_path (AxwManagerShifts *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SHIFTS (self), NULL);
  return self->pdf_path;
}

/* Returns: (transfer none) (nullable) */
GtkWindow *
axw_manager_shifts_get_dialog (AxwManagerShifts *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SHIFTS (self), NULL);
  return self->dialog ? GTK_WINDOW (self->dialog) : NULL;
}

gboolean
axw_manager_shifts_is_busy (AxwManagerShifts *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_SHIFTS (self), FALSE);
  return self->checking != NULL || self->printing > 0 || self->saving > 0;
}
