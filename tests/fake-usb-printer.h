/* fake-usb-printer.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A USB receipt printer emulated with umockdev (HARDWARE.md) for tests and
 * benchmarks; the program must run under umockdev-wrapper. It answers the
 * usbfs ioctls libusb makes: it keeps every byte sent to it, answers DLE
 * EOT (or never does), can be held by another driver, or vanish mid-job.
 */
#pragma once

#include <umockdev.h>

typedef struct {
  GMutex      lock;
  GByteArray *out;            /* every byte sent to the printer */
  GQueue      done;           /* URBs ready to reap */
  GList      *flying;         /* IN URBs waiting for an answer */
  GQueue      discarded;
  gboolean    answers;        /* a two-way printer that answers DLE EOT */
  guint8      status[5];      /* reply to 10 04 n */
  gboolean    busy;           /* another program holds the interface */
  gsize       vanish_after;   /* 0: never unplugged */
  gsize       max_per_urb;    /* 0: takes whole transfers */
  gboolean    gone;
  gboolean    driver_bound;   /* usblp */
  guint       detached;
  guint       attached;
  gint64      first_data_us;  /* when the first byte that is not a status query came */
} FakePrinter;

typedef struct {
  UMockdevTestbed   *testbed;
  UMockdevIoctlBase *handler;
  FakePrinter        state;
} FakeUsbPrinter;

FakeUsbPrinter *fake_usb_printer_new  (void);
void            fake_usb_printer_free (FakeUsbPrinter *printer);
