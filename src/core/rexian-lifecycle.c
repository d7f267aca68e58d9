/* rexian-lifecycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-lifecycle-private.h"
#include "rexian-supervision.h"

G_DEFINE_QUARK (rexian-lifecycle-error-quark, rexian_lifecycle_error)

/* The whole lifecycle, one row per action in the order of RexianAction.  Everything
 * else in this file (the kanban's allowed drops, the dialogs' required fields, the
 * checks in apply()) reads this table, so a change of policy is a change of data.
 *
 * Two requirements depend on more than the state and are narrowed in
 * rexian_lifecycle_get_required_fields(): CLOSE asks for the satisfaction only when
 * closing after a follow-up visit, and SUPERVISE asks for a reason only when a person
 * (not the automatic check) puts the order under supervision. */
static const RexianTransition transitions[REXIAN_N_ACTIONS] = {
  { REXIAN_ACTION_CREATE, 0, REXIAN_STATE_INTAKE, REXIAN_FIELD_SUMMARY },
  { REXIAN_ACTION_EDIT, OPEN_STATES | STATE_BIT (REXIAN_STATE_CLOSED), KEPT, REXIAN_FIELD_NONE },
  { REXIAN_ACTION_CLOSE_DIRECT, STATE_BIT (REXIAN_STATE_INTAKE), REXIAN_STATE_CLOSED,
    REXIAN_FIELD_HANDLING_RESULT | REXIAN_FIELD_SUMMARY },
  { REXIAN_ACTION_SUBMIT, STATE_BIT (REXIAN_STATE_INTAKE), REXIAN_STATE_PENDING_DISPATCH,
    REXIAN_FIELD_SUMMARY },
  { REXIAN_ACTION_DISPATCH, STATE_BIT (REXIAN_STATE_PENDING_DISPATCH), REXIAN_STATE_IN_PROGRESS,
    REXIAN_FIELD_LEAD_DEPARTMENT | REXIAN_FIELD_TRANSFER_OPINION },
  { REXIAN_ACTION_RETURN, STATE_BIT (REXIAN_STATE_IN_PROGRESS), REXIAN_STATE_PENDING_DISPATCH,
    REXIAN_FIELD_REASON },
  { REXIAN_ACTION_REJECT_RETURN, STATE_BIT (REXIAN_STATE_PENDING_DISPATCH),
    REXIAN_STATE_IN_PROGRESS, REXIAN_FIELD_REASON },
  { REXIAN_ACTION_REQUEST_EXTENSION, STATE_BIT (REXIAN_STATE_IN_PROGRESS), KEPT,
    REXIAN_FIELD_REASON | REXIAN_FIELD_EXTENSION_DAYS },
  { REXIAN_ACTION_APPROVE_EXTENSION, STATE_BIT (REXIAN_STATE_IN_PROGRESS), KEPT,
    REXIAN_FIELD_NONE },
  { REXIAN_ACTION_REJECT_EXTENSION, STATE_BIT (REXIAN_STATE_IN_PROGRESS), KEPT,
    REXIAN_FIELD_REASON },
  { REXIAN_ACTION_REPLY, STATE_BIT (REXIAN_STATE_IN_PROGRESS), REXIAN_STATE_REPLIED,
    REXIAN_FIELD_HANDLING_RESULT },
  { REXIAN_ACTION_START_FOLLOW_UP, STATE_BIT (REXIAN_STATE_REPLIED), REXIAN_STATE_FOLLOW_UP,
    REXIAN_FIELD_NONE },
  { REXIAN_ACTION_CLOSE, STATE_BIT (REXIAN_STATE_REPLIED) | STATE_BIT (REXIAN_STATE_FOLLOW_UP),
    REXIAN_STATE_CLOSED, REXIAN_FIELD_SATISFACTION },
  { REXIAN_ACTION_REHANDLE, STATE_BIT (REXIAN_STATE_FOLLOW_UP), REXIAN_STATE_IN_PROGRESS,
    REXIAN_FIELD_REASON },
  { REXIAN_ACTION_MERGE,
    STATE_BIT (REXIAN_STATE_INTAKE) | STATE_BIT (REXIAN_STATE_PENDING_DISPATCH),
    REXIAN_STATE_CLOSED, REXIAN_FIELD_MERGE_TARGET },
  { REXIAN_ACTION_ARCHIVE, STATE_BIT (REXIAN_STATE_CLOSED), REXIAN_STATE_ARCHIVED,
    REXIAN_FIELD_NONE },
  { REXIAN_ACTION_SUPERVISE, STATE_BIT (REXIAN_STATE_INTAKE)
                             | STATE_BIT (REXIAN_STATE_PENDING_DISPATCH)
                             | STATE_BIT (REXIAN_STATE_IN_PROGRESS)
                             | STATE_BIT (REXIAN_STATE_REPLIED)
                             | STATE_BIT (REXIAN_STATE_FOLLOW_UP),
    KEPT, REXIAN_FIELD_REASON },
};

RexianTransitionInput *
rexian_transition_input_new (void)
{
  return g_new0 (RexianTransitionInput, 1);
}

RexianTransitionInput *
rexian_transition_input_copy (const RexianTransitionInput *input)
{
  RexianTransitionInput *copy;

  g_return_val_if_fail (input != NULL, NULL);

  copy = rexian_transition_input_new ();
  copy->reason = g_strdup (input->reason);
  copy->lead_department_id = input->lead_department_id;
  if (input->assist_department_ids != NULL)
    {
      copy->assist_department_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                       input->assist_department_ids->len);
      g_array_append_vals (copy->assist_department_ids, input->assist_department_ids->data,
                           input->assist_department_ids->len);
    }
  copy->transfer_opinion = g_strdup (input->transfer_opinion);
  copy->handling_days = input->handling_days;
  copy->handler_name = g_strdup (input->handler_name);
  copy->handler_phone = g_strdup (input->handler_phone);
  copy->handling_result = g_strdup (input->handling_result);
  copy->followup_process = input->followup_process;
  copy->followup_result = input->followup_result;
  copy->followup_note = g_strdup (input->followup_note);
  copy->extension_days = input->extension_days;
  copy->merge_into_id = input->merge_into_id;
  copy->merge_into_number = g_strdup (input->merge_into_number);
  copy->category_days = input->category_days;
  copy->supervise_reason = input->supervise_reason;

  return copy;
}

void
rexian_transition_input_free (RexianTransitionInput *input)
{
  if (input == NULL)
    return;

  g_free (input->reason);
  g_clear_pointer (&input->assist_department_ids, g_array_unref);
  g_free (input->transfer_opinion);
  g_free (input->handler_name);
  g_free (input->handler_phone);
  g_free (input->handling_result);
  g_free (input->followup_note);
  g_free (input->merge_into_number);
  g_free (input);
}

const RexianTransition *
rexian_lifecycle_get_transitions (guint *n_transitions)
{
  if (n_transitions != NULL)
    *n_transitions = G_N_ELEMENTS (transitions);

  return transitions;
}

const RexianTransition *
rexian_lifecycle_lookup (RexianAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (transitions), NULL);

  return &transitions[action];
}

RexianFieldFlags
rexian_lifecycle_get_required_fields (RexianAction           action,
                                      RexianState            from,
                                      RexianSuperviseReason  supervise_reason)
{
  const RexianTransition *transition = rexian_lifecycle_lookup (action);
  RexianFieldFlags required;

  g_return_val_if_fail (transition != NULL, REXIAN_FIELD_NONE);

  required = transition->required;

  /* Closing a replied order without a visit (a praise, a consultation the caller
   * confirmed) has no satisfaction to record. */
  if (action == REXIAN_ACTION_CLOSE && from != REXIAN_STATE_FOLLOW_UP)
    required &= ~REXIAN_FIELD_SATISFACTION;

  /* The automatic check gives its own reason: one of the standard's five cases. */
  if (action == REXIAN_ACTION_SUPERVISE && rexian_supervise_reason_is_automatic (supervise_reason))
    required &= ~REXIAN_FIELD_REASON;

  return required;
}

guint
rexian_lifecycle_actions_between (RexianState   from,
                                  RexianState   to,
                                  RexianAction *out)
{
  guint n = 0;

  g_return_val_if_fail (out != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const RexianTransition *transition = &transitions[i];

      if (transition->to_state == KEPT || transition->to_state != (int) to)
        continue;
      if (!_rexian_lifecycle_state_allowed (transition, from))
        continue;

      out[n++] = transition->action;
    }

  return n;
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* The text a field will have after the action: what the user typed, or else what the
 * order already holds (a result drafted before replying, for instance). */
static const char *
input_or_order (const char *input_value,
                const char *order_value)
{
  return !is_blank (input_value) ? input_value : order_value;
}

static gboolean
set_missing (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_MISSING_FIELD,
                       message);
  return FALSE;
}

static gboolean
check_required (RexianWorkOrder             *order,
                RexianAction                 action,
                const RexianTransitionInput *input,
                GError                     **error)
{
  RexianFieldFlags required;

  required = rexian_lifecycle_get_required_fields (action, rexian_work_order_get_state (order),
                                                   input->supervise_reason);

  if ((required & REXIAN_FIELD_SUMMARY) != 0 && is_blank (rexian_work_order_get_summary (order)))
    return set_missing (error, _("Fill in the summary of the request first."));

  if ((required & REXIAN_FIELD_CALLER_PHONE) != 0
      && is_blank (rexian_work_order_get_caller_phone (order)))
    return set_missing (error, _("Fill in the caller’s phone number first."));

  if ((required & REXIAN_FIELD_REASON) != 0 && is_blank (input->reason))
    {
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_MISSING_FIELD,
                   _("Give a reason for “%s”."), rexian_action_get_label (action));
      return FALSE;
    }

  if ((required & REXIAN_FIELD_LEAD_DEPARTMENT) != 0 && input->lead_department_id <= 0)
    return set_missing (error, _("Choose the lead department to transfer the order to."));

  if ((required & REXIAN_FIELD_TRANSFER_OPINION) != 0 && is_blank (input->transfer_opinion))
    return set_missing (error, _("Write the transfer opinion for the department."));

  if ((required & REXIAN_FIELD_HANDLING_RESULT) != 0
      && is_blank (input_or_order (input->handling_result,
                                   rexian_work_order_get_handling_result (order))))
    return set_missing (error, _("Fill in the handling result."));

  if ((required & REXIAN_FIELD_SATISFACTION) != 0
      && (input->followup_process == REXIAN_SATISFACTION_NONE
          || input->followup_result == REXIAN_SATISFACTION_NONE))
    return set_missing (error, _("Record the caller’s satisfaction with both the process and "
                                 "the result."));

  if ((required & REXIAN_FIELD_EXTENSION_DAYS) != 0 && input->extension_days <= 0)
    return set_missing (error, _("Enter how many working days the extension needs."));

  if ((required & REXIAN_FIELD_MERGE_TARGET) != 0 && input->merge_into_id == 0)
    return set_missing (error, _("Choose the order to merge this one into."));

  return TRUE;
}

static gboolean
check_values (RexianWorkOrder             *order,
              RexianAction                 action,
              const RexianTransitionInput *input,
              const RexianDeadlineRules   *rules,
              GError                     **error)
{
  if (input->handling_days < 0)
    {
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_INVALID,
                   _("The handling time must be a positive number of working days, not %d."),
                   input->handling_days);
      return FALSE;
    }

  if ((guint) input->followup_process > REXIAN_SATISFACTION_UNREACHABLE
      || (guint) input->followup_result > REXIAN_SATISFACTION_UNREACHABLE)
    {
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_INVALID,
                           _("The satisfaction given is not one of the known answers."));
      return FALSE;
    }

  switch ((int) action)
    {
    case REXIAN_ACTION_REQUEST_EXTENSION:
      if (input->extension_days > rules->max_extension_days)
        {
          g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "An extension can be at most %d working day; %d were "
                                    "requested.",
                                    "An extension can be at most %d working days; %d were "
                                    "requested.",
                                    rules->max_extension_days),
                       rules->max_extension_days, input->extension_days);
          return FALSE;
        }
      break;

    case REXIAN_ACTION_CLOSE:
      /* GB/T 33358 practice: an order the caller finds unsatisfactory in both respects
       * goes back to the department (重办) instead of being closed. */
      if (input->followup_process == REXIAN_SATISFACTION_DISSATISFIED
          && input->followup_result == REXIAN_SATISFACTION_DISSATISFIED)
        {
          g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_INVALID,
                               _("The caller is dissatisfied with both the process and the "
                                 "result, so the order cannot be closed: it must be handled "
                                 "again."));
          return FALSE;
        }
      break;

    case REXIAN_ACTION_MERGE:
      {
        gint64 id = rexian_work_order_get_id (order);
        const char *number = rexian_work_order_get_number (order);

        if ((id != 0 && input->merge_into_id == id)
            || (!is_blank (number) && g_strcmp0 (input->merge_into_number, number) == 0))
          {
            g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_INVALID,
                                 _("An order cannot be merged into itself; choose the "
                                   "other order that repeats this request."));
            return FALSE;
          }
      }
      break;

    default:
      break;
    }

  return TRUE;
}

static char *
format_day (gint64 unix_time)
{
  GDate date;

  rexian_date_from_unix (unix_time, &date);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Every deadline the lifecycle sets goes through here, so a date past the holiday data
 * is always refused the same way, carrying the calendar's explanation. */
static gboolean
compute_deadline (RexianCalendar  *calendar,
                  gint64           from,
                  int              days,
                  gint64          *out_deadline,
                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!rexian_calendar_deadline_after (calendar, from, days, out_deadline, &local_error))
    {
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_CALENDAR,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

static int
handling_days_for (RexianWorkOrder             *order,
                   const RexianTransitionInput *input,
                   const RexianDeadlineRules   *rules)
{
  if (input->handling_days > 0)
    return input->handling_days;

  return rexian_deadline_rules_handling_days (rules, rexian_work_order_get_kind (order),
                                              input->category_days);
}

static void
record_followup (RexianWorkOrder             *order,
                 const RexianTransitionInput *input)
{
  if (input->followup_process != REXIAN_SATISFACTION_NONE)
    rexian_work_order_set_followup_process (order, input->followup_process);
  if (input->followup_result != REXIAN_SATISFACTION_NONE)
    rexian_work_order_set_followup_result (order, input->followup_result);
  if (!is_blank (input->followup_note))
    rexian_work_order_set_followup_note (order, input->followup_note);
}

gboolean
rexian_lifecycle_apply (RexianWorkOrder             *order,
                        RexianAction                 action,
                        const RexianTransitionInput *input,
                        RexianCalendar              *calendar,
                        const RexianDeadlineRules   *rules,
                        gint64                       now,
                        char                       **out_detail,
                        GError                     **error)
{
  static const RexianTransitionInput empty_input = { 0 };
  const RexianTransition *transition;
  RexianDeadlineRules default_rules;
  g_autofree char *detail = NULL;
  g_autofree char *day = NULL;
  gint64 new_deadline = 0;
  g_autofree char *handling_result = NULL;

  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), FALSE);
  g_return_val_if_fail ((guint) action < REXIAN_N_ACTIONS, FALSE);
  g_return_val_if_fail (calendar == NULL || REXIAN_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (input == NULL)
    input = &empty_input;

  if (rules == NULL)
    {
      rexian_deadline_rules_init_default (&default_rules);
      rules = &default_rules;
    }

  if (action == REXIAN_ACTION_CREATE || action == REXIAN_ACTION_EDIT)
    {
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                           _("Creating or editing an order does not change its state; save "
                             "the order instead."));
      return FALSE;
    }

  transition = &transitions[action];

  /* Everything that can fail is checked, and every new deadline computed, before the
   * order is touched: on error it must stay exactly as it was. */
  if (!rexian_lifecycle_can_apply (order, action, error)
      || !check_required (order, action, input, error)
      || !check_values (order, action, input, rules, error))
    return FALSE;

  switch ((int) action)
    {
    case REXIAN_ACTION_SUBMIT:
      /* The store sets the dispatch deadline when it creates the order; an order
       * without one (imported, or created before the rules existed) gets it now. */
      if (rexian_work_order_get_dispatch_deadline (order) == 0)
        {
          gint64 created_at = rexian_work_order_get_created_at (order);

          g_return_val_if_fail (calendar != NULL, FALSE);
          if (!compute_deadline (calendar, created_at != 0 ? created_at : now,
                                 rules->dispatch_days, &new_deadline, error))
            return FALSE;
        }
      break;

    case REXIAN_ACTION_RETURN:
      /* The review of a return runs on the dispatch clock again. */
      g_return_val_if_fail (calendar != NULL, FALSE);
      if (!compute_deadline (calendar, now, rules->dispatch_days, &new_deadline, error))
        return FALSE;
      break;

    case REXIAN_ACTION_DISPATCH:
    case REXIAN_ACTION_REHANDLE:
      g_return_val_if_fail (calendar != NULL, FALSE);
      if (!compute_deadline (calendar, now, handling_days_for (order, input, rules),
                             &new_deadline, error))
        return FALSE;
      break;

    case REXIAN_ACTION_APPROVE_EXTENSION:
      {
        gint64 deadline = rexian_work_order_get_deadline (order);

        /* Counted from the deadline's own day: 3 more working days after a Friday
         * deadline end on Wednesday, whatever day the approval is given. */
        g_return_val_if_fail (calendar != NULL, FALSE);
        if (!compute_deadline (calendar, deadline != 0 ? deadline : now,
                               rexian_work_order_get_extension_requested_days (order),
                               &new_deadline, error))
          return FALSE;
      }
      break;

    default:
      break;
    }

  /* Copied, because setting it may free the order's own string it came from. */
  handling_result = g_strdup (input_or_order (input->handling_result,
                                              rexian_work_order_get_handling_result (order)));

  /* From here on nothing fails.  Listeners see the whole change at once. */
  g_object_freeze_notify (G_OBJECT (order));

  switch ((int) action)
    {
    case REXIAN_ACTION_CLOSE_DIRECT:
      rexian_work_order_set_handling_result (order, handling_result);
      rexian_work_order_set_closed_at (order, now);
      detail = g_strdup (_("Answered on the spot"));
      break;

    case REXIAN_ACTION_SUBMIT:
      if (new_deadline != 0)
        rexian_work_order_set_dispatch_deadline (order, new_deadline);
      day = format_day (rexian_work_order_get_dispatch_deadline (order));
      detail = g_strdup_printf (_("Dispatch deadline %s"), day);
      break;

    case REXIAN_ACTION_DISPATCH:
      {
        gint64 previous_lead = rexian_work_order_get_lead_department_id (order);
        GArray *assist = input->assist_department_ids;
        int days = handling_days_for (order, input, rules);

        /* A different department (改派) starts afresh: the joined name, the handler and
         * any request the previous department left no longer apply. */
        if (previous_lead != input->lead_department_id)
          {
            rexian_work_order_set_lead_department_name (order, NULL);
            rexian_work_order_set_handler_name (order, NULL);
            rexian_work_order_set_handler_phone (order, NULL);
          }

        rexian_work_order_set_lead_department_id (order, input->lead_department_id);
        if (assist != NULL)
          rexian_work_order_set_assist_department_ids (order,
                                                       (const gint64 *) (gpointer) assist->data,
                                                       assist->len);
        else
          rexian_work_order_set_assist_department_ids (order, NULL, 0);
        rexian_work_order_set_transfer_opinion (order, input->transfer_opinion);
        rexian_work_order_set_dispatched_at (order, now);
        rexian_work_order_set_deadline (order, new_deadline);
        rexian_work_order_set_return_pending (order, FALSE);
        rexian_work_order_set_extension_requested_days (order, 0);

        day = format_day (new_deadline);
        /* The store names the departments in front of this; the core knows only ids. */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Deadline %s (%d working day)",
                                               "Deadline %s (%d working days)",
                                               days),
                                  day, days);
      }
      break;

    case REXIAN_ACTION_RETURN:
      rexian_work_order_set_return_count (order, rexian_work_order_get_return_count (order) + 1);
      rexian_work_order_set_return_pending (order, TRUE);
      rexian_work_order_set_extension_requested_days (order, 0);
      rexian_work_order_set_dispatch_deadline (order, new_deadline);
      day = format_day (new_deadline);
      detail = g_strdup_printf (_("The return is to be reviewed by %s"), day);
      break;

    case REXIAN_ACTION_REJECT_RETURN:
      rexian_work_order_set_return_pending (order, FALSE);
      day = format_day (rexian_work_order_get_deadline (order));
      detail = g_strdup_printf (_("Kept with the department; deadline %s"), day);
      break;

    case REXIAN_ACTION_REQUEST_EXTENSION:
      rexian_work_order_set_extension_requested_days (order, input->extension_days);
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d working day requested",
                                             "%d working days requested",
                                             input->extension_days),
                                input->extension_days);
      break;

    case REXIAN_ACTION_APPROVE_EXTENSION:
      {
        int days = rexian_work_order_get_extension_requested_days (order);

        rexian_work_order_set_deadline (order, new_deadline);
        rexian_work_order_set_extension_count (order,
                                               rexian_work_order_get_extension_count (order) + 1);
        rexian_work_order_set_extension_requested_days (order, 0);
        day = format_day (new_deadline);
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Extended by %d working day; deadline %s",
                                               "Extended by %d working days; deadline %s",
                                               days),
                                  days, day);
      }
      break;

    case REXIAN_ACTION_REJECT_EXTENSION:
      {
        int days = rexian_work_order_get_extension_requested_days (order);

        rexian_work_order_set_extension_requested_days (order, 0);
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%d working day refused",
                                               "%d working days refused",
                                               days),
                                  days);
      }
      break;

    case REXIAN_ACTION_REPLY:
      rexian_work_order_set_handling_result (order, handling_result);
      rexian_work_order_set_replied_at (order, now);
      if (!is_blank (input->handler_name))
        rexian_work_order_set_handler_name (order, input->handler_name);
      if (!is_blank (input->handler_phone))
        rexian_work_order_set_handler_phone (order, input->handler_phone);
      if (!is_blank (rexian_work_order_get_handler_name (order)))
        detail = g_strdup_printf (_("Handled by %s"), rexian_work_order_get_handler_name (order));
      break;

    case REXIAN_ACTION_START_FOLLOW_UP:
      break;

    case REXIAN_ACTION_CLOSE:
      record_followup (order, input);
      rexian_work_order_set_closed_at (order, now);
      if (input->followup_process != REXIAN_SATISFACTION_NONE
          && input->followup_result != REXIAN_SATISFACTION_NONE)
        detail = g_strdup_printf (_("Process: %s; result: %s"),
                                  rexian_satisfaction_get_label (input->followup_process),
                                  rexian_satisfaction_get_label (input->followup_result));
      break;

    case REXIAN_ACTION_REHANDLE:
      {
        int days = handling_days_for (order, input, rules);

        record_followup (order, input);
        rexian_work_order_set_rehandle_count (order,
                                              rexian_work_order_get_rehandle_count (order) + 1);
        rexian_work_order_set_deadline (order, new_deadline);
        rexian_work_order_set_extension_requested_days (order, 0);
        day = format_day (new_deadline);
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Deadline %s (%d working day)",
                                               "Deadline %s (%d working days)",
                                               days),
                                  day, days);
      }
      break;

    case REXIAN_ACTION_MERGE:
      rexian_work_order_set_merged_into_id (order, input->merge_into_id);
      rexian_work_order_set_merged_into_number (order, input->merge_into_number);
      rexian_work_order_set_closed_at (order, now);
      if (!is_blank (input->merge_into_number))
        detail = g_strdup_printf (_("Merged into %s"), input->merge_into_number);
      else
        detail = g_strdup (_("Merged into an earlier order"));
      break;

    case REXIAN_ACTION_ARCHIVE:
      rexian_work_order_set_archived_at (order, now);
      break;

    case REXIAN_ACTION_SUPERVISE:
      rexian_work_order_set_supervised (order, TRUE);
      if (input->supervise_reason == REXIAN_SUPERVISE_REASON_EMERGENCY)
        detail = g_strdup (_("Supervised automatically: emergency"));
      else if (input->supervise_reason == REXIAN_SUPERVISE_REASON_OVERDUE)
        detail = g_strdup (_("Supervised automatically: the deadline passed"));
      else if (rexian_supervise_reason_is_automatic (input->supervise_reason))
        /* Translators: the timeline line of an automatic supervision; %s is its cause,
         * such as "Repeated requests". */
        detail = g_strdup_printf (_("Supervised automatically: %s"),
                                  rexian_supervise_reason_get_label (input->supervise_reason));
      break;

    default:
      g_assert_not_reached ();
    }

  if (transition->to_state != KEPT)
    rexian_work_order_set_state (order, (RexianState) transition->to_state);
  rexian_work_order_set_updated_at (order, now);

  g_object_thaw_notify (G_OBJECT (order));

  if (out_detail != NULL)
    *out_detail = detail != NULL ? g_steal_pointer (&detail) : g_strdup ("");

  return TRUE;
}

RexianSuperviseReason
rexian_lifecycle_supervision_due (RexianWorkOrder *order,
                                  gint64           now)
{
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), REXIAN_SUPERVISE_REASON_NONE);

  if (rexian_work_order_get_supervised (order))
    return REXIAN_SUPERVISE_REASON_NONE;

  /* The causes an order's own fields show; the store adds clusters, visits and the
   * near-deadline colour in rexian_supervision_get_due_causes(). */
  return rexian_supervision_first_cause (rexian_supervision_get_due_causes (order, NULL, NULL,
                                                                            NULL, now));
}
