/* rexian-article-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_ARTICLE_DIALOG (rexian_article_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianArticleDialog, rexian_article_dialog,
                      REXIAN, ARTICLE_DIALOG, AdwWindow)

/* A modal dialog that writes a knowledge-base article: every field, with its dates typed
 * as YYYY-MM-DD.  A problem is shown in the dialog, which stays open so nothing typed is
 * lost; once the store has saved the article it emits "saved" (gint64 article id) and
 * closes.  @article NULL makes a new article. */
RexianArticleDialog *rexian_article_dialog_new (GtkWindow           *parent,
                                                RexianStore         *store,
                                                const RexianArticle *article);

/* Reads @text as a local date YYYY-MM-DD, giving the Unix time of its first moment in
 * *@out_time; blank text gives 0.  A clear error says what is wrong otherwise. */
gboolean rexian_article_dialog_parse_date (const char  *text,
                                           gint64      *out_time,
                                           GError     **error);

/* Appends to @names the name of each record of @records (RexianDepartment when
 * @departments, else RexianCategory) and to @ids its id, and returns the position in
 * @names of the record whose id is @selected_id, or 0 when it is not among them. */
guint    rexian_article_dialog_append_names (GtkStringList *names,
                                             GArray        *ids,
                                             GPtrArray     *records,
                                             gboolean       departments,
                                             gint64         selected_id);

/* A Unix time as its local date YYYY-MM-DD; "" for 0. */
char    *rexian_article_dialog_format_date (gint64 unix_time);

/* For tests: fills the field with @text as if typed. */
void     _rexian_article_dialog_set_field (RexianArticleDialog *self,
                                           const char          *field,
                                           const char          *text);
/* For tests: the problem shown, or NULL. */
const char *_rexian_article_dialog_get_error (RexianArticleDialog *self);

G_END_DECLS
