/*
 * explain_final.c - the narrative (情况说明) of a 决算 (final accounts), in
 * the national sections 一 to 十一: totals, revenue and spending with their
 * shares, fiscal appropriations, the 一般公共预算 against its budget (the
 * completion rate, and the reason of a large difference from facts), basic
 * spending, 三公, the other fiscal budgets, performance and other matters.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain_impl.h"
#include "yusuan/money.h"

/* ---------------------------------------------------------------------- */
/* 决算: the final accounts' narrative (情况说明), national sections     */

/* A difference between 决算 and its budget asks for a reason when the
 * displayed figures differ by more than this share of the budget (or when
 * money was spent without a budget): the reason comes from facts.csv
 * (reason.final, reason.final.CODE), is reported when missing and is never
 * written for the user. */
enum { FINAL_REASON_BP = 1000 };

/* x rounded as printed (万元, two decimals). */
static int64_t shown_w(int64_t fen) {
  return ys_money_round(fen, YS_UNIT_WANYUAN, 2);
}

/* Parts of a whole with their shares as printed: "lead A 万元，占 a%；…". */
static void parts_para(ex *x, const char *lead, const char *const *labels,
                       const int64_t *v, size_t n) {
  int64_t *keep = ys_arena_alloc(x->a, sizeof *keep * (n ? n : 1));
  int32_t *bp = ys_arena_alloc(x->a, sizeof *bp * (n ? n : 1));
  size_t *at = ys_arena_alloc(x->a, sizeof *at * (n ? n : 1));
  if (!keep || !bp || !at) {
    ex_oom(x);
    return;
  }
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (v[i]) {
      keep[m] = v[i];
      at[m++] = i;
    }
  if (!m || shares_printed(keep, m, bp) != 0) return;
  P(x, "%s", lead);
  for (size_t i = 0; i < m; i++)
    P(x, "%s%s %s 万元，占 %s", i ? "；" : "", labels[at[i]], W(x, keep[i]),
      ex_pct(x, bp[i]));
}

/* "本年收入合计 X 万元，其中：A 万元，占 a%；…。" as a paragraph. */
static void breakdown(ex *x, const char *what, int64_t total,
                      const char *const *labels, const int64_t *v, size_t n) {
  P(x, "%s %s 万元", what, W(x, total));
  parts_para(x, "，其中：", labels, v, n);
  P(x, "。");
  endp(x);
}

/* "决算数大于/小于<base>的主要原因：…" or "决算数与<base>持平", the reason
 * from the fact key; a difference above FINAL_REASON_BP without one is
 * reported and written without a reason. */
static void final_diff(ex *x, int64_t fin, int64_t bud, const char *base,
                       const char *key, const char *what) {
  int64_t f = shown_w(fin), b = shown_w(bud);
  if (f == b) {
    P(x, "决算数与%s持平。", base);
    return;
  }
  int line = 0;
  const char *r = clean_reason(x, fact_text(x, key, &line));
  int64_t d = f > b ? f - b : b - f;
  bool large = b <= 0 || d * 10000 > b * FINAL_REASON_BP;
  if (r)
    P(x, "决算数%s%s的主要原因：%s。", f > b ? "大于" : "小于", base, r);
  else if (large) {
    P(x, "决算数%s%s。", f > b ? "大于" : "小于", base);
    warn_key(x, key, line,
             "情况说明中%s决算数%s%s %s 万元，但没有写原因：请在 facts.csv "
             "的 %s 中写明原因（情况说明不会代为编写）",
             what, f > b ? "大于" : "小于", base, W(x, d), key);
  } else {
    P(x, "决算数%s%s。", f > b ? "大于" : "小于", base);
  }
}

/* "完成<base>的 r%" of the printed figures; false when the base is 0. */
static bool completion(ex *x, int64_t fin, int64_t bud, const char *base) {
  int64_t bp;
  if (ys_rate_bp(shown_w(fin), shown_w(bud), &bp) != 0) return false;
  P(x, "，完成%s的 %s", base, ex_pct(x, bp));
  return true;
}

static void final_gpb_items(ex *x, bool adjusted) {
  const char *bq = adjusted ? "phase=adjusted" : "phase=budget";
  const char *base = adjusted ? "全年预算数" : "年初预算数";
  const char **codes;
  size_t n = codes_of(x, "exp;fund=gpb", YS_CLS_FUNC, 0, &codes);
  /* the 项 budgeted but not spent are listed too */
  const char **bcodes;
  size_t nb =
      codes_of(x, aprintf(x, "exp;fund=gpb;%s", bq), YS_CLS_FUNC, 0, &bcodes);
  const char **all = ys_arena_alloc(x->a, sizeof *all * (n + nb + 1));
  if (!all) {
    ex_oom(x);
    return;
  }
  size_t m = 0, i = 0, j = 0;
  while (i < n || j < nb) {
    int c = i < n && j < nb ? strcmp(codes[i], bcodes[j]) : i < n ? -1 : 1;
    all[m++] = c <= 0 ? codes[i] : bcodes[j];
    if (c <= 0) i++;
    if (c >= 0) j++;
  }
  for (size_t k = 0, shown = 0; k < m; k++) {
    int64_t f = qv(x, "exp;fund=gpb;func=%s", all[k]);
    int64_t b = qv(x, "exp;fund=gpb;%s;func=%s", bq, all[k]);
    if (!f && !b) continue;
    P(x, "%zu、%s（%s）", ++shown, func_path(x, all[k], false), all[k]);
    const char *pu = purpose_of(x, all[k]);
    if (pu) P(x, "。主要用于：%s", pu);
    P(x, "。%s为 %s 万元，支出决算为 %s 万元",
      adjusted ? "全年预算" : "年初预算", W(x, b), W(x, f));
    completion(x, f, b, base);
    P(x, "。");
    final_diff(x, f, b, base, aprintf(x, "reason.final.%s", all[k]),
               func_path(x, all[k], false));
    endp(x);
  }
}

/* 一、收入支出决算总体情况 (returns 本年收入合计, which 二 breaks down) */
static int64_t final_totals(ex *x, int y) {
  static const char *const rev_funds =
      "gpb|govfund|soc|upper|special|business|operation|subord|other";
  int64_t rin = qv(x, "rev;period=cur;fund=%s", rev_funds);
  int64_t reserve = qv(x, "rev;fund=reserve");
  int64_t opening = qv(x, "rev;period=carry;fund=%s", rev_funds);
  int64_t total = rin + reserve + opening;
  H(x, 2, "一、收入支出决算总体情况说明");
  P(x, "%s %d 年度收入、支出总计 %s 万元", x->subj, y, W(x, total));
  ex_chg(x, total, "prev.total", "收入、支出总计", "主要原因是", true);
  P(x, "。");
  endp(x);
  return rin;
}

/* 二、收入决算 */
static void final_revenue(ex *x, int64_t rin) {
  H(x, 2, "二、收入决算情况说明");
  static const char *const rl[] = {"财政拨款收入",     "上级补助收入",
                                   "事业收入",         "经营收入",
                                   "附属单位上缴收入", "其他收入"};
  int64_t rv[6] = {qv(x, "rev;period=cur;fund=fiscal"),
                   qv(x, "rev;period=cur;fund=upper"),
                   qv(x, "rev;period=cur;fund=special|business"),
                   qv(x, "rev;period=cur;fund=operation"),
                   qv(x, "rev;period=cur;fund=subord"),
                   qv(x, "rev;period=cur;fund=other")};
  breakdown(x, "本年收入合计", rin, rl, rv, 6);
}

/* 三、支出决算 (returns 本年支出合计, the base of 五's share) */
static int64_t final_spending(ex *x) {
  H(x, 2, "三、支出决算情况说明");
  int64_t xall = qv(x, "exp");
  static const char *const kl[] = {"基本支出", "项目支出", "上缴上级支出",
                                   "经营支出", "对附属单位补助支出"};
  int64_t kv[5] = {qv(x, "exp;kind=basic"), qv(x, "exp;kind=project"),
                   qv(x, "exp;kind=upper"), qv(x, "exp;kind=operation"),
                   qv(x, "exp;kind=subsidy")};
  breakdown(x, "本年支出合计", xall, kl, kv, 5);
  return xall;
}

/* 四、财政拨款收入支出决算总体情况 */
static void final_fiscal(ex *x, int y) {
  H(x, 2, "四、财政拨款收入支出决算总体情况说明");
  int64_t ftotal = qv(x, "rev;fund=fiscal");
  P(x, "%s %d 年度财政拨款收入、支出总计 %s 万元", x->subj, y, W(x, ftotal));
  ex_chg(x, ftotal, "prev.fiscal", "财政拨款收入、支出总计", "主要原因是",
         true);
  P(x, "。");
  endp(x);
}

/* 五、一般公共预算财政拨款支出决算 */
static void final_gpb(ex *x, int y, int64_t xall) {
  H(x, 2, "五、一般公共预算财政拨款支出决算情况说明");
  int64_t g = qv(x, "exp;fund=gpb");
  if (!g && !qv(x, "exp;fund=gpb;phase=adjusted|budget")) {
    P(x, "%s %d 年度无一般公共预算财政拨款支出。", x->subj, y);
    endp(x);
  } else {
    H(x, 3, "（一）一般公共预算财政拨款支出决算总体情况");
    P(x, "一般公共预算财政拨款支出 %s 万元", W(x, g));
    int64_t bp;
    if (ys_rate_bp(shown_w(g), shown_w(xall), &bp) == 0)
      P(x, "，占本年支出合计的 %s", ex_pct(x, bp));
    ex_chg(x, g, "prev.gpb", "一般公共预算财政拨款支出", "主要原因是", true);
    P(x, "。");
    endp(x);
    H(x, 3, "（二）一般公共预算财政拨款支出决算结构情况");
    const char **gc;
    size_t n = codes_of(x, "exp;fund=gpb", YS_CLS_FUNC, 3, &gc);
    int64_t *parts = ys_arena_alloc(x->a, sizeof *parts * (n ? n : 1));
    const char **names = ys_arena_alloc(x->a, sizeof *names * (n ? n : 1));
    if (!parts || !names) {
      ex_oom(x);
      n = 0;
    }
    for (size_t i = 0; i < n; i++) {
      parts[i] = qv(x, "exp;fund=gpb;func=%s", gc[i]);
      const char *nm = cat_name(x, YS_CLS_FUNC, gc[i]);
      names[i] = aprintf(x, "%s（类）", nm ? nm : gc[i]);
    }
    P(x, "一般公共预算财政拨款支出 %s 万元，主要用于以下方面", W(x, g));
    parts_para(x, "：", names, parts, n);
    P(x, "。");
    endp(x);
    H(x, 3, "（三）一般公共预算财政拨款支出决算具体情况");
    int64_t b0 = qv(x, "exp;fund=gpb;phase=budget");
    int64_t b1 = qv(x, "exp;fund=gpb;phase=adjusted");
    bool adjusted = b1 != 0;
    P(x, "一般公共预算财政拨款支出年初预算为 %s 万元", W(x, b0));
    if (adjusted) P(x, "，全年预算为 %s 万元", W(x, b1));
    P(x, "，支出决算为 %s 万元", W(x, g));
    /* the rate's base is the one named: 年初预算 when there is one, else
     * the 全年预算 (a 年初预算 of 0 has no completion rate) */
    if (!completion(x, g, b0, "年初预算") && adjusted)
      completion(x, g, b1, "全年预算");
    P(x, "。");
    final_diff(x, g, adjusted ? b1 : b0, adjusted ? "全年预算数" : "年初预算数",
               "reason.final", "一般公共预算财政拨款支出");
    endp(x);
    final_gpb_items(x, adjusted);
  }
}

/* 六、基本支出 */
static void final_basic(ex *x) {
  H(x, 2, "六、一般公共预算财政拨款基本支出决算情况说明");
  int64_t basic = qv(x, "exp;fund=gpb;kind=basic");
  int64_t pers = qv(x, "exp;fund=gpb;kind=basic;nature=personnel");
  int64_t pub = qv(x, "exp;fund=gpb;kind=basic;nature=public");
  P(x, "一般公共预算财政拨款基本支出 %s 万元", W(x, basic));
  if (basic) {
    P(x, "。其中：人员经费 %s 万元", W(x, pers));
    const char *pn = econ_names(x, "exp;fund=gpb;kind=basic;nature=personnel");
    if (pn && *pn) P(x, "，主要包括：%s", pn);
    P(x, "；公用经费 %s 万元", W(x, pub));
    const char *un = econ_names(x, "exp;fund=gpb;kind=basic;nature=public");
    if (un && *un) P(x, "，主要包括：%s", un);
  }
  P(x, "。");
  endp(x);
}

/* 七、三公 */
static void final_sangong(ex *x, int y) {
  H(x, 2, "七、财政拨款“三公”经费支出决算情况说明");
  sangong s = sangong_of(x, "fund=fiscal");
  int64_t sb = qv(x, "exp;fund=fiscal;phase=adjusted;econ=30212|30217|30231|"
                     "31013");
  if (!s.total && !sb) {
    P(x, "%s %d 年度无“三公”经费财政拨款支出。", x->subj, y);
  } else {
    P(x, "%s %d 年度“三公”经费财政拨款支出预算为 %s 万元，支出决算为 %s 万元",
      x->subj, y, W(x, sb), W(x, s.total));
    completion(x, s.total, sb, "预算");
    P(x, "。");
    final_diff(x, s.total, sb, "预算数", "reason.sangong", "“三公”经费");
    endp(x);
    P(x, "因公出国（境）费支出决算为 %s 万元", W(x, s.abroad));
    const char *gr = fact_count(x, "sangong.abroad.groups");
    const char *pe = fact_count(x, "sangong.abroad.persons");
    if (gr && pe)
      P(x, "，全年安排因公出国（境）团组 %s 个，累计 %s 人次", gr, pe);
    P(x, "。公务用车购置费支出决算为 %s 万元", W(x, s.vbuy));
    const char *vp = fact_count(x, "sangong.vehicles.purchased");
    if (vp) P(x, "，购置公务用车 %s 辆", vp);
    P(x, "；公务用车运行维护费支出决算为 %s 万元", W(x, s.vop));
    const char *vh = fact_count(x, "sangong.vehicles.held");
    if (vh) P(x, "，年末公务用车保有量 %s 辆", vh);
    P(x, "。公务接待费支出决算为 %s 万元", W(x, s.reception));
    const char *rb = fact_count(x, "sangong.reception.batches");
    const char *rp = fact_count(x, "sangong.reception.persons");
    if (rb && rp) P(x, "，全年共接待 %s 批次、%s 人次", rb, rp);
    P(x, "。");
  }
  endp(x);
}

/* 八、九: the other fiscal budgets */
static void final_funds(ex *x, int y) {
  static const char *const fn[2] = {"政府性基金预算", "国有资本经营预算"};
  for (int k = 0; k < 2; k++) {
    const char *fid = ys_fund_id(k ? YS_FUND_SOC : YS_FUND_GOVFUND);
    H(x, 2, "%s、%s财政拨款收入支出决算情况说明", k ? "九" : "八", fn[k]);
    int64_t in = qv(x, "rev;period=cur;fund=%s", fid);
    int64_t out = qv(x, "exp;fund=%s", fid);
    if (!in && !out)
      P(x, "%s %d 年度无%s财政拨款收入和支出。", x->subj, y, fn[k]);
    else
      P(x, "%s %d 年度%s财政拨款收入 %s 万元，支出 %s 万元。", x->subj, y,
        fn[k], W(x, in), W(x, out));
    endp(x);
  }
}

/* 十、绩效 */
static void final_targets(ex *x, int y) {
  H(x, 2, "十、预算绩效管理情况");
  projstat ps = project_stats(x, true);
  P(x, "%d 年度%s编报绩效目标的项目 %zu 个，涉及金额 %s 万元。", y, x->subj,
    ps.with_targets, W(x, ps.amount_targets));
  endp(x);
}

/* 十一、其他重要事项 */
static void final_other(ex *x, int y) {
  H(x, 2, "十一、其他重要事项的情况说明");
  H(x, 3, "（一）机关运行经费支出情况");
  fval rc = fact_get(x, "running_cost");
  int64_t run = rc.found ? rc.fen : admin_of(x).amount;
  P(x, "机关运行经费支出 %s 万元", W(x, run));
  ex_chg(x, run, "prev.public", "机关运行经费", "主要原因是", false);
  P(x, "。");
  endp(x);
  H(x, 3, "（二）政府采购支出情况");
  int64_t part[3];
  bool split;
  int64_t pt = procurement_split(x, part, &split);
  P(x, "%s %d 年度政府采购支出总额 %s 万元", x->subj, y, W(x, pt));
  if (split && pt)
    P(x,
      "，其中：政府采购货物支出 %s 万元、政府采购工程支出 %s 万元、"
      "政府采购服务支出 %s 万元",
      W(x, part[0]), W(x, part[1]), W(x, part[2]));
  P(x, "。");
  endp(x);
  H(x, 3, "（三）国有资产占有使用情况");
  const char *v = fact_count(x, "assets.vehicles");
  const char *e = fact_count(x, "assets.equipment");
  if (!v)
    warn_key(x, "assets.vehicles", 0,
             "facts.csv 中没有 assets.vehicles：情况说明的国有资产部分"
             "缺少这个数");
  if (v || e) {
    P(x, "截至 %d 年 12 月 31 日，%s", y, x->subj);
    if (v) P(x, "共有车辆 %s 辆", v);
    if (e)
      P(x, "%s单价 100 万元（含）以上设备（不含车辆）%s 台（套）",
        v ? "；" : "", e);
    P(x, "。");
  }
  endp(x);
}

/* The 决算 narrative: its title, then its sections in order. */
void plan_final(ex *x) {
  const char *d = x->ds->dept_name;
  int y = x->year;
  H(x, 1, "%s %d 年度部门决算情况说明", d, y);

  int64_t rin = final_totals(x, y);
  final_revenue(x, rin);
  int64_t xall = final_spending(x);
  final_fiscal(x, y);
  final_gpb(x, y, xall);
  final_basic(x);
  final_sangong(x, y);
  final_funds(x, y);
  final_targets(x, y);
  final_other(x, y);
}
