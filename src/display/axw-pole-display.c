/* axw-pole-display.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frames go into a queue on the GTK thread (encoding them takes
 * microseconds) and a worker thread writes them to the port, raw (termios:
 * no echo, no line discipline, the baud rate set, modem lines ignored). A
 * display that is not there, or takes nothing for half a second, is closed;
 * frames are dropped while it is away and it is opened again at most once
 * a second, so a sale never waits for it. The first failure after it
 * worked (or at the start) is reported once, in words, through
 * ::problem on the thread that made the display; a write that works again
 * clears it.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "axw-pole-display.h"

#define WRITE_TIMEOUT_MS 500
#define REOPEN_US        G_USEC_PER_SEC

/* The worker's own state, shared with the object by reference. */
typedef struct {
  gint             ref_count;
  char            *device;
  guint            baud;
  AxwPoleCommands  commands;
  GAsyncQueue     *queue;          /* GBytes; the stop marker last */
  GMainContext    *context;        /* where ::problem is emitted */
  GWeakRef         owner;
  int              fd;
  gint64           last_attempt;
  gboolean         reported;       /* a problem told and not yet over */
} Worker;

struct _AxwPoleDisplay
{
  GObject  parent_instance;

  Worker  *worker;
  GThread *thread;
  char    *problem;
};

G_DEFINE_FINAL_TYPE (AxwPoleDisplay, axw_pole_display, G_TYPE_OBJECT)

enum {
  SIGNAL_PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GBytes *stop_marker;

static Worker *
worker_ref (Worker *w)
{
  g_atomic_int_inc (&w->ref_count);
  return w;
}

static void
worker_unref (Worker *w)
{
  if (!g_atomic_int_dec_and_test (&w->ref_count))
    return;
  if (w->fd >= 0)
    close (w->fd);
  g_async_queue_unref (w->queue);
  g_main_context_unref (w->context);
  g_weak_ref_clear (&w->owner);
  g_free (w->device);
  g_free (w);
}

typedef struct {
  Worker *worker;
  char   *text;     /* NULL: the problem is over */
} Report;

static gboolean
report_cb (gpointer data)
{
  Report *r = data;
  g_autoptr(AxwPoleDisplay) self = g_weak_ref_get (&r->worker->owner);

  if (self != NULL)
    {
      g_free (self->problem);
      self->problem = g_strdup (r->text);
      if (r->text != NULL)
        g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, r->text);
    }
  worker_unref (r->worker);
  g_free (r->text);
  g_free (r);
  return G_SOURCE_REMOVE;
}

/* From the worker: tells the owner's thread, once per outage. */
static void
report (Worker     *w,
        const char *why)
{
  Report *r;

  if ((why != NULL) == w->reported)
    return;
  w->reported = why != NULL;
  r = g_new0 (Report, 1);
  r->worker = worker_ref (w);
  r->text = why
    ? g_strdup_printf (_("The pole display on %s does not answer (%s): sales go on without "
                                     "it. Check its cable and its power; it is tried again by "
                                     "itself."),
                                   w->device, why)
                : NULL;
  g_main_context_invoke (w->context, report_cb, r);
}

static speed_t
speed_of (guint baud)
{
  switch (baud)
    {
    case 2400: return B2400;
    case 4800: return B4800;
    case 19200: return B19200;
    case 38400: return B38400;
    case 115200: return B115200;
    default: return B9600;
    }
}

/* Waits up to WRITE_TIMEOUT_MS for the port to take more. */
static gboolean
write_all (Worker     *w,
           GBytes     *bytes,
           const char **why)
{
  gsize n;
  const guint8 *p = g_bytes_get_data (bytes, &n);

  while (n > 0)
    {
      ssize_t done = write (w->fd, p, n);
      struct pollfd pfd = { w->fd, POLLOUT, 0 };

      if (done > 0)
        {
          p += done;
          n -= (gsize) done;
          continue;
        }
      if (done < 0 && errno == EINTR)
        continue;
      if (done < 0 && errno != EAGAIN)
        {
          *why = g_strerror (errno);
          return FALSE;
        }
      if (poll (&pfd, 1, WRITE_TIMEOUT_MS) <= 0 || (pfd.revents & (POLLERR | POLLHUP)))
        {
          *why = _("it takes no data");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
open_port (Worker      *w,
           const char **why)
{
  struct termios tio;

  w->last_attempt = g_get_monotonic_time ();
  w->fd = open (w->device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (w->fd < 0)
    {
      *why = g_strerror (errno);
      return FALSE;
    }
  /* a file or a FIFO (for a look at the bytes) has no line settings */
  if (tcgetattr (w->fd, &tio) == 0)
    {
      cfmakeraw (&tio);
      tio.c_cflag |= CLOCAL | CREAD;
      cfsetispeed (&tio, speed_of (w->baud));
      cfsetospeed (&tio, speed_of (w->baud));
      if (tcsetattr (w->fd, TCSANOW, &tio) != 0)
        {
          *why = g_strerror (errno);
          close (w->fd);
          w->fd = -1;
          return FALSE;
        }
    }
  {
    g_autoptr(GBytes) init = axw_pole_init (w->commands);

    if (!write_all (w, init, why))
      {
        close (w->fd);
        w->fd = -1;
        return FALSE;
      }
  }
  return TRUE;
}

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  GBytes *bytes;

  while ((bytes = g_async_queue_pop (w->queue)) != stop_marker)
    {
      const char *why = NULL;

      if (w->fd < 0 && g_get_monotonic_time () - w->last_attempt < REOPEN_US &&
          w->last_attempt != 0)
        {
          g_bytes_unref (bytes);    /* away: dropped, not queued up */
          continue;
        }
      if ((w->fd >= 0 || open_port (w, &why)) && write_all (w, bytes, &why))
        report (w, NULL);
      else
        {
          if (w->fd >= 0)
            close (w->fd);
          w->fd = -1;
          w->last_attempt = g_get_monotonic_time ();
          report (w, why);
        }
      g_bytes_unref (bytes);
    }
  g_bytes_unref (bytes);
  worker_unref (w);
  return NULL;
}

/**
 * axw_pole_display_new:
 * @device: the serial port, "/dev/ttyUSB0"
 * @baud: 2400, 4800, 9600, 19200, 38400 or 115200
 *
 * Starts the worker; the port is opened at the first frame.
 */
AxwPoleDisplay *
axw_pole_display_new (const char      *device,
                      guint            baud,
                      AxwPoleCommands  commands)
{
  AxwPoleDisplay *self = g_object_new (AXW_TYPE_POLE_DISPLAY, NULL);
  Worker *w = g_new0 (Worker, 1);

  g_return_val_if_fail (device != NULL, NULL);

  if (g_once_init_enter (&stop_marker))
    g_once_init_leave (&stop_marker, g_bytes_new_static ("", 0));
  w->ref_count = 2;     /* the object's and the thread's */
  w->device = g_strdup (device);
  w->baud = baud;
  w->commands = commands;
  w->queue = g_async_queue_new ();
  w->context = g_main_context_ref_thread_default ();
  w->fd = -1;
  g_weak_ref_init (&w->owner, self);
  self->worker = w;
  self->thread = g_thread_new ("axw-pole", worker_run, w);
  return self;
}

/* Shows @frame on the display, soon: never waits. */
void
axw_pole_display_show (AxwPoleDisplay     *self,
                       const AxwPoleFrame *frame)
{
  g_return_if_fail (AXW_IS_POLE_DISPLAY (self));
  g_async_queue_push (self->worker->queue, axw_pole_encode (self->worker->commands, frame));
}

/* Returns: (nullable): the problem told last, while it lasts */
const char *
axw_pole_display_get_problem (AxwPoleDisplay *self)
{
  g_return_val_if_fail (AXW_IS_POLE_DISPLAY (self), NULL);
  return self->problem;
}

const char *
axw_pole_display_get_device (AxwPoleDisplay *self)
{
  g_return_val_if_fail (AXW_IS_POLE_DISPLAY (self), NULL);
  return self->worker->device;
}

static void
axw_pole_display_finalize (GObject *object)
{
  AxwPoleDisplay *self = AXW_POLE_DISPLAY (object);

  /* the worker ends after what is queued (each write is bounded by the
   * timeout); it is not waited for */
  g_async_queue_push (self->worker->queue, g_bytes_ref (stop_marker));
  g_thread_unref (self->thread);
  worker_unref (self->worker);
  g_free (self->problem);
  G_OBJECT_CLASS (axw_pole_display_parent_class)->finalize (object);
}

static void
axw_pole_display_class_init (AxwPoleDisplayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = axw_pole_display_finalize;

  /**
   * AxwPoleDisplay::problem:
   * @text: what is wrong, in words for the cashier
   *
   * The display stopped answering (or never did); emitted once until a
   * frame reaches it again.
   */
  signals[SIGNAL_PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
axw_pole_display_init (AxwPoleDisplay *self)
{
}
