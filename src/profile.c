/*
 * profile.c - read a profile (declarative table set) from JSON.
 *
 * The JSON schema is documented in docs/profiles.md. This file only turns
 * JSON into the structs of profile_impl.h, resolving header spans into a
 * grid (the HTML rowspan/colspan placement rule) and parsing every quantity
 * up front; it knows nothing about any particular province.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "fileio.h"
#include "profile_impl.h"
#include "yusuan/arena.h"

typedef struct pctx {
  ys_profile *p;
  ys_errors *errs;
  const char *file;
  int failed;
} pctx;

static void perr(pctx *c, const char *where, const char *fmt, const char *a) {
  char msg[400];
  snprintf(msg, sizeof msg, fmt, a ? a : "");
  ys_errors_add(c->errs, YS_EINPUT, c->file, 0, 0, "报表格式文件错误（%s）：%s",
                where, msg);
  c->failed = 1;
}

static const char *jstr(pctx *c, const cJSON *o, const char *key,
                        const char *dflt) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  if (!v) return dflt;
  if (!cJSON_IsString(v)) {
    perr(c, key, "“%s”应为字符串", key);
    return dflt;
  }
  return ys_arena_strdup(c->p->arena, v->valuestring);
}

static int jint(const cJSON *o, const char *key, int dflt) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsNumber(v) ? v->valueint : dflt;
}

/* Decimals of a displayed amount: a whole number 0..6 (what
 * ys_money_format prints; 10^decimals must fit the checker's arithmetic). */
static int jdecimals(pctx *c, const cJSON *o, const char *where, int dflt) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "decimals");
  if (!v) return dflt;
  if (!cJSON_IsNumber(v) || v->valuedouble != (double)v->valueint ||
      v->valueint < 0 || v->valueint > 6) {
    perr(c, where, "“decimals”应为 0 到 6 之间的整数%s", "");
    return dflt;
  }
  return v->valueint;
}

static int jbool(const cJSON *o, const char *key, int dflt) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  if (cJSON_IsBool(v)) return cJSON_IsTrue(v);
  return dflt;
}

static void parse_q(pctx *c, const char *where, const char *text,
                    ys_qexpr *out) {
  const char *why = "";
  if (!text || !*text) {
    memset(out, 0, sizeof *out);
    return;
  }
  if (ys_qexpr_parse(out, text, c->p->arena, &why) != YS_OK) {
    char msg[256];
    snprintf(msg, sizeof msg, "%.120s：%.120s", text, why);
    perr(c, where, "数量表达式有误：%s", msg);
  }
}

static ys_unit parse_unit(pctx *c, const char *s, ys_unit dflt) {
  if (!s) return dflt;
  if (strcmp(s, "元") == 0) return YS_UNIT_YUAN;
  if (strcmp(s, "万元") == 0) return YS_UNIT_WANYUAN;
  perr(c, "unit", "单位只能是“元”或“万元”：%s", s);
  return dflt;
}

static int parse_rows(pctx *c, const char *tid, const cJSON *arr, ys_prow **out,
                      size_t *n);

/* "qs": one quantity per amount column of a panel ("" = an empty cell). */
static void parse_qs(pctx *c, const char *tid, const cJSON *o, ys_prow *r) {
  const cJSON *qs = cJSON_GetObjectItemCaseSensitive(o, "qs");
  int n = cJSON_GetArraySize(qs);
  if (n <= 0) return;
  r->qs = ys_arena_alloc(c->p->arena, sizeof(ys_qexpr) * (size_t)n);
  if (!r->qs) return;
  const cJSON *e;
  cJSON_ArrayForEach(e, qs) {
    ys_qexpr *q = &r->qs[r->n_qs++];
    memset(q, 0, sizeof *q);
    if (!cJSON_IsString(e))
      perr(c, tid, "qs 的元素应为字符串%s", "");
    else
      parse_q(c, tid, e->valuestring, q);
  }
}

static int parse_row(pctx *c, const char *tid, const cJSON *o, ys_prow *r) {
  memset(r, 0, sizeof *r);
  ys_arena *a = c->p->arena;
  r->label = jstr(c, o, "label", "");
  r->q_text = jstr(c, o, "q", "");
  r->level = jint(o, "level", 0);
  r->total = jbool(o, "total", 0);
  r->subset = jbool(o, "subset", 0);
  r->alone = jbool(o, "alone", 0);
  r->sum_body = jbool(o, "sum_body", 0);
  r->sum_footers = jbool(o, "sum_footers", 0);
  r->key = jstr(c, o, "key", NULL);
  r->in_use = jbool(o, "in_use", 0);
  parse_q(c, tid, r->q_text, &r->q);
  parse_qs(c, tid, o, r);
  const cJSON *cl = cJSON_GetObjectItemCaseSensitive(o, "classes");
  const cJSON *tr = cJSON_GetObjectItemCaseSensitive(o, "tree");
  const char *dim = cl ? cl->valuestring : tr ? tr->valuestring : NULL;
  if (cl || tr) {
    if (!dim) {
      perr(c, tid, "classes/tree 应为 func、econ 或 econ_gov%s", "");
      return -1;
    }
    r->kind = cl ? PROW_CLASSES : PROW_TREE;
    if (strcmp(dim, "func") == 0)
      r->cls = YS_CLS_FUNC;
    else if (strcmp(dim, "econ") == 0)
      r->cls = YS_CLS_ECON_DEPT;
    else if (strcmp(dim, "econ_gov") == 0) {
      r->cls = YS_CLS_ECON_DEPT;
      r->econ_gov = true;
    } else if (strcmp(dim, "gecon") == 0)
      r->cls = YS_CLS_ECON_GOV;
    else
      perr(c, tid, "未知的科目维度：%s", dim);
    r->depth = jint(o, "depth", 3);
    if (r->depth < 1 || r->depth > 3) {
      perr(c, tid, "科目层级 depth 应为 1–3%s", "");
      r->depth = 3;
    }
    r->leaves = jbool(o, "leaves", 0);
    const cJSON *codes = cJSON_GetObjectItemCaseSensitive(o, "codes");
    if (cl) {
      int n = cJSON_GetArraySize(codes);
      r->codes = ys_arena_alloc(a, sizeof(char *) * (size_t)(n ? n : 1));
      if (!r->codes) return -1;
      const cJSON *e;
      cJSON_ArrayForEach(e, codes) {
        if (cJSON_IsString(e))
          r->codes[r->n_codes++] = ys_arena_strdup(a, e->valuestring);
      }
    }
  } else if (jbool(o, "units", 0)) {
    r->kind = PROW_UNITS;
    const cJSON *sub = cJSON_GetObjectItemCaseSensitive(o, "rows");
    if (sub && parse_rows(c, tid, sub, &r->sub, &r->n_sub)) return -1;
  } else if (jbool(o, "projects", 0)) {
    r->kind = PROW_PROJECTS;
    const char *g = jstr(c, o, "group", "category");
    if (strcmp(g, "func") == 0)
      r->group = PGROUP_FUNC;
    else if (strcmp(g, "category"))
      perr(c, tid, "group 应为 category 或 func：%s", g);
  } else if (jbool(o, "procurement", 0)) {
    r->kind = PROW_PROCUREMENT;
  } else if (jbool(o, "targets", 0)) {
    r->kind = PROW_TARGETS;
    r->pcat = jstr(c, o, "pcat", NULL);
    r->exclude_pcat = jstr(c, o, "exclude_pcat", NULL);
  } else {
    r->kind = PROW_FIXED;
  }
  return 0;
}

static int parse_rows(pctx *c, const char *tid, const cJSON *arr, ys_prow **out,
                      size_t *n) {
  if (arr && !cJSON_IsArray(arr)) {
    perr(c, tid, "rows/footer 应为数组%s", "");
    return -1;
  }
  int cnt = cJSON_GetArraySize(arr);
  *n = 0;
  *out = ys_arena_alloc(c->p->arena, sizeof(ys_prow) * (size_t)(cnt ? cnt : 1));
  if (!*out) return -1;
  const cJSON *e;
  cJSON_ArrayForEach(e, arr) {
    if (parse_row(c, tid, e, &(*out)[*n]) == 0) (*n)++;
  }
  return 0;
}

/* Places header cells like an HTML table: each cell goes to the first free
 * column of its row; row/col spans reserve the cells they cover. */
static int parse_header(pctx *c, ys_ptable *t, const cJSON *hdr) {
  int nrows = cJSON_GetArraySize(hdr);
  if (nrows <= 0) return 0;
  size_t total = 0;
  const cJSON *row;
  cJSON_ArrayForEach(row, hdr) total += (size_t)cJSON_GetArraySize(row);
  t->header = ys_arena_alloc(c->p->arena, sizeof(ys_header_cell) * (total + 1));
  enum { MAXC = 128 };
  unsigned char occ[16][MAXC];
  if (nrows > 16 || !t->header) {
    perr(c, t->id, "表头行数过多%s", "");
    return -1;
  }
  memset(occ, 0, sizeof occ);
  int maxcol = 0, r = 0;
  cJSON_ArrayForEach(row, hdr) {
    int col = 0;
    const cJSON *cell;
    cJSON_ArrayForEach(cell, row) {
      while (col < MAXC && occ[r][col]) col++;
      ys_header_cell *h = &t->header[t->n_header++];
      h->row = r;
      h->col = col;
      h->row_span = 1;
      h->col_span = 1;
      if (cJSON_IsString(cell)) {
        h->text = ys_arena_strdup(c->p->arena, cell->valuestring);
      } else {
        h->text = jstr(c, cell, "t", "");
        h->row_span = jint(cell, "rs", 1);
        h->col_span = jint(cell, "cs", 1);
      }
      /* spans compared without adding (a span near INT_MAX overflows) */
      if (h->row_span < 1 || h->col_span < 1 || h->row_span > nrows - r ||
          col >= MAXC || h->col_span > MAXC - col) {
        perr(c, t->id, "表头合并范围越界：%s", h->text);
        return -1;
      }
      for (int i = 0; i < h->row_span; i++)
        for (int j = 0; j < h->col_span; j++) occ[r + i][col + j] = 1;
      col += h->col_span;
      if (col > maxcol) maxcol = col;
    }
    r++;
  }
  t->header_rows = nrows;
  t->header_cols = maxcol;
  return 0;
}

/* "text": one template for every row, or {"total": .., "group": ..,
 * "detail": .., "text": ..} by row kind (a kind left out shows nothing). */
static void parse_text(pctx *c, const char *tid, const cJSON *e, ys_pcol *pc) {
  static const char *const kinds[YS_PCOL_TEXT_KINDS] = {"total", "group",
                                                        "detail", "text"};
  const cJSON *tx = cJSON_GetObjectItemCaseSensitive(e, "text");
  if (!tx) return;
  for (int k = 0; k < YS_PCOL_TEXT_KINDS; k++) {
    if (cJSON_IsString(tx))
      pc->text[k] = ys_arena_strdup(c->p->arena, tx->valuestring);
    else if (cJSON_IsObject(tx))
      pc->text[k] = jstr(c, tx, kinds[k], NULL);
    else
      perr(c, tid, "text 应为字符串或对象%s", "");
  }
}

/* Panel amount columns: "amounts": ["", "fund=gpb", ...], each a filter
 * without source that narrows the row's non-fact terms. */
static void parse_amounts(pctx *c, const char *tid, const cJSON *e,
                          ys_ppanel *pp) {
  const cJSON *am = cJSON_GetObjectItemCaseSensitive(e, "amounts");
  int n = cJSON_GetArraySize(am);
  pp->n_amounts = 0;
  pp->amounts =
      ys_arena_alloc(c->p->arena, sizeof(ys_qfilter) * (size_t)(n > 0 ? n : 1));
  if (!pp->amounts) return;
  if (n <= 0) {
    memset(&pp->amounts[0], 0, sizeof pp->amounts[0]);
    pp->n_amounts = 1;
    return;
  }
  const cJSON *x;
  cJSON_ArrayForEach(x, am) {
    ys_qfilter *f = &pp->amounts[pp->n_amounts++];
    memset(f, 0, sizeof *f);
    if (!cJSON_IsString(x)) {
      perr(c, tid, "amounts 的元素应为字符串%s", "");
      continue;
    }
    if (!*x->valuestring) continue;
    ys_qexpr q;
    parse_q(c, tid, ys_arena_printf(c->p->arena, "exp;%s", x->valuestring), &q);
    if (q.n == 1) {
      *f = q.t[0];
      f->src = YS_Q_NONE;
    }
  }
}

/* One table object of a profile, field by field in the order of
 * docs/profiles.md; each field is a few lines of reading and validation
 * with its own message, and nothing is shared between them but the table:
 * long, but a list, not a tangle. */
static int parse_table(pctx *c, const cJSON *o, ys_ptable *t) {
  ys_arena *a = c->p->arena;
  memset(t, 0, sizeof *t);
  t->id = jstr(c, o, "id", NULL);
  if (!t->id) {
    perr(c, "tables", "报表缺少 id%s", "");
    return -1;
  }
  t->number = jstr(c, o, "number", "");
  t->title = jstr(c, o, "title", "");
  const char *layout = jstr(c, o, "layout", "grid");
  if (strcmp(layout, "grid") == 0)
    t->layout = LAYOUT_GRID;
  else if (strcmp(layout, "panels") == 0)
    t->layout = LAYOUT_PANELS;
  else if (strcmp(layout, "targets") == 0)
    t->layout = LAYOUT_TARGETS;
  else
    perr(c, t->id, "未知的 layout：%s", layout);
  t->unit = parse_unit(c, jstr(c, o, "unit", NULL), c->p->unit);
  t->decimals = jdecimals(c, o, t->id, c->p->decimals);
  t->empty_note = jstr(c, o, "empty_note", "");
  t->scope = jstr(c, o, "scope", "project");
  t->pcat = jstr(c, o, "pcat", NULL);
  t->exclude_pcat = jstr(c, o, "exclude_pcat", NULL);
  t->subtitle = jstr(c, o, "subtitle", NULL);
  t->blank_zero = jbool(o, "blank_zero", -1);
  t->rownum = jbool(o, "rownum", 0);
  t->colnums = jbool(o, "colnums", 0);
  const char *base = jstr(c, o, "base", NULL);
  if (base && *base) {
    /* A base may omit its source ("fund=fiscal"): it then narrows terms of
     * any source. */
    int has_src = strncmp(base, "exp", 3) == 0 ||
                  strncmp(base, "rev", 3) == 0 || strncmp(base, "fact", 4) == 0;
    const char *txt = has_src ? base : ys_arena_printf(a, "exp;%s", base);
    ys_qexpr q;
    parse_q(c, t->id, txt, &q);
    if (q.n == 1) {
      t->base = q.t[0];
      if (!has_src) t->base.src = YS_Q_NONE;
      t->has_base = true;
    }
  }
  if (parse_header(c, t, cJSON_GetObjectItemCaseSensitive(o, "header")))
    return -1;
  const cJSON *cols = cJSON_GetObjectItemCaseSensitive(o, "columns");
  int nc = cJSON_GetArraySize(cols);
  if (nc > 0) {
    t->cols = ys_arena_alloc(a, sizeof(ys_pcol) * (size_t)nc);
    if (!t->cols) return -1;
    const cJSON *e;
    cJSON_ArrayForEach(e, cols) {
      ys_pcol *pc = &t->cols[t->ncols++];
      static const struct {
        const char *name;
        pcol_show show;
      } shows[] = {{"amount", PCOL_AMOUNT},
                   {"code", PCOL_CODE},
                   {"name", PCOL_NAME},
                   {"gov_code", PCOL_GOV_CODE},
                   {"gov_name", PCOL_GOV_NAME},
                   {"blank", PCOL_BLANK},
                   {"description", PCOL_DESC},
                   {"func_lei", PCOL_FUNC_LEI},
                   {"func_kuan", PCOL_FUNC_KUAN},
                   {"func_xiang", PCOL_FUNC_XIANG},
                   {"econ_lei", PCOL_ECON_LEI},
                   {"econ_kuan", PCOL_ECON_KUAN},
                   {"gecon_lei", PCOL_GECON_LEI},
                   {"gecon_kuan", PCOL_GECON_KUAN},
                   {"unit_code", PCOL_UNIT_CODE},
                   {"proc_catalog", PCOL_PROC_CATALOG},
                   {"proc_service", PCOL_PROC_SERVICE},
                   {"proc_spec", PCOL_PROC_SPEC},
                   {"proc_quantity", PCOL_PROC_QUANTITY},
                   {"proc_time", PCOL_PROC_TIME},
                   {"proc_amount", PCOL_PROC_AMOUNT},
                   {"rownum", PCOL_ROWNUM},
                   {"text", PCOL_TEXT},
                   {"unit_name", PCOL_UNIT_NAME},
                   {"fact", PCOL_FACT},
                   {"goal", PCOL_GOAL},
                   {"t_level1", PCOL_T_LEVEL1},
                   {"t_level2", PCOL_T_LEVEL2},
                   {"t_name", PCOL_T_NAME},
                   {"t_op", PCOL_T_OP},
                   {"t_value", PCOL_T_VALUE},
                   {"t_unit", PCOL_T_UNIT},
                   {"t_weight", PCOL_T_WEIGHT},
                   {"t_direction", PCOL_T_DIRECTION},
                   {"t_target", PCOL_T_TARGET}};
      const char *show = jstr(c, e, "show", "amount");
      size_t k;
      for (k = 0; k < sizeof shows / sizeof shows[0]; k++)
        if (strcmp(shows[k].name, show) == 0) break;
      if (k == sizeof shows / sizeof shows[0])
        perr(c, t->id, "未知的列类型：%s", show);
      else
        pc->show = shows[k].show;
      pc->q_text = jstr(c, e, "q", "");
      parse_q(c, t->id, pc->q_text, &pc->q);
      pc->empty = jstr(c, e, "empty", NULL);
      pc->suffix = jstr(c, e, "suffix", NULL);
      parse_text(c, t->id, e, pc);
      const cJSON *so = cJSON_GetObjectItemCaseSensitive(e, "sum_of");
      const cJSON *x;
      cJSON_ArrayForEach(x, so) {
        if (cJSON_IsNumber(x) && pc->n_sum_of < YS_MAX_SUM_OF &&
            x->valueint >= 0 && x->valueint < nc)
          pc->sum_of[pc->n_sum_of++] = x->valueint;
        else
          perr(c, t->id, "sum_of 列号无效%s", "");
      }
    }
    if (t->header_rows && t->header_cols != (int)t->ncols) {
      char msg[64];
      snprintf(msg, sizeof msg, "%d/%zu", t->header_cols, t->ncols);
      perr(c, t->id, "表头列数与列定义数不一致：%s", msg);
    }
  }
  const cJSON *rows = cJSON_GetObjectItemCaseSensitive(o, "rows");
  if (rows && parse_rows(c, t->id, rows, &t->rows, &t->nrows)) return -1;
  const cJSON *panels = cJSON_GetObjectItemCaseSensitive(o, "panels");
  int np = cJSON_GetArraySize(panels);
  if (np > 0) {
    t->panels = ys_arena_alloc(a, sizeof(ys_ppanel) * (size_t)np);
    if (!t->panels) return -1;
    const cJSON *e;
    cJSON_ArrayForEach(e, panels) {
      ys_ppanel *pp = &t->panels[t->npanels++];
      if (parse_rows(c, t->id, cJSON_GetObjectItemCaseSensitive(e, "rows"),
                     &pp->rows, &pp->n_rows) ||
          parse_rows(c, t->id, cJSON_GetObjectItemCaseSensitive(e, "footer"),
                     &pp->footer, &pp->n_footer))
        return -1;
      parse_amounts(c, t->id, e, pp);
      pp->code = jbool(e, "code", 0);
    }
    int width = t->rownum ? 1 : 0;
    for (size_t k = 0; k < t->npanels; k++)
      width += ys_ppanel_width(&t->panels[k]);
    if (t->header_rows && t->header_cols != width)
      perr(c, t->id,
           "分栏表的表头列数应为（序号列 +）每栏（编码列 +）名称列加金额列%s",
           "");
  }
  if (t->layout == LAYOUT_GRID && !t->ncols)
    perr(c, t->id, "网格表缺少 columns%s", "");
  return 0;
}

static int profile_from_text(ys_profile **out, const char *text, size_t len,
                             const char *file, ys_errors *errs) {
  *out = NULL;
  cJSON *root = cJSON_ParseWithLength(text, len);
  if (!root) {
    ys_errors_add(errs, YS_EINPUT, file, 0, 0,
                  "报表格式文件不是有效的 JSON（错误位置附近：%.40s）",
                  cJSON_GetErrorPtr() ? cJSON_GetErrorPtr() : "");
    return YS_EINPUT;
  }
  ys_profile *p = calloc(1, sizeof *p);
  ys_arena *a = ys_arena_new(0);
  if (!p || !a) {
    free(p);
    ys_arena_free(a);
    cJSON_Delete(root);
    return YS_ENOMEM;
  }
  p->arena = a;
  pctx c = {p, errs, file, 0};
  p->name = jstr(&c, root, "profile", "");
  p->title = jstr(&c, root, "name", "");
  p->source = jstr(&c, root, "source", "");
  p->title_prefix = jstr(&c, root, "title_prefix", "部门");
  p->indent = jstr(&c, root, "indent", "　　");
  p->rounding_note =
      jstr(&c, root, "rounding_note",
           "注：因数据四舍五入，合计数与分项之和可能存在尾数误差。");
  p->subtitle = jstr(&c, root, "subtitle", "");
  p->unit = parse_unit(&c, jstr(&c, root, "unit", "元"), YS_UNIT_YUAN);
  p->decimals = jdecimals(&c, root, "decimals", 2);
  p->thousands = jbool(root, "thousands", 1);
  p->blank_zero = jbool(root, "blank_zero", 0);
  const char *ph = jstr(&c, root, "phase", "budget");
  p->phase = ys_phase_parse(ph);
  if (p->phase != YS_PHASE_BUDGET && p->phase != YS_PHASE_FINAL)
    perr(&c, "phase", "“%s”无效（应为 budget 或 final）", ph);
  const cJSON *tables = cJSON_GetObjectItemCaseSensitive(root, "tables");
  int nt = cJSON_GetArraySize(tables);
  if (nt <= 0)
    perr(&c, "tables", "没有任何报表%s", "");
  else {
    p->tables = ys_arena_alloc(a, sizeof(ys_ptable) * (size_t)nt);
    const cJSON *e;
    if (p->tables) cJSON_ArrayForEach(e, tables) {
        if (parse_table(&c, e, &p->tables[p->n]) == 0)
          p->n++;
        else
          c.failed = 1;
      }
  }
  cJSON_Delete(root);
  /* a string or table lost for want of memory is no profile */
  if (ys_arena_failed(a)) {
    ys_profile_free(p);
    ys_errors_add(errs, YS_ENOMEM, file, 0, 0, "内存不足：无法读入报表格式");
    return YS_ENOMEM;
  }
  if (c.failed) {
    ys_profile_free(p);
    return YS_EINPUT;
  }
  *out = p;
  return YS_OK;
}

int ys_profile_open_builtin(ys_profile **out, const char *name,
                            ys_errors *errs) {
  char path[256];
  snprintf(path, sizeof path, "profiles/%s.json", name ? name : "");
  const ys_embedded_file *f = ys_embedded_find(path);
  if (!f) {
    *out = NULL;
    ys_errors_add(errs, YS_ENOTFOUND, NULL, 0, 0, "没有名为“%s”的报表格式",
                  name ? name : "");
    return YS_ENOTFOUND;
  }
  return profile_from_text(out, f->data, f->size, path, errs);
}

int ys_profile_open_file(ys_profile **out, const char *path, ys_errors *errs) {
  *out = NULL;
  char *buf;
  size_t n;
  int rrc = ys_read_file(path, (size_t)8 << 20, &buf, &n, errs);
  if (rrc) return rrc;
  int rc = profile_from_text(out, buf, n, path, errs);
  free(buf);
  return rc;
}

const char *ys_ptable_plain_title(const ys_ptable *t, ys_arena *a) {
  static const char *const drop[] = {"{year}年", "{prefix}"};
  const char *s = t->title;
  for (size_t i = 0; s && i < sizeof drop / sizeof *drop; i++) {
    const char *at = strstr(s, drop[i]);
    if (at)
      s = ys_arena_printf(a, "%.*s%s", (int)(at - s), s, at + strlen(drop[i]));
  }
  return s;
}

void ys_profile_free(ys_profile *p) {
  if (!p) return;
  ys_arena_free(p->arena);
  free(p);
}

ys_phase ys_profile_phase(const ys_profile *p) {
  return p ? p->phase : YS_PHASE_NONE;
}

const char *ys_profile_name(const ys_profile *p) {
  return p->name;
}
const char *ys_profile_title(const ys_profile *p) {
  return p->title;
}

size_t ys_profile_builtin_list(char (*out)[64], size_t max) {
  /* Derived from the embedded files so adding a profile is adding a file. */
  size_t n = 0;
  for (const ys_embedded_file *f = ys_embedded_files; f->path; f++) {
    const char *pre = "profiles/";
    size_t pl = strlen(pre), len = strlen(f->path);
    if (strncmp(f->path, pre, pl) || len < pl + 6 ||
        strcmp(f->path + len - 5, ".json"))
      continue;
    if (n < max)
      snprintf(out[n], 64, "%.*s", (int)(len - pl - 5), f->path + pl);
    n++;
  }
  return n;
}

int ys_profiles_open_builtin(ys_profiles **out, ys_errors *errs) {
  *out = NULL;
  size_t n = ys_profile_builtin_list(NULL, 0);
  char(*names)[64] = calloc(n + 1, sizeof *names);
  ys_profiles *s = names ? calloc(1, sizeof *s) : NULL;
  if (!s || !(s->v = calloc(n + 1, sizeof *s->v))) {
    free(s);
    free(names);
    return YS_ENOMEM;
  }
  ys_profile_builtin_list(names, n);
  for (size_t i = 0; i < n; i++) {
    int rc = ys_profile_open_builtin(&s->v[s->n], names[i], errs);
    if (rc) {
      free(names);
      ys_profiles_free(s);
      return rc;
    }
    s->n++;
  }
  free(names);
  *out = s;
  return YS_OK;
}

void ys_profiles_free(ys_profiles *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n; i++) ys_profile_free(s->v[i]);
  free(s->v);
  free(s);
}
