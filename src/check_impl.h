/*
 * check_impl.h - the checker's internals shared by its files.
 *
 * check.c drives a check: observe_profile.c and observe_read.c turn raw
 * tables into observations (obs) of quantities and the identities (ident)
 * between them, observe_claims.c does the same for narrative claims,
 * identity.c adds the identities every pair of observations of one
 * quantity implies, and blame.c decides: intervals, verdicts and the cell
 * to blame. Everything lives in one arena per checked document.
 */
#ifndef YS_CHECK_IMPL_H
#define YS_CHECK_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "profile_impl.h"
#include "yusuan/check.h"
#include "yusuan/quantity.h"
#include "yusuan/text.h"

/* The quantity an observation shows, as its terms: the first n of a
 * ys_qexpr, stored at their own size (most show one term). */
typedef struct ck_qty {
  int n;
  int sign[YS_Q_MAXTERMS];
  ys_qfilter t[];
} ck_qty;

typedef struct obs {
  /* canonical key of q (ys_qexpr_key), which orders and pairs
   * observations; for what is no quantity (a task of a performance form)
   * a name of its own, and q NULL */
  const char *key;
  const ck_qty *q;
  int64_t v;      /* printed value in 分 */
  int64_t lo, hi; /* true value ∈ [v − lo, v + hi] */
  const char *file, *table, *row, *col, *text;
  int line;
  int page;   /* PDF page, 0 = none */
  ys_box box; /* the printed cell */
  ys_unit unit;
  int decimals;
  bool blamed;
  bool narrative; /* stated in the text, not printed in a table */
  bool unclear;   /* narrative total whose period the text leaves open */
  bool guessed;   /* a cell whose column the reader guessed */
} obs;

typedef struct ident {
  const char *rule;
  int n;
  int *idx;
  signed char *coef;
  int anchor;       /* the total: where an unexplained failure is reported */
  int64_t resid;    /* Σ coef·v */
  int64_t slo, shi; /* Σ coef·x ranges over [resid − slo, resid + shi] */
  bool failed, explained;
} ident;

typedef struct chk {
  const ys_rdoc *doc;
  const ys_catalog *cat;
  const ys_check_options *opt;
  ys_findings *out;
  ys_arena *a;
  const ys_profile *p;
  int year;
  obs *o;
  size_t no, co;
  ident *id;
  size_t ni, ci;
  /* a cell's quantity could not be keyed: a code set overflowed
   * (ys_qexpr_over); the check then ends in YS_ELIMIT, never clean */
  bool limit;
  /* 1 + what carried_over (blame.c) found, 0 not looked yet: the tables
   * do not change while findings are blamed */
  int carried;
} chk;

/* The key of quantity e, or NULL when it cannot be formed: out of memory
 * (the arena records it) or a code set over its capacity (c->limit). */
const char *ck_qkey(chk *c, const ys_qexpr *e);

typedef struct rowinfo {
  int level;
  bool subset, total, placed;
  const char *label;
  int first_obs; /* index of the row's first observation, -1 = none */
} rowinfo;

const char *ck_key_of(chk *c, const char *s);
const char *ck_label_key(chk *c, const char *s);
bool ck_label_matches(chk *c, const char *printed_key, const char *tpl);
bool ck_all_digits(const char *s);
int ck_indent_level(const char *s, const char *indent);
int64_t ck_pow10i(int d);
void ck_bounds(obs *o, ys_unit u, int d);
const char *ck_fmt_amount(chk *c, int64_t v, ys_unit u, int d);
const char *ck_fmt_exact(chk *c, int64_t v, ys_unit u, int d);
/* An amount cell that could not be read: identities through it are not
 * checked (its value is unknown, not zero). */
#define UNREADABLE (-2)

/* Adds an observation of quantity q (NULL: of no quantity, called
 * `name`). Returns its index, -1 when out of memory, CK_NOKEY when q
 * cannot be keyed (a code set over its capacity: c->limit; the cell is
 * then as good as unreadable). */
#define CK_NOKEY UNREADABLE
int ck_add_obs(chk *c, const ys_qexpr *q, const char *name, const ys_amount *am,
               ys_unit u, const char *file, const char *table, const char *row,
               const char *col, const char *text, int line);
/* The quantity of an observation as an expression (o->q non-NULL). */
void ck_qty_expr(const ck_qty *q, ys_qexpr *out);
/* Does o show a difference (a term subtracted after the first)? */
bool ck_obs_difference(const obs *o);
/* The observation's place on the page, from the cell it was read from. */
void ck_obs_place(chk *c, int o, const ys_rcell *cell);
ident *ck_add_ident(chk *c, const char *rule, int n);
ys_finding *ck_add_finding(chk *c, const char *rule, ys_severity sev);
const char *ck_fs(chk *c, const char *s);
/* The cell an observation was read from, as a finding names it (its
 * strings in the findings' arena). */
ys_cellref ck_cellref(chk *c, const obs *o);
const char *ck_table_name(chk *c, const ys_rtable *rt);
void ck_unplaced(chk *c, const ys_rtable *rt, const char *tname,
                 const ys_rrow *row, const char *why);
void ck_tree_idents(chk *c, const rowinfo *ri, size_t n, size_t ncols,
                    const int *obs_at /* n × ncols, -1 none */,
                    const char *rule_tree, const char *rule_rows,
                    const bool *is_code_row);
void ck_sum_ident(chk *c, const char *rule, int total, const int *parts,
                  size_t n);
void ck_catalog_row(chk *c, const ys_rtable *rt, const char *tname, ys_cls cls,
                    const char *code, const char *name, const char *parent,
                    int line);
void ck_evaluate(chk *c, ident *x);
int64_t ck_abs64(int64_t v);
const ys_ptable *ck_match_table(chk *c, const ys_profile *p,
                                const ys_rtable *rt);
const ys_ptable *ck_match_table_len(chk *c, const ys_profile *p,
                                    const ys_rtable *rt, size_t *len);
void ck_observe_grid(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                     const char *tname, size_t body);
void ck_observe_panels(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                       const char *tname, size_t body);
void ck_observe_targets(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                        const char *tname);
void ck_completeness(chk *c, const ys_profile *p, const ys_ptable **seen,
                     size_t nmatched);
/* The profile of the document's tables: the caller's (profile_obj), else
 * the one the reader fitted them to (profile_hint), else the one their
 * titles match best; of c->opt->profiles, else of the built-in profiles
 * opened into *owned (the caller frees it). *rc: YS_ENOMEM when they could
 * not be opened (then NULL), else YS_OK. */
const ys_profile *ck_detect_profile(chk *c, ys_profiles **owned, int *rc);
void ck_observe_claims(chk *c);
void ck_difference_idents(chk *c);
void ck_normalise_keys(chk *c);
void ck_equality_idents(chk *c);
/* whole = Σ parts of a partitioned dimension (基本支出 = 人员 + 公用) */
void ck_partition_idents(chk *c);
/* per fiscal fund: 本年收入 + 年初结转 = 本年支出 + 年末结转 */
void ck_fund_balance_idents(chk *c);
void ck_blame(chk *c);
/* Observations and identities of a table read by meaning; returns the
 * observation of its 总计 (for the balance of a 收支总表), -1 if none. */
int ck_observe_read(chk *c, const ys_rtable *rt, const char *tname,
                    ys_unit fallback);
/* 收入总计 = 支出总计 between the sides of each printed 收支总表. */
void ck_balance_idents(chk *c, const int *group, const int *side,
                       const int *grand, size_t n);

#endif
