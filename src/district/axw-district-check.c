/* axw-district-check.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One red packet, one redemption, district-wide: before a red packet is
 * accepted the counter asks the hub whether its code was redeemed in any
 * shop. The whole question — connecting included — has a deadline
 * (300 ms by default): libpq's connect_timeout counts whole seconds, so
 * the connection is driven by hand (PQconnectPoll) with poll(2). When
 * the hub does not answer in time the sale goes on and the redemption is
 * recorded "not checked"; the hub lists a conflict if there was one.
 */
#include <glib/gi18n.h>
#include <errno.h>
#include <poll.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-district-private.h"
#include "axw-error.h"
#include "axw-settings.h"

static gboolean
wait_socket (PGconn  *conn,
             gboolean for_write,
             gint64   deadline)
{
  struct pollfd fd = { .fd = PQsocket (conn), .events = for_write ? POLLOUT : POLLIN };

  for (;;)
    {
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
      int rc;

      if (left_ms <= 0 || fd.fd < 0)
        return FALSE;
      rc = poll (&fd, 1, (int) left_ms);
      if (rc > 0)
        return TRUE;
      if (rc == 0 || errno != EINTR)
        return FALSE;
    }
}

static gboolean
connect_by (PGconn *conn,
            gint64  deadline)
{
  PostgresPollingStatusType st = PGRES_POLLING_WRITING;

  while (st != PGRES_POLLING_OK)
    {
      if (st == PGRES_POLLING_FAILED || !wait_socket (conn, st == PGRES_POLLING_WRITING, deadline))
        return FALSE;
      st = PQconnectPoll (conn);
    }
  return TRUE;
}

static PGresult *
query_by (PGconn      *conn,
          const char  *code,
          gint64       deadline)
{
  const char *params[1] = { code };
  PGresult *last = NULL, *r;

  if (!PQsendQueryParams (conn,
                          "SELECT shop, receipt_no, business_date::text FROM "
                          "district.redemption_of ($1)", 1, NULL, params, NULL, NULL, 0))
    return NULL;
  while (PQflush (conn) == 1)
    if (!wait_socket (conn, TRUE, deadline))
      return NULL;
  for (;;)
    {
      while (PQisBusy (conn))
        if (!wait_socket (conn, FALSE, deadline) || !PQconsumeInput (conn))
          {
            g_clear_pointer (&last, PQclear);
            return NULL;
          }
      if ((r = PQgetResult (conn)) == NULL)
        return last;
      g_clear_pointer (&last, PQclear);
      last = r;
    }
}

static AxwHubCheck
check_with (const char        *url,
            const char        *passfile,
            const char        *code,
            guint              timeout_ms,
            AxwHubRedemption  *out,
            GError           **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  PGconn *conn;
  PGresult *r;
  AxwHubCheck verdict = AXW_HUB_CHECK_UNKNOWN;

  memset (out, 0, sizeof *out);
  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_INVALID, _("No district hub is set."));
      return AXW_HUB_CHECK_UNKNOWN;
    }
  if ((conn = axw_hub_open_conn (url, passfile, 0, TRUE, error)) == NULL)
    return AXW_HUB_CHECK_UNKNOWN;
  if (!connect_by (conn, deadline))
    {
      if (PQstatus (conn) == CONNECTION_BAD)
        axw_hub_set_connect_error (conn, url, error);
      else
        g_set_error (error, AXW_ERROR, AXW_ERROR_NETWORK,
                     _("The district hub did not answer within %u ms."), timeout_ms);
      PQfinish (conn);
      return AXW_HUB_CHECK_UNKNOWN;
    }
  r = query_by (conn, code, deadline);
  if (r != NULL && PQresultStatus (r) == PGRES_TUPLES_OK)
    {
      verdict = PQntuples (r) > 0 ? AXW_HUB_CHECK_REDEEMED : AXW_HUB_CHECK_FREE;
      if (verdict == AXW_HUB_CHECK_REDEEMED)
        {
          out->shop = g_strdup (PQgetvalue (r, 0, 0));
          out->receipt_no = g_strdup (PQgetvalue (r, 0, 1));
          out->business_date = g_strdup (PQgetvalue (r, 0, 2));
        }
    }
  else
    g_set_error (error, AXW_ERROR, AXW_ERROR_NETWORK,
                 _("The district hub did not answer within %u ms (%s)."),
                 timeout_ms, r ? PQresultErrorMessage (r) : PQerrorMessage (conn));
  g_clear_pointer (&r, PQclear);
  PQfinish (conn);
  return verdict;
}

/**
 * axw_district_check_timeout_ms:
 *
 * Returns: the counter's deadline for the question: 300 ms, or
 *   AIXINWU_HUB_CHECK_MS when set (tests on a sanitized build)
 */
guint
axw_district_check_timeout_ms (void)
{
  const char *env = g_getenv ("AIXINWU_HUB_CHECK_MS");
  guint64 ms;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 50, 60000, &ms, NULL))
    return (guint) ms;
  return AXW_DISTRICT_CHECK_TIMEOUT_MS;
}

/**
 * axw_district_check_red_packet:
 * @code: the red packet's code (for a signed HB1. code, the code inside it)
 * @timeout_ms: the whole question's deadline; 0: axw_district_check_timeout_ms()
 * @out: (out caller-allocates): where and when it was redeemed, when it was
 *
 * Blocks up to @timeout_ms: the GUI calls axw_district_check_red_packet_async().
 *
 * Returns: %AXW_HUB_CHECK_FREE when the hub knows no redemption of @code,
 *   %AXW_HUB_CHECK_REDEEMED (with @out), or %AXW_HUB_CHECK_UNKNOWN with
 *   @error saying why (no hub set, not reachable in time, refused)
 */
AxwHubCheck
axw_district_check_red_packet (AxwDb             *db,
                               const char        *code,
                               guint              timeout_ms,
                               AxwHubRedemption  *out,
                               GError           **error)
{
  g_autofree char *url = axw_settings_get (db, "district.url");
  g_autofree char *passfile = axw_settings_get (db, "district.password_file");

  return check_with (url, passfile, code,
                     timeout_ms ? timeout_ms : axw_district_check_timeout_ms (), out, error);
}

typedef struct {
  char             *url;
  char             *passfile;
  char             *code;
  AxwHubCheck       verdict;
  AxwHubRedemption  where;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_free (job->url);
  g_free (job->passfile);
  g_free (job->code);
  axw_hub_redemption_clear (&job->where);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  CheckJob *job = data;
  GError *error = NULL;

  job->verdict = check_with (job->url, job->passfile, job->code, axw_district_check_timeout_ms (),
                             &job->where, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * axw_district_check_red_packet_async:
 *
 * Asks the hub in a worker thread (the settings are read here, on the
 * caller's thread and connection): the counter never waits on the hub.
 */
void
axw_district_check_red_packet_async (AxwDb               *db,
                                     const char          *code,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CheckJob *job = g_new0 (CheckJob, 1);

  job->url = axw_settings_get (db, "district.url");
  job->passfile = axw_settings_get (db, "district.password_file");
  job->code = g_strdup (code);
  g_task_set_source_tag (task, axw_district_check_red_packet_async);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * axw_district_check_red_packet_finish:
 * @out: (out caller-allocates): where it was redeemed, for %AXW_HUB_CHECK_REDEEMED
 *
 * Returns: the verdict; %AXW_HUB_CHECK_UNKNOWN with @error saying why
 */
AxwHubCheck
axw_district_check_red_packet_finish (GAsyncResult      *result,
                                      AxwHubRedemption  *out,
                                      GError           **error)
{
  CheckJob *job = g_task_get_task_data (G_TASK (result));

  memset (out, 0, sizeof *out);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return AXW_HUB_CHECK_UNKNOWN;
  *out = job->where;
  memset (&job->where, 0, sizeof job->where);
  return job->verdict;
}

/**
 * axw_district_refusal:
 *
 * Returns: (transfer full): the cashier's words for a red packet the hub
 *   knows as redeemed: the reason code first, as for every refusal
 */
char *
axw_district_refusal (const AxwHubRedemption *where)
{
  g_autofree char *advice = g_strdup_printf (_("This red packet was already used in shop %s on %s "
                                               "(receipt %s). "
                                                "Ask the customer for another one."),
                                              where->shop, where->business_date, where->receipt_no);

  return g_strconcat ("already_redeemed: ", advice, NULL);
}

void
axw_hub_redemption_clear (AxwHubRedemption *where)
{
  g_clear_pointer (&where->shop, g_free);
  g_clear_pointer (&where->receipt_no, g_free);
  g_clear_pointer (&where->business_date, g_free);
}

/**
 * axw_district_mark_checked:
 * @sale_uuid: a sale whose red packet the hub said was free
 *
 * A redemption is "not_checked" until this says the hub was asked.
 */
gboolean
axw_district_mark_checked (AxwDb       *db,
                           const char  *sale_uuid,
                           GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "UPDATE redemptions SET district_check = 'checked' "
                                           "WHERE sale_id = (SELECT id FROM sales WHERE uuid = ?)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, sale_uuid);
  return axw_db_step_done (db, stmt, error);
}
