/*
 * explain_sichuan.c - the Sichuan narrative (情况说明, seed 001) and the
 * national default (mof, which 上海 uses too): one plan, two sets of
 * headings, then the sections 一 to 八 (totals, fiscal appropriations, the
 * 一般公共预算当年拨款, basic spending, 三公, the other funds, other matters)
 * and the 名词解释.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain_impl.h"

/* ---------------------------------------------------------------------- */
/* Sichuan (seed 001) and the national default                             */

/* Σ of the carry_next.* facts (结转下年): a department-wide key wins over
 * its KEY@UNIT parts. */
static int64_t carry_next(ex *x) {
  int64_t sum = 0;
  for (size_t i = 0; i < x->ds->n_facts; i++) {
    const ys_fact *f = &x->ds->facts[i];
    if (!ex_starts(f->key, "carry_next.")) continue;
    const char *at = strchr(f->key, '@');
    if (at) {
      char plain[256];
      snprintf(plain, sizeof plain, "%.*s", (int)(at - f->key), f->key);
      if (ys_dataset_fact(x->ds, plain)) continue;
    }
    int64_t fen;
    if (ys_dataset_fact_amount(x->ds, f->key, &fen) == 0) sum += fen;
  }
  return sum;
}

enum {
  SH_TITLE, /* level 1 */
  SH_1,
  SH_1A,
  SH_1B,
  SH_2,
  SH_3,
  SH_3A,
  SH_3B,
  SH_3C,
  SH_4,
  SH_5,
  SH_6,
  SH_7,
  SH_8,
  SH_8A,
  SH_8B,
  SH_8C,
  SH_8D,
  SH_GLOSS,
  SH_COUNT
};

/* The headings of one narrative, by the slots above. */
typedef struct heads {
  const char *h[SH_COUNT];
} heads;

/* What the sections of the Sichuan (and national) narrative share. */
typedef struct sichuan {
  heads h;
  const char *d; /* the department's name as the narrative says it */
  int y;
  bool sc; /* Sichuan's own headings */
  int64_t rev_all, exp_all, gcur;
  const char **cls; /* the 类 of the department's spending */
  size_t ncls;
} sichuan;

/* The section 一、收支预算. */
static void sichuan_totals(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  int64_t rev_all = sp->rev_all;
  int64_t exp_all = sp->exp_all;
  const char **cls = sp->cls;
  size_t ncls = sp->ncls;
  H(x, 2, "%s", h.h[SH_1]);
  P(x, "按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。收入包括：", d);
  int shown = 0;
  for (int f = YS_FUND_GPB; f < YS_FUND_COUNT; f++)
    if (qv(x, "rev;period=cur;fund=%s", ys_fund_id((ys_fund)f)))
      P(x, "%s%s", shown++ ? "、" : "", rev_label[f]);
  int64_t carry = qv(x, "rev;period=carry");
  if (carry) P(x, "%s上年结转", shown++ ? "、" : "");
  P(x, "。支出包括：");
  shown = 0;
  for (size_t i = 0; i < ncls; i++) {
    if (!qv(x, "exp;func=%s", cls[i])) continue;
    const char *nm = cat_name(x, YS_CLS_FUNC, cls[i]);
    P(x, "%s%s", shown++ ? "、" : "", nm ? nm : cls[i]);
  }
  P(x, "。%s %d 年收支预算总数 %s 万元", d, y, W(x, rev_all));
  ex_chg(x, rev_all, "prev.total", "收支预算总数", "主要原因是", true);
  P(x, "。");

  H(x, 3, "%s", h.h[SH_1A]);
  {
    int64_t parts[YS_FUND_COUNT + 1];
    const char *labels[YS_FUND_COUNT + 1];
    size_t n = 0;
    if (carry) {
      parts[n] = carry;
      labels[n++] = "上年结转";
    }
    for (int f = YS_FUND_GPB; f < YS_FUND_COUNT; f++) {
      int64_t v = qv(x, "rev;period=cur;fund=%s", ys_fund_id((ys_fund)f));
      if (!v) continue;
      parts[n] = v;
      labels[n++] = rev_label[f];
    }
    int32_t bp[YS_FUND_COUNT + 1];
    P(x, "%s %d 年收入预算 %s 万元", d, y, W(x, rev_all));
    if (n && shares_printed(parts, n, bp) == 0) {
      P(x, "，其中：");
      for (size_t i = 0; i < n; i++)
        P(x, "%s%s %s 万元，占 %s", i ? "；" : "", labels[i], W(x, parts[i]),
          ex_pct(x, bp[i]));
    }
    P(x, "。");
  }
  H(x, 3, "%s", h.h[SH_1B]);
  {
    static const char *const kl[] = {"",
                                     "基本支出",
                                     "项目支出",
                                     "上缴上级支出",
                                     "事业单位经营支出",
                                     "对附属单位补助支出"};
    static const char *const kid[] = {"",      "basic",     "project",
                                      "upper", "operation", "subsidy"};
    int64_t parts[7];
    const char *labels[7];
    size_t n = 0;
    for (int k = 1; k <= 5; k++) {
      int64_t v = qv(x, "exp;kind=%s", kid[k]);
      if (!v && k > 2) continue;
      parts[n] = v;
      labels[n++] = kl[k];
    }
    int64_t cn = carry_next(x);
    if (cn > 0) {
      parts[n] = cn;
      labels[n++] = "结转下年";
    }
    int32_t bp[7];
    P(x, "%s %d 年支出预算 %s 万元", d, y, W(x, exp_all + (cn > 0 ? cn : 0)));
    if (shares_printed(parts, n, bp) == 0) {
      P(x, "，其中：");
      for (size_t i = 0; i < n; i++)
        P(x, "%s%s %s 万元，占 %s", i ? "；" : "", labels[i], W(x, parts[i]),
          ex_pct(x, bp[i]));
    }
    P(x, "。");
  }
}

/* The section 二、财政拨款收支预算. */
static void sichuan_fiscal(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  int64_t rev_all = sp->rev_all;
  const char **cls = sp->cls;
  size_t ncls = sp->ncls;
  H(x, 2, "%s", h.h[SH_2]);
  int64_t fiscal = qv(x, "rev;fund=fiscal");
  P(x, "%s %d 年财政拨款收支预算总数 %s 万元", d, y, W(x, fiscal));
  if (fiscal == rev_all)
    ex_chg(x, fiscal, "prev.total", "财政拨款收支预算总数", "主要原因是", true);
  P(x, "。收入包括：");
  int shown = 0;
  for (int f = YS_FUND_GPB; f <= YS_FUND_SOC; f++) {
    const char *id = ys_fund_id((ys_fund)f);
    int64_t c = qv(x, "rev;period=cur;fund=%s", id);
    int64_t k = qv(x, "rev;period=carry;fund=%s", id);
    if (c || f == YS_FUND_GPB)
      P(x, "%s本年%s %s 万元", shown++ ? "、" : "", rev_label[f], W(x, c));
    if (k) P(x, "、上年结转%s %s 万元", rev_label[f], W(x, k));
  }
  P(x, "。支出包括：");
  shown = 0;
  for (size_t i = 0; i < ncls; i++) {
    int64_t v = qv(x, "exp;fund=fiscal;func=%s", cls[i]);
    if (!v) continue;
    const char *nm = cat_name(x, YS_CLS_FUNC, cls[i]);
    P(x, "%s%s（%s）%s 万元", shown++ ? "、" : "", nm ? nm : "", cls[i],
      W(x, v));
  }
  if (!shown) P(x, "无");
  P(x, "。");
}

/* The section 三、一般公共预算当年拨款. */
static void sichuan_gpb(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  int64_t gcur = sp->gcur;
  H(x, 2, "%s", h.h[SH_3]);
  H(x, 3, "%s", h.h[SH_3A]);
  P(x, "%s %d 年一般公共预算当年拨款 %s 万元", d, y, W(x, gcur));
  ex_chg(x, gcur, "prev.gpb", "一般公共预算当年拨款", "主要原因是", true);
  P(x, "。");
  H(x, 3, "%s", h.h[SH_3B]);
  if (!gpb_by_class(x, "")) P(x, "%s %d 年没有一般公共预算当年拨款。", d, y);
  H(x, 3, "%s", h.h[SH_3C]);
  {
    const char **gc;
    size_t n = codes_of(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 7, &gc);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
      int64_t v = qv(x, "exp;fund=gpb;period=cur;func=%s", gc[i]);
      if (!v) continue;
      const char *pu = purpose_of(x, gc[i]);
      P(x, "%d. %s（%s）%d 年预算数为 %s 万元", ++k, func_path(x, gc[i], true),
        gc[i], y, W(x, v));
      if (pu) P(x, "，主要用于：%s", pu);
      P(x, "。");
      endp(x);
    }
  }
}

/* The section 四、一般公共预算基本支出. */
static void sichuan_basic(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  H(x, 2, "%s", h.h[SH_4]);
  {
    int64_t b = qv(x, "exp;fund=gpb;kind=basic");
    int64_t pe = qv(x, "exp;fund=gpb;kind=basic;nature=personnel");
    int64_t pu = qv(x, "exp;fund=gpb;kind=basic;nature=public");
    const char *pen = econ_names(x, "exp;fund=gpb;kind=basic;nature=personnel");
    const char *pun = econ_names(x, "exp;fund=gpb;kind=basic;nature=public");
    P(x, "%s %d 年一般公共预算基本支出 %s 万元，其中：人员经费 %s 万元", d, y,
      W(x, b), W(x, pe));
    if (pen && *pen) P(x, "，主要包括：%s等支出", pen);
    P(x, "。");
    endp(x);
    P(x, "公用经费 %s 万元", W(x, pu));
    if (pun && *pun) P(x, "，主要包括：%s等支出", pun);
    P(x, "。");
  }
}

/* The section 五、“三公”经费. */
static void sichuan_sangong(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  H(x, 2, "%s", h.h[SH_5]);
  {
    const sangong s = sangong_of(x, "fund=fiscal");
    P(x,
      "%s %d 年“三公”经费财政拨款预算数 %s 万元，其中：因公出国（境）费 %s "
      "万元，公务接待费 %s 万元，公务用车购置及运行维护费 %s 万元。",
      d, y, W(x, s.total), W(x, s.abroad), W(x, s.reception),
      W(x, s.vop + s.vbuy));
    int64_t prev;
    if (sangong_prev(x, &prev)) {
      P(x, "“三公”经费预算数");
      x->chg_lead = "";
      sangong_total_chg(x, s.total);
      P(x, "。");
    }
    int k = 0;
    fval pa = fact_get(x, "prev.sangong.abroad");
    if (s.abroad || (pa.found && pa.fen)) {
      H(x, 3, "（%s）因公出国（境）费", cn_num(x, ++k));
      P(x, "%d 年因公出国（境）费预算 %s 万元", y, W(x, s.abroad));
      ex_chg(x, s.abroad, "prev.sangong.abroad", "因公出国（境）费",
             "主要原因是", true);
      P(x, "。");
    }
    H(x, 3, "（%s）公务接待费", cn_num(x, ++k));
    P(x, "%d 年公务接待费预算 %s 万元", y, W(x, s.reception));
    ex_chg(x, s.reception, "prev.sangong.reception", "公务接待费", "主要原因是",
           true);
    P(x, "。");
    H(x, 3, "（%s）公务用车购置及运行维护费", cn_num(x, ++k));
    P(x,
      "%d 年公务用车购置及运行维护费预算 %s 万元，其中：公务用车购置费 %s 万元",
      y, W(x, s.vop + s.vbuy), W(x, s.vbuy));
    ex_chg(x, s.vbuy, "prev.sangong.vehicle_purchase", "公务用车购置费",
           "主要原因是", true);
    P(x, "；公务用车运行维护费 %s 万元", W(x, s.vop));
    ex_chg(x, s.vop, "prev.sangong.vehicle_operation", "公务用车运行维护费",
           "主要原因是", true);
    P(x, "。");
    const char *veh = fact_count(x, "assets.vehicles");
    if (veh) P(x, "截至 %d 年底，%s共有公务用车 %s 辆。", y - 1, d, veh);
    if (meeting_relevant(x, &s)) {
      H(x, 3, "（%s）会议费和培训费", cn_num(x, ++k));
      P(x, "%d 年会议费预算 %s 万元", y, W(x, s.meeting));
      ex_chg(x, s.meeting, "prev.meeting", "会议费", "主要原因是", true);
      P(x, "；培训费预算 %s 万元", W(x, s.training));
      ex_chg(x, s.training, "prev.training", "培训费", "主要原因是", true);
      P(x, "。");
    }
  }
}

/* The section 六、政府性基金 and 七、国有资本经营预算. */
static void sichuan_funds(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  H(x, 2, "%s", h.h[SH_6]);
  int64_t gf = qv(x, "exp;fund=govfund");
  if (!gf)
    P(x, "%s %d 年没有使用政府性基金预算拨款安排的支出。", d, y);
  else {
    P(x, "%s %d 年政府性基金预算拨款安排的支出 %s 万元，其中：", d, y,
      W(x, gf));
    func_items_inline(x, "exp;fund=govfund");
    P(x, "。");
  }
  H(x, 2, "%s", h.h[SH_7]);
  int64_t so = qv(x, "exp;fund=soc");
  if (!so)
    P(x, "%s %d 年没有使用国有资本经营预算拨款安排的支出。", d, y);
  else {
    P(x, "%s %d 年国有资本经营预算拨款安排的支出 %s 万元，其中：", d, y,
      W(x, so));
    func_items_inline(x, "exp;fund=soc");
    P(x, "。");
  }
}

/* The section 八、其他重要事项, and the 名词解释. */
static void sichuan_other(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  bool sc = sp->sc;
  H(x, 2, "%s", h.h[SH_8]);
  H(x, 3, "%s", h.h[SH_8A]);
  {
    admin ad = admin_of(x);
    if (!ad.n) {
      P(x, "%s所属单位均为事业单位，没有机关运行经费。", d);
    } else {
      P(x, "%d 年，%s下属%s %zu 家行政单位的机关运行经费财政拨款预算为 %s 万元",
        y, d, ad.names, ad.n, W(x, ad.amount));
      admin_chg(x, &ad, "主要原因是");
      P(x, "。");
    }
  }
  H(x, 3, "%s", h.h[SH_8B]);
  procurement_para(x, aprintf(x, "%d 年，%s", y, d));
  H(x, 3, "%s", h.h[SH_8C]);
  assets_para(x, aprintf(x, "截至 %d 年底，%s", y - 1, d),
              aprintf(x, "%d 年部门预算", y));
  H(x, 3, "%s", h.h[SH_8D]);
  {
    projstat ps = project_stats(x, true);
    P(x, "%d 年%s开展绩效目标管理的项目 %zu 个，涉及预算 %s 万元", y, d,
      ps.with_targets, W(x, ps.amount_targets));
    /* by category, in order of first appearance */
    const char *seen[64];
    size_t nseen = 0;
    for (size_t i = 0; i < x->ds->n_projects && nseen < 64; i++) {
      const ys_project *p = &x->ds->projects[i];
      if (!p->category[0] || !project_has_targets(x, p->code)) continue;
      bool dup = false;
      for (size_t j = 0; j < nseen && !dup; j++)
        dup = !strcmp(seen[j], p->category);
      if (!dup) seen[nseen++] = p->category;
    }
    for (size_t j = 0; j < nseen; j++) {
      size_t cnt = 0;
      int64_t amt = 0;
      for (size_t i = 0; i < x->ds->n_projects; i++) {
        const ys_project *p = &x->ds->projects[i];
        if (strcmp(p->category, seen[j]) || !project_has_targets(x, p->code))
          continue;
        int64_t v = qv(x, "exp;project=%s", p->code);
        if (!v) continue;
        cnt++;
        amt += v;
      }
      if (!cnt) continue;
      P(x, "%s%s项目 %zu 个，涉及预算 %s 万元", j ? "；" : "。其中：", seen[j],
        cnt, W(x, amt));
    }
    P(x, "。");
  }

  H(x, sc ? 1 : 2, "%s", h.h[SH_GLOSS]);
  glossary(x, 1, true, true);
}

/* The narrative of Sichuan and of the national profile: its headings, then
 * its sections in order. */
void plan_sichuan(ex *x) {
  sichuan p;
  memset(&p, 0, sizeof p);
  bool sc = p.sc = x->fam == FAM_SICHUAN;
  p.d = x->subj;
  int y = p.y = x->year;
  /* the headings: Sichuan's own, else the national ones; then those both
   * print alike */
  static const char *const own[2][SH_COUNT] = {
      [0] = {[SH_1] = "一、收支预算总体情况",
             [SH_2] = "二、财政拨款收支预算总体情况",
             [SH_3] = "三、一般公共预算当年拨款支出情况",
             [SH_4] = "四、一般公共预算基本支出情况",
             [SH_5] = "五、一般公共预算“三公”经费预算情况",
             [SH_6] = "六、政府性基金预算支出情况",
             [SH_7] = "七、国有资本经营预算支出情况",
             [SH_8A] = "（一）机关运行经费",
             [SH_8D] = "（四）预算绩效管理情况",
             [SH_GLOSS] = "九、名词解释"},
      [1] = {[SH_1] = "一、收支预算情况说明",
             [SH_2] = "二、财政拨款收支预算情况说明",
             [SH_3] = "三、一般公共预算当年拨款情况说明",
             [SH_4] = "四、一般公共预算基本支出情况说明",
             [SH_5] = "五、“三公”经费财政拨款预算安排情况说明",
             [SH_6] = "六、政府性基金预算支出情况说明",
             [SH_7] = "七、国有资本经营预算支出情况",
             [SH_8A] = "（一）机关运行经费情况",
             [SH_8D] = "（四）预算绩效情况",
             [SH_GLOSS] = "第四部分 名词解释"}};
  static const char *const both[SH_COUNT] = {
      [SH_1A] = "（一）收入预算情况",
      [SH_1B] = "（二）支出预算情况",
      [SH_3A] = "（一）一般公共预算当年拨款规模变化情况",
      [SH_3B] = "（二）一般公共预算当年拨款结构情况",
      [SH_3C] = "（三）一般公共预算当年拨款具体使用情况",
      [SH_8] = "八、其他重要事项的情况说明",
      [SH_8B] = "（二）政府采购情况",
      [SH_8C] = "（三）国有资产占有使用情况"};
  for (int k = 0; k < SH_COUNT; k++)
    p.h.h[k] = own[sc][k] ? own[sc][k] : both[k];
  p.h.h[SH_TITLE] =
      sc ? aprintf(x, "第三部分 %s %d 年部门预算情况说明", x->ds->dept_name, y)
         : aprintf(x, "%s %d 年部门预算情况说明", x->ds->dept_name, y);

  p.rev_all = qv(x, "rev");
  p.exp_all = qv(x, "exp");
  p.gcur = qv(x, "exp;fund=gpb;period=cur");
  p.ncls = codes_of(x, "exp", YS_CLS_FUNC, 3, &p.cls);

  H(x, 1, "%s", p.h.h[SH_TITLE]);
  sichuan_totals(x, &p);
  sichuan_fiscal(x, &p);
  sichuan_gpb(x, &p);
  sichuan_basic(x, &p);
  sichuan_sangong(x, &p);
  sichuan_funds(x, &p);
  sichuan_other(x, &p);
}
