/*
 * read.c - a published package read by meaning: any format, no profile.
 *
 * The pipeline of reading: a reader makes the document model (doc.c and
 * read_*.c), layout.c finds its tables and its narrative lines,
 * tableread.c reads every table by its title and header words, and
 * narrative.c reads the claims of the narrative lines. The result is a raw
 * document (rawtable.h) the checker observes.
 *
 * ys_read_path picks the reader for a path. Compiled packages (a
 * directory, tables.json, yusuan's own CSV and XLSX) carry their profile's
 * layout and are read by it (ingest_csv.c, ingest_xlsx.c). A text file
 * may be laid out (columns kept by spaces: read by meaning) or flowed (one
 * or a few cells per line, empty cells gone: only fitting the tokens into
 * a known family's columns reads it, ingest_text.c); both readers run and
 * the one that places more amounts wins, so neither family of text needs
 * to be recognised by name.
 */
#include "yusuan/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "claims.h"
#include "doc_flow.h"
#include "ingest_text.h"
#include "read_pending.h"
#include "layout.h"
#include "tableread.h"
#include "yusuan/check.h"
#include "yusuan/ingest.h"
#include "yusuan/text.h"

/* A claim's page and box: the first place its figure is printed from the
 * line its sentence starts on (a sentence runs over a few lines, and on
 * to the next page); the sentence's first line when the figure is not
 * printed as read (a figure written in full-width digits). */
static void place_claim(ys_rclaim *c, const ys_layout *l) {
  int no = c->line;
  if (no < 1 || (size_t)no > l->ntext) return;
  const ys_line *first = l->text[no - 1];
  c->page = first->page;
  c->box = first->box;
  if (!c->text) return;
  for (size_t i = (size_t)no - 1; i < l->ntext && i < (size_t)no + 12; i++) {
    const ys_line *ln = l->text[i];
    for (size_t j = 0; j < ln->n; j++)
      if (ys_span_figure_box(&ln->spans[j], c->text, &c->box)) {
        c->page = ln->page;
        return;
      }
  }
}

/* The narrative lines as the claim finder takes them: one per line of
 * text; on a PDF a line's number is its place in the document, and the
 * page of each number is kept for the claims. */
static int read_claims(ys_rdoc *d, ys_doc *doc, const ys_layout *l, int year,
                       const ys_vocab *v, const ys_catalog *cat, bool claims,
                       ys_errors *errs) {
  ys_tline *tl = ys_arena_alloc(d->arena, sizeof *tl * (l->ntext + 1));
  if (!tl) return YS_ENOMEM;
  size_t n = 0;
  int prev_page = 0;
  for (size_t i = 0; i < l->ntext; i++) {
    const ys_line *ln = l->text[i];
    const char *s = ln->n ? ys_line_text(doc, ln) : "";
    if (!s) return YS_ENOMEM;
    int no = ln->n && ln->spans[0].line ? ln->spans[0].line : (int)i + 1;
    /* a new page in a PDF starts a new paragraph only if the text says so */
    (void)prev_page;
    prev_page = ln->page;
    tl[n++] = (ys_tline){s, strlen(s), no};
  }
  if (!claims) return ys_rdoc_keep_pending(d, tl, n) ? YS_OK : YS_ENOMEM;
  size_t before = d->n_claims;
  ys_claimctx cx = {v, cat, year, d->final};
  (void)errs;
  int rc = ys_claims_read(d, tl, n, &cx);
  /* where the claims are printed (PDF): by the line number given above */
  if (rc == YS_OK && doc->format == YS_DOC_PDF)
    for (size_t k = before; k < d->n_claims; k++) place_claim(&d->claims[k], l);
  return rc;
}

bool ys_rdoc_keep_pending(ys_rdoc *d, const ys_tline *lines, size_t n) {
  ys_tline *v = ys_arena_alloc(d->arena, sizeof *v * (n + 1));
  if (!v) return false;
  for (size_t i = 0; i < n; i++) {
    v[i] = lines[i];
    v[i].s = ys_arena_strndup(d->arena, lines[i].s, lines[i].len);
    if (!v[i].s) return false;
  }
  d->pending = v;
  d->n_pending = n;
  return true;
}

int ys_rdoc_read_pending(ys_rdoc *d, const ys_vocab *v, const ys_catalog *cat) {
  if (!d->pending) return YS_OK;
  const ys_tline *lines = d->pending;
  size_t n = d->n_pending;
  d->pending = NULL;
  d->n_pending = 0;
  ys_claimctx cx = {v, cat, d->year, d->final};
  return ys_claims_read(d, lines, n, &cx);
}

/* Did the table reader read a total row into the tables from `before` on
 * (a 合计 the table rules check against its parts)? */
static bool has_totals(const ys_rdoc *d, size_t before) {
  for (size_t t = before; t < d->n; t++)
    for (size_t r = 0; r < d->tables[t].nrows; r++)
      if (d->tables[t].rows[r].flags & (YS_RROW_TOTAL | YS_RROW_GRAND))
        return true;
  return false;
}

/* ys_read_doc; claims false leaves the narrative pending. */
static int read_doc(ys_rdoc **out, ys_doc *doc, const ys_vocab *v,
                    const ys_catalog *cat, bool claims, ys_errors *errs) {
  *out = NULL;
  ys_rdoc *d = ys_rdoc_new(doc->file);
  if (!d) {
    ys_doc_free(doc);
    return YS_ENOMEM;
  }
  d->doc = doc;
  ys_layout l;
  int rc = ys_layout_find(&l, doc, errs);
  ys_readctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.vocab = v;
  ctx.cat = cat;
  ctx.errs = errs;
  if (rc == YS_OK) {
    ys_tableread_doc_facts(&l, doc, &ctx.year, &ctx.final);
    d->year = ctx.year;
    d->final = ctx.final;
  }
  for (size_t i = 0; i < l.n && rc == YS_OK; i++) {
    size_t before = d->n;
    rc = ys_tableread(d, &l.tables[i], &ctx);
    /* the identities its own figures show (of a grid of no known kind;
     * of a known one, the rates of change between its rows: the table
     * rules check the sums of the totals they know) */
    if (rc == YS_OK)
      rc = ys_gtable_claims(d, &l.tables[i], has_totals(d, before));
  }
  if (rc == YS_OK) rc = read_claims(d, doc, &l, ctx.year, v, cat, claims, errs);
  if (rc) {
    ys_rdoc_free(d);
    return rc;
  }
  *out = d;
  return YS_OK;
}

int ys_read_doc(ys_rdoc **out, ys_doc *doc, const ys_vocab *v,
                const ys_catalog *cat, ys_errors *errs) {
  return read_doc(out, doc, v, cat, true, errs);
}

static int read_package(ys_rdoc **out, const char *path, const ys_vocab *v,
                        const ys_catalog *cat, bool claims, ys_errors *errs) {
  *out = NULL;
  ys_doc *doc = NULL;
  int rc = ys_doc_read(&doc, path, errs);
  if (rc) return rc;
  return read_doc(out, doc, v, cat, claims, errs);
}

int ys_read_package(ys_rdoc **out, const char *path, const ys_vocab *v,
                    const ys_catalog *cat, ys_errors *errs) {
  return read_package(out, path, v, cat, true, errs);
}

/* Amount cells the reading placed: in understood amount columns of
 * placed rows (by meaning), or in the body rows of tables laid out in a
 * profile's columns (fitted: every cell that reads as money). */
size_t ys_rdoc_placed_amounts(const ys_rdoc *d) {
  size_t n = 0;
  for (size_t t = 0; t < d->n; t++) {
    const ys_rtable *rt = &d->tables[t];
    for (size_t r = 0; r < rt->nrows; r++) {
      const ys_rrow *row = &rt->rows[r];
      if (rt->cols && !(row->flags & YS_RROW_PLACED)) continue;
      for (size_t k = 0; k < row->n; k++) {
        if (rt->cols && (k >= rt->ncols || rt->cols[k].kind != YS_RCOL_AMOUNT))
          continue;
        const char *s = row->cells[k].text;
        ys_amount am;
        if (*s &&
            ys_money_parse(&am, s, strlen(s), YS_UNIT_YUAN, NULL) == YS_OK &&
            (strchr(s, '.') || strchr(s, ',') || rt->cols))
          n++;
      }
    }
  }
  return n;
}

static bool ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), k = strlen(suf);
  if (n < k) return false;
  for (size_t i = 0; i < k; i++) {
    char a = s[n - k + i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != suf[i]) return false;
  }
  return true;
}

/* The errors, warnings and notes of a reading kept (with what was not
 * listed). */
static void copy_errors(ys_errors *to, const ys_errors *from) {
  if (!to) return;
  for (size_t i = 0; i < from->count; i++) {
    const ys_error *e = &from->items[i];
    if (e->severity != YS_SEV_ERROR)
      ys_errors_note(to, e->severity, e->file, e->line, e->column, "%s",
                     e->message);
    else
      ys_errors_add(to, e->code, e->file, e->line, e->column, "%s", e->message);
  }
  to->dropped += from->dropped;
}

/* Of two readings of one document, the one that places more amounts: the
 * fit's only when it places more than `lead` times as many (the reading
 * by meaning when they tie); its errors are kept, the other is freed.
 * *fit: the first was kept. */
static int pick(ys_rdoc **out, ys_rdoc *byfit, int r1, ys_errors *e1,
                ys_rdoc *bymeaning, int r2, ys_errors *e2, ys_errors *errs,
                int lead, bool *fit) {
  *out = NULL;
  *fit = false;
  if (r1 == YS_ENOMEM || r2 == YS_ENOMEM) {
    ys_rdoc_free(byfit);
    ys_rdoc_free(bymeaning);
    ys_errors_free(e1);
    ys_errors_free(e2);
    return YS_ENOMEM;
  }
  size_t n1 = r1 == YS_OK ? ys_rdoc_placed_amounts(byfit) : 0;
  size_t n2 = r2 == YS_OK ? ys_rdoc_placed_amounts(bymeaning) : 0;
  *fit = r1 == YS_OK && (r2 != YS_OK || n1 > (size_t)lead * n2);
  copy_errors(errs, *fit ? e1 : e2);
  *out = *fit ? byfit : bymeaning;
  ys_rdoc_free(*fit ? bymeaning : byfit);
  ys_errors_free(e1);
  ys_errors_free(e2);
  return *fit ? r1 : r2;
}

/* The claims of the kept reading's pending narrative; on a PDF (fl) each
 * placed where its figure is printed. */
static int read_pending(ys_rdoc **out, const ys_vocab *v, const ys_catalog *cat,
                        const ys_flow *fl) {
  size_t before = (*out)->n_claims;
  int rc = ys_rdoc_read_pending(*out, v, cat);
  if (rc) {
    ys_rdoc_free(*out);
    *out = NULL;
    return rc;
  }
  /* the figure on the line its sentence starts on, or a few after */
  for (size_t k = before; fl && k < (*out)->n_claims; k++) {
    ys_rclaim *c = &(*out)->claims[k];
    size_t from = 0;
    if (!ys_flow_place(fl, c->line, c->text ? c->text : "", &from, &c->page,
                       &c->box))
      for (int no = c->line + 1; no < c->line + 12 && c->text; no++) {
        int page;
        ys_box box;
        from = 0;
        if (ys_flow_place(fl, no, c->text, &from, &page, &box)) {
          c->page = page;
          c->box = box;
          break;
        }
      }
  }
  return YS_OK;
}

/* The cells a reading of the flow of a PDF read: each placed where it is
 * printed, the cells of one line in their order. */
static void place_cells(ys_rdoc *d, const ys_flow *fl) {
  for (size_t t = 0; t < d->n; t++) {
    ys_rtable *rt = &d->tables[t];
    if (rt->title_line > 0 && (size_t)rt->title_line <= fl->n)
      rt->title_page = fl->pages[rt->title_line - 1];
    for (size_t r = 0; r < rt->nrows; r++) {
      ys_rrow *row = &rt->rows[r];
      int line = 0;
      size_t from = 0;
      for (size_t k = 0; k < row->n; k++) {
        ys_rcell *cell = &row->cells[k];
        if (cell->line < 1) continue;
        if (cell->line != line) from = 0;
        line = cell->line;
        ys_flow_place(fl, cell->line, cell->text, &from, &cell->page,
                      &cell->box);
      }
    }
  }
}

static int read_path_impl(ys_rdoc **out, const char *path, const ys_vocab *v,
                          const ys_catalog *cat, const ys_profile *profile,
                          ys_errors *errs) {
  *out = NULL;
  struct stat st;
  if (stat(path, &st) != 0) {
    ys_errors_add(errs, YS_ENOTFOUND, path, 0, 0, "文件或目录不存在");
    return YS_ENOTFOUND;
  }
  if (S_ISDIR(st.st_mode) || ends_with(path, ".json") ||
      ends_with(path, ".csv"))
    return ys_ingest_path(out, path, errs);
  if (ends_with(path, ".xlsx")) {
    /* yusuan's own workbook (a 目录 sheet, 表N sheets) or anyone's */
    ys_errors tmp = {0};
    ys_rdoc *d = NULL;
    int rc = ys_ingest_path(&d, path, &tmp);
    if (rc == YS_OK && d->n) {
      copy_errors(errs, &tmp);
      ys_errors_free(&tmp);
      *out = d;
      return YS_OK;
    }
    ys_rdoc_free(d);
    ys_errors_free(&tmp);
    return ys_read_package(out, path, v, cat, errs);
  }
  if (ends_with(path, ".txt")) {
    ys_errors e1 = {0}, e2 = {0};
    ys_rdoc *byfit = NULL, *bymeaning = NULL;
    /* both readers read the tables; only the one kept reads the claims */
    int r1 = ys_ingest_text_read(&byfit, path, cat, v, profile, false, &e1);
    int r2 = read_package(&bymeaning, path, v, cat, false, &e2);
    bool fit;
    int rc = pick(out, byfit, r1, &e1, bymeaning, r2, &e2, errs, 1, &fit);
    if (rc == YS_OK) rc = read_pending(out, v, cat, NULL);
    return rc;
  }
  ys_doc *doc = NULL;
  int rc = ys_doc_read(&doc, path, errs);
  if (rc) return rc;
  if (doc->format != YS_DOC_PDF) return read_doc(out, doc, v, cat, true, errs);
  /* A PDF as its tables read by their headers, and as the lines of the
   * text it prints fitted to a family's columns (a flowed package printed
   * by a word processor). A PDF's tables are drawn where the reading by
   * meaning finds them (ruled, or set in columns apart), and the counts of
   * the two readings differ by a few cells where both read them: the fit
   * is kept only where it reads twice as much (a flowed package, whose
   * tables the reading by meaning hardly finds). The flow lives in the
   * document, which the reading keeps. */
  ys_errors e1 = {0}, e2 = {0};
  ys_rdoc *byfit = NULL, *bymeaning = NULL;
  int r2 = read_doc(&bymeaning, doc, v, cat, true, &e2);
  if (r2 != YS_OK) {
    copy_errors(errs, &e2);
    ys_errors_free(&e2);
    return r2; /* read_doc has freed the document */
  }
  /* the fit places no more amounts than the pages print figures with a
   * point or a comma: where that is not twice the reading by meaning's,
   * the fit cannot be kept and is not made */
  if (ys_doc_figures(doc) <= 2 * ys_rdoc_placed_amounts(bymeaning)) {
    copy_errors(errs, &e2);
    ys_errors_free(&e2);
    *out = bymeaning;
    return YS_OK;
  }
  ys_flow fl;
  rc = ys_doc_flow(&fl, doc);
  int r1 = rc ? rc
              : ys_ingest_text_lines(&byfit, path, fl.lines, fl.n, fl.pages,
                                     cat, v, profile, &e1);
  /* the fit's reading points into the PDF */
  if (r1 == YS_OK) place_cells(byfit, &fl);
  /* the document (the flow, the cells read by meaning) goes with the
   * reading kept */
  bymeaning->doc = NULL;
  bool fit;
  rc = pick(out, byfit, r1, &e1, bymeaning, r2, &e2, errs, 2, &fit);
  if (rc) {
    ys_doc_free(doc);
    return rc;
  }
  (*out)->doc = doc;
  if (fit) rc = read_pending(out, v, cat, &fl);
  return rc;
}

/* ys_read_path, with a message whenever it fails for want of memory. */
int ys_read_path_as(ys_rdoc **out, const char *path, const ys_vocab *v,
                    const ys_catalog *cat, const ys_profile *profile,
                    ys_errors *errs) {
  size_t before = errs ? errs->count : 0;
  return ys_errors_nomem(errs, before,
                         read_path_impl(out, path, v, cat, profile, errs),
                         "无法读取文档");
}

int ys_read_path(ys_rdoc **out, const char *path, const ys_vocab *v,
                 const ys_catalog *cat, ys_errors *errs) {
  return ys_read_path_as(out, path, v, cat, NULL, errs);
}
