/* rexian-phrase-strip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-editor-private.h"
#include "rexian-store-phrases.h"
#include "rexian-phrase-strip.h"
#include "rexian-ui-util.h"

struct _RexianPhraseStrip
{
  GtkWidget              parent_instance;

  RexianStore           *store;
  gulong                 store_changed_id;
  /* The phrase per moment as the store has them (the standard's defaults meanwhile). */
  char                 **phrases;
  char                  *agent_no;
  gint64                 agent_id;
  char                  *caller_name;
  char                  *caller_title;
  int                    kind;
  RexianPhraseCallState  state;
  /* Where the agent has stepped to; what is shown also depends on the call's state. */
  RexianPhraseMoment     step;
  RexianPhraseMoment     moment;
  char                  *text;

  RexianCall            *call;
  gulong                 call_state_id;
  /* The intake form for the call, once the window has opened it. */
  RexianOrderEditor     *editor;

  GtkLabel              *moment_label;
  GtkLabel              *phrase_label;
  GtkButton             *next_button;
};

G_DEFINE_FINAL_TYPE (RexianPhraseStrip, rexian_phrase_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MOMENT,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The editor's title choices, in the order of its combo row. */
static const char * const editor_titles[] = { NULL, "先生", "女士" };

static void
update (RexianPhraseStrip *self)
{
  gboolean named = self->caller_name != NULL && *self->caller_name != '\0';
  g_autofree char *caller = rexian_phrase_format_caller (self->caller_name,
                                                         self->caller_title);
  RexianPhraseMoment moment;
  const char *phrase;
  g_autofree char *text = NULL;

  moment = rexian_phrase_moment_for_call (self->state, self->step, self->kind, named);
  phrase = self->phrases != NULL ? self->phrases[moment] : rexian_phrase_get_default (moment);
  text = rexian_phrase_fill (phrase, self->agent_no, caller);

  gtk_label_set_text (self->moment_label, rexian_phrase_moment_get_label (moment));
  gtk_label_set_text (self->phrase_label, text);
  /* Stepping on makes sense only while talking, and not past the end. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phrase-strip.next",
                                 self->state == REXIAN_PHRASE_CALL_ACTIVE
                                 && moment != REXIAN_PHRASE_CLOSING);

  if (moment != self->moment)
    {
      self->moment = moment;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENT]);
    }
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
}

static void
reload_phrases (RexianPhraseStrip *self)
{
  g_autoptr(GError) error = NULL;
  char **phrases;

  if (self->store == NULL)
    return;

  /* On a read error the phrases last read stay: the standard's wording, at worst. */
  phrases = rexian_store_dup_phrases (self->store, &error);
  if (phrases == NULL)
    {
      g_debug ("The service phrases could not be read: %s", error->message);
      return;
    }

  g_strfreev (self->phrases);
  self->phrases = phrases;
  update (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rexian_phrase_strip_next (REXIAN_PHRASE_STRIP (widget));
}

/* Following the call and its intake form */

static void
read_editor (RexianPhraseStrip *self)
{
  g_autofree char *name = NULL;
  guint title;

  if (self->editor == NULL)
    return;

  name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor->caller_name_row)));
  title = adw_combo_row_get_selected (self->editor->caller_title_row);
  rexian_phrase_strip_set_caller (self, name,
                                  title < G_N_ELEMENTS (editor_titles)
                                  ? editor_titles[title] : NULL,
                                  (int) adw_combo_row_get_selected (self->editor->kind_row));
}

static void
link_editor (RexianPhraseStrip *self)
{
  const char *call_id = rexian_call_get_call_id (self->call);
  g_autoptr(GListModel) toplevels = NULL;

  if (self->editor != NULL || call_id == NULL)
    return;

  /* The window opens the intake form when the call is answered and marks it with the
   * call's id; the strip finds it there rather than the window telling every widget. */
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (REXIAN_IS_ORDER_EDITOR (window)
          && g_strcmp0 (g_object_get_data (window, "rexian-call-id"), call_id) == 0)
        {
          g_set_weak_pointer (&self->editor, REXIAN_ORDER_EDITOR (window));
          g_signal_connect_object (self->editor->caller_name_row, "changed",
                                   G_CALLBACK (read_editor), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->editor->caller_title_row, "notify::selected",
                                   G_CALLBACK (read_editor), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->editor->kind_row, "notify::selected",
                                   G_CALLBACK (read_editor), self, G_CONNECT_SWAPPED);
          read_editor (self);
          return;
        }
    }
}

static void
on_call_state (RexianPhraseStrip *self)
{
  RexianCallState state = rexian_call_get_state (self->call);

  switch (state)
    {
    case REXIAN_CALL_STATE_RINGING_IN:
      rexian_phrase_strip_set_call_state (self, REXIAN_PHRASE_CALL_RINGING);
      break;
    case REXIAN_CALL_STATE_HELD:
      rexian_phrase_strip_set_call_state (self, REXIAN_PHRASE_CALL_HELD);
      break;
    case REXIAN_CALL_STATE_ENDED:
      rexian_phrase_strip_set_call_state (self, REXIAN_PHRASE_CALL_ENDED);
      break;
    case REXIAN_CALL_STATE_ACTIVE:
    case REXIAN_CALL_STATE_DIALING:
    case REXIAN_CALL_STATE_RINGING_OUT:
    default:
      rexian_phrase_strip_set_call_state (self, REXIAN_PHRASE_CALL_ACTIVE);
      link_editor (self);
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), state != REXIAN_CALL_STATE_ENDED);
}

static void
set_call (RexianPhraseStrip *self,
          RexianCall        *call)
{
  /* The phrases are those of a hotline taking a call: a call the agent places (a
   * follow-up, a call back) has its own words. */
  if (call != NULL && rexian_call_get_direction (call) != REXIAN_CALL_INCOMING)
    call = NULL;

  if (call == self->call)
    {
      if (call != NULL)
        on_call_state (self);
      return;
    }

  g_clear_signal_handler (&self->call_state_id, self->call);
  g_clear_object (&self->call);
  g_clear_weak_pointer (&self->editor);
  gtk_widget_set_visible (GTK_WIDGET (self), call != NULL);
  if (call == NULL)
    return;

  self->call = g_object_ref (call);
  self->call_state_id = g_signal_connect_swapped (call, "notify::state",
                                                  G_CALLBACK (on_call_state), self);
  rexian_phrase_strip_set_caller (self, NULL, NULL, -1);
  rexian_phrase_strip_restart (self);
  on_call_state (self);
}

/* GObject */

static void
rexian_phrase_strip_dispose (GObject *object)
{
  RexianPhraseStrip *self = REXIAN_PHRASE_STRIP (object);

  g_clear_signal_handler (&self->call_state_id, self->call);
  g_clear_object (&self->call);
  g_clear_weak_pointer (&self->editor);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  rexian_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_PHRASE_STRIP);

  G_OBJECT_CLASS (rexian_phrase_strip_parent_class)->dispose (object);
}

static void
rexian_phrase_strip_finalize (GObject *object)
{
  RexianPhraseStrip *self = REXIAN_PHRASE_STRIP (object);

  g_strfreev (self->phrases);
  g_free (self->agent_no);
  g_free (self->caller_name);
  g_free (self->caller_title);
  g_free (self->text);

  G_OBJECT_CLASS (rexian_phrase_strip_parent_class)->finalize (object);
}

static void
rexian_phrase_strip_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RexianPhraseStrip *self = REXIAN_PHRASE_STRIP (object);

  switch (prop_id)
    {
    case PROP_MOMENT:
      g_value_set_int (value, self->moment);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_phrase_strip_class_init (RexianPhraseStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_phrase_strip_dispose;
  object_class->finalize = rexian_phrase_strip_finalize;
  object_class->get_property = rexian_phrase_strip_get_property;

  properties[PROP_MOMENT] =
    g_param_spec_int ("moment", NULL, NULL, 0, REXIAN_N_PHRASE_MOMENTS - 1, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-phrase-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianPhraseStrip, moment_label);
  gtk_widget_class_bind_template_child (widget_class, RexianPhraseStrip, phrase_label);
  gtk_widget_class_bind_template_child (widget_class, RexianPhraseStrip, next_button);
  gtk_widget_class_install_action (widget_class, "phrase-strip.next", NULL, next_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "phrasestrip");
}

static void
rexian_phrase_strip_init (RexianPhraseStrip *self)
{
  self->kind = -1;
  self->state = REXIAN_PHRASE_CALL_RINGING;
  self->step = REXIAN_PHRASE_GREETING;
  self->agent_id = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              8);
  update (self);
}

GtkWidget *
rexian_phrase_strip_new (void)
{
  return g_object_new (REXIAN_TYPE_PHRASE_STRIP, NULL);
}

void
rexian_phrase_strip_set_store (RexianPhraseStrip *self,
                               RexianStore       *store)
{
  g_return_if_fail (REXIAN_IS_PHRASE_STRIP (self));

  if (store == self->store)
    return;

  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;

  /* A supervisor's new wording reaches the seat with the next call's phrase. */
  self->store_changed_id = g_signal_connect_swapped (store, "changed",
                                                     G_CALLBACK (reload_phrases), self);
  reload_phrases (self);
}

void
rexian_phrase_strip_set_agent_no (RexianPhraseStrip *self,
                                  const char        *agent_no)
{
  g_return_if_fail (REXIAN_IS_PHRASE_STRIP (self));

  g_free (self->agent_no);
  self->agent_no = g_strdup (agent_no);
  update (self);
}

void
rexian_phrase_strip_set_caller (RexianPhraseStrip *self,
                                const char        *name,
                                const char        *title,
                                int                kind)
{
  g_return_if_fail (REXIAN_IS_PHRASE_STRIP (self));

  g_free (self->caller_name);
  self->caller_name = g_strdup (name);
  g_free (self->caller_title);
  self->caller_title = g_strdup (title);
  self->kind = kind >= 0 && kind < REXIAN_N_REQUEST_KINDS ? kind : -1;
  update (self);
}

void
rexian_phrase_strip_set_call_state (RexianPhraseStrip     *self,
                                    RexianPhraseCallState  state)
{
  g_return_if_fail (REXIAN_IS_PHRASE_STRIP (self));

  self->state = state;
  update (self);
}

void
rexian_phrase_strip_restart (RexianPhraseStrip *self)
{
  g_return_if_fail (REXIAN_IS_PHRASE_STRIP (self));

  self->step = REXIAN_PHRASE_GREETING;
  update (self);
}

void
rexian_phrase_strip_next (RexianPhraseStrip *self)
{
  g_return_if_fail (REXIAN_IS_PHRASE_STRIP (self));

  if (self->state != REXIAN_PHRASE_CALL_ACTIVE)
    return;

  self->step = rexian_phrase_moment_next (self->moment, self->kind);
  update (self);
}

RexianPhraseMoment
rexian_phrase_strip_get_moment (RexianPhraseStrip *self)
{
  g_return_val_if_fail (REXIAN_IS_PHRASE_STRIP (self), REXIAN_PHRASE_GREETING);

  return self->moment;
}

const char *
rexian_phrase_strip_get_text (RexianPhraseStrip *self)
{
  g_return_val_if_fail (REXIAN_IS_PHRASE_STRIP (self), NULL);

  return self->text;
}

static char *
dup_agent_no (RexianStore *store,
              gint64       agent_id)
{
  g_autoptr(GPtrArray) agents = NULL;

  if (store == NULL || agent_id == 0)
    return NULL;

  agents = rexian_store_list_agents (store, NULL);
  for (guint i = 0; agents != NULL && i < agents->len; i++)
    {
      RexianAgent *agent = g_ptr_array_index (agents, i);

      if (agent->id == agent_id)
        return g_strdup (agent->agent_no);
    }

  return NULL;
}

void
rexian_phrase_strip_follow (RexianPhraseStrip *self,
                            RexianStore       *store,
                            gint64             agent_id,
                            RexianCall        *call)
{
  g_return_if_fail (REXIAN_IS_PHRASE_STRIP (self));

  rexian_phrase_strip_set_store (self, store);
  if (agent_id != self->agent_id || store == NULL)
    {
      g_autofree char *agent_no = dup_agent_no (store, agent_id);

      self->agent_id = agent_id;
      rexian_phrase_strip_set_agent_no (self, agent_no);
    }
  set_call (self, call);
}
