/* axw-district.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connecting to the hub, creating or migrating its schema, and adding a
 * shop's role. A password never travels in an address or an argument:
 * libpq reads it from a pgpass-format file that only its owner may read.
 */
#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <sys/random.h>

#include "axw-district-private.h"
#include "axw-error.h"
#include "axw-settings.h"
#include "axw-sync.h"

/* The file libpq will read: the one given, else PGPASSFILE, else
 * ~/.pgpass when it exists; %NULL when there is none (peer or trust
 * authentication, or a client certificate). */
static gboolean
resolve_password_file (const char  *given,
                       char       **out_path,
                       GError     **error)
{
  g_autofree char *home = NULL;
  const char *env = g_getenv ("PGPASSFILE");

  *out_path = NULL;
  if (given != NULL && *given != '\0')
    *out_path = g_strdup (given);
  else if (env != NULL && *env != '\0')
    *out_path = g_strdup (env);
  else if (g_file_test ((home = g_build_filename (g_get_home_dir (), ".pgpass", NULL)),
                        G_FILE_TEST_EXISTS))
    *out_path = g_steal_pointer (&home);
  if (*out_path != NULL &&
      !axw_secret_file_check (*out_path, given && *given ? "district.password_file" : "PGPASSFILE",
                              error))
    {
      g_clear_pointer (out_path, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_url (const char  *url,
           GError     **error)
{
  const char *why = url && *url ? axw_settings_district_url_problem (url) : NULL;
  PQconninfoOption *options;
  char *message = NULL;
  gboolean has_password = FALSE;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_INVALID,
                           _("The district hub's address is not set. Run: aixinwu settings set "
                             "district.url "
                             "postgresql://…"));
      return FALSE;
    }
  if (why == NULL && (options = PQconninfoParse (url, &message)) != NULL)
    {
      for (PQconninfoOption *o = options; o->keyword != NULL; o++)
        if (g_str_equal (o->keyword, "password") && o->val != NULL && *o->val != '\0')
          has_password = TRUE;
      PQconninfoFree (options);
      if (!has_password)
        return TRUE;
      why = _("the address must not contain the password: put it in district.password_file");
    }
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("The district hub's address “%s” cannot be used: %s"),
               url, why ? why : g_strstrip (message));
  PQfreemem (message);
  return FALSE;
}

void
axw_hub_set_connect_error (PGconn      *conn,
                           const char  *url,
                           GError     **error)
{
  g_autofree char *why = g_strstrip (g_strdelimit (g_strdup (PQerrorMessage (conn)), "\n\t", ' '));

  if (strstr (why, "password authentication failed") != NULL ||
      strstr (why, "no password supplied") != NULL)
    g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                 _("The district hub refused the password (%s). Check district.password_file, or "
                   "ask for a "
                   "new one (aixinwu district add-shop). Nothing was sent."), why);
  else if (strstr (why, "does not exist") != NULL)
    g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                 _("The district hub at %s has no such database or user (%s). Check district.url; "
                   "nothing "
                   "was sent."), url, why);
  else
    g_set_error (error, AXW_ERROR, AXW_ERROR_NETWORK,
                 _("The district hub at %s cannot be reached (%s). The counter sells on; the sales "
                   "wait "
                   "and are sent later."), url, why);
}

/* The server's NOTICEs ("schema exists, skipping") are not for the
 * cashier's terminal. */
static void
ignore_notice (void       *data,
               const char *message)
{
}

/* Starts connecting (or connects, unless @start_only): the address and
 * the password file are checked first, and the password never leaves
 * the file. */
PGconn *
axw_hub_open_conn (const char  *url,
                   const char  *password_file,
                   guint        timeout_s,
                   gboolean     start_only,
                   GError     **error)
{
  g_autofree char *passfile = NULL;
  g_autofree char *timeout = g_strdup_printf ("%u", timeout_s ? MAX (timeout_s, 2) : 10);
  const char *keys[] = { "dbname", "connect_timeout", "fallback_application_name", "passfile",
    NULL };
  const char *values[] = { url, timeout, "aixinwu", NULL, NULL };
  PGconn *conn;

  if (!check_url (url, error) || !resolve_password_file (password_file, &passfile, error))
    return NULL;
  values[3] = passfile;   /* NULL ends the list when there is no file */
  if (passfile == NULL)
    keys[3] = NULL;
  conn = start_only ? PQconnectStartParams (keys, values, 1) : PQconnectdbParams (keys, values, 1);
  if (conn == NULL)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_NETWORK, _("Out of memory"));
      return NULL;
    }
  if (PQstatus (conn) == CONNECTION_BAD)
    {
      axw_hub_set_connect_error (conn, url, error);
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return conn;
}

/**
 * axw_hub_connect:
 * @url: a libpq URI without a password (sslmode and the rest are honoured)
 * @password_file: (nullable): a 0600 pgpass file; %NULL: PGPASSFILE or ~/.pgpass
 * @timeout_s: for connecting; 0: 10 s
 *
 * Returns: (transfer full): the connection, or %NULL with @error
 */
AxwHub *
axw_hub_connect (const char   *url,
                 const char   *password_file,
                 guint         timeout_s,
                 GError      **error)
{
  PGconn *conn = axw_hub_open_conn (url, password_file, timeout_s, FALSE, error);
  AxwHub *hub;

  if (conn == NULL)
    return NULL;
  hub = g_new0 (AxwHub, 1);
  hub->conn = conn;
  return hub;
}

void
axw_hub_free (AxwHub *hub)
{
  if (hub == NULL)
    return;
  g_clear_pointer (&hub->conn, PQfinish);
  g_free (hub);
}

void
axw_hub_set_error (AxwHub     *hub,
                   PGresult   *result,
                   GError    **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *why = g_strstrip (g_strdup (result && *PQresultErrorMessage (result)
                                               ? PQresultErrorMessage (result) : PQerrorMessage (hub->conn)));

  if (PQstatus (hub->conn) != CONNECTION_OK)
    g_set_error (error, AXW_ERROR, AXW_ERROR_NETWORK,
                 _("The connection to the district hub was lost (%s). What was not confirmed is "
                   "sent again "
                   "later."), why);
  else if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION, _("The district hub refused: %s"), why);
  else
    g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE, _("The district hub failed: %s"), why);
}

gboolean
axw_hub_exec (AxwHub      *hub,
              const char  *sql,
              GError     **error)
{
  g_autoptr(PGresult) r = PQexec (hub->conn, sql);
  ExecStatusType st = PQresultStatus (r);

  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
    return TRUE;
  axw_hub_set_error (hub, r, error);
  return FALSE;
}

/* The hub's schema version; 0 when it has no district schema yet. */
static int
hub_version (AxwHub  *hub,
             GError **error)
{
  g_autoptr(PGresult) exists = PQexec (hub->conn,
                                       "SELECT to_regclass ('district.hub_meta') IS NOT NULL");
  g_autoptr(PGresult) r = NULL;

  if (PQresultStatus (exists) != PGRES_TUPLES_OK || PQntuples (exists) != 1)
    {
      axw_hub_set_error (hub, exists, error);
      return -1;
    }
  if (g_str_equal (PQgetvalue (exists, 0, 0), "f"))
    return 0;
  r = PQexec (hub->conn, "SELECT value::int FROM district.hub_meta WHERE key = 'schema_version'");
  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    {
      axw_hub_set_error (hub, r, error);
      return -1;
    }
  return PQntuples (r) == 1 ? atoi (PQgetvalue (r, 0, 0)) : 0;
}

/**
 * axw_hub_check_version:
 *
 * A hub must have the schema this program knows: an older one needs
 * district init, a newer one a newer program; neither is written to.
 *
 * Returns: the version, or -1 with @error
 */
int
axw_hub_check_version (AxwHub  *hub,
                       GError **error)
{
  int version = hub_version (hub, error);

  if (version < 0)
    return -1;
  if (version == 0 || version < axw_district_hub_latest_version ())
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The database %s is not a district hub of this version yet (schema %d). Run: "
                     "aixinwu "
                     "district init URL"), PQdb (hub->conn), version);
      return -1;
    }
  if (version > axw_district_hub_latest_version ())
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The district hub has schema %d, newer than this program's (%d): update "
                     "aixinwu on this "
                     "computer. Nothing was written."), version,
                     axw_district_hub_latest_version ());
      return -1;
    }
  return version;
}

/**
 * axw_district_init:
 * @admin_url: the hub database, as a role that may create roles and tables
 * @out_from: (out) (optional): the version the hub had before
 *
 * Creates or migrates the hub schema in one transaction. Idempotent: on
 * an up-to-date hub it changes nothing.
 *
 * Returns: the hub's version now, or -1 with @error (nothing changed)
 */
int
axw_district_init (const char  *admin_url,
                   int         *out_from,
                   GError     **error)
{
  g_autoptr(AxwHub) hub = axw_hub_connect (admin_url, NULL, 0, error);
  int version, latest = axw_district_hub_latest_version ();

  if (hub == NULL ||
      !axw_hub_exec (hub, "BEGIN; SELECT pg_advisory_xact_lock (hashtext ('axw-district-init'))",
                                    error))
    return -1;
  if ((version = hub_version (hub, error)) < 0)
    goto fail;
  if (out_from != NULL)
    *out_from = version;
  if (version > latest)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("The district hub has schema %d, newer than this program's (%d): update "
                     "aixinwu on this "
                     "computer. Nothing was written."), version, latest);
      goto fail;
    }
  if (version < latest && !axw_hub_exec (hub, axw_district_hub_roles_sql (), error))
    goto fail;
  for (int v = version + 1; v <= latest; v++)
    {
      g_autofree char *bump = g_strdup_printf ("UPDATE district.hub_meta SET value = '%d' "
                                               "WHERE key = 'schema_version'", v);

      if (!axw_hub_exec (hub, axw_district_hub_migration (v), error) ||
          !axw_hub_exec (hub, bump, error))
        goto fail;
    }
  if (!axw_hub_exec (hub, version < latest ? "COMMIT" : "ROLLBACK", error))
    return -1;
  return latest;

fail:
  axw_hub_exec (hub, "ROLLBACK", NULL);
  return -1;
}

static char *
random_password (void)
{
  guint8 bytes[18];
  GString *out = g_string_new (NULL);

  for (gsize got = 0; got < sizeof bytes;)
    {
      ssize_t n = getrandom (bytes + got, sizeof bytes - got, 0);

      if (n > 0)
        got += (gsize) n;
      else if (errno != EINTR)
        g_error ("getrandom: %s", g_strerror (errno));
    }
  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (out, "%02x", bytes[i]);
  explicit_bzero (bytes, sizeof bytes);
  return g_string_free (out, FALSE);
}

static void
append_query_param (GString    *url,
                    const char *key,
                    const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (url, strchr (url->str, '?') ? '&' : '?');
  g_string_append_printf (url, "%s=%s", key, escaped);
}

/* The admin's address with the shop's role as the user: same host,
 * port, database and TLS options, never a password. */
static char *
shop_url (const char *admin_url,
          const char *role)
{
  PQconninfoOption *options = PQconninfoParse (admin_url, NULL);
  GString *url = g_string_new ("postgresql://");
  const char *host = NULL, *port = NULL, *db = NULL;

  g_string_append_printf (url, "%s@", role);
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    if (o->val != NULL && g_str_equal (o->keyword, "host"))
      host = o->val;
    else if (o->val != NULL && g_str_equal (o->keyword, "port"))
      port = o->val;
    else if (o->val != NULL && g_str_equal (o->keyword, "dbname"))
      db = o->val;
  if (host != NULL && host[0] != '/' && strchr (host, ',') == NULL)
    g_string_append (url, host);
  if (host != NULL && host[0] != '/' && port != NULL)
    g_string_append_printf (url, ":%s", port);
  g_string_append_c (url, '/');
  if (db != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (db, NULL, FALSE);

      g_string_append (url, escaped);
    }
  if (host != NULL && (host[0] == '/' || strchr (host, ',') != NULL))
    append_query_param (url, "host", host);
  if (host != NULL && (host[0] == '/' || strchr (host, ',') != NULL) && port != NULL)
    append_query_param (url, "port", port);
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    if (o->val != NULL && *o->val != '\0' &&
        (g_str_has_prefix (o->keyword, "ssl") || g_str_equal (o->keyword, "hostaddr") ||
         g_str_equal (o->keyword, "target_session_attrs") ||
           g_str_equal (o->keyword, "connect_timeout")))
      append_query_param (url, o->keyword, o->val);
  PQconninfoFree (options);
  return g_string_free (url, FALSE);
}

static gboolean
set_role_password (AxwHub      *hub,
                   const char  *role,
                   const char  *password,
                   GError     **error)
{
  g_autofree char *sql = NULL;
  char *ident = PQescapeIdentifier (hub->conn, role, strlen (role));
  char *p = PQencryptPasswordConn (hub->conn, password, role, "scram-sha-256");
  char *literal = p ? PQescapeLiteral (hub->conn, p, strlen (p)) : NULL;
  char *name = PQescapeLiteral (hub->conn, role, strlen (role));
  gboolean ok;

  if (ident == NULL || literal == NULL || name == NULL)
    {
      axw_hub_set_error (hub, NULL, error);
      ok = FALSE;
      goto out;
    }
  /* A second add-shop for the same code gives the shop a new password. */
  sql = g_strdup_printf ("DO $$ BEGIN"
                         "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s) THEN"
                         "    ALTER ROLE %s LOGIN PASSWORD %s;"
                         "  ELSE CREATE ROLE %s LOGIN PASSWORD %s; END IF; END $$;"
                         "GRANT axw_shop TO %s;",
                         name, ident, literal, ident, literal, ident);
  ok = axw_hub_exec (hub, sql, error);

out:
  PQfreemem (ident);
  PQfreemem (name);
  PQfreemem (literal);
  PQfreemem (p);
  return ok;
}

/**
 * axw_district_add_shop:
 * @code: the shop's code (shop.code)
 * @password_file: where the shop's password is written (pgpass line, 0600)
 *
 * Creates the shop's role (a member of axw_shop: it may call ingest and
 * read the catalog, nothing else) with a new random password.
 *
 * Returns: (transfer full): the district.url the shop should use, or
 *   %NULL with @error
 */
char *
axw_district_add_shop (const char  *admin_url,
                       const char  *code,
                       const char  *password_file,
                       GError     **error)
{
  g_autoptr(AxwHub) hub = NULL;
  g_autofree char *role = NULL;
  g_autofree char *password = NULL;
  g_autofree char *line = NULL;
  g_autofree char *lower = NULL;
  const char *params[2];
  g_autoptr(PGresult) r = NULL;

  if (!axw_settings_validate ("shop.code", code, error))
    return NULL;
  if ((hub = axw_hub_connect (admin_url, NULL, 0, error)) == NULL ||
      axw_hub_check_version (hub, error) < 0)
    return NULL;
  lower = g_ascii_strdown (code, -1);
  role = g_strconcat ("axw_shop_", lower, NULL);
  password = random_password ();
  if (!axw_hub_exec (hub, "BEGIN", error))
    return NULL;
  params[0] = code;
  params[1] = role;
  if (!set_role_password (hub, role, password, error))
    goto fail;
  r = PQexecParams (hub->conn, "INSERT INTO district.shops (code, role) VALUES ($1, $2) "
                               "ON CONFLICT (code) DO UPDATE SET role = excluded.role", 2, NULL,
                               params, NULL,
                    NULL, 0);
  if (PQresultStatus (r) != PGRES_COMMAND_OK)
    {
      axw_hub_set_error (hub, r, error);
      goto fail;
    }
  line = g_strdup_printf ("*:*:*:%s:%s", role, password);
  if (!axw_sync_write_token (password_file, line, error))
    goto fail;
  explicit_bzero (line, strlen (line));
  explicit_bzero (password, strlen (password));
  if (!axw_hub_exec (hub, "COMMIT", error))
    return NULL;
  return shop_url (admin_url, role);

fail:
  axw_hub_exec (hub, "ROLLBACK", NULL);
  return NULL;
}
