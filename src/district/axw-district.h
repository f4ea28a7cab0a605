/* axw-district.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district hub on PostgreSQL (DESIGN §14, docs/district.md): its
 * schema and shop roles, the push of the outbox's sale documents exactly
 * once by UUID, and what the funder reads (claims, conflicts). The
 * counter stays offline-first: nothing here is needed to sell.
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"
#include "axw-report.h"

G_BEGIN_DECLS

#define AXW_DISTRICT_BATCH_MAX 200

typedef struct _AxwHub AxwHub;

typedef struct {
  guint  sent;        /* documents the hub confirmed in this run */
} AxwDistrictReport;

typedef struct {
  gboolean  configured;
  gint64    pending;
  char     *last_push;    /* UTC ISO-8601, or NULL: never */
  char     *last_pull;    /* UTC ISO-8601, or NULL: never */
  char     *last_error;   /* of the last run, or NULL when it went well */
} AxwDistrictStatus;

typedef enum {
  AXW_HUB_CHECK_FREE,       /* the hub knows no redemption of the code */
  AXW_HUB_CHECK_REDEEMED,   /* redeemed: where and when in AxwHubRedemption */
  AXW_HUB_CHECK_UNKNOWN,    /* no answer (no hub, unreachable, too slow): sell on, "not checked" */
} AxwHubCheck;

typedef struct {
  char *shop;
  char *receipt_no;
  char *business_date;
} AxwHubRedemption;

/* A red packet redeemed twice, as one of its two shops sees it. */
typedef struct {
  gint64  id;          /* the hub's conflict id */
  char   *code;
  gint64  amount_fen;  /* of the second redemption, the one not claimed */
  char   *text;        /* what it is, in the manager's words */
} AxwHubConflict;

void      axw_hub_conflict_free     (gpointer conflict);

#define AXW_DISTRICT_CHECK_TIMEOUT_MS 300

int       axw_district_hub_latest_version (void);
guint     axw_district_check_timeout_ms   (void);

AxwHubCheck axw_district_check_red_packet (AxwDb            *db,
                                           const char       *code,
                                           guint             timeout_ms,
                                           AxwHubRedemption *out,
                                           GError          **error);
void      axw_district_check_red_packet_async  (AxwDb               *db,
                                                const char          *code,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
AxwHubCheck axw_district_check_red_packet_finish (GAsyncResult      *result,
                                                  AxwHubRedemption  *out,
                                                  GError           **error);
char     *axw_district_refusal      (const AxwHubRedemption *where);
void      axw_hub_redemption_clear  (AxwHubRedemption *where);
gboolean  axw_district_mark_checked (AxwDb        *db,
                                     const char   *sale_uuid,
                                     GError      **error);

AxwHub   *axw_hub_connect           (const char   *url,
                                     const char   *password_file,
                                     guint         timeout_s,
                                     GError      **error);
void      axw_hub_free              (AxwHub       *hub);
int       axw_hub_check_version     (AxwHub       *hub,
                                     GError      **error);

int       axw_district_init         (const char   *admin_url,
                                     int          *out_from,
                                     GError      **error);
char     *axw_district_add_shop     (const char   *admin_url,
                                     const char   *code,
                                     const char   *password_file,
                                     GError      **error);

gboolean  axw_district_configured   (AxwDb        *db);
/* Called from the pulling thread just before a commit: %FALSE stops it. */
typedef gboolean (*AxwDistrictPullGate) (gpointer gate_data);

gboolean  axw_district_pull         (AxwDb               *db,
                                     const char          *staff,
                                     AxwDistrictPullGate  gate,
                                     gpointer             gate_data,
                                     char               **out_summary,
                                     GError             **error);
void      axw_district_pull_async   (const char          *db_path,
                                     AxwDistrictPullGate  gate,
                                     gpointer             gate_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
char     *axw_district_pull_finish  (GAsyncResult        *result,
                                     GError             **error);
gboolean  axw_district_push         (AxwDb        *db,
                                     guint         timeout_s,
                                     AxwDistrictReport *report,
                                     GCancellable *cancellable,
                                     GError      **error);
void      axw_district_push_async   (const char   *db_path,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer      user_data);
gboolean  axw_district_push_finish  (GAsyncResult *result,
                                     AxwDistrictReport *report,
                                     GError      **error);
gboolean  axw_district_get_status   (AxwDb        *db,
                                     AxwDistrictStatus *status,
                                     GError      **error);
void      axw_district_status_clear (AxwDistrictStatus *status);
gint64    axw_district_count_sent   (AxwDb        *db);

char     *axw_district_conflicts_json (AxwHub     *hub,
                                       GError    **error);
GPtrArray *axw_district_my_conflicts (AxwDb       *db,
                                      GError     **error);
gboolean  axw_district_resolve_conflict (AxwDb       *db,
                                         gint64       id,
                                         const char  *manager,
                                         const char  *note,
                                         char       **out_code,
                                         GError     **error);
char     *axw_district_report_json  (AxwHub       *hub,
                                     const char   *from,
                                     const char   *to,
                                     GError      **error);
AxwReport *axw_district_report      (AxwHub       *hub,
                                     const char   *from,
                                     const char   *to,
                                     GPtrArray   **out_shops,
                                     GError      **error);
GPtrArray *axw_district_claim_rows  (AxwHub       *hub,
                                     const char   *funder,
                                     const char   *from,
                                     const char   *to,
                                     GError      **error);
GPtrArray *axw_district_conflict_lines (AxwHub     *hub,
                                        const char *funder,
                                        const char *from,
                                        const char *to,
                                        GError    **error);
char     *axw_district_conflicts_csv (AxwHub      *hub,
                                       const char  *funder,
                                       const char  *from,
                                       const char  *to,
                                       GError     **error);
char     *axw_district_claim_json   (AxwHub       *hub,
                                     const char   *funder,
                                     const char   *from,
                                     const char   *to,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwHub, axw_hub_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AxwDistrictStatus, axw_district_status_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AxwHubRedemption, axw_hub_redemption_clear)

G_END_DECLS
