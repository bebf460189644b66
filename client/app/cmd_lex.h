/* Words of one line of the command language shared by config, key, theme and
 * macro files and the ':' prompt (DESIGN.md section 7), in the spirit of
 * muttrc and tigrc:
 *
 *   bind inbox  <C-a>  "dossier-accept"   # comment to the end of the line
 *   macro inbox ,r 'ijk<Enter>'
 *
 * Words are separated by blanks. Double quotes allow \" \\ \n \t and \e
 * (escape); single quotes are literal; a backslash outside quotes keeps the
 * next character as it is. A # that starts a word starts a comment. */
#ifndef MOTCUA_CMD_LEX_H
#define MOTCUA_CMD_LEX_H

#include <stddef.h>

#include "core/err.h"

struct cmd_words {
	char **v;
	size_t n, cap;
};

/* Split line into words (replacing what w held). On an error w is empty
 * and e says at which column (1-based, in bytes) and what was expected. */
int cmd_split(const char *line, struct cmd_words *w, struct err *e);
void cmd_words_free(struct cmd_words *w);

#endif
