/* rexian-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-supervision.h"

typedef struct
{
  const char *id;
  const char *label;
  const char *description;
} ReasonEntry;

/* The keys are stored in the database and must never change. */
static const ReasonEntry reason_names[REXIAN_N_SUPERVISE_REASONS] = {
  [REXIAN_SUPERVISE_REASON_NONE]          = { "none", N_("None"), "" },
  [REXIAN_SUPERVISE_REASON_EMERGENCY]     = { "emergency", N_("Emergency"),
                                              N_("An emergency the caller reported") },
  [REXIAN_SUPERVISE_REASON_OVERDUE]       = { "overdue", N_("Overdue"),
                                              N_("Not handled within the time limit") },
  [REXIAN_SUPERVISE_REASON_MANUAL]        = { "manual", N_("Manual"),
                                              N_("Put under supervision by a person") },
  [REXIAN_SUPERVISE_REASON_REPEATED]      = { "repeated", N_("Repeated requests"),
                                              N_("Requested repeatedly or by many callers "
                                                 "together") },
  [REXIAN_SUPERVISE_REASON_NEAR_DEADLINE] = { "near-deadline", N_("Near the deadline"),
                                              N_("Close to the handling time limit") },
  [REXIAN_SUPERVISE_REASON_DISSATISFIED]  = { "dissatisfied", N_("Dissatisfied"),
                                              N_("Poor service attitude, low efficiency or "
                                                 "a result the caller is dissatisfied with") },
};

static const struct
{
  const char *id;
  const char *label;
} method_names[REXIAN_N_SUPERVISE_METHODS] = {
  [REXIAN_SUPERVISE_METHOD_PHONE]          = { "phone", N_("Phone") },
  [REXIAN_SUPERVISE_METHOD_SMS]            = { "sms", N_("SMS") },
  [REXIAN_SUPERVISE_METHOD_WRITTEN_NOTICE] = { "written-notice", N_("Written notice") },
  [REXIAN_SUPERVISE_METHOD_ON_SITE]        = { "on-site", N_("On-site inspection") },
  [REXIAN_SUPERVISE_METHOD_MEETING]        = { "meeting", N_("Supervision meeting") },
};

/* The standard's order, which is also the order of urgency for the first cause. */
static const RexianSuperviseReason cause_order[] = {
  REXIAN_SUPERVISE_REASON_EMERGENCY,
  REXIAN_SUPERVISE_REASON_REPEATED,
  REXIAN_SUPERVISE_REASON_NEAR_DEADLINE,
  REXIAN_SUPERVISE_REASON_OVERDUE,
  REXIAN_SUPERVISE_REASON_DISSATISFIED,
  REXIAN_SUPERVISE_REASON_MANUAL,
};

const char *
rexian_supervise_reason_to_string (RexianSuperviseReason reason)
{
  g_return_val_if_fail ((guint) reason < REXIAN_N_SUPERVISE_REASONS, NULL);

  return reason_names[reason].id;
}

gboolean
rexian_supervise_reason_from_string (const char            *str,
                                     RexianSuperviseReason *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (reason_names); i++)
    {
      if (g_str_equal (str, reason_names[i].id))
        {
          *out = (RexianSuperviseReason) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rexian_supervise_reason_get_label (RexianSuperviseReason reason)
{
  g_return_val_if_fail ((guint) reason < REXIAN_N_SUPERVISE_REASONS, NULL);

  return _(reason_names[reason].label);
}

const char *
rexian_supervise_reason_get_description (RexianSuperviseReason reason)
{
  g_return_val_if_fail ((guint) reason < REXIAN_N_SUPERVISE_REASONS, NULL);

  return reason == REXIAN_SUPERVISE_REASON_NONE ? "" : _(reason_names[reason].description);
}

gboolean
rexian_supervise_reason_is_automatic (RexianSuperviseReason reason)
{
  return reason != REXIAN_SUPERVISE_REASON_NONE && reason != REXIAN_SUPERVISE_REASON_MANUAL
         && (guint) reason < REXIAN_N_SUPERVISE_REASONS;
}

const char *
rexian_supervise_method_to_string (RexianSuperviseMethod method)
{
  g_return_val_if_fail ((guint) method < REXIAN_N_SUPERVISE_METHODS, NULL);

  return method_names[method].id;
}

gboolean
rexian_supervise_method_from_string (const char            *str,
                                     RexianSuperviseMethod *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (method_names); i++)
    {
      if (g_str_equal (str, method_names[i].id))
        {
          *out = (RexianSuperviseMethod) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rexian_supervise_method_get_label (RexianSuperviseMethod method)
{
  g_return_val_if_fail ((guint) method < REXIAN_N_SUPERVISE_METHODS, NULL);

  return _(method_names[method].label);
}

static gboolean
is_dissatisfied (RexianWorkOrder              *order,
                 const RexianSupervisionFacts *facts)
{
  return rexian_work_order_get_followup_process (order) == REXIAN_SATISFACTION_DISSATISFIED
         || rexian_work_order_get_followup_result (order) == REXIAN_SATISFACTION_DISSATISFIED
         || rexian_work_order_get_rehandle_count (order) > 0
         || facts->dissatisfied_visit;
}

guint
rexian_supervision_get_due_causes (RexianWorkOrder              *order,
                                   RexianCalendar               *calendar,
                                   const RexianDeadlineRules    *rules,
                                   const RexianSupervisionFacts *facts,
                                   gint64                        now)
{
  static const RexianSupervisionFacts no_facts = { 0 };
  RexianState state;
  gint64 deadline;
  guint causes = 0;

  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), 0);

  if (facts == NULL)
    facts = &no_facts;

  /* Only while a deadline can still run: once replied, the department has done its
   * part and supervision would chase nobody.  A re-handled order is in progress again. */
  state = rexian_work_order_get_state (order);
  if (state != REXIAN_STATE_INTAKE && state != REXIAN_STATE_PENDING_DISPATCH
      && state != REXIAN_STATE_IN_PROGRESS)
    return 0;

  if (rexian_work_order_get_emergency (order))
    causes |= REXIAN_SUPERVISE_CAUSE_BIT (REXIAN_SUPERVISE_REASON_EMERGENCY);

  if (rexian_work_order_get_repeated (order) || facts->in_cluster)
    causes |= REXIAN_SUPERVISE_CAUSE_BIT (REXIAN_SUPERVISE_REASON_REPEATED);

  deadline = rexian_work_order_get_running_deadline (order);
  if (deadline != 0 && now > deadline)
    {
      causes |= REXIAN_SUPERVISE_CAUSE_BIT (REXIAN_SUPERVISE_REASON_OVERDUE);
    }
  else if (deadline != 0 && state == REXIAN_STATE_IN_PROGRESS && calendar != NULL
           && rules != NULL)
    {
      RexianDeadlineColor color = REXIAN_DEADLINE_NONE;

      /* Past the holiday data there is no colour to trust; the next pass tries again
       * once the data is updated. */
      if (rexian_deadline_get_color (calendar, rules, deadline, now, &color, NULL, NULL)
          && color == REXIAN_DEADLINE_YELLOW)
        causes |= REXIAN_SUPERVISE_CAUSE_BIT (REXIAN_SUPERVISE_REASON_NEAR_DEADLINE);
    }

  if (is_dissatisfied (order, facts))
    causes |= REXIAN_SUPERVISE_CAUSE_BIT (REXIAN_SUPERVISE_REASON_DISSATISFIED);

  return causes & ~facts->recorded;
}

RexianSuperviseReason
rexian_supervision_first_cause (guint causes)
{
  for (guint i = 0; i < G_N_ELEMENTS (cause_order); i++)
    {
      if ((causes & REXIAN_SUPERVISE_CAUSE_BIT (cause_order[i])) != 0)
        return cause_order[i];
    }

  return REXIAN_SUPERVISE_REASON_NONE;
}
