/* axw-feedback.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sound and speech for the counter (docs/design.md §11). The tones are generated
 * here as WAV files in the cache directory and played with whatever the
 * system has (PulseAudio, PipeWire, ALSA); without any, the display bell.
 * Speech goes to speech-dispatcher's spd-say in Mandarin, and stays quiet
 * while a screen reader runs (org.a11y.Status.ScreenReaderEnabled on the
 * session bus, which GNOME sets when it starts Orca): two voices at once
 * are no use to anyone, and the screen reader says it all. Neither ever
 * blocks the counter: both run as subprocesses nobody waits for, started
 * after the frame that shows what they are about.
 */
#define _GNU_SOURCE   /* environ, posix_spawn_file_actions_addclosefrom_np */

#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <string.h>
#include <unistd.h>

#include "axw-feedback.h"

#define RATE 22050

struct _AxwFeedback
{
  GObject    parent_instance;

  gboolean   sound;
  gboolean   speech;
  gboolean   screen_reader;
  gboolean   watching;
  GDBusProxy *a11y_status; /* org.a11y.Status of the session's accessibility bus */
  guint      n_played[AXW_N_SOUNDS];
  char      *last_spoken;
  char      *player;
  GPtrArray *later;       /* GStrv of each program to start after the frame */
  guint      later_id;
};

G_DEFINE_FINAL_TYPE (AxwFeedback, axw_feedback, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCREEN_READER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Frequencies (Hz) and durations (ms) of each sound's notes; 0 Hz rests. */
static const struct { int hz[4]; int ms[4]; } tones[AXW_N_SOUNDS] = {
  [AXW_SOUND_SCAN]      = { { 1320 }, { 70 } },
  [AXW_SOUND_ERROR]     = { { 330, 0, 262 }, { 180, 60, 260 } },
  [AXW_SOUND_ACCEPTED]  = { { 880, 1175 }, { 90, 140 } },
  [AXW_SOUND_SALE_DONE] = { { 784, 988, 1319 }, { 90, 90, 200 } },
};

static const char *sound_names[AXW_N_SOUNDS] = { "scan", "error", "accepted", "sale-done" };

static void
put_le (GByteArray *out,
        guint32     value,
        guint       n_bytes)
{
  for (guint i = 0; i < n_bytes; i++)
    {
      guint8 b = (value >> (8 * i)) & 0xff;
      g_byte_array_append (out, &b, 1);
    }
}

/**
 * axw_feedback_render_wav:
 *
 * Returns: (transfer full): the sound as a 16-bit mono PCM WAV file
 */
GBytes *
axw_feedback_render_wav (AxwSound sound)
{
  GByteArray *out = g_byte_array_new ();
  guint n = 0;

  g_return_val_if_fail (sound < AXW_N_SOUNDS, NULL);
  for (guint i = 0; i < 4; i++)
    n += tones[sound].ms[i] * RATE / 1000;
  g_byte_array_append (out, (const guint8 *) "RIFF", 4);
  put_le (out, 36 + n * 2, 4);
  g_byte_array_append (out, (const guint8 *) "WAVEfmt ", 8);
  put_le (out, 16, 4);
  put_le (out, 1, 2);           /* PCM */
  put_le (out, 1, 2);           /* mono */
  put_le (out, RATE, 4);
  put_le (out, RATE * 2, 4);
  put_le (out, 2, 2);
  put_le (out, 16, 2);
  g_byte_array_append (out, (const guint8 *) "data", 4);
  put_le (out, n * 2, 4);
  for (guint i = 0; i < 4; i++)
    {
      guint len = tones[sound].ms[i] * RATE / 1000;

      for (guint t = 0; t < len; t++)
        {
          /* a short fade in and out keeps the tone from clicking */
          double env = MIN (1.0, MIN (t, len - t) / (RATE * 0.005));
          double v = tones[sound].hz[i] ? sin (2 * G_PI * tones[sound].hz[i] * t / RATE) : 0;

          put_le (out, (guint16) (gint16) (v * env * 12000), 2);
        }
    }
  return g_byte_array_free_to_bytes (out);
}

static char *
sound_file (AxwSound sound)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "aixinwu", "sounds", NULL);
  g_autofree char *name = g_strconcat (sound_names[sound], ".wav", NULL);
  char *path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) wav = axw_feedback_render_wav (sound);

      g_mkdir_with_parents (dir, 0700);
      if (!g_file_set_contents (path, g_bytes_get_data (wav, NULL), g_bytes_get_size (wav), NULL))
        g_clear_pointer (&path, g_free);
    }
  return path;
}

static void
reap_cb (GPid     pid,
         gint     status,
         gpointer data)
{
  g_spawn_close_pid (pid);
}

/* posix_spawn, not GSubprocess: glibc's posix_spawn is a vfork, while
 * GLib forks here, and a fork of the counter (≈ 130 MB) costs the scan
 * that asked for its beep 7 ms in copied page tables and the faults after
 * them. The child gets /dev/null for its standard streams and no other
 * file of ours. */
static void
spawn_quietly (const char * const *argv)
{
  posix_spawn_file_actions_t actions;
  pid_t pid;
  int err;

  posix_spawn_file_actions_init (&actions);
  for (int fd = 0; fd < 3; fd++)
    posix_spawn_file_actions_addopen (&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
  posix_spawn_file_actions_addclosefrom_np (&actions, 3);
  err = posix_spawn (&pid, argv[0], &actions, NULL, (char * const *) argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (err != 0)
    {
      g_debug ("feedback: %s: %s", argv[0], g_strerror (err));
      return;
    }
  g_child_watch_add (pid, reap_cb, NULL);
}

static gboolean
start_later_cb (gpointer data)
{
  AxwFeedback *self = data;

  self->later_id = 0;
  for (guint i = 0; i < self->later->len; i++)
    spawn_quietly (g_ptr_array_index (self->later, i));
  g_ptr_array_set_size (self->later, 0);
  return G_SOURCE_REMOVE;
}

/* The program starts once the frame that shows the scan is drawn (a low
 * idle runs after GDK's redraw): its exec and dynamic loading then do not
 * take a core from the counter and the X server in that frame. A sound
 * player needs tens of ms to sound anyway. */
static void
start_after_frame (AxwFeedback        *self,
                   const char * const *argv)
{
  g_ptr_array_add (self->later, g_strdupv ((char **) argv));
  if (self->later_id == 0)
    self->later_id = g_idle_add_full (G_PRIORITY_LOW, start_later_cb, self, NULL);
}

void
axw_feedback_play (AxwFeedback *self,
                   AxwSound     sound,
                   GtkWidget   *widget)
{
  g_autofree char *path = NULL;

  g_return_if_fail (AXW_IS_FEEDBACK (self));
  g_return_if_fail (sound < AXW_N_SOUNDS);

  self->n_played[sound]++;
  if (!self->sound)
    return;
  if (self->player == NULL || (path = sound_file (sound)) == NULL)
    {
      if (widget != NULL)
        gtk_widget_error_bell (widget);
      return;
    }
  start_after_frame (self, (const char * const[]) { self->player, path, NULL });
}

/* Speech is for people who cannot read the screen well; it says the item
 * and price, the total and the change. */
void
axw_feedback_say (AxwFeedback *self,
                  const char  *text)
{
  g_autofree char *spd = NULL;
  const char *lang = g_str_has_prefix (g_get_language_names ()[0], "en") ? "en" : "zh";

  g_return_if_fail (AXW_IS_FEEDBACK (self));

  if (!self->speech || self->screen_reader || text == NULL)
    return;
  g_free (self->last_spoken);
  self->last_spoken = g_strdup (text);
  spd = g_find_program_in_path ("spd-say");
  if (spd != NULL)
    start_after_frame (self, (const char * const[]) { spd, "-l", lang, "--", text, NULL });
}

void
axw_feedback_set_sound (AxwFeedback *self,
                        gboolean     sound)
{
  g_return_if_fail (AXW_IS_FEEDBACK (self));
  self->sound = !!sound;
}

void
axw_feedback_set_speech (AxwFeedback *self,
                         gboolean     speech)
{
  g_return_if_fail (AXW_IS_FEEDBACK (self));
  self->speech = !!speech;
}

/**
 * axw_feedback_set_screen_reader:
 *
 * A screen reader runs: the program's own speech stays quiet.
 */
void
axw_feedback_set_screen_reader (AxwFeedback *self,
                                gboolean     screen_reader)
{
  g_return_if_fail (AXW_IS_FEEDBACK (self));

  screen_reader = !!screen_reader;
  if (screen_reader == self->screen_reader)
    return;
  self->screen_reader = screen_reader;
  g_message ("a screen reader is %s: the counter's own speech %s", screen_reader ? "on" : "off",
             screen_reader ? "stays quiet" : "speaks when a person has it on");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREEN_READER]);
}

gboolean
axw_feedback_get_screen_reader (AxwFeedback *self)
{
  g_return_val_if_fail (AXW_IS_FEEDBACK (self), FALSE);
  return self->screen_reader;
}

static void
a11y_status_changed_cb (AxwFeedback *self)
{
  g_autoptr(GVariant) on = g_dbus_proxy_get_cached_property (self->a11y_status,
                                                             "ScreenReaderEnabled");

  axw_feedback_set_screen_reader (self,
                                  on != NULL && g_variant_is_of_type (on, G_VARIANT_TYPE_BOOLEAN) &&
                                        g_variant_get_boolean (on));
}

static void
a11y_status_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(AxwFeedback) self = data;
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, &error);

  if (proxy == NULL)
    {
      g_debug ("feedback: no accessibility status: %s", error->message);
      return;
    }
  self->a11y_status = proxy;
  /* the properties come again when the bus launcher (re)starts */
  g_signal_connect_object (proxy, "g-properties-changed", G_CALLBACK (a11y_status_changed_cb), self,
                           G_CONNECT_SWAPPED);
  a11y_status_changed_cb (self);
}

/**
 * axw_feedback_watch_screen_reader:
 *
 * Follows org.a11y.Status.ScreenReaderEnabled on the session bus (without
 * starting the accessibility bus for it).
 */
void
axw_feedback_watch_screen_reader (AxwFeedback *self)
{
  g_return_if_fail (AXW_IS_FEEDBACK (self));

  if (self->watching)
    return;
  self->watching = TRUE;
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START | G_DBUS_PROXY_FLAGS_DO_NOT_CONNECT_SIGNALS,
                            NULL, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Status", NULL,
                            a11y_status_ready_cb, g_object_ref (self));
}

guint
axw_feedback_get_n_played (AxwFeedback *self,
                           AxwSound     sound)
{
  g_return_val_if_fail (AXW_IS_FEEDBACK (self), 0);
  g_return_val_if_fail (sound < AXW_N_SOUNDS, 0);
  return self->n_played[sound];
}

/* Returns: (nullable): what was spoken last, for tests */
const char *
axw_feedback_get_last_spoken (AxwFeedback *self)
{
  g_return_val_if_fail (AXW_IS_FEEDBACK (self), NULL);
  return self->last_spoken;
}

static void
axw_feedback_finalize (GObject *object)
{
  AxwFeedback *self = AXW_FEEDBACK (object);

  g_clear_handle_id (&self->later_id, g_source_remove);
  g_ptr_array_unref (self->later);
  g_free (self->last_spoken);
  g_free (self->player);
  g_clear_object (&self->a11y_status);
  G_OBJECT_CLASS (axw_feedback_parent_class)->finalize (object);
}

static void
axw_feedback_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AxwFeedback *self = AXW_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_SCREEN_READER:
      g_value_set_boolean (value, self->screen_reader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_feedback_class_init (AxwFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = axw_feedback_finalize;
  object_class->get_property = axw_feedback_get_property;
  /* a screen reader runs: the program's own speech stays quiet */
  properties[PROP_SCREEN_READER] =
    g_param_spec_boolean ("screen-reader", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
axw_feedback_init (AxwFeedback *self)
{
  static const char *players[] = { "paplay", "pw-play", "aplay" };

  self->sound = TRUE;
  self->later = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < G_N_ELEMENTS (players) && self->player == NULL; i++)
    self->player = g_find_program_in_path (players[i]);
}

AxwFeedback *
axw_feedback_new (void)
{
  return g_object_new (AXW_TYPE_FEEDBACK, NULL);
}
