/*
 * ingest_text_tabs.c - grids printed with tabs (Sichuan): rows keep their
 * empty cells, but merged header cells shift key cells and the print may
 * lack columns the profile has. The printed columns are aligned with the
 * profile's by their header labels; rows that do not fit are placed by
 * kind, targets grids by the pattern of their indicator cells.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- tab-separated grids (Sichuan) ------------------------------------- */

/* Exactly the profile's width, with every amount column holding an amount
 * or nothing and every key column no amount: positions are trusted. */
static bool positional_fits(const gtab *g, const tok *t, size_t n) {
  while (n > g->nc && t[n - 1].kind == TK_EMPTY) n--;
  if (n != g->nc) return false;
  for (size_t k = 0; k < n; k++) {
    pcol_show s = g->pt->cols[k].show;
    bool ok = true;
    if (it_is_amount_col(s))
      ok = t[k].kind != TK_TEXT;
    else if (it_is_code_col(s))
      ok = t[k].kind != TK_NUM && t[k].kind != TK_TEXT;
    else if (s == PCOL_NAME)
      ok = t[k].kind != TK_NUM;
    else if (s == PCOL_T_LEVEL1)
      ok = t[k].kind == TK_EMPTY || it_is_l1(t[k].s);
    if (!ok) return false;
  }
  return true;
}

/* A tab row: key cells up to the last text cell, then the amount columns
 * in order with their empty cells. Key cells are placed by kind, so a unit
 * code shifted one cell left by a merged header still lands in its
 * column. */
static grow *fit_tab_row(gtab *g, const tok *t, size_t n, int line) {
  const ys_ptable *pt = g->pt;
  /* Trailing empty cells beyond the table's width carry nothing. */
  while (n > g->nc && t[n - 1].kind == TK_EMPTY) n--;
  if (positional_fits(g, t, n)) {
    {
      grow *row = it_gt_row(g, line);
      if (!row) return NULL;
      for (size_t k = 0; k < n; k++) {
        row->cells[k] = t[k].s;
        row->clines[k] = t[k].line;
      }
      unsigned indent = 0;
      for (size_t k = 0; k < n; k++)
        if (pt->cols[k].show == PCOL_NAME) indent = t[k].indent;
      if (indent) {
        for (size_t k = 0; k < n; k++)
          if (pt->cols[k].show == PCOL_NAME && *row->cells[k]) {
            const char *s = row->cells[k];
            for (unsigned j = 0; j < indent; j++)
              s = ys_arena_printf(g->r->d->arena, "\xE3\x80\x80%s", s);
            row->cells[k] = s;
          }
      }
      row->placed = true;
      it_row_level(g, row, (int)indent * 2);
      return row;
    }
  }
  /* Otherwise: the first amount column starts after the last key cell. */
  size_t first_amount_col = g->na ? (size_t)g->acol[0] : g->nc;
  size_t after = g->nc - first_amount_col; /* columns from the first amount */
  size_t lt = SIZE_MAX;
  for (size_t i = 0; i < n; i++)
    if (t[i].kind == TK_TEXT) lt = i;
  size_t ks = lt == SIZE_MAX ? 0 : lt + 1; /* start of the amount cells */
  if (lt == SIZE_MAX) {
    /* No label: leading empty cells and codes are keys. */
    while (ks < n &&
           (t[ks].kind == TK_EMPTY ||
            (t[ks].kind == TK_INT && ks + 1 < n && ks < first_amount_col)))
      ks++;
    if (n - ks < after) ks = n > after ? n - after : 0;
  }
  grow *row = it_gt_row(g, line);
  if (!row) return NULL;
  size_t indent = 0;
  if (!it_fit_keys(g, row, t, ks, &indent)) {
    it_info(g->r, line, "此行的名称或编码多于报表格式的相应列，未读入");
    row->drop = true;
    g->unplaced++;
    return row;
  }
  size_t k = first_amount_col;
  for (size_t i = ks; i < n; i++, k++) {
    if (k >= g->nc) {
      if (t[i].kind != TK_EMPTY) {
        it_info(g->r, line,
                "此行的单元格多于报表格式的列数（多出“%s”），未读入", t[i].s);
        row->drop = true;
        g->unplaced++;
        return row;
      }
      continue;
    }
    row->cells[k] = t[i].s;
    row->clines[k] = t[i].line;
  }
  row->placed = true;
  it_row_level(g, row, (int)indent * 2);
  return row;
}

static bool is_op(const char *s) {
  static const char *const ops[] = {"=", "＝", "≥",  "≤",  "≧",    "≦",   "≠",
                                    ">", "<",  "＞", "＜", "定性", "定量"};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (!strcmp(s, ops[i])) return true;
  return false;
}

static bool is_direction(const char *s) {
  return !strcmp(s, "正向指标") || !strcmp(s, "反向指标") ||
         !strcmp(s, "中性指标");
}

/* A row of a targets grid whose cells a converter shifted: placed by
 * kind. The indicator part starts at its level-1 label (产出指标 …) and
 * runs level 2, name, operator, value, unit, weight, direction; before it
 * stand the project's texts and amount — texts before the amount belong
 * to the text columns just before the amount column, texts after it to
 * the goal. Returns false when the cells do not fit that pattern. */
static bool fit_targets_row(gtab *g, grow *row, const tok *t, size_t n) {
  const ys_ptable *pt = g->pt;
  int col[PCOL_T_TARGET + 1];
  for (int k = 0; k <= PCOL_T_TARGET; k++) col[k] = -1;
  int amount_col = g->na ? g->acol[0] : -1;
  for (size_t k = 0; k < g->nc; k++) {
    pcol_show sh = pt->cols[k].show;
    if (sh <= PCOL_T_TARGET && col[sh] < 0) col[sh] = (int)k;
  }
  const tok *v[64];
  size_t m = 0;
  for (size_t i = 0; i < n && m < 64; i++)
    if (t[i].kind != TK_EMPTY) v[m++] = &t[i];
  size_t l1 = m;
  for (size_t i = 0; i < m; i++)
    if (it_is_l1(it_keyz(g->r, v[i]->s))) {
      l1 = i;
      break;
    }
  /* Project part. */
  size_t am = l1;
  for (size_t i = 0; i < l1; i++)
    if (v[i]->kind == TK_NUM || v[i]->kind == TK_INT) {
      am = i;
      break;
    }
  if (am < l1 && amount_col >= 0) {
    row->cells[amount_col] = v[am]->s;
    int k = amount_col - 1;
    for (size_t i = am; i-- > 0; k--) {
      while (k >= 0 && pt->cols[k].show != PCOL_TEXT) k--;
      if (k < 0) return false;
      row->cells[k] = v[i]->s;
    }
    const char *goal = "";
    for (size_t i = am + 1; i < l1; i++)
      goal = it_join_text(g->r, goal, v[i]->s);
    if (*goal) {
      if (col[PCOL_GOAL] < 0) return false;
      row->cells[col[PCOL_GOAL]] = goal;
    }
  } else if (l1 > 0) {
    return false;
  }
  if (l1 == m) return true;
  /* Indicator part. */
  size_t i = l1;
  if (col[PCOL_T_LEVEL1] < 0) return false;
  row->cells[col[PCOL_T_LEVEL1]] = v[i++]->s;
  if (i < m && col[PCOL_T_LEVEL2] >= 0 && strstr(v[i]->s, "指标") &&
      !is_direction(v[i]->s))
    row->cells[col[PCOL_T_LEVEL2]] = v[i++]->s;
  if (i < m && col[PCOL_T_NAME] >= 0 && !is_op(v[i]->s))
    row->cells[col[PCOL_T_NAME]] = v[i++]->s;
  if (i < m && col[PCOL_T_OP] >= 0 && is_op(v[i]->s))
    row->cells[col[PCOL_T_OP]] = v[i++]->s;
  if (i < m && col[PCOL_T_VALUE] >= 0 && !is_direction(v[i]->s))
    row->cells[col[PCOL_T_VALUE]] = v[i++]->s;
  if (i < m && col[PCOL_T_UNIT] >= 0 && v[i]->kind == TK_TEXT &&
      !is_direction(v[i]->s))
    row->cells[col[PCOL_T_UNIT]] = v[i++]->s;
  if (i < m && col[PCOL_T_WEIGHT] >= 0 && v[i]->kind == TK_INT)
    row->cells[col[PCOL_T_WEIGHT]] = v[i++]->s;
  if (i < m && col[PCOL_T_DIRECTION] >= 0 && is_direction(v[i]->s))
    row->cells[col[PCOL_T_DIRECTION]] = v[i++]->s;
  return i == m;
}

/* Header paths of the printed columns: for each header row, the label
 * over the column. A label printed once over several columns (a merged
 * cell) covers the columns to its right as long as the row above does not
 * start a new group there. */
static const char ***printed_paths(rd *r, const nrow *hdr, size_t nh,
                                   size_t width) {
  const char ***path = ys_arena_alloc(r->tmp, sizeof(char **) * (width + 1));
  if (!path) return NULL;
  for (size_t p = 0; p < width; p++) {
    path[p] = ys_arena_alloc(r->tmp, sizeof(char *) * (nh + 1));
    if (!path[p]) return NULL;
  }
  for (size_t h = 0; h < nh; h++) {
    const char *cur = "";
    for (size_t p = 0; p < width; p++) {
      const char *cell = p < hdr[h].n ? hdr[h].t[p].s : "";
      bool new_group = h > 0 && p < hdr[h - 1].n && *hdr[h - 1].t[p].s;
      if (*cell)
        cur = it_keyz(r, cell);
      else if (new_group || p == 0)
        cur = "";
      path[p][h] = cur;
    }
  }
  return path;
}

/* How well the labels printed over a column fit the labels over profile
 * column k: +2 for each printed label found there, −1 for each not. */
static int path_score(rd *r, const ys_ptable *pt, size_t k, const char **pp,
                      size_t nh) {
  const char *prof[16] = {NULL};
  int np = 0;
  for (int row = 0; row < pt->header_rows && row < 16; row++) {
    prof[np] = "";
    for (size_t h = 0; h < pt->n_header; h++) {
      const ys_header_cell *hc = &pt->header[h];
      if ((size_t)hc->col <= k && k < (size_t)(hc->col + hc->col_span) &&
          hc->row <= row && row < hc->row + hc->row_span)
        prof[np] = it_keyz(r, hc->text);
    }
    np++;
  }
  int score = 0;
  for (size_t h = 0; h < nh; h++) {
    if (!*pp[h] || (h > 0 && !strcmp(pp[h], pp[h - 1]))) continue;
    bool found = false;
    for (int i = 0; i < np && !found; i++) found = !strcmp(prof[i], pp[h]);
    score += found ? 2 : -1;
  }
  return score;
}

/* Maps the printed columns from A on to the profile's amount columns by
 * their header labels: the order-keeping alignment with the best label
 * agreement, where a profile column may be missing from the print (no
 * 政府性基金 columns, no 公务用车运行费) and a printed column may be
 * skipped only if it is empty in every row. Converters shift header cells
 * by a column now and then; the alignment absorbs that. Returns false when
 * the headers say nothing. */
static bool header_map(gtab *g, const nrow *hdr, size_t nh, const nrow *body,
                       size_t nb, size_t width, size_t A, int *map) {
  rd *r = g->r;
  if (!g->na || !nh || A == SIZE_MAX || A >= width) return false;
  const char ***path = printed_paths(r, hdr, nh, width);
  if (!path) return false;
  size_t P = width - A, M = g->na;
  bool *used = ys_arena_alloc(r->tmp, P + 1);
  int *sc = ys_arena_alloc(r->tmp, sizeof(int) * (P * M + 1));
  int *f = ys_arena_alloc(r->tmp, sizeof(int) * ((P + 1) * (M + 1)));
  if (!used || !sc || !f) return false;
  for (size_t i = 0; i < P; i++)
    for (size_t q = 0; q < nb && !used[i]; q++)
      used[i] = A + i < body[q].n && body[q].t[A + i].kind != TK_EMPTY;
  bool any = false;
  for (size_t i = 0; i < P; i++)
    for (size_t j = 0; j < M; j++) {
      sc[i * M + j] = path_score(r, g->pt, (size_t)g->acol[j], path[A + i], nh);
      if (sc[i * M + j] > 0) any = true;
    }
  if (!any) return false;
  const int NEG = -1000000;
#define F(i, j) f[(i) * (M + 1) + (j)]
  for (size_t i = P + 1; i-- > 0;)
    for (size_t j = M + 1; j-- > 0;) {
      if (i == P) {
        F(i, j) = 0;
        continue;
      }
      int best = NEG;
      if (!used[i] && F(i + 1, j) > best) best = F(i + 1, j);
      if (j < M) {
        if (F(i, j + 1) > best) best = F(i, j + 1);
        if (F(i + 1, j + 1) > NEG && F(i + 1, j + 1) + sc[i * M + j] > best)
          best = F(i + 1, j + 1) + sc[i * M + j];
      }
      F(i, j) = best;
    }
  if (F(0, 0) <= 0) return false;
  for (size_t p = 0; p < width; p++) map[p] = -1;
  size_t i = 0, j = 0;
  while (i < P) {
    if (j < M && F(i + 1, j + 1) > NEG &&
        F(i, j) == F(i + 1, j + 1) + sc[i * M + j]) {
      map[A + i] = g->acol[j];
      i++, j++;
    } else if (j < M && F(i, j) == F(i, j + 1)) {
      j++;
    } else {
      i++; /* an empty printed column */
    }
  }
#undef F
  return true;
}

/* Where the amounts of a tab table start: the column most rows put their
 * first amount in, right after their label. */
static size_t amount_start(const nrow *body, size_t nb) {
  size_t votes[64] = {0};
  for (size_t q = 0; q < nb; q++) {
    const tok *t = body[q].t;
    size_t lt = SIZE_MAX;
    for (size_t i = 0; i < body[q].n; i++)
      if (t[i].kind == TK_TEXT) lt = i;
    if (lt == SIZE_MAX) continue;
    for (size_t i = lt + 1; i < body[q].n && i < 64; i++)
      if (t[i].kind == TK_NUM || t[i].kind == TK_INT) {
        if (i == lt + 1)
          votes[i] += 2; /* label right before: strong */
        else
          votes[i]++;
        break;
      }
  }
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < 64; i++)
    if (votes[i] && (best == SIZE_MAX || votes[i] > votes[best])) best = i;
  return best;
}

int it_tab_row(rd *r, ys_rtable *rt, const ys_tline *l, bool in_body, tok **t,
               size_t *n) {
  *t = NULL;
  *n = 0;
  if (it_blank(l)) return 0;
  if (!memchr(l->s, '\t', l->len)) {
    if (it_is_note_line(r, l) || in_body) it_add_note(r, rt, l);
    return 0;
  }
  *t = it_split_tabs(r, l, n);
  return *t ? 1 : -1;
}

/* Reads a tab-separated grid: the header rows, then the body rows, each
 * placed by the column map (header_map, or amounts in order from where
 * they start), by position, or by kind (fit_tab_row, fit_targets_row).
 *
 * It is one piece because both halves work on the same header and body
 * rows, their width, the amount start and the map, which are made once
 * for the whole table; the per-row choice of fitting is short and reads
 * best next to the map it tests. */
int it_grid_tabs(rd *r, const treg *g0, ys_rtable *rt) {
  gtab g;
  if (it_gt_init(&g, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false;
  nrow *hdr = NULL, *body = NULL;
  size_t nh = 0, chdr = 0, nb = 0, cbody = 0, width = 0;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    size_t n = 0;
    tok *t = NULL;
    int tr = it_tab_row(r, rt, l, in_body, &t, &n);
    if (tr < 0) return YS_ENOMEM;
    if (!tr) continue;
    if (n > width) width = n;
    if (!in_body) {
      /* The body starts at a row with an amount, or at a 合计 row whose
       * other cells are empty (an empty table); a header row has several
       * texts. */
      bool amount = false, total = false;
      int texts = 0;
      for (size_t j = 0; j < n; j++) {
        const char *k = it_lkey(r, t[j].s);
        if (t[j].kind == TK_NUM) amount = true;
        if (t[j].kind == TK_TEXT) texts++;
        if (!strcmp(k, "合计") || !strcmp(k, "总计")) total = true;
      }
      if (!amount && !(total && texts == 1)) {
        hdr = ys_arena_reserve(r->tmp, hdr, nh, &chdr, sizeof *hdr);
        if (!hdr) return YS_ENOMEM;
        hdr[nh++] = (nrow){t, n, 0, l->no};
        continue;
      }
      in_body = true;
    }
    body = ys_arena_reserve(r->tmp, body, nb, &cbody, sizeof *body);
    if (!body) return YS_ENOMEM;
    body[nb++] = (nrow){t, n, 0, l->no};
  }
  int *map = ys_arena_alloc(r->tmp, sizeof(int) * (width + 1));
  if (!map) return YS_ENOMEM;
  /* A table with text columns after its amounts (targets) is read by
   * position and kind only. */
  bool mixed = false;
  for (size_t k = g.na ? (size_t)g.acol[0] : g.nc; k < g.nc; k++)
    if (it_is_text_col(g0->pt->cols[k].show) &&
        g0->pt->cols[k].show != PCOL_BLANK)
      mixed = true;
  size_t A = mixed ? SIZE_MAX : amount_start(body, nb);
  if (!header_map(&g, hdr, nh, body, nb, width, A, map)) {
    /* No usable header: amounts in order from A. */
    for (size_t p = 0; p < width; p++) map[p] = -1;
    if (A != SIZE_MAX && g.na)
      for (size_t p = A, a = 0; p < width && a < g.na; p++, a++)
        map[p] = g.acol[a];
  }
  for (size_t q = 0; q < nb; q++) {
    const tok *t = body[q].t;
    size_t n = body[q].n;
    bool use_map = A != SIZE_MAX;
    for (size_t p = A; use_map && p < n; p++)
      if (t[p].kind == TK_TEXT || (map[p] < 0 && t[p].kind != TK_EMPTY))
        use_map = false;
    for (size_t p = 0; use_map && p < A && p < n; p++)
      if (t[p].kind == TK_NUM) use_map = false;
    if (!use_map && mixed) {
      /* Positions if they fit, else by kind. */
      if (!positional_fits(&g, t, n)) {
        grow *row = it_gt_row(&g, body[q].line);
        if (!row) return YS_ENOMEM;
        if (!fit_targets_row(&g, row, t, n)) {
          it_info(r, row->line, "此行的单元格无法与报表格式的列对应，未读入");
          row->drop = true;
          g.unplaced++;
        }
        row->placed = true;
        continue;
      }
    }
    if (!use_map) {
      if (!fit_tab_row(&g, t, n, body[q].line)) return YS_ENOMEM;
      continue;
    }
    grow *row = it_gt_row(&g, body[q].line);
    if (!row) return YS_ENOMEM;
    size_t indent = 0;
    if (!it_fit_keys(&g, row, t, A < n ? A : n, &indent)) {
      it_info(r, row->line, "此行的名称或编码多于报表格式的相应列，未读入");
      row->drop = true;
      g.unplaced++;
      continue;
    }
    for (size_t p = A; p < n; p++)
      if (map[p] >= 0) {
        row->cells[map[p]] = t[p].s;
        row->clines[map[p]] = t[p].line;
      }
    row->placed = true;
    it_row_level(&g, row, (int)indent * 2);
  }
  it_place_amounts(&g);
  return it_gt_emit(&g, rt);
}
