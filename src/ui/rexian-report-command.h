/* rexian-report-command.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-store.h"

G_BEGIN_DECLS

/* Exit statuses of "rexian report", for scripts and cron. */
#define REXIAN_REPORT_EXIT_OK     0
#define REXIAN_REPORT_EXIT_FAILED 1 /* the database could not be read or the file written */
#define REXIAN_REPORT_EXIT_USAGE  2 /* a missing or bad argument */

/* "rexian report --period day|week|month|year [--date YYYY-MM-DD] --format csv|xlsx|pdf
 * --output FILE [--database PATH]": writes a statistics report without a display, for
 * scheduled runs.  @argv starts with "report".  Errors go to standard error; returns the
 * exit status. */
int rexian_report_command_run (int    argc,
                               char **argv);

/* Shared with "rexian form": "2026-06-10" as noon of that local day, and the database
 * at @database (NULL: the user data folder's rexian/rexian.db), which must exist. */
gboolean     rexian_command_parse_date (const char  *text,
                                        gint64      *out);
RexianStore *rexian_command_open_store (const char  *database,
                                        GError     **error);

G_END_DECLS
