/*
 * explain_hebei.c - the Hebei narrative (情况说明, seed 004): its opening,
 * then the sections 二 to 八 (the overall budget, 机关运行经费, 三公 with the
 * change of each part, performance targets of the department and its
 * projects, procurement, assets and the 名词解释).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain_impl.h"

/* ---------------------------------------------------------------------- */
/* Hebei (seed 004)                                                        */

/* The section 二、部门预算安排的总体情况. */
static void hebei_overall(ex *x, const char *d, int y) {
  H(x, 2, "二、部门预算安排的总体情况");
  P(x,
    "按照预算管理有关规定，部门预算的编制实行综合预算管理，即全部收入和支出"
    "都反映在预算中。%s所属 %zu 个预算单位的收支均包含在部门预算中。",
    d, x->ds->n_units);
  H(x, 3, "1.收入说明");
  int64_t rev_all = qv(x, "rev");
  P(x,
    "反映本部门当年全部收入。%d 年预算收入 %s 万元，其中：一般公共预算收入 "
    "%s 万元，基金预算收入 %s 万元，国有资本经营预算收入 %s 万元，财政专户"
    "核拨收入 %s 万元，其他来源收入 %s 万元",
    y, W(x, rev_all), W(x, qv(x, "rev;period=cur;fund=gpb")),
    W(x, qv(x, "rev;period=cur;fund=govfund")),
    W(x, qv(x, "rev;period=cur;fund=soc")),
    W(x, qv(x, "rev;period=cur;fund=special")),
    W(x, qv(x, "rev;period=cur;fund=business|operation|upper|subord|reserve|"
               "other")));
  int64_t carry = qv(x, "rev;period=carry");
  if (carry) P(x, "，上年结转 %s 万元", W(x, carry));
  P(x, "。");

  H(x, 3, "2.支出说明");
  int64_t exp_all = qv(x, "exp");
  P(x,
    "%d 年部门支出预算为 %s 万元，其中基本支出 %s 万元，包括人员经费 %s 万元和"
    "日常公用经费 %s 万元；项目支出 %s 万元",
    y, W(x, exp_all), W(x, qv(x, "exp;kind=basic")),
    W(x, qv(x, "exp;kind=basic;nature=personnel")),
    W(x, qv(x, "exp;kind=basic;nature=public")),
    W(x, qv(x, "exp;kind=project")));
  {
    /* The largest projects (at most five), largest first. */
    enum { TOP = 5 };
    size_t top[TOP], ntop = 0;
    int64_t amt[TOP];
    for (size_t i = 0; i < x->ds->n_projects; i++) {
      int64_t v = qv(x, "exp;project=%s", x->ds->projects[i].code);
      if (v <= 0) continue;
      size_t at = ntop;
      while (at > 0 && amt[at - 1] < v) at--;
      if (at >= TOP) continue;
      if (ntop < TOP) ntop++;
      for (size_t j = ntop - 1; j > at; j--) {
        top[j] = top[j - 1];
        amt[j] = amt[j - 1];
      }
      top[at] = i;
      amt[at] = v;
    }
    for (size_t j = 0; j < ntop; j++)
      P(x, "%s%s", j ? "、" : "，主要为", x->ds->projects[top[j]].name);
    if (ntop) P(x, "等支出");
  }
  static const char *const kl[] = {"上缴上级支出", "事业单位经营支出",
                                   "对附属单位补助支出"};
  static const char *const kid[] = {"upper", "operation", "subsidy"};
  for (int k = 0; k < 3; k++) {
    int64_t v = qv(x, "exp;kind=%s", kid[k]);
    if (v) P(x, "；%s %s 万元", kl[k], W(x, v));
  }
  P(x, "。");

  H(x, 3, "3.比上年增减情况");
  P(x, "%d 年，部门预算收支安排 %s 万元", y, W(x, rev_all));
  ex_chg(x, rev_all, "prev.total", "部门预算收支", "主要原因是", true);
  P(x, "。");

  H(x, 3, "4.一般公共预算当年拨款情况");
  int64_t gcur = qv(x, "exp;fund=gpb;period=cur");
  P(x, "%d 年一般公共预算当年拨款 %s 万元", y, W(x, gcur));
  ex_chg(x, gcur, "prev.gpb", "一般公共预算当年拨款", "主要原因是", true);
  P(x, "。");
  gpb_by_class(x, "按支出功能分类科目：");
  endp(x);
  {
    const char **gc;
    size_t n = codes_of(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 7, &gc);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
      int64_t v = qv(x, "exp;fund=gpb;period=cur;func=%s", gc[i]);
      if (!v) continue;
      const char *nm = cat_name(x, YS_CLS_FUNC, gc[i]);
      const char *pu = purpose_of(x, gc[i]);
      P(x, "（%d）%s（%s）%s 万元", ++k, nm ? nm : "", gc[i], W(x, v));
      if (pu) P(x, "，主要用于%s", pu);
      P(x, "。");
      endp(x);
    }
  }
}

/* The section 三、机关运行经费. */
static void hebei_running(ex *x, const char *d, int y) {
  H(x, 2, "三、机关运行经费安排情况");
  {
    admin ad = admin_of(x);
    if (!ad.n) {
      P(x, "%s所属单位均为事业单位，没有机关运行经费。", d);
    } else {
      if (ad.n == ad.n_all)
        P(x, "%d 年，我部门机关运行经费共计安排 %s 万元", y, W(x, ad.amount));
      else /* the 行政 units' figure, not the department's 公用经费 */
        P(x, "%d 年，我部门所属 %zu 家行政单位的机关运行经费共计安排 %s 万元",
          y, ad.n, W(x, ad.amount));
      admin_chg(x, &ad, "主要原因是");
      const char *names =
          econ_names(x, "exp;fund=fiscal;kind=basic;nature=public");
      if (names && *names) P(x, "，主要用于保证机关正常运转的%s等支出", names);
      P(x, "。");
    }
  }
}

/* The section 四、“三公”经费. */
static void hebei_sangong(ex *x, int y) {
  H(x, 2, "四、财政拨款“三公”经费预算情况及增减变化原因");
  {
    const sangong s = sangong_of(x, "fund=fiscal");
    P(x,
      "%d 年，我部门财政拨款“三公”经费预算安排 %s 万元，其中：因公出国（境）费 "
      "%s 万元；公务用车购置及运维费 %s 万元（其中：公务用车运行维护费 %s "
      "万元，"
      "公务用车购置费 %s 万元）；公务接待费 %s 万元",
      y, W(x, s.total), W(x, s.abroad), W(x, s.vop + s.vbuy), W(x, s.vop),
      W(x, s.vbuy), W(x, s.reception));
    P(x, "。");
    int64_t prev;
    if (sangong_prev(x, &prev)) {
      P(x, "“三公”经费");
      x->chg_lead = "";
      sangong_total_chg(x, s.total);
      P(x, "。");
    }
    static const char *const keys[] = {
        "prev.sangong.abroad", "prev.sangong.vehicle_operation",
        "prev.sangong.vehicle_purchase", "prev.sangong.reception"};
    static const char *const names[] = {"因公出国（境）费",
                                        "公务用车运行维护费", "公务用车购置费",
                                        "公务接待费"};
    const int64_t cur[] = {s.abroad, s.vop, s.vbuy, s.reception};
    bool first = true;
    for (int i = 0; i < 4; i++) {
      fval f = fact_get(x, keys[i]);
      if (!f.found) {
        warn_key(
            x, keys[i], 0,
            "facts.csv 中没有 %s（%s的上年数）：情况说明未写与上年相比的增减",
            keys[i], names[i]);
        continue;
      }
      if (f.fen == cur[i]) continue;
      P(x, "%s%s %s 万元", first ? "其中，" : "", names[i], W(x, cur[i]));
      first = false;
      ex_chg_v(x, cur[i], f.fen, f.reason, keys[i], f.line, names[i],
               "主要原因是");
      P(x, "。");
    }
    if (meeting_relevant(x, &s)) {
      endp(x);
      P(x, "%d 年会议费预算 %s 万元", y, W(x, s.meeting));
      ex_chg(x, s.meeting, "prev.meeting", "会议费", "主要原因是", true);
      P(x, "；培训费预算 %s 万元", W(x, s.training));
      ex_chg(x, s.training, "prev.training", "培训费", "主要原因是", true);
      P(x, "。");
    }
  }
}

/* The section 五、预算绩效信息. */
static void hebei_targets(ex *x, const char *d, int y) {
  H(x, 2, "五、预算绩效信息");
  {
    projstat ps = project_stats(x, true);
    P(x, "%d 年%s实行绩效目标管理的项目 %zu 个，涉及预算 %s 万元。", y, d,
      ps.with_targets, W(x, ps.amount_targets));
    const char *goal = fact_text(x, "dept.goal", NULL);
    bool tasks = ys_dataset_fact(x->ds, "dept.task.1.name") != NULL;
    if (goal || tasks) {
      H(x, 3, "（一）部门整体绩效目标");
      if (goal) {
        for (const char *p = goal; *p;) {
          size_t l = strcspn(p, "\n");
          if (l) P(x, "%.*s", (int)l, p);
          endp(x);
          p += l + (p[l] == '\n');
        }
      }
      for (int k = 1; k < 100; k++) {
        const char *nm = fact_text(x, aprintf(x, "dept.task.%d.name", k), NULL);
        if (!nm) break;
        const char *ct =
            fact_text(x, aprintf(x, "dept.task.%d.content", k), NULL);
        size_t ln = strlen(nm);
        bool ends = ln >= 3 && strcmp(nm + ln - 3, "。") == 0;
        P(x, "年度主要任务%d：%s%s%s", k, nm, ct && !ends ? "。" : "",
          ct ? ct : "");
        ex_stop(x);
        endp(x);
      }
    }
    size_t k = 0;
    for (size_t i = 0; i < x->ds->n_projects; i++) {
      const ys_project *p = &x->ds->projects[i];
      int64_t v = qv(x, "exp;project=%s", p->code);
      if (!v || !project_has_targets(x, p->code)) continue;
      if (!k) H(x, 3, "（%s）预算项目绩效目标", goal || tasks ? "二" : "一");
      P(x, "%zu、%s（%s 万元）", ++k, p->name, W(x, v));
      if (p->goal[0]) {
        P(x, "：");
        for (const char *q = p->goal; *q;) {
          size_t l = strcspn(q, "\n");
          P(x, "%.*s", (int)l, q);
          q += l;
          if (*q == '\n') {
            q++;
            const char *end =
                x->para.len >= 3 ? x->para.s + x->para.len - 3 : "";
            if (*q && strcmp(end, "。") && strcmp(end, "；")) P(x, "；");
          }
        }
      }
      ex_stop(x);
      endp(x);
    }
  }
}

/* The section 六、政府采购, 七、国有资产 and 八、名词解释. */
static void hebei_rest(ex *x, const char *d, int y) {
  H(x, 2, "六、政府采购预算情况");
  procurement_para(x, aprintf(x, "%d 年，%s", y, d));

  H(x, 2, "七、国有资产信息");
  assets_para(x, aprintf(x, "截至 %d 年底，%s（含所属单位）", y - 1, d),
              "本年度");

  H(x, 2, "八、名词解释");
  glossary(x, 2, false, false);
}

/* The Hebei narrative: its opening, then its sections in order. */
void plan_hebei(ex *x) {
  const char *d = x->ds->dept_name;
  int y = x->year;
  H(x, 1, "%s %d 年部门预算信息公开情况说明", d, y);
  P(x,
    "按照《预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作"
    "的实施意见》规定，现将%s %d 年部门预算公开如下：",
    d, y);

  hebei_overall(x, d, y);
  hebei_running(x, d, y);
  hebei_sangong(x, y);
  hebei_targets(x, d, y);
  hebei_rest(x, d, y);
}
