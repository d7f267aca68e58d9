/* report-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "rexian-store-calls.h"
#include "rexian-store-stats.h"
#include "rexian-store.h"

/* A hotline's week with figures known by hand, shared by the report tests.  The week is
 * Monday 2026-06-08 to Sunday 2026-06-14 (Asia/Shanghai, the tests' TZ).
 *
 * Calls (incoming, offered in the week):
 *   a  Tue 10:00:00  answered after 15 s (within 15 s, the edge)
 *   b  Tue 10:01:00  answered after 16 s
 *   c  Tue 10:02:00  the caller hung up at 15 s (abandoned within 15 s)
 *   d  Wed 09:00:00  answered after 5 s
 *   e  Wed 09:05:00  nobody answered in 30 s (abandoned)
 *   g  Wed 11:00:00  outgoing: counted nowhere
 * offered 5, answered 3, abandoned 2: 接通率 60.0 %, SL 2/3 = 66.7 %, SL2 3/5 = 60.0 %,
 * ASA (15 + 16 + 5) / 3 = 12 s, longest wait 30 s, abandon rate 40.0 %;
 * by day: Tuesday 3 offered, 2 answered; Wednesday 2 offered, 1 answered.
 *
 * Orders (created in the week), each from its own street except the warning's three:
 *   O1 Mon 09:00  answered on the spot (直接办理): closed
 *   O2 Tue 09:00  dispatched Tue 10:00 to 市住房和城乡建设局, replied Wed, followed up
 *                 and closed Thu, 满意 for process and result
 *   O3 Tue 11:00  dispatched Tue 12:00 to 市城市管理局, returned Wed: waiting for dispatch
 *   W1-W3 Thu 09:00, 10:00, 11:00  "井盖破损" on 城区凤台街道书院街: in intake, an early
 *                 warning of three orders
 * orders 6; direct answer 1/6 = 16.7 %; transferred 2, returned 1 (50.0 %); on-time
 * dispatch 2/2; follow-up 1/1; satisfaction 1/1; by state: intake 3, pending dispatch 1,
 * closed 2.
 *
 * Before the week, in May, each of REPORT_TEST_MAY_DEPARTMENTS more departments got one
 * order: a year's list of departments longer than a page. */

#define REPORT_TEST_MAY_DEPARTMENTS 40

#define REPORT_TEST_HOUSING "市住房和城乡建设局"
#define REPORT_TEST_CITY    "市城市管理局"
#define REPORT_TEST_AREA    "城区凤台街道书院街"

static inline gint64
report_test_at (int month,
                int day,
                int hour,
                int minute,
                int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, month, day, hour, minute, second);

  return g_date_time_to_unix (dt);
}

/* Removes @path and everything in it. */
static inline void
report_test_remove_dir (const char *path)
{
  g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        report_test_remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The moment the report is made: the Monday after the week, 08:00. */
static inline gint64
report_test_now (void)
{
  return report_test_at (6, 15, 8, 0, 0);
}

static inline void
report_test_call (RexianStore              *store,
                  const char               *call_id,
                  RexianCallRecordDirection direction,
                  gint64                    offered_at,
                  int                       wait,
                  gboolean                  answered,
                  RexianCallOutcome         outcome)
{
  g_autoptr(GError) error = NULL;

  rexian_store_call_offered (store, call_id, direction, "13835601234", 0, offered_at, &error);
  g_assert_no_error (error);
  if (answered)
    {
      rexian_store_call_answered (store, call_id, 0, offered_at + wait, &error);
      g_assert_no_error (error);
    }
  rexian_store_call_ended (store, call_id, outcome, offered_at + wait + (answered ? 120 : 0),
                           NULL, &error);
  g_assert_no_error (error);
}

static inline RexianWorkOrder *
report_test_order (RexianStore *store,
                   const char  *summary,
                   const char  *address,
                   gint64       created_at)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *order;

  rexian_work_order_set_caller_name (draft, "张三");
  rexian_work_order_set_caller_title (draft, "先生");
  rexian_work_order_set_caller_phone (draft, "13835605678");
  rexian_work_order_set_caller_address (draft, address);
  rexian_work_order_set_summary (draft, summary);
  rexian_work_order_set_request (draft, "请尽快处理");
  order = rexian_store_create_order (store, draft, 0, created_at, &error);
  g_assert_no_error (error);

  return order;
}

static inline RexianWorkOrder *
report_test_act (RexianStore        *store,
                 RexianWorkOrder    *order,
                 RexianAction        action,
                 gint64              when,
                 gint64              department_id)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *moved;

  input->reason = g_strdup ("测试");
  input->handling_days = 5;
  input->lead_department_id = department_id;
  input->transfer_opinion = g_strdup ("请按时办理");
  input->handling_result = g_strdup ("已处理并答复来电人");
  input->followup_process = REXIAN_SATISFACTION_SATISFIED;
  input->followup_result = REXIAN_SATISFACTION_SATISFIED;
  moved = rexian_store_apply (store, rexian_work_order_get_id (order), action, input, 0, when,
                              &error);
  g_assert_no_error (error);
  g_object_unref (order);

  return moved;
}

/* Writes the week into a new database at @path. */
static inline void
report_test_build (const char *path)
{
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(RexianWorkOrder) o1 = NULL;
  g_autoptr(RexianWorkOrder) o2 = NULL;
  g_autoptr(RexianWorkOrder) o3 = NULL;
  g_autoptr(GError) error = NULL;
  gint64 housing, city;

  store = rexian_store_open (path, &error);
  g_assert_no_error (error);
  rexian_store_set_poll_interval (store, 0);

  housing = rexian_store_add_department (store, REPORT_TEST_HOUSING, "王建华", "0356-2021234",
                                         &error);
  g_assert_no_error (error);
  city = rexian_store_add_department (store, REPORT_TEST_CITY, "赵卫东", "0356-2025678",
                                      &error);
  g_assert_no_error (error);

  report_test_call (store, "a", REXIAN_CALL_RECORD_INCOMING, report_test_at (6, 9, 10, 0, 0), 15,
                    TRUE, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);
  report_test_call (store, "b", REXIAN_CALL_RECORD_INCOMING, report_test_at (6, 9, 10, 1, 0), 16,
                    TRUE, REXIAN_CALL_OUTCOME_AGENT_HUNG_UP);
  report_test_call (store, "c", REXIAN_CALL_RECORD_INCOMING, report_test_at (6, 9, 10, 2, 0), 15,
                    FALSE, REXIAN_CALL_OUTCOME_ABANDONED);
  report_test_call (store, "d", REXIAN_CALL_RECORD_INCOMING, report_test_at (6, 10, 9, 0, 0), 5,
                    TRUE, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);
  report_test_call (store, "e", REXIAN_CALL_RECORD_INCOMING, report_test_at (6, 10, 9, 5, 0), 30,
                    FALSE, REXIAN_CALL_OUTCOME_NO_ANSWER);
  report_test_call (store, "g", REXIAN_CALL_RECORD_OUTGOING, report_test_at (6, 10, 11, 0, 0), 3,
                    TRUE, REXIAN_CALL_OUTCOME_AGENT_HUNG_UP);

  o1 = report_test_order (store, "咨询社保转移手续", "城区西街街道新市东街2号",
                          report_test_at (6, 8, 9, 0, 0));
  o1 = report_test_act (store, o1, REXIAN_ACTION_CLOSE_DIRECT, report_test_at (6, 8, 9, 5, 0), 0);

  o2 = report_test_order (store, "泽州县金村镇府城村路灯不亮", "泽州县金村镇府城村5号",
                          report_test_at (6, 9, 9, 0, 0));
  o2 = report_test_act (store, o2, REXIAN_ACTION_SUBMIT, report_test_at (6, 9, 9, 10, 0), 0);
  o2 = report_test_act (store, o2, REXIAN_ACTION_DISPATCH, report_test_at (6, 9, 10, 0, 0),
                        housing);
  o2 = report_test_act (store, o2, REXIAN_ACTION_REPLY, report_test_at (6, 10, 10, 0, 0), 0);
  o2 = report_test_act (store, o2, REXIAN_ACTION_START_FOLLOW_UP,
                        report_test_at (6, 11, 10, 0, 0), 0);
  o2 = report_test_act (store, o2, REXIAN_ACTION_CLOSE, report_test_at (6, 11, 10, 5, 0), 0);

  o3 = report_test_order (store, "高平市米山镇占道经营", "高平市米山镇3号",
                          report_test_at (6, 9, 11, 0, 0));
  o3 = report_test_act (store, o3, REXIAN_ACTION_SUBMIT, report_test_at (6, 9, 11, 10, 0), 0);
  o3 = report_test_act (store, o3, REXIAN_ACTION_DISPATCH, report_test_at (6, 9, 12, 0, 0), city);
  o3 = report_test_act (store, o3, REXIAN_ACTION_RETURN, report_test_at (6, 10, 9, 0, 0), 0);

  for (guint i = 0; i < REPORT_TEST_MAY_DEPARTMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("区直第%02u工作部门", i + 1);
      g_autofree char *summary = g_strdup_printf ("第%u号事项需要部门办理", i + 1);
      g_autofree char *address = g_strdup_printf ("城区第%u街道%u号", i + 1, i + 1);
      g_autoptr(RexianWorkOrder) order = NULL;
      gint64 department, created = report_test_at (5, 20, 9, i, 0);

      department = rexian_store_add_department (store, name, "联系人", "0356-2020000", &error);
      g_assert_no_error (error);
      order = report_test_order (store, summary, address, created);
      order = report_test_act (store, order, REXIAN_ACTION_SUBMIT, created + 60, 0);
      order = report_test_act (store, order, REXIAN_ACTION_DISPATCH, created + 120, department);
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *address = g_strdup_printf (REPORT_TEST_AREA "%u号", 10 + i);
      g_autoptr(RexianWorkOrder) w = NULL;

      w = report_test_order (store, REPORT_TEST_AREA "井盖破损", address,
                             report_test_at (6, 11, 9 + i, 0, 0));
    }
}
