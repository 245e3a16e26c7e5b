/*
 * catalog.c - the classification catalogue (政府收支分类科目) as indexed data.
 *
 * The catalogue is not code: the CSV files in data/catalog/ list every code
 * with its name and the years the name is valid, and this file loads them (from
 * the copy compiled into the library, or from a directory that overrides it)
 * and answers the questions a checker asks about a published table: is this
 * code known, what was it called in that year, what is its parent, which codes
 * sit below it, which code does this printed name stand for, and which
 * government economic 款 a departmental one maps to for an administrative or an
 * institutional unit.
 *
 * A checker asks these questions for every cell of every table, so each
 * answer is a hash probe, never a scan. Per classification the entries are
 * sorted by (code, valid_from); a "node" gathers the entries of one code and
 * knows its children in code order; one hash table maps a code to its node
 * and another maps a name's matching key (ys_text_key) to the entries that
 * carry that name. Everything lives in one arena and is read-only after
 * loading, so one catalogue can serve many threads.
 *
 * Loading never stops at the first bad row: every problem is reported with
 * file, line and column, and a catalogue with any error is not returned, so
 * a checker never runs on a half-read reference.
 */
#include "yusuan/catalog.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "embedded.h"
#include "yusuan/arena.h"
#include "yusuan/text.h"

#define NCLS 3

/* ---------------------------------------------------------------- hashing */

/* An open-addressing table over an array of structs whose first member is a
 * NUL-terminated key. Slots hold index + 1 so that 0 means empty. */
typedef struct strtab {
  size_t *slot;
  size_t cap; /* a power of two, at least twice the key count */
  const char *base;
  size_t stride;
} strtab;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u; /* FNV-1a: short keys, good spread */
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211u;
  }
  return h;
}

static const char *st_key(const strtab *t, size_t i) {
  return *(const char *const *)(const void *)(t->base + i * t->stride);
}

static int st_build(ys_arena *a, strtab *t, const void *base, size_t stride,
                    size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  t->slot = ys_arena_alloc(a, cap * sizeof *t->slot);
  if (!t->slot) return YS_ENOMEM;
  t->cap = cap;
  t->base = base;
  t->stride = stride;
  for (size_t i = 0; i < n; i++) {
    const char *k = st_key(t, i);
    size_t h = (size_t)hash_bytes(k, strlen(k)) & (cap - 1);
    while (t->slot[h]) h = (h + 1) & (cap - 1);
    t->slot[h] = i + 1;
  }
  return YS_OK;
}

/* Index of key k (klen bytes, need not be NUL-terminated), or SIZE_MAX. */
static size_t st_find(const strtab *t, const char *k, size_t klen) {
  if (!t->slot) return SIZE_MAX;
  size_t h = (size_t)hash_bytes(k, klen) & (t->cap - 1);
  for (; t->slot[h]; h = (h + 1) & (t->cap - 1)) {
    const char *s = st_key(t, t->slot[h] - 1);
    if (strncmp(s, k, klen) == 0 && s[klen] == '\0') return t->slot[h] - 1;
  }
  return SIZE_MAX;
}

/* ------------------------------------------------------------ structures */

typedef struct node {
  const char *code; /* first member: the strtab key */
  size_t first, n;  /* this code's entries in cls_tab.ents, oldest first */
  size_t *kids;     /* node indexes of the children, in code order */
  size_t nkids;
} node;

typedef struct name_node {
  const char *key;           /* first member: ys_text_key of the name */
  const ys_cat_entry **ents; /* in code order, then oldest first */
  size_t n;
} name_node;

typedef struct cls_tab {
  ys_cat_entry *ents;
  size_t nents;
  node *nodes;
  size_t nnodes;
  size_t *roots; /* nodes of level 1 */
  size_t nroots;
  strtab codes;
  name_node *names;
  size_t nnames;
  strtab names_ht;
} cls_tab;

typedef struct map_ent {
  ys_unit_kind kind;
  const char *gov;
  int from, to;
} map_ent;

typedef struct map_node {
  const char *dept; /* first member: the strtab key */
  map_ent *ents;    /* oldest first */
  size_t n;
} map_node;

struct ys_catalog {
  ys_arena *a;
  cls_tab cls[NCLS];
  map_node *map;
  size_t nmap;
  strtab map_ht;
};

static const char *const cls_file[NCLS] = {"function.csv", "econ_dept.csv",
                                           "econ_gov.csv"};
static const char *const cls_label[NCLS] = {
    "支出功能分类", "部门预算支出经济分类", "政府预算支出经济分类"};

/* ------------------------------------------------------------- utilities */

static int valid_in(int from, int to, int year) {
  return (from == 0 || from <= year) && (to == 0 || year <= to);
}

static int level_of_len(size_t len) {
  return len == 3 ? 1 : len == 5 ? 2 : len == 7 ? 3 : 0;
}

static int all_digits(const char *s, size_t n) {
  if (n == 0) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* A year column: empty is 0 (open). 1 on success. */
static int parse_year(ys_csv_field f, int *out) {
  *out = 0;
  if (f.len == 0) return 1;
  if (f.len != 4 || !all_digits(f.s, f.len)) return 0;
  int y = (f.s[0] - '0') * 1000 + (f.s[1] - '0') * 100 + (f.s[2] - '0') * 10 +
          (f.s[3] - '0');
  if (y < 1949 || y > 2999) return 0;
  *out = y;
  return 1;
}

/* The validity columns of a row (valid_from, valid_to): each a year or
 * empty, and not ending before they start. Reports every problem; 1 when
 * the pair is usable. bad says the row already failed, which silences the
 * order check (its years may be unread). */
static int valid_years(ys_csv_field from, ys_csv_field to, int from_col,
                       int to_col, const char *file, int line, int *vf, int *vt,
                       int bad, ys_errors *errs) {
  int ok = 1;
  if (!parse_year(from, vf)) {
    ys_errors_add(errs, YS_EINPUT, file, line, from_col + 1,
                  "起始年度“%.*s”无效：应为四位年份或留空", (int)from.len,
                  from.s);
    ok = 0;
  }
  if (!parse_year(to, vt)) {
    ys_errors_add(errs, YS_EINPUT, file, line, to_col + 1,
                  "截止年度“%.*s”无效：应为四位年份或留空", (int)to.len, to.s);
    ok = 0;
  }
  if (ok && !bad && *vf && *vt && *vf > *vt) {
    ys_errors_add(errs, YS_EINPUT, file, line, to_col + 1,
                  "截止年度 %d 早于起始年度 %d", *vt, *vf);
    ok = 0;
  }
  return ok;
}

static int merge_status(int have, int st) {
  if (st == YS_OK) return have;
  if (have == YS_OK || st == YS_ENOMEM) return st;
  return have;
}

/* Reads one catalogue file, embedded (dir NULL) or from dir. */
static int read_table(ys_csv *t, const char *dir, const char *file,
                      ys_arena *tmp, ys_errors *errs) {
  if (!dir) {
    char path[64];
    snprintf(path, sizeof path, "catalog/%s", file);
    const ys_embedded_file *ef = ys_embedded_find(path);
    char *name = ys_arena_strdup(tmp, path);
    if (!name) return YS_ENOMEM;
    if (!ef) {
      ys_errors_add(errs, YS_ENOTFOUND, name, 0, 0,
                    "库中没有内置这个分类科目文件");
      return YS_ENOTFOUND;
    }
    return ys_csv_read_mem(t, name, ef->data, ef->size, tmp, errs);
  }
  size_t dl = strlen(dir);
  char *path = ys_arena_printf(tmp, "%s%s%s", dir,
                               dl && dir[dl - 1] == '/' ? "" : "/", file);
  if (!path) return YS_ENOMEM;
  return ys_csv_read_file(t, path, tmp, errs);
}

/* ------------------------------------------------- loading a classification */

typedef struct raw {
  ys_cat_entry e;
  int line;
} raw;

static int raw_cmp(const void *pa, const void *pb) {
  const raw *a = pa, *b = pb;
  int c = strcmp(a->e.code, b->e.code);
  if (c) return c;
  if (a->e.valid_from != b->e.valid_from)
    return a->e.valid_from < b->e.valid_from ? -1 : 1;
  return a->line < b->line ? -1 : a->line > b->line;
}

typedef struct keyed {
  const char *key;
  const ys_cat_entry *e;
} keyed;

static int keyed_cmp(const void *pa, const void *pb) {
  const keyed *a = pa, *b = pb;
  int c = strcmp(a->key, b->key);
  if (c) return c;
  /* entries are one array in (code, valid_from) order: pointer order is it */
  return a->e < b->e ? -1 : a->e > b->e;
}

/* Builds the name index of one classification. */
static int build_names(ys_catalog *cat, cls_tab *ct) {
  int st = YS_OK;
  keyed *k = ct->nents ? calloc(ct->nents, sizeof *k) : NULL;
  if (ct->nents && !k) return YS_ENOMEM;
  for (size_t i = 0; i < ct->nents; i++) {
    const ys_cat_entry *e = &ct->ents[i];
    k[i].e = e;
    k[i].key = ys_text_key(cat->a, e->name, strlen(e->name));
    if (!k[i].key) {
      free(k);
      return YS_ENOMEM;
    }
  }
  qsort(k, ct->nents, sizeof *k, keyed_cmp);
  size_t groups = 0;
  for (size_t i = 0; i < ct->nents; i++)
    if (i == 0 || strcmp(k[i].key, k[i - 1].key) != 0) groups++;
  ct->names = ys_arena_alloc(cat->a, (groups ? groups : 1) * sizeof *ct->names);
  const ys_cat_entry **ptrs =
      ys_arena_alloc(cat->a, (ct->nents ? ct->nents : 1) * sizeof *ptrs);
  if (!ct->names || !ptrs) st = YS_ENOMEM;
  for (size_t i = 0; st == YS_OK && i < ct->nents; i++) {
    ptrs[i] = k[i].e;
    if (i == 0 || strcmp(k[i].key, k[i - 1].key) != 0) {
      name_node *nn = &ct->names[ct->nnames++];
      nn->key = k[i].key;
      nn->ents = &ptrs[i];
    }
    ct->names[ct->nnames - 1].n++;
  }
  free(k);
  if (st != YS_OK) return st;
  return st_build(cat->a, &ct->names_ht, ct->names, sizeof(name_node),
                  ct->nnames);
}

/* Builds nodes, children and the code table from the sorted entries; checks
 * overlapping validity and missing parents (lines[] gives each entry's row). */
static int build_tree(ys_catalog *cat, ys_cls cls, const char *fname,
                      const int *lines, int code_col, ys_errors *errs) {
  cls_tab *ct = &cat->cls[cls];
  int st = YS_OK;
  size_t nn = 0;
  for (size_t i = 0; i < ct->nents; i++)
    if (i == 0 || strcmp(ct->ents[i].code, ct->ents[i - 1].code) != 0) nn++;
  ct->nodes = ys_arena_alloc(cat->a, (nn ? nn : 1) * sizeof *ct->nodes);
  if (!ct->nodes) return YS_ENOMEM;
  for (size_t i = 0; i < ct->nents; i++) {
    const ys_cat_entry *e = &ct->ents[i];
    if (i > 0 && strcmp(e->code, ct->ents[i - 1].code) == 0) {
      /* Two names of one code must not both claim a year: the lookup by
       * year would have to guess. */
      const ys_cat_entry *p = &ct->ents[i - 1];
      if (p->valid_to == 0 || e->valid_from == 0 ||
          p->valid_to >= e->valid_from) {
        /* blame the row further down the file: usually the one added */
        int late = lines[i] > lines[i - 1];
        ys_errors_add(errs, YS_EINPUT, fname, late ? lines[i] : lines[i - 1], 0,
                      "科目 %s 的名称“%s”与第 %d 行的“%s”适用年度重叠"
                      "（同一科目的各个名称须按年度前后衔接）",
                      e->code, late ? e->name : p->name,
                      late ? lines[i - 1] : lines[i], late ? p->name : e->name);
        st = YS_EINPUT;
      }
      ct->nodes[ct->nnodes - 1].n++;
      continue;
    }
    node *n = &ct->nodes[ct->nnodes++];
    n->code = e->code;
    n->first = i;
    n->n = 1;
  }
  int r = st_build(cat->a, &ct->codes, ct->nodes, sizeof(node), ct->nnodes);
  if (r != YS_OK) return r;

  /* Children: count, allocate, fill. Nodes are in code order, so each
   * parent's list comes out in code order too. */
  size_t *parent = calloc(ct->nnodes ? ct->nnodes : 1, sizeof *parent);
  if (!parent) return YS_ENOMEM;
  for (size_t i = 0; i < ct->nnodes; i++) {
    node *n = &ct->nodes[i];
    size_t len = strlen(n->code);
    parent[i] = SIZE_MAX;
    if (len == 3) {
      ct->nroots++;
      continue;
    }
    size_t p = st_find(&ct->codes, n->code, len - 2);
    if (p == SIZE_MAX) {
      ys_errors_add(errs, YS_EINPUT, fname, lines[n->first], code_col,
                    "科目 %s 的上级科目 %.*s 不存在（%s）", n->code,
                    (int)(len - 2), n->code, cls_label[cls]);
      st = YS_EINPUT;
      continue;
    }
    parent[i] = p;
    ct->nodes[p].nkids++;
  }
  ct->roots =
      ys_arena_alloc(cat->a, (ct->nroots ? ct->nroots : 1) * sizeof *ct->roots);
  if (!ct->roots) r = YS_ENOMEM;
  for (size_t i = 0; r == YS_OK && i < ct->nnodes; i++) {
    node *n = &ct->nodes[i];
    if (n->nkids) {
      n->kids = ys_arena_alloc(cat->a, n->nkids * sizeof *n->kids);
      if (!n->kids) r = YS_ENOMEM;
      n->nkids = 0; /* refilled below */
    }
  }
  size_t nroots = 0;
  for (size_t i = 0; r == YS_OK && i < ct->nnodes; i++) {
    if (strlen(ct->nodes[i].code) == 3)
      ct->roots[nroots++] = i;
    else if (parent[i] != SIZE_MAX) {
      node *p = &ct->nodes[parent[i]];
      p->kids[p->nkids++] = i;
    }
  }
  free(parent);
  return r != YS_OK ? r : st;
}

static int load_cls(ys_catalog *cat, ys_cls cls, const char *dir,
                    ys_errors *errs) {
  static const ys_csv_col cols[] = {
      {"code", "编码|科目编码", 1},  {"name", "名称|科目名称", 1},
      {"valid_from", "起始年度", 0}, {"valid_to", "截止年度", 0},
      {"source", "来源", 0},
  };
  enum { C_CODE, C_NAME, C_FROM, C_TO, C_SRC, C_N };
  ys_arena *tmp = ys_arena_new(0);
  if (!tmp) return YS_ENOMEM;
  ys_csv t;
  int st = read_table(&t, dir, cls_file[cls], tmp, errs);
  if (st != YS_OK && st != YS_EINPUT) {
    ys_arena_free(tmp);
    return st;
  }
  int idx[C_N];
  if (ys_csv_map_columns(&t, cols, C_N, idx, errs) != YS_OK) {
    ys_arena_free(tmp);
    return YS_EINPUT;
  }
  raw *rows = calloc(t.n ? t.n : 1, sizeof *rows);
  if (!rows) {
    ys_arena_free(tmp);
    return YS_ENOMEM;
  }
  size_t nrows = 0;
  for (size_t i = 1; i < t.n; i++) {
    const ys_csv_record *rec = &t.rec[i];
    ys_csv_field code = ys_csv_get(rec, idx[C_CODE]);
    ys_csv_field name = ys_csv_get(rec, idx[C_NAME]);
    ys_csv_field from = ys_csv_get(rec, idx[C_FROM]);
    ys_csv_field to = ys_csv_get(rec, idx[C_TO]);
    ys_csv_field src = ys_csv_get(rec, idx[C_SRC]);
    int bad = 0, vf = 0, vt = 0;
    if (!all_digits(code.s, code.len) || !level_of_len(code.len)) {
      ys_errors_add(errs, YS_EINPUT, t.name, rec->line, idx[C_CODE] + 1,
                    "科目编码“%.*s”无效：应为 3、5 或 7 位数字", (int)code.len,
                    code.s);
      bad = 1;
    }
    if (name.len == 0) {
      ys_errors_add(errs, YS_EINPUT, t.name, rec->line, idx[C_NAME] + 1,
                    "科目名称为空");
      bad = 1;
    }
    if (!valid_years(from, to, idx[C_FROM], idx[C_TO], t.name, rec->line, &vf,
                     &vt, bad, errs))
      bad = 1;
    if (bad) {
      st = YS_EINPUT;
      continue;
    }
    raw *r = &rows[nrows];
    r->line = rec->line;
    r->e.cls = cls;
    r->e.level = level_of_len(code.len);
    r->e.valid_from = vf;
    r->e.valid_to = vt;
    r->e.code = ys_arena_strndup(cat->a, code.s, code.len);
    r->e.name = ys_arena_strndup(cat->a, name.s, name.len);
    r->e.source = ys_arena_strndup(cat->a, src.s, src.len);
    if (!r->e.code || !r->e.name || !r->e.source) {
      st = YS_ENOMEM;
      break;
    }
    nrows++;
  }
  const char *fname = ys_arena_strdup(cat->a, t.name);
  ys_arena_free(tmp);
  if (st == YS_ENOMEM || !fname) {
    free(rows);
    return YS_ENOMEM;
  }

  qsort(rows, nrows, sizeof *rows, raw_cmp);
  cls_tab *ct = &cat->cls[cls];
  ct->ents = ys_arena_alloc(cat->a, (nrows ? nrows : 1) * sizeof *ct->ents);
  int *lines = malloc((nrows ? nrows : 1) * sizeof *lines);
  if (!ct->ents || !lines) {
    free(rows);
    free(lines);
    return YS_ENOMEM;
  }
  for (size_t i = 0; i < nrows; i++) {
    ct->ents[i] = rows[i].e;
    lines[i] = rows[i].line;
  }
  ct->nents = nrows;
  free(rows);
  st = merge_status(st,
                    build_tree(cat, cls, fname, lines, idx[C_CODE] + 1, errs));
  free(lines);
  if (st == YS_ENOMEM) return st;
  return merge_status(st, build_names(cat, ct));
}

/* ------------------------------------------------------ loading the map */

typedef struct raw_map {
  const char *dept;
  map_ent m;
  int line;
} raw_map;

static int raw_map_cmp(const void *pa, const void *pb) {
  const raw_map *a = pa, *b = pb;
  int c = strcmp(a->dept, b->dept);
  if (c) return c;
  if (a->m.kind != b->m.kind) return a->m.kind < b->m.kind ? -1 : 1;
  if (a->m.from != b->m.from) return a->m.from < b->m.from ? -1 : 1;
  return a->line < b->line ? -1 : a->line > b->line;
}

static ys_unit_kind parse_kind(const char *s, size_t n) {
  if ((n == 6 && memcmp(s, "行政", 6) == 0) ||
      (n == 12 && memcmp(s, "行政单位", 12) == 0))
    return YS_UNIT_KIND_ADMIN;
  if ((n == 6 && memcmp(s, "事业", 6) == 0) ||
      (n == 12 && memcmp(s, "事业单位", 12) == 0))
    return YS_UNIT_KIND_INST;
  return YS_UNIT_KIND_NONE;
}

/* The dept→gov economic mapping, row by row, each row validated against
 * both classifications with its own message: a list read top to bottom. */
static int load_map(ys_catalog *cat, const char *dir, ys_errors *errs) {
  static const ys_csv_col cols[] = {
      {"dept_code", "部门预算经济分类", 1}, {"unit_kind", "单位类型", 1},
      {"gov_code", "政府预算经济分类", 1},  {"valid_from", "起始年度", 0},
      {"valid_to", "截止年度", 0},          {"source", "来源", 0},
  };
  enum { C_DEPT, C_KIND, C_GOV, C_FROM, C_TO, C_SRC, C_N };
  ys_arena *tmp = ys_arena_new(0);
  if (!tmp) return YS_ENOMEM;
  ys_csv t;
  int st = read_table(&t, dir, "econ_map.csv", tmp, errs);
  if (st != YS_OK && st != YS_EINPUT) {
    ys_arena_free(tmp);
    return st;
  }
  int idx[C_N];
  if (ys_csv_map_columns(&t, cols, C_N, idx, errs) != YS_OK) {
    ys_arena_free(tmp);
    return YS_EINPUT;
  }
  const cls_tab *dept = &cat->cls[YS_CLS_ECON_DEPT];
  const cls_tab *gov = &cat->cls[YS_CLS_ECON_GOV];
  raw_map *rows = calloc(t.n ? t.n : 1, sizeof *rows);
  if (!rows) {
    ys_arena_free(tmp);
    return YS_ENOMEM;
  }
  size_t nrows = 0;
  for (size_t i = 1; i < t.n; i++) {
    const ys_csv_record *rec = &t.rec[i];
    ys_csv_field d = ys_csv_get(rec, idx[C_DEPT]);
    ys_csv_field k = ys_csv_get(rec, idx[C_KIND]);
    ys_csv_field g = ys_csv_get(rec, idx[C_GOV]);
    ys_csv_field from = ys_csv_get(rec, idx[C_FROM]);
    ys_csv_field to = ys_csv_get(rec, idx[C_TO]);
    int bad = 0, vf = 0, vt = 0;
    size_t di = st_find(&dept->codes, d.s, d.len);
    if (di == SIZE_MAX) {
      ys_errors_add(errs, YS_EINPUT, t.name, rec->line, idx[C_DEPT] + 1,
                    "部门预算支出经济分类中没有科目“%.*s”", (int)d.len, d.s);
      bad = 1;
    }
    ys_unit_kind kind = parse_kind(k.s, k.len);
    if (kind == YS_UNIT_KIND_NONE) {
      ys_errors_add(errs, YS_EINPUT, t.name, rec->line, idx[C_KIND] + 1,
                    "单位类型“%.*s”无效：应为“行政”或“事业”", (int)k.len, k.s);
      bad = 1;
    }
    size_t gi = st_find(&gov->codes, g.s, g.len);
    if (gi == SIZE_MAX) {
      ys_errors_add(errs, YS_EINPUT, t.name, rec->line, idx[C_GOV] + 1,
                    "政府预算支出经济分类中没有科目“%.*s”", (int)g.len, g.s);
      bad = 1;
    }
    if (!valid_years(from, to, idx[C_FROM], idx[C_TO], t.name, rec->line, &vf,
                     &vt, bad, errs))
      bad = 1;
    if (bad) {
      st = YS_EINPUT;
      continue;
    }
    raw_map *r = &rows[nrows++];
    /* point at the catalogue's own strings: no copies needed */
    r->dept = dept->nodes[di].code;
    r->m.gov = gov->nodes[gi].code;
    r->m.kind = kind;
    r->m.from = vf;
    r->m.to = vt;
    r->line = rec->line;
  }
  const char *fname = ys_arena_strdup(cat->a, t.name);
  ys_arena_free(tmp);
  if (!fname) {
    free(rows);
    return YS_ENOMEM;
  }
  qsort(rows, nrows, sizeof *rows, raw_map_cmp);
  size_t groups = 0;
  for (size_t i = 0; i < nrows; i++)
    if (i == 0 || rows[i].dept != rows[i - 1].dept) groups++;
  cat->map = ys_arena_alloc(cat->a, (groups ? groups : 1) * sizeof *cat->map);
  map_ent *ents = ys_arena_alloc(cat->a, (nrows ? nrows : 1) * sizeof *ents);
  if (!cat->map || !ents) {
    free(rows);
    return YS_ENOMEM;
  }
  for (size_t i = 0; i < nrows; i++) {
    ents[i] = rows[i].m;
    if (i == 0 || rows[i].dept != rows[i - 1].dept) {
      map_node *mn = &cat->map[cat->nmap++];
      mn->dept = rows[i].dept;
      mn->ents = &ents[i];
    } else if (rows[i].m.kind == rows[i - 1].m.kind) {
      const map_ent *p = &rows[i - 1].m;
      if (p->to == 0 || rows[i].m.from == 0 || p->to >= rows[i].m.from) {
        ys_errors_add(errs, YS_EINPUT, fname, rows[i].line, 0,
                      "%s 在%s单位的对应关系与第 %d 行适用年度重叠",
                      rows[i].dept, ys_unit_kind_name(rows[i].m.kind),
                      rows[i - 1].line);
        st = YS_EINPUT;
      }
    }
    cat->map[cat->nmap - 1].n++;
  }
  free(rows);
  return merge_status(st, st_build(cat->a, &cat->map_ht, cat->map,
                                   sizeof(map_node), cat->nmap));
}

/* ------------------------------------------------------------- opening */

static int open_any(ys_catalog **out, const char *dir, ys_errors *errs) {
  if (!out) return YS_EUSAGE;
  *out = NULL;
  ys_catalog *cat = calloc(1, sizeof *cat);
  if (!cat) return YS_ENOMEM;
  cat->a = ys_arena_new(0);
  if (!cat->a) {
    free(cat);
    return YS_ENOMEM;
  }
  int st = YS_OK;
  for (int c = 0; c < NCLS && st != YS_ENOMEM; c++)
    st = merge_status(st, load_cls(cat, (ys_cls)c, dir, errs));
  /* The map refers to both economic classifications; checking it against
   * a half-loaded one would only add noise. */
  if (st == YS_OK) st = load_map(cat, dir, errs);
  if (st != YS_OK) {
    ys_catalog_free(cat);
    return st;
  }
  *out = cat;
  return YS_OK;
}

int ys_catalog_open_builtin(ys_catalog **out, ys_errors *errs) {
  return open_any(out, NULL, errs);
}

int ys_catalog_open_dir(ys_catalog **out, const char *dir, ys_errors *errs) {
  if (!dir) {
    if (out) *out = NULL;
    return YS_EUSAGE;
  }
  return open_any(out, dir, errs);
}

void ys_catalog_free(ys_catalog *cat) {
  if (!cat) return;
  ys_arena_free(cat->a);
  free(cat);
}

/* ------------------------------------------------------------- queries */

static const cls_tab *tab(const ys_catalog *cat, ys_cls cls) {
  if (!cat || (int)cls < 0 || (int)cls >= NCLS) return NULL;
  return &cat->cls[cls];
}

/* The entry of node n valid in year (0: the newest), or NULL. */
static const ys_cat_entry *pick(const cls_tab *ct, const node *n, int year) {
  if (year == 0) return &ct->ents[n->first + n->n - 1];
  for (size_t i = 0; i < n->n; i++) {
    const ys_cat_entry *e = &ct->ents[n->first + i];
    if (valid_in(e->valid_from, e->valid_to, year)) return e;
  }
  return NULL;
}

static const node *find_node(const cls_tab *ct, const char *code, size_t len) {
  size_t i = st_find(&ct->codes, code, len);
  return i == SIZE_MAX ? NULL : &ct->nodes[i];
}

int ys_catalog_code_level(ys_cls cls, const char *code) {
  if ((int)cls < 0 || (int)cls >= NCLS || !code) return 0;
  size_t n = strlen(code);
  return all_digits(code, n) ? level_of_len(n) : 0;
}

const ys_cat_entry *ys_catalog_lookup(const ys_catalog *cat, ys_cls cls,
                                      const char *code, int year) {
  const cls_tab *ct = tab(cat, cls);
  if (!ct || !code) return NULL;
  const node *n = find_node(ct, code, strlen(code));
  return n ? pick(ct, n, year) : NULL;
}

size_t ys_catalog_versions(const ys_catalog *cat, ys_cls cls, const char *code,
                           const ys_cat_entry **out, size_t max) {
  const cls_tab *ct = tab(cat, cls);
  if (!ct || !code) return 0;
  const node *n = find_node(ct, code, strlen(code));
  if (!n) return 0;
  for (size_t i = 0; i < n->n && i < max; i++) out[i] = &ct->ents[n->first + i];
  return n->n;
}

const ys_cat_entry *ys_catalog_parent(const ys_catalog *cat,
                                      const ys_cat_entry *e, int year) {
  if (!e || e->level <= 1) return NULL;
  const cls_tab *ct = tab(cat, e->cls);
  if (!ct) return NULL;
  size_t len = strlen(e->code);
  if (len < 5) return NULL;
  const node *n = find_node(ct, e->code, len - 2);
  return n ? pick(ct, n, year) : NULL;
}

size_t ys_catalog_children(const ys_catalog *cat, ys_cls cls,
                           const char *parent_code, int year,
                           const ys_cat_entry **out, size_t max) {
  const cls_tab *ct = tab(cat, cls);
  if (!ct) return 0;
  const size_t *kids;
  size_t nkids;
  if (parent_code) {
    const node *p = find_node(ct, parent_code, strlen(parent_code));
    if (!p) return 0;
    kids = p->kids;
    nkids = p->nkids;
  } else {
    kids = ct->roots;
    nkids = ct->nroots;
  }
  size_t count = 0;
  for (size_t i = 0; i < nkids; i++) {
    const ys_cat_entry *e = pick(ct, &ct->nodes[kids[i]], year);
    if (!e) continue;
    if (count < max) out[count] = e;
    count++;
  }
  return count;
}

const ys_cat_entry *ys_catalog_match_name(const ys_catalog *cat, ys_cls cls,
                                          const char *name, size_t len,
                                          const char *parent_code, int year) {
  const cls_tab *ct = tab(cat, cls);
  if (!ct || !name) return NULL;
  char buf[512];
  char *key = buf;
  size_t klen = ys_text_key_buf(buf, sizeof buf, name, len);
  if (klen == 0) return NULL;
  if (klen >= sizeof buf) { /* a very long printed name: rare */
    key = malloc(klen + 1);
    if (!key) return NULL;
    ys_text_key_buf(key, klen + 1, name, len);
  }
  size_t ni = st_find(&ct->names_ht, key, klen);
  if (key != buf) free(key);
  if (ni == SIZE_MAX) return NULL;
  const name_node *nn = &ct->names[ni];
  size_t plen = parent_code ? strlen(parent_code) : 0;
  const ys_cat_entry *other = NULL;
  for (size_t i = 0; i < nn->n; i++) {
    const ys_cat_entry *e = nn->ents[i];
    if (parent_code && (strlen(e->code) != plen + 2 ||
                        memcmp(e->code, parent_code, plen) != 0))
      continue;
    /* year 0 asks for today's names: those not yet superseded */
    if (year == 0 ? e->valid_to == 0
                  : valid_in(e->valid_from, e->valid_to, year))
      return e; /* lowest code first: pass parent_code to disambiguate */
    /* Otherwise remember the most recent obsolete (or future) use, so the
     * caller can say "this name was replaced by …". */
    if (!other || e->valid_from > other->valid_from) other = e;
  }
  return other;
}

const char *ys_catalog_gov_map(const ys_catalog *cat, const char *dept_code,
                               ys_unit_kind kind, int year) {
  if (!cat || !dept_code ||
      (kind != YS_UNIT_KIND_ADMIN && kind != YS_UNIT_KIND_INST))
    return NULL;
  size_t len = strlen(dept_code);
  size_t mi = st_find(&cat->map_ht, dept_code, len);
  /* Provincial sub-款 (3010301) map as their 款 (30103) does. */
  if (mi == SIZE_MAX && len == 7) mi = st_find(&cat->map_ht, dept_code, 5);
  if (mi == SIZE_MAX) return NULL;
  const map_node *mn = &cat->map[mi];
  const char *best = NULL;
  for (size_t i = 0; i < mn->n; i++) {
    const map_ent *m = &mn->ents[i];
    if (m->kind != kind) continue;
    if (year == 0)
      best = m->gov; /* oldest first: the last one is the newest */
    else if (valid_in(m->from, m->to, year))
      return m->gov;
  }
  return best;
}

const char *ys_unit_kind_name(ys_unit_kind kind) {
  switch (kind) {
  case YS_UNIT_KIND_ADMIN:
    return "行政";
  case YS_UNIT_KIND_INST:
    return "事业";
  default:
    return "";
  }
}
