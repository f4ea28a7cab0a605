/* axw-fuzz.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the libFuzzer targets: the input as a NUL-terminated string.
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A critical or warning (a g_return_if_fail, json-glib refusing a node)
 * is a finding: abort, so that libFuzzer saves the input. GLib's own
 * fatal path raises SIGTRAP, which libFuzzer does not catch. */
static GLogWriterOutput
axw_fuzz_log_writer (GLogLevelFlags   level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         data)
{
  g_log_writer_standard_streams (level, fields, n_fields, data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

__attribute__((constructor)) static void
axw_fuzz_init (void)
{
  g_log_set_writer_func (axw_fuzz_log_writer, NULL, NULL);
}

static inline char *
axw_fuzz_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}
