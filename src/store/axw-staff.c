/* axw-staff.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PINs are hashed with Argon2id (libsodium's crypto_pwhash_str) and never
 * stored plain. Repeated failures lock the account for a while; a
 * manager can unlock it sooner.
 *
 * Cost: OWASP's first Argon2id setting, 19 MiB and 2 passes, not
 * libsodium's INTERACTIVE (64 MiB), which was most of the counter's peak
 * memory at each login. A 4-8 digit PIN is protected by the lockout and
 * the database file's permissions more than by the hash's cost. Hashes
 * made with other settings still verify and are redone at the next login.
 */
#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-staff.h"

#define PIN_OPSLIMIT 2
#define PIN_MEMLIMIT (19 * 1024 * 1024)

#define STAFF_COLUMNS \
  "id, name, role = 'manager', active, " \
  "locked_until IS NOT NULL AND locked_until > ?9, failed_attempts, " \
  "font_scale_pct, high_contrast, sound, speech, pin_hash FROM staff "

G_DEFINE_BOXED_TYPE (AxwStaff, axw_staff, axw_staff_copy, axw_staff_free)

AxwStaff *
axw_staff_copy (const AxwStaff *staff)
{
  AxwStaff *copy = g_new (AxwStaff, 1);

  *copy = *staff;
  copy->name = g_strdup (staff->name);
  return copy;
}

void
axw_staff_free (AxwStaff *staff)
{
  if (staff == NULL)
    return;
  g_free (staff->name);
  g_free (staff);
}

gboolean
axw_staff_pin_is_valid (const char  *pin,
                        GError     **error)
{
  gsize len = pin ? strlen (pin) : 0;

  if (len >= 4 && len <= 8 && strspn (pin, "0123456789") == len)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("A PIN is 4 to 8 digits"));
  return FALSE;
}

static char *
hash_pin (const char  *pin,
          GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (sodium_init () < 0 ||
      crypto_pwhash_str_alg (out, pin, strlen (pin), PIN_OPSLIMIT, PIN_MEMLIMIT,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_DATABASE,
                   _("Not enough memory to protect the PIN; close other programs and try again"));
      return NULL;
    }
  return g_strdup (out);
}

/**
 * axw_staff_add:
 *
 * axw_staff_add_as() in nobody's name (the demo data, the first manager).
 *
 * Returns: the new staff id, or 0 with @error set
 */
gint64
axw_staff_add (AxwDb       *db,
               const char  *name,
               gboolean     manager,
               const char  *pin,
               GError     **error)
{
  return axw_staff_add_as (db, name, manager, pin, NULL, error);
}

/**
 * axw_staff_count_managers:
 *
 * Returns: how many active managers there are (none: the first may be
 *   added without one)
 */
gint64
axw_staff_count_managers (AxwDb *db)
{
  return axw_db_query_int (db, "SELECT count(*) FROM staff WHERE role = 'manager' AND active", 0);
}

/**
 * axw_staff_add_as:
 * @by: (nullable): the manager who adds, for the audit row
 *
 * Returns: the new staff id, or 0 with @error set
 */
gint64
axw_staff_add_as (AxwDb       *db,
                  const char  *name,
                  gboolean     manager,
                  const char  *pin,
                  const char  *by,
                  GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if (*clean == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("The staff member needs a name"));
      return 0;
    }
  if (!axw_staff_pin_is_valid (pin, error) || (hash = hash_pin (pin, error)) == NULL)
    return 0;
  if (!axw_db_begin (db, error))
    return 0;
  stmt = axw_db_prepare (db, "INSERT INTO staff (name, role, pin_hash, created_at) "
                             "VALUES (?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, clean);
  axw_db_bind_text (stmt, 2, manager ? "manager" : "cashier");
  axw_db_bind_text (stmt, 3, hash);
  axw_db_bind_text (stmt, 4, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rc = sqlite3_reset (stmt);
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                     _("There is already a staff member called %s"), clean);
      else
        axw_db_set_error (db, rc, error);
      goto fail;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!axw_audit_append (db, by, "staff.add", clean, error) || !axw_db_commit (db, error))
    goto fail;
  return id;

fail:
  axw_db_rollback (db);
  return 0;
}

static AxwStaff *
find (AxwDb        *db,
      const char   *name,
      char        **out_hash,
      GError      **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;
  AxwStaff *s = NULL;
  int rc;

  stmt = axw_db_prepare (db, "SELECT " STAFF_COLUMNS "WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, name);
  axw_db_bind_text (stmt, 9, now);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      s = g_new0 (AxwStaff, 1);
      s->id = sqlite3_column_int64 (stmt, 0);
      s->name = axw_db_column_dup (stmt, 1);
      s->manager = sqlite3_column_int (stmt, 2);
      s->active = sqlite3_column_int (stmt, 3);
      s->locked = sqlite3_column_int (stmt, 4);
      s->failed_attempts = sqlite3_column_int (stmt, 5);
      s->font_scale_pct = sqlite3_column_int (stmt, 6);
      s->high_contrast = sqlite3_column_int (stmt, 7);
      s->sound = sqlite3_column_int (stmt, 8);
      s->speech = sqlite3_column_int (stmt, 9);
      if (out_hash)
        *out_hash = axw_db_column_dup (stmt, 10);
    }
  else if (rc != SQLITE_DONE)
    axw_db_set_error (db, rc, error);
  else
    g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("There is no staff member called %s"),
                 name);
  sqlite3_reset (stmt);
  return s;
}

/* Returns: (transfer full): the staff member, or %NULL with @error set */
AxwStaff *
axw_staff_find (AxwDb       *db,
                const char  *name,
                GError     **error)
{
  return find (db, name, NULL, error);
}

static gpointer
name_from_row (sqlite3_stmt *stmt)
{
  return axw_db_column_dup (stmt, 0);
}

static GPtrArray *
list_staff (AxwDb       *db,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GPtrArray) names = axw_db_collect (db, axw_db_prepare (db, sql, error), name_from_row,
                                               g_free, error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_staff_free);

  if (names == NULL)
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      AxwStaff *s = find (db, g_ptr_array_index (names, i), NULL, error);

      if (s == NULL)
        return NULL;
      g_ptr_array_add (out, s);
    }
  return g_steal_pointer (&out);
}

/* Returns: (transfer full) (element-type AxwStaff): active staff by name */
GPtrArray *
axw_staff_list (AxwDb   *db,
                GError **error)
{
  return list_staff (db, "SELECT name FROM staff WHERE active ORDER BY id", error);
}

/* Returns: (transfer full) (element-type AxwStaff): everyone, those who
 * can no longer log in too (the manager's Staff page) */
GPtrArray *
axw_staff_list_all (AxwDb   *db,
                    GError **error)
{
  return list_staff (db, "SELECT name FROM staff ORDER BY id", error);
}

/* In the attempt's transaction. Any locked_until left is a lock that has
 * run out (a live one was refused), so the count starts again at one. */
static gboolean
count_failure (AxwDb     *db,
               AxwStaff  *s,
               GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, AXW_STAFF_LOCK_MINUTES);
  g_autofree char *until = axw_time_to_utc_iso (later);
  sqlite3_stmt *stmt;
  int rc;

  stmt = axw_db_prepare (db, "UPDATE staff SET failed_attempts = CASE WHEN locked_until IS NULL "
                             "THEN failed_attempts + 1 ELSE 1 END, locked_until = NULL "
                             "WHERE id = ?1 RETURNING failed_attempts", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    s->failed_attempts = sqlite3_column_int (stmt, 0);
  rc = sqlite3_reset (stmt);
  if (rc != SQLITE_OK)
    return axw_db_set_error (db, rc, error);
  s->locked = s->failed_attempts >= AXW_STAFF_MAX_FAILURES;
  if (s->locked)
    {
      stmt = axw_db_prepare (db, "UPDATE staff SET locked_until = ?1 WHERE id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      axw_db_bind_text (stmt, 1, until);
      sqlite3_bind_int64 (stmt, 2, s->id);
      if (!axw_db_step_done (db, stmt, error))
        return FALSE;
    }
  return axw_audit_append (db, s->name, s->locked ? "login.locked" : "login.failed", NULL, error);
}

/* In the attempt's transaction: a right PIN clears the count and keeps a
 * stronger hash (best effort: a failure leaves the old hash, which still
 * verifies). */
static gboolean
count_success (AxwDb       *db,
               AxwStaff    *s,
               const char  *new_hash,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "UPDATE staff SET failed_attempts = 0, locked_until = NULL, "
                             "pin_hash = coalesce (?1, pin_hash) WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, new_hash);
  sqlite3_bind_int64 (stmt, 2, s->id);
  return axw_db_step_done (db, stmt, error);
}

/* A locked or inactive account is refused whatever the PIN. */
static gboolean
may_log_in (const AxwStaff  *s,
            GError         **error)
{
  if (s->active && !s->locked)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
               s->locked ? _("%s is locked after too many wrong PINs. Ask a manager to unlock, "
                             "or wait 15 minutes.")
                         : _("%s can no longer log in. Ask a manager."), s->name);
  return FALSE;
}

/* A PIN being checked. The check itself (Argon2id: 19 MiB and tens of
 * milliseconds) touches no database, so the counter runs it off the GTK
 * thread; looking the staff member up before and recording the attempt
 * after stay with the caller's connection. */
typedef struct {
  AxwStaff *staff;
  char     *hash;
  char     *pin;
  gboolean  ok;
  char     *new_hash;   /* today's parameters, when the stored hash is older */
} PinCheck;

static void
pin_check_free (PinCheck *check)
{
  g_clear_pointer (&check->staff, axw_staff_free);
  g_free (check->hash);
  if (check->pin != NULL)
    sodium_memzero (check->pin, strlen (check->pin));
  g_free (check->pin);
  g_free (check->new_hash);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PinCheck, pin_check_free)

/* Finds the staff member and refuses a locked or inactive account
 * whatever the PIN. */
static PinCheck *
pin_check_begin (AxwDb       *db,
                 const char  *name,
                 const char  *pin,
                 GError     **error)
{
  g_autoptr(PinCheck) check = g_new0 (PinCheck, 1);

  check->staff = find (db, name, &check->hash, error);
  if (check->staff == NULL || !may_log_in (check->staff, error))
    return NULL;
  check->pin = g_strdup (pin);
  return g_steal_pointer (&check);
}

/* Any thread. */
static void
pin_check_run (PinCheck *check)
{
  check->ok = check->pin != NULL && check->hash != NULL && sodium_init () >= 0 &&
              crypto_pwhash_str_verify (check->hash, check->pin, strlen (check->pin)) == 0;
  if (check->ok && crypto_pwhash_str_needs_rehash (check->hash, PIN_OPSLIMIT, PIN_MEMLIMIT) != 0)
    check->new_hash = hash_pin (check->pin, NULL);
}

/* The attempt could not be written (@local). A right PIN still lets the
 * person in when only the disk is full: a manager must be able to log in
 * to make room. A wrong one that cannot be counted is refused, and says
 * both why and what to do; so is any other failure. */
static AxwStaff *
pin_check_unrecorded (PinCheck  *check,
                      GError    *local,
                      GError   **error)
{
  g_autoptr(GError) owned = local;

  if (!g_error_matches (local, AXW_ERROR, AXW_ERROR_DISK_FULL))
    {
      g_propagate_error (error, g_steal_pointer (&owned));
      return NULL;
    }
  if (!check->ok)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_DISK_FULL,
                           _("Wrong PIN. The disk is full, so the try could not be counted: free "
                             "some "
                             "space or call the manager."));
      return NULL;
    }
  g_message (_("%s logged in; the disk is full, so the login was not recorded."),
             check->staff->name);
  return g_steal_pointer (&check->staff);
}

/* Counts the attempt (a lockout after too many) in one BEGIN IMMEDIATE
 * read-modify-write: wrong PINs checked at once on several terminals
 * each count, and an account locked by one of them while this PIN was
 * being checked is refused even with the right PIN.
 * Returns: (transfer full): the staff member, or %NULL */
static AxwStaff *
pin_check_end (AxwDb     *db,
               PinCheck  *check,
               GError   **error)
{
  g_autoptr(AxwStaff) fresh = NULL;
  g_autoptr(GError) local = NULL;
  AxwStaff *s = check->staff;
  int left;

  if (!axw_db_begin (db, &local))
    return pin_check_unrecorded (check, g_steal_pointer (&local), error);
  fresh = find (db, s->name, NULL, error);
  if (fresh == NULL || !may_log_in (fresh, error))
    {
      axw_db_rollback (db);
      return NULL;
    }
  if (!(check->ok
        ? count_success (db, s, check->new_hash, &local) : count_failure (db, s, &local)) ||
      !axw_db_commit (db, &local))
    {
      axw_db_rollback (db);
      return pin_check_unrecorded (check, g_steal_pointer (&local), error);
    }
  if (check->ok)
    return g_steal_pointer (&check->staff);
  left = AXW_STAFF_MAX_FAILURES - s->failed_attempts;
  if (left > 0)
    g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                 g_dngettext (NULL, "Wrong PIN. %d try left.", "Wrong PIN. %d tries left.", left),
                 left);
  else
    g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                 _("Wrong PIN. %s is now locked; ask a manager to unlock."), s->name);
  return NULL;
}

/**
 * axw_staff_login:
 *
 * Checks the PIN. Wrong PINs count towards a lockout; a locked or
 * inactive account is refused whatever the PIN.
 *
 * Returns: (transfer full): the staff member, or %NULL with @error set
 */
AxwStaff *
axw_staff_login (AxwDb       *db,
                 const char  *name,
                 const char  *pin,
                 GError     **error)
{
  g_autoptr(PinCheck) check = pin_check_begin (db, name, pin, error);

  if (check == NULL)
    return NULL;
  pin_check_run (check);
  return pin_check_end (db, check, error);
}

static void
pin_check_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  pin_check_run (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * axw_staff_login_async:
 *
 * axw_staff_login() with the PIN check in a worker thread: the screen
 * keeps drawing while Argon2 runs. The database is read now and written
 * in axw_staff_login_finish(), both on the caller's thread; @db must stay
 * open until then.
 */
void
axw_staff_login_async (AxwDb               *db,
                       const char          *name,
                       const char          *pin,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;
  PinCheck *check = pin_check_begin (db, name, pin, &error);

  g_task_set_source_tag (task, axw_staff_login_async);
  if (check == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, check, (GDestroyNotify) pin_check_free);
  g_task_run_in_thread (task, pin_check_thread);
}

/* Returns: (transfer full): the staff member, or %NULL with @error set */
AxwStaff *
axw_staff_login_finish (AxwDb         *db,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return pin_check_end (db, g_task_get_task_data (G_TASK (result)), error);
}

/* (transfer full) of @staff: @staff if a manager, else %NULL with @error */
static AxwStaff *
require_manager (AxwStaff  *staff,
                 GError   **error)
{
  g_autoptr(AxwStaff) s = staff;

  if (s == NULL)
    return NULL;
  if (!s->manager)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                   _("%s is not a manager. Ask a manager to enter their PIN."), s->name);
      return NULL;
    }
  return g_steal_pointer (&s);
}

/* A login that must be a manager's: refunds, voids, price overrides, Z. */
AxwStaff *
axw_staff_authorize_manager (AxwDb       *db,
                             const char  *name,
                             const char  *pin,
                             GError     **error)
{
  return require_manager (axw_staff_login (db, name, pin, error), error);
}

/**
 * axw_staff_authorize_manager_finish:
 *
 * Ends an axw_staff_login_async() that must be a manager's: as
 * axw_staff_authorize_manager(), with the PIN checked off the caller's
 * thread.
 *
 * Returns: (transfer full): the manager, or %NULL with @error set
 */
AxwStaff *
axw_staff_authorize_manager_finish (AxwDb         *db,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return require_manager (axw_staff_login_finish (db, result, error), error);
}

static gboolean
update_by_name (AxwDb       *db,
                const char  *sql,
                const char  *name,
                const char  *value,
                const char  *by,
                const char  *action,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, value);
  axw_db_bind_text (stmt, 2, name);
  if (!axw_db_step_done (db, stmt, error))
    goto fail;
  if (axw_db_changes (db) != 1)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("There is no staff member called %s"),
                   name);
      goto fail;
    }
  if (!axw_audit_append (db, by, action, name, error))
    goto fail;
  return axw_db_commit (db, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

gboolean
axw_staff_set_pin (AxwDb       *db,
                   const char  *name,
                   const char  *pin,
                   const char  *by,
                   GError     **error)
{
  g_autofree char *hash = NULL;

  if (!axw_staff_pin_is_valid (pin, error) || (hash = hash_pin (pin, error)) == NULL)
    return FALSE;
  return update_by_name (db,
                         "UPDATE staff SET pin_hash = ?1, failed_attempts = 0, locked_until = NULL "
                             "WHERE name = ?2", name, hash, by, "staff.pin", error);
}

gboolean
axw_staff_set_role (AxwDb       *db,
                    const char  *name,
                    gboolean     manager,
                    const char  *by,
                    GError     **error)
{
  return update_by_name (db, "UPDATE staff SET role = ?1 WHERE name = ?2", name,
                         manager ? "manager" : "cashier", by,
                         manager ? "staff.role.manager" : "staff.role.cashier", error);
}

gboolean
axw_staff_unlock (AxwDb       *db,
                  const char  *name,
                  const char  *by,
                  GError     **error)
{
  return update_by_name (db,
                         "UPDATE staff SET failed_attempts = 0, locked_until = ?1 WHERE name = ?2",
                         name, NULL, by, "staff.unlock", error);
}

/**
 * axw_staff_set_active:
 * @by: the manager doing it
 *
 * A deactivated staff member cannot log in (their sales keep their name);
 * activating lets them in again. Nobody deactivates themselves, and the
 * last active manager stays.
 */
gboolean
axw_staff_set_active (AxwDb       *db,
                      const char  *name,
                      gboolean     active,
                      const char  *by,
                      GError     **error)
{
  g_autoptr(AxwStaff) s = axw_staff_find (db, name, error);

  if (s == NULL)
    return FALSE;
  if (!active && g_strcmp0 (name, by) == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION, _("You cannot deactivate yourself."));
      return FALSE;
    }
  if (!active && s->manager && s->active &&
      axw_db_query_int (db, "SELECT count(*) FROM staff WHERE role = 'manager' AND active", 0) <= 1)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("%s is the last manager who can log in: make someone else a manager first."),
                   name);
      return FALSE;
    }
  return update_by_name (db, "UPDATE staff SET active = ?1 WHERE name = ?2", name,
                         active ? "1" : "0", by,
                         active ? "staff.activate" : "staff.deactivate", error);
}

/* Per-staff accessibility: font scale, high contrast, sound, speech. */
gboolean
axw_staff_save_prefs (AxwDb           *db,
                      const AxwStaff  *staff,
                      GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "UPDATE staff SET font_scale_pct = ?, high_contrast = ?, sound = ?, "
                             "speech = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, CLAMP (staff->font_scale_pct, 100, 200));
  sqlite3_bind_int (stmt, 2, staff->high_contrast);
  sqlite3_bind_int (stmt, 3, staff->sound);
  sqlite3_bind_int (stmt, 4, staff->speech);
  sqlite3_bind_int64 (stmt, 5, staff->id);
  return axw_db_step_done (db, stmt, error);
}
