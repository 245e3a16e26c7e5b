/*
 * claims_link.c - the narrative against its tables (claims_impl.h): a
 * figure the text states is linked to the figure of a table printed in
 * or read from the package (link_fact, link_total, all_items), and a
 * change or rate stated with it to the table's base (base_fact,
 * table_bases, table_links), so that the text is checked against the
 * tables.
 */
#include "claims_impl.h"

/* --- the narrative against its tables ------------------------------- */

/* What a name means by the vocabulary alone, as a quantity key: NULL when
 * some word of it is not the vocabulary's or it names no code (公车购置及运
 * 行费 and 公务用车购置及运行维护费 mean the same codes). */
static const char *meaning_key(cr *r, const char *s) {
  ys_meaning m;
  if (!r->x->vocab || ys_vocab_parse(r->x->vocab, s, &m, r->a) || *m.rest ||
      !m.phrases || !(m.q.econ.n || m.q.func.n))
    return NULL;
  return ys_qfilter_key(r->a, &m.q);
}

static bool total_name(const char *s) {
  return !strcmp(s, "合计") || !strcmp(s, "总计") || !strcmp(s, "小计");
}

/* The fact a stated amount is: the row of the same name (or, in a table of
 * years, the column of that name in the statement's year), in the column
 * of its measure when the table has several; NULL when none, or when two
 * of different figures fit equally. fk holds each fact's match key and
 * meaning (2 per fact). */
static const ys_tfact *link_fact(cr *r, const ys_tfacts *f, const char **fk,
                                 const tk *u, const ys_tfact **row) {
  *row = NULL;
  if (u->kind != TK_AMT || cl_generic(u->subject)) return NULL;
  int year = cl_amount_year(u, r->x->year);
  /* its measure: said, or in a 决算 what was spent */
  int um_ = u->measure ? u->measure : r->x->final ? YS_PHASE_FINAL : 0;
  const char *uk = cl_match_key(r, u->subject), *um = NULL;
  bool um_done = false;
  const ys_tfact *best = NULL;
  int score = 0;
  bool tie = false, one_row = false;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    /* a table of years: its columns are the subjects, in their year; a
     * table of no years shows the document's year (a statement of 上年 or
     * of another year is none of its figures) */
    if (t->year && (!*t->col || !year || t->year != year)) continue;
    if (!t->year && (year < 0 || (year && r->x->year && year != r->x->year)))
      continue;
    int s = cl_key_score(uk, fk[2 * i]);
    if (!s && fk[2 * i + 1]) {
      if (!um_done) um = meaning_key(r, u->subject), um_done = true;
      if (um && !strcmp(um, fk[2 * i + 1])) s = 2;
    }
    if (t->year && s) s = 2;
    /* a table of years holds what was spent or collected in each, unless
     * it says budgets: a budget stated is none of its figures */
    if (s && t->year && um_ == YS_PHASE_BUDGET && t->measure != YS_PHASE_BUDGET)
      s = 0;
    if (s && t->measure && um_ && t->measure != um_) s = 0;
    /* a table of several figures a row: the one of its measure, never the
     * year before's */
    if (s && !t->year && t->ncols > 1 && (!*t->col || strstr(t->col, "上年")))
      s = 0;
    if (!s || s < score) continue;
    if (s > score) {
      best = t;
      score = s;
      tie = false;
      one_row = !t->year;
    } else if (strcmp(best->fig, t->fig)) {
      tie = true;
      one_row = one_row && t->table == best->table && t->rown == best->rown;
    }
  }
  /* figures of one row fit equally (no measure tells its column): the row
   * is still the statement's, for the bases its other columns give */
  if (tie && one_row) *row = best;
  return tie ? NULL : best;
}

/* Are the parts of w (cells of one column, as `first`) every item of that
 * column the 合计 row adds up: the rows of the top level below it when the
 * table reader gave levels, else every row but the totals? (Two 其中 rows
 * of one item are parts of that item, not of the table's 合计.) */
/* Does name a mean, by the vocabulary, a strict part of what b means (公务
 * 用车购置费 of 公务用车购置及运行费: its codes among b's, fewer)? */
static bool part_of(cr *r, const char *a, const char *b) {
  ys_meaning ma, mb;
  if (!r->x->vocab || ys_vocab_parse(r->x->vocab, a, &ma, r->a) ||
      ys_vocab_parse(r->x->vocab, b, &mb, r->a) || *ma.rest || *mb.rest ||
      !ma.q.econ.n || ma.q.econ.n >= mb.q.econ.n)
    return false;
  for (int i = 0; i < ma.q.econ.n; i++) {
    bool in = false;
    for (int j = 0; j < mb.q.econ.n && !in; j++)
      in = !strcmp(ma.q.econ.v[i], mb.q.econ.v[j]);
    if (!in) return false;
  }
  return true;
}

static bool all_items(cr *r, const ys_tfacts *f, const tk *const *hist,
                      const ys_tfact *const *got, size_t nh, const tk *w,
                      const ys_tfact *first) {
  int top = -1;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    if (t->table != first->table || strcmp(t->col, first->col) ||
        total_name(t->row) || t->level <= 0)
      continue;
    if (top < 0 || t->level < top) top = t->level;
  }
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    if (t->table != first->table || strcmp(t->col, first->col) ||
        total_name(t->row) || (top > 0 && t->level != top))
      continue;
    /* a row that means a part of another row's item is no item itself */
    bool sub = false;
    for (size_t k = 0; k < f->n && !sub; k++)
      sub = f->v[k].table == t->table && k != (size_t)(t - f->v) &&
            !strcmp(f->v[k].col, t->col) && part_of(r, t->row, f->v[k].row);
    if (sub) continue;
    bool named = false;
    for (size_t g = 0; g < nh && !named; g++)
      named = hist[g]->headp == w && got[g] == t;
    if (!named) return false;
  }
  return true;
}

/* A whole the text states with its parts, the parts cells of one row of a
 * table (or of one column): the whole is that row's 合计 column (that
 * column's 合计 row) — "“三公”经费决算数 2364 万元。分项情况是:因公出国
 * (境)经费 12 万元;公务接待费 1356 万元;…" against a table of years whose
 * row 2016年 is 合计 | 因公出国(境)经费 | 公务接待费 | …. */
static const ys_tfact *link_total(cr *r, const ys_tfacts *f,
                                  const tk *const *hist,
                                  const ys_tfact *const *got, size_t nh,
                                  const tk *w) {
  const ys_tfact *first = NULL;
  bool row = true, col = true;
  size_t n = 0;
  for (size_t g = 0; g < nh; g++) {
    if (hist[g]->headp != w) continue;
    const ys_tfact *t = got[g];
    if (!t) continue;
    if (!first) first = t;
    row = row && t->table == first->table && t->rown == first->rown;
    col = col && t->table == first->table && !strcmp(t->col, first->col) &&
          *t->col;
    n++;
  }
  if (n < 2 || (!row && !col)) return NULL;
  if (!row && !all_items(r, f, hist, got, nh, w, first)) return NULL;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    if (t->table != first->table) continue;
    if (row && t->rown == first->rown && total_name(t->col)) return t;
    if (!row && col && !strcmp(t->col, first->col) && total_name(t->row))
      return t;
  }
  return NULL;
}

/* Are two printed figures of one size (within a factor of ten)? */
static bool same_size(const char *a, const char *b) {
  ys_amount x, y;
  if (ys_money_parse(&x, a, strlen(a), YS_UNIT_YUAN, NULL) ||
      ys_money_parse(&y, b, strlen(b), YS_UNIT_YUAN, NULL) || x.empty ||
      y.empty)
    return false;
  int64_t p = x.fen < 0 ? -x.fen : x.fen, q = y.fen < 0 ? -y.fen : y.fen;
  return p <= q * 10 && q <= p * 10;
}

/* The figure a change is measured from, in the table the statement is a
 * cell of: in a table of years the same column in the year of the base (a
 * change with no base said is of the year before); else the same row's
 * column of the base — 上年 (上年同期数, 上年决算数) for the year before,
 * the budget column for a comparison with the budget or the year's own
 * plan. NULL when the table has no such figure. */
static const ys_tfact *base_fact(const ys_tfacts *f, const ys_tfact *t,
                                 int base, int base_year, int phase,
                                 int doc_year) {
  int year = 0;
  if (t->year)
    year = base == B_PRIOR || base == B_NONE ? t->year - 1
           : base == B_YEAR                  ? base_year
                                             : 0;
  bool prior = base == B_PRIOR || (base == B_YEAR && base_year && doc_year &&
                                   base_year == doc_year - 1);
  bool budget = base == B_BUDGET ||
                (base == B_YEAR && base_year && base_year == doc_year);
  if (t->year ? !year : !prior && !budget) return NULL;
  const ys_tfact *hit = NULL;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *p = &f->v[i];
    if (p == t || p->table != t->table) continue;
    bool ok = t->year              ? p->year == year && !strcmp(p->col, t->col)
              : p->rown != t->rown ? false
              : prior
                  ? strstr(p->col, "上年") != NULL
                  : p->measure == YS_PHASE_BUDGET && !strstr(p->col, "上年");
    /* the phase the base names, when the column says one ("比 2022 年决
     * 算数" is no 上年预算数) */
    if (ok && phase && p->measure && p->measure != phase) ok = false;
    if (!ok) continue;
    if (hit && strcmp(hit->fig, p->fig)) return NULL; /* two: neither */
    hit = p;
  }
  return hit;
}

/* A claim of two parts, the second a table's figure; NULL when the
 * table's unit cannot be told (or on OOM, r->rc set). */
static ys_rclaim *claim_with_fact(cr *r, ys_claim_kind kind, const tk *u,
                                  const tk *fig, const ys_tfact *p) {
  /* a table that prints no unit: the statement's, when the figures are of
   * one size (see table_links) */
  if (!p->unit_known && !same_size(u->num, p->fig)) return NULL;
  ys_rclaim *c = cl_claim(r, u->owner, kind, u->subject, fig);
  if (!c || !ys_rclaim_parts(r->d, c, 2)) {
    r->rc = YS_ENOMEM;
    return NULL;
  }
  c->parts[0] = cl_doc_str(r, u->num);
  c->parts[1] = cl_doc_str(r, p->fig);
  c->part_units[0] = u->unit;
  c->part_units[1] = p->unit_known ? p->unit : u->unit;
  c->n_parts = 2;
  return c;
}

/* Is there a difference claim of this sentence with this figure already
 * (the base found in the text)? */
static bool have_difference(const cr *r, const tk *d) {
  const sent *st = d->owner;
  for (size_t i = r->amounts_from; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    if (c->kind == YS_CLAIM_DIFFERENCE && c->line == st->line &&
        !strcmp(c->text, d->num))
      return true;
  }
  return false;
}

/* A change a statement gives without its base figure ("公务接待费支出 2.14
 * 万元,与年度预算相比,增加 1.14 万元"; "995 万元…,比上年决算数下降
 * 26.24%"), measured from the base figure of the table the statement is a
 * cell of (base_fact): the change stated is the difference of the two, the
 * rate their rate of change. A rate so measured is no longer one of an
 * unknown base (*dropped). */
static void table_bases(cr *r, const ys_tfacts *f, const tk *u,
                        const ys_tfact *t, const tk **dropped) {
  *dropped = NULL;
  int dy = r->x->year;
  const tk *d = u->delta;
  if (d && d->stmt == u && !d->prior && !have_difference(r, d)) {
    const ys_tfact *p =
        base_fact(f, t, d->base, d->base_year, d->base_phase, dy);
    ys_rclaim *c = p ? claim_with_fact(r, YS_CLAIM_DIFFERENCE, u, d, p) : NULL;
    if (r->rc) return;
    if (c) c->dir = d->dir;
  }
  tk *rt = u->rate;
  if (!rt || rt->used || rt->delta || rt->stmt != u) return;
  const ys_tfact *p =
      base_fact(f, t, rt->base, rt->base_year, rt->base_phase, dy);
  if (!p) return;
  ys_rclaim *c = claim_with_fact(r, YS_CLAIM_CHANGE, u, rt, p);
  if (!c) return;
  c->unit = u->unit; /* a rate is in the unit of its amounts */
  c->how = YS_CHANGE_PRIOR;
  c->dir = rt->dir;
  rt->used = true;
  *dropped = rt;
}

/* The claim (1 + its index) of the amount as an amount of a quantity
 * (narrative.c's, checked against the tables' observations of it); 0 none. */
static size_t amount_claimed(cr *r, const tk *u) {
  const sent *st = u->owner;
  for (size_t i = r->amounts_from; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    if (c->kind == YS_CLAIM_AMOUNT && c->line == st->line &&
        !strcmp(c->text, u->num))
      return i + 1;
  }
  return 0;
}

/* Amounts the text states that a table printed in it shows too (see
 * link_fact, link_total): the two are one figure, within their rounding (a
 * restated figure, checked). */
void cl_table_links(cr *r, const ys_tfacts *f) {
  if (!f->n || !r->nh) return;
  /* each fact's name (its column's in a table of years, else its row's),
   * as a match key and as a meaning, once */
  const char **fk = ys_arena_alloc(r->a, sizeof *fk * 2 * f->n);
  const ys_tfact **got = ys_arena_alloc(r->a, sizeof *got * r->nh);
  const tk **drop = ys_arena_alloc(r->a, sizeof *drop * r->nh);
  if (!fk || !got || !drop) {
    r->rc = YS_ENOMEM;
    return;
  }
  for (size_t i = 0; i < f->n; i++) {
    const char *name = f->v[i].year ? f->v[i].col : f->v[i].row;
    fk[2 * i] = cl_match_key(r, name);
    fk[2 * i + 1] = *name ? meaning_key(r, name) : NULL;
  }
  const ys_tfact **rowof = ys_arena_alloc(r->a, sizeof *rowof * r->nh);
  if (!rowof) {
    r->rc = YS_ENOMEM;
    return;
  }
  for (size_t h = 0; h < r->nh; h++)
    got[h] = link_fact(r, f, fk, r->hist[h], &rowof[h]);
  for (size_t h = 0; h < r->nh; h++)
    if (!got[h] && r->hist[h]->kind == TK_AMT)
      got[h] =
          link_total(r, f, (const tk *const *)r->hist, got, r->nh, r->hist[h]);
  size_t from = r->d->n_claims, ndrop = 0;
  size_t *gone_at = NULL, ngone = 0, cgone = 0;
  for (size_t h = 0; h < r->nh && !r->rc; h++) {
    const tk *u = r->hist[h];
    const ys_tfact *best = got[h];
    if (!best && rowof[h]) {
      /* its row only: what its change is measured from, no restatement */
      table_bases(r, f, u, rowof[h], &drop[ndrop]);
      if (drop[ndrop]) ndrop++;
      continue;
    }
    if (!best) continue;
    /* the amount as an amount of a quantity, and the cell an observation of
     * it: the one comparison is the cell's, as a restatement (the cell
     * meets the other tables through its quantity); the amount claim goes */
    size_t ac = best->observed ? amount_claimed(r, u) : 0;
    if (ac) {
      size_t *w =
          ys_arena_reserve(r->a, gone_at, ngone, &cgone, sizeof *gone_at);
      if (!w) {
        r->rc = YS_ENOMEM;
        return;
      }
      gone_at = w;
      gone_at[ngone++] = ac - 1;
    }
    ys_unit unit = best->unit;
    if (!best->unit_known) {
      /* no unit printed: the statement's, when the figures are of one
       * size (a table in 元 beside a text in 万元 is not the same digits) */
      if (!same_size(u->num, best->fig)) continue;
      unit = u->unit;
    }
    ys_rclaim *c = cl_claim(r, u->owner, YS_CLAIM_REPEAT, u->subject, NULL);
    if (!c) return;
    c->text = cl_doc_str(r, best->fig);
    c->unit = unit;
    const tk *v[1] = {u};
    cl_set_parts(r, c, v, NULL, 1);
    table_bases(r, f, u, best, &drop[ndrop]);
    if (drop[ndrop]) ndrop++;
  }
  if (r->rc || r->d->n_claims == from) return;
  /* a sentence whose figure is now read is no longer one of nothing read
   * (the links are the claims from `from` on), and a rate now measured no
   * longer one of an unknown base */
  ys_rdoc *d = r->d;
  size_t w = r->amounts_from;
  for (size_t i = r->amounts_from; i < d->n_claims; i++) {
    const ys_rclaim *c = &d->claims[i];
    bool out = false;
    for (size_t k = from; c->kind == YS_CLAIM_UNREAD && k < d->n_claims && !out;
         k++)
      out = d->claims[k].line == c->line &&
            !strcmp(d->claims[k].sentence, c->sentence);
    /* (a rate's sentence may be gone from the paragraph buffer: its line
     * and place in it tell it) */
    for (size_t k = 0;
         c->kind == YS_CLAIM_UNCHECKED && i < from && k < ndrop && !out; k++)
      out = c->line == ((const sent *)drop[k]->owner)->line &&
            c->span_b == drop[k]->b;
    for (size_t k = 0; k < ngone && !out; k++) out = gone_at[k] == i;
    if (!out) d->claims[w++] = *c;
  }
  d->n_claims = w;
}
