/* rexian-store-knowledge-generated.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-knowledge-private.h"

/* Generated knowledge-base articles for the search benchmark: titles and bodies of 300
 * to 800 characters put together from the vocabulary of government-service answers, with
 * a fixed seed so every run searches the same text. */

#define ARTICLES_PER_TRANSACTION 5000

static const char *const subjects[] = {
  "社保", "医保", "户籍", "公积金", "居住证", "身份证", "不动产登记", "营业执照", "交通违法",
  "驾驶证", "机动车", "供水", "供电", "燃气", "供暖", "养老保险", "失业保险", "工伤保险",
  "生育津贴", "最低生活保障", "残疾人补贴", "义务教育入学", "新生儿落户", "出入境证件",
  "个人所得税", "契税", "房屋租赁备案", "拆迁补偿", "物业纠纷", "噪声扰民", "占道经营",
  "食品安全", "药品价格", "劳动合同", "拖欠工资", "退役军人优待", "殡葬服务", "婚姻登记",
  "城乡居民医保缴费", "异地就医备案", "公交线路", "出租车投诉", "道路维修", "路灯报修",
};

static const char *const actions[] = {
  "办理", "申请", "查询", "变更", "补办", "转移接续", "提取", "缴纳", "退费", "投诉",
  "咨询", "预约", "审核", "备案", "注销", "续期",
};

static const char *const phrases[] = {
  "申请人应当携带本人有效身份证件原件及复印件",
  "到户籍所在地的政务服务大厅综合受理窗口办理",
  "也可以通过政务服务网或者手机应用在线提交申请",
  "材料齐全、符合法定形式的，当场予以受理",
  "承办单位应当在五个工作日内作出决定并告知申请人",
  "对不符合条件的，书面说明理由并告知救济途径",
  "办理过程中不收取任何费用",
  "如对办理结果有异议，可在六十日内申请行政复议",
  "具体标准以当年度公布的文件为准",
  "委托他人代办的，还需提供授权委托书和代办人身份证件",
  "法定节假日期间窗口暂停办理，网上渠道正常受理",
  "市民可拨打政务服务便民热线咨询具体流程",
  "缴费基数按照上年度职工月平均工资确定",
  "逾期未办理的，将按照有关规定处理",
  "个人账户余额可以按规定继承",
  "跨省办理的，由转入地经办机构负责审核",
  "本通知自发布之日起施行，原有规定与本通知不一致的，以本通知为准",
  "窗口工作时间为周一至周五上午九点至十二点，下午一点半至五点半",
  "紧急情况请直接拨打一一零或一一九",
  "相关部门将在规定时限内答复办理结果",
  "涉及多个部门的事项，由牵头单位统筹协调",
  "老年人、残疾人等特殊群体可以申请上门服务",
  "网上申请的，审核通过后可选择邮寄送达",
  "电子证照与纸质证照具有同等法律效力",
};

static void
append_text (GString            *out,
             GRand              *rand,
             const char *const  *words,
             guint               n_words)
{
  g_string_append (out, words[g_rand_int_range (rand, 0, n_words)]);
}

gboolean
rexian_store_fill_generated_articles (RexianStore  *self,
                                      guint         n,
                                      gint64        now,
                                      GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) agents = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  guint done = 0;

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

  while (done < n)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint batch = MIN (n - done, ARTICLES_PER_TRANSACTION);

      if (!rexian_store_begin (self, db, error))
        return FALSE;

      stmt = rexian_store_prepare (self, db,
                                   "INSERT INTO kb_articles (title, body, category_id, "
                                   "department_id, source_document, document_number, "
                                   "effective_from, expires_at, reviewed_at, created_at, "
                                   "updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                   error);
      if (stmt == NULL)
        goto failed;

      for (guint i = 0; i < batch; i++)
        {
          guint length = g_rand_int_range (rand, 300, 801);
          gint64 created = now - g_rand_int_range (rand, 0, 3 * 365) * 86400;
          g_autofree char *number = g_strdup_printf ("政办发〔%d〕%d号",
                                                     g_rand_int_range (rand, 2015, 2027),
                                                     g_rand_int_range (rand, 1, 200));

          g_string_truncate (title, 0);
          append_text (title, rand, subjects, G_N_ELEMENTS (subjects));
          append_text (title, rand, actions, G_N_ELEMENTS (actions));
          g_string_append (title, "须知");

          g_string_truncate (body, 0);
          while (g_utf8_strlen (body->str, -1) < length)
            {
              append_text (body, rand, subjects, G_N_ELEMENTS (subjects));
              append_text (body, rand, actions, G_N_ELEMENTS (actions));
              g_string_append (body, "：");
              append_text (body, rand, phrases, G_N_ELEMENTS (phrases));
              g_string_append (body, "，");
              append_text (body, rand, phrases, G_N_ELEMENTS (phrases));
              g_string_append (body, "。");
            }

          /* A few articles name a place nothing else does, for searches with few hits. */
          if ((done + i) % 997 == 0)
            g_string_append (body, "受理地点：晋城市沁水县龙港镇便民服务中心。");

          sqlite3_reset (stmt);
          rexian_store_bind_text (stmt, 1, title->str);
          rexian_store_bind_text (stmt, 2, body->str);
          rexian_store_bind_id (stmt, 3, g_array_index (categories, gint64,
                                                        (done + i) % categories->len));
          rexian_store_bind_id (stmt, 4, g_array_index (departments, gint64,
                                                        (done + i) % departments->len));
          rexian_store_bind_text (stmt, 5, "《关于进一步优化政务服务的通知》");
          rexian_store_bind_text (stmt, 6, number);
          sqlite3_bind_int64 (stmt, 7, created);
          sqlite3_bind_int64 (stmt, 8, (done + i) % 50 == 0 ? now - 86400 : 0);
          sqlite3_bind_int64 (stmt, 9, (done + i) % 7 == 0 ? 0 : created);
          sqlite3_bind_int64 (stmt, 10, created);

          if (!rexian_store_step_done (self, db, stmt, error))
            goto failed;
        }

      if (!rexian_store_commit (self, db, error))
        return FALSE;

      done += batch;
    }

  rexian_store_emit_changed (self);
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}
