/* test-core-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "rexian-core.h"

/* The stable identifiers are stored in databases, so they are spelled out here: a
 * change to any of them must fail a test, not silently orphan saved orders. */
static void
test_state_ids (void)
{
  static const char *expected[REXIAN_N_STATES] = {
    "intake", "pending-dispatch", "in-progress", "replied", "follow-up", "closed", "archived",
  };

  for (int i = 0; i < REXIAN_N_STATES; i++)
    {
      RexianState state = REXIAN_STATE_ARCHIVED;

      g_assert_cmpstr (rexian_state_to_string (i), ==, expected[i]);
      g_assert_true (rexian_state_from_string (expected[i], &state));
      g_assert_cmpint (state, ==, i);
      g_assert_nonnull (rexian_state_get_label (i));
    }

  g_assert_cmpstr (rexian_state_get_label (REXIAN_STATE_PENDING_DISPATCH), ==,
                   "Pending dispatch");
}

static void
test_channel_ids (void)
{
  static const char *expected[REXIAN_N_CHANNELS] = {
    "phone", "sms", "mailbox", "web", "walk-in",
  };

  for (int i = 0; i < REXIAN_N_CHANNELS; i++)
    {
      RexianChannel channel = REXIAN_CHANNEL_PHONE;

      g_assert_cmpstr (rexian_channel_to_string (i), ==, expected[i]);
      g_assert_true (rexian_channel_from_string (expected[i], &channel));
      g_assert_cmpint (channel, ==, i);
      g_assert_nonnull (rexian_channel_get_label (i));
    }

  g_assert_cmpstr (rexian_channel_get_label (REXIAN_CHANNEL_WALK_IN), ==, "Walk-in");
}

static void
test_kind_ids (void)
{
  static const char *expected[REXIAN_N_REQUEST_KINDS] = {
    "consultation", "help", "complaint", "report", "suggestion", "praise",
  };

  for (int i = 0; i < REXIAN_N_REQUEST_KINDS; i++)
    {
      RexianRequestKind kind = REXIAN_REQUEST_CONSULTATION;

      g_assert_cmpstr (rexian_request_kind_to_string (i), ==, expected[i]);
      g_assert_true (rexian_request_kind_from_string (expected[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (rexian_request_kind_get_label (i));
    }

  g_assert_cmpstr (rexian_request_kind_get_label (REXIAN_REQUEST_HELP), ==, "Request for help");
}

static void
test_satisfaction_ids (void)
{
  static const char *expected[] = {
    "none", "satisfied", "basically", "dissatisfied", "unreachable",
  };

  for (int i = 0; i < (int) G_N_ELEMENTS (expected); i++)
    {
      RexianSatisfaction value = REXIAN_SATISFACTION_NONE;

      g_assert_cmpstr (rexian_satisfaction_to_string (i), ==, expected[i]);
      g_assert_true (rexian_satisfaction_from_string (expected[i], &value));
      g_assert_cmpint (value, ==, i);
      g_assert_nonnull (rexian_satisfaction_get_label (i));
    }

  g_assert_cmpstr (rexian_satisfaction_get_label (REXIAN_SATISFACTION_BASICALLY), ==,
                   "Basically satisfied");
}

static void
test_action_ids (void)
{
  static const char *expected[REXIAN_N_ACTIONS] = {
    "create", "edit", "close-direct", "submit", "dispatch", "return", "reject-return",
    "request-extension", "approve-extension", "reject-extension", "reply",
    "start-follow-up", "close", "rehandle", "merge", "archive", "supervise",
  };

  for (int i = 0; i < REXIAN_N_ACTIONS; i++)
    {
      RexianAction action = REXIAN_ACTION_CREATE;

      g_assert_cmpstr (rexian_action_to_string (i), ==, expected[i]);
      g_assert_true (rexian_action_from_string (expected[i], &action));
      g_assert_cmpint (action, ==, i);
      g_assert_nonnull (rexian_action_get_label (i));
    }

  g_assert_cmpstr (rexian_action_get_label (REXIAN_ACTION_CLOSE_DIRECT), ==, "Answer and close");
  g_assert_cmpstr (rexian_action_get_label (REXIAN_ACTION_REHANDLE), ==, "Handle again");
}

static void
test_unknown_strings (void)
{
  RexianState state = REXIAN_STATE_REPLIED;
  RexianChannel channel = REXIAN_CHANNEL_WEB;
  RexianAction action = REXIAN_ACTION_MERGE;

  /* An unknown or NULL string leaves the output untouched. */
  g_assert_false (rexian_state_from_string ("in_progress", &state));
  g_assert_false (rexian_state_from_string (NULL, &state));
  g_assert_false (rexian_state_from_string ("", &state));
  g_assert_cmpint (state, ==, REXIAN_STATE_REPLIED);
  g_assert_false (rexian_channel_from_string ("Phone", &channel));
  g_assert_cmpint (channel, ==, REXIAN_CHANNEL_WEB);
  g_assert_false (rexian_action_from_string ("close_direct", &action));
  g_assert_cmpint (action, ==, REXIAN_ACTION_MERGE);

  g_assert_null (rexian_state_to_string (REXIAN_N_STATES));
  g_assert_null (rexian_state_get_label (-1));
}

static void
test_deadline_colors (void)
{
  g_assert_cmpstr (rexian_deadline_color_to_string (REXIAN_DEADLINE_NONE), ==, "none");
  g_assert_cmpstr (rexian_deadline_color_to_string (REXIAN_DEADLINE_GREEN), ==, "green");
  g_assert_cmpstr (rexian_deadline_color_to_string (REXIAN_DEADLINE_YELLOW), ==, "yellow");
  g_assert_cmpstr (rexian_deadline_color_to_string (REXIAN_DEADLINE_RED), ==, "red");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/types/states", test_state_ids);
  g_test_add_func ("/core/types/channels", test_channel_ids);
  g_test_add_func ("/core/types/kinds", test_kind_ids);
  g_test_add_func ("/core/types/satisfaction", test_satisfaction_ids);
  g_test_add_func ("/core/types/actions", test_action_ids);
  g_test_add_func ("/core/types/unknown", test_unknown_strings);
  g_test_add_func ("/core/types/deadline-colors", test_deadline_colors);

  return g_test_run ();
}
