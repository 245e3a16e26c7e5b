/*
 * vocab.c - the phrase vocabulary (vocab.h), loaded from CSV.
 *
 * Phrases are stored normalised (ys_text_key) and sorted by their first
 * code point and then longest first, so the longest phrase at a position
 * is the first of its bucket that matches: matching a text is linear in
 * its length times the (small) bucket sizes. The meaning column is parsed
 * once at load time; a malformed line fails the load with its line number.
 */
#include "yusuan/vocab.h"
#include "yusuan/profile.h"

#include <opencc/opencc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "embedded.h"
#include "fileio.h"
#include "yusuan/text.h"

typedef struct entry {
  const char *key; /* normalised phrase */
  size_t len;
  uint32_t first; /* first code point */
  ys_meaning m;
} entry;

struct ys_vocab {
  ys_arena *a;
  entry *e;
  size_t n;
  opencc_t t2s; /* traditional → simplified; (opencc_t)-1 when unavailable */
  ys_profiles *profiles; /* the built-in table sets, whose titles detect a
                            document's profile: parsed once with the rest */
};

static int cmp_entry(const void *x, const void *y) {
  const entry *a = x, *b = y;
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  if (a->len != b->len) return a->len > b->len ? -1 : 1;
  return strcmp(a->key, b->key);
}

static bool tok_is(const char *s, size_t n, const char *lit) {
  return strlen(lit) == n && !memcmp(s, lit, n);
}

/* Parses "role=total;fund=gpb;…" into m. */
/* One meaning of the vocabulary, field by field as data/vocab/phrases.csv
 * writes it, each with its own message: a list, kept whole so that the
 * syntax is in one place. */
static int parse_meaning(ys_meaning *m, const char *s, ys_arena *a, char *err,
                         size_t errn) {
  memset(m, 0, sizeof *m);
  /* dimensions the quantity parser knows go into one "exp;…" term */
  size_t n = strlen(s);
  char *dims = ys_arena_alloc(a, n + 8);
  if (!dims) return YS_ENOMEM;
  strcpy(dims, "exp");
  const char *p = s;
  while (*p) {
    const char *e = strchr(p, ';');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    const char *eq = memchr(p, '=', l);
    if (!l) {
      p = e ? e + 1 : p + l;
      continue;
    }
    if (!eq) {
      snprintf(err, errn, "“%.*s”应为 名称=值", (int)l, p);
      return YS_EINPUT;
    }
    size_t dl = (size_t)(eq - p);
    const char *v = eq + 1;
    size_t vl = l - dl - 1;
    if (tok_is(p, dl, "role")) {
      static const struct {
        const char *n;
        uint32_t bit;
      } roles[] = {{"total", YS_ROLE_TOTAL},
                   {"grand", YS_ROLE_GRAND},
                   {"label", YS_ROLE_LABEL},
                   {"code", YS_ROLE_CODE},
                   {"lei", YS_ROLE_LEI},
                   {"kuan", YS_ROLE_KUAN},
                   {"xiang", YS_ROLE_XIANG},
                   {"unit", YS_ROLE_UNIT},
                   {"diff", YS_ROLE_DIFF},
                   {"rate", YS_ROLE_RATE},
                   {"count", YS_ROLE_COUNT},
                   {"text", YS_ROLE_TEXT},
                   {"seq", YS_ROLE_SEQ},
                   {"subset", YS_ROLE_SUBSET},
                   {"noise", 0}};
      size_t k;
      for (k = 0; k < sizeof roles / sizeof roles[0]; k++)
        if (tok_is(v, vl, roles[k].n)) break;
      if (k == sizeof roles / sizeof roles[0]) {
        snprintf(err, errn, "未知的角色“%.*s”", (int)vl, v);
        return YS_EINPUT;
      }
      m->roles |= roles[k].bit;
    } else if (tok_is(p, dl, "axis")) {
      uint32_t bit = tok_is(v, vl, "func")      ? YS_AXIS_FUNC
                     : tok_is(v, vl, "econ")    ? YS_AXIS_ECON
                     : tok_is(v, vl, "gecon")   ? YS_AXIS_GECON
                     : tok_is(v, vl, "unit")    ? YS_AXIS_UNIT
                     : tok_is(v, vl, "project") ? YS_AXIS_PROJECT
                                                : 0;
      if (!bit) {
        snprintf(err, errn, "未知的分类“%.*s”", (int)vl, v);
        return YS_EINPUT;
      }
      m->axes |= bit;
    } else if (tok_is(p, dl, "layout")) {
      uint32_t bit = tok_is(v, vl, "balance")       ? YS_LAYOUT_BALANCE
                     : tok_is(v, vl, "sangong")     ? YS_LAYOUT_SANGONG
                     : tok_is(v, vl, "targets")     ? YS_LAYOUT_TARGETS
                     : tok_is(v, vl, "procurement") ? YS_LAYOUT_PROCUREMENT
                     : tok_is(v, vl, "assets")      ? YS_LAYOUT_ASSETS
                                                    : 0;
      if (!bit) {
        snprintf(err, errn, "未知的表式“%.*s”", (int)vl, v);
        return YS_EINPUT;
      }
      m->layouts |= bit;
    } else if (tok_is(p, dl, "measure")) {
      int ph = tok_is(v, vl, "budget")     ? YS_PHASE_BUDGET
               : tok_is(v, vl, "adjusted") ? YS_PHASE_ADJUSTED
               : tok_is(v, vl, "final")    ? YS_PHASE_FINAL
                                           : 0;
      if (!ph) {
        snprintf(err, errn, "未知的口径“%.*s”", (int)vl, v);
        return YS_EINPUT;
      }
      m->measures |= 1u << ph;
    } else if (tok_is(p, dl, "src")) {
      if (tok_is(v, vl, "rev"))
        m->q.src = YS_Q_REV;
      else if (tok_is(v, vl, "exp"))
        m->q.src = YS_Q_EXP;
      else {
        snprintf(err, errn, "src 只能是 rev 或 exp：“%.*s”", (int)vl, v);
        return YS_EINPUT;
      }
    } else {
      size_t o = strlen(dims);
      dims[o] = ';';
      memcpy(dims + o + 1, p, l);
      dims[o + 1 + l] = '\0';
    }
    p = e ? e + 1 : p + l;
  }
  ys_qexpr q;
  const char *why = "";
  int rc = ys_qexpr_parse(&q, dims, a, &why);
  if (rc == YS_ENOMEM) return rc;
  if (rc) {
    snprintf(err, errn, "%s", why);
    return YS_EINPUT;
  }
  ys_qsrc src = m->q.src;
  m->q = q.t[0];
  m->q.src = src;
  return YS_OK;
}

static int load(ys_vocab **out, const char *name, const char *data, size_t len,
                ys_errors *errs) {
  *out = NULL;
  ys_vocab *v = calloc(1, sizeof *v);
  if (!v) return YS_ENOMEM;
  v->a = ys_arena_new(0);
  if (!v->a) {
    free(v);
    return YS_ENOMEM;
  }
  /* OpenCC loads its dictionaries here, once per vocabulary: texts from
   * mirror sites come in traditional characters */
  v->t2s = opencc_open("t2s.json");
  int prc = ys_profiles_open_builtin(&v->profiles, errs);
  if (prc) {
    ys_vocab_free(v);
    return prc;
  }
  ys_csv t;
  int rc = ys_csv_read_mem(&t, name, data, len, v->a, errs);
  static const ys_csv_col cols[] = {{"phrase", "词语", 1},
                                    {"meaning", "含义", 1}};
  int idx[2];
  if (rc == YS_OK) rc = ys_csv_map_columns(&t, cols, 2, idx, errs);
  if (rc == YS_OK) {
    v->e = ys_arena_alloc(v->a, (t.n + 1) * sizeof *v->e);
    if (!v->e) rc = YS_ENOMEM;
  }
  for (size_t r = 1; rc == YS_OK && r < t.n; r++) {
    ys_csv_field ph = ys_csv_get(&t.rec[r], idx[0]);
    ys_csv_field mn = ys_csv_get(&t.rec[r], idx[1]);
    char *k = ys_text_key(v->a, ph.s, ph.len);
    char *ms = ys_arena_strndup(v->a, mn.s, mn.len);
    if (!k || !ms) {
      rc = YS_ENOMEM;
      break;
    }
    if (!*k) continue;
    entry *e = &v->e[v->n];
    e->key = k;
    e->len = strlen(k);
    ys_utf8_decode(k, e->len, &e->first);
    char err[256];
    int mr = parse_meaning(&e->m, ms, v->a, err, sizeof err);
    if (mr == YS_ENOMEM) {
      rc = mr;
      break;
    }
    if (mr) {
      ys_errors_add(errs, YS_EINPUT, name, t.rec[r].line, 0, "词语“%.*s”：%s",
                    (int)ph.len, ph.s, err);
      rc = YS_EINPUT;
      break;
    }
    v->n++;
  }
  if (rc == YS_OK) {
    qsort(v->e, v->n, sizeof *v->e, cmp_entry);
    for (size_t i = 1; i < v->n && rc == YS_OK; i++)
      if (!strcmp(v->e[i].key, v->e[i - 1].key)) {
        ys_errors_add(errs, YS_EINPUT, name, 0, 0, "词语“%s”重复", v->e[i].key);
        rc = YS_EINPUT;
      }
  }
  if (rc) {
    ys_vocab_free(v);
    return rc;
  }
  *out = v;
  return YS_OK;
}

int ys_vocab_open_builtin(ys_vocab **out, ys_errors *errs) {
  const ys_embedded_file *f = ys_embedded_find("vocab/phrases.csv");
  if (!f) {
    ys_errors_add(errs, YS_ENOTFOUND, "vocab/phrases.csv", 0, 0,
                  "内置词表缺失");
    return YS_ENOTFOUND;
  }
  return load(out, "vocab/phrases.csv", f->data, f->size, errs);
}

int ys_vocab_open_file(ys_vocab **out, const char *path, ys_errors *errs) {
  *out = NULL;
  char *buf;
  size_t n;
  int rc = ys_read_file(path, YS_CSV_MAX_BYTES, &buf, &n, errs);
  if (rc) return rc;
  rc = load(out, path, buf, n, errs);
  free(buf);
  return rc;
}

const ys_profiles *ys_vocab_profiles(const ys_vocab *v) {
  return v ? v->profiles : NULL;
}

void ys_vocab_free(ys_vocab *v) {
  if (!v) return;
  if (v->t2s != (opencc_t)-1) opencc_close(v->t2s);
  ys_profiles_free(v->profiles);
  ys_arena_free(v->a);
  free(v);
}

/* Characters that only traditional text uses (common in budget texts). */
static bool traditional(const char *s, size_t n) {
  static const uint32_t t[] = {
      0x9810 /* 預 */, 0x8CBB /* 費 */, 0x7D93 /* 經 */, 0x8207 /* 與 */,
      0x70BA /* 為 */, 0x842C /* 萬 */, 0x64A5 /* 撥 */, 0x95DC /* 關 */,
      0x8CC7 /* 資 */, 0x9EDE /* 點 */, 0x6E1B /* 減 */, 0x8A08 /* 計 */,
      0x696D /* 業 */, 0x570B /* 國 */};
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    i += ys_utf8_decode(s + i, n - i, &cp);
    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
      if (cp == t[k]) return true;
  }
  return false;
}

int ys_vocab_simplify(const ys_vocab *v, const char *s, size_t n, char **out) {
  *out = NULL;
  if (!v || v->t2s == (opencc_t)-1 || !traditional(s, n)) return YS_OK;
  char *r = opencc_convert_utf8(v->t2s, s, n);
  if (!r) return YS_ENOMEM;
  *out = strdup(r);
  opencc_convert_utf8_free(r);
  return *out ? YS_OK : YS_ENOMEM;
}

size_t ys_vocab_size(const ys_vocab *v) {
  return v ? v->n : 0;
}

/* First entry whose first code point is cp, or v->n. */
static size_t bucket(const ys_vocab *v, uint32_t cp) {
  size_t lo = 0, hi = v->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v->e[mid].first < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

size_t ys_vocab_prefix(const ys_vocab *v, const char *key, size_t len,
                       ys_meaning *out) {
  if (!len) return 0;
  uint32_t cp;
  ys_utf8_decode(key, len, &cp);
  for (size_t i = bucket(v, cp); i < v->n && v->e[i].first == cp; i++) {
    const entry *e = &v->e[i];
    if (e->len <= len && !memcmp(key, e->key, e->len)) {
      if (out) *out = e->m;
      return e->len;
    }
  }
  return 0;
}

/* Characters that carry no meaning of their own in a heading. */
static bool filler(uint32_t cp) {
  static const uint32_t f[] = {
      0x7684 /* 的 */, 0x53CA /* 及 */, 0x548C /* 和 */, 0x4E0E /* 与 */,
      0x6570 /* 数 */, 0x8868 /* 表 */, 0x5E74 /* 年 */, 0x5EA6 /* 度 */,
      0x3001 /* 、 */, 0x6309 /* 按 */, 0x7EED /* 续 */, 0x4E00 /* 一 */};
  if (cp < 0x80) return true; /* digits, punctuation, ASCII letters */
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
    if (cp == f[i]) return true;
  /* full-width punctuation NFKC leaves: 【】《》“” … */
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
         cp == 0x2014 || cp == 0x2026;
}

static void meaning_and(ys_meaning *m, const ys_meaning *x, ys_arena *a) {
  ys_qfilter q;
  ys_qfilter_and(&q, &m->q, &x->q, a);
  if (q.none) {
    m->conflict = true;
    /* keep the first reading; the caller sees the conflict */
  } else {
    m->q = q;
  }
  m->roles |= x->roles;
  m->axes |= x->axes;
  m->layouts |= x->layouts;
  m->measures |= x->measures;
}

int ys_vocab_parse(const ys_vocab *v, const char *text, ys_meaning *out,
                   ys_arena *a) {
  memset(out, 0, sizeof *out);
  out->rest = "";
  char *k = ys_text_key(a, text ? text : "", text ? strlen(text) : 0);
  if (!k) return YS_ENOMEM;
  size_t n = strlen(k);
  char *rest = ys_arena_alloc(a, n + 1);
  if (!rest) return YS_ENOMEM;
  size_t ro = 0;
  bool conj = false; /* a conjunction since the last phrase */
  for (size_t i = 0; i < n;) {
    /* a year: four digits and 年 */
    if (i + 7 <= n && k[i] >= '1' && k[i] <= '2' && k[i + 1] >= '0' &&
        k[i + 1] <= '9' && k[i + 2] >= '0' && k[i + 2] <= '9' &&
        k[i + 3] >= '0' && k[i + 3] <= '9' && !memcmp(k + i + 4, "年", 3)) {
      out->year = (k[i] - '0') * 1000 + (k[i + 1] - '0') * 100 +
                  (k[i + 2] - '0') * 10 + (k[i + 3] - '0');
      i += 7;
      continue;
    }
    ys_meaning m;
    size_t l = ys_vocab_prefix(v, k + i, n - i, &m);
    if (l) {
      /* "“三公”经费及会议费、培训费": classes joined by a conjunction are
       * all of them, not what they have in common */
      if (conj && out->phrases) {
        if (m.q.econ.n && out->q.econ.n) {
          for (int c = 0; c < m.q.econ.n; c++)
            ys_qcodes_add(&out->q.econ, m.q.econ.v[c]);
          m.q.econ = out->q.econ;
        }
        if (m.q.func.n && out->q.func.n) {
          for (int c = 0; c < m.q.func.n; c++)
            ys_qcodes_add(&out->q.func, m.q.func.v[c]);
          m.q.func = out->q.func;
        }
      }
      meaning_and(out, &m, a);
      out->phrases++;
      conj = false;
      i += l;
      continue;
    }
    uint32_t cp;
    size_t cl = ys_utf8_decode(k + i, n - i, &cp);
    if (cp == 0x53CA || cp == 0x548C || cp == 0x4E0E || cp == 0x3001)
      conj = true; /* 及 和 与 、 */
    else if (!filler(cp))
      conj = false;
    if (!filler(cp)) {
      memcpy(rest + ro, k + i, cl);
      ro += cl;
    }
    i += cl;
  }
  rest[ro] = '\0';
  out->rest = rest;
  return YS_OK;
}

bool ys_meaning_names_amount(const ys_meaning *m) {
  const ys_qfilter *q = &m->q;
  return !*m->rest && !m->conflict && m->phrases && !q->none && !q->yoff &&
         !(m->roles & ~(uint32_t)(YS_ROLE_TOTAL | YS_ROLE_GRAND)) &&
         !(m->layouts && !q->econ.n) && !ys_qfilter_over(q);
}
