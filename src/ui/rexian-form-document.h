/* rexian-form-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-report-document.h"
#include "rexian-store.h"

G_BEGIN_DECLS

/* The printed forms of DB1405/T 086—2025: the 记录单 of a period (Table A.1, one row a
 * contact), the 转办单 of one order (Table B.1, a grid of labelled cells) and the whole
 * work order with its timeline.  Like the reports, this is plain GLib and needs no
 * display, so that "rexian form" runs from cron. */

typedef enum
{
  REXIAN_FORM_RECORD,   /* 记录单 */
  REXIAN_FORM_TRANSFER, /* 转办单 */
  REXIAN_FORM_ORDER,    /* the whole work order */
} RexianFormKind;

#define REXIAN_N_FORM_KINDS (REXIAN_FORM_ORDER + 1)

/* One row of the 转办单's grid: a label and its value across the page, or two pairs side
 * by side when @label2 is set.  @min_height keeps room to write in by hand. */
typedef struct
{
  char   *label;
  char   *value;
  char   *label2;
  char   *value2;
  double  min_height;
} RexianFormField;

/* Reference counted, so that a file can be written on a worker thread while the window
 * that asked for it moves on. */
typedef struct
{
  RexianFormKind        kind;
  char                 *title;         /* translated: 记录单, 转办单, 工单 … */
  char                 *subtitle;      /* the period, or the order's number */
  char                 *produced_text; /* "Produced 2026-11-23 08:00" */
  char                 *number;        /* the order's number, or NULL for the 记录单 */
  char                 *first_day;     /* the 记录单's days, "2026-11-01"; else NULL */
  char                 *last_day;
  GPtrArray            *fields;        /* RexianFormField: the 转办单's grid, else empty */
  RexianReportDocument *tables;        /* the 记录单 and the work order, else NULL */
  /*< private >*/
  gatomicrefcount       ref_count;
} RexianFormDocument;

/* "record", "transfer", "order": the command line's names. */
const char *rexian_form_kind_to_string   (RexianFormKind  kind);
gboolean    rexian_form_kind_from_string (const char     *str,
                                          RexianFormKind *out);

/* The 记录单 of the orders created from the start of the local day of @from to the end
 * of the local day of @to, oldest first.  Confidential callers' names and phones are
 * masked.  Reads on the calling thread. */
RexianFormDocument *rexian_form_document_load_record   (RexianStore   *store,
                                                        gint64         from,
                                                        gint64         to,
                                                        gint64         now,
                                                        GError       **error);
/* The 转办单 or the whole work order (with its timeline) of the order numbered @number;
 * an unknown number is REXIAN_STORE_ERROR_NOT_FOUND.  Reads on the calling thread. */
RexianFormDocument *rexian_form_document_load_order    (RexianStore   *store,
                                                        RexianFormKind kind,
                                                        const char    *number,
                                                        gint64         now,
                                                        GError       **error);

/* The same from what was read: @departments (RexianDepartment) name the assisting
 * departments, @events (RexianOrderEvent, oldest first) are the timeline. */
RexianFormDocument *rexian_form_document_new_transfer  (RexianWorkOrder *order,
                                                        GPtrArray       *departments,
                                                        gint64           now);
RexianFormDocument *rexian_form_document_new_order     (RexianWorkOrder *order,
                                                        GPtrArray       *departments,
                                                        GPtrArray       *events,
                                                        gint64           now);

/* The same on a worker thread, through a connection of its own to the database at
 * @database: the 记录单 of @from to @to when @kind is REXIAN_FORM_RECORD, else the form
 * of the order numbered @number. */
void                rexian_form_document_load_async  (const char          *database,
                                                      RexianFormKind       kind,
                                                      const char          *number,
                                                      gint64               from,
                                                      gint64               to,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
RexianFormDocument *rexian_form_document_load_finish (GAsyncResult        *result,
                                                      GError             **error);

RexianFormDocument *rexian_form_document_ref   (RexianFormDocument *document);
void                rexian_form_document_unref (RexianFormDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianFormDocument, rexian_form_document_unref)

/* "transfer-202611230001.pdf", "record-2026-11-01-2026-11-30.pdf": a file name to offer. */
char *rexian_form_document_suggest_filename (RexianFormDocument *document);

G_END_DECLS
