/* axw-print-runner.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-print-runner.h"

#include "axw-print-queue.h"
#include "axw-settings.h"

struct _AxwPrintRunner
{
  GObject  parent_instance;

  AxwDb   *db;
  gboolean running;
  gboolean again;
};

G_DEFINE_FINAL_TYPE (AxwPrintRunner, axw_print_runner, G_TYPE_OBJECT)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(AxwPrintRunner) self = data;
  g_autoptr(GError) error = NULL;
  guint failed = 0;
  gboolean ok;

  self->running = FALSE;
  ok = axw_print_queue_run_finish (result, &failed, &error);
  if (!ok)
    g_message ("print queue: %s", error->message);
  g_signal_emit (self, signals[FINISHED], 0, ok && failed == 0);
  if (self->again)
    axw_print_runner_run (self);
}

/**
 * axw_print_runner_run:
 *
 * Prints what the queue holds, to the printer of the settings as they are
 * now. While a run goes on, this only asks for one more after it.
 * #AxwPrintRunner::finished follows each run.
 */
void
axw_print_runner_run (AxwPrintRunner *self)
{
  g_autofree char *printer = NULL;

  g_return_if_fail (AXW_IS_PRINT_RUNNER (self));

  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  self->running = TRUE;
  self->again = FALSE;
  printer = axw_settings_get (self->db, "printer");
  axw_print_queue_run_async (self->db, printer, NULL, run_done_cb, g_object_ref (self));
}

gboolean
axw_print_runner_is_running (AxwPrintRunner *self)
{
  g_return_val_if_fail (AXW_IS_PRINT_RUNNER (self), FALSE);

  return self->running;
}

static void
axw_print_runner_dispose (GObject *object)
{
  AxwPrintRunner *self = AXW_PRINT_RUNNER (object);

  g_clear_object (&self->db);
  G_OBJECT_CLASS (axw_print_runner_parent_class)->dispose (object);
}

static void
axw_print_runner_class_init (AxwPrintRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = axw_print_runner_dispose;
  /**
   * AxwPrintRunner::finished:
   * @all_printed: every job was printed; otherwise one failed and waits in
   *   the queue with its reason, or the queue could not be read
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
axw_print_runner_init (AxwPrintRunner *self)
{
}

/* Returns: (transfer full): a runner of @db's print queue */
AxwPrintRunner *
axw_print_runner_new (AxwDb *db)
{
  AxwPrintRunner *self;

  g_return_val_if_fail (AXW_IS_DB (db), NULL);

  self = g_object_new (AXW_TYPE_PRINT_RUNNER, NULL);
  self->db = g_object_ref (db);
  return self;
}
