/*
 * ingest_text.c - read a published disclosure package from the text a
 * PDF-to-text converter made of it, into raw tables (rawtable.h) laid out
 * in the profile's columns, plus narrative claims (narrative.c).
 *
 * What the converters give us (shared/seeds are the specification):
 *   - tab-separated rows with their empty cells (Sichuan), but with key
 *     cells shifted by merged header cells and columns the profile has
 *     missing from the print;
 *   - space-separated rows (Shaanxi) where empty cells vanish, names wrap
 *     onto the lines before the amounts, and a 收支总表 row holds up to four
 *     label/amount panels on one line;
 *   - every cell broken over lines (Hebei): "5846.\n\n29", codes split as
 *     "20805\n05", names cut by repeated page headers and page numbers,
 *     rows introduced by a 序号 that counts 1, 2, 3 ...
 * The reader works in four steps:
 *   1. Lines and parts. Tables start at a line that is one of the
 *      profile's titles (the profile is the one whose titles the document
 *      uses most; titles vary by year, 部门/单位 prefix, "表N", markup and
 *      a missing character or two — then the profile's title is used and
 *      the difference reported). A table runs to the next title, part
 *      heading (第X部分) or narrative section heading; a title with no unit
 *      and no amount under it is a table-of-contents entry. Lines outside
 *      tables, overview and glossary are the narrative (narrative.c).
 *   2. Tokens. Each table body becomes rows of tokens (text, integer,
 *      amount), joined across wrapped lines and page breaks; header rows
 *      are dropped (header_rows is 0) but read for their column labels.
 *   3. Fitting. Tokens are placed into the profile's columns by kind and
 *      order: codes into code columns, text into name columns, amounts into
 *      amount columns. Tab tables align their printed columns with the
 *      profile's by header labels. Where empty cells vanished, several
 *      placements of a row's amounts are possible; the row sums declared by
 *      the profile (sum_of), the code tree (a row = Σ its children, column
 *      by column), a panel's total and, across tables, the all-funds table
 *      read before (a fund's part cannot exceed it) usually leave one.
 *      What they leave open is filled left to right — the order the values
 *      are printed in — and reported once per table.
 *   4. Anything that cannot be placed (a row with more amounts than
 *      columns, a label no panel knows, text left over) is reported as an
 *      info entry (code YS_OK) with its line, never dropped silently.
 *
 * Time is linear in the document except the placement search, which is
 * bounded per row (MAX_CAND placements) and per group of sibling rows
 * (MAX_COMBO combinations); beyond the bounds a row is reported instead.
 *
 * This file is the driver (the year, one table by its layout and print,
 * the narrative's lines, the entry points); the steps live in
 *   ingest_text_lines.c     lines, keys, tokens, units, notes (1, 2)
 *   ingest_text_titles.c    titles, the profile, parts, table regions (1)
 *   ingest_text_fit.c       a row of tokens into grid columns (3)
 *   ingest_text_place.c     where amounts go when empty cells vanished (3)
 *   ingest_text_spaces.c    space-separated grids (Shaanxi)
 *   ingest_text_tabs.c      tab-separated grids (Sichuan)
 *   ingest_text_numbered.c  cells broken over lines, 序号 rows (Hebei)
 *   ingest_text_panels.c    panels tables (收支总表)
 *   ingest_text_targets.c   绩效目标 forms
 * with what they share in ingest_text_impl.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "ingest_text_impl.h"

/* --- year -------------------------------------------------------------- */

static int detect_year(rd *r) {
  int counts[60] = {0};
  int strong = 0;
  for (size_t i = 0; i < r->nl; i++) {
    const char *s = r->L[i].s;
    const char *y = strstr(s, "预算年度");
    if (y && !strong) {
      const char *d = y;
      while (*d && !(*d >= '0' && *d <= '9')) d++;
      if (!*d && i + 2 < r->nl) {
        /* "预算年\n度：2022": the number may follow on the next lines */
      }
      int v = atoi(d);
      if (v >= 2000 && v < 2060) strong = v;
    }
    for (const char *p = s; (p = strstr(p, "年")); p += 3) {
      const char *q = p;
      while (q > s && q[-1] == ' ') q--;
      if (q - s < 4) continue;
      const char *d = q - 4;
      if (!(d[0] == '2' && d[1] == '0' && d[2] >= '0' && d[2] <= '9' &&
            d[3] >= '0' && d[3] <= '9'))
        continue;
      if (d > s && d[-1] >= '0' && d[-1] <= '9') continue;
      int v = atoi(d);
      if (v >= 2000 && v < 2060) {
        counts[v - 2000]++;
        /* "2024 年单位综合预算" / "2023 年部门预算": the budget year. */
        if (strstr(p, "预算") && (strstr(p, "预算") - p) < 24 && i < 60 &&
            !strstr(s, "较") && !strstr(s, "比"))
          counts[v - 2000] += 50;
      }
    }
  }
  if (strong) return strong;
  int best = 0;
  for (int i = 0; i < 60; i++)
    if (counts[i] > counts[best]) best = i;
  return counts[best] ? 2000 + best : 0;
}

/* --- one table --------------------------------------------------------- */

enum { FMT_SPACES, FMT_TABS, FMT_NUMBERED };

static int table_format(rd *r, const treg *g0) {
  size_t lines = 0, tabs = 0;
  for (size_t i = g0->body; i < g0->end; i++) {
    if (it_blank(&r->L[i])) continue;
    lines++;
    if (memchr(r->L[i].s, '\t', r->L[i].len)) tabs++;
    if (it_starts(it_line_key(r, &r->L[i]), "栏次")) return FMT_NUMBERED;
  }
  return lines && tabs * 2 >= lines ? FMT_TABS : FMT_SPACES;
}

/* Unit of a table: a printed 单位 line before the body, else a "(万元)"
 * header hint, else the magnitudes of its amounts. */
static void table_unit(rd *r, const treg *g0, ys_rtable *rt) {
  for (size_t i = g0->start; i < g0->end && i < g0->body + 40; i++) {
    ys_unit u;
    if (it_unit_in(r, r->L[i].s, &u)) {
      rt->unit = u;
      rt->unit_known = true;
      return;
    }
  }
  for (size_t i = g0->body; i < g0->end && i < g0->body + 40; i++) {
    ys_unit u;
    if (it_unit_hint(r, r->L[i].s, &u)) {
      rt->unit = u;
      rt->unit_known = true;
      return;
    }
  }
}

/* After reading: a table without a printed unit gets one from the
 * magnitudes of its amounts when they leave no doubt. */
static void unit_from_magnitudes(rd *r, ys_rtable *rt) {
  if (rt->unit_known) return;
  int more_than_2_dec = 0, big_ints = 0, small_dec = 0, n = 0;
  for (size_t i = 0; i < rt->nrows; i++)
    for (size_t k = 0; k < rt->rows[i].n; k++) {
      const char *s = rt->rows[i].cells[k].text;
      bool is_int;
      if (!it_num_like(s, strlen(s), &is_int) || !strcmp(s, "-")) continue;
      n++;
      const char *dot = strchr(s, '.');
      size_t dec = dot ? strlen(dot + 1) : 0;
      if (dec > 2) more_than_2_dec++;
      double v = atof(s); /* magnitude only, never a money value */
      if (!dot && v >= 100000) big_ints++;
      if (dot && dec == 2 && v < 100000) small_dec++;
    }
  if (!n) return;
  if (more_than_2_dec) {
    rt->unit = YS_UNIT_WANYUAN;
    rt->unit_known = true;
  } else if (big_ints && !small_dec) {
    rt->unit = YS_UNIT_YUAN;
    rt->unit_known = true;
  }
  if (rt->unit_known)
    it_info(r, rt->title_line, "%s 未印出金额单位，按金额大小判断为“%s”",
            rt->title, ys_unit_name(rt->unit));
}

static int read_table(rd *r, const treg *g0) {
  ys_rtable *rt = ys_rdoc_add_table(r->d);
  if (!rt) return YS_ENOMEM;
  r->tpt = ys_arena_reserve(r->tmp, r->tpt, r->ntpt, &r->ctpt, sizeof *r->tpt);
  if (!r->tpt) return YS_ENOMEM;
  r->tpt[r->ntpt++] = g0->pt;
  rt->number = g0->number ? g0->number : "";
  rt->title = g0->printed;
  if (g0->dist) {
    /* A title off by a character: the checker finds tables by title, so
     * use the profile's (the difference was reported). */
    const char *t = g0->pt->title, *at = strstr(t, "{prefix}");
    rt->title = at ? ys_arena_printf(r->d->arena, "%.*s%s%s", (int)(at - t), t,
                                     r->p->title_prefix, at + 8)
                   : ys_arena_strdup(r->d->arena, t);
  }
  rt->title_line = r->L[g0->title].no;
  rt->header_rows = 0;
  table_unit(r, g0, rt);
  int fmt = table_format(r, g0);
  int rc;
  switch (g0->pt->layout) {
  case LAYOUT_PANELS:
    rc = fmt == FMT_TABS       ? it_panels_tabs(r, g0, rt)
         : fmt == FMT_NUMBERED ? it_panels_numbered(r, g0, rt)
                               : it_panels_spaces(r, g0, rt);
    break;
  case LAYOUT_TARGETS:
    rc = fmt == FMT_TABS ? it_targets_tabs(r, g0, rt)
                         : it_targets_form(r, g0, rt);
    break;
  default:
    rc = fmt == FMT_TABS       ? it_grid_tabs(r, g0, rt)
         : fmt == FMT_NUMBERED ? it_grid_numbered(r, g0, rt)
                               : it_grid_spaces(r, g0, rt);
    break;
  }
  if (rc) return rc;
  if (!rt->unit_known && g0->pt->layout != LAYOUT_TARGETS)
    unit_from_magnitudes(r, rt);
  return YS_OK;
}

/* --- the document ------------------------------------------------------ */

/* Marks every line with its part; the narrative lines go to narrative.c. */
static int narrative(rd *r, const treg *regs, size_t nreg, bool claims) {
  unsigned char *kind = ys_arena_alloc(r->tmp, r->nl + 1);
  if (!kind) return YS_ENOMEM;
  int cur = PART_NARRATIVE;
  bool glossary_section = false;
  for (size_t i = 0; i < r->nl; i++) {
    const ys_tline *l = &r->L[i];
    if (it_part_heading(r, l)) {
      const char *k = it_line_key(r, l);
      /* "## 第二部分" with its name on the next line */
      size_t j = i + 1;
      while (j < r->nl && j < i + 4 && it_blank(&r->L[j])) j++;
      const char *k2 = j < r->nl ? it_line_key(r, &r->L[j]) : "";
      cur = it_part_kind(
          ys_arena_printf(r->tmp, "%s%s", k, strlen(k) < 40 ? k2 : ""));
      glossary_section = false;
    }
    const char *t;
    if (it_section_heading(r, l, &t))
      glossary_section = strstr(t, "名词解释") != NULL;
    else if (strstr(l->s, "名词解释") && l->len < 60)
      glossary_section = true;
    kind[i] = glossary_section ? PART_GLOSSARY : (unsigned char)cur;
  }
  for (size_t t = 0; t < nreg; t++)
    for (size_t i = regs[t].start; i < regs[t].end; i++) kind[i] = PART_TABLE;
  ys_tline *nl = ys_arena_alloc(r->tmp, sizeof(ys_tline) * (r->nl + 1));
  if (!nl) return YS_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; i < r->nl; i++)
    if (kind[i] == PART_NARRATIVE) nl[n++] = r->L[i];
  if (!claims) return ys_rdoc_keep_pending(r->d, nl, n) ? YS_OK : YS_ENOMEM;
  ys_claimctx cx = {r->vocab, r->cat, r->year, false};
  return ys_claims_read(r->d, nl, n, &cx);
}

int ys_ingest_text(ys_rdoc **out, const char *path, ys_errors *errs) {
  /* the library's own resources, for a caller that has none to share */
  *out = NULL;
  ys_catalog *cat = NULL;
  ys_vocab *v = NULL;
  int rc = ys_catalog_open_builtin(&cat, errs);
  if (rc == YS_OK) rc = ys_vocab_open_builtin(&v, errs);
  if (rc == YS_OK)
    rc = ys_ingest_text_read(out, path, cat, v, NULL, true, errs);
  ys_vocab_free(v);
  ys_catalog_free(cat);
  return rc;
}

/* The reading of lines L (of file path), once they are in r. */
static int read_text(ys_rdoc **out, rd *r, bool claims) {
  ys_rdoc *d = r->d;
  r->year = detect_year(r);
  d->year = r->year;
  treg *regs = NULL;
  size_t nreg = 0;
  int rc = it_find_tables(r, &regs, &nreg);
  if (rc) return rc;
  if (r->p) d->profile_hint = ys_arena_strdup(d->arena, ys_profile_name(r->p));
  for (size_t i = 0; i < nreg; i++) {
    if (regs[i].dist)
      it_info(r, r->L[regs[i].title].no,
              "表题“%s”与报表格式“%s”中的标准表题“%s”不完全一致，按该表读取",
              regs[i].printed, ys_profile_name(r->p), regs[i].pt->title);
    rc = read_table(r, &regs[i]);
    if (rc) return rc;
  }
  rc = narrative(r, regs, nreg, claims);
  if (rc) return rc;
  *out = d;
  return YS_OK;
}

/* A reader's state for path, with a document and a scratch arena; false
 * when out of memory. */
static bool rd_open(rd *r, const char *path, const ys_catalog *cat,
                    const ys_vocab *vocab, const ys_profile *forced,
                    ys_errors *errs) {
  memset(r, 0, sizeof *r);
  r->forced = forced;
  r->errs = errs;
  r->file = path;
  r->cat = cat;
  r->vocab = vocab;
  r->d = ys_rdoc_new(path);
  r->tmp = r->d ? ys_arena_new((size_t)512 << 20) : NULL;
  if (r->tmp) return true;
  ys_rdoc_free(r->d);
  return false;
}

static int rd_close(rd *r, int rc) {
  ys_arena_free(r->tmp);
  if (rc) ys_rdoc_free(r->d);
  return rc;
}

int ys_ingest_text_read(ys_rdoc **out, const char *path, const ys_catalog *cat,
                        const ys_vocab *vocab, const ys_profile *profile,
                        bool claims, ys_errors *errs) {
  *out = NULL;
  rd r;
  if (!rd_open(&r, path, cat, vocab, profile, errs)) return YS_ENOMEM;
  int rc = it_read_lines(&r, path);
  if (rc == YS_OK) rc = read_text(out, &r, claims);
  return rd_close(&r, rc);
}

int ys_ingest_text_lines(ys_rdoc **out, const char *path, const ys_tline *lines,
                         size_t n, const int *pages, const ys_catalog *cat,
                         const ys_vocab *vocab, const ys_profile *profile,
                         ys_errors *errs) {
  *out = NULL;
  rd r;
  if (!rd_open(&r, path, cat, vocab, profile, errs)) return YS_ENOMEM;
  int rc = YS_OK;
  r.pages = pages;
  r.L = ys_arena_alloc(r.tmp, sizeof *r.L * (n + 1));
  if (!r.L) rc = YS_ENOMEM;
  for (size_t i = 0; rc == YS_OK && i < n; i++) {
    r.L[i] = lines[i];
    r.L[i].s = ys_arena_strndup(r.d->arena, lines[i].s, lines[i].len);
    if (!r.L[i].s) rc = YS_ENOMEM;
  }
  r.nl = n;
  if (rc == YS_OK) rc = read_text(out, &r, false);
  return rd_close(&r, rc);
}
