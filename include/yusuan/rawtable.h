/*
 * rawtable.h - a table as read from a document, before any interpretation.
 *
 * Every reader (compiled CSV, tables.json, XLSX, published text) produces
 * raw tables: a title, a unit when printed, and rows of cell strings, each
 * with its source line. observe.c then maps raw tables onto a profile's
 * tables and turns amount cells into observations of quantities. Keeping
 * this boundary means a new input format is a reader, not a new checker.
 */
#ifndef YUSUAN_RAWTABLE_H
#define YUSUAN_RAWTABLE_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "doc.h"
#include "money.h"
#include "quantity.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_rcell {
  const char *text; /* as read; "" when empty */
  int line;         /* source line, 0 = unknown */
  int page;         /* page it is printed on (PDF), 0 = none */
  ys_box box;       /* where on the page */
} ys_rcell;

/* What a row of a table read by meaning (tableread.c) stands for. */
enum {
  YS_RROW_PLACED = 1u << 0, /* understood: its cells are observations */
  YS_RROW_TOTAL = 1u << 1, /* 合计 / 本年收入合计: sum of the rows above */
  YS_RROW_GRAND = 1u << 2,   /* 总计: the total and the rows after it */
  YS_RROW_SUBSET = 1u << 3,  /* 其中: part of the row above, not a sum part */
  YS_RROW_CODE = 1u << 4,    /* a classification code row */
  YS_RROW_FOOTER = 1u << 5,  /* a 收支总表 row after the first total */
  YS_RROW_UNIT = 1u << 6,    /* a unit (or the department) */
  YS_RROW_ITEM = 1u << 7,    /* a project or sub-item printed under a class */
  YS_RROW_GUESSED = 1u << 8, /* its amounts' columns were guessed (empty
                                cells not printed, the identities left them
                                open) */
  YS_RROW_NAMED = 1u << 9    /* its code was found by its name, not printed */
};

typedef struct ys_rrow {
  ys_rcell *cells;
  size_t n;
  int line;
  /* Meaning (tables read by meaning only; zero otherwise). */
  unsigned flags;    /* YS_RROW_* */
  int level;         /* 0 total, 1 类 / 一、, 2 款 / 1., 3 项 / (1) */
  ys_qfilter q;      /* the row's narrowing of the column quantities */
  const char *code;  /* classification or unit code as read, or "" */
  const char *label; /* the row's name as printed, or "" */
  const char *why;   /* not placed: why (Chinese), else NULL */
} ys_rrow;

typedef enum ys_rcol_kind {
  YS_RCOL_OTHER = 0, /* not understood */
  YS_RCOL_LABEL,     /* row names */
  YS_RCOL_CODE,      /* a whole code */
  YS_RCOL_LEI,       /* 类 / 款 / 项 of a code split over columns */
  YS_RCOL_KUAN,
  YS_RCOL_XIANG,
  YS_RCOL_UNIT,   /* unit codes */
  YS_RCOL_AMOUNT, /* money */
  YS_RCOL_RATE,   /* a percentage */
  YS_RCOL_COUNT,  /* a count (人数, 辆) */
  YS_RCOL_TEXT,   /* text fields (备注, 指标) */
  YS_RCOL_SEQ     /* 序号 */
} ys_rcol_kind;

/* A column of a table read by meaning. */
typedef struct ys_rcol {
  ys_rcol_kind kind;
  const char *label; /* header cells from top to bottom, joined by "/" */
  ys_qexpr q;        /* amounts: the column's quantity, base included */
  bool own_base;     /* the column contradicts the base and replaces it */
  bool total;        /* 合计 / 小计 of its group */
  bool subset;       /* 其中 */
  const char *rest;  /* header words the vocabulary did not know, or "" */
  int *sum_of;       /* this column = Σ these columns (header tree) */
  int n_sum_of;
  /* 1 + the column of the same table whose header means the same
   * quantity (执行数 beside 决算数): this one is left unread; 0 none */
  int twin;
} ys_rcol;

typedef struct ys_rtable {
  const char *file;   /* source file as given */
  const char *number; /* "表1" or "" */
  const char *title;  /* as printed */
  int title_line;
  bool unit_known;
  ys_unit unit;
  int header_rows; /* rows[0..header_rows) are header; -1 = unknown */
  ys_rrow *rows;   /* header and body rows */
  size_t nrows;
  const char *note; /* footnotes / 空表说明 text, "" if none */
  bool empty_note;  /* the table states why it is empty */
  int title_page;   /* page of the title (PDF), 0 = none */
  /* Read by meaning (tableread.c): the columns' meaning, the base every
   * cell is narrowed by, and, for the sides of a 收支总表, which group of
   * panels the table is one side of (0 = none) and which side. */
  ys_rcol *cols; /* one per cell of a row; NULL: laid out by a profile */
  size_t ncols;
  ys_qfilter base;
  unsigned axis;   /* YS_AXIS_* of the rows */
  int group;       /* panels of one printed table share a group */
  int side;        /* within a group: 0 income, 1.. spending views */
  bool understood; /* the title was understood */
  bool ruled;      /* the grid came from ruling lines (its structure sure) */
} ys_rtable;

/*
 * A figure stated in the narrative (情况说明), tied to a quantity. The checker
 * treats it as one more observation of that quantity, at the precision the
 * text prints, so "一般公共预算支出 233.31 万元" meets the tables' 238.31.
 */
typedef enum ys_claim_kind {
  YS_CLAIM_AMOUNT = 0, /* subject + amount: one more observation of it */
  YS_CLAIM_MISSING,    /* a sentence whose figure is missing ("支出万元") */
  YS_CLAIM_SUM,        /* text = the whole; parts = the parts listed */
  YS_CLAIM_SHARE,      /* text = share in %; parts = {part, whole} */
  YS_CLAIM_CHANGE,     /* text = rate in % or ""; parts = {current, signed
                          change} (how DELTA) or {current, prior} (PRIOR) */
  YS_CLAIM_COMPLETION, /* text = rate in %; parts = {actual, budget} */
  YS_CLAIM_DIFFERENCE, /* text = the stated difference; parts = {a, b} */
  YS_CLAIM_REPEAT,     /* one figure stated twice: text = the second;
                          parts = {the first} */
  YS_CLAIM_NAME,       /* a class named with its code: subject = name,
                          text = code */
  YS_CLAIM_UNCHECKED,  /* a figure whose base or whole could not be
                          determined: text = it, note = why; never checked */
  YS_CLAIM_UNREAD,     /* a sentence with figures from which no claim was
                          read (coverage): text = its first figure */
  YS_CLAIM_UNEXPLAINED /* an actual far from its budget with no reason
                          given: text = the completion rate, parts = {actual,
                          budget}; reported, never an error */
} ys_claim_kind;

/* How a CHANGE claim states its change (its parts):
 *   DELTA  {current, signed change}: rate = |Δ| / (current − Δ)
 *   PRIOR  {current, prior}:         rate = |current − prior| / prior
 *   BASE   {signed change, prior}:   rate = |Δ| / prior */
enum { YS_CHANGE_DELTA = 0, YS_CHANGE_PRIOR = 1, YS_CHANGE_BASE = 2 };
/* How a SHARE claim names its whole: parts = {part, whole}, or (OF_SUM)
 * the whole is the sum of a complete list: parts = {part, the others}. */
enum { YS_SHARE_WHOLE = 0, YS_SHARE_OF_SUM = 1 };
/* What a SUM adds up: amounts, or changes (a selection of changes may
 * exceed the whole's change: other parts can have fallen). */
enum { YS_SUM_AMOUNTS = 0, YS_SUM_CHANGES = 1 };

typedef struct ys_rclaim {
  ys_claim_kind kind;
  const char
      *quantity; /* quantity expression (quantity.h), e.g. "exp;fund=gpb" */
  const char *subject;  /* as written, e.g. "一般公共预算拨款支出" */
  const char *text;     /* the figure as written, e.g. "233.31" */
  ys_unit unit;         /* of the figure */
  const char *sentence; /* the sentence, for the report */
  int line;
  int page;   /* PDF page of the figure, 0 = none */
  ys_box box; /* PDF: where the figure is printed on that page; else 0s */
  /* The text does not say whether the figure includes 上年结转: it is
   * read as all periods, and a mismatch is only a warning. */
  bool period_unclear;
  /* Inputs as written, each with its unit. */
  const char **parts;
  size_t n_parts;
  ys_unit *part_units; /* n_parts units; NULL: all in unit */
  int how; /* CHANGE: YS_CHANGE_*; SHARE: YS_SHARE_*; SUM: YS_SUM_* */
  int dir; /* CHANGE: +1 the text says more, -1 less, 0 unsaid */
  /* SUM: the text says (or the parts' meaning shows) that the parts are
   * the whole, not a selection: parts that fall short are an error. */
  bool exhaustive;
  /* SUM: the figures are percentages (shares of one whole adding to 100),
   * not amounts. */
  bool percent;
  /* SUM: the figures count things of this word ("辆", "台"), not money;
   * NULL for money. */
  const char *counted;
  /* SHARE of a sum: the shares stated add up to exactly 100 %, as the
   * largest remainder method makes them, which moves a share by up to one
   * unit of its last digit from the share rounded alone. */
  bool to_hundred;
  /* A sum implied by another claim's list (its parts' changes, budgets or
   * shares): 1 + that claim's index, 0 = none. One wrong figure of the
   * list is reported once, at that claim. */
  size_t parent;
  /* The claim restates a figure another claim got wrong: its check uses
   * either reading (see observe_claims.c). */
  const char *alt; /* CHANGE/SHARE: another reading of parts[0], or NULL */
  /* SHARE of a whole the text names but does not state ("占一般公共预算
   * 支出的 96.74%"), COMPLETION of a budget it names so ("完成年初预算的
   * 88.7%"): parts = {part}, the whole this quantity as the tables print
   * it; NULL otherwise */
  const char *whole_quantity;
  /* COMPLETION of a budget the text does not say is 年初 or 全年 ("完成预算
   * 的 36.32%"): the 全年 one's quantity, whole_quantity the 年初 one's; the
   * tables must print one of them, or both alike */
  const char *whole_alt;
  const char *note; /* UNCHECKED: why, for the report; else NULL */
  /* Byte span of the claim's figures within sentence, for the report. */
  size_t span_b, span_e;
} ys_rclaim;

/* "amount", "missing", "sum", … (the kind's name in claims.json). */
YS_API const char *ys_claim_kind_name(ys_claim_kind k);

typedef struct ys_rdoc {
  const char *file;
  int year; /* 0 = unknown */
  ys_rtable *tables;
  size_t n, cap;
  ys_rclaim *claims;
  size_t n_claims, cap_claims;
  const char *profile_hint; /* profile a reader recognised, or NULL */
  bool final;               /* a 决算 package (figures are actuals) */
  ys_doc *doc; /* the document the tables were read from (owned), or NULL */
  ys_arena *arena;
  /* the narrative's lines, when its claims are read later (read.c reads a
   * text with two readers, then the claims of the one it keeps); internal */
  const void *pending;
  size_t n_pending;
  /* Quantity keys (ys_qexpr_key) a table prints as one part beside others
   * under a total its words also name ("一、一般公共预算支出" under 支出总计
   * of a 一般公共预算收支平衡表): a narrative figure so named cannot be
   * told to be the part or the total, and is not checked. */
  const char **part_keys;
  size_t n_part_keys, cap_part_keys;
} ys_rdoc;

YS_API ys_rdoc *ys_rdoc_new(const char *file);
YS_API void ys_rdoc_free(ys_rdoc *d);
/* Appends an empty table owned by the document; NULL on OOM. */
YS_API ys_rtable *ys_rdoc_add_table(ys_rdoc *d);
/* Appends a zeroed claim owned by the document; NULL on OOM. */
YS_API ys_rclaim *ys_rdoc_add_claim(ys_rdoc *d);
/* A claim with its words copied into the document's arena (sentence NULL
 * counts as out of memory); NULL when out of memory. */
YS_API ys_rclaim *ys_rdoc_claim(ys_rdoc *d, ys_claim_kind kind,
                                const char *subject, const char *text,
                                ys_unit unit, const char *sentence, int line);
/* Room for n parts of c (parts and part_units, zeroed); false when out of
 * memory. */
YS_API bool ys_rclaim_parts(ys_rdoc *d, ys_rclaim *c, size_t n);
/* Appends a row of n cells to a table; NULL on OOM. */
YS_API ys_rrow *ys_rtable_add_row(ys_rdoc *d, ys_rtable *t, size_t n, int line);

#ifdef __cplusplus
}
#endif
#endif
