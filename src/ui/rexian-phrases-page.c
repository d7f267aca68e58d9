/* rexian-phrases-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rexian-application.h"
#include "rexian-phrases-page-private.h"
#include "rexian-store-phrases.h"

/* Separators an agent may type between forbidden phrases. */
#define LIST_SEPARATORS "、,，;；\n"

struct _RexianPhrasesPage
{
  AdwPreferencesPage   parent_instance;

  RexianStore         *store;
  GSettings           *settings;
  gboolean             editable;
  AdwEntryRow         *phrase_rows[REXIAN_N_PHRASE_MOMENTS];
  GtkButton           *reset_buttons[REXIAN_N_PHRASE_MOMENTS];

  AdwPreferencesGroup *note_group;
  GtkLabel            *note_label;
  AdwPreferencesGroup *phrases_group;
  AdwPreferencesGroup *forbidden_group;
  AdwEntryRow         *forbidden_row;
  GtkButton           *reset_forbidden_button;
};

G_DEFINE_FINAL_TYPE (RexianPhrasesPage, rexian_phrases_page, ADW_TYPE_PREFERENCES_PAGE)

static void
say (RexianPhrasesPage *self,
     const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
say_error (RexianPhrasesPage *self,
           const GError      *error)
{
  /* Translators: %s says why, such as "the database is read-only". */
  g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);

  say (self, text);
}

static void
load (RexianPhrasesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) phrases = rexian_store_dup_phrases (self->store, &error);
  g_auto(GStrv) forbidden = NULL;
  g_autofree char *joined = NULL;

  for (int i = 0; phrases != NULL && i < REXIAN_N_PHRASE_MOMENTS; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->phrase_rows[i]), phrases[i]);
      gtk_widget_set_visible (GTK_WIDGET (self->reset_buttons[i]),
                              rexian_store_phrase_is_custom (self->store, i));
    }

  g_clear_error (&error);
  forbidden = rexian_store_dup_forbidden_phrases (self->store, &error);
  joined = forbidden != NULL ? g_strjoinv ("、", forbidden) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->forbidden_row), joined != NULL ? joined : "");

  if (error != NULL)
    say_error (self, error);
}

/* Saves @text (NULL: the standard's wording) as the phrase for the moment @widget is for. */
static void
save_phrase (RexianPhrasesPage *self,
             GtkWidget         *widget,
             const char        *text)
{
  RexianPhraseMoment moment = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget),
                                                                  "rexian-moment"));
  g_autoptr(GError) error = NULL;

  if (!self->editable)
    return;

  if (!rexian_store_set_phrase (self->store, moment, text, &error))
    {
      say_error (self, error);
      return;
    }

  load (self);
  say (self, _("Phrase saved for every seat"));
}

static void
on_phrase_apply (AdwEntryRow *row,
                 gpointer     user_data)
{
  save_phrase (REXIAN_PHRASES_PAGE (user_data), GTK_WIDGET (row),
               gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_phrase_reset (GtkButton *button,
                 gpointer   user_data)
{
  save_phrase (REXIAN_PHRASES_PAGE (user_data), GTK_WIDGET (button), NULL);
}

static void
on_forbidden_apply (RexianPhrasesPage *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->forbidden_row)));

  if (!self->editable)
    return;

  /* Every separator becomes one, so that 、 and commas may be mixed. */
  for (const char *sep = LIST_SEPARATORS; *sep != '\0'; sep = g_utf8_next_char (sep))
    {
      g_autofree char *one = g_utf8_substring (sep, 0, 1);
      g_auto(GStrv) split = g_strsplit (text, one, -1);

      g_free (text);
      text = g_strjoinv ("\n", split);
    }
  parts = g_strsplit (text, "\n", -1);

  if (!rexian_store_set_forbidden_phrases (self->store, (const char * const *) parts, &error))
    {
      say_error (self, error);
      return;
    }

  load (self);
  say (self, _("Forbidden phrases saved for every seat"));
}

static void
on_reset_forbidden (RexianPhrasesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->editable)
    return;

  if (!rexian_store_set_forbidden_phrases (self->store, rexian_phrases_get_default_forbidden (),
                                           &error))
    {
      say_error (self, error);
      return;
    }

  load (self);
}

/* Another seat's change shows here too, except in a phrase being typed. */
static void
on_store_changed (RexianPhrasesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    load (self);
}

/* Who may edit */

static void
update_role (RexianPhrasesPage *self)
{
  GApplication *app = g_application_get_default ();
  gint64 agent_id = REXIAN_IS_APPLICATION (app)
                    ? rexian_application_get_agent_id (REXIAN_APPLICATION (app)) : 0;
  g_autoptr(GPtrArray) agents = rexian_store_list_agents (self->store, NULL);
  RexianAgent *agent = NULL;
  g_autofree char *note = NULL;

  for (guint i = 0; agents != NULL && i < agents->len; i++)
    {
      RexianAgent *candidate = g_ptr_array_index (agents, i);

      if (candidate->id == agent_id)
        agent = candidate;
    }

  /* The phrases are the hotline's voice and the forbidden list a service rule: both are
   * a supervisor's to set, as the supervision duties of GB/T 33358 say. */
  self->editable = agent != NULL && g_strcmp0 (agent->role, "supervisor") == 0
                   && !rexian_store_is_read_only (self->store);

  if (rexian_store_is_read_only (self->store))
    note = g_strdup (_("The database is read-only, so the phrases cannot be changed here."));
  else if (agent == NULL)
    note = g_strdup (_("Only a supervisor can change the phrases. Choose your agent "
                       "number under Seat."));
  else if (!self->editable)
    /* Translators: %s is the agent's number and name, such as "1001 刘芳". */
    note = g_strdup_printf (_("Only a supervisor can change the phrases. You are signed "
                              "in as %s %s, who is not a supervisor."),
                            agent->agent_no, agent->name);

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_group), note != NULL);

  for (int i = 0; i < REXIAN_N_PHRASE_MOMENTS; i++)
    {
      gtk_editable_set_editable (GTK_EDITABLE (self->phrase_rows[i]), self->editable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->phrase_rows[i]), self->editable);
    }
  gtk_editable_set_editable (GTK_EDITABLE (self->forbidden_row), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->forbidden_row), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_forbidden_button), self->editable);
}

static gboolean
update_role_idle (gpointer user_data)
{
  g_autoptr(RexianPhrasesPage) self = user_data;

  update_role (self);
  return G_SOURCE_REMOVE;
}

static void
on_agent_number_changed (RexianPhrasesPage *self)
{
  /* The application picks up the new agent in its own handler, which may run after
   * this one. */
  g_idle_add (update_role_idle, g_object_ref (self));
}

static void
build_phrase_rows (RexianPhrasesPage *self)
{
  for (int i = 0; i < REXIAN_N_PHRASE_MOMENTS; i++)
    {
      AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rexian_phrase_moment_get_label (i));
      adw_entry_row_set_show_apply_button (row, TRUE);
      g_object_set_data (G_OBJECT (row), "rexian-moment", GINT_TO_POINTER (i));
      g_signal_connect (row, "apply", G_CALLBACK (on_phrase_apply), self);

      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (reset, "flat");
      gtk_widget_set_tooltip_text (reset, _("Use the standard’s wording"));
      g_object_set_data (G_OBJECT (reset), "rexian-moment", GINT_TO_POINTER (i));
      g_signal_connect (reset, "clicked", G_CALLBACK (on_phrase_reset), self);
      adw_entry_row_add_suffix (row, reset);

      self->phrase_rows[i] = row;
      self->reset_buttons[i] = GTK_BUTTON (reset);
      adw_preferences_group_add (self->phrases_group, GTK_WIDGET (row));
    }
}

/* GObject */

static void
rexian_phrases_page_dispose (GObject *object)
{
  RexianPhrasesPage *self = REXIAN_PHRASES_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_PHRASES_PAGE);

  G_OBJECT_CLASS (rexian_phrases_page_parent_class)->dispose (object);
}

static void
rexian_phrases_page_class_init (RexianPhrasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_phrases_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-phrases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianPhrasesPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, RexianPhrasesPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, RexianPhrasesPage, phrases_group);
  gtk_widget_class_bind_template_child (widget_class, RexianPhrasesPage, forbidden_group);
  gtk_widget_class_bind_template_child (widget_class, RexianPhrasesPage, forbidden_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPhrasesPage,
                                        reset_forbidden_button);
  gtk_widget_class_bind_template_callback (widget_class, on_forbidden_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_forbidden);
}

static void
rexian_phrases_page_init (RexianPhrasesPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_phrase_rows (self);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::agent-number",
                               G_CALLBACK (on_agent_number_changed), self,
                               G_CONNECT_SWAPPED);
    }
}

GtkWidget *
rexian_phrases_page_new (RexianStore *store)
{
  RexianPhrasesPage *self;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = g_object_new (REXIAN_TYPE_PHRASES_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  load (self);
  update_role (self);

  return GTK_WIDGET (self);
}

AdwEntryRow *
_rexian_phrases_page_get_phrase_row (RexianPhrasesPage  *self,
                                     RexianPhraseMoment  moment)
{
  g_return_val_if_fail ((guint) moment < REXIAN_N_PHRASE_MOMENTS, NULL);

  return self->phrase_rows[moment];
}

AdwEntryRow *
_rexian_phrases_page_get_forbidden_row (RexianPhrasesPage *self)
{
  return self->forbidden_row;
}

gboolean
_rexian_phrases_page_is_editable (RexianPhrasesPage *self)
{
  return self->editable;
}

const char *
_rexian_phrases_page_get_note (RexianPhrasesPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->note_group))
         ? gtk_label_get_text (self->note_label) : NULL;
}
