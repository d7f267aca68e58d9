/* rexian-followup-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-application.h"
#include "rexian-followup-view.h"
#include "rexian-sampling-dialog.h"
#include "rexian-visit-dialog.h"
#include "rexian-ui-util.h"

struct _RexianFollowupView
{
  GtkWidget     parent_instance;

  RexianStore  *store;
  GSettings    *settings;
  GCancellable *cancellable;
  GPtrArray    *items;      /* RexianFollowupItem, as shown */
  GPtrArray    *evaluation; /* RexianDepartmentEvaluation, as shown */
  GtkWindow    *last_dialog;
  gboolean      queue_loading;
  gboolean      queue_stale;

  GtkStack     *stack;
  GtkStack     *queue_stack;
  GtkListBox   *queue_list;
  GtkDropDown  *period_dropdown;
  GtkLabel     *evaluation_label;
  GtkGrid      *evaluation_grid;
  GtkSpinButton *attempts_spin;
  gboolean      filling_settings;
};

/* Rows shown at most, the queue's first (the oldest replies): a list box of thousands of
 * rows, rebuilt at each change another seat makes, would hold up the window. */
#define QUEUE_ROWS_LIMIT 200

G_DEFINE_FINAL_TYPE (RexianFollowupView, rexian_followup_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_WAITING,
  N_PROPS
};

enum {
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (RexianFollowupView *self);

static RexianApplication *
get_application (RexianFollowupView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  return REXIAN_IS_APPLICATION (app) ? REXIAN_APPLICATION (app) : NULL;
}

/* Why this seat cannot call out, or NULL when it can. */
static const char *
why_no_call (RexianFollowupView *self)
{
  RexianApplication *app = get_application (self);
  g_autofree char *server = NULL;

  if (app == NULL || rexian_application_get_phone (app) == NULL)
    return _("The phone is not working at this seat");

  /* A caller's number is reached through the account's SIP server. */
  server = g_settings_get_string (self->settings, "sip-registrar");
  if (server[0] == '\0')
    return _("No phone account is set up: set up the SIP account in Preferences");

  return NULL;
}

static RexianFollowupItem *
find_item (RexianFollowupView *self,
           gint64              order_id)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      RexianFollowupItem *item = g_ptr_array_index (self->items, i);

      if (item->order_id == order_id)
        return item;
    }
  return NULL;
}

static char *
format_day (gint64 at)
{
  g_autoptr(GDateTime) dt = at > 0 ? g_date_time_new_from_unix_local (at) : NULL;

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("—");
}

static GtkWidget *
queue_row_new (RexianFollowupView *self,
               RexianFollowupItem *item,
               const char         *no_call)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *attempts = gtk_label_new (NULL);
  GtkWidget *call = gtk_button_new_from_icon_name ("call-start-symbolic");
  GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record Visit"));
  g_autofree char *title = g_strdup_printf ("%s  %s", item->number,
                                            item->summary != NULL ? item->summary : "");
  g_autofree char *day = format_day (item->sampled ? item->closed_at : item->replied_at);
  g_autofree char *subtitle = NULL;
  g_autofree char *count = g_strdup_printf ("%u/%u", item->attempts, item->max_attempts);
  g_autofree char *count_tip = NULL;

  /* "Sampled, closed 2026-06-05" or "Replied 2026-06-05": why the order is here. */
  subtitle = g_strdup_printf ("%s %s · %s · %s · %s",
                              item->caller != NULL ? item->caller : "",
                              item->phone_shown != NULL ? item->phone_shown : "",
                              item->department != NULL ? item->department : _("No department"),
                              item->sampled ? _("Sampled, closed") : _("Replied"), day);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (row, "followup-row");

  gtk_label_set_text (GTK_LABEL (attempts), count);
  count_tip = g_strdup_printf (_("Attempts so far: %u of %u"), item->attempts,
                               item->max_attempts);
  gtk_widget_set_tooltip_text (attempts, count_tip);
  gtk_widget_add_css_class (attempts, "dim-label");
  gtk_widget_add_css_class (attempts, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), attempts);

  /* An actionable button takes its sensitivity from the action, so a button that cannot
   * call has no action at all. */
  gtk_widget_set_valign (call, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (call, "followup-call");
  if (no_call == NULL && item->phone != NULL && *item->phone != '\0')
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (call), "followup.call");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (call), "x", item->order_id);
    }
  else
    gtk_widget_set_sensitive (call, FALSE);
  gtk_widget_set_tooltip_text (call, no_call != NULL ? no_call : _("Call the caller"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), call);

  gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (record, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "followup.record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (record), "x", item->order_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), record);

  return row;
}

static void
show_queue (RexianFollowupView *self,
            GPtrArray          *items)
{
  const char *no_call = why_no_call (self);
  GtkWidget *child;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (items);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list))) != NULL)
    gtk_list_box_remove (self->queue_list, child);

  for (guint i = 0; i < MIN (items->len, QUEUE_ROWS_LIMIT); i++)
    gtk_list_box_append (self->queue_list,
                         queue_row_new (self, g_ptr_array_index (items, i), no_call));
  if (items->len > QUEUE_ROWS_LIMIT)
    {
      guint more = items->len - QUEUE_ROWS_LIMIT;
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u more order waits; it shows once the ones above "
                                      "are visited.",
                                      "%u more orders wait; they show once the ones above "
                                      "are visited.", more), more);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->queue_list, row);
    }

  gtk_stack_set_visible_child_name (self->queue_stack, items->len > 0 ? "list" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
}

static void
queue_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = rexian_store_list_followup_queue_finish (REXIAN_STORE (object),
                                                                        result, &error);
  RexianFollowupView *self = user_data;

  if (items == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->queue_loading = FALSE;
  if (items == NULL)
    g_warning ("Could not read the follow-up queue: %s", error->message);
  else
    show_queue (self, items);

  /* A change came while reading: read again, so the last change is shown. */
  if (self->queue_stale)
    refresh (self);
}

static void
add_cell (RexianFollowupView *self,
          const char         *text,
          int                 column,
          int                 row,
          gboolean            heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_hexpand (label, column == 0);
  gtk_grid_attach (self->evaluation_grid, label, column, row, 1, 1);
}

static char *
format_rate (RexianMeasureValue value)
{
  if (!value.defined)
    return g_strdup ("—");

  return g_strdup_printf ("%.1f %%", value.value * 100.0);
}

static void
show_evaluation (RexianFollowupView *self,
                 GPtrArray          *rows)
{
  static const RexianEvaluationAspect columns[] = {
    REXIAN_EVALUATION_ATTITUDE,
    REXIAN_EVALUATION_EFFICIENCY,
    REXIAN_EVALUATION_PROCESS,
    REXIAN_EVALUATION_RESULT,
  };
  GtkWidget *child;

  g_clear_pointer (&self->evaluation, g_ptr_array_unref);
  self->evaluation = g_ptr_array_ref (rows);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evaluation_grid))) != NULL)
    gtk_grid_remove (self->evaluation_grid, child);

  gtk_label_set_text (self->evaluation_label,
                      rows->len == 0
                      ? _("No visits in this period.")
                      : _("Satisfaction rates: (satisfied + basically satisfied) ÷ callers "
                          "reached who answered. Visits counts every attempt, reached or "
                          "not."));
  if (rows->len == 0)
    return;

  add_cell (self, _("Department"), 0, 0, TRUE);
  add_cell (self, _("Visits"), 1, 0, TRUE);
  add_cell (self, _("Reached"), 2, 0, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_cell (self, rexian_evaluation_aspect_get_label (columns[i]), 3 + (int) i, 0, TRUE);

  for (guint r = 0; r < rows->len; r++)
    {
      RexianDepartmentEvaluation *row = g_ptr_array_index (rows, r);
      g_autofree char *visits = g_strdup_printf ("%" G_GINT64_FORMAT, row->visits);
      g_autofree char *reached = g_strdup_printf ("%" G_GINT64_FORMAT, row->reached);

      add_cell (self, row->department != NULL ? row->department : _("No department"), 0,
                (int) r + 1, FALSE);
      add_cell (self, visits, 1, (int) r + 1, FALSE);
      add_cell (self, reached, 2, (int) r + 1, FALSE);
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          g_autofree char *rate = format_rate (rexian_department_evaluation_rate (row,
                                                                                 columns[i]));

          add_cell (self, rate, 3 + (int) i, (int) r + 1, FALSE);
        }
    }
}

static void
evaluation_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RexianFollowupView *self = user_data;

  rows = rexian_store_get_department_evaluation_finish (REXIAN_STORE (object), result, &error);
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the department evaluation: %s", error->message);
      return;
    }

  show_evaluation (self, rows);
}

static void
get_period (RexianFollowupView *self,
            RexianPeriod       *out)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case 1:
      {
        RexianPeriod this_month;

        rexian_period_init (&this_month, REXIAN_PERIOD_MONTH, now);
        rexian_period_shift (&this_month, -1, out);
      }
      break;

    case 2:
      rexian_period_init (out, REXIAN_PERIOD_YEAR, now);
      break;

    default:
      rexian_period_init (out, REXIAN_PERIOD_MONTH, now);
      break;
    }
}

static void
refresh (RexianFollowupView *self)
{
  RexianPeriod period;

  if (self->store == NULL)
    return;

  /* One read at a time; a change meanwhile is read when it ends. */
  if (self->queue_loading)
    {
      self->queue_stale = TRUE;
      return;
    }

  self->queue_loading = TRUE;
  self->queue_stale = FALSE;
  rexian_store_list_followup_queue_async (self->store, self->cancellable, queue_cb, self);

  get_period (self, &period);
  rexian_store_get_department_evaluation_async (self->store, &period, self->cancellable,
                                                evaluation_cb, self);
}

static void
on_period_changed (RexianFollowupView *self)
{
  refresh (self);
}

static void
on_visit_recorded (RexianFollowupView *self,
                   int                 result,
                   guint               attempts,
                   const char         *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
  refresh (self);
}

static void
on_planned (RexianFollowupView *self,
            guint               n_orders,
            const char         *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
  refresh (self);
}

static gint64
get_agent_id (RexianFollowupView *self)
{
  RexianApplication *app = get_application (self);

  return app != NULL ? rexian_application_get_agent_id (app) : 0;
}

static GtkWindow *
get_parent (RexianFollowupView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
record_visit (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RexianFollowupView *self = REXIAN_FOLLOWUP_VIEW (widget);
  RexianFollowupItem *item = find_item (self, g_variant_get_int64 (parameter));
  RexianVisitDialog *dialog;

  if (item == NULL || self->store == NULL)
    return;

  dialog = rexian_visit_dialog_new (get_parent (self), self->store, item, item->max_attempts,
                                    get_agent_id (self));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_visit_recorded), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->last_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
plan_sampling (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RexianFollowupView *self = REXIAN_FOLLOWUP_VIEW (widget);
  RexianSamplingDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = rexian_sampling_dialog_new (get_parent (self), self->store, get_agent_id (self));
  g_signal_connect_object (dialog, "planned", G_CALLBACK (on_planned), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->last_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
call_caller (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianFollowupView *self = REXIAN_FOLLOWUP_VIEW (widget);
  RexianFollowupItem *item = find_item (self, g_variant_get_int64 (parameter));

  if (item == NULL || item->phone == NULL)
    return;

  /* Every call is placed the same way, through the application's phone and the
   * window's call bar, which says why when it cannot. */
  gtk_widget_activate_action (widget, "app.call-number", "s", item->phone);
}

static void
rexian_followup_view_dispose (GObject *object)
{
  RexianFollowupView *self = REXIAN_FOLLOWUP_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_weak_pointer (&self->last_dialog);
  rexian_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_FOLLOWUP_VIEW);

  G_OBJECT_CLASS (rexian_followup_view_parent_class)->dispose (object);
}

static void
rexian_followup_view_finalize (GObject *object)
{
  RexianFollowupView *self = REXIAN_FOLLOWUP_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->evaluation, g_ptr_array_unref);

  G_OBJECT_CLASS (rexian_followup_view_parent_class)->finalize (object);
}

static void
rexian_followup_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RexianFollowupView *self = REXIAN_FOLLOWUP_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, rexian_followup_view_get_n_waiting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The number of tries is shared by every seat, so it lives in the database. */
static void
on_attempts_changed (RexianFollowupView *self)
{
  g_autoptr(GError) error = NULL;
  guint attempts = (guint) gtk_spin_button_get_value_as_int (self->attempts_spin);

  if (self->filling_settings || self->store == NULL ||
      attempts == rexian_store_get_followup_max_attempts (self->store))
    return;

  if (!rexian_store_set_followup_settings (self->store, attempts,
                                           rexian_store_get_followup_sample_percent (self->store),
                                           &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

static void
load_settings (RexianFollowupView *self)
{
  if (self->store == NULL)
    return;

  self->filling_settings = TRUE;
  gtk_spin_button_set_value (self->attempts_spin,
                             rexian_store_get_followup_max_attempts (self->store));
  self->filling_settings = FALSE;
}

static void
rexian_followup_view_class_init (RexianFollowupViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_followup_view_dispose;
  object_class->finalize = rexian_followup_view_finalize;
  object_class->get_property = rexian_followup_view_get_property;

  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RexianFollowupView::message:
   * @text: what to tell the agent
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-followup-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianFollowupView, stack);
  gtk_widget_class_bind_template_child (widget_class, RexianFollowupView, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, RexianFollowupView, queue_list);
  gtk_widget_class_bind_template_child (widget_class, RexianFollowupView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RexianFollowupView, evaluation_label);
  gtk_widget_class_bind_template_child (widget_class, RexianFollowupView, evaluation_grid);
  gtk_widget_class_bind_template_child (widget_class, RexianFollowupView, attempts_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_attempts_changed);

  gtk_widget_class_install_action (widget_class, "followup.record", "x", record_visit);
  gtk_widget_class_install_action (widget_class, "followup.call", "x", call_caller);
  gtk_widget_class_install_action (widget_class, "followup.plan", NULL, plan_sampling);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rexian_followup_view_init (RexianFollowupView *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The Call buttons follow the phone account. */
  g_signal_connect_object (self->settings, "changed::sip-registrar", G_CALLBACK (refresh),
                           self, G_CONNECT_SWAPPED);
}

void
rexian_followup_view_set_store (RexianFollowupView *self,
                                RexianStore        *store)
{
  g_return_if_fail (REXIAN_IS_FOLLOWUP_VIEW (self));
  g_return_if_fail (store == NULL || REXIAN_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh), self);

  load_settings (self);
  refresh (self);
}

guint
rexian_followup_view_get_n_waiting (RexianFollowupView *self)
{
  g_return_val_if_fail (REXIAN_IS_FOLLOWUP_VIEW (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

GPtrArray *
_rexian_followup_view_get_items (RexianFollowupView *self)
{
  g_return_val_if_fail (REXIAN_IS_FOLLOWUP_VIEW (self), NULL);

  return self->items;
}

GtkWindow *
_rexian_followup_view_get_last_dialog (RexianFollowupView *self)
{
  g_return_val_if_fail (REXIAN_IS_FOLLOWUP_VIEW (self), NULL);

  return self->last_dialog;
}

GPtrArray *
_rexian_followup_view_get_evaluation (RexianFollowupView *self)
{
  g_return_val_if_fail (REXIAN_IS_FOLLOWUP_VIEW (self), NULL);

  return self->evaluation;
}
