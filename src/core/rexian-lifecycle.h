/* rexian-lifecycle.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-calendar.h"
#include "rexian-core-types.h"
#include "rexian-deadline.h"
#include "rexian-work-order.h"

G_BEGIN_DECLS

#define REXIAN_LIFECYCLE_ERROR (rexian_lifecycle_error_quark ())

typedef enum
{
  REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,    /* no such move from this state */
  REXIAN_LIFECYCLE_ERROR_MISSING_FIELD,  /* a required field is empty (named in the message) */
  REXIAN_LIFECYCLE_ERROR_INVALID,        /* a value is out of range, e.g. extension > max */
  REXIAN_LIFECYCLE_ERROR_CALENDAR,       /* the deadline falls past the holiday data */
} RexianLifecycleError;

GQuark rexian_lifecycle_error_quark (void);

/* What a transition needs besides the order itself. */
typedef enum
{
  REXIAN_FIELD_NONE             = 0,
  REXIAN_FIELD_REASON           = 1 << 0,
  REXIAN_FIELD_SUMMARY          = 1 << 1, /* the order's summary must be filled */
  REXIAN_FIELD_LEAD_DEPARTMENT  = 1 << 2,
  REXIAN_FIELD_TRANSFER_OPINION = 1 << 3,
  REXIAN_FIELD_HANDLING_RESULT  = 1 << 4,
  REXIAN_FIELD_SATISFACTION     = 1 << 5, /* process and result */
  REXIAN_FIELD_EXTENSION_DAYS   = 1 << 6,
  REXIAN_FIELD_MERGE_TARGET     = 1 << 7,
  REXIAN_FIELD_CALLER_PHONE     = 1 << 8, /* the order's phone must be filled */
} RexianFieldFlags;

/* One row of the transition table. */
typedef struct
{
  RexianAction     action;
  guint            from_states; /* bit (1 << state) for every state it may start from */
  int              to_state;    /* a RexianState, or -1 when the state is kept */
  RexianFieldFlags required;
} RexianTransition;

/* The input a user gives for a transition (the dialog's fields). */
typedef struct
{
  char               *reason;
  gint64              lead_department_id;
  GArray             *assist_department_ids; /* gint64; may be NULL */
  char               *transfer_opinion;
  int                 handling_days;         /* 0: from the category and the rules */
  char               *handler_name;
  char               *handler_phone;
  char               *handling_result;
  RexianSatisfaction  followup_process;
  RexianSatisfaction  followup_result;
  char               *followup_note;
  int                 extension_days;
  gint64              merge_into_id;
  char               *merge_into_number;
  int                 category_days;         /* the order's category figure, filled by the store */
  RexianSuperviseReason supervise_reason;
} RexianTransitionInput;

RexianTransitionInput *rexian_transition_input_new  (void);
/* A deep copy, for handing the input to another thread. */
RexianTransitionInput *rexian_transition_input_copy (const RexianTransitionInput *input);
void                   rexian_transition_input_free (RexianTransitionInput *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianTransitionInput, rexian_transition_input_free)

/* The whole table, in a stable order. */
const RexianTransition *rexian_lifecycle_get_transitions (guint *n_transitions);
const RexianTransition *rexian_lifecycle_lookup          (RexianAction action);

/* The fields @action really requires from @from: the table's row, narrowed where the
 * requirement depends on the case (CLOSE needs the satisfaction only from follow-up;
 * SUPERVISE needs a reason only when @supervise_reason is MANUAL or NONE).  Dialogs
 * should ask for these. */
RexianFieldFlags rexian_lifecycle_get_required_fields (RexianAction          action,
                                                       RexianState           from,
                                                       RexianSuperviseReason supervise_reason);

/* The actions that move an order from @from to @to (a kanban drop), written to @out
 * (room for REXIAN_N_ACTIONS); returns how many.  Only state-changing actions. */
guint    rexian_lifecycle_actions_between (RexianState   from,
                                           RexianState   to,
                                           RexianAction *out);

/* TRUE when @action may start from the order's present state and flags (a returned order
 * for REJECT_RETURN, a waiting request for APPROVE/REJECT_EXTENSION, and so on), else
 * FALSE with an error a user understands: what was refused and why. */
gboolean rexian_lifecycle_can_apply (RexianWorkOrder *order,
                                     RexianAction     action,
                                     GError         **error);

/* TRUE when @target can take @order merged into it (并单): it is another order, still
 * open (not closed or archived), and not itself merged into a third; else FALSE with a
 * message naming the target. */
gboolean rexian_lifecycle_check_merge_target (RexianWorkOrder *order,
                                              RexianWorkOrder *target,
                                              GError         **error);

/* A user-facing sentence for a drop with no allowed action, e.g. "An order being taken
 * in cannot be marked replied: it must first be transferred to a department." */
char    *rexian_lifecycle_explain_refusal (RexianState from,
                                           RexianState to);

/* Checks and applies @action to @order at @now: validates the input (required fields,
 * ranges), sets the new state, fields, counters and deadlines (computed with @calendar
 * and @rules), and returns the timeline's detail line in @out_detail (e.g. "Lead:
 * 市住建局; deadline 2026-11-30").  On error the order is left untouched. */
gboolean rexian_lifecycle_apply (RexianWorkOrder             *order,
                                 RexianAction                 action,
                                 const RexianTransitionInput *input,
                                 RexianCalendar              *calendar,
                                 const RexianDeadlineRules   *rules,
                                 gint64                       now,
                                 char                       **out_detail,
                                 GError                     **error);

/* Whether an open order must come under supervision at @now (emergency, or its running
 * deadline passed) and is not yet supervised. */
RexianSuperviseReason rexian_lifecycle_supervision_due (RexianWorkOrder *order,
                                                        gint64           now);

G_END_DECLS
