/* axw-util.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-error.h"

G_DEFINE_QUARK (axw-error-quark, axw_error)
