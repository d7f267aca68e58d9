/* test-knowledge.c: the knowledge base in the real window under Xvfb, and the articles
 * suggested while an agent writes an order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rexian-article-dialog.h"
#include "rexian-knowledge-view-private.h"
#include "rexian-order-editor-private.h"
#include "rexian-service-point-dialog.h"
#include "rexian-store-knowledge.h"
#include "rexian-ui-util.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

#define HIGHLIGHT "<span weight=\"bold\" background=\"#f8e45c\" foreground=\"#000000\">"
/* A loaded machine may take its time; the conditions are waited for, not slept on. */
#define WAIT_MS 20000

static RexianApplication *app;
static RexianWindow *window;
static RexianStore *store;
static RexianKnowledgeView *view;
static char *tmpdir;
static char *db_path;
static GPtrArray *messages;

/* Articles of our own, so the test does not depend on the sample data. */
static const struct
{
  const char *title;
  const char *body;
} articles[] = {
  { "燃气开户办理流程",
    "新建住宅燃气开户，业主携带身份证和房产证到燃气公司营业厅办理，安装通气约需五个工作日。" },
  { "燃气费缴纳方式",
    "燃气费可通过燃气公司营业厅、银行代扣或手机支付缴纳，欠费超过三个月将暂停供气。" },
  { "供暖费减免政策",
    "低保家庭、特困人员凭相关证明可申请减免供暖费，减免比例为百分之五十。" },
  { "电动自行车上牌登记",
    "购买符合国家标准的电动自行车，车主携带身份证、购车发票和合格证到车管所登记上牌。" },
};

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
on_message (RexianKnowledgeView *v,
            const char          *message)
{
  g_ptr_array_add (messages, g_strdup (message));
}

static gboolean
last_message_contains (gpointer data)
{
  return messages->len > 0
         && strstr (g_ptr_array_index (messages, messages->len - 1), data) != NULL;
}

static gint64
add_article (const char *title,
             const char *body,
             gint64      reviewed_at,
             gint64      expires_at)
{
  g_autoptr(RexianArticle) article = rexian_article_new ();
  g_autoptr(RexianArticle) stored = NULL;
  g_autoptr(GError) error = NULL;

  article->title = g_strdup (title);
  article->body = g_strdup (body);
  article->source_document = g_strdup ("");
  article->document_number = g_strdup ("");
  article->reviewed_at = reviewed_at;
  article->expires_at = expires_at;
  stored = rexian_store_create_article (store, article, 0, &error);
  g_assert_no_error (error);

  return stored->id;
}

/* What the store's own search gives for @query: the titles the list must show. */
static GPtrArray *
expected_titles (const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  found = rexian_store_search_articles (store, query, 0, 0, REXIAN_KNOWLEDGE_SEARCH_NONE, 100,
                                        0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (titles, g_strdup (((RexianArticle *) g_ptr_array_index (found, i))->title));

  return titles;
}

/* The title as a user reads it: the markup without its tags. */
static char *
markup_text (const char *markup)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&text);
}

/* A picture of @widget in the build folder's screenshots/, to look at after a run. */
static void
save_look (GtkWidget  *widget,
           const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  rexian_test_spin (300);
  if (!rexian_test_save_png (widget, path, &error))
    g_test_message ("%s not saved: %s", name, error->message);
}

typedef struct
{
  GPtrArray *expected;
} ResultsWanted;

static gboolean
results_are (gpointer data)
{
  ResultsWanted *wanted = data;
  g_autoptr(GPtrArray) shown = _rexian_knowledge_view_dup_result_markup (view);

  if (shown->len != wanted->expected->len)
    return FALSE;

  for (guint i = 0; i < shown->len; i++)
    {
      g_autofree char *text = markup_text (g_ptr_array_index (shown, i));

      if (!g_str_equal (text, g_ptr_array_index (wanted->expected, i)))
        return FALSE;
    }

  return TRUE;
}

static void
type_query (const char *query)
{
  gtk_editable_set_text (GTK_EDITABLE (view->search_entry), query);
}

static void
assert_query_shows (const char *query,
                    const char *must_include)
{
  g_autoptr(GPtrArray) expected = expected_titles (query);
  g_autoptr(GPtrArray) shown = NULL;
  ResultsWanted wanted = { expected };
  gboolean included = FALSE;

  g_assert_cmpuint (expected->len, >, 0);
  type_query (query);
  g_assert_true (rexian_test_wait_until (results_are, &wanted, WAIT_MS));

  /* Every title that holds the query shows it highlighted. */
  shown = _rexian_knowledge_view_dup_result_markup (view);
  for (guint i = 0; i < shown->len; i++)
    {
      const char *markup = g_ptr_array_index (shown, i);
      g_autofree char *text = markup_text (markup);
      g_autofree char *marked = g_strconcat (HIGHLIGHT, query, "</span>", NULL);

      if (strstr (text, query) != NULL)
        g_assert_nonnull (strstr (markup, marked));
      if (g_str_equal (text, must_include))
        included = TRUE;
    }
  g_assert_true (included);
  g_test_message ("“%s”: %u rows", query, shown->len);
}

static void
test_search (void)
{
  g_autoptr(GPtrArray) expected = NULL;
  ResultsWanted wanted;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "knowledge");
  rexian_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* One character and two (the fallback past the trigram index), then four. */
  assert_query_shows ("气", "燃气开户办理流程");
  assert_query_shows ("燃气", "燃气费缴纳方式");
  assert_query_shows ("燃气开户", "燃气开户办理流程");
  assert_query_shows ("供暖", "供暖费减免政策");

  /* Typed quickly, only the last query's answer is shown. */
  type_query ("电");
  type_query ("电动");
  type_query ("电动自行");
  expected = expected_titles ("电动自行");
  g_assert_cmpuint (expected->len, ==, 1);
  wanted.expected = expected;
  g_assert_true (rexian_test_wait_until (results_are, &wanted, WAIT_MS));
  rexian_test_spin (500);
  g_assert_true (results_are (&wanted));
}

static gboolean
detail_shows (gpointer data)
{
  return view->shown != NULL && g_str_equal (view->shown->title, data);
}

static gboolean
chips_are (gpointer data)
{
  g_autofree char *chips = _rexian_knowledge_view_dup_chip_text (view);

  return g_str_equal (chips, data);
}

static void
test_create_edit_review (void)
{
  RexianArticleDialog *dialog;
  g_autoptr(RexianArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *reviewed_text = NULL;
  ResultsWanted wanted;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (view), "knowledge.new", NULL);
  dialog = REXIAN_ARTICLE_DIALOG (_rexian_knowledge_view_get_last_dialog (view));
  g_assert_nonnull (dialog);
  rexian_test_spin (200);

  /* A date that is not one is refused with the reason, and nothing is saved. */
  _rexian_article_dialog_set_field (dialog, "title", "自来水报装流程");
  _rexian_article_dialog_set_field (dialog, "body",
                                    "新建房屋报装自来水，携带房产证到供水公司营业厅申请。");
  _rexian_article_dialog_set_field (dialog, "number", "晋市水〔2024〕3号");
  _rexian_article_dialog_set_field (dialog, "reviewed", "2020-13-01");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "article.save", NULL);
  g_assert_nonnull (_rexian_article_dialog_get_error (dialog));
  g_assert_nonnull (strstr (_rexian_article_dialog_get_error (dialog), "2020-13-01"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Reviewed long ago: the article comes with the "Review due" chip. */
  _rexian_article_dialog_set_field (dialog, "reviewed", "2020-01-15");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "article.save", NULL);
  g_assert_true (rexian_test_wait_until (detail_shows, (gpointer) "自来水报装流程", WAIT_MS));
  g_assert_true (rexian_test_wait_until (chips_are, (gpointer) rexian_article_staleness_label (
                                                      REXIAN_ARTICLE_REVIEW_DUE), WAIT_MS));
  id = view->shown->id;

  /* Found by the search. */
  type_query ("报装");
  expected = expected_titles ("报装");
  wanted.expected = expected;
  g_assert_true (rexian_test_wait_until (results_are, &wanted, WAIT_MS));

  /* Edited: the new title is in the database file. */
  gtk_widget_activate_action (GTK_WIDGET (view), "knowledge.edit", NULL);
  dialog = REXIAN_ARTICLE_DIALOG (_rexian_knowledge_view_get_last_dialog (view));
  g_assert_nonnull (dialog);
  _rexian_article_dialog_set_field (dialog, "title", "自来水报装办理流程");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "article.save", NULL);
  g_assert_true (rexian_test_wait_until (detail_shows, (gpointer) "自来水报装办理流程", WAIT_MS));
  stored = rexian_store_get_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "自来水报装办理流程");
  g_assert_cmpstr (stored->document_number, ==, "晋市水〔2024〕3号");
  g_clear_pointer (&stored, rexian_article_free);

  /* Marked reviewed: the chip goes and the date is today's. */
  gtk_widget_activate_action (GTK_WIDGET (view), "knowledge.mark-reviewed", NULL);
  g_assert_true (rexian_test_wait_until (chips_are, (gpointer) "", WAIT_MS));
  stored = rexian_store_get_article (store, id, &error);
  g_assert_no_error (error);
  reviewed_text = rexian_article_dialog_format_date (stored->reviewed_at);
  g_assert_cmpstr (reviewed_text, ==, today_text);
}

static void
test_stale_flags (void)
{
  gint64 expired_id = add_article ("旧版供暖收费标准", "已废止的供暖收费标准。", now (),
                                   now () - 86400);
  g_autoptr(GPtrArray) markup = NULL;
  gboolean listed = FALSE;

  /* The "Review due or expired" toggle lists it, with its chip in the detail pane. */
  type_query ("");
  gtk_toggle_button_set_active (view->flagged_toggle, TRUE);
  _rexian_knowledge_view_show_article (view, expired_id);
  g_assert_true (rexian_test_wait_until (chips_are,
                                         (gpointer) rexian_article_staleness_label (
                                           REXIAN_ARTICLE_EXPIRED), WAIT_MS));
  rexian_test_spin (500);
  markup = _rexian_knowledge_view_dup_result_markup (view);
  for (guint i = 0; i < markup->len; i++)
    {
      g_autofree char *text = markup_text (g_ptr_array_index (markup, i));

      g_assert_cmpstr (text, !=, "燃气开户办理流程");
      listed |= g_str_equal (text, "旧版供暖收费标准");
    }
  g_assert_true (listed);
  gtk_toggle_button_set_active (view->flagged_toggle, FALSE);
}

static void
test_import_csv (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "articles.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  ResultsWanted wanted;
  const char *csv =
    "title,body,source_document,document_number,effective_from,expires_at,reviewed_at\r\n"
    "犬只登记办理,\"养犬人携带身份证、犬只免疫证明到公安机关登记，\"\"犬证\"\"每年年检。\","
    "《城市养犬管理规定》,晋市政发〔2023〕7号,2023-05-01,,2026-01-10\r\n"
    "犬只免疫接种点,各区动物防疫站提供狂犬疫苗接种，周一至周五上午开放。,,,,,\r\n";

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);

  _rexian_knowledge_view_import_file (view, file);
  g_assert_true (rexian_test_wait_until (last_message_contains, (gpointer) "2", WAIT_MS));

  type_query ("犬只");
  expected = expected_titles ("犬只");
  g_assert_cmpuint (expected->len, ==, 2);
  wanted.expected = expected;
  g_assert_true (rexian_test_wait_until (results_are, &wanted, WAIT_MS));

  /* Exported as JSON, the imported rows are in the file. */
  {
    g_autofree char *out = g_build_filename (tmpdir, "knowledge.json", NULL);
    g_autoptr(GFile) out_file = g_file_new_for_path (out);
    g_autofree char *contents = NULL;

    _rexian_knowledge_view_export_file (view, out_file);
    g_assert_true (rexian_test_wait_until (last_message_contains, (gpointer) out, WAIT_MS));
    g_file_get_contents (out, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (contents, "\"犬只登记办理\""));
    g_assert_nonnull (strstr (contents, "晋市政发〔2023〕7号"));
  }

  /* A file that is neither CSV nor JSON is refused with a reason. */
  {
    g_autofree char *bad = g_build_filename (tmpdir, "articles.txt", NULL);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

    g_file_set_contents (bad, "title\r\nx\r\n", -1, &error);
    g_assert_no_error (error);
    _rexian_knowledge_view_import_file (view, bad_file);
    g_assert_true (rexian_test_wait_until (last_message_contains, (gpointer) ".json", WAIT_MS));
  }
}

static gboolean
points_listed (gpointer data)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (view->hall_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_PREFERENCES_ROW (row)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), data) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_service_points (void)
{
  RexianServicePointDialog *dialog;
  GtkWidget *row = NULL;
  GtkWidget *call;

  gtk_stack_set_visible_child_name (view->pages, "points");
  gtk_widget_activate_action (GTK_WIDGET (view), "knowledge.new", NULL);
  dialog = REXIAN_SERVICE_POINT_DIALOG (_rexian_knowledge_view_get_last_dialog (view));
  g_assert_nonnull (dialog);
  _rexian_service_point_dialog_set_field (dialog, "name", "城区政务服务大厅");
  _rexian_service_point_dialog_set_field (dialog, "hours", "周一至周五 9:00-17:00");
  _rexian_service_point_dialog_set_field (dialog, "phone", "0356-2222333");
  _rexian_service_point_dialog_set_field (dialog, "address", "凤台东街1号");
  _rexian_service_point_dialog_set_field (dialog, "kind", "hall");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "point.save", NULL);
  g_assert_true (rexian_test_wait_until (points_listed, (gpointer) "城区政务服务大厅", WAIT_MS));

  for (row = gtk_widget_get_first_child (GTK_WIDGET (view->hall_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     "城区政务服务大厅") == 0)
        break;
    }
  g_assert_nonnull (row);
  call = g_object_get_data (G_OBJECT (row), "call-button");
  g_assert_nonnull (call);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (call)), ==, "0356-2222333");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (call)), ==, "app.call-number");
  save_look (GTK_WIDGET (window), "knowledge-points.png");

  gtk_stack_set_visible_child_name (view->pages, "articles");
}

static gboolean
suggestion_shown (gpointer data)
{
  RexianOrderEditor *editor = data;
  g_autoptr(GPtrArray) titles = _rexian_order_editor_dup_suggested_titles (editor);

  return titles->len > 0 && g_str_equal (g_ptr_array_index (titles, 0), "燃气开户办理流程");
}

static gboolean
order_closed (gpointer data)
{
  RexianOrderEditor *editor = data;
  RexianWorkOrder *order = _rexian_order_editor_get_order (editor);

  return order != NULL && !_rexian_order_editor_is_busy (editor)
         && rexian_work_order_get_state (order) == REXIAN_STATE_CLOSED;
}

static void
test_intake_suggestion (void)
{
  RexianOrderEditor *editor;
  GtkWidget *row;
  GtkWindow *dialog;
  g_autoptr(RexianStore) reader = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  gint64 article_id = 0;
  gint64 order_id;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-order", NULL);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);
  rexian_test_spin (300);

  gtk_editable_set_text (GTK_EDITABLE (editor->phone_row), "13803561234");
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "咨询新房燃气开户");
  rexian_text_view_set_text (editor->request_view, "我家新房想开通燃气，问燃气开户要带什么材料。");
  g_assert_true (rexian_test_wait_until (suggestion_shown, editor, WAIT_MS));
  {
    GtkWidget *content = gtk_scrolled_window_get_child (editor->scrolled_window);
    graphene_rect_t bounds;

    /* Left in the build folder to look at, scrolled to the suggestions. */
    rexian_test_spin (300);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (editor->suggestion_group), content,
                                              &bounds));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (editor->scrolled_window),
                              bounds.origin.y - 200);
    save_look (GTK_WIDGET (editor), "knowledge-intake.png");
  }

  /* The agent opens the suggestion and answers from it. */
  row = gtk_widget_get_first_child (GTK_WIDGET (editor->suggestion_list));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  dialog = _rexian_order_editor_get_article_dialog (editor);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "燃气开户办理流程");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "answer"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "answer");

  g_assert_true (rexian_test_wait_until (order_closed, editor, WAIT_MS));
  order_id = rexian_work_order_get_id (_rexian_order_editor_get_order (editor));

  /* Read back from the database file, as another seat would. */
  reader = rexian_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (rexian_store_get_order_answer_article (reader, order_id, &article_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (article_id, !=, 0);
  {
    g_autoptr(RexianArticle) article = rexian_store_get_article (reader, article_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (article->title, ==, "燃气开户办理流程");
  }
  order = rexian_store_get_order (reader, order_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_CLOSED);
  result = rexian_text_view_dup_text (editor->answer_view);
  g_assert_nonnull (strstr (result, "燃气开户办理流程"));

  /* The closed order says which article answered it. */
  titles = _rexian_order_editor_dup_suggested_titles (editor);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "燃气开户办理流程");

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_narrow (void)
{
  int min_width = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "knowledge");
  rexian_test_spin (800);

  /* Folded: the list first, the article alone once chosen, and back. */
  g_assert_true (adw_leaflet_get_folded (view->leaflet));
  _rexian_knowledge_view_show_article (view, view->shown != NULL ? view->shown->id : 0);
  adw_leaflet_set_visible_child (view->leaflet, view->detail_pane);
  rexian_test_spin (500);
  g_assert_true (gtk_widget_get_child_visible (view->detail_pane));
  g_assert_false (gtk_widget_get_child_visible (view->list_pane));
  save_look (GTK_WIDGET (window), "knowledge-narrow.png");

  /* Nothing of the view asks for more than a phone's 360 pixels.  (The window as a
   * whole also carries the other views and the view switcher.) */
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  g_test_message ("the knowledge view needs %d pixels", min_width);
  g_assert_cmpint (min_width, <=, 360);

  adw_leaflet_navigate (view->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  rexian_test_spin (500);
  g_assert_true (gtk_widget_get_child_visible (view->list_pane));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("rexian-knowledge-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);
  messages = g_ptr_array_new_with_free_func (g_free);

  app = rexian_test_app_start (db_path, 1400, 900, &window);
  store = rexian_application_get_store (app);
  view = REXIAN_KNOWLEDGE_VIEW (adw_view_stack_get_child_by_name (window->stack, "knowledge"));
  g_assert_nonnull (view);
  g_signal_connect (view, "message", G_CALLBACK (on_message), NULL);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    add_article (articles[i].title, articles[i].body, now (), 0);

  g_test_add_func ("/ui/knowledge/search", test_search);
  g_test_add_func ("/ui/knowledge/create-edit-review", test_create_edit_review);
  g_test_add_func ("/ui/knowledge/stale-flags", test_stale_flags);
  g_test_add_func ("/ui/knowledge/import-csv", test_import_csv);
  g_test_add_func ("/ui/knowledge/service-points", test_service_points);
  g_test_add_func ("/ui/knowledge/intake-suggestion", test_intake_suggestion);
  g_test_add_func ("/ui/knowledge/narrow", test_narrow);

  ret = g_test_run ();

  rexian_test_app_stop (&app, window);
  g_ptr_array_unref (messages);

  /* What the test wrote, and SQLite's files beside the database. */
  for (const char *const *name = (const char *const[]) { "rexian.db", "rexian.db-wal",
                                                         "rexian.db-shm", "articles.csv",
                                                         "articles.txt", "knowledge.json",
                                                         NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (tmpdir, *name, NULL);

      g_remove (path);
    }
  g_rmdir (tmpdir);
  return ret;
}
