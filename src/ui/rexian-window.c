/* rexian-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-followup-view.h"
#include "rexian-knowledge-view.h"
#include "rexian-archive-view.h"
#include "rexian-order-editor.h"
#include "rexian-window-private.h"

/* Emergencies and overdue orders must come under supervision without anyone watching,
 * so every seat checks once a minute; the store makes sure each order is taken once. */
#define DEADLINE_TICK_SECONDS 60

G_DEFINE_FINAL_TYPE (RexianWindow, rexian_window, ADW_TYPE_APPLICATION_WINDOW)

void
_rexian_window_toast (RexianWindow *self,
                      const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  adw_toast_set_timeout (toast, 5);
  /* The newest word is what the agent needs, a refused drop above all: show it at once
   * instead of behind the toasts still queued. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gint64
_rexian_window_get_agent_id (RexianWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (REXIAN_IS_APPLICATION (app))
    return rexian_application_get_agent_id (REXIAN_APPLICATION (app));

  return 0;
}

GtkWindow *
_rexian_window_get_last_dialog (RexianWindow *self)
{
  return self->last_dialog;
}

RexianKanban *
_rexian_window_get_kanban (RexianWindow *self)
{
  return self->kanban;
}

const char *
_rexian_window_get_last_toast (RexianWindow *self)
{
  return self->last_toast;
}

static void
fill_filters (RexianWindow *self)
{
  g_autoptr(GPtrArray) categories = rexian_store_list_categories (self->store, NULL);
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (self->store, NULL);
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) department_names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->category_ids, 0);
  g_array_set_size (self->department_ids, 0);

  gtk_string_list_append (category_names, _("Any category"));
  g_array_append_val (self->category_ids, none);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      RexianCategory *category = g_ptr_array_index (categories, i);

      gtk_string_list_append (category_names, category->name);
      g_array_append_val (self->category_ids, category->id);
    }

  gtk_string_list_append (department_names, _("Any department"));
  g_array_append_val (self->department_ids, none);
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      RexianDepartment *department = g_ptr_array_index (departments, i);

      gtk_string_list_append (department_names, department->name);
      g_array_append_val (self->department_ids, department->id);
    }

  gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (category_names));
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (department_names));
}

static void
on_filters_changed (RexianWindow *self)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  guint category = gtk_drop_down_get_selected (self->category_filter);
  guint department = gtk_drop_down_get_selected (self->department_filter);
  guint color = gtk_drop_down_get_selected (self->color_filter);
  static const RexianDeadlineColor colors[] = {
    REXIAN_DEADLINE_NONE, REXIAN_DEADLINE_GREEN, REXIAN_DEADLINE_YELLOW, REXIAN_DEADLINE_RED,
  };

  if (self->kanban == NULL || self->category_ids == NULL)
    return;

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (category != GTK_INVALID_LIST_POSITION && category < self->category_ids->len)
    query->category_id = g_array_index (self->category_ids, gint64, category);
  if (department != GTK_INVALID_LIST_POSITION && department < self->department_ids->len)
    query->department_id = g_array_index (self->department_ids, gint64, department);
  if (color != GTK_INVALID_LIST_POSITION && color < G_N_ELEMENTS (colors))
    query->color = colors[color];

  rexian_kanban_set_filter (self->kanban, query);
}

static void
on_order_activated (RexianWindow    *self,
                    RexianWorkOrder *order)
{
  _rexian_window_open_order (self, order);
}

static gboolean
on_move_requested (RexianWindow    *self,
                   RexianWorkOrder *order,
                   RexianState      to_state)
{
  return _rexian_window_request_move (self, order, to_state);
}

static void
update_alert_badge (RexianWindow *self)
{
  guint n_red = rexian_alert_monitor_get_n_red (self->alert_monitor);
  guint n_yellow = rexian_alert_monitor_get_n_yellow (self->alert_monitor);

  adw_view_stack_page_set_badge_number (self->alerts_page, n_red + n_yellow);
  adw_view_stack_page_set_needs_attention (self->alerts_page, n_red > 0);
}

static void
on_order_turned (RexianWindow        *self,
                 RexianWorkOrder     *order,
                 RexianDeadlineColor  color)
{
  g_autofree char *message = NULL;
  g_autoptr(GNotification) notification = NULL;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *number = rexian_work_order_get_number (order);
  const char *summary = rexian_work_order_get_summary (order);

  if (color == REXIAN_DEADLINE_RED)
    message = g_strdup_printf (_("Order %s is overdue"), number);
  else
    message = g_strdup_printf (_("Order %s is due within a working day"), number);

  _rexian_window_toast (self, message);

  if (app == NULL || !g_settings_get_boolean (self->settings, "notifications"))
    return;

  notification = g_notification_new (message);
  g_notification_set_body (notification, summary);
  g_notification_set_priority (notification, color == REXIAN_DEADLINE_RED
                                               ? G_NOTIFICATION_PRIORITY_HIGH
                                               : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification, "app.open-order", "s", number);
  g_notification_add_button_with_target (notification, _("Open"), "app.open-order", "s", number);
  /* One notification per order, so a later change replaces rather than piles up. */
  g_application_send_notification (app, number, notification);
}

static void
update_calendar_banner (RexianWindow *self)
{
  RexianCalendar *calendar = rexian_store_get_calendar (self->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *text = NULL;

  if (rexian_store_is_read_only (self->store))
    text = g_strdup_printf (_("The database “%s” is read-only: orders can be looked at but not changed. Ask an administrator for write access."),
                            rexian_store_get_path (self->store));
  else if (calendar == NULL)
    text = g_strdup (_("No holiday data could be read, so no deadlines are computed. Import a holiday file in Preferences."));
  else if (year > rexian_calendar_get_last_year (calendar))
    text = g_strdup_printf (_("The holiday data ends with %d, so deadlines after it cannot be computed. Import the new year’s holiday file in Preferences."),
                            rexian_calendar_get_last_year (calendar));
  else if (year == rexian_calendar_get_last_year (calendar)
           && g_date_time_get_month (now) >= 11)
    text = g_strdup_printf (_("The holiday data ends with %d. When the State Council publishes next year’s schedule, import it in Preferences."),
                            year);

  gtk_label_set_text (self->calendar_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->calendar_revealer, text != NULL);
}

static void
on_supervised (RexianWindow *self,
               guint         count)
{
  g_autofree char *message =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "%u supervision record made",
                                  "%u supervision records made", count),
                     count);

  _rexian_window_toast (self, message);
}

static gboolean
on_deadline_tick (gpointer user_data)
{
  RexianWindow *self = user_data;

  /* The automatic supervision runs in the alert monitor, which records its cause. */
  update_calendar_banner (self);

  /* Deadlines move with the clock, not only with writes: which orders are yellow or red
   * (the alerts list, the colour filter) and what each chip says. */
  rexian_alerts_view_refresh (self->alerts_view);
  rexian_kanban_refresh (self->kanban);
  rexian_kanban_refresh_deadlines (self->kanban);

  return G_SOURCE_CONTINUE;
}

static void
on_supervisor_open_order (RexianWindow    *self,
                          RexianWorkOrder *order)
{
  _rexian_window_open_order (self, order);
}

static void
on_supervisor_show_view (RexianWindow *self,
                         const char   *name)
{
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* The "application" property is not a construct property, so the store is only known
 * once g_object_new() has returned. */
static void
setup_store (RexianWindow *self,
             RexianStore  *store)
{
  self->store = g_object_ref (store);

  fill_filters (self);
  rexian_kanban_set_store (self->kanban, self->store);
  rexian_alerts_view_set_store (self->alerts_view, self->store);
  rexian_calls_view_set_store (self->calls_view, self->store);
  rexian_archive_view_set_store (
    REXIAN_ARCHIVE_VIEW (adw_view_stack_get_child_by_name (self->stack, "archive")),
    self->store);
  rexian_knowledge_view_set_store (
    REXIAN_KNOWLEDGE_VIEW (adw_view_stack_get_child_by_name (self->stack, "knowledge")),
    self->store);
  rexian_followup_view_set_store (
    REXIAN_FOLLOWUP_VIEW (adw_view_stack_get_child_by_name (self->stack, "followup")),
    self->store);
  {
    g_autoptr(RexianSupervisorFeed) feed = rexian_supervisor_feed_new (self->store);

    rexian_supervisor_view_set_feed (self->supervisor_view, feed);
  }

  self->alert_monitor = rexian_alert_monitor_new (self->store);
  g_signal_connect_object (self->alert_monitor, "turned",
                           G_CALLBACK (on_order_turned), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alert_monitor, "supervised",
                           G_CALLBACK (on_supervised), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alert_monitor, "notify::n-red",
                           G_CALLBACK (update_alert_badge), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alert_monitor, "notify::n-yellow",
                           G_CALLBACK (update_alert_badge), self, G_CONNECT_SWAPPED);
  update_alert_badge (self);
  update_calendar_banner (self);

  on_deadline_tick (self);
  self->deadline_tick_source = g_timeout_add_seconds (DEADLINE_TICK_SECONDS, on_deadline_tick, self);
}

static void
rexian_window_dispose (GObject *object)
{
  RexianWindow *self = (RexianWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->deadline_tick_source, g_source_remove);
  g_clear_handle_id (&self->wrap_up_source, g_source_remove);
  g_clear_object (&self->alert_monitor);
  g_clear_object (&self->phone);
  g_clear_weak_pointer (&self->last_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_WINDOW);

  G_OBJECT_CLASS (rexian_window_parent_class)->dispose (object);
}

static void
rexian_window_finalize (GObject *object)
{
  RexianWindow *self = (RexianWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->registration_text, g_free);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);

  G_OBJECT_CLASS (rexian_window_parent_class)->finalize (object);
}

static void
rexian_window_class_init (RexianWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_window_dispose;
  object_class->finalize = rexian_window_finalize;

  g_type_ensure (REXIAN_TYPE_KANBAN);
  g_type_ensure (REXIAN_TYPE_ALERTS_VIEW);
  g_type_ensure (REXIAN_TYPE_CALL_PANEL);
  g_type_ensure (REXIAN_TYPE_CALLS_VIEW);
  g_type_ensure (REXIAN_TYPE_SUPERVISOR_VIEW);
  g_type_ensure (REXIAN_TYPE_ARCHIVE_VIEW);
  g_type_ensure (REXIAN_TYPE_KNOWLEDGE_VIEW);
  g_type_ensure (REXIAN_TYPE_FOLLOWUP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, alerts_page);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, category_filter);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, department_filter);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, color_filter);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, calendar_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, calendar_label);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, kanban);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, alerts_view);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, calls_page);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, calls_view);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, supervisor_view);
  gtk_widget_class_bind_template_callback (widget_class, on_supervisor_open_order);
  gtk_widget_class_bind_template_callback (widget_class, on_supervisor_show_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_order_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_move_requested);

  _rexian_window_class_bind_phone (widget_class);
  _rexian_window_class_install_actions (widget_class);
}

static void
rexian_window_init (RexianWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

RexianWindow *
rexian_window_new (RexianApplication *application)
{
  RexianWindow *self;

  g_return_val_if_fail (REXIAN_IS_APPLICATION (application), NULL);

  self = g_object_new (REXIAN_TYPE_WINDOW, "application", application, NULL);
  setup_store (self, rexian_application_get_store (application));
  _rexian_window_setup_phone (self, application);

  return self;
}

void
rexian_window_open_order_number (RexianWindow *self,
                                 const char   *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;

  g_return_if_fail (REXIAN_IS_WINDOW (self));

  order = rexian_store_get_order_by_number (self->store, number, &error);
  if (order == NULL)
    {
      _rexian_window_toast (self, error->message);
      return;
    }

  _rexian_window_open_order (self, order);
}
