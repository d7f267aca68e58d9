/* rexian-supervision-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-supervision.h"
#include "rexian-supervision-group.h"

struct _RexianSupervisionGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;

  AdwComboRow         *method_row;
  AdwEntryRow         *responsible_row;
};

G_DEFINE_FINAL_TYPE (RexianSupervisionGroup, rexian_supervision_group,
                     ADW_TYPE_PREFERENCES_GROUP)

/* The key holds the method's stable string; the row shows its position in the list. */
static gboolean
method_to_row (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  RexianSuperviseMethod method;

  if (!rexian_supervise_method_from_string (g_variant_get_string (variant, NULL), &method))
    method = REXIAN_SUPERVISE_METHOD_PHONE;
  g_value_set_uint (value, method);
  return TRUE;
}

static GVariant *
row_to_method (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= REXIAN_N_SUPERVISE_METHODS)
    return NULL;
  return g_variant_new_string (rexian_supervise_method_to_string (position));
}

void
rexian_supervision_group_set_settings (RexianSupervisionGroup *self,
                                       GSettings              *settings)
{
  g_return_if_fail (REXIAN_IS_SUPERVISION_GROUP (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self), settings != NULL);
  if (settings == NULL)
    return;

  g_settings_bind_with_mapping (settings, "supervision-default-method", self->method_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, method_to_row,
                                row_to_method, NULL, NULL);
  g_settings_bind (settings, "supervision-responsible", self->responsible_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
rexian_supervision_group_dispose (GObject *object)
{
  RexianSupervisionGroup *self = REXIAN_SUPERVISION_GROUP (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rexian_supervision_group_parent_class)->dispose (object);
}

static void
rexian_supervision_group_class_init (RexianSupervisionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_supervision_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-supervision-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionGroup, method_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionGroup, responsible_row);
}

static void
rexian_supervision_group_init (RexianSupervisionGroup *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < REXIAN_N_SUPERVISE_METHODS; i++)
    gtk_string_list_append (methods, rexian_supervise_method_get_label (i));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
