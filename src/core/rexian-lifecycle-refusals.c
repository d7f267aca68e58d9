/* rexian-lifecycle-refusals.c: whether a step may start, and in words why not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-lifecycle-private.h"

static char *
join_state_labels (guint states)
{
  GString *str = g_string_new (NULL);

  for (guint state = 0; state < REXIAN_N_STATES; state++)
    {
      if ((states & STATE_BIT (state)) == 0)
        continue;

      if (str->len > 0)
        /* TRANSLATORS: separates the items of a list of states. */
        g_string_append (str, _(", "));

      g_string_append_printf (str, "“%s”", rexian_state_get_label (state));
    }

  return g_string_free (str, FALSE);
}

static void
set_wrong_state_error (RexianWorkOrder *order,
                       RexianAction     action,
                       GError         **error)
{
  RexianState state = rexian_work_order_get_state (order);
  const char *label = rexian_state_get_label (state);
  gboolean returned = (state == REXIAN_STATE_PENDING_DISPATCH
                       && rexian_work_order_get_return_pending (order));

  /* A returned order sits in pending dispatch, where a department that still thinks
   * it holds the order will try its usual steps; tell it why they are gone. */
  if (returned)
    {
      const char *message = NULL;

      switch ((int) action)
        {
        case REXIAN_ACTION_REPLY:
          message = _("This order has been returned by its department and waits for review; "
                      "it cannot be replied to.");
          break;

        case REXIAN_ACTION_RETURN:
          message = _("This order has been returned by its department and waits for review; "
                      "it cannot be returned again.");
          break;

        case REXIAN_ACTION_REQUEST_EXTENSION:
        case REXIAN_ACTION_APPROVE_EXTENSION:
        case REXIAN_ACTION_REJECT_EXTENSION:
          message = _("This order has been returned by its department and waits for review; "
                      "its deadline cannot be extended.");
          break;

        default:
          break;
        }

      if (message != NULL)
        {
          g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR,
                               REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED, message);
          return;
        }
    }

  switch ((int) action)
    {
    case REXIAN_ACTION_CLOSE_DIRECT:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in intake can be answered and closed on the spot; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_SUBMIT:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in intake can be submitted for dispatch; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_DISPATCH:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order pending dispatch can be dispatched to a department; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_RETURN:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in progress can be returned by its department; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_REJECT_RETURN:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order returned by its department can have the return "
                     "rejected; this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_REQUEST_EXTENSION:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in progress can have its deadline extended; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_APPROVE_EXTENSION:
    case REXIAN_ACTION_REJECT_EXTENSION:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in progress has extension requests to decide; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_REPLY:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in progress can be replied to; this one is in “%s”."),
                   label);
      break;

    case REXIAN_ACTION_START_FOLLOW_UP:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only a replied order can be followed up; this one is in “%s”."),
                   label);
      break;

    case REXIAN_ACTION_CLOSE:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only a replied order or one in follow-up can be closed; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_REHANDLE:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in follow-up can be handled again; this one is in “%s”."),
                   label);
      break;

    case REXIAN_ACTION_MERGE:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only an order in intake or pending dispatch can be merged into another; "
                     "this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_ARCHIVE:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Only a closed order can be archived; this one is in “%s”."), label);
      break;

    case REXIAN_ACTION_SUPERVISE:
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("A closed or archived order cannot be supervised; this one is in “%s”."),
                   label);
      break;

    case REXIAN_ACTION_EDIT:
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                           _("Archived orders are read-only."));
      break;

    case REXIAN_ACTION_CREATE:
    default:
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                           _("An order that already exists cannot be created again."));
      break;
    }
}

gboolean
rexian_lifecycle_can_apply (RexianWorkOrder *order,
                            RexianAction     action,
                            GError         **error)
{
  const RexianTransition *transition;
  RexianState state;

  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), FALSE);
  g_return_val_if_fail ((guint) action < REXIAN_N_ACTIONS, FALSE);

  transition = rexian_lifecycle_lookup (action);
  state = rexian_work_order_get_state (order);

  if (!_rexian_lifecycle_state_allowed (transition, state))
    {
      set_wrong_state_error (order, action, error);
      return FALSE;
    }

  /* The state allows the action; some also depend on the flags beside it. */
  switch ((int) action)
    {
    case REXIAN_ACTION_REJECT_RETURN:
      if (!rexian_work_order_get_return_pending (order))
        {
          g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                               _("This order has not been returned by a department, so "
                                 "there is no return to reject."));
          return FALSE;
        }
      break;

    case REXIAN_ACTION_REQUEST_EXTENSION:
      if (rexian_work_order_get_extension_requested_days (order) > 0)
        {
          g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                               _("An extension request for this order already waits for a "
                                 "decision; approve or reject it first."));
          return FALSE;
        }
      break;

    case REXIAN_ACTION_APPROVE_EXTENSION:
    case REXIAN_ACTION_REJECT_EXTENSION:
      if (rexian_work_order_get_extension_requested_days (order) <= 0)
        {
          g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                               _("No extension has been requested for this order, so there "
                                 "is nothing to decide."));
          return FALSE;
        }
      break;

    case REXIAN_ACTION_SUPERVISE:
      if (rexian_work_order_get_supervised (order))
        {
          g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                               _("This order is already supervised."));
          return FALSE;
        }
      break;

    default:
      break;
    }

  return TRUE;
}

char *
rexian_lifecycle_explain_refusal (RexianState from,
                                  RexianState to)
{
  const RexianTransition *transitions;
  guint n_transitions = 0;
  guint next_states = 0;
  g_autofree char *next = NULL;

  g_return_val_if_fail ((guint) from < REXIAN_N_STATES, NULL);
  g_return_val_if_fail ((guint) to < REXIAN_N_STATES, NULL);

  if (from == to)
    return g_strdup_printf (_("The order is already in “%s”."), rexian_state_get_label (from));

  if (from == REXIAN_STATE_ARCHIVED)
    return g_strdup (_("Archived orders are read-only."));

  if (from == REXIAN_STATE_CLOSED)
    return g_strdup (_("A closed order cannot be reopened; if the caller asks again, "
                       "record a new order."));

  if (to == REXIAN_STATE_INTAKE)
    return g_strdup (_("An order cannot go back to intake once it has left it."));

  if (to == REXIAN_STATE_ARCHIVED)
    return g_strdup (_("Only closed orders can be archived."));

  if (to == REXIAN_STATE_REPLIED
      && (from == REXIAN_STATE_INTAKE || from == REXIAN_STATE_PENDING_DISPATCH))
    return g_strdup_printf (_("An order in “%s” cannot be marked replied: it must first be "
                              "transferred to a department."),
                            rexian_state_get_label (from));

  if (to == REXIAN_STATE_IN_PROGRESS && from == REXIAN_STATE_INTAKE)
    return g_strdup (_("An order in intake cannot be put in progress directly: submit it for "
                       "dispatch first, then transfer it to a department."));

  if (to == REXIAN_STATE_IN_PROGRESS && from == REXIAN_STATE_REPLIED)
    return g_strdup (_("A replied order goes back to its department only after a dissatisfied "
                       "follow-up: start the follow-up first."));

  if (to == REXIAN_STATE_FOLLOW_UP)
    return g_strdup_printf (_("An order in “%s” cannot go to follow-up: only replied orders "
                              "are followed up."),
                            rexian_state_get_label (from));

  if (to == REXIAN_STATE_CLOSED && from == REXIAN_STATE_IN_PROGRESS)
    return g_strdup (_("An order in progress cannot be closed yet: its department must reply "
                       "first."));

  /* Anything else: name both states and list where the order may go instead. */
  transitions = rexian_lifecycle_get_transitions (&n_transitions);
  for (guint i = 0; i < n_transitions; i++)
    {
      if (transitions[i].to_state != KEPT
          && _rexian_lifecycle_state_allowed (&transitions[i], from))
        next_states |= STATE_BIT (transitions[i].to_state);
    }

  next = join_state_labels (next_states);

  return g_strdup_printf (_("An order in “%s” cannot move to “%s”; from “%s” it can move "
                            "to %s."),
                          rexian_state_get_label (from), rexian_state_get_label (to),
                          rexian_state_get_label (from), next);
}


gboolean
rexian_lifecycle_check_merge_target (RexianWorkOrder  *order,
                                     RexianWorkOrder  *target,
                                     GError          **error)
{
  RexianState state;

  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), FALSE);
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (target), FALSE);

  if (rexian_work_order_get_id (target) == rexian_work_order_get_id (order))
    {
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_INVALID,
                           _("An order cannot be merged into itself."));
      return FALSE;
    }

  /* A merged order is closed too, but the useful answer is where it went. */
  if (rexian_work_order_get_merged_into_id (target) != 0)
    {
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Order %s was itself merged into order %s: merge into that one "
                     "instead."),
                   rexian_work_order_get_number (target),
                   rexian_work_order_get_merged_into_number (target));
      return FALSE;
    }

  /* A request merged into an order nobody handles any more would be lost. */
  state = rexian_work_order_get_state (target);
  if (state == REXIAN_STATE_CLOSED || state == REXIAN_STATE_ARCHIVED)
    {
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Order %s is %s and cannot take a merge: record this request as an "
                     "order of its own."),
                   rexian_work_order_get_number (target), rexian_state_get_label (state));
      return FALSE;
    }

  return TRUE;
}
