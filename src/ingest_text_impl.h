/*
 * ingest_text_impl.h - internals shared by the files of the flowed-text
 * reader (ingest_text.c and ingest_text_*.c): the reader's state (rd),
 * tokens, table regions, grid tables and rows, and the functions one file
 * of the reader calls in another (prefixed it_). Nothing here is used
 * outside the reader; ingest_text.h is what the rest of the library sees.
 */
#ifndef YS_INGEST_TEXT_IMPL_H
#define YS_INGEST_TEXT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest_text.h"
#include "read_pending.h"
#include "profile_impl.h"
#include "yusuan/catalog.h"
#include "yusuan/check.h"
#include "yusuan/ingest.h"
#include "yusuan/text.h"

/* --- reader context ---------------------------------------------------- */

typedef struct rd {
  ys_rdoc *d;
  ys_errors *errs;
  const char *file;
  ys_arena *tmp; /* scratch, freed when the document is read */
  ys_tline *L;
  size_t nl;
  const char **K; /* the key of each line of L, made when first asked */
  const ys_profile *p;
  const ys_catalog *cat;
  const ys_vocab *vocab;
  int year;
  int ninfo;
  const ys_ptable **tpt; /* the profile table of each table read so far */
  size_t ntpt, ctpt;
  /* lines of a PDF's text (ys_ingest_text_lines): the page of line no is
   * pages[no - 1], and messages name it; NULL for a text file */
  const int *pages;
  const ys_profile *forced; /* the family the caller names; NULL: detect */
} rd;

void it_info(rd *r, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* --- tokens ------------------------------------------------------------ */

enum { TK_EMPTY = 0, TK_TEXT, TK_INT, TK_NUM };

typedef struct tok {
  const char *s; /* trimmed, NUL-terminated */
  int line;
  unsigned char kind;
  unsigned char indent; /* leading U+3000 before the token */
} tok;

/* A row of tokens as printed (a line of cells, or a numbered row). */
typedef struct nrow {
  tok *t;
  size_t n;
  int rownum;
  int line;
} nrow;

/* --- parts of the package ---------------------------------------------- */

enum {
  PART_NONE = 0,
  PART_OVERVIEW,
  PART_NARRATIVE,
  PART_GLOSSARY,
  PART_TABLE
};

/* --- table regions ----------------------------------------------------- */

typedef struct treg {
  size_t start; /* first line (the 表N line or the title) */
  size_t title; /* the title line */
  size_t body;  /* first line after the title */
  size_t end;   /* one past the last line */
  const ys_ptable *pt;
  const char *number;
  int dist;
  const char *printed; /* title as printed (trimmed) */
} treg;

/* --- amounts ----------------------------------------------------------- */

typedef struct aval {
  int64_t fen, rad; /* value and radius (half the last printed digit) in 分 */
  bool ok;
} aval;

/* --- grid rows and the placement of amounts ---------------------------- */

typedef struct grow {
  const char **cells; /* ncols */
  int *clines;
  int line;
  tok *amt; /* amount tokens in printed order (not yet placed) */
  size_t namt;
  aval *av;
  bool placed;  /* amounts already in their columns (positional input) */
  bool drop;    /* reported as not placeable; not emitted */
  bool guessed; /* its amounts placed left to right, by no identity */
  int level;    /* -1 unknown, 0 total, 1.. */
  bool subset;
  int rownum; /* 序号 as printed, 0 none */
  int ncand;
  unsigned char *cand; /* ncand × namt amount-column indexes */
  long version;        /* bumped whenever a candidate is dropped */
} grow;

typedef struct gtab {
  rd *r;
  const ys_ptable *pt;
  ys_unit unit;
  size_t nc; /* profile columns */
  int *acol; /* amount columns (profile indexes) */
  size_t na; /* number of amount columns */
  int *aidx; /* profile column -> amount index, -1 */
  grow *rows;
  size_t n, cap;
  bool nonneg; /* every amount in the table is ≥ 0 */
  int ambiguous, unplaced;
  int first_ambiguous_line;
} gtab;

/* ingest_text_lines.c: keys, tokens, lines, units, notes */

bool it_starts(const char *s, const char *pre);
const char *it_key(rd *r, const char *s, size_t len);
const char *it_keyz(rd *r, const char *s);
const char *it_line_key(rd *r, const ys_tline *l);
size_t it_cn_run(const char *s);
const char *it_strip_numbering(rd *r, const char *k);
const char *it_lkey(rd *r, const char *s);
bool it_num_like(const char *s, size_t n, bool *is_int);
int it_tok_kind(rd *r, const char *s);
tok *it_split_line(rd *r, const ys_tline *l, tok *v, size_t *n, size_t *cap);
const char *it_trimdup(rd *r, const char *s, size_t n);
const char *it_join_text(rd *r, const char *a, const char *b);
tok *it_split_tabs(rd *r, const ys_tline *l, size_t *n);
/* A line of a tab-set table: 1 with its cells in *t, 0 when it is none (a
 * blank line; a line without tabs, kept as a note when it is one or comes
 * after the body's start), -1 when out of memory. */
int it_tab_row(rd *r, ys_rtable *rt, const ys_tline *l, bool in_body, tok **t,
               size_t *n);
int it_read_lines(rd *r, const char *path);
bool it_blank(const ys_tline *l);
int it_unit_in(rd *r, const char *s, ys_unit *u);
int it_unit_hint(rd *r, const char *s, ys_unit *u);
bool it_is_note_line(rd *r, const ys_tline *l);
void it_add_note(rd *r, ys_rtable *rt, const ys_tline *l);
/* A note line, or a line after the first note (a table's notes run to its
 * end): kept as the table's note and true; false for any other line. */
bool it_note_run(rd *r, ys_rtable *rt, const ys_tline *l, bool *in_note);
bool it_is_meta_line(rd *r, const ys_tline *l);

/* ingest_text_titles.c: titles, parts, table regions */

const char *it_number_line(rd *r, const ys_tline *l);
bool it_part_heading(rd *r, const ys_tline *l);
bool it_section_heading(rd *r, const ys_tline *l, const char **title);
int it_part_kind(const char *k);
int it_find_tables(rd *r, treg **regs, size_t *nreg);

/* ingest_text_place.c: amounts and their placement */

aval it_parse_amount(const char *s, ys_unit u);
void it_place_amounts(gtab *g);

/* ingest_text_fit.c: grid rows from tokens */

bool it_is_code_col(pcol_show s);
bool it_is_text_col(pcol_show s);
bool it_is_amount_col(pcol_show s);
int it_gt_init(gtab *g, rd *r, const ys_ptable *pt, ys_unit unit);
grow *it_gt_row(gtab *g, int line);
void it_row_level(gtab *g, grow *row, int indent);
bool it_fit_keys(gtab *g, grow *row, const tok *t, size_t n,
                 size_t *indent_out);
grow *it_fit_tokens(gtab *g, const tok *t, size_t n, int line,
                    bool text_anywhere);
int it_gt_emit(gtab *g, ys_rtable *rt);

/* ingest_text_spaces.c */

int it_grid_spaces(rd *r, const treg *g0, ys_rtable *rt);

/* ingest_text_tabs.c */

int it_grid_tabs(rd *r, const treg *g0, ys_rtable *rt);

/* ingest_text_numbered.c: 栏次/序号 tables */

tok *it_numbered_tokens(rd *r, const treg *g0, ys_rtable *rt, size_t *nt);
nrow *it_numbered_rows(rd *r, tok *v, size_t n, size_t *nr, int *stray_line);
/* The rows of a numbered (栏次/序号) table, its stray lines said; YS_OK or
 * YS_ENOMEM. */
int it_numbered_read(rd *r, const treg *g0, ys_rtable *rt, nrow **rows,
                     size_t *nr);
int it_grid_numbered(rd *r, const treg *g0, ys_rtable *rt);

/* ingest_text_panels.c */

int it_panels_spaces(rd *r, const treg *g0, ys_rtable *rt);
int it_panels_tabs(rd *r, const treg *g0, ys_rtable *rt);
int it_panels_numbered(rd *r, const treg *g0, ys_rtable *rt);

/* ingest_text_targets.c: 绩效目标 forms */

bool it_is_l1(const char *s);
int it_targets_form(rd *r, const treg *g0, ys_rtable *rt);
int it_targets_tabs(rd *r, const treg *g0, ys_rtable *rt);

#endif
