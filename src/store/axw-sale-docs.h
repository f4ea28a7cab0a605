/* axw-sale-docs.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The online shop's sale documents (docs/design.md §9), written straight from
 * SQL rows: three queries ordered by sale id, merged like a join, so a
 * million sales stream without loading each one.
 */
#pragma once

#include "axw-db.h"
#include "axw-sale.h"

G_BEGIN_DECLS

typedef struct _AxwSaleDocs AxwSaleDocs;

AxwSaleDocs *axw_sale_docs_open (AxwDb        *db,
                                 gint64        after_id,
                                 gint64        last_id,
                                 GError      **error);
gboolean     axw_sale_docs_next (AxwSaleDocs  *docs,
                                 GString      *out,
                                 gint64       *out_sale_id,
                                 GError      **error);
void         axw_sale_docs_free (AxwSaleDocs  *docs);
gboolean     axw_sale_docs_append_ids (AxwDb         *db,
                                       const gint64  *ids,
                                       guint          n,
                                       GString       *out,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwSaleDocs, axw_sale_docs_free)

G_END_DECLS
