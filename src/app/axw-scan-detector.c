/* axw-scan-detector.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first character of a burst always reaches the focus widget: nobody
 * can tell yet whether a person or a scanner typed it. Every later
 * character that follows within the gap is withheld, so an input method
 * never sees a scanned code; when the burst turns out not to be a scan the
 * caller replays the withheld characters (take_pending).
 */
#include "axw-scan-detector.h"

void
axw_scan_detector_init (AxwScanDetector *self)
{
  self->chars = g_string_new (NULL);
  self->pending = g_string_new (NULL);
  self->last_ms = 0;
}

void
axw_scan_detector_clear (AxwScanDetector *self)
{
  if (self->chars)
    g_string_free (self->chars, TRUE);
  if (self->pending)
    g_string_free (self->pending, TRUE);
  self->chars = self->pending = NULL;
}

/* The burst is over without being a scan: what was withheld is owed to
 * the focus widget. */
static void
give_up (AxwScanDetector *self)
{
  if (self->chars->len > 1)
    g_string_append (self->pending, self->chars->str + 1);
  g_string_truncate (self->chars, 0);
}

/**
 * axw_scan_detector_take_pending:
 *
 * Returns: (transfer full) (nullable): the withheld characters of a burst
 *   that was not a scan, for the caller to deliver before the current key
 */
char *
axw_scan_detector_take_pending (AxwScanDetector *self)
{
  char *out;

  if (self->pending->len == 0)
    return NULL;
  out = g_strdup (self->pending->str);
  g_string_truncate (self->pending, 0);
  return out;
}

static gboolean
in_burst (AxwScanDetector *self,
          guint32          time_ms)
{
  return self->chars->len > 0 && time_ms >= self->last_ms &&
         time_ms - self->last_ms < AXW_SCAN_MAX_GAP_MS;
}

/* Scanners send printable ASCII only; anything else ends a burst. */
AxwScanVerdict
axw_scan_detector_feed_char (AxwScanDetector *self,
                             gunichar         c,
                             guint32          time_ms)
{
  gboolean printable = c > 0x20 && c < 0x7f;

  if (printable && in_burst (self, time_ms))
    {
      g_string_append_c (self->chars, (char) c);
      self->last_ms = time_ms;
      return AXW_SCAN_SWALLOW;
    }
  give_up (self);
  if (printable)
    {
      g_string_append_c (self->chars, (char) c);
      self->last_ms = time_ms;
    }
  return AXW_SCAN_PASS;
}

/* A pause, a function key or a click: whatever was withheld is pending. */
void
axw_scan_detector_interrupt (AxwScanDetector *self)
{
  give_up (self);
}

/**
 * axw_scan_detector_feed_enter:
 * @out_code: (out) (transfer full): the scanned code on %AXW_SCAN_DONE
 */
AxwScanVerdict
axw_scan_detector_feed_enter (AxwScanDetector  *self,
                              guint32           time_ms,
                              char            **out_code)
{
  if (self->chars->len >= AXW_SCAN_MIN_CHARS && in_burst (self, time_ms))
    {
      *out_code = g_strdup (self->chars->str);
      g_string_truncate (self->chars, 0);
      return AXW_SCAN_DONE;
    }
  give_up (self);
  return AXW_SCAN_PASS;
}
