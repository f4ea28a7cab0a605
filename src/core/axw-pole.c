/* axw-pole.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pole display's bytes (issue 15). Two command sets:
 *
 *  - ESC/POS customer display (Epson DM-D and its clones): ESC @ resets,
 *    US $ x y puts the cursor at column x (1–20) of line y (1–2); each
 *    frame writes both lines whole, so nothing of the last one is left.
 *    ASCII only: a display without a GB2312 font shows Chinese as garbage,
 *    so the words are short English ones and the figures plain; with one
 *    (escpos-gb) the line scanned starts with the item's name in GB2312,
 *    two columns a character, never cut through one.
 *  - 8-digit price displays (the cheap LED ones): ESC s n lights the lamp
 *    under the figure (1 单价 price, 2 总计 total, 3 收款 paid, 4 找零
 *    change), ESC Q A sends the figure, digits and a point, ended by CR;
 *    FF clears.
 */
#include <string.h>

#include "axw-money.h"
#include "axw-pole.h"

#define ESC 0x1b
#define US  0x1f
#define FF  0x0c
#define CR  0x0d

static const guint bauds[] = { 2400, 4800, 9600, 19200, 38400, 115200 };

/**
 * axw_pole_target_parse:
 * @text: "off" or "serial:DEVICE:BAUD" ("serial:/dev/ttyUSB0:9600")
 * @out_device: (out) (optional) (transfer full) (nullable): the device,
 *   %NULL for off
 * @out_baud: (out) (optional)
 *
 * Returns: whether @text is a valid `display.pole` setting
 */
gboolean
axw_pole_target_parse (const char  *text,
                       char       **out_device,
                       guint       *out_baud)
{
  const char *colon;
  const char *path;
  guint64 baud = 0;
  gboolean known = FALSE;

  if (out_device)
    *out_device = NULL;
  if (g_strcmp0 (text, "off") == 0)
    return TRUE;
  if (text == NULL || !g_str_has_prefix (text, "serial:"))
    return FALSE;
  path = text + strlen ("serial:");
  colon = strrchr (path, ':');
  if (colon == NULL || colon == path || path[0] != '/' ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXUINT, &baud, NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bauds); i++)
    known |= bauds[i] == baud;
  if (!known)
    return FALSE;
  if (out_device)
    *out_device = g_strndup (path, (gsize) (colon - path));
  if (out_baud)
    *out_baud = (guint) baud;
  return TRUE;
}

/* "escpos", "escpos-gb" or "price" */
gboolean
axw_pole_commands_parse (const char      *text,
                         AxwPoleCommands *out)
{
  if (g_strcmp0 (text, "escpos") == 0)
    *out = AXW_POLE_ESCPOS;
  else if (g_strcmp0 (text, "escpos-gb") == 0)
    *out = AXW_POLE_ESCPOS_GB;
  else if (g_strcmp0 (text, "price") == 0)
    *out = AXW_POLE_PRICE;
  else
    return FALSE;
  return TRUE;
}

/* Returns: (transfer full): what resets the display once it is opened */
GBytes *
axw_pole_init (AxwPoleCommands commands)
{
  static const guint8 init[] = { ESC, '@', FF };

  return g_bytes_new_static (init, sizeof init);
}

/* One line of the text display: @left (ASCII, or GB2312 from
 * gb_left()), then @fen (if ≥ 0) at the right, 20 columns exactly. */
static void
append_line (GByteArray *out,
             guint8      row,
             const char *left,
             gint64      fen)
{
  g_autofree char *amount = fen >= 0 ? axw_money_format (fen) : g_strdup ("");
  char line[AXW_POLE_COLUMNS + 1];
  gsize n_amount = MIN (strlen (amount), (gsize) AXW_POLE_COLUMNS);
  gsize n_left = MIN (strlen (left), (gsize) AXW_POLE_COLUMNS - n_amount);
  const guint8 move[] = { US, '$', 1, row };

  memset (line, ' ', AXW_POLE_COLUMNS);
  memcpy (line, left, n_left);
  memcpy (line + AXW_POLE_COLUMNS - n_amount, amount, n_amount);
  g_byte_array_append (out, move, sizeof move);
  g_byte_array_append (out, (const guint8 *) line, AXW_POLE_COLUMNS);
}

/* "赤松茸 x2" in GB2312, at most @room bytes, never half a character
 * (a character the font lacks is a ?). */
static char *
gb_left (const char *name,
         const char *qty,
         gsize       room)
{
  g_autofree char *gb = g_convert_with_fallback (name ? name : "", -1, "GB2312", "UTF-8", "?", NULL,
                                                 NULL, NULL);
  gsize keep = 0;
  gsize want = room > strlen (qty) + 2 ? room - strlen (qty) - 2 : 0;

  for (gsize i = 0; gb != NULL && gb[i] != '\0';)
    {
      gsize w = (guint8) gb[i] >= 0x80 && gb[i + 1] != '\0' ? 2 : 1;

      if (i + w > want)
        break;
      i += w;
      keep = i;
    }
  return g_strdup_printf ("%.*s x%s", (int) keep, gb ? gb : "", qty);
}

static void
encode_text (GByteArray         *out,
             const AxwPoleFrame *f,
             gboolean            gb)
{
  switch (f->show)
    {
    case AXW_POLE_LINE:
      {
        g_autofree char *qty = axw_qty_format (f->qty_milli);
        g_autofree char *amount = axw_money_format (f->amount_fen);
        g_autofree char *left = gb ? gb_left (f->name, qty, AXW_POLE_COLUMNS - strlen (amount) - 1)
                                   : g_strdup_printf ("x%s", qty);

        append_line (out, 1, left, f->amount_fen);
        append_line (out, 2, "TOTAL", f->second_fen);
      }
      break;
    case AXW_POLE_TOTAL:
      append_line (out, 1, "TOTAL", f->amount_fen);
      append_line (out, 2, "", -1);
      break;
    case AXW_POLE_PAID:
      append_line (out, 1, "PAID", f->amount_fen);
      append_line (out, 2, "DUE", f->second_fen);
      break;
    case AXW_POLE_CHANGE:
      append_line (out, 1, "PAID", f->amount_fen);
      append_line (out, 2, "CHANGE", f->second_fen);
      break;
    case AXW_POLE_WELCOME:
    default:
      append_line (out, 1, "      WELCOME", -1);
      append_line (out, 2, "", -1);
      break;
    }
}

/* The figure of the price display: at most 8 digits. */
static void
append_figure (GByteArray *out,
               char        lamp,
               gint64      fen)
{
  g_autofree char *figure = axw_money_format (CLAMP (fen, 0, G_GINT64_CONSTANT (99999999)));
  const guint8 select[] = { ESC, 's', (guint8) lamp, ESC, 'Q', 'A' };
  const guint8 end = CR;

  g_byte_array_append (out, select, sizeof select);
  g_byte_array_append (out, (const guint8 *) figure, strlen (figure));
  g_byte_array_append (out, &end, 1);
}

static void
encode_price (GByteArray         *out,
              const AxwPoleFrame *f)
{
  const guint8 clear[] = { ESC, 's', '0', FF };

  switch (f->show)
    {
    case AXW_POLE_LINE:
      append_figure (out, '1', f->amount_fen);
      break;
    case AXW_POLE_TOTAL:
      append_figure (out, '2', f->amount_fen);
      break;
    case AXW_POLE_PAID:
      append_figure (out, '3', f->amount_fen);
      break;
    case AXW_POLE_CHANGE:
      append_figure (out, '4', f->second_fen);
      break;
    case AXW_POLE_WELCOME:
    default:
      g_byte_array_append (out, clear, sizeof clear);
      break;
    }
}

/**
 * axw_pole_encode:
 *
 * Returns: (transfer full): the bytes that show @frame
 */
GBytes *
axw_pole_encode (AxwPoleCommands     commands,
                 const AxwPoleFrame *frame)
{
  GByteArray *out = g_byte_array_new ();

  if (commands == AXW_POLE_PRICE)
    encode_price (out, frame);
  else
    encode_text (out, frame, commands == AXW_POLE_ESCPOS_GB);
  return g_byte_array_free_to_bytes (out);
}
