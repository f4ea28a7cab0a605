/* axw-pole.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pole display (客显), as bytes: the `display.pole` setting's parser
 * and what each step of a sale sends, for both command sets the shops'
 * displays speak. Pure: the writing is src/display's.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AXW_POLE_COLUMNS 20

typedef enum {
  AXW_POLE_ESCPOS,   /* ESC/POS customer display: two lines of 20 ASCII columns */
  AXW_POLE_ESCPOS_GB, /* the same with a GB2312 font: the item's name in Chinese */
  AXW_POLE_PRICE,    /* 8-digit price display: ESC s n lamp, ESC Q A digits CR */
} AxwPoleCommands;

/* What the display shows now. */
typedef enum {
  AXW_POLE_WELCOME,  /* between sales */
  AXW_POLE_LINE,     /* the line just scanned: its amount; and the total */
  AXW_POLE_TOTAL,    /* the total (a line removed, a red packet, the amount due) */
  AXW_POLE_PAID,     /* a part payment: received; and still due */
  AXW_POLE_CHANGE,   /* the sale done: paid; and the change */
} AxwPoleShow;

typedef struct {
  AxwPoleShow show;
  gint64      qty_milli;   /* LINE */
  gint64      amount_fen;  /* LINE: the line; TOTAL: the total; PAID, CHANGE: received */
  gint64      second_fen;  /* LINE: the total; PAID: still due; CHANGE: the change */
  const char *name;        /* LINE: the item (UTF-8), shown by ESCPOS_GB only; nullable */
} AxwPoleFrame;

gboolean  axw_pole_target_parse   (const char          *text,
                                   char               **out_device,
                                   guint               *out_baud);
gboolean  axw_pole_commands_parse (const char          *text,
                                   AxwPoleCommands     *out);
GBytes   *axw_pole_init           (AxwPoleCommands      commands);
GBytes   *axw_pole_encode         (AxwPoleCommands      commands,
                                   const AxwPoleFrame  *frame);

G_END_DECLS
