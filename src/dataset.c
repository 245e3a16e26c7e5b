/*
 * dataset.c - reading a budget dataset directory and validating its rows
 * (the checks of the whole dataset: dataset_validate.c).
 *
 * The dataset is the single source every table and sentence is computed
 * from, so it is checked hard before anything is built on it: a wrong code
 * or an amount that does not parse would otherwise surface as a wrong total
 * in some table far away. Loading never stops at the first problem; each
 * file is validated row by row and every problem is reported with file,
 * line and column, so one run lists all the corrections a finance officer
 * has to make. Checks that only make sense on clean data (the balance of
 * revenues against line items) run only when nothing else was wrong, to
 * avoid burying the real mistake under its consequences.
 *
 * Problems are entries with a nonzero code in errs; warnings (unknown
 * columns or fact keys, a project used by another unit) are entries with
 * code YS_OK and do not make the load fail.
 */
#include "yusuan/dataset.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "dataset_impl.h"
#include "yusuan/money.h"
#include "yusuan/text.h"

/* What one dataset may make us allocate (files are capped at
 * YS_CSV_MAX_BYTES each; an arena holds their parsed copies, about three
 * times the bytes): 10^7 line items fit, a hostile file cannot take more. */
#define DS_ARENA_LIMIT ((size_t)16 * 1024 * 1024 * 1024)

/* ---------------------------------------------------------------------- */
/* Enumerations                                                           */

typedef struct name_map {
  const char *name; /* as matched after ys_text_key and ASCII lower case */
  int value;
} name_map;

static const char *const fund_names[YS_FUND_COUNT] = {"",
                                                      "一般公共预算拨款",
                                                      "政府性基金预算拨款",
                                                      "国有资本经营预算拨款",
                                                      "财政专户管理资金",
                                                      "事业收入",
                                                      "事业单位经营收入",
                                                      "上级补助收入",
                                                      "附属单位上缴收入",
                                                      "用事业基金弥补收支差额",
                                                      "其他收入"};

static const char *const fund_ids[YS_FUND_COUNT] = {
    "",          "gpb",   "govfund", "soc",     "special", "business",
    "operation", "upper", "subord",  "reserve", "other"};

static const name_map fund_map[] = {{"一般公共预算", YS_FUND_GPB},
                                    {"一般公共预算拨款收入", YS_FUND_GPB},
                                    {"政府性基金", YS_FUND_GOVFUND},
                                    {"政府性基金预算拨款收入", YS_FUND_GOVFUND},
                                    {"国有资本经营", YS_FUND_SOC},
                                    {"国有资本经营预算拨款收入", YS_FUND_SOC},
                                    {NULL, 0}};

static const name_map period_map[] = {
    {"当年", YS_PERIOD_CURRENT},    {"本年", YS_PERIOD_CURRENT},
    {"current", YS_PERIOD_CURRENT}, {"上年结转", YS_PERIOD_CARRY},
    {"carry", YS_PERIOD_CARRY},     {NULL, 0}};

static const name_map kind_map[] = {{"基本", YS_KIND_BASIC},
                                    {"基本支出", YS_KIND_BASIC},
                                    {"basic", YS_KIND_BASIC},
                                    {"项目", YS_KIND_PROJECT},
                                    {"项目支出", YS_KIND_PROJECT},
                                    {"专项业务经费", YS_KIND_PROJECT},
                                    {"project", YS_KIND_PROJECT},
                                    {"上缴上级", YS_KIND_UPPER},
                                    {"上缴上级支出", YS_KIND_UPPER},
                                    {"upper", YS_KIND_UPPER},
                                    {"经营", YS_KIND_OPERATION},
                                    {"经营支出", YS_KIND_OPERATION},
                                    {"事业单位经营支出", YS_KIND_OPERATION},
                                    {"operation", YS_KIND_OPERATION},
                                    {"对附属单位补助", YS_KIND_SUBSIDY},
                                    {"对附属单位补助支出", YS_KIND_SUBSIDY},
                                    {"subsidy", YS_KIND_SUBSIDY},
                                    {NULL, 0}};

static const name_map phase_map[] = {{"预算", YS_PHASE_BUDGET},
                                     {"年初预算", YS_PHASE_BUDGET},
                                     {"budget", YS_PHASE_BUDGET},
                                     {"调整预算", YS_PHASE_ADJUSTED},
                                     {"全年预算", YS_PHASE_ADJUSTED},
                                     {"adjusted", YS_PHASE_ADJUSTED},
                                     {"决算", YS_PHASE_FINAL},
                                     {"final", YS_PHASE_FINAL},
                                     {NULL, 0}};

const char *const ds_unspent[DS_N_UNSPENT] = {"carry_next", "surplus_alloc"};

static const name_map nature_map[] = {{"人员经费", YS_NATURE_PERSONNEL},
                                      {"personnel", YS_NATURE_PERSONNEL},
                                      {"公用经费", YS_NATURE_PUBLIC},
                                      {"public", YS_NATURE_PUBLIC},
                                      {NULL, 0}};

static const name_map unit_kind_map[] = {
    {"行政", YS_UNIT_KIND_ADMIN},
    {"行政单位", YS_UNIT_KIND_ADMIN},
    {"参公", YS_UNIT_KIND_ADMIN},
    {"参公单位", YS_UNIT_KIND_ADMIN},
    {"参照公务员法管理事业单位", YS_UNIT_KIND_ADMIN},
    {"admin", YS_UNIT_KIND_ADMIN},
    {"事业", YS_UNIT_KIND_INST},
    {"事业单位", YS_UNIT_KIND_INST},
    {"inst", YS_UNIT_KIND_INST},
    {NULL, 0}};

/* The matching key of an enumeration value: ys_text_key, ASCII lower case.
 * Returns 0 when it does not fit (no enumeration name is that long). */
static int enum_key(char *buf, size_t n, const char *s, size_t len) {
  if (!s) return 0;
  size_t k = ys_text_key_buf(buf, n, s, len);
  if (k >= n) return 0;
  for (size_t i = 0; i < k; i++)
    if (buf[i] >= 'A' && buf[i] <= 'Z') buf[i] = (char)(buf[i] - 'A' + 'a');
  return 1;
}

static int map_lookup(const name_map *m, const char *key) {
  for (; m->name; m++)
    if (strcmp(m->name, key) == 0) return m->value;
  return 0;
}

static ys_fund fund_parse_n(const char *s, size_t len) {
  char key[128];
  if (!enum_key(key, sizeof key, s, len) || !key[0]) return YS_FUND_NONE;
  for (int f = 1; f < YS_FUND_COUNT; f++)
    if (strcmp(key, fund_names[f]) == 0 || strcmp(key, fund_ids[f]) == 0)
      return (ys_fund)f;
  return (ys_fund)map_lookup(fund_map, key);
}

static int enum_parse_n(const name_map *m, const char *s, size_t len) {
  char key[128];
  if (!enum_key(key, sizeof key, s, len) || !key[0]) return 0;
  return map_lookup(m, key);
}

ys_fund ys_fund_parse(const char *s) {
  return s ? fund_parse_n(s, strlen(s)) : YS_FUND_NONE;
}
ys_period ys_period_parse(const char *s) {
  return s ? (ys_period)enum_parse_n(period_map, s, strlen(s)) : YS_PERIOD_NONE;
}
ys_exp_kind ys_exp_kind_parse(const char *s) {
  return s ? (ys_exp_kind)enum_parse_n(kind_map, s, strlen(s)) : YS_KIND_NONE;
}
ys_nature ys_nature_parse(const char *s) {
  return s ? (ys_nature)enum_parse_n(nature_map, s, strlen(s)) : YS_NATURE_NONE;
}

ys_phase ys_phase_parse(const char *s) {
  return s ? (ys_phase)enum_parse_n(phase_map, s, strlen(s)) : YS_PHASE_NONE;
}

const char *ys_fund_name(ys_fund f) {
  return f > YS_FUND_NONE && f < YS_FUND_COUNT ? fund_names[f] : "";
}

const char *ys_fund_id(ys_fund f) {
  return f > YS_FUND_NONE && f < YS_FUND_COUNT ? fund_ids[f] : "";
}

const char *ys_period_name(ys_period p) {
  switch (p) {
  case YS_PERIOD_CURRENT:
    return "当年";
  case YS_PERIOD_CARRY:
    return "上年结转";
  default:
    return "";
  }
}

const char *ys_exp_kind_name(ys_exp_kind k) {
  switch (k) {
  case YS_KIND_BASIC:
    return "基本支出";
  case YS_KIND_PROJECT:
    return "项目支出";
  case YS_KIND_UPPER:
    return "上缴上级支出";
  case YS_KIND_OPERATION:
    return "事业单位经营支出";
  case YS_KIND_SUBSIDY:
    return "对附属单位补助支出";
  default:
    return "";
  }
}

const char *ys_nature_name(ys_nature n) {
  switch (n) {
  case YS_NATURE_PERSONNEL:
    return "人员经费";
  case YS_NATURE_PUBLIC:
    return "公用经费";
  default:
    return "";
  }
}

/* ---------------------------------------------------------------------- */
/* The loader                                                             */

void ds_problem(loader *L, const char *file, int line, int col, const char *fmt,
                ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ys_errors_add(L->errs, YS_EINPUT, file, line, col, "%s", msg);
  L->nerr++;
}

static void warning(loader *L, const char *file, int line, int col,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void warning(loader *L, const char *file, int line, int col,
                    const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ys_errors_note(L->errs, YS_SEV_WARNING, file, line, col, "%s", msg);
}

/* A cell as quoted in a message: at most ~60 bytes, cut at a character
 * boundary, so one runaway cell cannot crowd out the explanation. */
static const char *shown(loader *L, ys_csv_field f) {
  enum { MAXB = 60 };
  if (f.len <= MAXB) {
    const char *s = ys_arena_strndup(L->a, f.s, f.len);
    return s ? s : "";
  }
  size_t cut = MAXB;
  while (cut > 0 && ((unsigned char)f.s[cut] & 0xC0) == 0x80) cut--;
  const char *s = ys_arena_printf(L->a, "%.*s…", (int)cut, f.s);
  return s ? s : "";
}

static char *dup_field(loader *L, ys_csv_field f) {
  char *s = ys_arena_strndup(L->a, f.s, f.len);
  if (!s) L->oom = 1;
  return s;
}

/* Free text kept for display: CRLF inside quoted cells becomes '\n'. */
static char *text_field(loader *L, ys_csv_field f) {
  char *s = ys_arena_alloc(L->a, f.len + 1);
  if (!s) {
    L->oom = 1;
    return NULL;
  }
  size_t k = 0;
  for (size_t i = 0; i < f.len; i++)
    if (!(f.s[i] == '\r' && i + 1 < f.len && f.s[i + 1] == '\n'))
      s[k++] = f.s[i];
  s[k] = '\0';
  return s;
}

/* A code as matched: full-width digits folded, spaces removed. NULL when
 * the result is not all ASCII digits (or empty). */
static char *digits_field(loader *L, ys_csv_field f) {
  char buf[64];
  size_t k = ys_text_key_buf(buf, sizeof buf, f.s, f.len);
  if (k == 0 || k >= sizeof buf) return NULL;
  for (size_t i = 0; i < k; i++)
    if (buf[i] < '0' || buf[i] > '9') return NULL;
  char *s = ys_arena_strndup(L->a, buf, k);
  if (!s) L->oom = 1;
  return s;
}

/* Project codes are not always numeric (some systems issue "XM-2023-01"):
 * ASCII letters, digits, '-', '_' and '.' are accepted. */
static char *project_code_field(loader *L, ys_csv_field f) {
  char buf[128];
  size_t k = ys_text_key_buf(buf, sizeof buf, f.s, f.len);
  if (k == 0 || k >= sizeof buf) return NULL;
  for (size_t i = 0; i < k; i++) {
    char c = buf[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
          (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.'))
      return NULL;
  }
  char *s = ys_arena_strndup(L->a, buf, k);
  if (!s) L->oom = 1;
  return s;
}

/* Appends a zeroed element to an arena array (ys_arena_reserve). */
static void *push(loader *L, void *arrp, size_t *n, size_t *cap, size_t size) {
  void **arr = arrp;
  void *p = ys_arena_reserve(L->a, *arr, *n, cap, size);
  if (!p) {
    L->oom = 1;
    return NULL;
  }
  *arr = p;
  char *e = (char *)*arr + *n * size;
  memset(e, 0, size);
  (*n)++;
  return e;
}

typedef struct table {
  const char *path;
  ys_csv csv;
  int idx[16];
  size_t ncols; /* columns the header maps */
} table;

const char *ds_join(loader *L, const char *name) {
  size_t n = strlen(L->dir);
  const char *p = n && L->dir[n - 1] == '/'
                      ? ys_arena_printf(L->a, "%s%s", L->dir, name)
                      : ys_arena_printf(L->a, "%s/%s", L->dir, name);
  if (!p) L->oom = 1;
  return p ? p : name;
}

/* Reads a file and maps its header. Returns 1 when its rows can be
 * validated; 0 when the file is absent (an error if required) or unusable
 * (a required column is missing: its rows would only produce noise). */
static int open_table(loader *L, table *t, const char *name,
                      const ys_csv_col *cols, size_t ncols, int required) {
  memset(t, 0, sizeof *t);
  t->path = ds_join(L, name);
  t->ncols = ncols;
  struct stat st;
  if (stat(t->path, &st) != 0) {
    if (required) ds_problem(L, t->path, 0, 0, "缺少必需的文件 %s", name);
    return 0;
  }
  if (!S_ISREG(st.st_mode)) {
    ds_problem(L, t->path, 0, 0, "%s 不是一个普通文件", name);
    return 0;
  }
  int rc = ys_csv_read_file(&t->csv, t->path, L->a, L->errs);
  if (rc == YS_ENOMEM) {
    L->oom = 1;
    return 0;
  }
  if (rc != YS_OK) {
    L->nerr++;
    /* a malformed row does not spoil the others; an unreadable file does */
    if (rc != YS_EINPUT) return 0;
  }
  if (ys_csv_map_columns(&t->csv, cols, ncols, t->idx, L->errs) != YS_OK) {
    L->nerr++;
    return 0;
  }
  return 1;
}

/* A cell beyond the header's columns would be silently lost. */
static void check_extra_cells(loader *L, const table *t,
                              const ys_csv_record *r) {
  size_t nh = t->csv.rec[0].n;
  for (size_t j = nh; j < r->n; j++) {
    ys_csv_field f = ys_csv_get(r, (int)j);
    if (f.len) {
      ds_problem(L, t->path, r->line, (int)j + 1,
                 "第 %zu 列有内容“%s”，但表头只有 %zu 列", j + 1, shown(L, f),
                 nh);
      return;
    }
  }
}

static ys_csv_field cell(const table *t, const ys_csv_record *r, int col) {
  return ys_csv_get(r, t->idx[col]);
}

static int colno(const table *t, int col) {
  return t->idx[col] + 1;
}

/* ---------------------------------------------------------------------- */
/* Field checks shared by several files                                   */

/* An amount in 元; returns 0 and sets *fen, or reports and returns -1. */
static int check_amount(loader *L, const char *file, int line, int col,
                        ys_csv_field f, const char *what, int64_t *fen) {
  if (f.len == 0) {
    ds_problem(L, file, line, col, "%s不能为空（没有金额请填 0）", what);
    return -1;
  }
  ys_amount amt;
  const char *why = NULL;
  if (ys_money_parse(&amt, f.s, f.len, YS_UNIT_YUAN, &why) != YS_OK) {
    if (why && *why && !strstr(why, "不是有效的金额"))
      ds_problem(L, file, line, col,
                 "%s“%s”不是有效的金额（应为元，最多两位小数）：%s", what,
                 shown(L, f), why);
    else
      ds_problem(L, file, line, col,
                 "%s“%s”不是有效的金额（应为元，最多两位小数）", what,
                 shown(L, f));
    return -1;
  }
  if (amt.empty) {
    ds_problem(L, file, line, col, "%s不能为空（没有金额请填 0）", what);
    return -1;
  }
  *fen = amt.fen;
  return 0;
}

static void year_range(char *buf, size_t n, const ys_cat_entry *const *v,
                       size_t nv) {
  int from = v[0]->valid_from, to = v[0]->valid_to;
  for (size_t i = 1; i < nv; i++) {
    if (v[i]->valid_from < from) from = v[i]->valid_from;
    if (to != 0 && (v[i]->valid_to == 0 || v[i]->valid_to > to))
      to = v[i]->valid_to;
  }
  if (from && to)
    snprintf(buf, n, "%d–%d年", from, to);
  else if (to)
    snprintf(buf, n, "%d年及以前", to);
  else if (from)
    snprintf(buf, n, "%d年起", from);
  else
    snprintf(buf, n, "其他年份");
}

/* A 7-digit function 项 valid in the dataset's year, or NULL (reported). */
static const char *check_func(loader *L, const char *file, int line, int col,
                              ys_csv_field f) {
  if (f.len == 0) {
    ds_problem(L, file, line, col, "功能科目不能为空");
    return NULL;
  }
  char *code = digits_field(L, f);
  if (!code) {
    ds_problem(L, file, line, col,
               "功能科目“%s”不是有效的科目编码（应为7位数字，如 2101506）",
               shown(L, f));
    return NULL;
  }
  if (strlen(code) != 7) {
    ds_problem(L, file, line, col,
               "功能科目“%s”不是项级科目（应填写7位的“项”级编码，如 2101506）",
               code);
    return NULL;
  }
  if (ys_catalog_lookup(L->cat, YS_CLS_FUNC, code, L->year)) return code;
  const ys_cat_entry *v[16];
  size_t nv = ys_catalog_versions(L->cat, YS_CLS_FUNC, code, v, 16);
  if (nv > 16) nv = 16;
  if (nv && L->year) {
    char range[64];
    year_range(range, sizeof range, v, nv);
    ds_problem(L, file, line, col,
               "功能科目“%s”在%d年的科目表中不存在（该科目只在%s有效）", code,
               L->year, range);
  } else if (L->year) {
    ds_problem(L, file, line, col, "功能科目“%s”在%d年的科目表中不存在", code,
               L->year);
  } else {
    ds_problem(L, file, line, col, "功能科目“%s”在科目表中不存在", code);
  }
  return NULL;
}

/* A departmental economic 款 (5 digits, or a 7-digit provincial sub-款),
 * or NULL (reported). A 7-digit code the catalogue does not list is
 * accepted when its 款 is known: provincial sub-款 are not catalogued
 * everywhere, and the mapping to government 款 goes through the 款. */
static const char *check_econ(loader *L, const char *file, int line, int col,
                              ys_csv_field f) {
  if (f.len == 0) {
    ds_problem(L, file, line, col, "经济科目不能为空");
    return NULL;
  }
  char *code = digits_field(L, f);
  size_t n = code ? strlen(code) : 0;
  if (!code || (n != 5 && n != 7)) {
    ds_problem(L, file, line, col,
               "经济科目“%s”应为5位的款级编码（部分省份为7位），如 30101",
               shown(L, f));
    return NULL;
  }
  if (ys_catalog_lookup(L->cat, YS_CLS_ECON_DEPT, code, L->year)) return code;
  if (n == 7) {
    char kuan[6];
    memcpy(kuan, code, 5);
    kuan[5] = '\0';
    if (ys_catalog_lookup(L->cat, YS_CLS_ECON_DEPT, kuan, L->year)) return code;
  }
  if (L->year)
    ds_problem(L, file, line, col,
               "经济科目“%s”在%d年的部门预算支出经济分类中不存在", code,
               L->year);
  else
    ds_problem(L, file, line, col, "经济科目“%s”在部门预算支出经济分类中不存在",
               code);
  return NULL;
}

static const char *derive_gecon(loader *L, const char *file, int line, int col,
                                const char *econ, const ys_budget_unit *u) {
  const char *g = ys_catalog_gov_map(L->cat, econ, u->kind, L->year);
  if (!g) {
    ds_problem(L, file, line, col,
               "经济科目“%s”在%s单位中没有对应的政府预算支出经济分类科目", econ,
               ys_unit_kind_name(u->kind));
    return NULL;
  }
  char *s = ys_arena_strdup(L->a, g); /* outlives the catalogue */
  if (!s) L->oom = 1;
  return s;
}

/* A unit reference, or NULL (reported unless units.csv was unusable). */
static const ys_budget_unit *check_unit_ref(loader *L, const char *file,
                                            int line, int col, ys_csv_field f,
                                            const char **code_out) {
  *code_out = NULL;
  if (f.len == 0) {
    ds_problem(L, file, line, col, "单位编码不能为空");
    return NULL;
  }
  char *code = digits_field(L, f);
  if (!code) {
    ds_problem(L, file, line, col, "单位编码“%s”应只含数字", shown(L, f));
    return NULL;
  }
  *code_out = code;
  if (!L->units_ok) return NULL;
  const ys_budget_unit *u = ys_dataset_unit(L->ds, code);
  if (!u)
    ds_problem(L, file, line, col, "单位编码“%s”未在 units.csv 中定义", code);
  return u;
}

static ys_fund check_fund(loader *L, const char *file, int line, int col,
                          ys_csv_field f) {
  if (f.len == 0) {
    ds_problem(L, file, line, col, "资金来源不能为空");
    return YS_FUND_NONE;
  }
  ys_fund fund = fund_parse_n(f.s, f.len);
  if (!fund)
    ds_problem(L, file, line, col,
               "资金来源“%s”无效（应为一般公共预算拨款、政府性基金预算拨款、"
               "国有资本经营预算拨款、财政专户管理资金、事业收入、"
               "事业单位经营收入、上级补助收入、附属单位上缴收入、"
               "用事业基金弥补收支差额或其他收入）",
               shown(L, f));
  return fund;
}

/* An empty period (or a file without the column) means 当年. */
static ys_period check_period(loader *L, const char *file, int line, int col,
                              ys_csv_field f) {
  if (f.len == 0) return YS_PERIOD_CURRENT;
  ys_period p = (ys_period)enum_parse_n(period_map, f.s, f.len);
  if (!p)
    ds_problem(L, file, line, col, "年度“%s”无效（应为“当年”或“上年结转”）",
               shown(L, f));
  return p;
}

/* An empty phase (or a file without the column) is the dataset's own. */
static ys_phase check_phase(loader *L, const char *file, int line, int col,
                            ys_csv_field f) {
  if (f.len == 0) return L->ds->phase;
  ys_phase p = (ys_phase)enum_parse_n(phase_map, f.s, f.len);
  if (!p)
    ds_problem(L, file, line, col,
               "阶段“%s”无效（应为“年初预算”“调整预算”或“决算”，"
               "也可以不填）",
               shown(L, f));
  return p;
}

/* ---------------------------------------------------------------------- */
/* department.csv                                                         */

enum { D_KEY, D_VALUE, D_NCOLS };
static const ys_csv_col dept_cols[] = {
    {"key", "项目|键|名称", 1},
    {"value", "值|内容", 1},
};

enum { K_CODE, K_NAME, K_YEAR, K_PROFILE, K_PREFIX, K_PHASE, K_N };
static const ys_csv_col dept_keys[] = {
    {"code", "部门编码", 1},         {"name", "部门名称", 1},
    {"year", "年度|预算年度", 1},    {"profile", "报表格式", 0},
    {"title_prefix", "标题前缀", 0}, {"phase", "类型|阶段", 0},
};

static int key_matches(const ys_csv_col *c, const char *key) {
  char buf[128];
  if (enum_key(buf, sizeof buf, c->id, strlen(c->id)) && !strcmp(buf, key))
    return 1;
  for (const char *s = c->alias; s && *s;) {
    const char *bar = strchr(s, '|');
    size_t len = bar ? (size_t)(bar - s) : strlen(s);
    if (enum_key(buf, sizeof buf, s, len) && !strcmp(buf, key)) return 1;
    s = bar ? bar + 1 : NULL;
  }
  return 0;
}

/* department.csv, field by field (docs/dataset.md), each validated with
 * its own file:line:column message: a list read top to bottom. */
static void load_department(loader *L) {
  ys_dataset *ds = L->ds;
  table t;
  ds->dept_code = ds->dept_name = ds->profile = ds->title_prefix = "";
  ds->phase = YS_PHASE_BUDGET;
  if (!open_table(L, &t, "department.csv", dept_cols, D_NCOLS, 1)) return;
  int seen[K_N] = {0};
  for (size_t i = 1; i < t.csv.n; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    check_extra_cells(L, &t, r);
    ys_csv_field kf = cell(&t, r, D_KEY), vf = cell(&t, r, D_VALUE);
    char key[128];
    int k = K_N;
    if (enum_key(key, sizeof key, kf.s, kf.len))
      for (k = 0; k < K_N && !key_matches(&dept_keys[k], key); k++) {
      }
    if (k == K_N) {
      warning(L, t.path, r->line, colno(&t, D_KEY), "未知的项目“%s”，已忽略",
              shown(L, kf));
      continue;
    }
    if (seen[k]) {
      ds_problem(L, t.path, r->line, colno(&t, D_KEY),
                 "项目“%s”重复（第 %d 行已经填写过）", shown(L, kf), seen[k]);
      continue;
    }
    seen[k] = r->line;
    int vc = colno(&t, D_VALUE);
    switch (k) {
    case K_CODE: {
      char *c = digits_field(L, vf);
      if (!c)
        ds_problem(L, t.path, r->line, vc, "部门编码“%s”应只含数字",
                   shown(L, vf));
      else
        ds->dept_code = c;
      break;
    }
    case K_NAME:
      if (!vf.len)
        ds_problem(L, t.path, r->line, vc, "部门名称不能为空");
      else
        ds->dept_name = dup_field(L, vf);
      break;
    case K_YEAR: {
      /* "2023" or "2023年" */
      char buf[32];
      size_t n = ys_text_key_buf(buf, sizeof buf, vf.s, vf.len);
      if (n < sizeof buf && n >= 3 && !strcmp(buf + n - 3, "年"))
        buf[n -= 3] = '\0';
      int y = 0, ok = n == 4;
      for (size_t j = 0; ok && j < n; j++) {
        if (buf[j] < '0' || buf[j] > '9')
          ok = 0;
        else
          y = y * 10 + (buf[j] - '0');
      }
      if (!ok || y < 2000 || y > 2100)
        ds_problem(L, t.path, r->line, vc,
                   "年度“%s”不合理（应为2000至2100之间的四位年份，如 2023）",
                   shown(L, vf));
      else
        ds->year = L->year = y;
      break;
    }
    case K_PROFILE: {
      char buf[64];
      if (!enum_key(buf, sizeof buf, vf.s, vf.len))
        ds_problem(L, t.path, r->line, vc, "报表格式“%s”无效", shown(L, vf));
      else
        ds->profile = ys_arena_strdup(L->a, buf);
      break;
    }
    case K_PREFIX: {
      char buf[64];
      if (vf.len == 0) break;
      if (!enum_key(buf, sizeof buf, vf.s, vf.len) ||
          (strcmp(buf, "部门") && strcmp(buf, "单位")))
        ds_problem(L, t.path, r->line, vc,
                   "标题前缀“%s”无效（应为“部门”或“单位”）", shown(L, vf));
      else
        ds->title_prefix = ys_arena_strdup(L->a, buf);
      break;
    }
    case K_PHASE: {
      /* what the package is: 部门预算 or 部门决算 (an adjusted budget is
       * published in neither) */
      char buf[64];
      ys_phase p = YS_PHASE_NONE;
      if (enum_key(buf, sizeof buf, vf.s, vf.len))
        p = (ys_phase)map_lookup(phase_map, strncmp(buf, "部门", strlen("部门"))
                                                ? buf
                                                : buf + strlen("部门"));
      if (p != YS_PHASE_BUDGET && p != YS_PHASE_FINAL)
        ds_problem(L, t.path, r->line, vc, "类型“%s”无效（应为“预算”或“决算”）",
                   shown(L, vf));
      else
        ds->phase = p;
      break;
    }
    }
  }
  int hl = t.csv.n ? t.csv.rec[0].line : 1;
  for (int k = 0; k < K_N; k++) {
    if (!dept_keys[k].required || seen[k]) continue;
    const char *al = dept_keys[k].alias, *bar = strchr(al, '|');
    int alen = bar ? (int)(bar - al) : (int)strlen(al);
    ds_problem(L, t.path, hl, 0, "缺少“%s（%.*s）”这一项", dept_keys[k].id,
               alen, al);
  }
  if (!ds->profile) ds->profile = "";
  if (!ds->title_prefix) ds->title_prefix = "";
  if (!ds->dept_name) ds->dept_name = "";
}

/* ---------------------------------------------------------------------- */
/* units.csv                                                              */

enum { U_CODE, U_NAME, U_KIND, U_NCOLS };
static const ys_csv_col unit_cols[] = {
    {"code", "单位编码", 1},
    {"name", "单位名称", 1},
    {"kind", "单位性质|单位类型", 1},
};

static void load_units(loader *L) {
  ys_dataset *ds = L->ds;
  table t;
  if (!open_table(L, &t, "units.csv", unit_cols, U_NCOLS, 1)) return;
  size_t nerr0 = L->nerr;
  for (size_t i = 1; i < t.csv.n; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    check_extra_cells(L, &t, r);
    ys_csv_field cf = cell(&t, r, U_CODE), nf = cell(&t, r, U_NAME),
                 kf = cell(&t, r, U_KIND);
    char *code = digits_field(L, cf);
    if (!code) {
      if (cf.len)
        ds_problem(L, t.path, r->line, colno(&t, U_CODE),
                   "单位编码“%s”应只含数字", shown(L, cf));
      else
        ds_problem(L, t.path, r->line, colno(&t, U_CODE), "单位编码不能为空");
    }
    if (!nf.len)
      ds_problem(L, t.path, r->line, colno(&t, U_NAME), "单位名称不能为空");
    ys_unit_kind kind = (ys_unit_kind)enum_parse_n(unit_kind_map, kf.s, kf.len);
    if (!kind)
      ds_problem(L, t.path, r->line, colno(&t, U_KIND),
                 "单位性质“%s”无效（应为“行政”或“事业”，参公单位填“行政”）",
                 shown(L, kf));
    if (!code)
      continue; /* kept despite other problems: avoids noise in
                   every row that refers to it */
    ys_budget_unit *u =
        push(L, &ds->units, &ds->n_units, &L->cap_units, sizeof *u);
    if (!u) return;
    u->code = code;
    u->name = dup_field(L, nf);
    u->kind = kind;
    u->line = r->line;
  }
  if (t.csv.n > 0 && ds->n_units == 0 && L->nerr == nerr0)
    ds_problem(L, t.path, t.csv.rec[0].line, 0, "没有定义任何单位");
  ds_impl *im = L->impl;
  if (ds->n_units) {
    size_t m;
    im->unit_idx = (const ys_budget_unit **)ds_field_index(
        L, ds->units, ds->n_units, sizeof *ds->units,
        offsetof(ys_budget_unit, code), true, &m);
    if (!im->unit_idx) return;
    for (size_t i = 1; i < ds->n_units; i++)
      if (!strcmp(im->unit_idx[i]->code, im->unit_idx[i - 1]->code))
        ds_problem(L, t.path, im->unit_idx[i]->line, colno(&t, U_CODE),
                   "单位编码“%s”重复（第 %d 行已经定义）",
                   im->unit_idx[i]->code, im->unit_idx[i - 1]->line);
  }
  L->units_ok = 1;
}

/* ---------------------------------------------------------------------- */
/* projects.csv                                                           */

enum {
  P_CODE,
  P_NAME,
  P_UNIT,
  P_CATEGORY,
  P_DESC,
  P_GOAL,
  P_PERIOD,
  P_MANAGER,
  P_NCOLS
};
static const ys_csv_col project_cols[] = {
    {"code", "项目编码", 1},
    {"name", "项目名称", 1},
    {"unit", "单位编码", 1},
    {"category", "项目类别|项目类型", 0},
    {"description", "项目简介|项目概述|项目概况", 0},
    {"goal", "总体目标|项目总体目标|年度目标", 0},
    {"period", "实施期限|项目期限", 0},
    {"manager", "主管部门|实施单位", 0},
};

static void load_projects(loader *L) {
  ys_dataset *ds = L->ds;
  table t;
  if (!open_table(L, &t, "projects.csv", project_cols, P_NCOLS, 0)) {
    /* absent is fine until an item needs a project: that item reports */
    struct stat st;
    L->projects_absent = stat(ds_join(L, "projects.csv"), &st) != 0;
    L->projects_ok = L->projects_absent;
    return;
  }
  for (size_t i = 1; i < t.csv.n; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    check_extra_cells(L, &t, r);
    ys_csv_field cf = cell(&t, r, P_CODE), nf = cell(&t, r, P_NAME);
    char *code = project_code_field(L, cf);
    if (!code) {
      if (cf.len)
        ds_problem(L, t.path, r->line, colno(&t, P_CODE),
                   "项目编码“%s”无效（只能含数字、英文字母和 - _ .）",
                   shown(L, cf));
      else
        ds_problem(L, t.path, r->line, colno(&t, P_CODE), "项目编码不能为空");
    }
    if (!nf.len)
      ds_problem(L, t.path, r->line, colno(&t, P_NAME), "项目名称不能为空");
    const char *ucode;
    check_unit_ref(L, t.path, r->line, colno(&t, P_UNIT), cell(&t, r, P_UNIT),
                   &ucode);
    if (!code) continue;
    ys_project *p =
        push(L, &ds->projects, &ds->n_projects, &L->cap_proj, sizeof *p);
    if (!p) return;
    p->code = code;
    p->name = text_field(L, nf);
    p->unit = ucode ? ucode : "";
    p->category = text_field(L, cell(&t, r, P_CATEGORY));
    p->description = text_field(L, cell(&t, r, P_DESC));
    p->goal = text_field(L, cell(&t, r, P_GOAL));
    p->period_text = text_field(L, cell(&t, r, P_PERIOD));
    p->manager = text_field(L, cell(&t, r, P_MANAGER));
    p->line = r->line;
  }
  ds_impl *im = L->impl;
  if (ds->n_projects) {
    size_t m;
    im->project_idx = (const ys_project **)ds_field_index(
        L, ds->projects, ds->n_projects, sizeof *ds->projects,
        offsetof(ys_project, code), true, &m);
    if (!im->project_idx) return;
    for (size_t i = 1; i < ds->n_projects; i++)
      if (!strcmp(im->project_idx[i]->code, im->project_idx[i - 1]->code))
        ds_problem(L, t.path, im->project_idx[i]->line, colno(&t, P_CODE),
                   "项目编码“%s”重复（第 %d 行已经定义）",
                   im->project_idx[i]->code, im->project_idx[i - 1]->line);
  }
  L->projects_ok = 1;
}

/* ---------------------------------------------------------------------- */
/* revenues.csv                                                           */

enum { R_UNIT, R_FUND, R_PERIOD, R_PHASE, R_FUNC, R_AMOUNT, R_NCOLS };
/* func: a 决算's 收入决算表 shows income by function 项, so a 决算
 * dataset gives it; a 预算 shows income by source only. */
static const ys_csv_col revenue_cols[] = {
    {"unit", "单位编码", 1},
    {"fund", "资金来源|收入来源", 1},
    {"period", "年度|资金年度", 0},
    {"phase", "阶段|数据类型", 0},
    {"func", "功能科目|功能科目编码|功能分类科目", 0},
    {"amount", "金额", 1},
};

static void load_revenues(loader *L) {
  ys_dataset *ds = L->ds;
  table t;
  if (!open_table(L, &t, "revenues.csv", revenue_cols, R_NCOLS, 1)) return;
  L->rev_amount_col = colno(&t, R_AMOUNT);
  for (size_t i = 1; i < t.csv.n; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    size_t nerr0 = L->nerr;
    check_extra_cells(L, &t, r);
    const char *ucode;
    check_unit_ref(L, t.path, r->line, colno(&t, R_UNIT), cell(&t, r, R_UNIT),
                   &ucode);
    ys_fund fund =
        check_fund(L, t.path, r->line, colno(&t, R_FUND), cell(&t, r, R_FUND));
    ys_period period = check_period(L, t.path, r->line, colno(&t, R_PERIOD),
                                    cell(&t, r, R_PERIOD));
    ys_phase phase = check_phase(L, t.path, r->line, colno(&t, R_PHASE),
                                 cell(&t, r, R_PHASE));
    ys_csv_field ff = cell(&t, r, R_FUNC);
    const char *func =
        ff.len ? check_func(L, t.path, r->line, colno(&t, R_FUNC), ff) : NULL;
    int64_t fen = 0;
    check_amount(L, t.path, r->line, colno(&t, R_AMOUNT), cell(&t, r, R_AMOUNT),
                 "金额", &fen);
    if (L->nerr != nerr0) continue;
    ys_revenue *v =
        push(L, &ds->revenues, &ds->n_revenues, &L->cap_rev, sizeof *v);
    if (!v) return;
    v->unit = ucode;
    v->fund = fund;
    v->period = period;
    v->phase = phase;
    v->func = func;
    v->amount = fen;
    v->line = r->line;
  }
}

/* ---------------------------------------------------------------------- */
/* items.csv                                                              */

enum {
  I_UNIT,
  I_FUNC,
  I_ECON,
  I_FUND,
  I_KIND,
  I_NATURE,
  I_PROJECT,
  I_PERIOD,
  I_PHASE,
  I_AMOUNT,
  I_NCOLS
};
static const ys_csv_col item_cols[] = {
    {"unit", "单位编码", 1},
    {"func", "功能科目|功能科目编码|功能分类科目", 1},
    {"econ", "经济科目|经济科目编码|经济分类科目", 1},
    {"fund", "资金来源", 1},
    {"kind", "支出类型|支出类别", 1},
    {"nature", "经费性质", 0},
    {"project", "项目编码", 0},
    {"period", "年度|资金年度", 0},
    {"phase", "阶段|数据类型", 0},
    {"amount", "金额", 1},
};

static void check_project_ref(loader *L, const table *t, const ys_csv_record *r,
                              ys_exp_kind kind, const char *ucode,
                              const char **out) {
  ys_csv_field pf = cell(t, r, I_PROJECT);
  int pc = t->idx[I_PROJECT] >= 0 ? colno(t, I_PROJECT) : 0;
  *out = NULL;
  if (kind != YS_KIND_PROJECT) {
    if (pf.len && kind)
      ds_problem(L, t->path, r->line, pc,
                 "只有项目支出才填写项目编码，本行的支出类型是“%s”",
                 ys_exp_kind_name(kind));
    return;
  }
  if (!pf.len) {
    ds_problem(L, t->path, r->line, pc, "项目支出必须填写项目编码");
    return;
  }
  char *code = project_code_field(L, pf);
  if (!code) {
    ds_problem(L, t->path, r->line, pc,
               "项目编码“%s”无效（只能含数字、英文字母和 - _ .）",
               shown(L, pf));
    return;
  }
  *out = code;
  if (!L->projects_ok) return;
  const ys_project *p = ys_dataset_project(L->ds, code);
  if (!p) {
    ds_problem(L, t->path, r->line, pc,
               "项目编码“%s”未在 projects.csv 中定义%s", code,
               L->projects_absent ? "（数据集中没有 projects.csv 文件，"
                                    "有项目支出时必须提供）"
                                  : "");
    return;
  }
  if (ucode && p->unit[0] && strcmp(p->unit, ucode))
    warning(L, t->path, r->line, pc,
            "项目“%s”在 projects.csv 中属于单位“%s”，本行的单位编码却是“%s”",
            code, p->unit, ucode);
}

/* Codes repeat across line items (a department has a few hundred codes
 * and may have millions of items): each distinct one is kept once. */
typedef struct interns {
  const char **v; /* open addressing, malloc'd; NULL slots empty */
  size_t cap, n;
} interns;

static size_t fnv1a(const char *s) {
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return (size_t)h;
}

static const char *intern(loader *L, interns *h, const char *s) {
  if (!s) return NULL;
  if (2 * (h->n + 1) > h->cap) {
    size_t nc = h->cap ? h->cap * 2 : 1024;
    const char **nv = calloc(nc, sizeof *nv);
    if (!nv) {
      L->oom = 1;
      return NULL;
    }
    for (size_t i = 0; i < h->cap; i++) {
      if (!h->v[i]) continue;
      size_t k = fnv1a(h->v[i]) & (nc - 1);
      while (nv[k]) k = (k + 1) & (nc - 1);
      nv[k] = h->v[i];
    }
    free(h->v);
    h->v = nv;
    h->cap = nc;
  }
  size_t k = fnv1a(s) & (h->cap - 1);
  for (; h->v[k]; k = (k + 1) & (h->cap - 1))
    if (strcmp(h->v[k], s) == 0) return h->v[k];
  const char *d = ys_arena_strdup(L->a, s);
  if (!d) {
    L->oom = 1;
    return NULL;
  }
  h->n++;
  return h->v[k] = d;
}

static void load_items_in(loader *L, ys_arena *dataset_arena);

/* items.csv is by far the largest file: it is parsed, and each row
 * validated, in a scratch arena freed at the end, so what stays is the
 * items (one exact-size array) and their distinct codes. */
static void load_items(loader *L) {
  ys_arena *keep = L->a, *scratch = ys_arena_new(DS_ARENA_LIMIT);
  if (!scratch) {
    L->oom = 1;
    return;
  }
  L->a = scratch;
  load_items_in(L, keep);
  L->a = keep;
  ys_arena_free(scratch);
}

static void load_items_in(loader *L, ys_arena *dataset_arena) {
  ys_dataset *ds = L->ds;
  table t;
  if (!open_table(L, &t, "items.csv", item_cols, I_NCOLS, 1)) return;
  L->item_amount_col = colno(&t, I_AMOUNT);
  /* the path outlives the scratch arena (messages and the balance check) */
  const char *path = ys_arena_strdup(dataset_arena, t.path);
  if (!path) {
    L->oom = 1;
    return;
  }
  t.path = path;
  interns codes = {NULL, 0, 0};
  ds->items = ys_arena_alloc(dataset_arena, sizeof *ds->items * t.csv.n);
  if (!ds->items) {
    L->oom = 1;
    return;
  }
  L->cap_items = t.csv.n;
  for (size_t i = 1; i < t.csv.n && !L->oom; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    size_t nerr0 = L->nerr;
    int ln = r->line;
    check_extra_cells(L, &t, r);
    const char *ucode;
    const ys_budget_unit *u = check_unit_ref(L, t.path, ln, colno(&t, I_UNIT),
                                             cell(&t, r, I_UNIT), &ucode);
    const char *func =
        check_func(L, t.path, ln, colno(&t, I_FUNC), cell(&t, r, I_FUNC));
    const char *econ =
        check_econ(L, t.path, ln, colno(&t, I_ECON), cell(&t, r, I_ECON));
    const char *gecon = NULL;
    if (econ && u && u->kind)
      gecon = derive_gecon(L, t.path, ln, colno(&t, I_ECON), econ, u);
    ys_fund fund =
        check_fund(L, t.path, ln, colno(&t, I_FUND), cell(&t, r, I_FUND));

    ys_csv_field kf = cell(&t, r, I_KIND);
    ys_exp_kind kind = (ys_exp_kind)enum_parse_n(kind_map, kf.s, kf.len);
    if (!kf.len)
      ds_problem(L, t.path, ln, colno(&t, I_KIND), "支出类型不能为空");
    else if (!kind)
      ds_problem(L, t.path, ln, colno(&t, I_KIND),
                 "支出类型“%s”无效（应为基本、项目、上缴上级、经营或"
                 "对附属单位补助）",
                 shown(L, kf));

    ys_csv_field nf = cell(&t, r, I_NATURE);
    int nc = t.idx[I_NATURE] >= 0 ? colno(&t, I_NATURE) : 0;
    ys_nature nature = YS_NATURE_NONE;
    if (kind == YS_KIND_BASIC) {
      if (nf.len) {
        nature = (ys_nature)enum_parse_n(nature_map, nf.s, nf.len);
        if (!nature)
          ds_problem(L, t.path, ln, nc,
                     "经费性质“%s”无效（应为“人员经费”或“公用经费”，"
                     "也可以不填）",
                     shown(L, nf));
      } else if (econ) {
        /* 工资福利 and 对个人和家庭的补助 are personnel, the rest public */
        nature = strncmp(econ, "301", 3) == 0 || strncmp(econ, "303", 3) == 0
                     ? YS_NATURE_PERSONNEL
                     : YS_NATURE_PUBLIC;
      }
    } else if (kind && nf.len) {
      ds_problem(L, t.path, ln, nc,
                 "经费性质只用于基本支出，本行的支出类型是“%s”，应留空",
                 ys_exp_kind_name(kind));
    }

    const char *project;
    check_project_ref(L, &t, r, kind, ucode, &project);
    ys_period period =
        check_period(L, t.path, ln, colno(&t, I_PERIOD), cell(&t, r, I_PERIOD));
    ys_phase phase =
        check_phase(L, t.path, ln, colno(&t, I_PHASE), cell(&t, r, I_PHASE));
    int64_t fen = 0;
    check_amount(L, t.path, ln, colno(&t, I_AMOUNT), cell(&t, r, I_AMOUNT),
                 "金额", &fen);
    if (L->nerr != nerr0) continue;
    ys_line_item *it = &ds->items[ds->n_items++];
    const ys_project *pj = project ? ys_dataset_project(ds, project) : NULL;
    ys_arena *row_arena = L->a;
    L->a = dataset_arena;
    it->unit = u ? u->code : intern(L, &codes, ucode);
    it->func = intern(L, &codes, func);
    it->econ = intern(L, &codes, econ);
    it->gecon = intern(L, &codes, gecon);
    it->project = pj ? pj->code : intern(L, &codes, project);
    L->a = row_arena;
    it->fund = fund;
    it->kind = kind;
    it->nature = nature;
    it->period = period;
    it->phase = phase;
    it->amount = fen;
    it->line = ln;
  }
  free(codes.v);
}

/* ---------------------------------------------------------------------- */
/* targets.csv                                                            */

enum {
  T_PROJECT,
  T_LEVEL1,
  T_LEVEL2,
  T_NAME,
  T_OP,
  T_VALUE,
  T_UNIT,
  T_WEIGHT,
  T_DIRECTION,
  T_NCOLS
};
static const ys_csv_col target_cols[] = {
    {"project", "项目编码", 1},       {"level1", "一级指标", 1},
    {"level2", "二级指标", 1},        {"name", "三级指标|指标内容|指标名称", 1},
    {"op", "符号|运算符", 0},         {"value", "指标值", 1},
    {"unit", "计量单位|度量单位", 0}, {"weight", "权重|分值", 0},
    {"direction", "指标方向", 0},
};

static const char *norm_op(const char *key) {
  static const struct {
    const char *in, *out;
  } ops[] = {{"≥", "≥"},  {">=", "≥"}, {"≤", "≤"}, {"<=", "≤"}, {"=", "="},
             {"==", "="}, {">", ">"},  {"<", "<"}, {"", ""}};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (!strcmp(key, ops[i].in)) return ops[i].out;
  return NULL;
}

/* "10", "10%" or empty (-1); -2 when invalid. */
static int parse_weight(ys_csv_field f) {
  char buf[32];
  size_t n = ys_text_key_buf(buf, sizeof buf, f.s, f.len);
  if (n >= sizeof buf) return -2;
  if (n == 0) return -1;
  if (buf[n - 1] == '%') buf[--n] = '\0';
  if (n == 0 || n > 3) return -2;
  int w = 0;
  for (size_t i = 0; i < n; i++) {
    if (buf[i] < '0' || buf[i] > '9') return -2;
    w = w * 10 + (buf[i] - '0');
  }
  return w <= 100 ? w : -2;
}

static void load_targets(loader *L) {
  ys_dataset *ds = L->ds;
  table t;
  if (!open_table(L, &t, "targets.csv", target_cols, T_NCOLS, 0)) return;
  for (size_t i = 1; i < t.csv.n; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    size_t nerr0 = L->nerr;
    int ln = r->line;
    check_extra_cells(L, &t, r);
    ys_csv_field pf = cell(&t, r, T_PROJECT);
    const char *project = "";
    if (pf.len) {
      char *code = project_code_field(L, pf);
      if (!code)
        ds_problem(L, t.path, ln, colno(&t, T_PROJECT),
                   "项目编码“%s”无效（只能含数字、英文字母和 - _ .）",
                   shown(L, pf));
      else if (L->projects_ok && !ys_dataset_project(ds, code))
        ds_problem(L, t.path, ln, colno(&t, T_PROJECT),
                   "项目编码“%s”未在 projects.csv 中定义", code);
      else
        project = code;
    }
    ys_csv_field l1 = cell(&t, r, T_LEVEL1), nm = cell(&t, r, T_NAME);
    if (!l1.len)
      ds_problem(L, t.path, ln, colno(&t, T_LEVEL1), "一级指标不能为空");
    if (!nm.len)
      ds_problem(L, t.path, ln, colno(&t, T_NAME),
                 "三级指标（指标名称）不能为空");
    ys_csv_field of = cell(&t, r, T_OP);
    char okey[16];
    const char *op = NULL;
    if (ys_text_key_buf(okey, sizeof okey, of.s, of.len) < sizeof okey)
      op = norm_op(okey);
    if (!op) {
      ds_problem(L, t.path, ln, colno(&t, T_OP),
                 "符号“%s”无效（应为 ≥、≤、=、>、< 之一，定性指标留空）",
                 shown(L, of));
      op = "";
    }
    ys_csv_field wf = cell(&t, r, T_WEIGHT);
    int weight = parse_weight(wf);
    if (weight == -2)
      ds_problem(L, t.path, ln, colno(&t, T_WEIGHT),
                 "权重“%s”无效（应为0到100之间的整数，单位为%%，可以不填）",
                 shown(L, wf));
    ys_csv_field df = cell(&t, r, T_DIRECTION);
    char dkey[32];
    const char *dir = "";
    if (df.len) {
      if (enum_key(dkey, sizeof dkey, df.s, df.len) &&
          (!strcmp(dkey, "正向") || !strcmp(dkey, "反向")))
        dir = ys_arena_strdup(L->a, dkey);
      else
        ds_problem(L, t.path, ln, colno(&t, T_DIRECTION),
                   "指标方向“%s”无效（应为“正向”或“反向”，可以不填）",
                   shown(L, df));
    }
    if (L->nerr != nerr0) continue;
    ys_target *g =
        push(L, &ds->targets, &ds->n_targets, &L->cap_targets, sizeof *g);
    if (!g) return;
    g->project = project;
    g->level1 = text_field(L, l1);
    g->level2 = text_field(L, cell(&t, r, T_LEVEL2));
    g->name = text_field(L, nm);
    g->op = op;
    g->value = text_field(L, cell(&t, r, T_VALUE));
    g->unit_text = text_field(L, cell(&t, r, T_UNIT));
    g->weight = weight;
    g->direction = dir ? dir : "";
    g->line = ln;
  }
}

/* ---------------------------------------------------------------------- */
/* procurement.csv                                                        */

enum {
  Q_UNIT,
  Q_PROJECT,
  Q_CATALOG,
  Q_SERVICE,
  Q_SPEC,
  Q_QUANTITY,
  Q_FUNC,
  Q_ECON,
  Q_TIME,
  Q_AMOUNT,
  Q_NCOLS
};
static const ys_csv_col procurement_cols[] = {
    {"unit", "单位编码", 1},
    {"project", "采购项目|采购项目名称", 1},
    {"catalog", "采购目录|采购品目", 1},
    {"service", "购买服务内容", 0},
    {"spec", "规格型号", 0},
    {"quantity", "数量", 0},
    {"func", "功能科目", 0},
    {"econ", "经济科目", 0},
    {"time", "实施采购时间|采购时间", 0},
    {"amount", "金额", 1},
};

static void load_procurement(loader *L) {
  ys_dataset *ds = L->ds;
  table t;
  if (!open_table(L, &t, "procurement.csv", procurement_cols, Q_NCOLS, 0))
    return;
  for (size_t i = 1; i < t.csv.n; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    size_t nerr0 = L->nerr;
    int ln = r->line;
    check_extra_cells(L, &t, r);
    const char *ucode;
    const ys_budget_unit *u = check_unit_ref(L, t.path, ln, colno(&t, Q_UNIT),
                                             cell(&t, r, Q_UNIT), &ucode);
    ys_csv_field pf = cell(&t, r, Q_PROJECT);
    if (!pf.len)
      ds_problem(L, t.path, ln, colno(&t, Q_PROJECT), "采购项目不能为空");
    /* codes are optional here: many tables show only the catalogue */
    const char *func = NULL, *econ = NULL, *gecon = NULL;
    ys_csv_field ff = cell(&t, r, Q_FUNC), ef = cell(&t, r, Q_ECON);
    if (ff.len) func = check_func(L, t.path, ln, colno(&t, Q_FUNC), ff);
    if (ef.len) econ = check_econ(L, t.path, ln, colno(&t, Q_ECON), ef);
    if (econ && u && u->kind)
      gecon = derive_gecon(L, t.path, ln, colno(&t, Q_ECON), econ, u);
    int64_t fen = 0;
    check_amount(L, t.path, ln, colno(&t, Q_AMOUNT), cell(&t, r, Q_AMOUNT),
                 "金额", &fen);
    if (L->nerr != nerr0) continue;
    ys_procurement *q = push(L, &ds->procurements, &ds->n_procurements,
                             &L->cap_proc, sizeof *q);
    if (!q) return;
    q->unit = ucode;
    q->project = text_field(L, pf);
    q->catalog = text_field(L, cell(&t, r, Q_CATALOG));
    q->service = text_field(L, cell(&t, r, Q_SERVICE));
    q->spec = text_field(L, cell(&t, r, Q_SPEC));
    q->quantity = text_field(L, cell(&t, r, Q_QUANTITY));
    q->func = func ? func : "";
    q->econ = econ ? econ : "";
    q->gecon = gecon ? gecon : "";
    q->time_text = text_field(L, cell(&t, r, Q_TIME));
    q->amount = fen;
    q->line = ln;
  }
}

/* ---------------------------------------------------------------------- */
/* facts.csv                                                              */

enum { F_KEY, F_VALUE, F_REASON, F_NCOLS };
static const ys_csv_col fact_cols[] = {
    {"key", "项目|键", 1},
    {"value", "值|数值", 1},
    {"reason", "原因|说明", 0},
};

typedef enum fact_type { FT_UNKNOWN, FT_COUNT, FT_AMOUNT, FT_TEXT } fact_type;

static const char *const count_keys[] = {
    "staff.authorized", "staff.authorized.admin", "staff.authorized.inst",
    "staff.actual", "staff.actual.admin", "staff.actual.inst", "staff.retired",
    "assets.vehicles", "assets.equipment", "assets.vehicles.purchase",
    "assets.equipment.purchase",
    /* 决算 三公: what was done */
    "sangong.abroad.groups", "sangong.abroad.persons",
    "sangong.vehicles.purchased", "sangong.vehicles.held",
    "sangong.reception.batches", "sangong.reception.persons",
    "sangong.reception.domestic.batches", "sangong.reception.domestic.persons",
    "sangong.reception.foreign.batches", "sangong.reception.foreign.persons"};

static const char *const amount_keys[] = {"prev.sangong.abroad",
                                          "prev.sangong.reception",
                                          "prev.sangong.vehicle_purchase",
                                          "prev.sangong.vehicle_operation",
                                          "prev.meeting",
                                          "prev.training",
                                          "prev.total",
                                          "prev.gpb",
                                          "prev.fiscal",
                                          "prev.public",
                                          "running_cost",
                                          "account.prev_balance",
                                          "account.unallocated"};

static int in_list(const char *key, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(key, list[i])) return 1;
  return 0;
}

static int starts(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int all_digits(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return 0;
  return 1;
}

/* The type of a fact key (without any @UNIT suffix). *canon is set when
 * the key has a canonical spelling other than itself; *bad to a message
 * when the key is recognised but malformed. */
static fact_type fact_key_type(loader *L, const char *key, const char **canon,
                               const char **bad) {
  *canon = NULL;
  *bad = NULL;
  if (in_list(key, count_keys, sizeof count_keys / sizeof *count_keys))
    return FT_COUNT;
  if (in_list(key, amount_keys, sizeof amount_keys / sizeof *amount_keys))
    return FT_AMOUNT;
  if (starts(key, "prev.func.") || starts(key, "prev.econ.")) {
    if (!all_digits(key + 10)) *bad = "中的科目编码应只含数字";
    return FT_AMOUNT;
  }
  for (size_t i = 0; i < DS_N_UNSPENT; i++) {
    size_t pl = strlen(ds_unspent[i]);
    if (!starts(key, ds_unspent[i]) || key[pl] != '.') continue;
    /* One spelling per fund: the id the quantity language uses
     * (carry_next.gpb), so profiles can name it. */
    ys_fund f = ys_fund_parse(key + pl + 1);
    if (!f)
      *bad = "中的资金来源无效（应如 carry_next.一般公共预算拨款）";
    else if (i == 1 &&
             (f == YS_FUND_GPB || f == YS_FUND_GOVFUND || f == YS_FUND_SOC))
      /* 结余分配 (提取专用基金, 缴纳所得税, 转入非财政拨款结余) is of
       * 非财政拨款结余 only: what 财政拨款 leaves is carried forward. */
      *bad = "不能用于财政拨款：结余分配只针对非财政拨款结余，"
             "财政拨款的结转和结余应填 carry_next";
    else if (!(*canon = ys_arena_printf(L->a, "%s.%s", ds_unspent[i],
                                        ys_fund_id(f))))
      L->oom = 1;
    return FT_AMOUNT;
  }
  if (starts(key, "empty.") && key[6]) return FT_TEXT;
  if (!strcmp(key, "dept.goal") || starts(key, "reason.")) return FT_TEXT;
  if (starts(key, "dept.task.")) {
    /* dept.task.N.name / .content / .amount / .fiscal / .other */
    const char *p = key + 10, *dot = strchr(p, '.');
    char n[12];
    size_t len = dot ? (size_t)(dot - p) : 0;
    if (!dot || len == 0 || len >= sizeof n) {
      *bad = "应写成 dept.task.序号.name 等形式（如 dept.task.1.name）";
      return FT_TEXT;
    }
    memcpy(n, p, len);
    n[len] = '\0';
    if (!all_digits(n)) {
      *bad = "中的任务序号应为数字（如 dept.task.1.name）";
      return FT_TEXT;
    }
    dot++;
    if (!strcmp(dot, "name") || !strcmp(dot, "content")) return FT_TEXT;
    if (!strcmp(dot, "amount") || !strcmp(dot, "fiscal") ||
        !strcmp(dot, "other"))
      return FT_AMOUNT;
    *bad = "的最后一段应为 name、content、amount、fiscal 或 other";
    return FT_TEXT;
  }
  return FT_UNKNOWN;
}

static void load_facts(loader *L) {
  ys_dataset *ds = L->ds;
  table t;
  if (!open_table(L, &t, "facts.csv", fact_cols, F_NCOLS, 0)) return;
  L->fact_value_col = colno(&t, F_VALUE);
  for (size_t i = 1; i < t.csv.n; i++) {
    const ys_csv_record *r = &t.csv.rec[i];
    size_t nerr0 = L->nerr;
    int ln = r->line, kc = colno(&t, F_KEY), vc = colno(&t, F_VALUE);
    check_extra_cells(L, &t, r);
    ys_csv_field kf = cell(&t, r, F_KEY), vf = cell(&t, r, F_VALUE);
    char kbuf[256];
    if (!kf.len) {
      ds_problem(L, t.path, ln, kc, "项目名不能为空");
      continue;
    }
    if (!enum_key(kbuf, sizeof kbuf, kf.s, kf.len)) {
      ds_problem(L, t.path, ln, kc, "项目名“%s”过长", shown(L, kf));
      continue;
    }
    /* KEY@UNIT: the same fact for one unit */
    char *at = strrchr(kbuf, '@');
    const char *ucode = NULL;
    if (at) {
      *at = '\0';
      ucode = at + 1;
      if (!all_digits(ucode))
        ds_problem(L, t.path, ln, kc, "“%s”中“@”后面应为单位编码",
                   shown(L, kf));
      else if (L->units_ok && !ys_dataset_unit(ds, ucode))
        ds_problem(L, t.path, ln, kc,
                   "“%s”中的单位编码“%s”未在 units.csv 中定义", shown(L, kf),
                   ucode);
    }
    const char *canon, *bad;
    fact_type type = fact_key_type(L, kbuf, &canon, &bad);
    if (bad)
      ds_problem(L, t.path, ln, kc, "“%s”%s", shown(L, kf), bad);
    else if (type == FT_UNKNOWN)
      warning(L, t.path, ln, kc, "未知的项目名“%s”（请检查拼写）",
              shown(L, kf));
    if (!canon) canon = kbuf;
    const char *key = ucode ? ys_arena_printf(L->a, "%s@%s", canon, ucode)
                            : ys_arena_strdup(L->a, canon);
    if (!key) {
      L->oom = 1;
      return;
    }
    if (type == FT_COUNT) {
      char vbuf[32];
      size_t n = ys_text_key_buf(vbuf, sizeof vbuf, vf.s, vf.len);
      if (n >= sizeof vbuf || n > 9 || !all_digits(vbuf))
        ds_problem(L, t.path, ln, vc, "“%s”的值“%s”应为不带小数的数字", key,
                   shown(L, vf));
    } else if (type == FT_AMOUNT) {
      int64_t fen;
      char what[300];
      snprintf(what, sizeof what, "“%s”的金额", key);
      check_amount(L, t.path, ln, vc, vf, what, &fen);
    }
    if (L->nerr != nerr0) continue;
    ys_fact *f = push(L, &ds->facts, &ds->n_facts, &L->cap_facts, sizeof *f);
    if (!f) return;
    f->key = key;
    f->value = text_field(L, vf);
    f->reason = text_field(L, cell(&t, r, F_REASON));
    f->line = ln;
  }
  /* sorted once, so that neither duplicates nor lookups cost n² */
  ds_impl *im = L->impl;
  if (!ds->n_facts) return;
  size_t m;
  im->fact_idx = (const ys_fact **)ds_field_index(
      L, ds->facts, ds->n_facts, sizeof *ds->facts, offsetof(ys_fact, key),
      true, &m);
  if (!im->fact_idx) return;
  for (size_t i = 1; i < ds->n_facts; i++)
    if (!strcmp(im->fact_idx[i]->key, im->fact_idx[i - 1]->key))
      ds_problem(L, t.path, im->fact_idx[i]->line, colno(&t, F_KEY),
                 "项目名“%s”重复（第 %d 行已经填写过）", im->fact_idx[i]->key,
                 im->fact_idx[i - 1]->line);
}

/* ---------------------------------------------------------------------- */

static int load_impl(ys_dataset **out, const char *dir, const ys_catalog *cat,
                     ys_errors *errs) {
  if (out) *out = NULL;
  if (!out || !dir) {
    ys_errors_add(errs, YS_EUSAGE, "", 0, 0, "没有指定数据集目录");
    return YS_EUSAGE;
  }
  ys_catalog *own_cat = NULL;
  if (!cat) {
    int rc = ys_catalog_open_builtin(&own_cat, errs);
    if (rc != YS_OK) return rc;
    cat = own_cat;
  }
  ys_arena *a = ys_arena_new(DS_ARENA_LIMIT);
  ds_impl *im = a ? ys_arena_alloc(a, sizeof *im) : NULL;
  if (!im) {
    ys_arena_free(a);
    ys_catalog_free(own_cat);
    ys_errors_add(errs, YS_ENOMEM, dir, 0, 0, "内存不足");
    return YS_ENOMEM;
  }
  loader L = {.ds = &im->pub, .impl = im, .a = a, .cat = cat, .errs = errs};
  ys_dataset *ds = &im->pub;
  ds->arena = a;
  L.dir = ds->dir = ys_arena_strdup(a, dir);
  if (!L.dir) {
    L.dir = dir;
    L.oom = 1;
  }

  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    ys_errors_add(errs, YS_ENOTFOUND, dir, 0, 0, "数据集目录不存在");
    ys_arena_free(a);
    ys_catalog_free(own_cat);
    return YS_ENOTFOUND;
  }

  load_department(&L);
  load_units(&L);
  load_projects(&L);
  load_revenues(&L);
  load_items(&L);
  load_targets(&L);
  load_procurement(&L);
  load_facts(&L);
  if (!L.oom) ds_index(&L);
  if (L.nerr == 0 && !L.oom) ds_check_unit_facts(&L);
  if (L.nerr == 0 && !L.oom) ds_check_balance(&L);
  if (L.nerr == 0 && !L.oom) ds_check_account(&L);
  ys_catalog_free(own_cat);

  if (L.oom) {
    ys_errors_add(errs, YS_ENOMEM, dir, 0, 0,
                  "内存不足（或数据集超过了 %zu MiB 的处理上限）",
                  DS_ARENA_LIMIT >> 20);
    ys_arena_free(a);
    return YS_ENOMEM;
  }
  if (L.nerr) {
    ys_arena_free(a);
    return YS_EINPUT;
  }
  *out = ds;
  return YS_OK;
}

void ys_dataset_free(ys_dataset *ds) {
  if (ds) ys_arena_free(ds->arena);
}

/* ys_dataset_load, with a message whenever it fails for want of memory. */
int ys_dataset_load(ys_dataset **out, const char *dir, const ys_catalog *cat,
                    ys_errors *errs) {
  size_t before = errs ? errs->count : 0;
  return ys_errors_nomem(errs, before, load_impl(out, dir, cat, errs),
                         "无法读入数据集");
}
