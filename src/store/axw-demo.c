/* axw-demo.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo shop: catalog, promotions, red packets and staff from the CSV
 * files in data/, compiled into the program.
 */
#include <gio/gio.h>

#include "axw-demo.h"
#include "axw-demo-resources.h"
#include "axw-funds.h"
#include "axw-products.h"
#include "axw-promotions.h"
#include "axw-settings.h"
#include "axw-staff.h"
#include "axw-vouchers.h"

static GBytes *
demo_file (const char  *name,
           GError     **error)
{
  g_autofree char *path = g_strconcat ("/cn/aixinwu/Pos/demo/", name, NULL);

  /* from this resource itself: a static library's resource is linked only
   * when something refers to it */
  return g_resource_lookup_data (axw_demo_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 error);
}

/**
 * axw_demo_fill:
 *
 * The demo shop, for `make run`, `init --demo` and tests. Fills an empty database with the demo
 * catalog, promotions, red packets, a fund and staff
 * (收银员 小林 PIN 1234, 店长 王店长 PIN 8888). Does nothing to a database
 * that already has products.
 */
gboolean
axw_demo_fill (AxwDb   *db,
                   GError **error)
{
  g_autoptr(GBytes) products = NULL;
  g_autoptr(GBytes) promotions = NULL;
  g_autoptr(GBytes) vouchers = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(AxwStaff) existing = NULL;
  gsize len;
  const char *text;

  if (axw_products_count (db) > 0)
    return TRUE;
  products = demo_file ("demo-products.csv", error);
  promotions = products ? demo_file ("demo-promotions.csv", error) : NULL;
  vouchers = promotions ? demo_file ("demo-vouchers.csv", error) : NULL;
  if (vouchers == NULL)
    return FALSE;
  text = g_bytes_get_data (products, &len);
  if (!axw_products_import_csv (db, text, len, FALSE, NULL, error))
    return FALSE;
  text = g_bytes_get_data (promotions, &len);
  if (!axw_promotions_import_csv (db, text, len, NULL, error))
    return FALSE;
  text = g_bytes_get_data (vouchers, &len);
  if (!axw_vouchers_import_csv (db, text, len, NULL, error))
    return FALSE;
  if (!axw_funds_add (db, "集美区助残爱心基金", "集美区残疾人家庭的康复辅具与助学", NULL, error))
    return FALSE;
  existing = axw_staff_find (db, "小林", &local);
  if (existing == NULL &&
      (!axw_staff_add (db, "小林", FALSE, "1234", error) ||
       !axw_staff_add (db, "王店长", TRUE, "8888", error)))
    return FALSE;
  return axw_settings_set (db, "shop.address", "厦门市思明区爱心路12号", error);
}

