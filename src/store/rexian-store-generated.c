/* rexian-store-generated.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-private.h"

/* Generated orders for benchmarks */

static const char *const gen_surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
  "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
};
static const char *const gen_given[] = {
  "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
  "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "志强", "海燕",
};
static const char *const gen_places[] = {
  "城区凤台街道书院街", "城区西街街道新市东街", "城区南街街道泰森路", "城区北街街道红星东街",
  "城区东街街道文昌西街", "城区钟家庄街道兰花路", "城区矿区街道工人新村", "城区北石店镇",
  "泽州县金村镇", "泽州县巴公镇", "高平市米山镇", "开发区钟家庄街道凤鸣小区",
};
static const char *const gen_subjects[] = {
  "小区楼道灯损坏无人维修", "公交车末班车提前收车", "夜间施工噪音扰民", "拖欠工资",
  "菜市场缺斤短两", "学校违规收费", "医院挂号排队时间长", "占道经营堵塞交通",
  "停水未提前通知", "频繁停电", "暖气不热", "垃圾清运不及时", "油烟扰民", "井盖破损",
  "违章搭建", "物业费上涨", "电梯故障困人", "河道有异味", "出租车拒载", "路灯不亮",
};
static const char *const gen_states[] = {
  "intake", "pending-dispatch", "in-progress", "in-progress", "replied", "follow-up",
  "closed", "closed", "archived",
};

/* A follow-up answer for a percentile: mostly satisfied, as published 12345 figures are. */
static const char *
gen_followup (guint percentile)
{
  if (percentile < 70)
    return "satisfied";
  if (percentile < 85)
    return "basically";
  if (percentile < 93)
    return "dissatisfied";
  return "unreachable";
}

static gboolean
fill_batch (RexianStore    *self,
            sqlite3        *db,
            RexianCalendar *calendar,
            GArray         *departments,
            GArray         *categories,
            GArray         *agents,
            guint           first,
            guint           count,
            guint           n_phone_pool,
            gint64          now,
            GRand          *rand,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) counter = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) department = NULL;
  g_autoptr(sqlite3_stmt) event = NULL;
  gboolean calendar_ok = calendar != NULL;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  /* Prepared once per batch and reset for every row. */
  counter = rexian_store_prepare (self, db,
                                  "INSERT INTO order_counters (day, seq) VALUES (?1, 1) "
                                  "ON CONFLICT (day) DO UPDATE SET seq = seq + 1 RETURNING seq",
                                  error);
  insert = counter == NULL ? NULL :
    rexian_store_prepare (self, db,
                          "INSERT INTO work_orders (number, version, state, channel, kind, "
                          "category_id, caller_name, caller_title, caller_phone, caller_address, "
                          "emergency, confidential, event_time, event_place, event_course, "
                          "request, summary, intake_agent_id, created_at, updated_at, "
                          "dispatch_deadline, lead_department_id, dispatched_at, deadline, "
                          "handling_result, replied_at, closed_at, archived_at, supervised, "
                          "followup_process, followup_result) "
                          "VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                          "?14, ?15, ?16, ?17, ?18, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
                          "?27, ?28, ?29)",
                          error);
  department = insert == NULL ? NULL :
    rexian_store_prepare (self, db,
                          "INSERT INTO order_departments (order_id, department_id, role) "
                          "VALUES (?1, ?2, 'lead')",
                          error);
  event = department == NULL ? NULL :
    rexian_store_prepare (self, db,
                          "INSERT INTO order_events (order_id, at, agent_id, action, "
                          "from_state, to_state) VALUES (?1, ?2, ?3, 'create', NULL, 'intake')",
                          error);
  if (event == NULL)
    goto failed;

  for (guint i = first; i < first + count; i++)
    {
      const char *state = gen_states[g_rand_int_range (rand, 0, G_N_ELEMENTS (gen_states))];
      const char *subject = gen_subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (gen_subjects))];
      const char *place = gen_places[g_rand_int_range (rand, 0, G_N_ELEMENTS (gen_places))];
      gboolean open = g_str_equal (state, "intake") || g_str_equal (state, "pending-dispatch");
      gboolean dispatched = !open;
      RexianChannel channel = g_rand_int_range (rand, 0, REXIAN_N_CHANNELS);
      RexianRequestKind kind = g_rand_int_range (rand, 0, REXIAN_N_REQUEST_KINDS);
      gboolean replied = dispatched && !g_str_equal (state, "in-progress");
      gboolean archived = g_str_equal (state, "archived");
      gboolean closed = archived || g_str_equal (state, "closed");
      gint64 created_at = now - g_rand_int_range (rand, 600, 90 * 86400);
      gint64 lead = g_array_index (departments, gint64,
                                   g_rand_int_range (rand, 0, departments->len));
      gint64 dispatch_deadline = 0;
      gint64 deadline = 0;
      gint64 order_id;
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (created_at);
      g_autofree char *day = g_date_time_format (local, "%Y%m%d");
      g_autofree char *number = NULL;
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *address = NULL;
      g_autofree char *course = NULL;
      g_autofree char *summary = NULL;
      int rc;

      rexian_store_bind_text (counter, 1, day);
      rc = sqlite3_step (counter);
      if (rc != SQLITE_ROW)
        {
          rexian_store_set_sqlite_error (self, db, rc, error);
          goto failed;
        }
      number = g_strdup_printf ("%s%04" G_GINT64_FORMAT, day,
                                (gint64) sqlite3_column_int64 (counter, 0));
      if (!rexian_store_step_done (self, db, counter, error))
        goto failed;

      name = g_strconcat (gen_surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (gen_surnames))],
                          gen_given[g_rand_int_range (rand, 0, G_N_ELEMENTS (gen_given))], NULL);
      /* A small pool of numbers, so repeated callers exist as in real traffic. */
      phone = g_strdup_printf ("13%d%08d", g_rand_int_range (rand, 0, 10),
                               g_rand_int_range (rand, 0, MAX (n_phone_pool, 1)));
      address = g_strdup_printf ("%s%d号", place, g_rand_int_range (rand, 1, 200));
      summary = g_strdup_printf ("%s%s", place, subject);
      course = g_strdup_printf ("来电人反映%s附近%s，已持续%d天，多次向有关方面反映未果。",
                                place, subject, g_rand_int_range (rand, 1, 30));

      /* Deadlines from the calendar when it covers the dates; a benchmark does not stop
       * for holiday data, so other orders simply go without. */
      if (calendar_ok && open &&
          !rexian_calendar_deadline_after (calendar, created_at, 2, &dispatch_deadline, NULL))
        dispatch_deadline = 0;
      if (calendar_ok && dispatched &&
          !rexian_calendar_deadline_after (calendar, created_at + 3600, 5, &deadline, NULL))
        deadline = 0;

      rexian_store_bind_text (insert, 1, number);
      rexian_store_bind_text (insert, 2, state);
      rexian_store_bind_text (insert, 3, rexian_channel_to_string (channel));
      rexian_store_bind_text (insert, 4, rexian_request_kind_to_string (kind));
      sqlite3_bind_int64 (insert, 5, g_array_index (categories, gint64,
                                                    g_rand_int_range (rand, 0, categories->len)));
      rexian_store_bind_text (insert, 6, name);
      rexian_store_bind_text (insert, 7, g_rand_boolean (rand) ? "先生" : "女士");
      rexian_store_bind_text (insert, 8, phone);
      rexian_store_bind_text (insert, 9, address);
      sqlite3_bind_int (insert, 10, g_rand_int_range (rand, 0, 100) == 0);
      sqlite3_bind_int (insert, 11, g_rand_int_range (rand, 0, 20) == 0);
      sqlite3_bind_int64 (insert, 12, created_at - 7200);
      rexian_store_bind_text (insert, 13, address);
      rexian_store_bind_text (insert, 14, course);
      rexian_store_bind_text (insert, 15, "请有关部门尽快处理并答复。");
      rexian_store_bind_text (insert, 16, summary);
      sqlite3_bind_int64 (insert, 17, g_array_index (agents, gint64, i % MIN (agents->len, 6)));
      sqlite3_bind_int64 (insert, 18, created_at);
      sqlite3_bind_int64 (insert, 19, dispatch_deadline);
      rexian_store_bind_id (insert, 20, dispatched ? lead : 0);
      sqlite3_bind_int64 (insert, 21, dispatched ? created_at + 3600 : 0);
      sqlite3_bind_int64 (insert, 22, deadline);
      rexian_store_bind_text (insert, 23, replied ? rexian_store_sample_result (i) : NULL);
      sqlite3_bind_int64 (insert, 24, replied ? created_at + 2 * 86400 : 0);
      sqlite3_bind_int64 (insert, 25, closed ? created_at + 4 * 86400 : 0);
      sqlite3_bind_int64 (insert, 26, archived ? created_at + 6 * 86400 : 0);
      sqlite3_bind_int (insert, 27, g_rand_int_range (rand, 0, 15) == 0);
      /* Closed orders were followed up; the answers come from the order's position, not
       * from @rand, so the other fields stay what they were before answers were added. */
      rexian_store_bind_text (insert, 28, closed ? gen_followup ((i * 7919u) % 100) : "none");
      rexian_store_bind_text (insert, 29, closed ? gen_followup ((i * 104729u) % 100) : "none");

      if (!rexian_store_step_done (self, db, insert, error))
        goto failed;
      order_id = sqlite3_last_insert_rowid (db);

      if (dispatched)
        {
          sqlite3_bind_int64 (department, 1, order_id);
          sqlite3_bind_int64 (department, 2, lead);
          if (!rexian_store_step_done (self, db, department, error))
            goto failed;
        }

      sqlite3_bind_int64 (event, 1, order_id);
      sqlite3_bind_int64 (event, 2, created_at);
      sqlite3_bind_int64 (event, 3, g_array_index (agents, gint64, i % MIN (agents->len, 6)));
      if (!rexian_store_step_done (self, db, event, error))
        goto failed;
    }

  return rexian_store_commit (self, db, error);

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_fill_generated (RexianStore *self,
                             guint        n,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) agents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RexianCalendar) calendar = rexian_store_dup_calendar (self);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12345);
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  db = rexian_store_get_db (self);
  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  if (!rexian_store_begin (self, db, error))
    return FALSE;
  if (!rexian_store_db_ensure_reference_data (self, db, departments, categories, agents,
                                              error))
    {
      rexian_store_rollback (db);
      return FALSE;
    }
  if (!rexian_store_commit (self, db, error))
    return FALSE;

  /* Large transactions make the bulk insert fast; keeping each to a few thousand rows
   * lets other seats write in between. */
  ok = TRUE;
  for (guint first = 0; ok && first < n; first += 5000)
    ok = fill_batch (self, db, calendar, departments, categories, agents, first,
                     MIN (5000, n - first), MAX (n / 3, 1), now, rand, error);

  /* The generated archived orders are filed in the catalogue as archiving files a real
   * one: by the local year and month it was closed, its category and lead department. */
  if (ok)
    {
      g_autoptr(sqlite3_stmt) file = NULL;

      file = rexian_store_prepare (self, db,
                                   "INSERT OR IGNORE INTO archive_entries (order_id, year, "
                                   "  month, category_id, department_id, archived_at) "
                                   "SELECT id, "
                                   "  CAST (strftime ('%Y', closed_at, 'unixepoch', 'localtime')"
                                   "        AS INTEGER), "
                                   "  CAST (strftime ('%m', closed_at, 'unixepoch', 'localtime')"
                                   "        AS INTEGER), "
                                   "  category_id, lead_department_id, archived_at "
                                   "FROM work_orders WHERE state = 'archived'", error);
      ok = file != NULL && rexian_store_step_done (self, db, file, error);
    }

  rexian_store_emit_changed (self);
  return ok;
}
