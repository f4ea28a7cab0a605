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

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static inline char *
axw_fuzz_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}
