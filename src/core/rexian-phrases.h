/* rexian-phrases.h: the service phrases of GB/T 33358 Appendix B and the phrases
 * DB1405/T 086 5.1.4 forbids in a reply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-core-types.h"

G_BEGIN_DECLS

/* The moments of a call that have a service phrase, in the order a call usually runs
 * through them.  The stable string forms ("greeting", "ask-name", ...) are what the
 * database stores. */
typedef enum
{
  REXIAN_PHRASE_GREETING,        /* 接起电话时 */
  REXIAN_PHRASE_ASK_NAME,        /* 询问服务对象称呼时 */
  REXIAN_PHRASE_CONFIDENTIALITY, /* 咨询服务对象是否需要保密时 (投诉, 举报 only) */
  REXIAN_PHRASE_VERIFY,          /* 向服务对象核实信息时 */
  REXIAN_PHRASE_CLOSING,         /* 受理结束时 */
  REXIAN_PHRASE_WAIT,            /* 帮助服务对象查询信息时: while the caller is on hold */
} RexianPhraseMoment;

#define REXIAN_N_PHRASE_MOMENTS (REXIAN_PHRASE_WAIT + 1)

/* What the call is doing, as far as the phrases care. */
typedef enum
{
  REXIAN_PHRASE_CALL_RINGING,
  REXIAN_PHRASE_CALL_ACTIVE,
  REXIAN_PHRASE_CALL_HELD,
  REXIAN_PHRASE_CALL_ENDED,
} RexianPhraseCallState;

/* A forbidden phrase found in a text; offsets count characters (as GtkTextIter does),
 * @end is one past the last character. */
typedef struct
{
  char *phrase;
  int   start;
  int   end;
} RexianPhraseMatch;

const char         *rexian_phrase_moment_to_string   (RexianPhraseMoment   moment);
gboolean            rexian_phrase_moment_from_string (const char          *str,
                                                      RexianPhraseMoment  *out_moment);
const char         *rexian_phrase_moment_get_label   (RexianPhraseMoment   moment);
const char         *rexian_phrase_get_default        (RexianPhraseMoment   moment);

/* The caller as the phrases name them: the surname with the title (张女士); the title
 * alone when the name is unknown; the full name when the title is unknown; NULL when
 * neither is known. */
char               *rexian_phrase_format_caller      (const char          *name,
                                                      const char          *title);
/* Replaces {agent_no} and {caller}.  A placeholder without a value takes its whole
 * clause (up to the next ，) with it, so the phrase still reads naturally: "请稍等，
 * {caller}，正在为您查询。" becomes "请稍等，正在为您查询。". */
char               *rexian_phrase_fill               (const char          *phrase,
                                                      const char          *agent_no,
                                                      const char          *caller);

/* @kind is a RexianRequestKind, or -1 when not chosen yet. */
gboolean            rexian_phrase_moment_applies     (RexianPhraseMoment   moment,
                                                      int                  kind);
/* The next moment of the call's sequence that applies after @moment; CLOSING stays. */
RexianPhraseMoment  rexian_phrase_moment_next        (RexianPhraseMoment   moment,
                                                      int                  kind);
/* The moment to show: the greeting while ringing, the waiting phrase on hold, the
 * closing once ended, else @step (moved past asking the name once it is known, and past
 * moments that do not apply to @kind). */
RexianPhraseMoment  rexian_phrase_moment_for_call    (RexianPhraseCallState state,
                                                      RexianPhraseMoment   step,
                                                      int                  kind,
                                                      gboolean             caller_named);

/* The default forbidden phrases (DB1405 5.1.4 and their kin), NULL-terminated. */
const char * const *rexian_phrases_get_default_forbidden (void);
/* Every occurrence in @text of a phrase in @list, ordered by position; an array of
 * RexianPhraseMatch, empty when the text is clean. */
GPtrArray          *rexian_phrases_find_forbidden    (const char          *text,
                                                      const char * const  *list);
/* The distinct phrases of @matches joined with 、, in order of first appearance. */
char               *rexian_phrases_join_found        (GPtrArray           *matches);
void                rexian_phrase_match_free         (RexianPhraseMatch   *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianPhraseMatch, rexian_phrase_match_free)

G_END_DECLS
