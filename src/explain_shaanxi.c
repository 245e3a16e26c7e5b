/*
 * explain_shaanxi.c - the Shaanxi narrative (情况说明, seeds 000 and 002):
 * 第二部分 收支情况 (totals, fiscal appropriations, the 一般公共预算 by
 * function and economic class, 政府性基金 and 国有资本经营) and 第三部分
 * 其他情况 (三公, 会议费 and 培训费, assets, procurement, performance
 * targets, 公用经费, the glossary), each change with its reason from facts.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain_impl.h"

/* ---------------------------------------------------------------------- */
/* Shaanxi (seeds 000, 002)                                                */

static bool has_carry(ex *x, const char *fund) {
  return qv(x, "exp;period=carry;fund=%s", fund) != 0;
}

/* A "、"-joined list of "label X 万元" of the funds (fund ids) with a
 * nonzero value; gpb is always listed, last when others are listed. */
static void fund_list(ex *x, const char *src, const char *period,
                      bool fiscal_only, bool gpb_last,
                      const char *const *labels) {
  int shown = 0;
  int64_t g = qv(x, "%s;period=%s;fund=gpb", src, period);
  if (!gpb_last) {
    P(x, "%s %s 万元", labels[YS_FUND_GPB], W(x, g));
    shown++;
  }
  for (int f = YS_FUND_GOVFUND; f < YS_FUND_COUNT; f++) {
    if (fiscal_only && f > YS_FUND_SOC) break;
    if (!labels[f] || !labels[f][0]) continue;
    int64_t v =
        qv(x, "%s;period=%s;fund=%s", src, period, ys_fund_id((ys_fund)f));
    if (!v) continue;
    P(x, "%s%s %s 万元", shown++ ? "、" : "", labels[f], W(x, v));
  }
  if (gpb_last)
    P(x, "%s%s %s 万元", shown ? "、" : "", labels[YS_FUND_GPB], W(x, g));
}

static bool dept_has_targets(ex *x) {
  for (size_t i = 0; i < x->ds->n_targets; i++)
    if (!x->ds->targets[i].project[0]) return true;
  return false;
}

/* "（n）名称（编码）X 万元，较上年…，原因是…" for each code of a class. */
static void shaanxi_class_items(ex *x, const char *filter, ys_cls cls,
                                size_t len, const char *prev_prefix,
                                bool numbered, bool purposes) {
  const char **codes;
  size_t n = codes_of(x, filter, cls, len, &codes);
  int64_t *vals = ys_arena_alloc(x->a, sizeof *vals * (n ? n : 1));
  if (!vals) {
    ex_oom(x);
    return;
  }
  size_t shown = 0, last = 0;
  for (size_t i = 0; i < n; i++) {
    const char *dim = cls == YS_CLS_FUNC        ? "func"
                      : cls == YS_CLS_ECON_DEPT ? "econ"
                                                : "gecon";
    vals[i] = qv(x, "%s;%s=%s", filter, dim, codes[i]);
    if (vals[i]) last = i;
  }
  for (size_t i = 0; i < n; i++) {
    if (!vals[i]) continue;
    const char *nm = cat_name(x, cls, codes[i]);
    if (!nm) nm = "";
    if (numbered) P(x, "（%zu）", shown + 1);
    P(x, "%s（%s）%s 万元", nm, codes[i], W(x, vals[i]));
    ex_chg(x, vals[i], aprintf(x, "%s%s", prev_prefix, codes[i]),
           aprintf(x, "%s（%s）", nm, codes[i]), "原因是", true);
    const char *pu = purposes ? purpose_of(x, codes[i]) : NULL;
    if (pu)
      P(x, "。主要用于%s。", pu);
    else
      P(x, "%s", i == last ? "。" : "；");
    endp(x);
    shown++;
  }
}

/* What the sections of the Shaanxi narrative share. */
typedef struct shaanxi {
  sangong s;           /* the 三公 of the 一般公共预算 */
  const char *u;       /* the subject: 本单位 */
  const char *gpb_exp; /* the name of the 一般公共预算 spending */
  int64_t gcur;        /* this year's 一般公共预算 spending */
} shaanxi;

/* The sections （一）收支预算总体情况 and （二）财政拨款收支情况, under
 * 第二部分 收支情况 and 四、收支说明. */
static void shaanxi_totals(ex *x, const shaanxi *sp) {
  const char *u = sp->u;
  const char *gpb_exp = sp->gpb_exp;
  int64_t gcur = sp->gcur;
  H(x, 1, "第二部分 收支情况");
  H(x, 2, "四、收支说明");
  H(x, 3, "（一）收支预算总体情况");
  P(x, "按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。", u);
  P(x, "%s当年预算收入 %s 万元，其中", u, W(x, qv(x, "rev;period=cur")));
  fund_list(x, "rev", "cur", false, false, rev_label);
  int64_t carry = qv(x, "rev;period=carry");
  if (carry) P(x, "；另有上年结转 %s 万元", W(x, carry));
  P(x, "。%s当年预算支出 %s 万元", u, W(x, qv(x, "exp;period=cur")));
  P(x, "，其中%s %s 万元", gpb_exp, W(x, gcur));
  ex_chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  P(x, "。");

  H(x, 3, "（二）财政拨款收支情况");
  P(x, "%s当年财政拨款收入 %s 万元，其中", u,
    W(x, qv(x, "rev;period=cur;fund=fiscal")));
  fund_list(x, "rev", "cur", true, true, rev_label);
  ex_chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  int64_t fcarry = qv(x, "rev;period=carry;fund=fiscal");
  if (fcarry) P(x, "，另有上年结转财政拨款 %s 万元", W(x, fcarry));
  P(x, "；%s当年财政拨款支出 %s 万元，其中", u,
    W(x, qv(x, "exp;period=cur;fund=fiscal")));
  fund_list(x, "exp", "cur", true, true, exp_label);
  ex_chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  P(x, "。");
}

/* The section （三）一般公共预算拨款支出明细情况. */
static void shaanxi_gpb(ex *x, const shaanxi *sp) {
  const char *u = sp->u;
  const char *gpb_exp = sp->gpb_exp;
  int64_t gcur = sp->gcur;
  H(x, 3, "（三）一般公共预算拨款支出明细情况");
  H(x, 4, "1、一般公共预算当年拨款规模变化情况");
  P(x, "%s当年%s %s 万元", u, gpb_exp, W(x, gcur));
  ex_chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  P(x, "。");
  H(x, 4, "2、支出按功能科目分类的明细情况");
  P(x, "%s当年一般公共预算支出 %s 万元，其中：", u, W(x, gcur));
  endp(x);
  shaanxi_class_items(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 7,
                      "prev.func.", true, true);
  H(x, 4, "3、支出按经济科目分类的明细情况");
  H(x, 5, "（1）按照部门预算支出经济分类的类级科目说明");
  P(x, "本部门当年一般公共预算支出 %s 万元，其中：", W(x, gcur));
  endp(x);
  shaanxi_class_items(x, "exp;fund=gpb;period=cur", YS_CLS_ECON_DEPT, 3,
                      "prev.econ.", false, false);
  H(x, 5, "（2）按照政府预算支出经济分类的类级科目说明");
  P(x, "本部门当年一般公共预算支出 %s 万元，其中：", W(x, gcur));
  endp(x);
  shaanxi_class_items(x, "exp;fund=gpb;period=cur", YS_CLS_ECON_GOV, 3,
                      "prev.econ.", false, false);
}

/* The sections （四）政府性基金 and （五）国有资本经营预算. */
static void shaanxi_funds(ex *x, const shaanxi *sp) {
  static const struct {
    const char *heading, *none, *spent, *q;
  } fs[2] = {
      {"（四）政府性基金预算支出情况",
       "%s无当年政府性基金预算收支，并已公开空表。",
       "%s当年政府性基金预算拨款支出 %s 万元，其中：", "exp;fund=govfund"},
      {"（五）国有资本经营预算拨款收支情况",
       "%s无当年国有资本经营预算拨款收支，并已公开空表。",
       "%s当年国有资本经营预算拨款支出 %s 万元，其中：", "exp;fund=soc"},
  };
  for (int k = 0; k < 2; k++) {
    H(x, 3, "%s", fs[k].heading);
    int64_t v = qv(x, "%s", fs[k].q);
    if (!v) {
      P(x, fs[k].none, sp->u);
      continue;
    }
    P(x, fs[k].spent, sp->u, W(x, v));
    func_items_inline(x, fs[k].q);
    P(x, "。");
  }
}

/* The section 五、“三公”经费及会议费、培训费, under 第三部分 其他情况. */
static void shaanxi_sangong(ex *x, const shaanxi *sp) {
  const sangong s = sp->s;
  const char *u = sp->u;
  H(x, 1, "第三部分 其他情况");
  H(x, 2, "五、“三公”经费及会议费、培训费情况说明");
  P(x, "%s当年一般公共预算“三公”经费预算支出 %s 万元", u, W(x, s.total));
  sangong_total_chg(x, s.total);
  P(x, "，其中：");
  endp(x);
  P(x, "因公出国（境）经费 %s 万元", W(x, s.abroad));
  ex_chg(x, s.abroad, "prev.sangong.abroad", "因公出国（境）经费", "主要原因是",
         true);
  P(x, "；");
  endp(x);
  P(x, "公务接待费 %s 万元", W(x, s.reception));
  ex_chg(x, s.reception, "prev.sangong.reception", "公务接待费", "主要原因是",
         true);
  P(x, "；");
  endp(x);
  P(x, "公务用车运行维护费 %s 万元", W(x, s.vop));
  ex_chg(x, s.vop, "prev.sangong.vehicle_operation", "公务用车运行维护费",
         "主要原因是", true);
  P(x, "；");
  endp(x);
  P(x, "公务用车购置费 %s 万元", W(x, s.vbuy));
  ex_chg(x, s.vbuy, "prev.sangong.vehicle_purchase", "公务用车购置费",
         "主要原因是", true);
  P(x, "。");
  endp(x);
  P(x, "%s当年一般公共预算会议费预算支出 %s 万元", u, W(x, s.meeting));
  ex_chg(x, s.meeting, "prev.meeting", "会议费", "主要原因是", true);
  P(x, "。");
  endp(x);
  P(x, "%s当年一般公共预算培训费预算支出 %s 万元", u, W(x, s.training));
  ex_chg(x, s.training, "prev.training", "培训费", "主要原因是", true);
  P(x, "。");
}

/* The sections 六、国有资产 and 七、政府采购. */
static void shaanxi_assets(ex *x, const shaanxi *sp) {
  const char *u = sp->u;
  H(x, 2, "六、国有资产占有使用及资产购置情况说明");
  assets_para(x, aprintf(x, "截至上年底，%s", u), "当年部门预算");

  H(x, 2, "七、政府采购情况说明");
  if (!x->ds->n_procurements)
    P(x, "%s当年无政府采购预算，并已公开空表。", u);
  else
    procurement_para(x, aprintf(x, "%s当年", u));
}

/* The section 八、绩效目标. */
static void shaanxi_targets(ex *x, const shaanxi *sp) {
  const char *u = sp->u;
  int64_t gcur = sp->gcur;
  H(x, 2, "八、绩效目标情况说明");
  projstat ps = project_stats(x, true);
  if (ps.with_targets == ps.n && dept_has_targets(x))
    P(x, "%s绩效目标管理全覆盖，涉及当年一般公共预算当年拨款 %s 万元", u,
      W(x, gcur));
  else
    P(x,
      "%s设定绩效目标的项目 %zu 个（共 %zu 个项目），涉及当年一般公共预算当年"
      "拨款 %s 万元",
      u, ps.with_targets, ps.n, W(x, gcur));
  int64_t gfc = qv(x, "exp;fund=govfund;period=cur");
  int64_t scc = qv(x, "exp;fund=soc;period=cur");
  if (gfc) P(x, "，当年政府性基金预算当年拨款 %s 万元", W(x, gfc));
  if (scc) P(x, "，当年国有资本经营预算拨款 %s 万元", W(x, scc));
  P(x, "（详见公开报表中的绩效目标表）。");
}

/* The sections 九、公用经费 and 十、专业名词解释. */
static void shaanxi_public(ex *x, const shaanxi *sp) {
  const char *u = sp->u;
  H(x, 2, "九、公用经费情况说明");
  admin ad = admin_of(x);
  int64_t pub = qv(x, "exp;kind=basic;nature=public;period=cur");
  P(x, "%s当年%s预算安排 %s 万元", u,
    ad.n && ad.n == ad.n_all ? "公用经费（机关运行经费）" : "公用经费",
    W(x, pub));
  ex_chg(x, pub, "prev.public", "公用经费", "原因是", true);
  P(x, "。");
  if (ad.n && ad.n < ad.n_all)
    P(x, "其中，行政单位机关运行经费 %s 万元。", W(x, ad.amount));

  H(x, 2, "十、专业名词解释");
  glossary(x, 0, true, false);
}

/* The Shaanxi narrative: the figures its sections share, then the
 * sections in order. */
void plan_shaanxi(ex *x) {
  shaanxi p;
  p.s = sangong_of(x, "fund=gpb");
  p.u = x->subj;
  bool gcarry = has_carry(x, "gpb");
  p.gpb_exp = gcarry ? "一般公共预算当年拨款支出" : "一般公共预算拨款支出";
  p.gcur = qv(x, "exp;fund=gpb;period=cur");

  shaanxi_totals(x, &p);
  shaanxi_gpb(x, &p);
  shaanxi_funds(x, &p);
  shaanxi_sangong(x, &p);
  shaanxi_assets(x, &p);
  shaanxi_targets(x, &p);
  shaanxi_public(x, &p);
}
