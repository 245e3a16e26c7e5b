/* SPDX-License-Identifier: AGPL-3.0-or-later */
/*
 * claims_counts.c - sums of counts: "共有车辆 7 辆,其中:…执法执勤用车 4 辆、
 * …其他用车 3 辆", "车辆 7 辆(一般公务用车 3 辆,执法执勤用车 4 辆)".
 *
 * Every package states its vehicles (and its costly equipment) by the
 * categories of the national template, each a count of the same word as
 * the total. The money readers leave counts alone (a count is never an
 * amount of a quantity), so a total and its categories are read here, by
 * their one counting word: a list of counts of another word ("0 台(套)")
 * or a deeper aside is not theirs.
 */
#include <stdlib.h>
#include <string.h>

#include "claims_impl.h"

/* The word a count is of ("辆", "台", "人"): what follows its last digit
 * in its span, into buf; false when there is none or it is not a word
 * things are counted by in categories (not 次, 月, 平方米). */
static bool count_word(const sent *st, const tk *t, char *buf, size_t cap) {
  size_t i = t->e;
  while (i > t->b && !cl_digit(st->s[i - 1])) i--;
  size_t n = t->e - i;
  if (!n || n >= cap) return false;
  memcpy(buf, st->s + i, n);
  buf[n] = '\0';
  static const char *const things[] = {"辆", "台", "套", "个", "家",
                                       "处", "项", "人", "名"};
  for (size_t k = 0; k < sizeof things / sizeof *things; k++)
    if (!strcmp(buf, things[k])) return true;
  return false;
}

/* Does the text between b and e open a list of the total before it (其中,
 * or a bracket right after it)? */
static bool opens(const sent *st, size_t b, size_t e, int *depth) {
  if (e > b && st->s[b] == '(') {
    *depth = 1;
    return true;
  }
  *depth = 0;
  while (b < e && (st->s[b] == ',' || st->s[b] == ':')) b++;
  return e - b >= 6 && cl_starts(st->s + b, "其中");
}

/* Does a part's name, from the separator before it, start with 其他 (the
 * last category, which makes the list the whole)? */
static bool names_other(const sent *st, size_t from, const tk *t) {
  size_t b = t->b;
  while (b > from && st->s[b - 1] != ',' && st->s[b - 1] != ':' &&
         st->s[b - 1] != ';' && st->s[b - 1] != '(' &&
         !(b >= from + 3 && cl_starts(st->s + b - 3, "、")))
    b--;
  return cl_starts(st->s + b, "其他") || cl_starts(st->s + b, "其它");
}

/* Do the first np parts count exactly the total? */
static bool sum_is(const tk *w, const tk *const *parts, size_t np) {
  long long sum = 0;
  for (size_t p = 0; p < np; p++) sum += atoll(parts[p]->num);
  return sum == atoll(w->num);
}

void cl_count_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k + 2 < st->nt && !r->rc; k++) {
    const tk *w = &st->t[k];
    char word[16], pw[16];
    if (w->kind != TK_COUNT || !count_word(st, w, word, sizeof word) ||
        strchr(w->num, '.') || w->num[0] == '-')
      continue;
    int rel;
    if (!opens(st, w->e, st->t[k + 1].b, &rel)) continue;
    const tk *parts[64];
    size_t np = 0, j = k + 1;
    int sep = 0;
    bool other = false;
    size_t from = w->e;
    for (; j < st->nt && np < 64; j++) {
      const tk *t = &st->t[j];
      if (t->depth < w->depth + rel) break;
      if (t->depth > w->depth + rel) continue; /* an aside of a part */
      if (t->kind != TK_COUNT || !count_word(st, t, pw, sizeof pw) ||
          strcmp(pw, word) || strchr(t->num, '.'))
        break;
      int g = np ? cl_separator_between(st, parts[np - 1]->e, t->b) : 1;
      if (!g) break; /* not the first figure of its clause */
      if (np == 1) sep = g;
      if (np && sep < 3 && g == 3) break; /* a ';' after 、 or , ends it */
      other = names_other(st, from, t);
      parts[np++] = t;
      from = t->e;
      /* a part with its own list ("在职人员 48 人,包括行政人员 22 人,…
       * 事业人员 26 人;退休人员 15 人"): its items to the next ';' are
       * not the total's */
      size_t a = t->e;
      while (a < st->n && (st->s[a] == ',' || st->s[a] == ':')) a++;
      if (cl_starts(st->s + a, "包括") || cl_starts(st->s + a, "其中")) {
        while (j + 1 < st->nt) {
          size_t b = st->t[j + 1].b;
          bool semi = false;
          for (size_t q = t->e; q < b && !semi; q++) semi = st->s[q] == ';';
          if (semi) break;
          j++;
        }
        sep = sep ? sep : 3;
      }
    }
    if (np < 2 || np == 64) continue;
    /* the first categories make the total and more follow (职称, then
     * 工种, then 退休职工 beyond it): those are of another breakdown */
    if (!sum_is(w, parts, np))
      for (size_t m = np - 1; m >= 2; m--)
        if (sum_is(w, parts, m)) {
          np = m;
          other = false;
          break;
        }
    /* the subject: what the clause names before the total ("车辆") */
    size_t b = w->b;
    while (b > 0 && st->s[b - 1] != ',' && st->s[b - 1] != ':' &&
           st->s[b - 1] != ';')
      b--;
    int y, m;
    const char *subj = cl_clean_subject(r, st->s + b, w->b - b, &y, &m);
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SUM, subj ? subj : "", w);
    if (!c) return;
    cl_set_parts(r, c, parts, NULL, np);
    c->unit = YS_UNIT_YUAN;
    for (size_t p = 0; p < np; p++) c->part_units[p] = YS_UNIT_YUAN;
    c->counted = cl_doc_str(r, word);
    /* the template's categories end with 其他…: the list is the whole */
    c->exhaustive = other;
    k = j - 1;
  }
}
