/*
 * ingest_text_targets.c - 绩效目标 (performance target) forms: the
 * indicator hierarchy's labels, a form printed with spaces read line by
 * line into labelled rows, fund rows, task rows, the goal and indicator
 * rows (targets_form), and the same form printed with tabs (targets_tabs).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- 绩效目标 forms ------------------------------------------------------- */

/* Reading a form: labelled rows ("项目名称 X", "实施期资金总额： 5"),
 * indicator rows under "一级指标 二级指标 指标内容 指标值", task rows under
 * "任务名称 主要内容 … 总额 财政拨款 其他资金". Labels printed one
 * character per line ("产\n出\n指\n标") are joined. The rows follow
 * check.c's reading of targets tables. */

/* Labels of the indicator hierarchy, longest first where one is a prefix
 * of another. */
static const char *const L1_LABELS[] = {"产出指标", "效益指标", "满意度指标"};
static const char *const L2_LABELS[] = {
    "服务对象满意度指标", "可持续影响指标", "经济效益指标", "社会效益指标",
    "生态效益指标",       "满意度指标",     "数量指标",     "质量指标",
    "时效指标",           "成本指标",       "可持续影响",   "经济效益",
    "社会效益",           "生态效益"};
static const char *const SKIP_LABELS[] = {"年度绩效指标", "年度主要任务",
                                          "绩效指标", "主要任务"};
static const char *const GOAL_LABELS[] = {"年度总体目标", "实施期总目标",
                                          "总体目标", "年度目标"};

static const char *prefix_of(const char *k, const char *const *set, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (it_starts(k, set[i])) return set[i];
  return NULL;
}
#define PREFIX_OF(k, set) prefix_of(k, set, sizeof set / sizeof set[0])

/* A level-1 indicator label as grids print them (成本指标 is level 1 in
 * the newer indicator system, level 2 in older forms). */
bool it_is_l1(const char *s) {
  for (size_t i = 0; i < sizeof L1_LABELS / sizeof *L1_LABELS; i++)
    if (!strcmp(s, L1_LABELS[i])) return true;
  return !strcmp(s, "成本指标");
}

/* A target value starts with a comparison or a digit. */
static bool value_start(const char *s) {
  static const char *const ops[] = {"≥", "≤", "＞", "＜", "≧", "≦",
                                    "=", ">", "<",  "＝", "≠"};
  if (*s >= '0' && *s <= '9') return true;
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (it_starts(s, ops[i])) return true;
  return false;
}

/* Can k be read as a run of form labels, the last possibly cut short
 * ("满意度指标服务对象满意"): then it is label text broken over lines, as
 * forms print their row labels ("产\n出\n指\n标", "满意度指\n标"). */
static bool label_run(const char *k) {
  if (!*k) return true;
  const char *const *sets[] = {L1_LABELS, L2_LABELS, SKIP_LABELS, GOAL_LABELS};
  const size_t ns[] = {sizeof L1_LABELS / sizeof *L1_LABELS,
                       sizeof L2_LABELS / sizeof *L2_LABELS,
                       sizeof SKIP_LABELS / sizeof *SKIP_LABELS,
                       sizeof GOAL_LABELS / sizeof *GOAL_LABELS};
  size_t kl = strlen(k);
  for (size_t s = 0; s < 4; s++)
    for (size_t i = 0; i < ns[s]; i++) {
      const char *lab = sets[s][i];
      size_t ll = strlen(lab);
      if (kl <= ll && !strncmp(lab, k, kl)) return true; /* cut short */
      if (kl > ll && !strncmp(lab, k, ll) && label_run(k + ll)) return true;
    }
  return false;
}

static ys_rrow *form_row(rd *r, ys_rtable *rt, int line, size_t n, ...) {
  ys_rrow *row = ys_rtable_add_row(r->d, rt, n, line);
  if (!row) return NULL;
  va_list ap;
  va_start(ap, n);
  for (size_t i = 0; i < n; i++) {
    const char *s = va_arg(ap, const char *);
    row->cells[i].text = s ? s : "";
  }
  va_end(ap);
  return row;
}

typedef struct form {
  rd *r;
  ys_rtable *rt;
  enum { S_HEAD, S_FUNDS, S_GOAL, S_IND, S_TASK } st;
  const char *l1, *l2;
  const char *buf; /* label fragments not yet understood (a key) */
  int buf_line;
  const char *goal;
  int goal_line;
  const char *task, *desc;
  int task_line;
  const char *pname; /* an indicator name whose value is still to come */
  int pname_line;
  int short_line; /* first task row printed with fewer than 3 amounts */
} form;

static int form_goal_end(form *f) {
  if (f->goal && *f->goal &&
      !form_row(f->r, f->rt, f->goal_line, 2, "总体目标", f->goal))
    return YS_ENOMEM;
  f->goal = NULL;
  return YS_OK;
}

/* Reads the label fragments collected so far: level-1 and level-2 labels,
 * a goal heading, or labels that only structure the form. What is left is
 * the start of an indicator name. */
static int form_flush(form *f) {
  const char *k = f->buf;
  while (*k) {
    const char *m;
    if ((m = PREFIX_OF(k, SKIP_LABELS))) {
      k += strlen(m);
    } else if ((m = PREFIX_OF(k, GOAL_LABELS))) {
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_GOAL;
      f->goal = "";
      f->goal_line = f->buf_line;
      k += strlen(m);
    } else if ((m = PREFIX_OF(k, L1_LABELS)) &&
               !(strlen(k) == strlen(m) && *f->l1 && f->st == S_IND &&
                 !strcmp(m, "满意度指标") && !strcmp(f->l1, "满意度指标"))) {
      f->l1 = m;
      f->l2 = "";
      k += strlen(m);
    } else if ((m = PREFIX_OF(k, L2_LABELS))) {
      f->l2 = m;
      k += strlen(m);
    } else {
      break;
    }
  }
  f->buf = k;
  return YS_OK;
}

/* A 项目名称 (主管部门, 部门名称 …) row of the head of a form; the
 * project's name may follow on the lines below. */
static int form_name(form *f, const treg *g0, size_t *i, const ys_tline *l,
                     const tok *t, size_t n, const char *k0) {
  rd *r = f->r;
  ys_rtable *rt = f->rt;
  if (form_goal_end(f)) return YS_ENOMEM;
  const char *rest = "";
  for (size_t j = 1; j < n; j++) rest = it_join_text(r, rest, t[j].s);
  if (!strcmp(k0, "项目名称") && !*rest) {
    /* The name on the following lines, up to 主管部门. */
    size_t j = *i + 1;
    for (; j < g0->end; j++) {
      if (it_blank(&r->L[j])) continue;
      if (it_starts(it_line_key(r, &r->L[j]), "主管部门")) break;
      rest = it_join_text(r, rest, it_trimdup(r, r->L[j].s, r->L[j].len));
    }
    *i = j - 1;
  }
  if (!form_row(r, rt, l->no, 2, it_trimdup(r, t[0].s, strlen(t[0].s)), rest))
    return YS_ENOMEM;
  f->st = S_HEAD;
  return YS_OK;
}

/* A line under the task header: a task's name or description, or its
 * amounts (总额, 财政拨款, 其他资金), or the 金额合计 row. */
static int form_task(form *f, const ys_tline *l, const tok *t, size_t n,
                     const char *k, const char *k0) {
  rd *r = f->r;
  ys_rtable *rt = f->rt;
  if (!strcmp(k, "总额财政拨款其他资金")) return YS_OK;
  bool total = !strcmp(k0, "金额合计");
  bool amounts = n > (total ? 1u : 0u);
  for (size_t j = total ? 1 : 0; j < n; j++)
    if (t[j].kind != TK_NUM && t[j].kind != TK_INT) amounts = false;
  if (amounts) {
    size_t j0 = total ? 1 : 0, na = n - j0;
    if (na > 3) {
      it_info(r, l->no,
              "%s：任务的金额多于 3 个（总额、财政拨款、其他资金），未读入",
              rt->title);
      return YS_OK;
    }
    /* Fewer than three printed: the empty cells vanished; the amounts
     * are taken in printed order (总额, then 财政拨款). */
    const char *a[3] = {"", "", ""};
    for (size_t j = 0; j < na; j++) a[j] = t[j0 + j].s;
    if (na < 3 && na > 0 && !f->short_line) f->short_line = l->no;
    if (!total && !f->task)
      it_info(r, l->no, "%s：金额之前没有任务名称", rt->title);
    if (!form_row(r, rt,
                  total          ? l->no
                  : f->task_line ? f->task_line
                                 : l->no,
                  5,
                  total     ? "金额合计"
                  : f->task ? f->task
                            : "",
                  total ? "" : f->desc, a[0], a[1], a[2]))
      return YS_ENOMEM;
    f->task = NULL;
    f->desc = "";
    f->task_line = 0;
    if (total) f->st = S_HEAD;
    return YS_OK;
  }
  const char *txt = it_trimdup(r, l->s, l->len);
  if (!f->task) {
    f->task = txt;
    f->task_line = l->no;
  } else {
    f->desc = ys_arena_printf(r->d->arena, "%s%s", f->desc, txt);
  }
  return YS_OK;
}

/* A line of the form's fund rows ("实施期资金总额： 5"): label and
 * amount pairs. */
static int form_funds(form *f, const ys_tline *l, const tok *t, size_t n) {
  rd *r = f->r;
  ys_rtable *rt = f->rt;
  /* "实施期资金总额： 5", "其中：财政拨款 5"; two forms may stand side
   * by side ("实施期资金总额： 年度资金总额："). */
  if (form_goal_end(f)) return YS_ENOMEM;
  f->st = S_FUNDS;
  const char *lab = NULL;
  int lab_line = 0;
  for (size_t j = 0; j < n; j++) {
    if (t[j].kind == TK_TEXT) {
      if (lab && !form_row(r, rt, lab_line, 3, "", lab, "")) return YS_ENOMEM;
      size_t tl = strlen(t[j].s);
      const char *s = t[j].s;
      if (tl >= 3 && !strcmp(s + tl - 3, "："))
        s = ys_arena_strndup(r->d->arena, s, tl - 3);
      else if (tl >= 1 && s[tl - 1] == ':')
        s = ys_arena_strndup(r->d->arena, s, tl - 1);
      lab = s;
      lab_line = t[j].line;
    } else if (lab) {
      if (!form_row(r, rt, lab_line, 3, "", lab, t[j].s)) return YS_ENOMEM;
      lab = NULL;
    } else {
      it_info(r, l->no, "%s：金额“%s”前没有项目，未读入", rt->title, t[j].s);
    }
  }
  if (lab && !form_row(r, rt, lab_line, 3, "", lab, "")) return YS_ENOMEM;
  return YS_OK;
}

/* A goal heading (年度总体目标 …): the goal follows, on this line and
 * the lines below. */
static int form_goal(form *f, const ys_tline *l, const tok *t, size_t n) {
  rd *r = f->r;
  if (form_goal_end(f)) return YS_ENOMEM;
  f->st = S_GOAL;
  f->goal_line = l->no;
  const char *rest = "";
  for (size_t j = 1; j < n; j++) rest = it_join_text(r, rest, t[j].s);
  f->goal = rest;
  return YS_OK;
}

/* A line under the indicator header: an indicator row with the labels
 * in force, or the start of a name whose value is still to come. */
static int form_indicator(form *f, const ys_tline *l, const tok *t, size_t n) {
  rd *r = f->r;
  ys_rtable *rt = f->rt;
  /* [level 1] [level 2] name value — labels may also have come on the
   * lines before, and a name may have started there. */
  size_t j = 0;
  while (j < n) {
    const char *tk = it_lkey(r, t[j].s);
    bool l1 = false, l2 = false;
    for (size_t q = 0; q < sizeof L1_LABELS / sizeof *L1_LABELS; q++)
      l1 |= !strcmp(tk, L1_LABELS[q]);
    for (size_t q = 0; q < sizeof L2_LABELS / sizeof *L2_LABELS; q++)
      l2 |= !strcmp(tk, L2_LABELS[q]);
    if (l1 && !(l2 && *f->l1 && j > 0)) {
      f->l1 = ys_arena_strdup(r->d->arena, tk);
      f->l2 = "";
    } else if (l2) {
      f->l2 = ys_arena_strdup(r->d->arena, tk);
    } else {
      break;
    }
    j++;
  }
  /* buf is scratch: the cell needs the document's copy. */
  const char *name = ys_arena_strdup(r->d->arena, f->buf);
  f->buf = "";
  if (*f->pname) {
    name = ys_arena_printf(r->d->arena, "%s%s", f->pname, name);
    f->pname = "";
  }
  if (j >= n && !*name) return YS_OK;
  if (n - j == 1 && !value_start(t[j].s)) {
    /* A name without its value: the rest follows on the next lines. */
    f->pname = ys_arena_printf(r->d->arena, "%s%s", name, t[j].s);
    if (!f->pname_line) f->pname_line = l->no;
    return YS_OK;
  }
  size_t vs = n;
  for (size_t q = j + (*name ? 0 : 1); q < n; q++)
    if (value_start(t[q].s)) {
      vs = q;
      break;
    }
  if (vs == n && n - j >= 2) vs = n - 1;
  const char *val = "";
  for (size_t q = j; q < vs; q++) name = it_join_text(r, name, t[q].s);
  for (size_t q = vs; q < n; q++)
    val = ys_arena_printf(r->d->arena, "%s%s%s", val, *val ? " " : "", t[q].s);
  if (!form_row(r, rt, l->no, 5, f->l1, f->l2, name, val, "")) return YS_ENOMEM;
  return YS_OK;
}

/* The end of a form: label fragments and a name left over, and the
 * task rows printed short. */
static int form_end(form *f) {
  rd *r = f->r;
  ys_rtable *rt = f->rt;
  if (*f->buf && form_flush(f)) return YS_ENOMEM;
  if (*f->buf)
    it_info(r, f->buf_line, "%s：表末尾的“%s”无法归入任何一行，未读入",
            rt->title, f->buf);
  if (*f->pname &&
      !form_row(r, rt, f->pname_line, 5, f->l1, f->l2, f->pname, "", ""))
    return YS_ENOMEM;
  if (f->short_line)
    it_info(r, f->short_line,
            "%s：任务金额（总额、财政拨款、其他资金）有的只印出 1–2 "
            "个，空单元格未印出，"
            "已按印出顺序读作总额、财政拨款（请核对）",
            rt->title);
  return form_goal_end(f);
}

/* Reading a 绩效目标 form: labelled rows ("项目名称 X", "实施期资金总额：
 * 5"), indicator rows under "一级指标 二级指标 指标内容 指标值", task rows
 * under "任务名称 主要内容 … 总额 财政拨款 其他资金". Labels printed over
 * several lines ("产\n出\n指\n标", "满意度指\n标") are joined. The rows follow
 * check.c's reading of targets tables. */
int it_targets_form(rd *r, const treg *g0, ys_rtable *rt) {
  form F = {r, rt, S_HEAD, "", "", "", 0, NULL, 0, NULL, "", 0, "", 0, 0};
  form *f = &F;
  bool in_note = false;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (it_blank(l)) continue;
    if (it_note_run(r, rt, l, &in_note)) continue;
    if (it_is_meta_line(r, l)) continue;
    const char *k = it_line_key(r, l);
    if (!strcmp(k, "(万元)") || !strcmp(k, "(元)") || !strcmp(k, "资金金额") ||
        !strcmp(k, "资金金额(万元)") || !strcmp(k, "预算金额(万元)")) {
      if (f->st != S_TASK) {
        if (form_goal_end(f)) return YS_ENOMEM;
        f->st = S_FUNDS;
      }
      continue;
    }
    if (f->st != S_TASK && *k &&
        label_run(ys_arena_printf(r->tmp, "%s%s", f->buf, k))) {
      if (!*f->buf) f->buf_line = l->no;
      f->buf = ys_arena_printf(r->tmp, "%s%s", f->buf, k);
      continue;
    }
    if (*f->buf && form_flush(f)) return YS_ENOMEM;
    tok *t = NULL;
    size_t n = 0, cap = 0;
    t = it_split_line(r, l, t, &n, &cap);
    if (!t) return n ? YS_ENOMEM : YS_OK;
    const char *k0 = it_lkey(r, t[0].s);
    if (!strcmp(k0, "项目名称") || !strcmp(k0, "主管部门") ||
        !strcmp(k0, "部门(单位)名称") || !strcmp(k0, "部门名称") ||
        !strcmp(k0, "单位名称")) {
      int rc = form_name(f, g0, &i, l, t, n, k0);
      if (rc) return rc;
      continue;
    }
    if (strstr(k, "二级指标") && strstr(k, "指标值")) {
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_IND;
      f->buf = "";
      if (!form_row(r, rt, l->no, 5, "一级指标", "二级指标", "指标内容",
                    "指标值", "备注"))
        return YS_ENOMEM;
      continue;
    }
    if (!strcmp(k0, "任务名称")) {
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_TASK;
      if (!form_row(r, rt, l->no, 5, "任务名称", "主要内容", "总额", "财政拨款",
                    "其他资金"))
        return YS_ENOMEM;
      continue;
    }
    if (f->st == S_TASK) {
      if (form_task(f, l, t, n, k, k0)) return YS_ENOMEM;
      continue;
    }
    bool fund_label = it_starts(k0, "实施期资金总额") ||
                      it_starts(k0, "年度资金总额") ||
                      it_starts(k0, "其中:财政拨款") ||
                      it_starts(k0, "其他资金") || it_starts(k0, "财政拨款");
    bool has_amount = false;
    for (size_t j = 0; j < n; j++)
      has_amount |= t[j].kind == TK_NUM || t[j].kind == TK_INT;
    if (f->st == S_FUNDS && !fund_label && !has_amount) f->st = S_HEAD;
    if ((f->st == S_FUNDS && has_amount) || fund_label) {
      if (form_funds(f, l, t, n)) return YS_ENOMEM;
      continue;
    }
    const char *gl = PREFIX_OF(k, GOAL_LABELS);
    if (gl && f->st != S_IND) {
      if (form_goal(f, l, t, n)) return YS_ENOMEM;
      continue;
    }
    if (f->st == S_GOAL) {
      f->goal =
          ys_arena_printf(r->d->arena, "%s%s%s", f->goal, *f->goal ? "\n" : "",
                          it_trimdup(r, l->s, l->len));
      continue;
    }
    if (f->st == S_IND) {
      if (form_indicator(f, l, t, n)) return YS_ENOMEM;
      continue;
    }
    /* Anything else in the head of the form: a labelled row. */
    const char *rest = "";
    for (size_t j = 1; j < n; j++) rest = it_join_text(r, rest, t[j].s);
    if (!form_row(r, rt, l->no, 2, t[0].s, rest)) return YS_ENOMEM;
  }
  return form_end(f);
}

/* A 部门整体支出绩效目标表 printed with tabs (Sichuan): rows are
 * normalised to the form rows the space reader produces — "部门名称 X",
 * the task header and tasks, "金额合计" with 资金总额 财政拨款 其他资金,
 * the goal, the indicator header and indicators [一级 二级 名称 指标值] —
 * with the labels a converter shifted between cells placed by kind. */
int it_targets_tabs(rd *r, const treg *g0, ys_rtable *rt) {
  enum { S_HEAD, S_TASK, S_TOTAL, S_IND } st = S_HEAD;
  const char *l1 = "", *l2 = "";
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (it_blank(l)) continue;
    if (!memchr(l->s, '\t', l->len)) {
      if (it_is_meta_line(r, l)) continue;
      if (it_starts(it_line_key(r, l), "(") && strstr(l->s, "年")) continue;
      it_add_note(r, rt, l);
      continue;
    }
    size_t n = 0;
    tok *t = it_split_tabs(r, l, &n);
    if (!t) return YS_ENOMEM;
    const char *v[64];
    size_t m = 0;
    for (size_t j = 0; j < n && m < 64; j++)
      if (t[j].kind != TK_EMPTY) v[m++] = t[j].s;
    if (!m) continue;
    const char *k0 = it_lkey(r, v[0]);
    bool has_task = false, has_total = false, has_l1hdr = false;
    for (size_t j = 0; j < m; j++) {
      const char *k = it_lkey(r, v[j]);
      has_task |= !strcmp(k, "任务名称");
      has_total |= !strcmp(k, "资金总额") || !strcmp(k, "总额");
      has_l1hdr |= !strcmp(k, "一级指标");
    }
    ys_rrow *row = NULL;
    if (!strcmp(k0, "部门名称") || !strcmp(k0, "部门(单位)名称") ||
        !strcmp(k0, "单位名称")) {
      row = form_row(r, rt, l->no, 2, v[0], m > 1 ? v[1] : "");
      st = S_HEAD;
    } else if (has_task) {
      row = form_row(r, rt, l->no, 5, "任务名称", "主要内容", "总额",
                     "财政拨款", "其他资金");
      st = S_TASK;
    } else if (has_total) {
      st = S_TOTAL;
      continue;
    } else if (st == S_TOTAL) {
      bool amounts = true;
      for (size_t j = 0; j < m; j++)
        amounts &= t[0].kind != TK_TEXT && it_tok_kind(r, v[j]) != TK_TEXT;
      if (amounts && m <= 3) {
        row = form_row(r, rt, l->no, 5, "金额合计", "", v[0], m > 1 ? v[1] : "",
                       m > 2 ? v[2] : "");
        st = S_HEAD;
      } else {
        it_info(r, l->no, "%s：资金总额一行无法读取，未读入", rt->title);
        st = S_HEAD;
        continue;
      }
    } else if (has_l1hdr) {
      row = form_row(r, rt, l->no, 5, "一级指标", "二级指标", "指标内容",
                     "指标值", "备注");
      st = S_IND;
    } else if (st == S_TASK) {
      const char *desc = "";
      for (size_t j = 1; j < m; j++) desc = it_join_text(r, desc, v[j]);
      row = form_row(r, rt, l->no, 5, v[0], desc, "", "", "");
    } else if (st == S_IND) {
      size_t j = 0;
      if (j < m && it_is_l1(it_keyz(r, v[j]))) {
        l1 = v[j++];
        l2 = "";
      }
      if (j < m && strstr(v[j], "指标") && m - j >= 3) l2 = v[j++];
      if (m - j < 2) {
        it_info(r, l->no, "%s：此行不是“指标名称 指标值”，未读入", rt->title);
        continue;
      }
      const char *val = "";
      for (size_t q = j + 1; q < m; q++)
        val =
            ys_arena_printf(r->d->arena, "%s%s%s", val, *val ? " " : "", v[q]);
      row = form_row(r, rt, l->no, 5, l1, l2, v[j], val, "");
    } else {
      /* A labelled row of the head ("年度总体目标 …"). */
      const char *rest = "";
      for (size_t j = 1; j < m; j++) rest = it_join_text(r, rest, v[j]);
      row = form_row(r, rt, l->no, 2, v[0], rest);
    }
    if (!row) return YS_ENOMEM;
  }
  return YS_OK;
}
