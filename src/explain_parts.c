/*
 * explain_parts.c - the pieces of the narrative (情况说明) that several
 * plans share: the labels of the funds' revenue and spending, the 三公
 * figures and their change, projects with and without performance targets,
 * the assets and government procurement sentences, the 机关运行经费 of the
 * 行政 units and its change, a fund's spending by 项, the 一般公共预算
 * spending by 类 with its shares, and the glossary (名词解释).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain_impl.h"

/* ---------------------------------------------------------------------- */
/* Shared pieces of the plans                                              */

const char *const rev_label[YS_FUND_COUNT] = {"",
                                              "一般公共预算拨款收入",
                                              "政府性基金预算拨款收入",
                                              "国有资本经营预算拨款收入",
                                              "财政专户管理资金收入",
                                              "事业收入",
                                              "事业单位经营收入",
                                              "上级补助收入",
                                              "附属单位上缴收入",
                                              "用事业基金弥补收支差额",
                                              "其他收入"};
const char *const exp_label[YS_FUND_COUNT] = {"", "一般公共预算拨款支出",
                                              "政府性基金预算拨款支出",
                                              "国有资本经营预算拨款支出"};

sangong sangong_of(ex *x, const char *scope) {
  sangong s;
  s.abroad = qv(x, "exp;%s;econ=30212", scope);
  s.reception = qv(x, "exp;%s;econ=30217", scope);
  s.vop = qv(x, "exp;%s;econ=30231", scope);
  s.vbuy = qv(x, "exp;%s;econ=31013", scope);
  s.total = s.abroad + s.reception + s.vop + s.vbuy;
  s.meeting = qv(x, "exp;%s;econ=30215", scope);
  s.training = qv(x, "exp;%s;econ=30216", scope);
  return s;
}

/* Last year's 三公 total: the sum of the prev.sangong.* facts given;
 * false (and a warning) when there is none. */
bool sangong_prev(ex *x, int64_t *prev) {
  static const char *const keys[] = {
      "prev.sangong.abroad", "prev.sangong.reception",
      "prev.sangong.vehicle_purchase", "prev.sangong.vehicle_operation"};
  bool any = false;
  *prev = 0;
  for (int i = 0; i < 4; i++) {
    fval f = fact_get(x, keys[i]);
    if (f.found) {
      any = true;
      *prev += f.fen;
    }
  }
  if (!any)
    warn_key(x, "prev.sangong", 0,
             "facts.csv 中没有上年“三公”经费（prev.sangong.abroad、"
             "prev.sangong.reception、prev.sangong.vehicle_purchase、"
             "prev.sangong.vehicle_operation）：情况说明未写与上年相比的增减");
  return any;
}

/* The change of the 三公 total; its reason is reason.sangong. */
void sangong_total_chg(ex *x, int64_t total) {
  int64_t prev;
  if (!sangong_prev(x, &prev)) return;
  int line = 0;
  const char *r = fact_text(x, "reason.sangong", &line);
  ex_chg_v(x, total, prev, r, "reason.sangong", line, "“三公”经费",
           "主要原因是");
}

/* Whether the 会议费 / 培训费 sentences have anything to say. */
bool meeting_relevant(ex *x, const sangong *s) {
  return s->meeting || s->training || fact_get(x, "prev.meeting").found ||
         fact_get(x, "prev.training").found;
}

bool project_has_targets(ex *x, const char *code) {
  const ys_target *const *run;
  return ys_dataset_project_targets(x->ds, code, &run) > 0;
}

projstat project_stats(ex *x, bool warn) {
  projstat s = {0, 0, 0, 0};
  for (size_t i = 0; i < x->ds->n_projects; i++) {
    const ys_project *p = &x->ds->projects[i];
    int64_t v = qv(x, "exp;project=%s", p->code);
    if (!v) continue;
    s.n++;
    s.amount += v;
    if (project_has_targets(x, p->code)) {
      s.with_targets++;
      s.amount_targets += v;
    } else if (warn) {
      warn_file(x, x->targets_file, aprintf(x, "targets:%s", p->code),
                "项目 %s（%s）没有绩效目标：请在 targets.csv 中填写", p->code,
                p->name);
    }
  }
  return s;
}

/* Assets sentence pieces. */
void assets_para(ex *x, const char *lead, const char *buy_lead) {
  const char *v = fact_count(x, "assets.vehicles");
  const char *e = fact_count(x, "assets.equipment");
  const char *vb = fact_count(x, "assets.vehicles.purchase");
  const char *eb = fact_count(x, "assets.equipment.purchase");
  static const char *const keys[] = {"assets.vehicles", "assets.equipment",
                                     "assets.vehicles.purchase",
                                     "assets.equipment.purchase"};
  const char *vals[] = {v, e, vb, eb};
  for (int i = 0; i < 4; i++)
    if (!vals[i])
      warn_key(x, keys[i], 0,
               "facts.csv 中没有 %s：情况说明的国有资产部分缺少这个数",
               keys[i]);
  if (v || e) {
    P(x, "%s", lead);
    if (v) P(x, "共有车辆 %s 辆", v);
    if (e) P(x, "%s单价 20 万元以上的设备 %s 台（套）", v ? "，" : "", e);
    P(x, "。");
  }
  if (vb || eb) {
    P(x, "%s", buy_lead);
    if (vb) P(x, "安排购置车辆 %s 辆", vb);
    if (eb)
      P(x, "%s安排购置单价 20 万元以上的设备 %s 台（套）", vb ? "；" : "", eb);
    P(x, "。");
  }
}

/* Government procurement: total and, when every line's 采购目录 starts with
 * A (货物), B (工程) or C (服务), the split. */
int64_t procurement_split(ex *x, int64_t part[3], bool *split) {
  int64_t total = 0;
  part[0] = part[1] = part[2] = 0;
  *split = true;
  for (size_t i = 0; i < x->ds->n_procurements; i++) {
    const ys_procurement *p = &x->ds->procurements[i];
    total += p->amount;
    char c = p->catalog ? p->catalog[0] : 0;
    if (c >= 'a' && c <= 'c') c = (char)(c - 'a' + 'A');
    if (c >= 'A' && c <= 'C')
      part[c - 'A'] += p->amount;
    else
      *split = false;
  }
  return total;
}

void procurement_para(ex *x, const char *lead) {
  int64_t part[3];
  bool split;
  int64_t total = procurement_split(x, part, &split);
  P(x, "%s安排政府采购预算 %s 万元", lead, W(x, total));
  if (split)
    P(x,
      "，其中：政府采购货物预算 %s 万元、政府采购工程预算 %s 万元、"
      "政府采购服务预算 %s 万元",
      W(x, part[0]), W(x, part[1]), W(x, part[2]));
  P(x, "。");
}

admin admin_of(ex *x) {
  admin r = {0, x->ds->n_units, 0, NULL};
  ys_buf b = {0};
  for (size_t i = 0; i < x->ds->n_units; i++) {
    const ys_budget_unit *u = &x->ds->units[i];
    if (u->kind != YS_UNIT_KIND_ADMIN) continue;
    if (r.n++) ys_buf_puts(&b, "、");
    ys_buf_puts(&b, u->name);
    r.amount +=
        qv(x, "exp;fund=fiscal;kind=basic;nature=public;unit=%s", u->code);
  }
  if (b.oom) ex_oom(x);
  r.names = ex_adup(x, b.s ? b.s : "");
  free(b.s);
  /* A dataset that states the figure (running_cost: 上海 publishes it in a
   * table of its own, for 行政 and 参公 units that one unit of the dataset
   * may stand for) is the figure that table shows; other profiles compute
   * theirs from the line items, and so does their narrative. */
  int64_t fen;
  if (x->running_fact && ys_dataset_fact(x->ds, "running_cost") &&
      ys_dataset_fact_amount(x->ds, "running_cost", &fen) == 0)
    r.amount = fen;
  return r;
}

/* Change of the 机关运行经费: prev.public when every unit is 行政, else
 * the prev.public@UNIT of the 行政 units. */
void admin_chg(ex *x, const admin *ad, const char *rprefix) {
  if (ad->n == ad->n_all) {
    ex_chg(x, ad->amount, "prev.public", "机关运行经费", rprefix, true);
    return;
  }
  int64_t prev = 0;
  bool any = false;
  const char *reason = "";
  int line = 0;
  const char *first = NULL;
  for (size_t i = 0; i < x->ds->n_units; i++) {
    const ys_budget_unit *u = &x->ds->units[i];
    if (u->kind != YS_UNIT_KIND_ADMIN) continue;
    const char *k = aprintf(x, "prev.public@%s", u->code);
    if (!first) first = k;
    const ys_fact *f = ys_dataset_fact(x->ds, k);
    int64_t fen;
    if (!f || ys_dataset_fact_amount(x->ds, k, &fen) != 0) continue;
    any = true;
    prev += fen;
    if (!reason[0] && f->reason) {
      reason = f->reason;
      line = f->line;
    }
  }
  if (!any) {
    warn_key(
        x, first ? first : "prev.public", 0,
        "facts.csv 中没有 %s（行政单位上年公用经费）：情况说明未写机关运行经费"
        "与上年相比的增减",
        first ? first : "prev.public");
    return;
  }
  ex_chg_v(x, ad->amount, prev, reason, first, line, "机关运行经费", rprefix);
}

/* A paragraph per 项 of a fund's spending: "名称（编码）X 万元". Used for
 * 政府性基金 and 国有资本经营 spending. */
void func_items_inline(ex *x, const char *filter) {
  const char **codes;
  size_t n = codes_of(x, filter, YS_CLS_FUNC, 7, &codes);
  size_t shown = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t v = qv(x, "%s;func=%s", filter, codes[i]);
    if (!v) continue;
    const char *nm = cat_name(x, YS_CLS_FUNC, codes[i]);
    P(x, "%s%s（%s）%s 万元", shown++ ? "；" : "", nm ? nm : "", codes[i],
      W(x, v));
  }
}

/* Glossary: pre terms, one entry per function 项 with a purpose, post
 * terms. numbering: 0 "1.", 1 "（一）", 2 "1、". */
void glossary(ex *x, int numbering, bool with_codes, bool short_class) {
  int k = 0;
  for (int pass = 0; pass < 3; pass++) {
    if (pass == 1) {
      if (!with_codes) continue;
      const char **codes;
      size_t n = codes_of(x, "exp", YS_CLS_FUNC, 7, &codes);
      for (size_t i = 0; i < n; i++) {
        const char *pu = purpose_of(x, codes[i]);
        if (!pu || !qv(x, "exp;func=%s", codes[i])) continue;
        k++;
        const char *num = numbering == 1 ? aprintf(x, "（%s）", cn_num(x, k))
                          : numbering == 2 ? aprintf(x, "%d、", k)
                                           : aprintf(x, "%d.", k);
        P(x, "%s%s：反映%s。", num, func_path(x, codes[i], short_class), pu);
        endp(x);
      }
      continue;
    }
    for (size_t i = 0; i < x->nterms; i++) {
      const term *t = &x->terms[i];
      if (!(t->fams & (1u << x->fam)) || t->post != (pass == 2)) continue;
      k++;
      const char *num = numbering == 1   ? aprintf(x, "（%s）", cn_num(x, k))
                        : numbering == 2 ? aprintf(x, "%d、", k)
                                         : aprintf(x, "%d.", k);
      P(x, "%s%s：%s", num, t->term, t->text);
      endp(x);
    }
  }
}

/* The current year's 一般公共预算 spending by 类 with its shares ("lead"
 * first): "教育支出（205）120.00 万元，占 60.00%；…。". False when there is
 * none to print. */
bool gpb_by_class(ex *x, const char *lead) {
  const char **gc;
  size_t n = codes_of(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 3, &gc);
  int64_t *parts = ys_arena_alloc(x->a, sizeof *parts * (n ? n : 1));
  int32_t *bp = ys_arena_alloc(x->a, sizeof *bp * (n ? n : 1));
  const char **codes = ys_arena_alloc(x->a, sizeof *codes * (n ? n : 1));
  size_t m = 0;
  if (!parts || !bp || !codes) {
    ex_oom(x);
    n = 0;
  }
  for (size_t i = 0; i < n; i++) {
    int64_t v = qv(x, "exp;fund=gpb;period=cur;func=%s", gc[i]);
    if (!v) continue;
    parts[m] = v;
    codes[m++] = gc[i];
  }
  if (!m || shares_printed(parts, m, bp) != 0) return false;
  P(x, "%s", lead);
  for (size_t i = 0; i < m; i++) {
    const char *nm = cat_name(x, YS_CLS_FUNC, codes[i]);
    P(x, "%s%s（%s）%s 万元，占 %s", i ? "；" : "", nm ? nm : "", codes[i],
      W(x, parts[i]), ex_pct(x, bp[i]));
  }
  P(x, "。");
  return true;
}
