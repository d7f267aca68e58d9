/* rexian-report-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-report-writer.h"

G_BEGIN_DECLS

/* The formats' own writers, each to a path that rexian_report_write() later renames. */
gboolean _rexian_report_write_xlsx (RexianReportDocument  *document,
                                    const char            *path,
                                    GError               **error);
gboolean _rexian_report_write_pdf  (RexianReportDocument  *document,
                                    const char            *path,
                                    GError               **error);

/* "Cannot write the report to “PATH”: DETAIL", with the code of @errsv. */
void     _rexian_report_set_write_error (GError     **error,
                                         const char  *path,
                                         int          errsv,
                                         const char  *detail);

G_END_DECLS
