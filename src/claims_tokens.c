/*
 * claims_tokens.c - a sentence into tokens (claims_impl.h): numbers as
 * printed, with their unit (元/万元/亿元/千元, 个百分点, %, counts), years
 * ("2025年"), classification codes ("(204类)"); a list ("1267.86、2570.97
 * 万元") sharing the unit of its last figure, an amount whose unit was left
 * off taking its neighbour's, and the figures of one 、-list numbered.
 */
#include "claims_impl.h"

/* Reads a number at s[i]: digits with separators and a point; returns its
 * end and the digits without separators in *num. */
static size_t read_number(cr *r, const char *s, size_t n, size_t i,
                          const char **num) {
  size_t j = i;
  char buf[64];
  size_t w = 0;
  if (j < n && (s[j] == '-' || s[j] == '+')) {
    if (s[j] == '-') buf[w++] = '-';
    j++;
  }
  bool dot = false;
  while (j < n && w < 60) {
    char c = s[j];
    if (cl_digit(c)) {
      buf[w++] = c;
      j++;
    } else if (c == ',' && j + 3 < n && cl_digit(s[j + 1]) &&
               cl_digit(s[j + 2]) && cl_digit(s[j + 3]) && !dot) {
      j++; /* a thousands separator */
    } else if (c == '.' && !dot && j + 1 < n && cl_digit(s[j + 1])) {
      buf[w++] = '.';
      dot = true;
      j++;
    } else {
      break;
    }
  }
  buf[w] = '\0';
  *num = ys_arena_strdup(r->a, buf);
  return j;
}

typedef struct unitw {
  const char *w;
  tkind kind;
  ys_unit unit;
} unitw;

/* What follows a number. Longer words first. */
static const unitw units[] = {{"万亿元", TK_COUNT, 0},
                              {"万亿", TK_COUNT, 0},
                              {"万元", TK_AMT, YS_UNIT_WANYUAN},
                              {"亿元", TK_AMT, YS_UNIT_YIYUAN},
                              {"千元", TK_AMT, YS_UNIT_QIANYUAN},
                              {"个百分点", TK_PP, 0},
                              {"%", TK_PCT, 0},
                              {"元", TK_AMT, YS_UNIT_YUAN},
                              {"万人", TK_COUNT, 0},
                              {"万户", TK_COUNT, 0},
                              {"万", TK_AMT, YS_UNIT_WANYUAN},
                              {"亿", TK_AMT, YS_UNIT_YIYUAN},
                              {"人次", TK_COUNT, 0},
                              {"批次", TK_COUNT, 0},
                              {"人", TK_COUNT, 0},
                              {"辆", TK_COUNT, 0},
                              {"个", TK_COUNT, 0},
                              {"次", TK_COUNT, 0},
                              {"台", TK_COUNT, 0},
                              {"套", TK_COUNT, 0},
                              {"家", TK_COUNT, 0},
                              {"名", TK_COUNT, 0},
                              {"项", TK_COUNT, 0},
                              {"户", TK_COUNT, 0},
                              {"月", TK_COUNT, 0},
                              {"日", TK_COUNT, 0},
                              {"平方米", TK_COUNT, 0},
                              {"㎡", TK_COUNT, 0},
                              {"类)", TK_CODE, 0},
                              {"款)", TK_CODE, 0},
                              {"项)", TK_CODE, 0},
                              {"类", TK_CODE, 0},
                              {"款", TK_CODE, 0}};

static int add_tok(cr *r, tk **v, size_t *n, size_t *cap, tk t) {
  tk *x = ys_arena_reserve(r->a, *v, *n, cap, sizeof *x);
  if (!x) return YS_ENOMEM;
  *v = x;
  (*v)[(*n)++] = t;
  return YS_OK;
}

/* The numbers of a sentence, each with the unit or word after it (a year,
 * a code, a count), into *out (*ntp of them). YS_OK or YS_ENOMEM. */
static int scan_numbers(cr *r, sent *st, tk **out, size_t *ntp) {
  const char *s = st->s;
  size_t n = st->n;
  tk *v = NULL;
  size_t nt = 0, cap = 0;
  int depth = 0;
  for (size_t i = 0; i < n;) {
    char c = s[i];
    if (c == '(') depth++;
    if (c == ')' && depth > 0) depth--;
    bool start =
        cl_digit(c) || ((c == '-' || c == '+') && i + 1 < n &&
                        cl_digit(s[i + 1]) && (i == 0 || !cl_digit(s[i - 1])));
    /* a number glued to letters or digits before it is part of a word */
    if (!start || (i > 0 && (cl_digit(s[i - 1]) || s[i - 1] == '.'))) {
      i++;
      continue;
    }
    const char *num;
    size_t j = read_number(r, s, n, i, &num);
    if (!num) return YS_ENOMEM;
    /* list numbering at the start of a clause: "5.经营收入", "2、", "(1)" */
    bool clause_start = i == 0 || s[i - 1] == ',' || s[i - 1] == ';' ||
                        s[i - 1] == ':' || s[i - 1] == '(';
    if (clause_start && j - i <= 2 && num[0] != '-' &&
        ((cl_starts(s + j, "、") && (i == 0 || s[i - 1] != '(')) ||
         (s[j] == '.' && (j + 1 >= n || !cl_digit(s[j + 1]))) ||
         (i > 0 && s[i - 1] == '(' && s[j] == ')'))) {
      i = j + (cl_starts(s + j, "、") ? 3 : 1);
      continue;
    }
    tk t;
    memset(&t, 0, sizeof t);
    t.b = i;
    t.owner = st;
    t.num = num;
    t.depth = depth;
    t.kind = TK_NUM;
    /* a year: four digits and 年 */
    if (j - i == 4 && cl_starts(s + j, "年") && num[0] != '-') {
      t.kind = TK_YEAR;
      t.year = atoi(num);
      j += 3;
      if (cl_starts(s + j, "度")) j += 3;
    } else if (i > 0 && s[i - 1] == '(' &&
               (cl_starts(s + j, ")") || cl_starts(s + j, "类") ||
                cl_starts(s + j, "款") || cl_starts(s + j, "项"))) {
      /* a classification code in parentheses: (2101506), (204类) */
      t.kind = TK_CODE;
      while (j < n && s[j] != ')') j++;
    } else {
      for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
        if (cl_starts(s + j, units[u].w)) {
          t.kind = units[u].kind;
          t.unit = units[u].unit;
          j += strlen(units[u].w);
          break;
        }
    }
    t.e = j;
    t.shown = ys_arena_strndup(r->a, s + i, j - i);
    if (!t.shown) return YS_ENOMEM;
    if (add_tok(r, &v, &nt, &cap, t)) return YS_ENOMEM;
    i = j;
  }
  *out = v;
  *ntp = nt;
  return YS_OK;
}

static void list_units(const char *s, tk *v, size_t nt) {
  /* a list shares the unit of its last number: "1267.86、2570.97万元" */
  for (size_t k = nt; k-- > 0;) {
    if (v[k].kind != TK_AMT && v[k].kind != TK_PCT) continue;
    for (size_t m = k; m-- > 0;) {
      if (v[m].kind != TK_NUM) break;
      const char *gap = s + v[m].e;
      size_t gl = v[m + 1].b - v[m].e;
      if (!(gl == 3 && cl_starts(gap, "、")) && !(gl == 1 && *gap == ',') &&
          !(gl == 3 && (cl_starts(gap, "和") || cl_starts(gap, "及"))))
        break;
      v[m].kind = v[k].kind;
      v[m].unit = v[k].unit;
      v[m].listed = v[m + 1].listed = true;
    }
  }
}

static void missing_units(cr *r, const char *s, size_t n, tk *v, size_t nt) {
  /* an amount whose unit was left off, between siblings that have one:
   * "基本支出 29955.97 万元,…;项目支出 639.07,占…" — a number with
   * decimals right after a name and before a clause break takes the unit
   * of the amount before it in the sentence */
  for (size_t k = 0; k < nt; k++) {
    tk *t = &v[k];
    if (t->kind != TK_NUM || !strchr(t->num, '.') || t->b < 3 ||
        (unsigned char)s[t->b - 3] < 0xE3 ||
        (t->e < n && s[t->e] != ',' && s[t->e] != ';'))
      continue;
    bool found = false;
    for (size_t m = k; m-- > 0 && !found;)
      if (v[m].kind == TK_AMT) {
        t->kind = TK_AMT;
        t->unit = v[m].unit;
        found = true;
      }
    /* or of the sentence before, in the paragraph (a list split at ';') */
    if (!found && r->has_last_unit) {
      t->kind = TK_AMT;
      t->unit = r->last_unit;
    }
  }
  for (size_t k = nt; k-- > 0;)
    if (v[k].kind == TK_AMT) {
      r->last_unit = v[k].unit;
      r->has_last_unit = true;
      break;
    }
}

static void number_lists(const char *s, tk *v, size_t nt) {
  /* figures of one kind separated only by 、 , 和 及: one list */
  int lists = 0;
  for (size_t k = 1; k < nt; k++) {
    if (v[k].kind != v[k - 1].kind ||
        (v[k].kind != TK_AMT && v[k].kind != TK_PCT))
      continue;
    const char *gap = s + v[k - 1].e;
    size_t gl = v[k].b - v[k - 1].e;
    bool sep = (gl == 3 && (cl_starts(gap, "、") || cl_starts(gap, "和") ||
                            cl_starts(gap, "及"))) ||
               (gl == 1 && *gap == ',') || (gl == 6 && cl_starts(gap, "以及"));
    if (!sep) continue;
    v[k - 1].listed = v[k].listed = true;
    if (!v[k - 1].list) v[k - 1].list = ++lists;
    v[k].list = v[k - 1].list;
  }
}

/* The tokens of a sentence (st->t, st->nt): its numbers, then the units
 * a list or a figure without one takes, then its 、-lists. */
int cl_tokenize(cr *r, sent *st) {
  const char *s = st->s;
  size_t n = st->n;
  tk *v = NULL;
  size_t nt = 0;
  if (scan_numbers(r, st, &v, &nt)) return YS_ENOMEM;
  list_units(s, v, nt);
  missing_units(r, s, n, v, nt);
  number_lists(s, v, nt);
  st->t = v;
  st->nt = nt;
  return YS_OK;
}
