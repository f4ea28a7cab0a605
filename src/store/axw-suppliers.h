/* axw-suppliers.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

/* Who the shop gets goods from: a partner county's cooperative or a
 * district company, paid for goods bought outright or, on consignment
 * (代销), for what the shop sold. */
typedef struct {
  gint64    id;
  char     *name;
  char     *contact;        /* "" when none */
  char     *origin;         /* county, e.g. 甘肃和政县; "" when none */
  gboolean  consignment;    /* 代销: paid for what sold */
  gboolean  partner;        /* a partner county's: counts as 消费扶贫 */
} AxwSupplier;

AxwSupplier *axw_supplier_new        (void);
void         axw_supplier_free       (AxwSupplier  *supplier);

gboolean     axw_suppliers_add       (AxwDb        *db,
                                      AxwSupplier  *supplier,
                                      const char   *staff,
                                      GError      **error);
AxwSupplier *axw_suppliers_find      (AxwDb        *db,
                                      const char   *name,
                                      GError      **error);
GPtrArray   *axw_suppliers_list      (AxwDb        *db,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwSupplier, axw_supplier_free)

G_END_DECLS
