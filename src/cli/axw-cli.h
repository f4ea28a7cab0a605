/* axw-cli.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"
#include "axw-staff.h"

G_BEGIN_DECLS

typedef struct _AxwCliSpec AxwCliSpec;

typedef struct {
  char             *db_path;
  AxwDb            *db;
  char             *staff_name;  /* --staff NAME, an option of every command */
  AxwStaff         *staff;       /* who gave their PIN (axw_cli_authorize) */
  char             *db_option;   /* --db and --staff as just parsed */
  char             *staff_option;
  const AxwCliSpec *spec;        /* the command running, and its name */
  char             *name;        /* ("products import") */
  GOptionContext   *context;     /* its options, for axw_cli_usage() */
} AxwCli;

/* Who a command needs: anyone on the staff (a sale, a shift), or a manager. */
typedef enum {
  AXW_CLI_STAFF,
  AXW_CLI_MANAGER,
} AxwCliRole;

typedef int (*AxwCliCommand) (AxwCli  *cli,
                              int      argc,
                              char   **argv);

/* A command or a sub-command ("products import"), as `aixinwu products import
 * --help` shows it: "Usage: aixinwu products import [OPTION…] PARAMETER", the
 * summary, the options (the command's own table, then the global ones: --db,
 * --staff) and the description; its parent's help lists it with the summary.
 * It runs itself, or without @run one of its @verbs. Strings are N_(). */
struct _AxwCliSpec {
  const char       *name;         /* "import" */
  AxwCliCommand     run;          /* (nullable) */
  const char       *parameter;    /* the positional arguments: N_("FILE.csv"), or NULL */
  const char       *summary;
  const char       *description;  /* (nullable) */
  int               min_args;     /* positional arguments, at least */
  int               max_args;     /* and at most; -1 for any number */
  const AxwCliSpec *verbs;        /* (nullable) the sub-commands, { NULL } last */
};

/* axw_cli_list(): the rows, and a row's line. */
typedef GPtrArray *(*AxwCliLister)    (AxwDb         *db,
                                       GError       **error);
typedef char      *(*AxwCliDescriber) (AxwDb         *db,
                                       gconstpointer  row);

/* axw_cli_import(): a CSV's rows into the store, in @staff's name. */
typedef gboolean   (*AxwCliImporter)  (AxwDb         *db,
                                       const char    *text,
                                       gsize          length,
                                       const char    *staff,
                                       guint         *out_count,
                                       GError       **error);

/* Exit codes: 0 ok, 1 refused (bad input, not found…), 2 usage. */
enum {
  AXW_EXIT_OK = 0,
  AXW_EXIT_FAIL = 1,
  AXW_EXIT_USAGE = 2,
};

/* axw_cli_main(): no command, the counter opens. */
#define AXW_CLI_RUN_GUI (-1)

char     *axw_cli_default_db_path  (void);
int       axw_cli_main             (int          argc,
                                    char       **argv,
                                    char       **gui_db_path);
gboolean  axw_cli_parse            (AxwCli             *cli,
                                    const GOptionEntry *entries,
                                    int                *argc,
                                    char             ***argv,
                                    int                *rc);
gboolean  axw_cli_parse_some       (AxwCli             *cli,
                                    const GOptionEntry *all,
                                    guint               n_all,
                                    const char         *names,
                                    int                *argc,
                                    char             ***argv,
                                    int                *rc);
AxwDb    *axw_cli_open             (AxwCli             *cli,
                                    const GOptionEntry *entries,
                                    int                *argc,
                                    char             ***argv,
                                    int                *rc);
AxwStaff *axw_cli_parse_as         (AxwCli             *cli,
                                    AxwCliRole          role,
                                    const GOptionEntry *entries,
                                    int                *argc,
                                    char             ***argv,
                                    int                *rc);
int       axw_cli_list             (AxwCli             *cli,
                                    int                 argc,
                                    char              **argv,
                                    AxwCliLister        list,
                                    AxwCliDescriber     describe);
gint64    axw_cli_import           (AxwCli             *cli,
                                    int                 argc,
                                    char              **argv,
                                    AxwCliImporter      import,
                                    int                *rc);
AxwDb    *axw_cli_db               (AxwCli      *cli);
char     *axw_cli_shop_time        (AxwDb       *db,
                                    const char  *utc_iso);
int       axw_cli_fail             (GError      *error);
int       axw_cli_usage            (AxwCli      *cli);
GDateTime *axw_cli_parse_at        (const char  *at,
                                    GError     **error);
char     *axw_cli_read_file        (const char  *path,
                                    gsize       *length,
                                    GError     **error);
char     *axw_cli_read_pin         (const char  *prompt,
                                    GError     **error);
void      axw_cli_free_pin         (char        *pin);
AxwStaff *axw_cli_authorize        (AxwCli      *cli,
                                    AxwCliRole   role,
                                    GError     **error);
gboolean  axw_cli_check_at         (AxwCli      *cli,
                                    const char  *at,
                                    GError     **error);
gboolean  axw_cli_init_demo        (AxwDb       *db,
                                    GError     **error);
int       axw_cli_emit             (const char  *out,
                                    const char  *data,
                                    gsize        len);

/* The sub-commands of the commands that have them; the commands that run. */
extern const AxwCliSpec axw_cli_vouchers[];
extern const AxwCliSpec axw_cli_district[];
extern const AxwCliSpec axw_cli_products[];
extern const AxwCliSpec axw_cli_promotions[];
extern const AxwCliSpec axw_cli_staff[];
extern const AxwCliSpec axw_cli_settings[];
extern const AxwCliSpec axw_cli_funds[];
extern const AxwCliSpec axw_cli_suppliers[];
extern const AxwCliSpec axw_cli_deliveries[];
extern const AxwCliSpec axw_cli_consignment[];
extern const AxwCliSpec axw_cli_report[];
extern const AxwCliSpec axw_cli_shift[];
int axw_cli_cmd_init       (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_quote      (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_sell       (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_refund     (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_void       (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_receipt    (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_printers   (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_export     (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_sync       (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_import_online (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_version (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_backup     (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_restore    (AxwCli *cli, int argc, char **argv);
int axw_cli_cmd_receive    (AxwCli *cli, int argc, char **argv);

/* A PIN read from stdin: g_autoptr(AxwCliPin) wipes it when it goes. */
typedef char AxwCliPin;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwCliPin, axw_cli_free_pin)

G_END_DECLS
