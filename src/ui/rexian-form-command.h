/* rexian-form-command.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "rexian form --kind record --from YYYY-MM-DD --to YYYY-MM-DD --output FILE.pdf
 * [--database PATH]" and "rexian form --kind transfer|order --order NUMBER --output
 * FILE.pdf": writes a printed form as a PDF without a display, for scheduled runs.
 * @argv starts with "form".  Errors go to standard error; returns the exit status, as
 * "rexian report" does (REXIAN_REPORT_EXIT_*). */
int rexian_form_command_run (int    argc,
                             char **argv);

G_END_DECLS
