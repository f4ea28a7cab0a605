/* axw-feedback.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  AXW_SOUND_SCAN,         /* an item went into the cart */
  AXW_SOUND_ERROR,        /* anything refused: misread code, wrong PIN… */
  AXW_SOUND_ACCEPTED,     /* red packet accepted, payment taken */
  AXW_SOUND_SALE_DONE,
  AXW_N_SOUNDS
} AxwSound;

#define AXW_TYPE_FEEDBACK (axw_feedback_get_type ())

G_DECLARE_FINAL_TYPE (AxwFeedback, axw_feedback, AXW, FEEDBACK, GObject)

AxwFeedback *axw_feedback_new             (void);
void         axw_feedback_set_sound       (AxwFeedback *self,
                                           gboolean     sound);
void         axw_feedback_set_speech      (AxwFeedback *self,
                                           gboolean     speech);
void         axw_feedback_set_screen_reader (AxwFeedback *self,
                                             gboolean     screen_reader);
gboolean     axw_feedback_get_screen_reader (AxwFeedback *self);
void         axw_feedback_watch_screen_reader (AxwFeedback *self);
void         axw_feedback_play            (AxwFeedback *self,
                                           AxwSound     sound,
                                           GtkWidget   *widget);
void         axw_feedback_say             (AxwFeedback *self,
                                           const char  *text);
guint        axw_feedback_get_n_played    (AxwFeedback *self,
                                           AxwSound     sound);
const char  *axw_feedback_get_last_spoken (AxwFeedback *self);
GBytes      *axw_feedback_render_wav      (AxwSound     sound);

G_END_DECLS
