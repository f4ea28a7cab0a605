/* axw-pole-view.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-pole-display.h"
#include "axw-sale-model.h"

G_BEGIN_DECLS

void axw_pole_view_attach      (AxwPoleDisplay *pole,
                                AxwSaleModel   *model);
void axw_pole_view_frame_of    (AxwSaleModel   *model,
                                AxwSaleEvent    event,
                                gint            line,
                                AxwPoleFrame   *out);

G_END_DECLS
