/* rexian-order-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-card.h"
#include "rexian-ui-util.h"

struct _RexianOrderCard
{
  GtkWidget        parent_instance;

  RexianWorkOrder *order;
  GtkPopover      *menu;

  GtkWidget       *box;
  GtkLabel        *number_label;
  GtkLabel        *emergency_badge;
  GtkLabel        *supervised_badge;
  GtkLabel        *summary_label;
  GtkLabel        *category_label;
  GtkLabel        *caller_label;
  GtkLabel        *deadline_chip;
  GtkLabel        *flags_label;
};

G_DEFINE_FINAL_TYPE (RexianOrderCard, rexian_order_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *deadline_classes[] = {
  "deadline-green", "deadline-yellow", "deadline-red", "deadline-unknown",
};

static void
set_chip (RexianOrderCard *self,
          const char      *text,
          const char      *css_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (deadline_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_chip), deadline_classes[i]);

  gtk_label_set_text (self->deadline_chip, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_chip), text != NULL);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_chip), css_class);
}

static void
update (RexianOrderCard           *self,
        RexianCalendar            *calendar,
        const RexianDeadlineRules *rules,
        gint64                     now)
{
  RexianWorkOrder *order = self->order;
  g_autofree char *caller = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *category_line = NULL;
  g_autofree char *caller_line = NULL;
  g_autofree char *chip = NULL;
  g_autoptr(GString) flags = g_string_new (NULL);
  const char *chip_class = NULL;
  const char *category;
  const char *summary;

  if (order == NULL)
    return;

  gtk_label_set_text (self->number_label, rexian_work_order_get_number (order));

  summary = rexian_work_order_get_summary (order);
  gtk_label_set_text (self->summary_label, summary && *summary ? summary : _("(no summary)"));

  category = rexian_work_order_get_category_name (order);
  category_line = g_strdup_printf ("%s · %s · %s",
                                   category && *category ? category : _("Uncategorised"),
                                   rexian_request_kind_get_label (rexian_work_order_get_kind (order)),
                                   rexian_channel_get_label (rexian_work_order_get_channel (order)));
  gtk_label_set_text (self->category_label, category_line);

  caller = rexian_work_order_dup_display_caller (order);
  phone = rexian_work_order_dup_display_phone (order);
  if (caller != NULL && *caller != '\0' && phone != NULL && *phone != '\0')
    caller_line = g_strdup_printf ("%s · %s", caller, phone);
  else if (caller != NULL && *caller != '\0')
    caller_line = g_strdup (caller);
  else if (phone != NULL && *phone != '\0')
    caller_line = g_strdup (phone);
  else
    caller_line = g_strdup (_("Anonymous caller"));
  gtk_label_set_text (self->caller_label, caller_line);

  chip = rexian_deadline_describe (calendar, rules, order, now, &chip_class);
  set_chip (self, chip, chip_class);

  gtk_widget_set_visible (GTK_WIDGET (self->emergency_badge),
                          rexian_work_order_get_emergency (order));
  gtk_widget_set_visible (GTK_WIDGET (self->supervised_badge),
                          rexian_work_order_get_supervised (order));

  if (rexian_work_order_get_confidential (order))
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "", _("Confidential"));
  if (rexian_work_order_get_return_pending (order))
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "", _("Returned"));
  if (rexian_work_order_get_extension_requested_days (order) > 0)
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "", _("Extension requested"));
  if (rexian_work_order_get_rehandle_count (order) > 0)
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "", _("Handled again"));
  if (rexian_work_order_get_repeated (order))
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "", _("Repeated"));
  gtk_label_set_text (self->flags_label, flags->str);

}

/* The tooltip is made when asked for, not on every bind: setting tooltip text makes GTK
 * 4.8 query the pointer on X11 for each card the list binds, which is slow and, while
 * the list is rebuilt, has corrupted memory. */
static gboolean
on_query_tooltip (RexianOrderCard *self,
                  int              x,
                  int              y,
                  gboolean         keyboard_mode,
                  GtkTooltip      *tooltip)
{
  g_autofree char *text = NULL;
  const char *summary;

  if (self->order == NULL)
    return FALSE;

  summary = rexian_work_order_get_summary (self->order);
  /* Translators: a card's tooltip: the order number, its summary and its state. */
  text = g_strdup_printf (_("Order %s: %s (%s)"), rexian_work_order_get_number (self->order),
                          summary ? summary : "",
                          rexian_state_get_label (rexian_work_order_get_state (self->order)));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

void
rexian_order_card_set_order (RexianOrderCard           *self,
                             RexianWorkOrder           *order,
                             RexianCalendar            *calendar,
                             const RexianDeadlineRules *rules,
                             gint64                     now)
{
  g_return_if_fail (REXIAN_IS_ORDER_CARD (self));

  if (g_set_object (&self->order, order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);

  update (self, calendar, rules, now);
}

RexianWorkOrder *
rexian_order_card_get_order (RexianOrderCard *self)
{
  g_return_val_if_fail (REXIAN_IS_ORDER_CARD (self), NULL);

  return self->order;
}

const char *
rexian_order_card_get_deadline_text (RexianOrderCard *self)
{
  g_return_val_if_fail (REXIAN_IS_ORDER_CARD (self), NULL);

  return gtk_label_get_text (self->deadline_chip);
}

static GMenuModel *
build_menu (RexianOrderCard *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) open_section = g_menu_new ();
  g_autoptr(GMenu) move_section = g_menu_new ();
  g_autoptr(GMenu) step_section = g_menu_new ();
  RexianState state = rexian_work_order_get_state (self->order);
  gint64 id = rexian_work_order_get_id (self->order);
  g_autoptr(GMenuItem) open_item = g_menu_item_new (_("_Open"), NULL);
  guint n_transitions = 0;
  const RexianTransition *transitions = rexian_lifecycle_get_transitions (&n_transitions);

  g_menu_item_set_action_and_target_value (open_item, "win.open-order",
                                           g_variant_new_int64 (id));
  g_menu_append_item (open_section, open_item);

  /* "Move to" lists each column a drop could reach, so the keyboard can do what a drag
   * does; the window then asks which step when several lead there. */
  for (int to = 0; to < REXIAN_N_STATES; to++)
    {
      RexianAction actions[REXIAN_N_ACTIONS];
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (to == (int) state || rexian_lifecycle_actions_between (state, to, actions) == 0)
        continue;

      /* Translators: a context-menu item; %s is a kanban column such as "In progress". */
      label = g_strdup_printf (_("Move to %s"), rexian_state_get_label (to));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.move-order",
                                               g_variant_new ("(xi)", id, to));
      g_menu_append_item (move_section, item);
    }

  /* Steps that keep the column (extension requests, supervision) have no drop target. */
  for (guint i = 0; i < n_transitions; i++)
    {
      const RexianTransition *transition = &transitions[i];
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (transition->to_state != -1
          || transition->action == REXIAN_ACTION_EDIT
          || transition->action == REXIAN_ACTION_CREATE
          || !rexian_lifecycle_can_apply (self->order, transition->action, NULL))
        continue;

      label = g_strdup_printf ("%s…", rexian_action_get_label (transition->action));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.apply-action",
                                               g_variant_new ("(xs)", id,
                                                              rexian_action_to_string (transition->action)));
      g_menu_append_item (step_section, item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (open_section));
  if (g_menu_model_get_n_items (G_MENU_MODEL (move_section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (move_section));
  if (g_menu_model_get_n_items (G_MENU_MODEL (step_section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (step_section));

  return G_MENU_MODEL (menu);
}

static void
show_menu_at (RexianOrderCard *self,
              double           x,
              double           y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->order == NULL)
    return;

  model = build_menu (self);
  if (self->menu == NULL)
    {
      self->menu = GTK_POPOVER (gtk_popover_menu_new_from_model (model));
      gtk_widget_set_parent (GTK_WIDGET (self->menu), GTK_WIDGET (self));
      gtk_popover_set_has_arrow (self->menu, FALSE);
      gtk_widget_set_halign (GTK_WIDGET (self->menu), GTK_ALIGN_START);
    }
  else
    {
      gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
    }

  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (self->menu, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (self->menu, NULL);

  gtk_popover_popup (self->menu);
}

static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    RexianOrderCard *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu_at (self, x, y);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               RexianOrderCard     *self)
{
  show_menu_at (self, x, y);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_menu_at (REXIAN_ORDER_CARD (widget), -1, -1);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource   *source,
                 double           x,
                 double           y,
                 RexianOrderCard *self)
{
  g_autoptr(GdkPaintable) icon = NULL;

  if (self->order == NULL)
    return NULL;

  icon = gtk_widget_paintable_new (GTK_WIDGET (self));
  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);

  return gdk_content_provider_new_typed (REXIAN_TYPE_WORK_ORDER, self->order);
}

static void
on_drag_begin (GtkDragSource   *source,
               GdkDrag         *drag,
               RexianOrderCard *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_drag_end (GtkDragSource   *source,
             GdkDrag         *drag,
             gboolean         delete_data,
             RexianOrderCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static void
rexian_order_card_dispose (GObject *object)
{
  RexianOrderCard *self = (RexianOrderCard *) object;

  if (self->menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->menu));
      self->menu = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_ORDER_CARD);
  g_clear_object (&self->order);

  G_OBJECT_CLASS (rexian_order_card_parent_class)->dispose (object);
}

static void
rexian_order_card_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RexianOrderCard *self = (RexianOrderCard *) widget;

  GTK_WIDGET_CLASS (rexian_order_card_parent_class)->size_allocate (widget, width, height,
                                                                    baseline);
  if (self->menu != NULL)
    gtk_popover_present (self->menu);
}

static void
rexian_order_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RexianOrderCard *self = REXIAN_ORDER_CARD (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_order_card_class_init (RexianOrderCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_order_card_dispose;
  object_class->get_property = rexian_order_card_get_property;
  widget_class->size_allocate = rexian_order_card_size_allocate;

  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, REXIAN_TYPE_WORK_ORDER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ordercard");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-order-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, box);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, emergency_badge);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, supervised_badge);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, category_label);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, caller_label);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, deadline_chip);
  gtk_widget_class_bind_template_child (widget_class, RexianOrderCard, flags_label);

  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);
}

static void
rexian_order_card_init (RexianOrderCard *self)
{
  GtkGesture *click;
  GtkGesture *long_press;
  GtkDragSource *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

RexianOrderCard *
rexian_order_card_new (void)
{
  return g_object_new (REXIAN_TYPE_ORDER_CARD, NULL);
}

void
rexian_order_card_popup_menu (RexianOrderCard *self)
{
  g_return_if_fail (REXIAN_IS_ORDER_CARD (self));

  show_menu_at (self, -1, -1);
}

void
rexian_card_context_update (RexianCardContext *context)
{
  g_return_if_fail (context != NULL);

  context->now = g_get_real_time () / G_USEC_PER_SEC;
  if (context->store != NULL)
    rexian_store_get_deadline_rules (context->store, &context->rules);
  else
    rexian_deadline_rules_init_default (&context->rules);
}

static RexianCalendar *
context_calendar (RexianCardContext *context)
{
  return context->store != NULL ? rexian_store_get_calendar (context->store) : NULL;
}

static void
factory_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RexianCardContext        *context)
{
  gtk_list_item_set_child (item, GTK_WIDGET (rexian_order_card_new ()));
}

static void
factory_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RexianCardContext        *context)
{
  rexian_order_card_set_order (REXIAN_ORDER_CARD (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item), context_calendar (context),
                               &context->rules, context->now);
}

static void
factory_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                RexianCardContext        *context)
{
  rexian_order_card_set_order (REXIAN_ORDER_CARD (gtk_list_item_get_child (item)),
                               NULL, NULL, &context->rules, context->now);
}

GtkListItemFactory *
rexian_order_card_factory_new (RexianCardContext *context)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (context != NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup), context);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind), context);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind), context);

  return factory;
}

void
rexian_order_card_refresh_below (GtkWidget         *widget,
                                 RexianCardContext *context)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (context != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (REXIAN_IS_ORDER_CARD (child))
        rexian_order_card_set_order (REXIAN_ORDER_CARD (child),
                                     rexian_order_card_get_order (REXIAN_ORDER_CARD (child)),
                                     context_calendar (context), &context->rules,
                                     context->now);
      else
        rexian_order_card_refresh_below (child, context);
    }
}
