/* axw-pole-display.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pole display on a serial port (a USB-serial adapter): frames encoded
 * by core (axw-pole.h), written by a worker thread, so a slow or
 * unplugged display never holds up the counter.
 */
#pragma once

#include <glib-object.h>

#include "axw-pole.h"

G_BEGIN_DECLS

#define AXW_TYPE_POLE_DISPLAY (axw_pole_display_get_type ())

G_DECLARE_FINAL_TYPE (AxwPoleDisplay, axw_pole_display, AXW, POLE_DISPLAY, GObject)

AxwPoleDisplay *axw_pole_display_new         (const char         *device,
                                              guint               baud,
                                              AxwPoleCommands     commands);
void            axw_pole_display_show        (AxwPoleDisplay     *self,
                                              const AxwPoleFrame *frame);
const char     *axw_pole_display_get_problem (AxwPoleDisplay     *self);
const char     *axw_pole_display_get_device  (AxwPoleDisplay     *self);

G_END_DECLS
