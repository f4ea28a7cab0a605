/* axw-donation-bar.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sale screen's donation buttons (一元捐, round-up; docs/design.md §15)
 * and what the open sale gives, in words. The buttons activate the
 * screen's sale.donate action, as the keys Ctrl+D and Ctrl+U do.
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-sale.h"

G_BEGIN_DECLS

#define AXW_TYPE_DONATION_BAR (axw_donation_bar_get_type ())

G_DECLARE_FINAL_TYPE (AxwDonationBar, axw_donation_bar, AXW, DONATION_BAR, GtkWidget)

void axw_donation_bar_show_sale (AxwDonationBar *self,
                                 const AxwSale  *quote);

G_END_DECLS
