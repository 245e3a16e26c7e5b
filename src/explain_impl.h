/*
 * explain_impl.h - the narrative writer's internals shared by its files.
 *
 * explain.c drives ys_explain: it loads the data of data/narrative/, picks
 * the family's plan and renders the blocks the plan wrote as text, Markdown
 * or HTML. explain_text.c is the text builder every plan writes with:
 * exact shares, rates and changes, blocks (headings H, paragraphs P, endp),
 * warnings naming the fact to fill in, figures from quantities (qv, W) and
 * facts, and codes with their names. explain_parts.c holds the pieces
 * several plans share (三公, projects, assets, procurement, 机关运行经费,
 * the glossary). The plans, one per family of published packages:
 * explain_shaanxi.c, explain_sichuan.c (Sichuan and the national default,
 * which 上海 also uses), explain_hebei.c, and explain_final.c for a 决算.
 * Everything a plan writes lives in the one arena of its ex.
 */
#ifndef YS_EXPLAIN_IMPL_H
#define YS_EXPLAIN_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yusuan/arena.h"
#include "yusuan/explain.h"
#include "yusuan/text.h"

#if defined(__GNUC__)
#define YS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define YS_PRINTF(a, b)
#endif

/* ---------------------------------------------------------------------- */
/* The writer's state                                                      */

/* The families of narratives; their names are explain.c's family_id. */
enum { FAM_SHAANXI, FAM_SICHUAN, FAM_HEBEI, FAM_MOF, FAM_COUNT };

typedef struct block {
  int level; /* 0 = paragraph, 1..5 = heading */
  const char *text;
} block;

typedef struct purpose {
  const char *code, *text;
} purpose;

typedef struct term {
  unsigned fams; /* bit per family */
  bool post;     /* after the function-code entries */
  const char *term, *text;
} term;

typedef struct ex {
  const ys_dataset *ds;
  const ys_catalog *cat;
  ys_errors *errs;
  ys_arena *a;
  int fam;
  /* the profile's tables show the dataset's running_cost fact (上海): the
   * narrative's 机关运行经费 is that figure, not the one computed */
  bool running_fact;
  int year;
  const char *subj;         /* 本单位 / 本部门 / the department's name */
  const char *facts_file;   /* DIR/facts.csv, for warnings */
  const char *targets_file; /* DIR/targets.csv */
  block *blocks;
  size_t nb, capb;
  ys_buf para; /* the paragraph being written */
  purpose *pur;
  size_t npur;
  term *terms;
  size_t nterms;
  const char **warned; /* fact keys already warned about */
  size_t nwarned, capw;
  const char *chg_lead; /* once: what precedes the next change ("，") */
  int status;           /* YS_OK, or the first hard error */
} ex;

/* A fact holding an amount: the department-wide key, or the sum of its
 * KEY@UNIT parts when only those are given. */
typedef struct fval {
  bool found;
  int64_t fen;
  const char *reason; /* "" if none */
  int line;
} fval;

/* Three 公 figures, scope: "fund=gpb" or "fund=fiscal". */
typedef struct sangong {
  int64_t abroad, reception, vop, vbuy, total, meeting, training;
} sangong;

/* Projects with spending: count, amount, and those without targets. */
typedef struct projstat {
  size_t n, with_targets;
  int64_t amount, amount_targets;
} projstat;

/* Admin (行政) units: count and the 机关运行经费 (fiscal basic 公用经费). */
typedef struct admin {
  size_t n, n_all;
  int64_t amount;
  const char *names;
} admin;

/* ---------------------------------------------------------------------- */
/* The text builder (explain_text.c)                                       */

void ex_oom(ex *x);
const char *ex_adup(ex *x, const char *s);
const char *aprintf(ex *x, const char *fmt, ...) YS_PRINTF(2, 3);
/* Ends the paragraph being written (if any). */
void endp(ex *x);
/* Appends to the current paragraph. */
void P(ex *x, const char *fmt, ...) YS_PRINTF(2, 3);
/* Ends the current sentence with "。" unless it already does. */
void ex_stop(ex *x);
/* A heading: ends the paragraph before it. */
void H(ex *x, int level, const char *fmt, ...) YS_PRINTF(3, 4);
/* A warning about facts.csv (key: the fact to add or complete). */
void warn_key(ex *x, const char *key, int line, const char *fmt, ...)
    YS_PRINTF(4, 5);
/* A warning about another file of the dataset. */
void warn_file(ex *x, const char *file, const char *key, const char *fmt, ...)
    YS_PRINTF(4, 5);

/* The value of a quantity (quantity.h), in 分. */
int64_t qv(ex *x, const char *fmt, ...) YS_PRINTF(2, 3);
/* An amount in 万元 with two decimals, e.g. "238.31". */
const char *W(ex *x, int64_t fen);
int shares_printed(const int64_t *parts, size_t n, int32_t *bp);
const char *ex_pct(ex *x, int64_t bp);
fval fact_get(ex *x, const char *key);
const char *fact_text(ex *x, const char *key, int *line);
const char *fact_count(ex *x, const char *key);
bool ex_starts(const char *s, const char *p);
const char *clean_reason(ex *x, const char *r);
void ex_chg_v(ex *x, int64_t cur, int64_t prev, const char *reason,
              const char *reason_key, int line, const char *what,
              const char *rprefix);
bool ex_chg(ex *x, int64_t cur, const char *key, const char *what,
            const char *rprefix, bool required);

const char *cat_name(ex *x, ys_cls cls, const char *code);
size_t codes_of(ex *x, const char *filter, ys_cls cls, size_t len,
                const char ***out);
const char *purpose_of(ex *x, const char *code);
const char *func_path(ex *x, const char *code, bool short_class);
const char *cn_num(ex *x, int n);
const char *econ_names(ex *x, const char *filter);

/* ---------------------------------------------------------------------- */
/* Pieces several plans share (explain_parts.c)                            */

extern const char *const rev_label[YS_FUND_COUNT];
extern const char *const exp_label[YS_FUND_COUNT];

sangong sangong_of(ex *x, const char *scope);
bool sangong_prev(ex *x, int64_t *prev);
void sangong_total_chg(ex *x, int64_t total);
bool meeting_relevant(ex *x, const sangong *s);
bool project_has_targets(ex *x, const char *code);
projstat project_stats(ex *x, bool warn);
void assets_para(ex *x, const char *lead, const char *buy_lead);
int64_t procurement_split(ex *x, int64_t part[3], bool *split);
void procurement_para(ex *x, const char *lead);
admin admin_of(ex *x);
void admin_chg(ex *x, const admin *ad, const char *rprefix);
void func_items_inline(ex *x, const char *filter);
void glossary(ex *x, int numbering, bool with_codes, bool short_class);
bool gpb_by_class(ex *x, const char *lead);

/* ---------------------------------------------------------------------- */
/* The plans: each writes one family's narrative into x's blocks           */

void plan_shaanxi(ex *x);
void plan_sichuan(ex *x); /* Sichuan, and the national default */
void plan_hebei(ex *x);
void plan_final(ex *x); /* a 决算, every family */

#endif
