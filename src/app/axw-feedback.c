/* axw-feedback.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sound and speech for the counter (docs/design.md §11). The tones are generated
 * here as WAV files in the cache directory and played with whatever the
 * system has (PulseAudio, PipeWire, ALSA); without any, the display bell.
 * Speech goes to speech-dispatcher's spd-say in Mandarin. Neither ever
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
  guint      n_played[AXW_N_SOUNDS];
  char      *last_spoken;
  char      *player;
  GPtrArray *later;       /* GStrv of each program to start after the frame */
  guint      later_id;
};

G_DEFINE_FINAL_TYPE (AxwFeedback, axw_feedback, G_TYPE_OBJECT)

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

  if (!self->speech || text == NULL)
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
  G_OBJECT_CLASS (axw_feedback_parent_class)->finalize (object);
}

static void
axw_feedback_class_init (AxwFeedbackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = axw_feedback_finalize;
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
