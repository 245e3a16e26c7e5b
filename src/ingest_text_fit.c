/*
 * ingest_text_fit.c - fitting a row of tokens into a profile's grid
 * columns: the grid table being built (gtab) and its rows, codes into
 * code columns and text into name columns in order, the amounts kept in
 * printed order for the placement (ingest_text_place.c), the row's level
 * in the code tree, and the finished rows emitted into the raw table.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- fitting tokens into grid columns ---------------------------------- */

bool it_is_code_col(pcol_show s) {
  switch (s) {
  case PCOL_CODE:
  case PCOL_GOV_CODE:
  case PCOL_FUNC_LEI:
  case PCOL_FUNC_KUAN:
  case PCOL_FUNC_XIANG:
  case PCOL_ECON_LEI:
  case PCOL_ECON_KUAN:
  case PCOL_GECON_LEI:
  case PCOL_GECON_KUAN:
  case PCOL_UNIT_CODE:
    return true;
  default:
    return false;
  }
}

bool it_is_text_col(pcol_show s) {
  switch (s) {
  case PCOL_NAME:
  case PCOL_GOV_NAME:
  case PCOL_UNIT_NAME:
  case PCOL_TEXT:
  case PCOL_DESC:
  case PCOL_BLANK:
  case PCOL_GOAL:
  case PCOL_T_LEVEL1:
  case PCOL_T_LEVEL2:
  case PCOL_T_NAME:
  case PCOL_T_OP:
  case PCOL_T_VALUE:
  case PCOL_T_UNIT:
  case PCOL_T_WEIGHT:
  case PCOL_T_DIRECTION:
  case PCOL_T_TARGET:
  case PCOL_PROC_CATALOG:
  case PCOL_PROC_SERVICE:
  case PCOL_PROC_SPEC:
  case PCOL_PROC_QUANTITY:
  case PCOL_PROC_TIME:
  case PCOL_FACT:
    return true;
  default:
    return false;
  }
}

bool it_is_amount_col(pcol_show s) {
  return s == PCOL_AMOUNT || s == PCOL_PROC_AMOUNT;
}

int it_gt_init(gtab *g, rd *r, const ys_ptable *pt, ys_unit unit) {
  memset(g, 0, sizeof *g);
  g->r = r;
  g->pt = pt;
  g->unit = unit;
  g->nc = pt->ncols;
  g->acol = ys_arena_alloc(r->tmp, sizeof(int) * (g->nc + 1));
  g->aidx = ys_arena_alloc(r->tmp, sizeof(int) * (g->nc + 1));
  if (!g->acol || !g->aidx) return YS_ENOMEM;
  for (size_t k = 0; k < g->nc; k++) {
    g->aidx[k] = -1;
    if (it_is_amount_col(pt->cols[k].show)) {
      g->aidx[k] = (int)g->na;
      g->acol[g->na++] = (int)k;
    }
  }
  return YS_OK;
}

grow *it_gt_row(gtab *g, int line) {
  g->rows =
      ys_arena_reserve(g->r->tmp, g->rows, g->n, &g->cap, sizeof *g->rows);
  if (!g->rows) return NULL;
  grow *row = &g->rows[g->n++];
  memset(row, 0, sizeof *row);
  row->line = line;
  row->level = -1;
  row->cells = ys_arena_alloc(g->r->d->arena, sizeof(char *) * (g->nc + 1));
  row->clines = ys_arena_alloc(g->r->tmp, sizeof(int) * (g->nc + 1));
  if (!row->cells || !row->clines) return NULL;
  for (size_t k = 0; k < g->nc; k++) {
    row->cells[k] = "";
    row->clines[k] = line;
  }
  return row;
}

/* Code level of a row for the tree: from the code's length. */
static int tree_level(const ys_ptable *pt, const char *code) {
  for (size_t i = 0; i < pt->nrows; i++)
    if (pt->rows[i].kind == PROW_TREE) {
      if (!*code) return -1;
      for (const char *c = code; *c; c++)
        if (*c < '0' || *c > '9') return -1;
      return ys_catalog_code_level(pt->rows[i].cls, code);
    }
  return -1;
}

static bool table_has(const ys_ptable *pt, prow_kind k) {
  for (size_t i = 0; i < pt->nrows; i++)
    if (pt->rows[i].kind == k) return true;
  return false;
}

/* The level of a finished grid row, for the tree identities. */
void it_row_level(gtab *g, grow *row, int indent) {
  const ys_ptable *pt = g->pt;
  const char *name = "", *code = "";
  char codebuf[32] = "";
  for (size_t k = 0; k < g->nc; k++) {
    pcol_show s = pt->cols[k].show;
    if (s == PCOL_NAME && !*name) name = row->cells[k];
    if (s == PCOL_CODE && !*code) code = row->cells[k];
    if (s == PCOL_FUNC_LEI || s == PCOL_FUNC_KUAN || s == PCOL_FUNC_XIANG ||
        s == PCOL_ECON_LEI || s == PCOL_ECON_KUAN)
      snprintf(codebuf + strlen(codebuf), sizeof codebuf - strlen(codebuf),
               "%s", row->cells[k]);
  }
  if (!*code && *codebuf) code = codebuf;
  const char *nk = it_lkey(g->r, name);
  if (!strcmp(nk, "合计") || !strcmp(nk, "总计")) {
    row->level = 0;
    return;
  }
  code = it_keyz(g->r, code);
  int tl = tree_level(pt, code);
  if (tl > 0) {
    row->level = tl;
    return;
  }
  if (table_has(pt, PROW_UNITS) || table_has(pt, PROW_PROJECTS)) {
    row->level = indent / 2 + 1;
    return;
  }
  for (size_t i = 0; i < pt->nrows; i++)
    if (pt->rows[i].kind == PROW_FIXED &&
        !strcmp(it_lkey(g->r, pt->rows[i].label), nk)) {
      row->level = pt->rows[i].level;
      row->subset = pt->rows[i].subset;
      return;
    }
}

/* Fits key tokens (before the amounts) into the key columns: integers into
 * code columns, text into text columns, each in order. Consecutive text
 * tokens are one cell. Returns false when tokens are left over. */
bool it_fit_keys(gtab *g, grow *row, const tok *t, size_t n,
                 size_t *indent_out) {
  const ys_ptable *pt = g->pt;
  size_t col = 0;
  int last_text_col = -1;
  bool ok = true;
  unsigned indent = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 0) indent = t[i].indent;
    if (t[i].kind == TK_EMPTY) continue;
    bool want_code = t[i].kind == TK_INT;
    if (!want_code && last_text_col >= 0 && i > 0 && t[i - 1].kind == TK_TEXT) {
      row->cells[last_text_col] =
          it_join_text(g->r, row->cells[last_text_col], t[i].s);
      continue;
    }
    size_t k = col;
    for (; k < g->nc; k++) {
      pcol_show s = pt->cols[k].show;
      if (it_is_amount_col(s)) {
        k = g->nc;
        break;
      }
      if (s == PCOL_ROWNUM) continue;
      if (want_code ? it_is_code_col(s) : it_is_text_col(s)) break;
      /* An integer may also be a name ("2023") when no code column fits. */
    }
    if (k >= g->nc && want_code) {
      for (k = col; k < g->nc; k++) {
        pcol_show s = pt->cols[k].show;
        if (it_is_amount_col(s)) {
          k = g->nc;
          break;
        }
        if (it_is_text_col(s)) break;
      }
    }
    if (k >= g->nc) {
      ok = false;
      continue;
    }
    row->cells[k] = t[i].s;
    row->clines[k] = t[i].line;
    if (!want_code || it_is_text_col(pt->cols[k].show))
      last_text_col = (int)k;
    else
      last_text_col = -1;
    col = k + 1;
  }
  /* Indentation belongs to the name, where check.c reads levels from it. */
  if (indent) {
    for (size_t k = 0; k < g->nc; k++)
      if (pt->cols[k].show == PCOL_NAME && *row->cells[k]) {
        char *s = ys_arena_alloc(g->r->d->arena,
                                 indent * 3 + strlen(row->cells[k]) + 1);
        if (!s) break;
        size_t o = 0;
        for (unsigned j = 0; j < indent; j++) {
          memcpy(s + o, "\xE3\x80\x80", 3);
          o += 3;
        }
        strcpy(s + o, row->cells[k]);
        row->cells[k] = s;
        break;
      }
  }
  if (indent_out) *indent_out = indent;
  return ok;
}

/* The trailing text tokens of a row (after its amounts): a description or
 * remark column after the amounts takes them. */
static bool fit_tail(gtab *g, grow *row, const tok *t, size_t n) {
  if (!n) return true;
  int col = -1;
  for (size_t k = g->nc; k-- > 0;) {
    pcol_show s = g->pt->cols[k].show;
    if (it_is_amount_col(s)) break;
    if (s == PCOL_DESC || s == PCOL_BLANK || s == PCOL_TEXT) col = (int)k;
  }
  if (col < 0) return false;
  for (size_t i = 0; i < n; i++)
    row->cells[col] = it_join_text(g->r, row->cells[col], t[i].s);
  row->clines[col] = t[0].line;
  return true;
}

/* A row from non-positional tokens: keys, then a run of amounts, then
 * possibly text.
 *
 * It is one piece because its steps hand each other the same three token
 * lists and their counts: the division of the row into keys, amounts and
 * trailing text (three ways: no text, text anywhere, text then amounts),
 * the fixed label with figures in it, the key and tail columns, and the
 * numbers that belong to quantity columns all read and shorten them in
 * turn, and a row that does not fit is reported where it fails. */
grow *it_fit_tokens(gtab *g, const tok *t, size_t n, int line,
                    bool text_anywhere) {
  grow *row = it_gt_row(g, line);
  if (!row) return NULL;
  size_t lt = SIZE_MAX; /* last text token */
  for (size_t i = 0; i < n; i++)
    if (t[i].kind == TK_TEXT) lt = i;
  /* Amounts: numbers after the first text token (or after a leading code
   * when the row has no text at all). */
  size_t ft = SIZE_MAX;
  for (size_t i = 0; i < n; i++)
    if (t[i].kind == TK_TEXT) {
      ft = i;
      break;
    }
  tok *keys = ys_arena_alloc(g->r->tmp, sizeof(tok) * (n + 1));
  tok *amts = ys_arena_alloc(g->r->tmp, sizeof(tok) * (n + 1));
  tok *tail = ys_arena_alloc(g->r->tmp, sizeof(tok) * (n + 1));
  if (!keys || !amts || !tail) return NULL;
  size_t nk = 0, nam = 0, ntail = 0;
  if (ft == SIZE_MAX) {
    size_t i = 0;
    bool has_code = false;
    for (size_t k = 0; k < g->nc; k++)
      if (it_is_code_col(g->pt->cols[k].show)) has_code = true;
    if (has_code && n > 1 && t[0].kind == TK_INT) keys[nk++] = t[i++];
    for (; i < n; i++) amts[nam++] = t[i];
  } else if (text_anywhere) {
    /* Cells broken over lines and pages: every text token is part of the
     * name, every number after the first text an amount. */
    for (size_t i = 0; i < n; i++) {
      if (i < ft || t[i].kind == TK_TEXT)
        keys[nk++] = t[i];
      else
        amts[nam++] = t[i];
    }
    if (nk > 0) {
      /* Join the name pieces: they are one cell. */
      size_t w = 0;
      for (size_t i = 0; i < nk; i++) {
        if (w > 0 && keys[i].kind == TK_TEXT && keys[w - 1].kind == TK_TEXT) {
          keys[w - 1].s = it_join_text(g->r, keys[w - 1].s, keys[i].s);
          continue;
        }
        keys[w++] = keys[i];
      }
      nk = w;
    }
  } else {
    for (size_t i = 0; i <= lt; i++) keys[nk++] = t[i];
    for (size_t i = lt + 1; i < n; i++) amts[nam++] = t[i];
    /* Text after the amounts ("50,000.00 项目简介…"): only when amounts
     * came before it. */
    size_t i0 = 0;
    while (i0 < nk && keys[i0].kind != TK_TEXT) i0++;
    for (size_t i = i0 + 1; i < nk; i++)
      if (keys[i].kind == TK_NUM) {
        /* amounts then text: split */
        size_t j = i;
        while (j < nk && keys[j].kind != TK_TEXT) amts[nam++] = keys[j++];
        for (; j < nk; j++) tail[ntail++] = keys[j];
        nk = i;
        break;
      }
  }
  size_t indent = 0;
  /* A fixed label with figures in it ("3、单价在 20 万元以上的设备"). */
  if (nk > 1) {
    const char *joined = "";
    for (size_t i = 0; i < nk; i++)
      joined = it_join_text(g->r, joined, keys[i].s);
    const char *jk = it_lkey(g->r, joined);
    for (size_t q = 0; q < g->pt->nrows; q++)
      if (g->pt->rows[q].kind == PROW_FIXED &&
          !strcmp(it_lkey(g->r, g->pt->rows[q].label), jk)) {
        keys[0].s = joined;
        keys[0].kind = TK_TEXT;
        nk = 1;
        break;
      }
  }
  bool ok = it_fit_keys(g, row, keys, nk, &indent);
  if (!ok) {
    it_info(g->r, line, "此行的名称或编码多于报表格式的相应列，未读入");
    row->drop = true;
    g->unplaced++;
    return row;
  }
  if (!fit_tail(g, row, tail, ntail)) {
    it_info(g->r, line,
            "此行金额之后还有文字“%s”，报表格式中没有相应的列，未读入",
            tail[0].s);
    row->drop = true;
    g->unplaced++;
    return row;
  }
  /* Numbers before the amounts belong to number-like text columns (a
   * quantity next to its value) when there are more than amount columns. */
  size_t skip = 0;
  for (size_t k = 0; k < g->nc && nam - skip > g->na; k++)
    if (g->pt->cols[k].show == PCOL_FACT ||
        g->pt->cols[k].show == PCOL_PROC_QUANTITY) {
      row->cells[k] = amts[skip].s;
      row->clines[k] = amts[skip].line;
      skip++;
    }
  nam -= skip;
  row->amt = ys_arena_alloc(g->r->tmp, sizeof(tok) * (nam + 1));
  if (!row->amt) return NULL;
  memcpy(row->amt, amts + skip, sizeof(tok) * nam);
  row->namt = nam;
  it_row_level(g, row, (int)indent);
  return row;
}

/* Emits the finished rows of a grid table. */
int it_gt_emit(gtab *g, ys_rtable *rt) {
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop) continue;
    ys_rrow *o = ys_rtable_add_row(g->r->d, rt, g->nc, row->line);
    if (!o) return YS_ENOMEM;
    if (row->guessed) o->flags |= YS_RROW_GUESSED;
    for (size_t k = 0; k < g->nc; k++) {
      o->cells[k].text = row->cells[k];
      o->cells[k].line = row->clines[k];
    }
  }
  if (g->ambiguous)
    it_info(
        g->r, g->first_ambiguous_line,
        "%s%s%s：表中空单元格未印出，%d "
        "行金额的列位置不能由合计关系唯一确定，已按印出顺序从左到右填入（请核"
        "对）",
        *rt->number ? rt->number : "", *rt->number ? " " : "", rt->title,
        g->ambiguous);
  return YS_OK;
}
