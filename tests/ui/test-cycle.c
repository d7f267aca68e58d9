/* test-cycle.c: one work order's whole handling cycle in the real window under Xvfb, as
 * the agents would take it: intake with a suggested article, dispatch, a reply refused
 * for a forbidden phrase and rephrased, follow-up with a sampling plan, a dissatisfied
 * visit and re-handling, a second reply, a satisfied visit, closure, the archive, the
 * timeline, and the printed 转办单.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rexian-archive-view-private.h"
#include "rexian-followup-view.h"
#include "rexian-order-editor-private.h"
#include "rexian-reply-check.h"
#include "rexian-sampling-dialog.h"
#include "rexian-sampling.h"
#include "rexian-store-supervision.h"
#include "rexian-test-peers.h"
#include "rexian-transition-dialog-private.h"
#include "rexian-ui-util.h"
#include "rexian-visit-dialog.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

/* The cases run in order on one window and one database (the sample data), each going
 * on from where the one before left the order.  A loaded machine may take its time:
 * conditions are waited for, never slept on. */
#define WAIT_MS 30000

#define CALLER     "王丽华"
#define PHONE      "13935601234"
#define ADDRESS    "城区凤台街道书院街18号"
#define SUMMARY    "社保卡丢失补办咨询"
#define REQUEST    "我的社保卡丢失了，想问社保卡补办和挂失怎么办理，要多久能拿到新卡。"
#define ARTICLE    "社保卡补办和挂失"
#define CATEGORY   "劳动社保"
#define DEPARTMENT "市人力资源和社会保障局"
#define OPINION    "请核实来电人社保卡挂失情况，协助补办并答复来电人。"
#define REFUSED    "这个问题我不清楚，应该去银行问。"
#define REPLY_1    "经核实，已为来电人办理社保卡挂失，新卡将于15个工作日内在合作银行网点领取。"
#define REASON     "等了二十天仍未拿到新卡，银行说没有收到制卡信息。"
#define REPLY_2    "经与合作银行核实，制卡信息已重新推送，新卡已于今日制成，来电人已领取。"
#define SEED       20261123

static RexianApplication *app;
static RexianWindow *window;
static RexianOrderEditor *editor;
static const char *rexian_bin;
static char *tmpdir;
static char *db_path;
static char *shots_dir;
static gint64 order_id;
static char *order_number;
static gint64 department_id;
static gint64 category_id;

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

/* Reading the database file back */

static gint64
query_int (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, order_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* The order as another seat reads it, on its own connection. */
static RexianWorkOrder *
read_back (void)
{
  g_autoptr(RexianStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *order;

  reader = rexian_store_open (db_path, &error);
  g_assert_no_error (error);
  order = rexian_store_get_order (reader, order_id, &error);
  g_assert_no_error (error);

  return order;
}

/* Widgets as the user finds them */

static void
save_look (GtkWidget  *widget,
           const char *name)
{
  g_autofree char *path = g_build_filename (shots_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  rexian_test_spin (300);
  if (!rexian_test_save_png (widget, path, &error))
    g_test_message ("%s not saved: %s", name, error->message);
  else
    g_test_message ("Saved %s", path);
}

/* The first visible widget under @widget (itself included) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *widget, const char *data),
             const char *data)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_sensitive (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_text_view_holding (GtkWidget  *widget,
                      const char *text)
{
  g_autofree char *contents = NULL;

  if (!GTK_IS_TEXT_VIEW (widget))
    return FALSE;
  contents = rexian_text_view_dup_text (GTK_TEXT_VIEW (widget));
  return g_strcmp0 (contents, text) == 0;
}

static gboolean
is_spin_button (GtkWidget  *widget,
                const char *data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

/* The visible, sensitive button under @widget labelled @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return find_widget (widget, is_button_labelled, label);
}

static gboolean
editor_offers (gpointer data)
{
  return !_rexian_order_editor_is_busy (editor)
         && find_button (GTK_WIDGET (editor->action_box), data) != NULL;
}

/* Clicks the editor's button for @action, once the editor offers it. */
static void
click_action (RexianAction action)
{
  const char *label = rexian_action_get_label (action);

  if (!rexian_test_wait_until (editor_offers, (gpointer) label, WAIT_MS))
    g_error ("The editor offers no “%s” button", label);
  gtk_widget_activate (find_button (GTK_WIDGET (editor->action_box), label));
}

static gboolean
editor_state_is (gpointer data)
{
  RexianWorkOrder *order = _rexian_order_editor_get_order (editor);

  return order != NULL && !_rexian_order_editor_is_busy (editor)
         && rexian_work_order_get_state (order) == (RexianState) GPOINTER_TO_INT (data);
}

static void
wait_for_state (RexianState state)
{
  if (!rexian_test_wait_until (editor_state_is, GINT_TO_POINTER (state), WAIT_MS))
    g_error ("The editor shows the order as “%s”, not “%s” (message: %s)",
             _rexian_order_editor_get_order (editor) != NULL
             ? rexian_state_get_label (rexian_work_order_get_state (
                                         _rexian_order_editor_get_order (editor)))
             : "not saved",
             rexian_state_get_label (state),
             _rexian_order_editor_get_message (editor));
}

static RexianTransitionDialog *
find_transition_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (REXIAN_IS_TRANSITION_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Whether a transition dialog is shown, as @data (TRUE or FALSE) wants. */
static gboolean
transition_dialog_shown (gpointer data)
{
  return (find_transition_dialog () != NULL) == GPOINTER_TO_INT (data);
}

static gboolean
transition_dialog_settled (gpointer data)
{
  return !_rexian_transition_dialog_is_busy (data);
}

static RexianTransitionDialog *
wait_for_transition_dialog (void)
{
  g_assert_true (rexian_test_wait_until (transition_dialog_shown, GINT_TO_POINTER (TRUE), WAIT_MS));
  rexian_test_spin (100);
  return find_transition_dialog ();
}

/* The texts of the labels under @widget, joined with "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static gboolean
toast_contains (gpointer data)
{
  const char *toast = _rexian_window_get_last_toast (window);

  return toast != NULL && strstr (toast, data) != NULL;
}

/* 1. Intake */

static gboolean
article_suggested (gpointer data)
{
  g_autoptr(GPtrArray) titles = _rexian_order_editor_dup_suggested_titles (editor);

  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), ARTICLE))
      return TRUE;

  return FALSE;
}

static void
select_category (const char *name)
{
  GListModel *model = adw_combo_row_get_model (editor->category_row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
        {
          adw_combo_row_set_selected (editor->category_row, i);
          return;
        }
    }

  g_error ("No category “%s” in the intake form", name);
}

static void
test_intake (void)
{
  g_autoptr(GPtrArray) titles = NULL;
  GtkWidget *content;
  graphene_rect_t bounds;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-order", NULL);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);
  /* The test keeps its own reference: the editor is used across the cases. */
  g_object_ref (editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 900, 1000);
  rexian_test_spin (300);

  gtk_editable_set_text (GTK_EDITABLE (editor->caller_name_row), CALLER);
  gtk_editable_set_text (GTK_EDITABLE (editor->phone_row), PHONE);
  gtk_editable_set_text (GTK_EDITABLE (editor->address_row), ADDRESS);
  select_category (CATEGORY);
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), SUMMARY);
  rexian_text_view_set_text (editor->request_view, REQUEST);

  /* The article that answers the question is suggested while the agent types. */
  g_assert_true (rexian_test_wait_until (article_suggested, NULL, WAIT_MS));
  titles = _rexian_order_editor_dup_suggested_titles (editor);
  g_test_message ("%u articles suggested, the first “%s”", titles->len,
                  (char *) g_ptr_array_index (titles, 0));

  content = gtk_scrolled_window_get_child (editor->scrolled_window);
  rexian_test_spin (300);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (editor->suggestion_group), content,
                                            &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (editor->scrolled_window),
                            bounds.origin.y - 200);
  save_look (GTK_WIDGET (editor), "cycle-1-intake.png");
}

/* 2. Submitted, then dispatched through the transition dialog */

static gint64
department_named (const char *name)
{
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (store (), NULL);

  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      RexianDepartment *department = g_ptr_array_index (departments, i);

      if (g_str_equal (department->name, name))
        return department->id;
    }

  g_error ("No department “%s” in the sample data", name);
}

static void
test_dispatch (void)
{
  GtkWidget *days;
  g_autoptr(RexianWorkOrder) stored = NULL;
  RexianTransitionDialog *dialog;
  RexianWorkOrder *order;

  /* The agent cannot answer on the spot: the request goes for dispatch. */
  gtk_widget_activate (find_button (GTK_WIDGET (editor->action_box), _("Save and Submit")));
  wait_for_state (REXIAN_STATE_PENDING_DISPATCH);
  order = _rexian_order_editor_get_order (editor);
  order_id = rexian_work_order_get_id (order);
  order_number = g_strdup (rexian_work_order_get_number (order));
  category_id = rexian_work_order_get_category_id (order);
  g_test_message ("order %s", order_number);
  g_assert_cmpint (category_id, >, 0);

  /* Dispatched to the lead department with five working days to handle it. */
  department_id = department_named (DEPARTMENT);
  click_action (REXIAN_ACTION_DISPATCH);
  dialog = wait_for_transition_dialog ();
  g_assert_true (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_LEAD_DEPARTMENT));
  _rexian_transition_dialog_select_lead_department (dialog, department_id);
  _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_TRANSFER_OPINION, OPINION);
  /* The only number the dispatch asks for: the handling days. */
  days = find_widget (GTK_WIDGET (dialog), is_spin_button, NULL);
  g_assert_nonnull (days);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (days), 5);
  save_look (GTK_WIDGET (dialog), "cycle-2-dispatch.png");
  g_assert_true (_rexian_transition_dialog_can_apply (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (transition_dialog_shown, GINT_TO_POINTER (FALSE),
                                         WAIT_MS));
  wait_for_state (REXIAN_STATE_IN_PROGRESS);

  stored = read_back ();
  g_assert_cmpint (rexian_work_order_get_lead_department_id (stored), ==, department_id);
  g_assert_cmpstr (rexian_work_order_get_transfer_opinion (stored), ==, OPINION);
  g_assert_cmpint (rexian_work_order_get_dispatched_at (stored), >, 0);
  /* Five working days are at least five days, and no more than a fortnight. */
  g_assert_cmpint (rexian_work_order_get_deadline (stored) - rexian_work_order_get_dispatched_at (
                     stored), >=, 5 * 86400 - 86400);
  g_assert_cmpint (rexian_work_order_get_deadline (stored) - rexian_work_order_get_dispatched_at (
                     stored), <=, 15 * 86400);
}

/* 3. The reply, refused for a forbidden phrase, then accepted */

static void
reply (const char *refused,
       const char *accepted,
       const char *shot)
{
  RexianTransitionDialog *dialog;
  GtkTextView *view;
  const char *error;

  click_action (REXIAN_ACTION_REPLY);
  dialog = wait_for_transition_dialog ();
  g_object_ref (dialog);

  if (refused != NULL)
    {
      g_autoptr(RexianWorkOrder) stored = NULL;

      _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_HANDLING_RESULT, refused);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
      g_assert_true (rexian_test_wait_until (transition_dialog_settled, dialog, WAIT_MS));

      /* Refused with the phrase named and marked; the text stays; nothing is saved. */
      error = _rexian_transition_dialog_get_error (dialog);
      g_assert_nonnull (error);
      g_test_message ("refused: %s", error);
      g_assert_nonnull (strstr (error, "不清楚"));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
      view = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), is_text_view_holding, refused));
      g_assert_nonnull (view);
      g_assert_cmpuint (rexian_reply_check_count_highlights (view), >=, 1);
      save_look (GTK_WIDGET (dialog), shot);
      stored = read_back ();
      g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_IN_PROGRESS);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), accepted, -1);
      g_assert_cmpuint (rexian_reply_check_count_highlights (view), ==, 0);
    }
  else
    {
      _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_HANDLING_RESULT, accepted);
    }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (transition_dialog_shown, GINT_TO_POINTER (FALSE),
                                         WAIT_MS));
  g_object_unref (dialog);
  wait_for_state (REXIAN_STATE_REPLIED);
}

static void
test_reply (void)
{
  g_autoptr(RexianWorkOrder) stored = NULL;

  reply (REFUSED, REPLY_1, "cycle-3-reply-refused.png");
  stored = read_back ();
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_REPLIED);
  g_assert_cmpstr (rexian_work_order_get_handling_result (stored), ==, REPLY_1);
}

/* 4. Follow-up, and a sampling plan drawn twice with one seed */

static RexianFollowupView *
followup_view (void)
{
  return REXIAN_FOLLOWUP_VIEW (adw_view_stack_get_child_by_name (window->stack, "followup"));
}

static gboolean
queue_has_order (gpointer data)
{
  GPtrArray *items = _rexian_followup_view_get_items (followup_view ());

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (((RexianFollowupItem *) g_ptr_array_index (items, i))->order_id == order_id)
      return GPOINTER_TO_INT (data);

  return items != NULL && !GPOINTER_TO_INT (data);
}

static gboolean
followup_dialog_gone (gpointer data)
{
  return _rexian_followup_view_get_last_dialog (followup_view ()) == NULL;
}

static void
start_follow_up (void)
{
  click_action (REXIAN_ACTION_START_FOLLOW_UP);
  wait_for_state (REXIAN_STATE_FOLLOW_UP);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "followup");
  if (!rexian_test_wait_until (queue_has_order, GINT_TO_POINTER (TRUE), WAIT_MS))
    g_error ("Order %s is not in the follow-up queue", order_number);
}

static gboolean
sample_drawn (gpointer data)
{
  GArray *drawn = _rexian_sampling_dialog_get_drawn (data);

  return drawn != NULL && drawn->len > 0;
}

/* Draws with the fixed seed over the year so far in the dialog, saves, and returns the
 * drawn orders. */
static GArray *
plan_sampling (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *from = g_date_time_format (today, "%Y-01-01");
  g_autofree char *to = g_date_time_format (today, "%Y-%m-%d");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RexianSamplingDialog *dialog;
  GArray *drawn;

  gtk_widget_activate_action (GTK_WIDGET (followup_view ()), "followup.plan", NULL);
  dialog = REXIAN_SAMPLING_DIALOG (_rexian_followup_view_get_last_dialog (followup_view ()));
  g_assert_nonnull (dialog);
  _rexian_sampling_dialog_set_values (dialog, from, to, 30, SEED);
  g_assert_true (rexian_test_wait_until (sample_drawn, dialog, WAIT_MS));

  drawn = _rexian_sampling_dialog_get_drawn (dialog);
  for (guint i = 0; i < drawn->len; i++)
    g_array_append_val (ids, g_array_index (drawn, RexianSampleCandidate, i).order_id);
  save_look (GTK_WIDGET (dialog), "cycle-4-sampling.png");

  _rexian_sampling_dialog_save (dialog);
  g_assert_true (rexian_test_wait_until (followup_dialog_gone, NULL, WAIT_MS));

  return ids;
}

static void
test_follow_up (void)
{
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;

  start_follow_up ();
  save_look (GTK_WIDGET (window), "cycle-4-followup-queue.png");

  /* The same seed over the same period draws the same orders, in the same order. */
  first = plan_sampling ();
  second = plan_sampling ();
  g_test_message ("%u closed orders drawn", first->len);
  g_assert_cmpuint (first->len, >, 0);
  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpint (g_array_index (first, gint64, i), ==, g_array_index (second, gint64, i));
  g_assert_cmpint (query_int ("SELECT count (*) FROM followup_plans WHERE seed = 20261123"
                              " AND ?1 > 0"), ==, 2);
  /* Our order is in follow-up, not closed: it is not among the drawn. */
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpint (g_array_index (first, gint64, i), !=, order_id);
}

/* 5. A dissatisfied visit: back to the department */

static void
visit (gboolean            reached,
       RexianSatisfaction  process,
       RexianSatisfaction  result,
       const char         *reason,
       const char         *shot)
{
  RexianVisitDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (followup_view ()), "followup.record", "x", order_id);
  dialog = REXIAN_VISIT_DIALOG (_rexian_followup_view_get_last_dialog (followup_view ()));
  g_assert_true (REXIAN_IS_VISIT_DIALOG (dialog));
  rexian_test_spin (100);
  _rexian_visit_dialog_set_answers (dialog, reached, process, result, reason);
  if (shot != NULL)
    save_look (GTK_WIDGET (dialog), shot);
  _rexian_visit_dialog_save (dialog);
  if (!rexian_test_wait_until (followup_dialog_gone, NULL, WAIT_MS))
    g_error ("The visit was not saved: %s", _rexian_visit_dialog_get_error (dialog));
  g_assert_true (rexian_test_wait_until (queue_has_order, GINT_TO_POINTER (FALSE), WAIT_MS));
}

static void
on_supervised (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (rexian_store_supervise_causes_finish (REXIAN_STORE (object), result, &count,
                                                       &error));
  g_assert_no_error (error);
  g_test_message ("the supervision pass took %u orders", count);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_dissatisfied (void)
{
  g_autoptr(RexianWorkOrder) stored = NULL;
  RexianSupervisionPolicy policy;
  gboolean supervised = FALSE;

  visit (TRUE, REXIAN_SATISFACTION_DISSATISFIED, REXIAN_SATISFACTION_DISSATISFIED, REASON,
         "cycle-5-visit-dissatisfied.png");

  /* Back at the department it came from, counted as re-handled, with the toast. */
  wait_for_state (REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (rexian_work_order_get_rehandle_count (_rexian_order_editor_get_order (editor)),
                   ==, 1);
  g_assert_true (rexian_test_wait_until (toast_contains, (gpointer) DEPARTMENT, WAIT_MS));
  stored = read_back ();
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (rexian_work_order_get_rehandle_count (stored), ==, 1);
  g_assert_cmpint (rexian_work_order_get_lead_department_id (stored), ==, department_id);
  g_assert_cmpint (query_int ("SELECT count (*) FROM order_events WHERE order_id = ?1"
                              " AND action = 'rehandle' AND reason = '" REASON "'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count (*) FROM followup_attempts WHERE order_id = ?1"
                              " AND reached = 1 AND process = 'dissatisfied'"
                              " AND result = 'dissatisfied'"), ==, 1);

  /* The alert monitor's automatic supervision pass of the five cases (it runs every
   * minute; here at once, with the default policy) puts the dissatisfied caller's order
   * under supervision. */
  rexian_supervision_policy_init_default (&policy);
  rexian_store_supervise_causes_async (store (), &policy, NULL, on_supervised, &supervised);
  g_assert_true (rexian_test_wait_until (flag_set, &supervised, WAIT_MS));
  g_assert_cmpint (query_int ("SELECT count (*) FROM supervision_records WHERE order_id = ?1"
                              " AND cause = 'dissatisfied'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT supervised FROM work_orders WHERE id = ?1"), ==, 1);
}

/* 6. Replied again, followed up again: satisfied, closed */

static void
test_closed (void)
{
  g_autoptr(RexianWorkOrder) stored = NULL;

  reply (NULL, REPLY_2, NULL);
  start_follow_up ();
  visit (TRUE, REXIAN_SATISFACTION_SATISFIED, REXIAN_SATISFACTION_BASICALLY, NULL,
         "cycle-6-visit-satisfied.png");
  wait_for_state (REXIAN_STATE_CLOSED);

  stored = read_back ();
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_work_order_get_followup_process (stored), ==,
                   REXIAN_SATISFACTION_SATISFIED);
  g_assert_cmpint (rexian_work_order_get_followup_result (stored), ==,
                   REXIAN_SATISFACTION_BASICALLY);
  g_assert_cmpstr (rexian_work_order_get_handling_result (stored), ==, REPLY_2);
  g_assert_cmpint (rexian_work_order_get_closed_at (stored), >, 0);
}

/* 7. The archive */

static RexianArchiveView *
archive_view (void)
{
  return REXIAN_ARCHIVE_VIEW (adw_view_stack_get_child_by_name (window->stack, "archive"));
}

/* Where the order is filed: the year, month, category and department node titles, and
 * the department node's position in the catalogue (its parents opened), or -1. */
static int
find_filed_node (GPtrArray *titles)
{
  RexianArchiveView *view = archive_view ();
  g_autoptr(RexianWorkOrder) stored = read_back ();
  g_autoptr(GDateTime) closed = g_date_time_new_from_unix_local (
    rexian_work_order_get_closed_at (stored));
  GListModel *rows;

  if (view->tree == NULL || view->loading)
    return -1;

  rows = G_LIST_MODEL (view->tree);
  g_ptr_array_set_size (titles, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RexianStoreArchiveNode) node = gtk_tree_list_row_get_item (row);
      guint depth = rexian_store_archive_node_get_depth (node);
      gboolean ours = depth == 0
                      || (rexian_store_archive_node_get_year (node)
                          == g_date_time_get_year (closed)
                          && (depth < 2 || rexian_store_archive_node_get_month (node)
                              == g_date_time_get_month (closed))
                          && (depth < 3 || rexian_store_archive_node_get_category_id (node)
                              == category_id)
                          && (depth < 4 || rexian_store_archive_node_get_department_id (node)
                              == department_id));

      if (!ours)
        continue;

      if (depth > 0)
        g_ptr_array_add (titles, _rexian_archive_view_node_title (node));
      if (depth == 4)
        return (int) i;
      gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return -1;
}

static gboolean
filed_node_shown (gpointer data)
{
  return find_filed_node (data) >= 0;
}

static GtkListBoxRow *
entry_row_of_order (void)
{
  RexianArchiveView *view = archive_view ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (view->entry_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_PREFERENCES_ROW (row)
          && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                               order_number))
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

static gboolean
entry_listed (gpointer data)
{
  return entry_row_of_order () != NULL;
}

static gboolean
editor_shows_archived (gpointer data)
{
  RexianOrderEditor *archived = data;

  return archived->order != NULL
         && rexian_work_order_get_state (archived->order) == REXIAN_STATE_ARCHIVED;
}

static RexianOrderEditor *archived_editor;

static void
test_archive (void)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) stored = NULL;
  g_autoptr(GString) labels = g_string_new ("|");
  g_autofree char *row_text = NULL;
  GtkListBoxRow *row;
  int position;

  /* Archived from the board: the card's move to the Archived column. */
  order = g_object_ref (_rexian_order_editor_get_order (editor));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
  _rexian_window_request_move (window, order, REXIAN_STATE_ARCHIVED);
  wait_for_state (REXIAN_STATE_ARCHIVED);
  stored = read_back ();
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_ARCHIVED);
  g_assert_cmpint (rexian_work_order_get_archived_at (stored), >, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_object (&editor);

  /* The catalogue files it under the year and month it was closed, its category and
   * its department. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "archive");
  if (!rexian_test_wait_until (filed_node_shown, titles, WAIT_MS))
    g_error ("Order %s is not filed in the catalogue", order_number);
  g_assert_cmpuint (titles->len, ==, 4);
  g_test_message ("filed under %s / %s / %s / %s", (char *) titles->pdata[0],
                  (char *) titles->pdata[1], (char *) titles->pdata[2],
                  (char *) titles->pdata[3]);
  g_assert_nonnull (strstr (titles->pdata[2], CATEGORY));
  g_assert_nonnull (strstr (titles->pdata[3], DEPARTMENT));
  rexian_test_spin (300);
  collect_labels (GTK_WIDGET (archive_view ()->catalogue_view), labels);
  for (guint i = 0; i < titles->len; i++)
    g_assert_nonnull (strstr (labels->str, titles->pdata[i]));

  position = find_filed_node (titles);
  g_signal_emit_by_name (archive_view ()->catalogue_view, "activate", (guint) position);
  g_assert_true (rexian_test_wait_until (entry_listed, NULL, WAIT_MS));
  row = entry_row_of_order ();
  row_text = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (strstr (row_text, SUMMARY));
  save_look (GTK_WIDGET (window), "cycle-7-archive.png");

  /* Opened from the archive, the order is read-only. */
  g_signal_emit_by_name (archive_view ()->entry_list, "row-activated", row);
  archived_editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (archived_editor);
  g_object_ref (archived_editor);
  gtk_window_set_default_size (GTK_WINDOW (archived_editor), 900, 1000);
  g_assert_true (rexian_test_wait_until (editor_shows_archived, archived_editor, WAIT_MS));
  rexian_test_spin (300);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (archived_editor->save_button)));
  g_assert_cmpstr (gtk_label_get_text (archived_editor->status_note_label), ==,
                   _("Archived orders are read-only."));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (archived_editor->summary_row)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (archived_editor->caller_name_row)));
}

/* 8. The timeline */

typedef struct
{
  RexianAction action;
  RexianState  from;   /* -1: none */
  RexianState  to;
  const char  *reason;
} Step;

static void
test_timeline (void)
{
  const Step steps[] = {
    { REXIAN_ACTION_CREATE, -1, REXIAN_STATE_INTAKE, NULL },
    { REXIAN_ACTION_SUBMIT, REXIAN_STATE_INTAKE, REXIAN_STATE_PENDING_DISPATCH, NULL },
    { REXIAN_ACTION_DISPATCH, REXIAN_STATE_PENDING_DISPATCH, REXIAN_STATE_IN_PROGRESS, NULL },
    { REXIAN_ACTION_REPLY, REXIAN_STATE_IN_PROGRESS, REXIAN_STATE_REPLIED, NULL },
    { REXIAN_ACTION_START_FOLLOW_UP, REXIAN_STATE_REPLIED, REXIAN_STATE_FOLLOW_UP, NULL },
    { REXIAN_ACTION_REHANDLE, REXIAN_STATE_FOLLOW_UP, REXIAN_STATE_IN_PROGRESS, REASON },
    { REXIAN_ACTION_SUPERVISE, REXIAN_STATE_IN_PROGRESS, REXIAN_STATE_IN_PROGRESS, NULL },
    { REXIAN_ACTION_REPLY, REXIAN_STATE_IN_PROGRESS, REXIAN_STATE_REPLIED, NULL },
    { REXIAN_ACTION_START_FOLLOW_UP, REXIAN_STATE_REPLIED, REXIAN_STATE_FOLLOW_UP, NULL },
    { REXIAN_ACTION_CLOSE, REXIAN_STATE_FOLLOW_UP, REXIAN_STATE_CLOSED, NULL },
    { REXIAN_ACTION_ARCHIVE, REXIAN_STATE_CLOSED, REXIAN_STATE_ARCHIVED, NULL },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *content;
  graphene_rect_t bounds;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (archived_editor->timeline_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GString *text = g_string_new ("|");

      collect_labels (row, text);
      g_test_message ("timeline: %s", text->str);
      g_ptr_array_add (rows, g_string_free (text, FALSE));
    }

  /* Every step, in order, as the user reads it: the action, the states, the reason. */
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const char *text = g_ptr_array_index (rows, i);
      g_autofree char *heading = g_strdup_printf ("|%s · ",
                                                  rexian_action_get_label (steps[i].action));
      g_autofree char *states = NULL;

      g_assert_true (g_str_has_prefix (text, heading));
      if ((int) steps[i].from < 0)
        states = g_strdup_printf ("|→ %s|", rexian_state_get_label (steps[i].to));
      else if (steps[i].from != steps[i].to)
        states = g_strdup_printf ("|%s → %s|", rexian_state_get_label (steps[i].from),
                                  rexian_state_get_label (steps[i].to));
      if (states != NULL)
        g_assert_nonnull (strstr (text, states));
      if (steps[i].reason != NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("Reason: %s"), steps[i].reason);

          g_assert_nonnull (strstr (text, reason));
        }
    }

  content = gtk_scrolled_window_get_child (archived_editor->scrolled_window);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (archived_editor->timeline_group), content,
                                            &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (archived_editor->scrolled_window),
                            bounds.origin.y - 12);
  save_look (GTK_WIDGET (archived_editor), "cycle-8-timeline.png");

  gtk_window_destroy (GTK_WINDOW (archived_editor));
  g_clear_object (&archived_editor);
}

/* 9. The printed 转办单 */

static char *
run_text (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  /* The form in the standard's own Chinese words. */
  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANG", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  g_spawn_sync (tmpdir, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

static void
test_transfer_form (void)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "transfer.pdf", NULL);
  const char *form[] = { rexian_bin, "form", "--database", db_path, "--kind", "transfer",
                         "--order", order_number, "--output", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = run_text (form);
  g_autofree char *text = NULL;
  GString *flat = g_string_new (NULL);
  g_autofree char *flat_text = NULL;

  g_assert_cmpstr (out, ==, "");
  text = run_text (text_argv);
  /* Values wrapped inside their cells read whole with the spaces and breaks taken out. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (flat, *p);
  flat_text = g_string_free (flat, FALSE);
  g_test_message ("%s", text);

  for (const char *const *expected = (const char *const[]) {
         "转办单", order_number, CALLER, PHONE, ADDRESS, DEPARTMENT, "办理情况", REPLY_2,
         "回访情况", "基本满意", NULL };
       *expected != NULL; expected++)
    {
      if (strstr (flat_text, *expected) == NULL)
        g_error ("The 转办单 lacks “%s”", *expected);
    }
  /* 回访情况 holds both answers of the last visit, in the standard's words (pdftotext
   * reads a cell's value before its label, so they are looked for as lines). */
  g_assert_nonnull (strstr (text, "办理过程满意度：满意\n"));
  g_assert_nonnull (strstr (text, "办理结果满意度：基本满意\n"));
  g_assert_null (strstr (flat_text, "不满意"));

  /* The first page, for a person to look at. */
  {
    g_autofree char *prefix = g_build_filename (shots_dir, "cycle-9-transfer", NULL);
    const char *render[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                             "-singlefile", pdf, prefix, NULL };
    g_autofree char *ignored = run_text (render);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The window in English (the source strings, asserted as they are), the printed form
   * in Chinese, as the standard words it. */
  g_setenv ("LANGUAGE", "en", TRUE);
  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("Usage: %s REXIAN", argv[0]);
  rexian_bin = argv[1];
  gtk_init ();
  adw_init ();

  tmpdir = rexian_test_make_dir ("rexian-cycle");
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);
  shots_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_mkdir_with_parents (shots_dir, 0755);

  app = rexian_test_app_start (db_path, 1400, 900, &window);
  gtk_window_present (GTK_WINDOW (window));
  rexian_test_spin (300);

  g_test_add_func ("/ui/cycle/1-intake", test_intake);
  g_test_add_func ("/ui/cycle/2-dispatch", test_dispatch);
  g_test_add_func ("/ui/cycle/3-reply", test_reply);
  g_test_add_func ("/ui/cycle/4-follow-up", test_follow_up);
  g_test_add_func ("/ui/cycle/5-dissatisfied", test_dissatisfied);
  g_test_add_func ("/ui/cycle/6-closed", test_closed);
  g_test_add_func ("/ui/cycle/7-archive", test_archive);
  g_test_add_func ("/ui/cycle/8-timeline", test_timeline);
  g_test_add_func ("/ui/cycle/9-transfer-form", test_transfer_form);

  status = g_test_run ();

  g_clear_object (&editor);
  g_clear_object (&archived_editor);
  rexian_test_app_stop (&app, window);
  if (status == 0)
    rexian_test_delete_dir (tmpdir);
  else
    g_printerr ("# The database is kept in %s\n", tmpdir);
  g_free (tmpdir);
  g_free (db_path);
  g_free (shots_dir);
  g_free (order_number);

  return status;
}
