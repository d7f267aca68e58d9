/* test-forms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rexian-form-record-dialog.h"
#include "rexian-order-editor-private.h"
#include "rexian-store.h"
#include "rexian-test-ui.h"

/* The printed forms as a user gets them: the real "rexian form" program, in Chinese, on
 * a database of known orders; the PDFs' text extracted with pdftotext and compared with
 * the orders' fields, their fonts checked as embedded, and their pages rendered with
 * pdftoppm for a person to look at (kept in the build folder).  Then the command's
 * errors: an unknown order, a bad date, an unwritable file.  Last, under Xvfb, the same
 * forms printed from the windows through GtkPrintOperation: the order editor's print
 * menu and the Record Sheet window. */

#define HOUSING "市住房和城乡建设局"
#define CITY    "市城市管理局"

static char *dir;
static char *database;
static char *transfer_number;
static char *long_number;
static char *long_reply_number;

static gint64
at (int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (2026, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static int
run (const char * const *argv,
     char              **out_stdout,
     char              **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = -1;

  /* The forms are checked in the standard's own Chinese words. */
  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANG", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  g_spawn_sync (dir, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out_stdout,
                out_stderr, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int run_form (char **out_stderr, ...) G_GNUC_NULL_TERMINATED;

/* "rexian form --database DB ..." with the rest of the arguments. */
static int
run_form (char **out_stderr,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, at (12, 1, 8, 0));
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("REXIAN_EXE"));
  g_ptr_array_add (argv, "form");
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, database);
  g_ptr_array_add (argv, "--now");
  g_ptr_array_add (argv, now);
  va_start (args, out_stderr);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = run ((const char * const *) argv->pdata, &out, out_stderr);
  /* Quiet, as cron mails whatever a job prints. */
  g_assert_cmpstr (out, ==, "");

  return status;
}

/* The text of @pdf (pages @first to @last; 0: all), laid out as on the page. */
static char *
pdf_text (const char *pdf,
          int         first,
          int         last)
{
  g_autofree char *f = g_strdup_printf ("%d", first > 0 ? first : 1);
  g_autofree char *l = g_strdup_printf ("%d", last > 0 ? last : 9999);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", "-f", f, "-l", l, pdf, "-",
                         NULL };
  char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (argv, &out, &err), ==, 0);

  return out;
}

/* The text of @pdf in reading order with every space and line break taken out, so that
 * a value wrapped inside its cell reads whole again. */
static char *
pdf_text_flat (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GString *flat = g_string_new (NULL);

  g_assert_cmpint (run (argv, &out, &err), ==, 0);
  for (const char *p = out; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (flat, *p);

  return g_string_free (flat, FALSE);
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *line;

  g_assert_cmpint (run (argv, &out, &err), ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* Every font is embedded, and the Chinese one is there: no reader substitutes boxes. */
static void
assert_fonts_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (argv, &out, &err), ==, 0);
  g_assert_true (strstr (out, "WenQuanYi") != NULL || strstr (out, "CJK") != NULL);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_assert_true (strstr (lines[i], " yes ") != NULL);
}

/* Renders @pdf's pages at 60 dpi beside it, for a person to look at, and checks that
 * each page was drawn on paper of the expected shape. */
static void
render_pages (const char *pdf,
              const char *stem,
              gboolean    landscape)
{
  g_autofree char *prefix = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "report", stem,
                                             NULL);
  const char *argv[] = { "pdftoppm", "-r", "60", "-png", pdf, prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *png = NULL;
  gsize length = 0;
  guint32 width, height;

  g_assert_cmpint (run (argv, &out, &err), ==, 0);

  /* pdftoppm numbers the pages with as many digits as the last one needs. */
  first = g_strdup_printf ("%s-1.png", prefix);
  if (!g_file_test (first, G_FILE_TEST_EXISTS))
    {
      g_free (first);
      first = g_strdup_printf ("%s-01.png", prefix);
    }
  g_assert_true (g_file_get_contents (first, &png, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_test_message ("rendered %s", first);

  /* The PNG header: width and height, big-endian, after the signature and IHDR tag. */
  width = GUINT32_FROM_BE (*(guint32 *) (png + 16));
  height = GUINT32_FROM_BE (*(guint32 *) (png + 20));
  if (landscape)
    g_assert_cmpuint (width, >, height);
  else
    g_assert_cmpuint (width, <, height);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the form:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be in the form:\n%s", needle, text);
}

/* The database */

static RexianWorkOrder *
make_order (RexianStore *store,
            gint64       agent_id,
            const char  *name,
            const char  *phone,
            const char  *summary,
            gboolean     confidential,
            gint64       created_at)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *order;

  rexian_work_order_set_caller_name (draft, name);
  rexian_work_order_set_caller_title (draft, "女士");
  rexian_work_order_set_caller_phone (draft, phone);
  rexian_work_order_set_caller_address (draft, "城区凤台街道书院街18号");
  rexian_work_order_set_summary (draft, summary);
  rexian_work_order_set_request (draft, "请尽快处理");
  rexian_work_order_set_confidential (draft, confidential);
  order = rexian_store_create_order (store, draft, agent_id, created_at, &error);
  g_assert_no_error (error);

  return order;
}

static void
act (RexianStore           *store,
     RexianWorkOrder       *order,
     RexianAction           action,
     RexianTransitionInput *input,
     gint64                 agent_id,
     gint64                 when)
{
  g_autoptr(RexianWorkOrder) moved = NULL;
  g_autoptr(GError) error = NULL;

  moved = rexian_store_apply (store, rexian_work_order_get_id (order), action, input, agent_id,
                              when, &error);
  g_assert_no_error (error);
}

static void
fill_database (void)
{
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(RexianWorkOrder) transfer = NULL;
  g_autoptr(RexianWorkOrder) secret = NULL;
  g_autoptr(RexianWorkOrder) later = NULL;
  g_autoptr(RexianWorkOrder) busy = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  gint64 housing, city, agent;

  store = rexian_store_open (database, &error);
  g_assert_no_error (error);
  rexian_store_set_poll_interval (store, 0);

  housing = rexian_store_add_department (store, HOUSING, "赵主任", "0356-2020001", &error);
  g_assert_no_error (error);
  city = rexian_store_add_department (store, CITY, "钱主任", "0356-2020002", &error);
  g_assert_no_error (error);
  agent = rexian_store_add_agent (store, "1001", "刘受理", "agent", &error);
  g_assert_no_error (error);

  /* Transferred to two departments, replied, followed up and closed. */
  transfer = make_order (store, agent, "李四", "13900001111", "小区供暖不热", FALSE,
                         at (11, 3, 9, 15));
  input->reason = g_strdup ("需要承办单位处理");
  input->lead_department_id = housing;
  input->assist_department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (input->assist_department_ids, city);
  input->transfer_opinion = g_strdup ("请按时办理");
  input->handling_days = 5;
  input->handler_name = g_strdup ("孙承办");
  input->handler_phone = g_strdup ("0356-2021234");
  input->handling_result = g_strdup ("已更换阀门，室温恢复");
  input->followup_process = REXIAN_SATISFACTION_SATISFIED;
  input->followup_result = REXIAN_SATISFACTION_BASICALLY;
  input->followup_note = g_strdup ("来电人表示感谢");
  act (store, transfer, REXIAN_ACTION_SUBMIT, input, agent, at (11, 3, 9, 30));
  act (store, transfer, REXIAN_ACTION_DISPATCH, input, agent, at (11, 3, 10, 0));
  act (store, transfer, REXIAN_ACTION_REPLY, input, agent, at (11, 5, 16, 0));
  act (store, transfer, REXIAN_ACTION_START_FOLLOW_UP, input, agent, at (11, 6, 9, 0));
  act (store, transfer, REXIAN_ACTION_CLOSE, input, agent, at (11, 6, 9, 30));
  transfer_number = g_strdup (rexian_work_order_get_number (transfer));

  /* A confidential caller, masked wherever a form shows it. */
  secret = make_order (store, agent, "王五", "13712345678", "举报噪音扰民", TRUE,
                       at (11, 4, 14, 0));

  /* After the period: not on the 记录单 of November. */
  later = make_order (store, agent, "周六", "13600002222", "十二月的来电", FALSE,
                      at (12, 2, 10, 0));

  /* A timeline longer than a page: extensions asked for and refused again and again. */
  busy = make_order (store, agent, "吴七", "13500003333", "道路积水反复", FALSE,
                     at (11, 10, 8, 0));
  act (store, busy, REXIAN_ACTION_SUBMIT, input, agent, at (11, 10, 8, 30));
  act (store, busy, REXIAN_ACTION_DISPATCH, input, agent, at (11, 10, 9, 0));
  for (int i = 0; i < 30; i++)
    {
      g_free (input->reason);
      input->reason = g_strdup_printf ("第%d次申请延期：等待施工队", i + 1);
      input->extension_days = 3;
      act (store, busy, REXIAN_ACTION_REQUEST_EXTENSION, input, agent, at (11, 11, 9, i));
      act (store, busy, REXIAN_ACTION_REJECT_EXTENSION, input, agent, at (11, 11, 10, i));
    }
  long_number = g_strdup (rexian_work_order_get_number (busy));

  /* A handling report longer than a page. */
  {
    g_autoptr(RexianWorkOrder) wordy = make_order (store, agent, "郑八", "13400004444",
                                                   "老旧小区改造", FALSE, at (11, 12, 8, 0));
    g_autoptr(GString) result = g_string_new (NULL);

    for (int i = 1; i <= 120; i++)
      g_string_append_printf (result, "第%d段：现场核查并协调施工单位处理，居民代表到场确认。\n", i);
    g_free (input->handling_result);
    input->handling_result = g_string_free (g_steal_pointer (&result), FALSE);
    act (store, wordy, REXIAN_ACTION_SUBMIT, input, agent, at (11, 12, 8, 30));
    act (store, wordy, REXIAN_ACTION_DISPATCH, input, agent, at (11, 12, 9, 0));
    act (store, wordy, REXIAN_ACTION_REPLY, input, agent, at (11, 13, 9, 0));
    long_reply_number = g_strdup (rexian_work_order_get_number (wordy));
  }
}

/* The tests */

static void
test_record (void)
{
  g_autofree char *pdf = g_build_filename (dir, "record.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_form (&err, "--kind", "record", "--from", "2026-11-01",
                             "--to", "2026-11-30", "--output", pdf, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  text = pdf_text (pdf, 0, 0);
  /* Table A.1's title and columns, in the standard's words. */
  for (const char *const *label = (const char *const[]) {
         "记录单", "时间", "咨询对象姓名", "电话", "咨询内容", "受理人", "备注", NULL };
       *label != NULL; label++)
    assert_contains (text, *label);

  assert_contains (text, "2026-11-03 09:15");
  assert_contains (text, "李四");
  assert_contains (text, "13900001111");
  assert_contains (text, "小区供暖不热");
  assert_contains (text, "刘受理");
  assert_contains (text, transfer_number);
  assert_contains (text, "已办结");

  /* The confidential caller: name and phone masked. */
  assert_contains (text, "举报噪音扰民");
  assert_contains (text, "王**");
  assert_contains (text, "137****5678");
  assert_lacks (text, "王五");
  assert_lacks (text, "13712345678");

  /* December is not November. */
  assert_lacks (text, "十二月的来电");
  /* The rows read in the order of the calls. */
  g_assert_true (strstr (text, "小区供暖不热") < strstr (text, "举报噪音扰民"));

  assert_fonts_embedded (pdf);
  render_pages (pdf, "form-record", TRUE);
}

static void
test_transfer (void)
{
  g_autofree char *pdf = g_build_filename (dir, "transfer.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpint (run_form (&err, "--kind", "transfer", "--order", transfer_number,
                             "--output", pdf, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);

  text = pdf_text (pdf, 0, 0);
  flat = pdf_text_flat (pdf);
  for (const char *const *label = (const char *const[]) {
         "转办单", "受理人", "来电时间", "咨询对象姓名", "联系电话", "联系地址", "咨询内容",
         "转办单位", "转办时间", "承办人", "承办人电话", "办理情况", "回访情况", NULL };
       *label != NULL; label++)
    assert_contains (text, *label);

  /* The order's own fields, each in its cell. */
  assert_contains (text, transfer_number);
  assert_contains (text, "刘受理");
  assert_contains (text, "2026-11-03 09:15");
  assert_contains (text, "李四");
  assert_contains (text, "13900001111");
  assert_contains (text, "城区凤台街道书院街18号");
  assert_contains (text, "小区供暖不热");
  assert_contains (text, "请尽快处理");
  /* The lead department first, the assisting one after, joined with 、 (the cell may
   * wrap, so this is read with the lines joined). */
  assert_contains (flat, HOUSING "、" CITY);
  assert_contains (text, "2026-11-03 10:00");
  assert_contains (text, "孙承办");
  assert_contains (text, "0356-2021234");
  assert_contains (text, "已更换阀门，室温恢复");
  assert_contains (text, "基本满意");
  assert_contains (text, "来电人表示感谢");

  /* The grid's rows in Table B.1's order. */
  g_assert_true (strstr (text, "受理人") < strstr (text, "咨询对象姓名"));
  g_assert_true (strstr (text, "咨询对象姓名") < strstr (text, "联系地址"));
  g_assert_true (strstr (text, "联系地址") < strstr (text, "咨询内容"));
  g_assert_true (strstr (text, "咨询内容") < strstr (text, "转办单位"));
  g_assert_true (strstr (text, "转办单位") < strstr (text, "承办人"));
  g_assert_true (strstr (text, "承办人电话") < strstr (text, "办理情况"));
  g_assert_true (strstr (text, "办理情况") < strstr (text, "回访情况"));

  assert_fonts_embedded (pdf);
  render_pages (pdf, "form-transfer", FALSE);
}

/* A handling report longer than a page goes on over the next, cut between lines, its
 * label repeated; nothing is lost at the foot of the page. */
static void
test_transfer_long (void)
{
  g_autofree char *pdf = g_build_filename (dir, "transfer-long.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *last = NULL;
  guint n_pages;

  g_assert_cmpint (run_form (&err, "--kind", "transfer", "--order", long_reply_number,
                             "--output", pdf, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  n_pages = pdf_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 2);

  first = pdf_text (pdf, 1, 1);
  assert_contains (first, "转办单");
  assert_contains (first, "第1段：");
  last = pdf_text (pdf, n_pages, n_pages);
  assert_contains (last, "办理情况");
  assert_contains (last, "回访情况");
  assert_contains (last, long_reply_number);

  /* Every paragraph once, in order. */
  flat = pdf_text_flat (pdf);
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *paragraph = g_strdup_printf ("第%d段：现场核查并协调施工单位处理，居民代表到场确认。", i);
      const char *found = strstr (flat, paragraph);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, paragraph));
    }

  render_pages (pdf, "form-transfer-long", FALSE);
}

static void
test_order (void)
{
  g_autofree char *pdf = g_build_filename (dir, "order.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  g_autofree char *header = g_strdup_printf ("工单编号：%s", long_number);
  guint n_pages;

  g_assert_cmpint (run_form (&err, "--kind", "order", "--order", long_number,
                             "--output", pdf, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  n_pages = pdf_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 3);

  first = pdf_text (pdf, 1, 1);
  assert_contains (first, header);
  assert_contains (first, "吴七");
  assert_contains (first, "13500003333");
  assert_contains (first, "道路积水反复");
  assert_contains (first, HOUSING "、" CITY);
  assert_contains (first, "受理信息");
  assert_contains (first, "转办信息");
  assert_contains (first, "办理与回访");

  /* The timeline starts on a page of its own and goes on over the next, each page under
   * the order's number and the timeline's headings. */
  second = pdf_text (pdf, 2, 2);
  assert_contains (second, header);
  assert_contains (second, "流转记录");
  assert_contains (second, "操作人");
  assert_contains (second, "办理中");
  g_free (second);
  second = pdf_text (pdf, 3, 3);
  assert_contains (second, header);
  assert_contains (second, "流转记录（续）");
  assert_contains (second, "时间");
  assert_contains (second, "操作人");
  assert_contains (second, "申请延期");

  last = pdf_text (pdf, n_pages, n_pages);
  assert_contains (last, "第30次申请延期：等待施工队");
  {
    g_autofree char *page = g_strdup_printf ("第 %u 页，共 %u 页", n_pages, n_pages);

    assert_contains (last, page);
  }

  assert_fonts_embedded (pdf);
  render_pages (pdf, "form-order", FALSE);
}

static void
test_errors (void)
{
  g_autofree char *pdf = g_build_filename (dir, "error.pdf", NULL);
  g_autofree char *blocked = g_build_filename (dir, "blocked", NULL);
  g_autofree char *inside = g_build_filename (blocked, "form.pdf", NULL);
  char *err = NULL;

  /* An unknown order: said so, exit status 1, no file. */
  g_assert_cmpint (run_form (&err, "--kind", "transfer", "--order", "209901010001",
                             "--output", pdf, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "rexian form: "));
  g_assert_nonnull (strstr (err, "209901010001"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* A bad date: a usage error, exit status 2. */
  g_assert_cmpint (run_form (&err, "--kind", "record", "--from", "2026-02-30",
                             "--to", "2026-03-01", "--output", pdf, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "2026-02-30"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* No order number for a transfer form; an unknown kind. */
  g_assert_cmpint (run_form (&err, "--kind", "transfer", "--output", pdf, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "rexian form: "));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_form (&err, "--kind", "receipt", "--output", pdf, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "receipt"));
  g_clear_pointer (&err, g_free);

  /* A folder that cannot be written: the file is named, exit status 1. */
  g_assert_cmpint (g_mkdir (blocked, 0555), ==, 0);
  if (access (blocked, W_OK) == 0)
    g_test_message ("running as root: the read-only folder is writable, not checked");
  else
    {
      g_assert_cmpint (run_form (&err, "--kind", "order", "--order", transfer_number,
                                 "--output", inside, NULL), ==, 1);
      g_assert_nonnull (strstr (err, "form.pdf"));
      g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
      g_clear_pointer (&err, g_free);
    }
  g_chmod (blocked, 0755);

  /* A folder where the file should be. */
  g_assert_cmpint (run_form (&err, "--kind", "order", "--order", transfer_number,
                             "--output", blocked, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "blocked"));
  g_clear_pointer (&err, g_free);
}

/* The windows */

static RexianWorkOrder *
find_order (RexianStore *store,
            const char  *number)
{
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *order = rexian_store_get_order_by_number (store, number, &error);

  g_assert_no_error (error);
  return order;
}

static void
test_editor_print (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = rexian_store_open (database, &error);
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autofree char *transfer = g_build_filename (dir, "editor-transfer.pdf", NULL);
  g_autofree char *whole = g_build_filename (dir, "editor-order.pdf", NULL);
  g_autofree char *text = NULL;
  RexianOrderEditor *editor;
  RexianOrderEditor *intake;

  g_assert_no_error (error);
  order = find_order (store, transfer_number);

  /* Nothing to print before the intake form is saved: the menu does nothing. */
  intake = rexian_order_editor_new (NULL, store, 0, NULL);
  gtk_window_present (GTK_WINDOW (intake));
  rexian_test_spin (100);
  gtk_widget_activate_action (GTK_WIDGET (intake), "editor.print-form", "s", "transfer");
  rexian_test_spin (200);
  g_assert_null (_rexian_order_editor_get_message (intake));
  gtk_window_destroy (GTK_WINDOW (intake));

  editor = rexian_order_editor_new (NULL, store, 0, order);
  gtk_window_present (GTK_WINDOW (editor));
  rexian_test_spin (100);

  g_assert_true (_rexian_order_editor_print_form_to_file (editor, REXIAN_FORM_TRANSFER,
                                                          transfer, &error));
  g_assert_no_error (error);
  text = pdf_text (transfer, 0, 0);
  assert_contains (text, "转办单");
  assert_contains (text, "承办人电话");
  assert_contains (text, "李四");
  assert_contains (text, "0356-2021234");
  render_pages (transfer, "form-editor-transfer", FALSE);
  g_clear_pointer (&text, g_free);

  g_assert_true (_rexian_order_editor_print_form_to_file (editor, REXIAN_FORM_ORDER, whole,
                                                          &error));
  g_assert_no_error (error);
  text = pdf_text (whole, 0, 0);
  assert_contains (text, "流转记录");
  assert_contains (text, "小区供暖不热");
  assert_contains (text, "已办结");

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_record_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = rexian_store_open (database, &error);
  g_autofree char *pdf = g_build_filename (dir, "dialog-record.pdf", NULL);
  g_autofree char *text = NULL;
  RexianFormRecordDialog *dialog;

  g_assert_no_error (error);
  dialog = REXIAN_FORM_RECORD_DIALOG (rexian_form_record_dialog_new (store, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  rexian_test_spin (300);
  {
    g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "report",
                                             "form-record-dialog.png", NULL);

    g_assert_true (rexian_test_save_png (GTK_WIDGET (dialog), png, &error));
    g_assert_no_error (error);
  }

  /* A day that does not exist is refused, and nothing is printed. */
  _rexian_form_record_dialog_set_days (dialog, "2026-11-31", "2026-11-30");
  g_assert_false (_rexian_form_record_dialog_print_to_file (dialog, pdf, &error));
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  _rexian_form_record_dialog_set_days (dialog, "2026-11-01", "2026-11-30");
  g_assert_true (_rexian_form_record_dialog_print_to_file (dialog, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0, 0);
  assert_contains (text, "表A.1 记录单");
  assert_contains (text, "咨询对象姓名");
  assert_contains (text, "王**");
  assert_lacks (text, "王五");
  assert_lacks (text, "十二月的来电");
  render_pages (pdf, "form-dialog-record", TRUE);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The windows in Chinese, as the forms are checked in the standard's words. */
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rexian_test_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = g_dir_make_tmp ("rexian-forms-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (dir, "rexian.db", NULL);
  fill_database ();

  g_test_add_func ("/forms/record", test_record);
  g_test_add_func ("/forms/transfer", test_transfer);
  g_test_add_func ("/forms/transfer-long", test_transfer_long);
  g_test_add_func ("/forms/order", test_order);
  g_test_add_func ("/forms/errors", test_errors);
  g_test_add_func ("/forms/editor-print", test_editor_print);
  g_test_add_func ("/forms/record-dialog", test_record_dialog);

  status = g_test_run ();

  remove_dir (dir);
  g_free (dir);
  g_free (database);
  g_free (transfer_number);
  g_free (long_number);
  g_free (long_reply_number);

  return status;
}
