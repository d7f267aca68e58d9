/* rexian-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_APPLICATION (rexian_application_get_type ())

G_DECLARE_FINAL_TYPE (RexianApplication, rexian_application, REXIAN, APPLICATION, AdwApplication)

RexianApplication *rexian_application_new            (void);
/* The open shared database; NULL until startup opened it (or when it could not). */
RexianStore       *rexian_application_get_store      (RexianApplication *self);
/* The agent (工号) working at this seat, from the "agent-number" setting, or the first
 * agent in the database. */
gint64             rexian_application_get_agent_id   (RexianApplication *self);
/* Where translations are: the build tree's when run uninstalled, else LOCALEDIR. */
const char        *rexian_application_get_locale_dir (void);

/* Sets the database before the application starts, as --database does; for tests. */
void               _rexian_application_set_database_path (RexianApplication *self,
                                                          const char        *path);

G_END_DECLS
