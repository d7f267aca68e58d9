/* rexian-db-tool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rexian-store-calls.h"
#include "rexian-store.h"
#include "rexian-order-query.h"

/* "Another seat" for tests: a separate process writing to the same database through the
 * same store code, so tests see what a second Rexian would do.  Every line it prints
 * about a write is printed after the write committed, and stdout is line-buffered, so a
 * test that kills it knows exactly what was committed. */

static const char usage[] =
  "DB COMMAND [ARGS]\n"
  "\n"
  "Commands:\n"
  "  seed                      fill the sample data (once)\n"
  "  create N [PHONE]          create N orders; prints \"created NUMBER\" for each\n"
  "  move NUMBER ACTION        apply a lifecycle action (submit, dispatch, reply, ...);\n"
  "                            prints \"moved NUMBER STATE\"\n"
  "  worker N                  create, submit and dispatch N orders; prints\n"
  "                            \"committed NUMBER\" after each create and\n"
  "                            \"moved NUMBER STATE\" after each move\n"
  "  get NUMBER                print the order as key=value lines\n"
  "  count [STATE]             print how many orders (in STATE)\n"
  "  supervise                 supervise due orders; prints \"supervised N\"\n"
  "  fill N                    add N generated orders quickly\n"
  "  call CALL-ID AGENT-ID     one seat of a forked incoming call: offer it and try to\n"
  "                            answer it; prints \"offered\", then \"answered\" or fails\n"
  "  calls N                   N whole incoming calls a second apart from --now, the even\n"
  "                            ones answered after 5 s, the odd ones abandoned after 20 s;\n"
  "                            prints \"call K\" once call K has ended";

static gint64 opt_now;
static char *opt_reason;
static char *opt_summary;
static char *opt_lead;
static char *opt_opinion;
static char *opt_result;
static char *opt_merge_into;
static int opt_extension_days = 3;
static int opt_agent;

static const GOptionEntry entries[] = {
  { "now", 0, 0, G_OPTION_ARG_INT64, &opt_now, "The time to use, Unix seconds", "SECONDS" },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, "Reason for the action", "TEXT" },
  { "summary", 0, 0, G_OPTION_ARG_STRING, &opt_summary, "Summary of created orders", "TEXT" },
  { "lead", 0, 0, G_OPTION_ARG_STRING, &opt_lead, "Lead department, id or name", "DEPT" },
  { "opinion", 0, 0, G_OPTION_ARG_STRING, &opt_opinion, "Transfer opinion", "TEXT" },
  { "result", 0, 0, G_OPTION_ARG_STRING, &opt_result, "Handling result", "TEXT" },
  { "merge-into", 0, 0, G_OPTION_ARG_STRING, &opt_merge_into, "Order to merge into", "NUMBER" },
  { "extension-days", 0, 0, G_OPTION_ARG_INT, &opt_extension_days, "Extension", "DAYS" },
  { "agent", 0, 0, G_OPTION_ARG_INT, &opt_agent, "Agent id acting", "ID" },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("error: %s\n", error->message);
  g_error_free (error);
  return 1;
}

static gint64
find_department (RexianStore *store,
                 const char  *wanted)
{
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (store, NULL);

  if (departments == NULL || departments->len == 0)
    return 0;

  for (guint i = 0; wanted != NULL && i < departments->len; i++)
    {
      RexianDepartment *department = g_ptr_array_index (departments, i);
      char id[32];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, department->id);
      if (g_str_equal (wanted, id) || g_str_equal (wanted, department->name))
        return department->id;
    }

  return ((RexianDepartment *) g_ptr_array_index (departments, 0))->id;
}

/* Every field an action may ask for, filled from the options or a plain default. */
static RexianTransitionInput *
make_input (RexianStore *store)
{
  RexianTransitionInput *input = rexian_transition_input_new ();

  input->reason = g_strdup (opt_reason != NULL ? opt_reason : "另一席位的测试操作");
  input->lead_department_id = find_department (store, opt_lead);
  input->transfer_opinion = g_strdup (opt_opinion != NULL ? opt_opinion : "请按职责办理。");
  input->handling_result = g_strdup (opt_result != NULL ? opt_result : "已办理完毕。");
  input->handler_name = g_strdup ("测试承办人");
  input->followup_process = REXIAN_SATISFACTION_SATISFIED;
  input->followup_result = REXIAN_SATISFACTION_SATISFIED;
  input->extension_days = opt_extension_days;
  input->merge_into_number = g_strdup (opt_merge_into);
  input->supervise_reason = REXIAN_SUPERVISE_REASON_MANUAL;

  return input;
}

static RexianWorkOrder *
create_one (RexianStore *store,
            guint        index,
            const char  *phone,
            GError     **error)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autofree char *summary = NULL;
  g_autofree char *own_phone = NULL;

  if (opt_summary != NULL)
    summary = g_strdup (opt_summary);
  else
    summary = g_strdup_printf ("另一席位受理的测试工单 %u", index);
  if (phone == NULL)
    own_phone = g_strdup_printf ("139%04d%04u", (int) (getpid () % 10000), index % 10000);

  rexian_work_order_set_caller_name (draft, "测试来电人");
  rexian_work_order_set_caller_title (draft, "先生");
  rexian_work_order_set_caller_phone (draft, phone != NULL ? phone : own_phone);
  rexian_work_order_set_caller_address (draft, "城区凤台街道测试路1号");
  rexian_work_order_set_summary (draft, summary);
  rexian_work_order_set_request (draft, "请尽快处理。");
  rexian_work_order_set_created_at (draft, opt_now);

  return rexian_store_create_order (store, draft, opt_agent, opt_now, error);
}

static int
cmd_create (RexianStore *store,
            int          argc,
            char       **argv)
{
  guint n = argc > 0 ? (guint) g_ascii_strtoull (argv[0], NULL, 10) : 1;
  const char *phone = argc > 1 ? argv[1] : NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RexianWorkOrder) order = NULL;
      GError *error = NULL;

      order = create_one (store, i, phone, &error);
      if (order == NULL)
        return fail (error);

      g_print ("created %s\n", rexian_work_order_get_number (order));
    }

  return 0;
}

static gboolean
move (RexianStore *store,
      gint64       order_id,
      const char  *number,
      RexianAction action,
      GError     **error)
{
  g_autoptr(RexianTransitionInput) input = make_input (store);
  g_autoptr(RexianWorkOrder) order = NULL;

  order = rexian_store_apply (store, order_id, action, input, opt_agent, opt_now, error);
  if (order == NULL)
    return FALSE;

  g_print ("moved %s %s\n", number, rexian_state_to_string (rexian_work_order_get_state (order)));
  return TRUE;
}

static int
cmd_move (RexianStore *store,
          int          argc,
          char       **argv)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  RexianAction action;
  GError *error = NULL;

  if (argc < 2 || !rexian_action_from_string (argv[1], &action))
    {
      g_printerr ("error: move needs NUMBER and an ACTION such as submit or dispatch\n");
      return 2;
    }

  order = rexian_store_get_order_by_number (store, argv[0], &error);
  if (order == NULL)
    return fail (error);

  if (!move (store, rexian_work_order_get_id (order), argv[0], action, &error))
    return fail (error);

  return 0;
}

static int
cmd_worker (RexianStore *store,
            int          argc,
            char       **argv)
{
  guint n = argc > 0 ? (guint) g_ascii_strtoull (argv[0], NULL, 10) : 10;
  gboolean can_dispatch = find_department (store, NULL) != 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RexianWorkOrder) order = NULL;
      GError *error = NULL;
      const char *number;
      gint64 id;

      order = create_one (store, i, NULL, &error);
      if (order == NULL)
        return fail (error);

      number = rexian_work_order_get_number (order);
      id = rexian_work_order_get_id (order);
      g_print ("committed %s\n", number);

      if (!move (store, id, number, REXIAN_ACTION_SUBMIT, &error))
        return fail (error);
      if (can_dispatch && !move (store, id, number, REXIAN_ACTION_DISPATCH, &error))
        return fail (error);
    }

  return 0;
}

static int
cmd_get (RexianStore *store,
         int          argc,
         char       **argv)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  GError *error = NULL;
  guint n_pspecs;

  if (argc < 1)
    {
      g_printerr ("error: get needs a NUMBER\n");
      return 2;
    }

  order = rexian_store_get_order_by_number (store, argv[0], &error);
  if (order == NULL)
    return fail (error);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (order), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (order), pspecs[i]->name, &value);
      g_value_init (&text, G_TYPE_STRING);
      if (G_VALUE_HOLDS_ENUM (&value))
        g_print ("%s=%d\n", pspecs[i]->name, g_value_get_enum (&value));
      else if (g_value_transform (&value, &text))
        g_print ("%s=%s\n", pspecs[i]->name,
                 g_value_get_string (&text) != NULL ? g_value_get_string (&text) : "");
    }
  g_print ("state-name=%s\n", rexian_state_to_string (rexian_work_order_get_state (order)));

  return 0;
}

static int
cmd_count (RexianStore *store,
           int          argc,
           char       **argv)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  GError *error = NULL;
  RexianState state;
  guint count;

  if (argc > 0 && rexian_state_from_string (argv[0], &state))
    query->state = state;

  count = rexian_store_count_orders (store, query, opt_now, &error);
  if (error != NULL)
    return fail (error);

  g_print ("%u\n", count);
  return 0;
}

/* One seat's view of a forked call: it rings here, and this seat tries to answer. */
static int
cmd_call (RexianStore *store,
          int          argc,
          char       **argv)
{
  GError *error = NULL;
  gint64 now = opt_now > 0 ? opt_now : g_get_real_time () / G_USEC_PER_SEC;
  gint64 agent_id;

  if (argc < 2)
    {
      g_printerr ("error: call needs a Call-ID and an agent id\n");
      return 2;
    }

  agent_id = g_ascii_strtoll (argv[1], NULL, 10);

  if (!rexian_store_call_offered (store, argv[0], REXIAN_CALL_RECORD_INCOMING, "13803560001",
                                  agent_id, now, &error))
    return fail (error);
  g_print ("offered\n");

  if (!rexian_store_call_answered (store, argv[0], agent_id, now + 1, &error))
    return fail (error);
  g_print ("answered\n");

  return 0;
}

/* A stream of whole calls, as a busy hotline's seats write them. */
static int
cmd_calls (RexianStore *store,
           int          argc,
           char       **argv)
{
  GError *error = NULL;
  gint64 now = opt_now > 0 ? opt_now : g_get_real_time () / G_USEC_PER_SEC;
  guint n = argc > 0 ? (guint) g_ascii_strtoull (argv[0], NULL, 10) : 10;
  gint64 agent_id = opt_agent > 0 ? opt_agent : 1;

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *call_id = g_strdup_printf ("stream-%d-%u@tool", (int) getpid (), k);
      gint64 offered_at = now + k;
      gboolean answered = k % 2 == 0;

      if (!rexian_store_call_offered (store, call_id, REXIAN_CALL_RECORD_INCOMING,
                                      "13803560002", agent_id, offered_at, &error))
        return fail (error);
      if (answered &&
          !rexian_store_call_answered (store, call_id, agent_id, offered_at + 5, &error))
        return fail (error);
      if (!rexian_store_call_ended (store, call_id,
                                    answered ? REXIAN_CALL_OUTCOME_CALLER_HUNG_UP
                                             : REXIAN_CALL_OUTCOME_ABANDONED,
                                    offered_at + (answered ? 65 : 20), NULL, &error))
        return fail (error);
      g_print ("call %u\n", k);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RexianStore) store = NULL;
  GError *error = NULL;
  const char *command;

  setlocale (LC_ALL, "");
  setvbuf (stdout, NULL, _IOLBF, 0);

  context = g_option_context_new (usage);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);

  if (argc < 3)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  store = rexian_store_open (argv[1], &error);
  if (store == NULL)
    return fail (error);

  /* A tool that runs for a moment has no main loop to poll on. */
  rexian_store_set_poll_interval (store, 0);

  command = argv[2];
  argc -= 3;
  argv += 3;

  if (g_str_equal (command, "seed"))
    {
      if (!rexian_store_seed_sample_data (store, opt_now, &error))
        return fail (error);
      return 0;
    }
  if (g_str_equal (command, "fill"))
    {
      guint n = argc > 0 ? (guint) g_ascii_strtoull (argv[0], NULL, 10) : 1000;

      if (!rexian_store_fill_generated (store, n, opt_now, &error))
        return fail (error);
      return 0;
    }
  if (g_str_equal (command, "supervise"))
    {
      guint count = rexian_store_supervise_due (store, opt_now, &error);

      if (error != NULL)
        return fail (error);
      g_print ("supervised %u\n", count);
      return 0;
    }
  if (g_str_equal (command, "create"))
    return cmd_create (store, argc, argv);
  if (g_str_equal (command, "move"))
    return cmd_move (store, argc, argv);
  if (g_str_equal (command, "worker"))
    return cmd_worker (store, argc, argv);
  if (g_str_equal (command, "get"))
    return cmd_get (store, argc, argv);
  if (g_str_equal (command, "count"))
    return cmd_count (store, argc, argv);
  if (g_str_equal (command, "call"))
    return cmd_call (store, argc, argv);
  if (g_str_equal (command, "calls"))
    return cmd_calls (store, argc, argv);

  g_printerr ("error: unknown command “%s”\n", command);
  return 2;
}
