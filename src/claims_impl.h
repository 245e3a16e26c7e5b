/*
 * claims_impl.h - the claims reader's own state, shared by its files
 * (internal to claims*.c; the library's interface is claims.h).
 *
 * The reader (cr), the tokens of a sentence (tk) with the roles the words
 * before them give (R_*) and the bases of changes (B_*), sentences (sent),
 * paragraphs (para) and lists of parts (lst); and the functions one file
 * of the reader calls in another, each under the file that defines it:
 *   claims.c         the driver: lines into paragraphs, paragraphs into
 *                    sentences, the order the claims are read in; making
 *                    a claim; subjects' codes; what was not read
 *   claims_tokens.c  numbers, their units, lists, years and codes
 *   claims_roles.c   the role of each number, from the words before it
 *   claims_attach.c  statements: which stated amount each change, rate and
 *                    share speaks of; amounts found by name
 *   claims_change.c  change, share and completion claims
 *   claims_lists.c   lists of parts and their wholes (其中, frames,
 *                    numbered items, sections)
 *   claims_sums.c    sums of listed parts and the other sums and claims
 *                    over several amounts
 *   claims_link.c    the narrative's statements against its tables
 */
#ifndef YS_CLAIMS_IMPL_H
#define YS_CLAIMS_IMPL_H

#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "yusuan/money.h"
#include "yusuan/text.h"

/* --- small helpers ----------------------------------------------------- */

static inline bool cl_starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static inline bool cl_ends_with(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && !memcmp(s + n - k, p, k);
}

/* The last occurrence of p in [s, s+n). */
static inline const char *cl_rfind_n(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
    if (!memcmp(s + i, p, k)) return s + i;
  return NULL;
}

static inline bool cl_digit(char c) {
  return c >= '0' && c <= '9';
}

/* --- paragraphs -------------------------------------------------------- */

typedef struct cr {
  ys_rdoc *d;
  const ys_claimctx *x;
  ys_arena *a; /* scratch for the whole document */
  char *buf;   /* the paragraph, normalised */
  int *lineof; /* source line of each byte */
  size_t n, cap;
  /* the section a heading opened: its narrowing of the amounts in it */
  ys_qfilter sec;
  bool sec_set;
  bool carry;       /* the text mentions 上年结转 */
  const void *cur;  /* the sentence of the claim being made */
  struct tk **hist; /* stated amounts of earlier paragraphs, in order */
  size_t nh, ch;
  size_t amounts_from; /* first claim of the amount reader */
  struct lst *lists;   /* lists of parts of the paragraph */
  size_t nlists, clists;
  /* "…决算总额为 1023 万元…。其中:" closing a paragraph, then one numbered
   * section per part ("一、因公出国(境)经费" and the paragraph under it):
   * the parts are the sections' first amounts (section_lists) */
  struct tk *sl_whole;
  int sl_kind;  /* numbering of its sections (enum_kind), 0 none yet */
  bool sl_want; /* a section heading was read: its amount comes next */
  const struct tk *sl_parts[16];
  size_t sl_np;
  int head_kind; /* the paragraph being read is a heading: its numbering */
  /* the unit of the paragraph's last amount so far (tokenize), 0 none */
  ys_unit last_unit;
  bool has_last_unit;
  int rc;
} cr;

/* --- tokens ------------------------------------------------------------ */

typedef enum tkind {
  TK_AMT = 0, /* money */
  TK_PCT,     /* a percentage */
  TK_NUM,     /* a bare number (before its list's unit is known) */
  TK_YEAR,    /* 2025年 */
  TK_COUNT,   /* 3辆, 15批次 */
  TK_CODE,    /* (204类), (2101506) */
  TK_PP       /* 个百分点 */
} tkind;

enum {
  R_NONE = 0,
  R_STATE, /* an amount of its subject */
  R_DELTA, /* a change of the amount before */
  R_PRIOR, /* the prior amount a change is measured from */
  R_RATE,  /* a rate of change */
  R_SHARE, /* 占 x% */
  R_COMPL, /* 完成预算的 x% */
  R_WHOLE, /* the whole or budget a share is of: "占年初预算 10065 万元的" */
  R_MISSING /* a unit with no number */
};

enum { B_NONE = 0, B_PRIOR, B_YEAR, B_BUDGET };

typedef struct tk {
  tkind kind;
  size_t b, e;       /* bytes of the number (and unit) in the sentence */
  const char *num;   /* as printed, without separators: "36399.5", "-3" */
  const char *shown; /* as printed */
  ys_unit unit;
  int year;            /* TK_YEAR: the year */
  int role;            /* R_* */
  int dir;             /* +1 more, -1 less, 0 unsaid */
  int base, base_year; /* what a change is measured against */
  int base_phase;      /* the phase the base names (比 2022 年决算数), 0 */
  const char *subject; /* R_STATE: the subject, normalised */
  int syear;           /* the year the amount is of (0 the document's) */
  int measure;         /* 0, YS_PHASE_BUDGET, YS_PHASE_FINAL (执行/决算) */
  int depth;           /* parenthesis depth */
  int clause;          /* index of its clause in the sentence */
  bool listed;         /* one of a 、-list ("1267.86、2570.97万元") */
  bool from;           /* R_PRIOR: "由 X 万元" before "增加到 Y 万元" */
  bool level;          /* R_STATE: the Y that X changed to (X stays the
                          prior of the change and rate said after) */
  bool together;       /* 分别: the list pairs with another list */
  bool used;           /* taken by a claim */
  const struct tk *headp; /* R_STATE: the whole of the list it is part of */
  const char *alt;        /* another reading of this amount (a restatement) */
  const void *owner;      /* its sentence */
  int list;               /* tokens of one 、-list share a number (0: none) */
  /* R_DELTA / R_RATE: the subject its own clause names ("" none) */
  const char *dsubj;
  int dmeasure; /* the measure (预算/决算) that subject names */
  /* What the text says of a stated amount (R_STATE), filled by attach():
   * its change, rate, share, the whole or budget named with it. And for a
   * companion, the statement it belongs to (NULL: none could be told). */
  struct tk *delta, *rate, *share, *whole, *compl_, *prior;
  struct tk *stmt;
} tk;

typedef struct sent {
  const char *s; /* the sentence */
  size_t n;
  size_t off; /* in the paragraph */
  tk *t;
  size_t nt;
  int line;
  int *clause_at; /* per byte: clause index */
  bool claimed;   /* some claim was read from it */
  bool kept;      /* s copied out of the paragraph buffer (keep_sentence) */
} sent;

typedef struct para {
  sent *s;
  size_t n;
} para;

/* A list of parts after 其中/包括 and its whole. */
typedef struct lst {
  size_t si; /* its sentence */
  tk *whole;
  tk **parts;
  size_t n;
  bool exhaustive; /* said so (分别为) */
} lst;

/* --- the functions of one file the others call ------------------------ */

/* claims.c */
const char *cl_doc_str(cr *r, const char *s);
ys_rclaim *cl_claim(cr *r, const sent *st, ys_claim_kind kind,
                    const char *subject, const tk *fig);
void cl_set_parts(cr *r, ys_rclaim *c, const tk **v, const int *neg, size_t n);
bool cl_same_subject(const char *a, const char *b);
bool cl_generic(const char *s);

/* claims_tokens.c */
int cl_tokenize(cr *r, sent *st);

/* claims_roles.c */
void cl_pre_text(const sent *st, size_t k, const char **p, size_t *n);
int cl_base_phase(const char *p, size_t n);
const char *cl_clean_subject(cr *r, const char *p, size_t n, int *year,
                             int *measure);
void cl_roles(cr *r, sent *st);

/* claims_attach.c */
double cl_yuan(const tk *t);
const char *cl_match_key(cr *r, const char *s);
int cl_key_score(const char *ka, const char *kb);
int cl_name_score(cr *r, const char *a, const char *b);
int cl_remember(cr *r, tk *t);
int cl_amount_year(const tk *u, int doc_year);
tk *cl_find_named(cr *r, para *pg, size_t si, size_t k, const char *name,
                  int measure, const tk *part, bool at_least);
tk *cl_head_of(sent *st);
void cl_attach(cr *r, para *pg, size_t si);
bool cl_keep_sentence(cr *r, const tk *t);

/* claims_change.c */
void cl_change_claims(cr *r, para *pg, size_t si);
void cl_share_claims(cr *r, para *pg, size_t si);
void cl_completion_claims(cr *r, para *pg, size_t si);

/* claims_lists.c */
size_t cl_enumerator_at(const char *s, size_t n);
/* The strongest separator outside brackets in [b, e) of a sentence: 3 a
 * semicolon, 2 a comma or colon, 1 、, 0 none. */
int cl_separator_between(const sent *st, size_t b, size_t e);
size_t cl_collect_parts(cr *r, sent *st, size_t first, size_t i, int depth,
                        bool sides, const tk **parts, size_t max);
void cl_list_parts(cr *r, para *pg, size_t si);
void cl_close_section_list(cr *r);
void cl_section_lists(cr *r, para *pg);

/* claims_sums.c */
bool cl_other_year(const tk *whole, const tk *part);
void cl_list_sum(cr *r, sent *st, tk *whole, const tk **parts, size_t np,
                 bool exhaustive);
void cl_trailing_sums(cr *r, para *pg, size_t si);
void cl_added_sums(cr *r, para *pg, size_t si);
void cl_share_group_sums(cr *r, para *pg, size_t si);
void cl_delta_lists(cr *r, para *pg, size_t si);
void cl_balance_claims(cr *r, para *pg, size_t si);
void cl_delta_repeats(cr *r, para *pg);
void cl_reason_sums(cr *r, para *pg, size_t si);
void cl_repeat_claims(cr *r, para *pg);
void cl_share_sums(cr *r, size_t from);

/* claims_counts.c */
void cl_count_sums(cr *r, para *pg, size_t si);

/* claims_link.c */
void cl_table_links(cr *r, const ys_tfacts *f);

#endif
