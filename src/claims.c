/*
 * claims.c - claims of a narrative, read by their structure (claims.h).
 *
 * Budget narratives state figures in a small number of shapes, however
 * their words vary from county to ministry, year to year:
 *   amount      "一般公共预算拨款支出 238.31 万元"
 *   sum         "…79.69 亿元中，因公出国(境)费 21.36 亿元，公务用车… 43.99
 *               亿元，公务接待费 14.34 亿元" (其中, 包括, 分项情况是,
 * 一、二、…) share       "占 29.67%", "占一般公共预算支出的 19.62%", "占比",
 * "比重" change      "比上年增加 3530.71 万元，增长 14.6%", rate first
 * ("同比增长 14.6%，增收 4,376 万"), the prior amount stated ("较 2024 年 的
 * 2190 万元减少 221 万元"), both years stated ("2025 年执行数 为 X…2026
 * 年预算安排 Y，比 2025 年执行数增加 r%"), paired lists ("分别减少 a、b
 * 万元，分别下降 r%、s%") completion  "支出决算为 1.71 万元，完成预算的 43%"
 * (the budget stated) difference  "较年初预算数减少 10.93 万元" (both figures
 * stated) restatement the same figure stated twice ("住房公积金 208.8 万元 …
 * 2026 年预算安排 201.50 万元") So the reader works in layers, none of which
 * knows a sentence by heart:
 *   1. Text: lines into paragraphs; traditional characters simplified
 *      (OpenCC), full-width forms folded (NFKC), pinyin glosses dropped.
 *   2. Tokens: amounts with their unit (元/万元/亿元/千元, 千分位, a list
 *      "1267.86、2570.97 万元" sharing one unit), percentages, years,
 *      codes "(204类)", counts; the text between them.
 *   3. Roles, from the words just before each number: a stated amount
 *      (its subject, year and measure: 预算/决算/执行), a change (increase
 *      or decrease, against 上年 / a year / the budget), a prior amount, a
 *      rate of change, a share, a completion rate.
 *   4. Claims: roles combined within a sentence (a change belongs to the
 *      amount before it; a rate to its change, or to an amount whose base
 *      is stated somewhere in the paragraph; a share to its part and to the
 *      whole it names or the list it is in; a list after 其中 to its whole).
 *   5. Subjects resolved to quantities through the vocabulary and the
 *      catalogue, so a figure stated in the text meets the tables.
 * A claim whose base cannot be determined is not made (the number stays
 * in the coverage list); nothing is guessed to make a check possible.
 */
#include <stdio.h>
#include <utf8proc.h>

#include "claims_impl.h"
#include "narrative.h"

static int put(cr *r, const char *s, size_t n, int line) {
  return ys_arena_text_put(r->a, &r->buf, &r->lineof, &r->n, &r->cap, s, n,
                           line);
}

/* A line as the reader sees it: simplified (by v; NULL when it is
 * already), without glosses, and when fold, folded (full-width forms as
 * ASCII) and without spaces. */
static char *normalise(ys_arena *a, const ys_vocab *v, const char *s, size_t n,
                       bool fold) {
  char *simp = NULL;
  if (ys_vocab_simplify(v, s, n, &simp)) return NULL;
  const char *src = simp ? simp : s;
  size_t sn = simp ? strlen(simp) : n;
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t k =
      utf8proc_map((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)sn, &out,
                   fold ? UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT
                        : UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  free(simp);
  if (k < 0) {
    /* not UTF-8 after all: keep the bytes */
    return ys_arena_strndup(a, s, n);
  }
  /* drop pinyin glosses "(jīng)" that mirror sites insert, and the
   * spaces around numbers and units ("10.23 万元") */
  char *o = ys_arena_alloc(a, (size_t)k + 1);
  if (!o) {
    free(out);
    return NULL;
  }
  size_t w = 0;
  for (size_t i = 0; i < (size_t)k;) {
    unsigned char c = out[i];
    if (c == '(') {
      size_t j = i + 1;
      bool latin = false, other = false;
      while (j < (size_t)k && out[j] != ')' && j - i < 16) {
        uint32_t cp;
        size_t l = ys_utf8_decode((const char *)out + j, (size_t)k - j, &cp);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F))
          latin = true;
        else
          other = true;
        j += l;
      }
      if (j < (size_t)k && out[j] == ')' && latin && !other) {
        i = j + 1;
        continue;
      }
    }
    if (fold && (c == ' ' || c == '\t' || c == '\r')) {
      /* a space inside words or numbers carries nothing here */
      i++;
      continue;
    }
    o[w++] = (char)c;
    i++;
  }
  o[w] = '\0';
  free(out);
  return o;
}

/* --- claims ------------------------------------------------------------ */

static const char *sentence_text(cr *r, const sent *st) {
  return ys_arena_strndup(r->d->arena, st->s, st->n);
}

/* A scratch string copied into the document (claims outlive the reader's
 * scratch arena); NULL stays NULL. */
const char *cl_doc_str(cr *r, const char *s) {
  if (!s) return NULL;
  const char *c = ys_arena_strdup(r->d->arena, s);
  if (!c) r->rc = YS_ENOMEM;
  return c;
}

ys_rclaim *cl_claim(cr *r, const sent *st, ys_claim_kind kind,
                    const char *subject, const tk *fig) {
  ys_rclaim *c =
      ys_rdoc_claim(r->d, kind, subject, fig ? fig->num : "",
                    fig && fig->kind == TK_AMT ? fig->unit : YS_UNIT_WANYUAN,
                    sentence_text(r, st), st->line);
  if (!c) {
    r->rc = YS_ENOMEM;
    return NULL;
  }
  c->span_b = fig ? fig->b : 0;
  c->span_e = fig ? fig->e : 0;
  ((sent *)st)->claimed = true;
  r->cur = st;
  return c;
}

void cl_set_parts(cr *r, ys_rclaim *c, const tk **v, const int *neg, size_t n) {
  ys_arena *a = r->d->arena;
  if (!ys_rclaim_parts(r->d, c, n)) {
    r->rc = YS_ENOMEM;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    c->parts[i] = neg && neg[i] ? ys_arena_printf(a, "-%s", v[i]->num)
                                : ys_arena_strdup(a, v[i]->num);
    c->part_units[i] = v[i]->unit;
    /* a claim whose figure is a rate is in the unit of its amounts */
    if (i == 0 &&
        (c->kind == YS_CLAIM_SHARE || c->kind == YS_CLAIM_CHANGE ||
         c->kind == YS_CLAIM_COMPLETION) &&
        v[0]->kind == TK_AMT)
      c->unit = v[0]->unit;
    if (!c->parts[i]) r->rc = YS_ENOMEM;
    ((sent *)v[i]->owner)->claimed = true;
    /* the span covers every figure the claim uses (same sentence only) */
    if (v[i]->owner == r->cur) {
      if (c->span_e == c->span_b || v[i]->b < c->span_b) c->span_b = v[i]->b;
      if (v[i]->e > c->span_e) c->span_e = v[i]->e;
    }
  }
  c->n_parts = n;
}

/* The subjects of two amounts name the same thing (one contains the
 * other, or one is unnamed and inherits). */
bool cl_same_subject(const char *a, const char *b) {
  if (!*a || !*b) return false;
  return !strcmp(a, b) || (strlen(a) >= 6 && strstr(b, a)) ||
         (strlen(b) >= 6 && strstr(a, b));
}

/* A subject that names nothing but the statement itself ("预算安排"). */
bool cl_generic(const char *s) {
  return !*s || !strcmp(s, "预算") || !strcmp(s, "支出") ||
         !strcmp(s, "收入") || !strcmp(s, "决算") || !strcmp(s, "执行") ||
         !strcmp(s, "当年预算") || !strcmp(s, "当年预算执行") ||
         !strcmp(s, "预算执行") || !strcmp(s, "当年") ||
         !strcmp(s, "预算安排") || !strcmp(s, "安排") ||
         !strcmp(s, "当年预算执行数");
}

/* --- subjects to quantities -------------------------------------------- */

/* "公共安全支出(204类)司法(06款)行政运行(01项)": the code the parts give;
 * name checks of each part are NAME claims. */
static const char *code_in(cr *r, const char *s, const sent *st, bool names) {
  char code[16] = "";
  size_t cl = 0;
  const char *p = s;
  const char *name_start = s;
  while ((p = strchr(p, '(')) != NULL) {
    const char *q = p + 1;
    while (cl_digit(*q)) q++;
    size_t nd = (size_t)(q - p - 1);
    const char *lvl = cl_starts(q, "类)")   ? "类"
                      : cl_starts(q, "款)") ? "款"
                      : cl_starts(q, "项)") ? "项"
                                            : NULL;
    if (nd && *q == ')' && (nd == 3 || nd == 5 || nd == 7) && !cl) {
      memcpy(code, p + 1, nd);
      code[nd] = '\0';
      return ys_arena_strdup(r->a, code);
    }
    if (!lvl || !nd || cl + nd >= sizeof code) break;
    memcpy(code + cl, p + 1, nd);
    cl += nd;
    code[cl] = '\0';
    if (names && r->x->cat && cl >= 3) {
      /* the name written before this code */
      size_t nl = (size_t)(p - name_start);
      ys_rclaim *c = ys_rdoc_add_claim(r->d);
      if (!c) {
        r->rc = YS_ENOMEM;
        return NULL;
      }
      c->kind = YS_CLAIM_NAME;
      c->quantity = "";
      c->subject = ys_arena_strndup(r->d->arena, name_start, nl);
      c->text = ys_arena_strdup(r->d->arena, code);
      c->unit = YS_UNIT_WANYUAN;
      c->sentence = ys_arena_strndup(r->d->arena, st->s, st->n);
      c->line = st->line;
    }
    name_start = q + 3 + 1;
    p = q + 1;
  }
  return cl ? ys_arena_strdup(r->a, code) : NULL;
}

/* Codes written with a stated amount: NAME claims, checked against the
 * catalogue. */
static void name_claims(cr *r, para *pg) {
  for (size_t si = 0; si < pg->n && !r->rc; si++) {
    sent *st = &pg->s[si];
    for (size_t k = 0; k < st->nt && !r->rc; k++)
      if (st->t[k].role == R_STATE && *st->t[k].subject)
        (void)code_in(r, st->t[k].subject, st, true);
  }
}

/* --- what was not read ------------------------------------------------- */

/* Did the amount reader (narrative.c) read a figure on this line? */
static bool line_has_amount(const cr *r, int line) {
  for (size_t i = r->amounts_from; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    if ((c->kind == YS_CLAIM_AMOUNT || c->kind == YS_CLAIM_MISSING) &&
        c->line == line)
      return true;
  }
  return false;
}

/* Rates and shares no claim took, and sentences with figures from which
 * nothing was read: listed, never checked. */
static void leftovers(cr *r, para *pg) {
  for (size_t si = 0; si < pg->n && !r->rc; si++) {
    sent *st = &pg->s[si];
    for (size_t k = 0; k < st->nt && !r->rc; k++) {
      tk *t = &st->t[k];
      if (t->used ||
          (t->role != R_RATE && t->role != R_SHARE && t->role != R_COMPL))
        continue;
      /* a rate of no stated amount (a target "完成率 100%") is not a
       * claim about the figures */
      if (!t->stmt && !t->delta) continue;
      const char *why = t->role == R_RATE ? "增减比例的比较基数未能确定"
                        : t->role == R_SHARE ? "占比的总数未能确定"
                                             : "完成率的预算数未能确定";
      ys_rclaim *c = cl_claim(r, st, YS_CLAIM_UNCHECKED, "", t);
      if (!c) return;
      c->note = why;
    }
    if (st->claimed || line_has_amount(r, st->line)) continue;
    const tk *first = NULL;
    for (size_t k = 0; k < st->nt && !first; k++)
      if (st->t[k].kind == TK_AMT || st->t[k].kind == TK_PCT) first = &st->t[k];
    if (!first) continue;
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_UNREAD, "", first);
    if (!c) return;
    c->span_e = st->t[st->nt - 1].e;
  }
}

/* The numbering of a heading line: 1 "一、", 2 "(一)", 3 "1、" / "1.",
 * 0 none. */
static int enum_kind(const char *s, size_t n) {
  if (cl_enumerator_at(s, n)) return *s == '(' ? 2 : 1;
  size_t j = 0;
  while (j < n && s[j] >= '0' && s[j] <= '9') j++;
  if (j && j <= 2 && j < n && (s[j] == '.' || cl_starts(s + j, "、"))) return 3;
  return 0;
}

/* --- paragraphs into sentences ----------------------------------------- */

static bool sentence_end(const char *p, size_t i) {
  const char *s = p + i;
  /* "(公务用车购置费 100.00 万元;…运行维护费 400.00 万元。)比上年增加…":
   * a full stop that closes a parenthesis ends the aside, not the
   * sentence */
  if (cl_starts(s, "。") && (s[3] == ')' || cl_starts(s + 3, "）")))
    return false;
  /* an ASCII full stop ends a sentence after a word or a %, with no digit
   * after it ("…15.9%.随着…", "…0.94%.(二)支出情况"); not in a number or a
   * list number ("5.住房公积金") */
  return cl_starts(s, "。") || *s == '!' || *s == '?' || cl_starts(s, "！") ||
         cl_starts(s, "？") ||
         (*s == '.' && i > 0 && !(p[i - 1] >= '0' && p[i - 1] <= '9') && s[1] &&
          !(s[1] >= '0' && s[1] <= '9') &&
          ((unsigned char)s[1] >= 0x80 || s[1] == '('));
}

static int paragraph(cr *r) {
  if (!r->n) return YS_OK;
  const char *p = r->buf;
  size_t n = r->n;
  para pg = {NULL, 0};
  size_t cap = 0;
  r->has_last_unit = false;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && !sentence_end(p, j)) j++;
    size_t e = j;
    if (j < n)
      j += cl_starts(p + j, "。") || cl_starts(p + j, "！") ||
                   cl_starts(p + j, "？")
               ? 3
               : 1;
    if (e > i) {
      sent *v = ys_arena_reserve(r->a, pg.s, pg.n, &cap, sizeof *v);
      if (!v) return YS_ENOMEM;
      pg.s = v;
      sent *st = &pg.s[pg.n++];
      memset(st, 0, sizeof *st);
      st->s = p + i;
      st->n = e - i;
      st->off = i;
      st->line = r->lineof[i];
    }
    i = j;
  }
  /* the tokens once every sentence has its place: each token points to
   * its sentence, which must not move after (a paragraph's array grows
   * while it is split) */
  for (size_t si = 0; si < pg.n; si++) {
    if (cl_tokenize(r, &pg.s[si])) return YS_ENOMEM;
    cl_roles(r, &pg.s[si]);
  }
  r->nlists = 0;
  for (size_t si = 0; si < pg.n && !r->rc; si++) cl_list_parts(r, &pg, si);
  cl_repeat_claims(r, &pg);
  for (size_t si = 0; si < pg.n && !r->rc; si++) cl_attach(r, &pg, si);
  for (size_t si = 0; si < pg.n && !r->rc; si++) {
    cl_change_claims(r, &pg, si);
    cl_share_claims(r, &pg, si);
    cl_completion_claims(r, &pg, si);
  }
  for (size_t li = 0; li < r->nlists && !r->rc; li++) {
    lst *L = &r->lists[li];
    cl_list_sum(r, &pg.s[L->si], L->whole, (const tk **)L->parts, L->n,
                L->exhaustive);
  }
  for (size_t si = 0; si < pg.n && !r->rc; si++) {
    cl_trailing_sums(r, &pg, si);
    cl_share_group_sums(r, &pg, si);
    cl_delta_lists(r, &pg, si);
    cl_balance_claims(r, &pg, si);
    cl_reason_sums(r, &pg, si);
    cl_added_sums(r, &pg, si);
    cl_count_sums(r, &pg, si);
  }
  cl_delta_repeats(r, &pg);
  if (!r->rc) cl_section_lists(r, &pg);
  if (!r->rc) name_claims(r, &pg);
  if (!r->rc) leftovers(r, &pg);
  /* the stated amounts, for wholes named in later paragraphs */
  for (size_t si = 0; si < pg.n && !r->rc; si++)
    for (size_t k = 0; k < pg.s[si].nt && !r->rc; k++)
      if (pg.s[si].t[k].role == R_STATE) r->rc = cl_remember(r, &pg.s[si].t[k]);
  r->n = 0;
  return r->rc;
}

/* A heading: a short numbered line with no sentence in it. */
static bool heading(const char *s, size_t n) {
  /* up to sixty characters ("二、2021年度一般公共预算及政府性基金财政拨款
   * “三公”经费支出决算情况说明"), with no amount in it (a year is none) */
  if (n > 180 || ys_text_has(s, n, "。") || ys_text_has(s, n, "万元") ||
      ys_text_has(s, n, "%") || !ys_text_years_only(s, n))
    return false;
  const char *q = s;
  if (*q == '(') q++;
  size_t k = 0;
  static const char *const cn[] = {"一", "二", "三", "四", "五",
                                   "六", "七", "八", "九", "十"};
  for (bool hit = true; hit;) {
    hit = false;
    for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
      if (cl_starts(q + k, cn[i])) {
        k += 3;
        hit = true;
      }
  }
  if (!k) return cl_starts(s, "第") && ys_text_has(s, n, "部分");
  q += k;
  return cl_starts(q, "、") || *q == ')';
}

/* Reads a line k (normalised) of source line line into the paragraph:
 * a numbered item or a heading ends the paragraph before it, a heading
 * sets the section's narrowing and is a paragraph of its own. YS_OK or
 * YS_ENOMEM. */
static int read_line(cr *r, const char *k, int line) {
  int rc = YS_OK;
  size_t kl = strlen(k);
  bool head = heading(k, kl);
  /* a title line opening a paragraph: no punctuation, no figure but a
   * year ("【图表解读】2021年省级一般公共预算支出情况") */
  if (!head && !r->n && kl <= 90 && !ys_text_has(k, kl, ",") &&
      !ys_text_has(k, kl, ";") && !ys_text_has(k, kl, ":") &&
      !ys_text_has(k, kl, "。")) {
    size_t digits = 0;
    for (size_t j = 0; j < kl; j++) digits += cl_digit(k[j]);
    head = digits <= 4;
  }
  /* a numbered item or a heading starts a paragraph */
  /* "1." or "12、" opens an item; "92.82%," (a wrapped figure) does not */
  bool item =
      head || (cl_digit(k[0]) &&
               (cl_starts(k + 1, "、") || (k[1] == '.' && !cl_digit(k[2])) ||
                (cl_digit(k[1]) && (cl_starts(k + 2, "、") ||
                                    (k[2] == '.' && !cl_digit(k[3]))))));
  if (item) rc = paragraph(r);
  if (rc) return rc;
  /* "1、一般公共预算当年拨款规模变化情况": a numbered title line */
  if (item && !head && kl < 90 && !ys_text_has(k, kl, "。") &&
      !ys_text_has(k, kl, ",") && !ys_text_has(k, kl, ";")) {
    bool fig = false;
    for (size_t j = 2; j < kl && !fig; j++)
      fig = cl_digit(k[j]) && !cl_digit(k[j - 1]) && j > 3;
    head = !fig;
  }
  if (head) {
    /* the section's narrowing, from its words */
    ys_meaning m;
    if (ys_vocab_parse(r->x->vocab, k, &m, r->a)) return YS_ENOMEM;
    r->sec = m.q;
    r->sec_set = m.q.funds || m.q.periods || m.q.kinds;
  }
  rc = put(r, k, kl, line);
  if (!rc && head) {
    r->head_kind = enum_kind(k, kl);
    /* an unnumbered title ends a list over sections too */
    if (!r->head_kind) r->head_kind = -1;
    rc = paragraph(r);
    r->head_kind = 0;
  }
  return rc;
}

int ys_claims_read(ys_rdoc *doc, const ys_tline *lines, size_t n,
                   const ys_claimctx *ctx) {
  /* Amounts tied to quantities (and figures missing): narrative.c, whose
   * subject grammar (sections, leads, 其中 lists) is tuned to what the
   * tables show; its other claims are this file's to make. */
  size_t before = doc->n_claims;
  /* every line as both readers read it: simplified (the vocabulary is
   * written so), without the glosses of mirror sites; the amounts' reader
   * quotes it as printed otherwise */
  ys_arena *sa = ys_arena_new(0);
  ys_tline *norm = sa ? ys_arena_alloc(sa, sizeof *norm * (n + 1)) : NULL;
  int nrc = norm ? YS_OK : YS_ENOMEM;
  for (size_t i = 0; i < n && !nrc; i++) {
    const char *s = lines[i].s;
    size_t len = lines[i].len;
    ys_text_trim(&s, &len);
    norm[i] = lines[i];
    norm[i].s = normalise(sa, ctx->vocab, s, len, false);
    if (!norm[i].s) nrc = YS_ENOMEM;
    norm[i].len = norm[i].s ? strlen(norm[i].s) : 0;
  }
  if (!nrc)
    nrc = ys_narrative_claims(doc, norm, n, ctx->year, ctx->final, ctx->cat,
                              ctx->vocab, NULL);
  if (nrc) {
    ys_arena_free(sa);
    return nrc;
  }
  size_t w = before;
  for (size_t i = before; i < doc->n_claims; i++)
    if (doc->claims[i].kind == YS_CLAIM_AMOUNT ||
        doc->claims[i].kind == YS_CLAIM_MISSING)
      doc->claims[w++] = doc->claims[i];
  doc->n_claims = w;
  cr r;
  memset(&r, 0, sizeof r);
  r.d = doc;
  r.x = ctx;
  r.amounts_from = before;
  r.a = ys_arena_new((size_t)256 << 20);
  if (!r.a) {
    ys_arena_free(sa);
    return YS_ENOMEM;
  }
  for (size_t i = 0; i < n && !r.carry; i++)
    r.carry = strstr(norm[i].s, "上年结转") != NULL;
  bool *in_table = malloc(n + 1);
  ys_tfacts facts = {.a = r.a};
  int rc =
      in_table ? ys_table_claims(doc, lines, n, in_table, &facts) : YS_ENOMEM;
  if (rc == YS_OK) rc = ys_rtable_facts(doc, &facts);
  for (size_t i = 0; i < n && rc == YS_OK; i++) {
    const char *s = norm[i].s;
    size_t len = norm[i].len;
    /* a table's lines are read as a table (claims_table.c): to the
     * sentence reader they end a paragraph */
    if (in_table[i]) len = 0;
    bool blank = !len;
    /* Markdown emphasis and heading marks carry no words */
    while (len && (*s == '#' || *s == '*' || *s == '>' || *s == ' '))
      s++, len--;
    while (len && (s[len - 1] == '*' || s[len - 1] == ' ')) len--;
    ys_text_trim(&s, &len);
    if (!len && !blank) continue; /* a mark alone: not a blank line */
    if (!len) {
      /* a blank line ends a paragraph, unless it falls inside a sentence
       * (converters put one between every printed line) */
      bool open =
          r.n &&
          !(cl_ends_with(r.buf, r.n, "。") || cl_ends_with(r.buf, r.n, "!") ||
            cl_ends_with(r.buf, r.n, "?") || cl_ends_with(r.buf, r.n, ":") ||
            cl_ends_with(r.buf, r.n, ";"));
      if (!open) rc = paragraph(&r);
      continue;
    }
    /* (simplified and unglossed already: folded now) */
    char *k = normalise(r.a, NULL, s, len, true);
    if (!k) {
      rc = YS_ENOMEM;
      break;
    }
    rc = read_line(&r, k, lines[i].no);
  }
  if (!rc) rc = paragraph(&r);
  if (!rc) cl_close_section_list(&r);
  if (!rc) {
    cl_table_links(&r, &facts);
    cl_share_sums(&r, before);
    rc = r.rc;
  }
  free(in_table);
  ys_arena_free(r.a);
  ys_arena_free(sa);
  return rc;
}
