/*
 * rules.c - the rule index: every finding names one of these ids.
 *
 * The index is data: id, category, default severity, a one-line title and
 * the message template shown in docs/rules.md. `yusuan rules` prints it.
 */
#include <string.h>

#include "yusuan/rules.h"

static const ys_rule rules[] = {
    {"sum.code-tree", "sum", YS_SEV_ERROR, "科目合计不等于下级科目之和",
     "{类/款}“{row}”为 {found}，其下级科目合计 {expected}"},
    {"sum.rows", "sum", YS_SEV_ERROR, "合计行不等于其下各行之和",
     "“{row}”为 {found}，其下各行合计 {expected}"},
    {"sum.row-parts", "sum", YS_SEV_ERROR, "行内合计不等于各分项之和",
     "“{row}”行“{column}”为 {found}，各分项之和 {expected}"},
    {"cross.table-equal", "cross", YS_SEV_ERROR,
     "同一数据在不同位置的数值不一致",
     "“{row}”在{table}为 {found}，在其他位置为 {expected}"},
    {"cross.partition", "cross", YS_SEV_ERROR, "分项之和与另一处的合计不一致",
     "“{row}”为 {found}，其分项（人员经费 + 公用经费）在其他表中合计 "
     "{expected}"},
    {"sangong.items", "cross", YS_SEV_ERROR, "“三公”经费与经济科目数不一致",
     "“三公”经费表与支出经济分类表中的同一科目（30212/30217/30231/31013/30215/"
     "30216）数值不一致"},
    {"balance.income-expense", "balance", YS_SEV_ERROR,
     "收入总计不等于支出总计",
     "收支总表的收入总计 {found} 与支出总计 {expected} 不相等"},
    {"balance.fund", "balance", YS_SEV_ERROR,
     "财政拨款的年初结转、本年收入、本年支出与年末结转不平衡",
     "某一财政拨款的本年收入 + 年初结转和结余 {found}，不等于本年支出 + "
     "年末结转和结余 {expected}"},
    {"rounding.tail", "rounding", YS_SEV_INFO, "尾数误差（四舍五入）",
     "差额 {difference} 在四舍五入允许范围内，属尾数误差，不是错误"},
    {"catalog.unknown-code", "catalog", YS_SEV_WARNING, "科目编码不在科目表中",
     "编码 {code} 不在 {year} 年政府收支分类科目中"},
    {"catalog.name-mismatch", "catalog", YS_SEV_ERROR, "科目名称与编码不符",
     "编码 {code} 在 {year} 年的名称是“{expected}”，表中写作“{found}”"},
    {"catalog.name-year", "catalog", YS_SEV_WARNING, "使用了已废止的科目名称",
     "“{found}”是 {code} 在 {years} 年的旧名称，{year} 年应为“{expected}”"},
    {"catalog.wrong-parent", "catalog", YS_SEV_ERROR,
     "科目列在错误的上级科目下", "{code} 不属于其上方的 {parent}"},
    {"catalog.gov-map", "catalog", YS_SEV_ERROR,
     "部门经济科目对应的政府经济科目有误",
     "部门经济科目 {code} 应对应政府经济科目 {expected}（行政单位）或 "
     "{expected2}（事业单位），表中为 {found}"},
    {"complete.missing-table", "complete", YS_SEV_WARNING, "缺少必须公开的报表",
     "报表格式 {profile} 要求公开“{table}”，文档中未找到"},
    {"complete.empty-table-note", "complete", YS_SEV_WARNING, "空表未说明原因",
     "“{table}”没有数据，但没有空表说明"},
    {"perf.rate-over-100", "perf", YS_SEV_WARNING, "完成率类指标超过 100%",
     "指标“{row}”的指标值 {found} 超过 100%"},
    {"perf.weights", "perf", YS_SEV_WARNING, "指标权重合计不等于 100",
     "项目“{row}”的指标权重合计为 {found}"},
    {"narrative.figure", "narrative", YS_SEV_ERROR, "说明中的数字与报表不一致",
     "说明中“{row}”为 {found}，报表为 "
     "{expected}（仅末位相差一个单位时为警告）"},
    {"narrative.parts-sum", "narrative", YS_SEV_ERROR,
     "说明中列出的分项之和不等于所述总数",
     "说明称总数为 {found}，所列分项合计 {expected}"},
    {"narrative.share", "narrative", YS_SEV_ERROR, "说明中的占比与所述数字不符",
     "“{row}”占 {found}，按所述数字应为 {expected}"},
    {"narrative.change", "narrative", YS_SEV_ERROR,
     "说明中的增减比例与所述数字不符（或上年为零却给出比例）",
     "变动比例 {found}，按本年数与变动额应为 {expected}"},
    {"narrative.completion", "narrative", YS_SEV_ERROR,
     "说明中的完成率与所述数字不符",
     "“{row}”完成预算的 {found}，按所述实际数与预算数应为 {expected}"},
    {"narrative.difference", "narrative", YS_SEV_ERROR,
     "说明中的增减额与所述两年数字不符",
     "说明称相差 {found}，按所述两个数字应为 {expected}"},
    {"narrative.repeat", "narrative", YS_SEV_ERROR,
     "同一数字在说明中前后不一致", "前文为 {expected}，此处写作 {found}"},
    {"narrative.unchecked", "narrative", YS_SEV_INFO, "说明中的比例未核对",
     "比例 {found} 的比较基数、总数或单位无法从文字确定，未作判断"},
    {"narrative.missing-figure", "narrative", YS_SEV_WARNING, "说明中缺少数字",
     "句子“{sentence}”中缺少金额"},
    {"parse.unplaced", "parse", YS_SEV_INFO, "无法定位的单元格或行",
     "无法将此行或单元格对应到报表格式中的位置，未参与检查"},
    {"parse.structure", "parse", YS_SEV_INFO, "表格结构未读准",
     "一组勾稽关系多数不成立，更可能是表头与列的对应未读准，未作判断"},
    {"parse.unrecognized-table", "parse", YS_SEV_INFO, "无法识别的报表",
     "无法识别此表格属于哪一张标准报表，未参与检查"},
    {"parse.bad-amount", "parse", YS_SEV_WARNING, "金额无法识别",
     "单元格内容“{found}”不是有效的金额"},
};

const ys_rule *ys_rules(size_t *n) {
  *n = sizeof rules / sizeof rules[0];
  return rules;
}

const ys_rule *ys_rule_find(const char *id) {
  for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
    if (strcmp(rules[i].id, id) == 0) return &rules[i];
  return NULL;
}
