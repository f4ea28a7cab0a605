/* axw-phrase-bar.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AXW_PHRASE_BAR_MAX 9   /* Alt+1 … Alt+9 */

#define AXW_TYPE_PHRASE_BAR (axw_phrase_bar_get_type ())

G_DECLARE_FINAL_TYPE (AxwPhraseBar, axw_phrase_bar, AXW, PHRASE_BAR, GtkWidget)

char      **axw_phrases_parse          (const char   *setting);
void        axw_phrase_bar_set_phrases (AxwPhraseBar *self,
                                        const char   *setting);
const char *axw_phrase_bar_get_phrase  (AxwPhraseBar *self,
                                        guint         index);
char       *axw_phrase_fill_amount     (const char   *phrase,
                                        const char   *amount);

G_END_DECLS
