/* axw-setup-assistant.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first start on a database without staff: the shop, the first
 * manager (the PIN typed twice), the receipt paper and printer with a
 * test page, and optionally a products file. Nothing is stored until
 * every value is valid and the products file has been checked (a dry
 * run): then the settings, the manager and the products, in that order,
 * and "finished" is emitted. No PIN is ever made up for the shop.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-escpos.h"
#include "axw-printer.h"
#include "axw-products.h"
#include "axw-receipt.h"
#include "axw-settings.h"
#include "axw-setup-assistant.h"
#include "axw-staff.h"

struct _AxwSetupAssistant
{
  GtkBox            parent_instance;

  AxwDb            *db;
  GFile            *import_file;
  GCancellable     *cancellable;
  gboolean          testing;
  gboolean          busy;

  GtkEntry         *shop_name;
  GtkEntry         *shop_address;
  GtkEntry         *shop_code;
  GtkEntry         *terminal_code;
  GtkEntry         *manager_name;
  GtkPasswordEntry *pin;
  GtkPasswordEntry *pin_again;
  GtkDropDown      *width;
  GtkEntry         *printer;
  GtkButton        *test_button;
  GtkLabel         *test_result;
  GtkLabel         *import_label;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (AxwSetupAssistant, axw_setup_assistant, GTK_TYPE_BOX)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const widths[] = { "58", "80" };

static char *
text_of (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static char *
width_of (AxwSetupAssistant *self)
{
  guint i = gtk_drop_down_get_selected (self->width);

  return g_strdup (widths[i < G_N_ELEMENTS (widths) ? i : 0]);
}

static void
show_message (AxwSetupAssistant *self,
              const char        *text,
              gpointer           focus)
{
  g_autofree char *shown = g_strdup_printf ("⚠ %s", text);

  gtk_label_set_text (self->message, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
  if (focus != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (focus));
}

/* Test page ------------------------------------------------------------- */

static void
test_sent_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AxwSetupAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->testing = FALSE;
  if (!axw_printer_send_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  text = error ? g_strdup_printf ("⚠ %s", error->message)
               : g_strdup (_("✔ Test page sent. Check that it printed."));
  gtk_label_set_text (self->test_result, text);
  gtk_widget_set_visible (GTK_WIDGET (self->test_result), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
}

static void
test_page_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  AxwSetupAssistant *self = AXW_SETUP_ASSISTANT (widget);
  g_autofree char *target = text_of (self->printer);
  g_autofree char *name = text_of (self->shop_name);
  g_autofree char *width = width_of (self);
  g_autofree char *url = axw_settings_get (self->db, "receipt.qr_url");
  AxwReceiptSettings s = { *name ? name : _("Shop name"), NULL, NULL, url,
                           (guint) g_ascii_strtoull (width, NULL, 10) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (self->testing)
    return;
  items = axw_receipt_test_page (&s);
  if (!axw_settings_validate ("printer", target, &error) ||
      (bytes = axw_escpos_encode (items, s.width_mm, NULL, &error)) == NULL)
    {
      g_autofree char *text = g_strdup_printf ("⚠ %s", error->message);

      gtk_label_set_text (self->test_result, text);
      gtk_widget_set_visible (GTK_WIDGET (self->test_result), TRUE);
      return;
    }
  self->testing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  gtk_label_set_text (self->test_result, _("Printing the test page…"));
  gtk_widget_set_visible (GTK_WIDGET (self->test_result), TRUE);
  axw_printer_send_async (target, bytes, self->cancellable, test_sent_cb, g_object_ref (self));
}

/* Products file --------------------------------------------------------- */

static void
chosen_cb (GtkNativeDialog *dialog,
           int              response,
           gpointer         data)
{
  AxwSetupAssistant *self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      axw_setup_assistant_set_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
choose_file_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Products file (CSV)"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Finish ---------------------------------------------------------------- */

/* The settings of the first page, checked one by one so that the person
 * is taken to the field that is wrong. */
static gboolean
check_settings (AxwSetupAssistant  *self,
                const char * const *keys,
                const char * const *values)
{
  gpointer widgets[] = { self->shop_name, self->shop_address, self->shop_code, self->terminal_code,
                         self->width, self->printer };

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!axw_settings_validate (keys[i], values[i], &error))
        {
          show_message (self, error->message, widgets[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_manager (AxwSetupAssistant *self,
               const char        *name,
               const char        *pin)
{
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    show_message (self, _("Write the first manager’s name."), self->manager_name);
  else if (!axw_staff_pin_is_valid (pin, &error))
    show_message (self, error->message, self->pin);
  else if (!g_str_equal (pin, gtk_editable_get_text (GTK_EDITABLE (self->pin_again))))
    show_message (self, _("The two PINs differ. Type the same PIN twice."), self->pin_again);
  else
    return TRUE;
  return FALSE;
}

/* What Finish stores, copied for the worker thread. */
typedef struct {
  char   *db_path;
  GStrv   values;        /* one per setting_keys[] */
  char   *manager;
  char   *pin;
  GFile  *import_file;   /* nullable */
} SetupJob;

static const char * const setting_keys[] = { "shop.name", "shop.address", "shop.code",
  "terminal.code",
                                             "receipt.width", "printer", NULL };

static void
setup_job_free (SetupJob *job)
{
  g_free (job->db_path);
  g_strfreev (job->values);
  g_free (job->manager);
  if (job->pin != NULL)
    memset (job->pin, 0, strlen (job->pin));
  g_free (job->pin);
  g_clear_object (&job->import_file);
  g_free (job);
}

/* A bad products file stores nothing at all: it is checked (a dry run)
 * before the settings and the manager are written. */
/* its own connection, off the GTK thread: the PIN's hash and a large
 * products file take seconds on a counter's CPU */
static gboolean
run_setup (AxwDb         *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SetupJob *job = data;
  g_autoptr(GBytes) products = NULL;
  gconstpointer text = NULL;
  gsize len = 0;

  if (job->import_file != NULL)
    {
      products = g_file_load_bytes (job->import_file, cancellable, NULL, error);
      if (products == NULL)
        return FALSE;
      text = g_bytes_get_data (products, &len);
      if (!axw_products_import_csv_full (db, text, len, TRUE, NULL, NULL, NULL, NULL, NULL, error))
        return FALSE;
    }
  return axw_settings_apply (db, setting_keys, (const char * const *) job->values, job->manager,
                             NULL, error) &&
         axw_staff_add (db, job->manager, TRUE, job->pin, error) != 0 &&
         (products == NULL ||
          axw_products_import_csv_full (db, text, len, FALSE, job->manager, NULL, NULL, NULL, NULL,
                                        error));
}

static void
setup_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AxwSetupAssistant *self = AXW_SETUP_ASSISTANT (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->cancellable == NULL)
    return;   /* the window is gone; what was stored stays stored */
  self->busy = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.finish", TRUE);
  if (error != NULL)
    {
      show_message (self, error->message, NULL);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->pin), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_again), "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
finish_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwSetupAssistant *self = AXW_SETUP_ASSISTANT (widget);
  gpointer fields[] = { self->shop_name, self->shop_address, self->shop_code, self->terminal_code };
  g_autoptr(GTask) task = NULL;
  SetupJob *job = g_new0 (SetupJob, 1);
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_ptr_array_add (values, text_of (fields[i]));
  g_ptr_array_add (values, width_of (self));
  g_ptr_array_add (values, text_of (self->printer));
  g_ptr_array_add (values, NULL);
  job->values = (GStrv) g_ptr_array_free (values, FALSE);
  job->manager = text_of (self->manager_name);
  job->pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin)));
  if (self->busy ||
      !check_settings (self, setting_keys, (const char * const *) job->values) ||
      !check_manager (self, job->manager, job->pin))
    {
      setup_job_free (job);
      return;
    }
  job->db_path = g_strdup (axw_db_get_path (self->db));
  job->import_file = self->import_file ? g_object_ref (self->import_file) : NULL;
  self->busy = TRUE;
  gtk_widget_action_set_enabled (widget, "setup.finish", FALSE);
  task = g_task_new (self, self->cancellable, setup_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) setup_job_free);
  axw_db_job_run (task, job->db_path, run_setup);
}

/* The type -------------------------------------------------------------- */

static void
fill (AxwSetupAssistant *self)
{
  struct { const char *key; GtkEntry *entry; } shown[] = {
    { "shop.name", self->shop_name }, { "shop.address", self->shop_address },
    { "shop.code", self->shop_code }, { "terminal.code", self->terminal_code },
    { "printer", self->printer },
  };
  g_autofree char *width = axw_settings_get (self->db, "receipt.width");

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autofree char *value = axw_settings_get (self->db, shown[i].key);

      gtk_editable_set_text (GTK_EDITABLE (shown[i].entry), value ? value : "");
    }
  gtk_drop_down_set_selected (self->width, g_strcmp0 (width, "80") == 0 ? 1 : 0);
}

static void
axw_setup_assistant_dispose (GObject *object)
{
  AxwSetupAssistant *self = AXW_SETUP_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_file);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_SETUP_ASSISTANT);
  G_OBJECT_CLASS (axw_setup_assistant_parent_class)->dispose (object);
}

static void
axw_setup_assistant_class_init (AxwSetupAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_setup_assistant_dispose;

  /**
   * AxwSetupAssistant::finished:
   *
   * The shop is set up: its settings and first manager are stored.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-setup-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, shop_name);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, shop_address);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, shop_code);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, terminal_code);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, manager_name);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, pin);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, pin_again);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, width);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, printer);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, test_button);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, test_result);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, import_label);
  gtk_widget_class_bind_template_child (widget_class, AxwSetupAssistant, message);
  gtk_widget_class_install_action (widget_class, "setup.test-page", NULL, test_page_cb);
  gtk_widget_class_install_action (widget_class, "setup.choose-file", NULL, choose_file_cb);
  gtk_widget_class_install_action (widget_class, "setup.finish", NULL, finish_cb);
}

/* Enter in any field is Finish: what is missing or wrong gets the focus */
static void
entry_activate_cb (AxwSetupAssistant *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "setup.finish", NULL);
}

static void
axw_setup_assistant_init (AxwSetupAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  {
    gpointer entries[] = { self->shop_name, self->shop_address, self->shop_code,
      self->terminal_code,
                           self->manager_name, self->pin, self->pin_again, self->printer };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect_swapped (entries[i], "activate", G_CALLBACK (entry_activate_cb), self);
  }
}

/**
 * axw_setup_assistant_new:
 * @db: a database without staff
 *
 * Returns: (transfer floating): the assistant, its fields filled with
 *   the settings' current values
 */
AxwSetupAssistant *
axw_setup_assistant_new (AxwDb *db)
{
  g_return_val_if_fail (AXW_IS_DB (db), NULL);

  AxwSetupAssistant *self = g_object_new (AXW_TYPE_SETUP_ASSISTANT, NULL);

  self->db = g_object_ref (db);
  fill (self);
  return self;
}

/**
 * axw_setup_assistant_get_field:
 * @field: a setting ("shop.name", "shop.address", "shop.code",
 *   "terminal.code", "printer") or "manager.name", "manager.pin",
 *   "manager.pin-again"
 *
 * Returns: (transfer none) (nullable): the field where it is typed
 */
GtkEditable *
axw_setup_assistant_get_field (AxwSetupAssistant *self,
                               const char        *field)
{
  struct { const char *name; gpointer widget; } fields[] = {
    { "shop.name", self->shop_name }, { "shop.address", self->shop_address },
    { "shop.code", self->shop_code }, { "terminal.code", self->terminal_code },
    { "printer", self->printer }, { "manager.name", self->manager_name },
    { "manager.pin", self->pin }, { "manager.pin-again", self->pin_again },
  };

  g_return_val_if_fail (AXW_IS_SETUP_ASSISTANT (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      return GTK_EDITABLE (fields[i].widget);
  return NULL;
}

/* @file: (nullable): the products CSV to import when setup finishes */
void
axw_setup_assistant_set_import_file (AxwSetupAssistant *self,
                                     GFile             *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (AXW_IS_SETUP_ASSISTANT (self));
  g_set_object (&self->import_file, file);
  name = file ? g_file_get_basename (file) : NULL;
  text = name ? g_strdup_printf (_("Products from %s are added when you finish."), name)
              : g_strdup (_("No products file: add products later on the manager’s Products page."));
  gtk_label_set_text (self->import_label, text);
}

/* Returns: what is wrong, "" when nothing is */
const char *
axw_setup_assistant_get_message (AxwSetupAssistant *self)
{
  g_return_val_if_fail (AXW_IS_SETUP_ASSISTANT (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message))
    ? gtk_label_get_text (self->message) : "";
}

/* Returns: how the test page went, "" before the first */
const char *
axw_setup_assistant_get_test_result (AxwSetupAssistant *self)
{
  g_return_val_if_fail (AXW_IS_SETUP_ASSISTANT (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->test_result))
    ? gtk_label_get_text (self->test_result) : "";
}

gboolean
axw_setup_assistant_is_testing (AxwSetupAssistant *self)
{
  g_return_val_if_fail (AXW_IS_SETUP_ASSISTANT (self), FALSE);
  return self->testing;
}

/* TRUE while Finish is storing the shop */
gboolean
axw_setup_assistant_is_busy (AxwSetupAssistant *self)
{
  g_return_val_if_fail (AXW_IS_SETUP_ASSISTANT (self), FALSE);
  return self->busy;
}
