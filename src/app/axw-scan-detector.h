/* axw-scan-detector.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tells a keyboard-wedge scanner from a person typing (HARDWARE.md): a
 * burst of at least AXW_SCAN_MIN_CHARS characters, each less than
 * AXW_SCAN_MAX_GAP_MS after the one before, ended by Enter. Pure logic on
 * characters and event times, so it is tested without a display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AXW_SCAN_MIN_CHARS  6
#define AXW_SCAN_MAX_GAP_MS 30

typedef enum {
  AXW_SCAN_PASS,      /* deliver the key as usual (replay pending first) */
  AXW_SCAN_SWALLOW,   /* part of a burst: keep it from the focus widget */
  AXW_SCAN_DONE,      /* Enter ended a burst: the code is ready */
} AxwScanVerdict;

typedef struct {
  GString *chars;       /* the burst so far; chars[0] was delivered */
  GString *pending;     /* withheld characters of a burst that was no scan */
  guint32  last_ms;
} AxwScanDetector;

void            axw_scan_detector_init         (AxwScanDetector *self);
void            axw_scan_detector_clear        (AxwScanDetector *self);
AxwScanVerdict  axw_scan_detector_feed_char    (AxwScanDetector *self,
                                                gunichar         c,
                                                guint32          time_ms);
AxwScanVerdict  axw_scan_detector_feed_enter   (AxwScanDetector *self,
                                                guint32          time_ms,
                                                char           **out_code);
char           *axw_scan_detector_take_pending (AxwScanDetector *self);
void            axw_scan_detector_interrupt    (AxwScanDetector *self);

G_END_DECLS
