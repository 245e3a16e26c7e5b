/*
 * ingest_text_titles.c - where the tables of a flowed text are: title
 * lines matched against a profile's titles (prefix words, year, 表N and
 * markup removed; a character or two may differ), the profile whose
 * titles the document uses most, part headings (第X部分) and narrative
 * section headings, and each table's region of lines, from its title to
 * the next title or heading; a title with nothing under it is a table of
 * contents entry and no table.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- titles ------------------------------------------------------------ */

typedef struct tdef {
  const ys_ptable *pt;
  const char *core; /* key of the title without prefix words */
  uint32_t cp[96];
  size_t ncp;
} tdef;

static size_t to_cps(const char *s, uint32_t *out, size_t max) {
  size_t n = 0, len = strlen(s);
  for (size_t i = 0; i < len && n < max;) {
    uint32_t c;
    i += ys_utf8_decode(s + i, len - i, &c);
    out[n++] = c;
  }
  return n;
}

/* Removes leading prefix words (部门, 单位, 部门(单位), 本部门 …) from a key.
 */
static const char *strip_prefix_words(const char *k) {
  static const char *const pre[] = {"部门(单位)", "单位(部门)", "本部门",
                                    "本单位",     "部门",       "单位"};
  for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
    if (it_starts(k, pre[i])) return k + strlen(pre[i]);
  return k;
}

/* Removes a leading year ("2024年", "2024年度"). */
static const char *strip_year(const char *k, int *year) {
  if (k[0] >= '1' && k[0] <= '2' && k[1] >= '0' && k[1] <= '9' && k[2] >= '0' &&
      k[2] <= '9' && k[3] >= '0' && k[3] <= '9' && it_starts(k + 4, "年")) {
    if (year) *year = atoi(k);
    k += 4 + 3;
    if (it_starts(k, "度")) k += 3;
  }
  return k;
}

static void title_defs(rd *r, const ys_profile *p, tdef **out, size_t *n) {
  tdef *v = ys_arena_alloc(r->tmp, sizeof(tdef) * (p->n + 1));
  *out = v;
  *n = 0;
  if (!v) return;
  for (size_t i = 0; i < p->n; i++) {
    const char *plain = ys_ptable_plain_title(&p->tables[i], r->tmp);
    if (!plain) continue;
    const char *k = strip_prefix_words(it_keyz(r, plain));
    if (!*k) continue;
    v[*n].pt = &p->tables[i];
    v[*n].core = k;
    v[*n].ncp = to_cps(k, v[*n].cp, 96);
    (*n)++;
  }
}

/* Levenshtein distance over code points, with an early cut at max+1. */
static size_t edit_dist(const uint32_t *a, size_t na, const uint32_t *b,
                        size_t nb, size_t max) {
  if ((na > nb ? na - nb : nb - na) > max) return max + 1;
  size_t prev[97], cur[97];
  if (nb > 96) return max + 1;
  for (size_t j = 0; j <= nb; j++) prev[j] = j;
  for (size_t i = 1; i <= na; i++) {
    cur[0] = i;
    size_t best = cur[0];
    for (size_t j = 1; j <= nb; j++) {
      size_t d = prev[j - 1] + (a[i - 1] != b[j - 1]);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    memcpy(prev, cur, sizeof(size_t) * (nb + 1));
  }
  return prev[nb];
}

typedef struct tmatch {
  const ys_ptable *pt;
  int dist;           /* 0 exact */
  const char *number; /* "表12" printed on the title line, or NULL */
} tmatch;

/* "表 12" alone on a line (the number printed above a title). */
const char *it_number_line(rd *r, const ys_tline *l) {
  if (l->len > 24) return NULL;
  const char *k = it_line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  if (!it_starts(k, "表")) return NULL;
  const char *d = k + 3;
  if (*d < '0' || *d > '9') return NULL;
  const char *e = d;
  while (*e >= '0' && *e <= '9') e++;
  if (*e) return NULL;
  return ys_arena_printf(r->d->arena, "表%s", d);
}

/* Does line text s name one of the tables? The core of the line (markup,
 * 表N, numbering, year and 部门/单位 removed) must equal a title core, or be
 * within a small edit distance of exactly one (a dropped 按, a changed
 * character). Returns false if nothing matches. */
/* What a line's key could be the title of, whatever the profile: its 表N
 * number (or NULL) and the words left after numbering, year and prefix
 * words are stripped; NULL when it reads as prose. */
typedef struct tcore {
  const char *k, *number;
} tcore;

static tcore title_core(rd *r, const char *k) {
  tcore c = {NULL, NULL};
  if (!k) return c;
  while (*k == '#' || *k == '*' || *k == '-' || *k == '>') k++;
  if (it_starts(k, "表") && k[3] >= '0' && k[3] <= '9') {
    const char *e = k + 3;
    while (*e >= '0' && *e <= '9') e++;
    c.number = ys_arena_printf(r->d->arena, "表%.*s", (int)(e - k - 3), k + 3);
    k = e;
    while (*k == ':' || *k == '.') k++;
  }
  k = it_strip_numbering(r, k);
  k = strip_year(k, NULL);
  k = strip_prefix_words(k);
  if (strstr(k, ",") || strstr(k, "。") || strstr(k, ";")) return c;
  c.k = k;
  return c;
}

static bool match_core(rd *r, tcore c, const tdef *defs, size_t nd, tmatch *m);

static bool match_title(rd *r, const char *s, size_t len, const tdef *defs,
                        size_t nd, tmatch *m) {
  memset(m, 0, sizeof *m);
  if (len > 240 || !nd) return false;
  return match_core(r, title_core(r, it_key(r, s, len)), defs, nd, m);
}

/* match_title of a line's title core (made once per line: every profile's
 * titles are tried against every line). */
static bool match_core(rd *r, tcore c, const tdef *defs, size_t nd, tmatch *m) {
  memset(m, 0, sizeof *m);
  const char *k = c.k;
  if (!k || !nd) return false;
  m->number = c.number;
  /* A title ends with 表 or with 表(…) unless it is exactly a profile's
   * title ("部门政府采购预算"): anything else is prose or a table of
   * contents entry with a remark. */
  bool exact = false;
  for (size_t i = 0; i < nd && !exact; i++) exact = !strcmp(k, defs[i].core);
  const char *last = strstr(k, "表");
  if (!last && !exact) return false;
  if (last) {
    for (const char *q = last; (q = strstr(q + 3, "表"));) last = q;
    const char *after = last + 3;
    if (!exact && *after && (*after != '(' || after[strlen(after) - 1] != ')'))
      return false;
  }
  /* "(2023年度)" after the title is not part of it. */
  size_t kl = strlen(k);
  if (kl > 12 && k[kl - 1] == ')') {
    const char *op = strrchr(k, '(');
    if (op && strstr(op, "年"))
      k = ys_arena_strndup(r->tmp, k, (size_t)(op - k));
  }
  uint32_t cp[96];
  size_t ncp = to_cps(k, cp, 96);
  if (ncp >= 96 || ncp < 3) return false;
  int best = 99, second = 99;
  const ys_ptable *bt = NULL;
  for (size_t i = 0; i < nd; i++) {
    size_t lim = defs[i].ncp >= 24 ? 2 : defs[i].ncp >= 10 ? 1 : 0;
    size_t d = strcmp(k, defs[i].core) == 0
                   ? 0
                   : edit_dist(cp, ncp, defs[i].cp, defs[i].ncp, lim);
    if (d > lim) continue;
    if ((int)d < best) {
      second = best;
      best = (int)d;
      bt = defs[i].pt;
    } else if ((int)d < second) {
      second = (int)d;
    }
  }
  if (!bt || best == second) return false;
  m->pt = bt;
  m->dist = best;
  return true;
}

/* --- parts of the package ---------------------------------------------- */

/* "第二部分 …" (after markup). */
bool it_part_heading(rd *r, const ys_tline *l) {
  if (l->len > 200) return false;
  const char *k = it_line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  if (!it_starts(k, "第")) return false;
  size_t c = it_cn_run(k + 3);
  return c && it_starts(k + 3 + c, "部分");
}

/* "六、政府采购预算情况" — a narrative section heading: Chinese numeral,
 * 、, a short title without figures. */
bool it_section_heading(rd *r, const ys_tline *l, const char **title) {
  if (l->len > 180) return false;
  const char *k = it_line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  size_t c = it_cn_run(k);
  if (!c || !it_starts(k + c, "、")) return false;
  const char *t = k + c + 3;
  /* no figure in it; a year is none ("二、2024年…“三公”经费支出预算情况
   * 说明") */
  if (!ys_text_years_only(t, strlen(t))) return false;
  if (title) *title = t;
  return true;
}

int it_part_kind(const char *k) {
  if (strstr(k, "概况")) return PART_OVERVIEW;
  if (strstr(k, "名词解释")) return PART_GLOSSARY;
  if (strstr(k, "公开报表") || strstr(k, "预算表") || strstr(k, "公开表"))
    return PART_TABLE;
  return PART_NARRATIVE;
}

/* The candidate profile whose titles the document uses most (lk: each
 * line's title core); *out stays NULL when none is used. */
static int choose_profile(rd *r, const ys_profile *const *cands, size_t ncands,
                          const tcore *lk, const ys_profile **out) {
  const ys_profile *best = NULL;
  int best_score = 0;
  for (size_t i = 0; i < ncands; i++) {
    const ys_profile *p = cands[i];
    tdef *defs;
    size_t nd;
    title_defs(r, p, &defs, &nd);
    int score = 0;
    bool *seen = ys_arena_alloc(r->tmp, p->n + 1);
    if (!seen) return YS_ENOMEM;
    for (size_t l = 0; l < r->nl; l++) {
      tmatch m;
      if (!match_core(r, lk[l], defs, nd, &m)) continue;
      size_t ti = (size_t)(m.pt - p->tables);
      if (seen[ti]) continue;
      seen[ti] = true;
      score += m.dist == 0 ? 3 : 1;
    }
    if (score > best_score) {
      best = p;
      best_score = score;
    }
  }
  *out = best;
  return YS_OK;
}

/* The title lines of r->p's tables: a region per title, from the title
 * (or the 表N above it) to its body; the ends are not known yet. */
static int title_regions(rd *r, const tcore *lk, treg **out, size_t *nout) {
  tdef *defs;
  size_t nd;
  title_defs(r, r->p, &defs, &nd);
  treg *v = NULL;
  size_t n = 0, cap = 0;
  for (size_t l = 0; l < r->nl; l++) {
    tmatch m;
    const ys_tline *L = &r->L[l];
    bool hit = match_core(r, lk[l], defs, nd, &m);
    size_t title_end = l + 1;
    if (!hit && L->len > 6 && L->len < 200) {
      /* A title broken before its last characters ("…绩效目\n标表"). */
      size_t j = l + 1;
      while (j < r->nl && j < l + 3 && it_blank(&r->L[j])) j++;
      if (j < r->nl && r->L[j].len <= 12 && r->L[j].len > 0) {
        const char *joined = ys_arena_printf(r->tmp, "%s%s", L->s, r->L[j].s);
        if (match_title(r, joined, strlen(joined), defs, nd, &m)) {
          hit = true;
          title_end = j + 1;
        }
      }
    }
    if (!hit) continue;
    v = ys_arena_reserve(r->tmp, v, n, &cap, sizeof *v);
    if (!v) return YS_ENOMEM;
    treg *g = &v[n++];
    memset(g, 0, sizeof *g);
    g->title = l;
    g->start = l;
    g->body = title_end;
    g->pt = m.pt;
    g->dist = m.dist;
    g->number = m.number;
    const char *pr = it_trimdup(r, L->s, L->len);
    if (title_end > l + 1)
      pr = ys_arena_printf(
          r->d->arena, "%s%s", pr,
          it_trimdup(r, r->L[title_end - 1].s, r->L[title_end - 1].len));
    /* Markdown markup is not part of the title. */
    while (*pr == '#' || *pr == '*' || *pr == ' ') pr++;
    size_t pl = strlen(pr);
    while (pl && (pr[pl - 1] == '*' || pr[pl - 1] == ' ')) pl--;
    g->printed = ys_arena_strndup(r->d->arena, pr, pl);
    /* "表N" on a line just above. */
    if (!g->number) {
      for (size_t j = l, seen = 0; j-- > 0 && seen < 2;) {
        if (it_blank(&r->L[j])) continue;
        seen++;
        const char *num = it_number_line(r, &r->L[j]);
        if (num) {
          g->number = num;
          g->start = j;
          break;
        }
      }
    }
    l = title_end - 1;
  }
  *out = v;
  *nout = n;
  return YS_OK;
}

static void region_ends(rd *r, treg *v, size_t n) {
  /* Ends: the next table, a part heading, a narrative section heading. */
  for (size_t i = 0; i < n; i++) {
    size_t lim = i + 1 < n ? v[i + 1].start : r->nl;
    size_t e = v[i].body;
    for (; e < lim; e++) {
      const ys_tline *L = &r->L[e];
      if (it_part_heading(r, L)) break;
      const char *t;
      if (it_section_heading(r, L, &t) && !memchr(L->s, '\t', L->len) &&
          (strstr(t, "情况") || strstr(t, "说明") || strstr(t, "信息") ||
           strstr(t, "解释") || strstr(t, "事项")))
        break;
    }
    v[i].end = e;
  }
}

/* Drops the regions that are table-of-contents entries; returns how
 * many are left. */
static size_t drop_contents(rd *r, treg *v, size_t n) {
  /* A title with no unit, no "(万元)" and no amount under it before the
   * next one is an entry of a table of contents. */
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    bool content = false;
    for (size_t j = v[i].body; j < v[i].end && !content; j++) {
      const ys_tline *L = &r->L[j];
      ys_unit u;
      if (it_blank(L)) continue;
      if (it_unit_in(r, L->s, &u) || it_unit_hint(r, L->s, &u)) content = true;
      for (size_t b = 0; b < L->len && !content; b++)
        if (L->s[b] >= '0' && L->s[b] <= '9' &&
            ((b + 1 < L->len && (L->s[b + 1] == '.' || L->s[b + 1] == ',')) ||
             (b > 0 && L->s[b - 1] == '.')))
          content = true;
    }
    if (content) v[w++] = v[i];
  }
  return w;
}

/* Finds the profile whose titles the document uses most, and the title
 * lines. */
int it_find_tables(rd *r, treg **regs, size_t *nreg) {
  /* the family the caller names, else the vocabulary's profiles (parsed
   * once per process) */
  const ys_profile *const *cands = &r->forced;
  size_t ncands = 1;
  if (!r->forced) {
    const ys_profiles *set = ys_vocab_profiles(r->vocab);
    cands = set ? (const ys_profile *const *)set->v : NULL;
    ncands = set ? set->n : 0;
  }
  /* each line's key, made once for all profiles; NULL: too long a line */
  tcore *lk = ys_arena_alloc(r->tmp, sizeof *lk * (r->nl + 1));
  if (!lk) return YS_ENOMEM;
  for (size_t l = 0; l < r->nl; l++)
    lk[l] = title_core(
        r, r->L[l].len > 240 ? NULL : it_key(r, r->L[l].s, r->L[l].len));
  const ys_profile *best = NULL;
  int rc = choose_profile(r, cands, ncands, lk, &best);
  if (rc) return rc;
  if (!best) return YS_OK;
  r->p = best;
  treg *v = NULL;
  size_t n = 0;
  rc = title_regions(r, lk, &v, &n);
  if (rc) return rc;
  region_ends(r, v, n);
  *regs = v;
  *nreg = drop_contents(r, v, n);
  return YS_OK;
}
