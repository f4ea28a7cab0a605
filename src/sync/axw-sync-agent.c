/* axw-sync-agent.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-sync-agent.h"
#include "axw-sync.h"

struct _AxwSyncAgent {
  GObject        parent_instance;
  char          *db_path;
  GCancellable  *cancellable;
  guint          timer_id;
  gboolean       busy;
  gboolean       again;     /* kicked while a run was on: run once more */
  gint64         pending;
  gint64         dead;
  char          *last_success;
  char          *last_error;
};

G_DEFINE_FINAL_TYPE (AxwSyncAgent, axw_sync_agent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_BUSY,
  PROP_PENDING,
  PROP_DEAD,
  PROP_LAST_SUCCESS,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a run found, handed from the worker thread to the GTK thread. */
typedef struct {
  AxwSyncStatus status;
  char         *error;      /* the run's failure, if any */
} RunResult;

static void
run_result_free (RunResult *r)
{
  axw_sync_status_clear (&r->status);
  g_free (r->error);
  g_free (r);
}

/* A failed push is reported in the result; only the opening fails. */
static gboolean
run_job (AxwDb         *db,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **unused)
{
  RunResult *r = data;
  g_autoptr(GError) error = NULL;
  AxwSyncReport report;

  if (!axw_sync_push (db, NULL, &report, cancellable, &error))
    r->error = g_strdup (error->message);
  g_clear_error (&error);
  if (!axw_sync_get_status (db, &r->status, &error))
    r->error = g_strdup (error->message);
  return TRUE;
}

static void
set_int (AxwSyncAgent *self,
         gint64       *field,
         gint64        value,
         int           prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_text (AxwSyncAgent  *self,
          char         **field,
          const char    *value,
          int            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_busy (AxwSyncAgent *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  AxwSyncAgent *self = AXW_SYNC_AGENT (source);
  RunResult *r = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && r->error == NULL)
    r->error = g_strdup (error->message);   /* the database did not open */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_freeze_notify (G_OBJECT (self));
      set_int (self, &self->pending, r->status.pending, PROP_PENDING);
      set_int (self, &self->dead, r->status.dead, PROP_DEAD);
      set_text (self, &self->last_success, r->status.last_success, PROP_LAST_SUCCESS);
      set_text (self, &self->last_error, r->error ? r->error : r->status.last_error,
                PROP_LAST_ERROR);
      g_object_thaw_notify (G_OBJECT (self));
    }
  set_busy (self, FALSE);
  if (self->again && !g_cancellable_is_cancelled (self->cancellable))
    axw_sync_agent_kick (self);
}

/**
 * axw_sync_agent_kick:
 *
 * Pushes now (after a sale, or the manager's "send now"); when a run is
 * on, one more follows it.
 */
void
axw_sync_agent_kick (AxwSyncAgent *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AXW_IS_SYNC_AGENT (self));

  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  self->again = FALSE;
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, run_done, NULL);
  g_task_set_source_tag (task, axw_sync_agent_kick);
  g_task_set_task_data (task, g_new0 (RunResult, 1), (GDestroyNotify) run_result_free);
  axw_db_job_run (task, self->db_path, run_job);
}

static gboolean
tick (gpointer data)
{
  axw_sync_agent_kick (data);
  return G_SOURCE_CONTINUE;
}

/* Pushes every @interval_s seconds (retries still wait for their time). */
void
axw_sync_agent_start (AxwSyncAgent *self,
                      guint         interval_s)
{
  g_return_if_fail (AXW_IS_SYNC_AGENT (self));
  g_return_if_fail (interval_s > 0);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_seconds (interval_s, tick, self);
  axw_sync_agent_kick (self);
}

void
axw_sync_agent_stop (AxwSyncAgent *self)
{
  g_return_if_fail (AXW_IS_SYNC_AGENT (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
}

AxwSyncAgent *
axw_sync_agent_new (const char *db_path)
{
  return g_object_new (AXW_TYPE_SYNC_AGENT, "db-path", db_path, NULL);
}

gboolean
axw_sync_agent_get_busy (AxwSyncAgent *self)
{
  g_return_val_if_fail (AXW_IS_SYNC_AGENT (self), FALSE);
  return self->busy;
}

gint64
axw_sync_agent_get_pending (AxwSyncAgent *self)
{
  g_return_val_if_fail (AXW_IS_SYNC_AGENT (self), 0);
  return self->pending;
}

gint64
axw_sync_agent_get_dead (AxwSyncAgent *self)
{
  g_return_val_if_fail (AXW_IS_SYNC_AGENT (self), 0);
  return self->dead;
}

const char *
axw_sync_agent_get_last_success (AxwSyncAgent *self)
{
  g_return_val_if_fail (AXW_IS_SYNC_AGENT (self), NULL);
  return self->last_success;
}

const char *
axw_sync_agent_get_last_error (AxwSyncAgent *self)
{
  g_return_val_if_fail (AXW_IS_SYNC_AGENT (self), NULL);
  return self->last_error;
}

static void
axw_sync_agent_dispose (GObject *object)
{
  AxwSyncAgent *self = AXW_SYNC_AGENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  G_OBJECT_CLASS (axw_sync_agent_parent_class)->dispose (object);
}

static void
axw_sync_agent_finalize (GObject *object)
{
  AxwSyncAgent *self = AXW_SYNC_AGENT (object);

  g_clear_object (&self->cancellable);
  g_free (self->db_path);
  g_free (self->last_success);
  g_free (self->last_error);
  G_OBJECT_CLASS (axw_sync_agent_parent_class)->finalize (object);
}

static void
axw_sync_agent_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AxwSyncAgent *self = AXW_SYNC_AGENT (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_DEAD:
      g_value_set_int64 (value, self->dead);
      break;
    case PROP_LAST_SUCCESS:
      g_value_set_string (value, self->last_success);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_sync_agent_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AxwSyncAgent *self = AXW_SYNC_AGENT (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_sync_agent_class_init (AxwSyncAgentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = axw_sync_agent_dispose;
  object_class->finalize = axw_sync_agent_finalize;
  object_class->get_property = axw_sync_agent_get_property;
  object_class->set_property = axw_sync_agent_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_PENDING] = g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DEAD] = g_param_spec_int64 ("dead", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LAST_SUCCESS] = g_param_spec_string ("last-success", NULL, NULL, NULL, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
axw_sync_agent_init (AxwSyncAgent *self)
{
  self->cancellable = g_cancellable_new ();
}
