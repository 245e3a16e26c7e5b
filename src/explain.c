/*
 * explain.c - write the narrative (情况说明) from the dataset.
 *
 * The published narratives (shared/seeds) are where most disclosure mistakes
 * live: a figure retyped from the tables (233.31 for 238.31), a change whose
 * parts do not add up, shares that sum to 99.99 %. Here every figure is
 * computed from the dataset through quantities (quantity.h), in exact
 * integer 分, and printed in 万元 with two decimals, rounded half up.
 *
 * How it is built: a family "plan" (shaanxi, sichuan, hebei, mof) emits
 * blocks (headings of levels 1-5 and paragraphs) in the order of the
 * family's published packages; the blocks are then rendered as text,
 * Markdown or HTML. Sentences keep the canonical forms the claims extractor
 * reads back: "名称（编码）X 万元", "较上年增加 Z 万元，增长 w%", "占 p%".
 *
 * Text that is not a figure comes from data, never from C strings invented
 * per dataset: reasons of changes are facts (prev.*.reason, reason.sangong),
 * purposes of function codes and the glossary are the CSV files of
 * data/narrative/
 * (embedded). A change without a reason is written without one and the
 * missing fact is reported as a warning naming the key to fill in.
 *
 * Shares use the largest remainder method in basis points so that a list of
 * shares adds up to exactly 100.00 %; growth rates are |Δ| / last year in
 * basis points, rounded half up; a zero base gets no rate.
 *
 * The files (explain_impl.h): this one drives ys_explain (the data of
 * data/narrative/, the family's plan, rendering); explain_text.c is the
 * text builder and its figures; explain_parts.c the pieces several plans
 * share; the plans are explain_shaanxi.c, explain_sichuan.c (with the
 * national default), explain_hebei.c and explain_final.c (决算).
 */
#include "yusuan/explain.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "embedded.h"
#include "explain_impl.h"
#include "yusuan/arena.h"
#include "yusuan/text.h"

int ys_explain_format_parse(const char *s, ys_explain_format *out) {
  static const char *const names[] = {"txt", "md", "html"};
  for (int i = 0; i < 3; i++)
    if (s && strcmp(s, names[i]) == 0) {
      if (out) *out = (ys_explain_format)i;
      return 0;
    }
  if (s && (!strcmp(s, "text") || !strcmp(s, "markdown"))) {
    if (out) *out = s[0] == 't' ? YS_EXPLAIN_TXT : YS_EXPLAIN_MD;
    return 0;
  }
  return -1;
}

/* ---------------------------------------------------------------------- */
/* Data: purposes and glossary (CSV files in data/narrative/, embedded)   */

/* The families' names, as profiles (and terms.csv) spell them. */
static const char *const family_id[FAM_COUNT] = {"shaanxi", "sichuan", "hebei",
                                                 "mof"};

static int load_csv(ex *x, const char *path, ys_csv *t) {
  const ys_embedded_file *f = ys_embedded_find(path);
  if (!f) {
    ys_errors_add(x->errs, YS_EINPUT, path, 0, 0,
                  "库中没有内置情况说明数据文件");
    return YS_EINPUT;
  }
  return ys_csv_read_mem(t, path, f->data, f->size, x->a, x->errs);
}

static int col_index(const ys_csv *t, const char *name) {
  if (!t->n) return -1;
  for (size_t i = 0; i < t->rec[0].n; i++)
    if (strcmp(t->rec[0].f[i].s, name) == 0) return (int)i;
  return -1;
}

static const char *field(ex *x, const ys_csv_record *r, int idx) {
  ys_csv_field f = ys_csv_get(r, idx);
  char *s = ys_arena_strndup(x->a, f.s ? f.s : "", f.len);
  if (!s) ex_oom(x);
  return s ? s : "";
}

static int load_data(ex *x) {
  ys_csv t;
  int st = load_csv(x, "narrative/purposes.csv", &t);
  if (st) return st;
  int ic = col_index(&t, "code"), ip = col_index(&t, "purpose");
  if (ic < 0 || ip < 0 || t.n < 2) {
    ys_errors_add(x->errs, YS_EINPUT, "narrative/purposes.csv", 0, 0,
                  "情况说明数据文件缺少 code 或 purpose 列");
    return YS_EINPUT;
  }
  x->pur = ys_arena_alloc(x->a, sizeof *x->pur * (t.n - 1));
  if (!x->pur) return YS_ENOMEM;
  for (size_t i = 1; i < t.n; i++) {
    x->pur[x->npur].code = field(x, &t.rec[i], ic);
    x->pur[x->npur].text = field(x, &t.rec[i], ip);
    x->npur++;
  }

  st = load_csv(x, "narrative/terms.csv", &t);
  if (st) return st;
  int jf = col_index(&t, "family"), jp = col_index(&t, "place"),
      jt = col_index(&t, "term"), jx = col_index(&t, "text");
  if (jf < 0 || jp < 0 || jt < 0 || jx < 0 || t.n < 2) {
    ys_errors_add(x->errs, YS_EINPUT, "narrative/terms.csv", 0, 0,
                  "情况说明数据文件缺少 family、place、term 或 text 列");
    return YS_EINPUT;
  }
  x->terms = ys_arena_alloc(x->a, sizeof *x->terms * (t.n - 1));
  if (!x->terms) return YS_ENOMEM;
  for (size_t i = 1; i < t.n; i++) {
    term *m = &x->terms[x->nterms++];
    const char *fams = field(x, &t.rec[i], jf);
    m->fams = 0;
    for (const char *p = fams; *p;) {
      size_t l = strcspn(p, "|");
      for (int k = 0; k < FAM_COUNT; k++)
        if (strlen(family_id[k]) == l && !strncmp(p, family_id[k], l))
          m->fams |= 1u << k;
      p += l + (p[l] == '|');
    }
    m->post = strcmp(field(x, &t.rec[i], jp), "post") == 0;
    m->term = field(x, &t.rec[i], jt);
    m->text = field(x, &t.rec[i], jx);
  }
  return x->status;
}

/* ---------------------------------------------------------------------- */
/* Rendering                                                               */

static void put_escaped(ys_buf *b, const char *s, bool html) {
  for (const char *p = s; *p; p++) {
    const char *r = NULL;
    if (html) {
      if (*p == '<')
        r = "&lt;";
      else if (*p == '>')
        r = "&gt;";
      else if (*p == '&')
        r = "&amp;";
      else if (*p == '"')
        r = "&quot;";
    } else {
      /* Markdown: characters that would start emphasis, code, links or
       * HTML inside a paragraph. */
      static const char md[] = "\\`*_[]<>#|";
      if (strchr(md, *p)) {
        char e[3] = {'\\', *p, 0};
        ys_buf_puts(b, e);
        continue;
      }
    }
    if (r)
      ys_buf_puts(b, r);
    else
      ys_buf_putn(b, p, 1);
  }
}

static void render(ex *x, ys_buf *b, ys_explain_format fmt) {
  if (fmt == YS_EXPLAIN_HTML) {
    ys_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<title>");
    put_escaped(b,
                aprintf(x, "%s %d 年%s情况说明", x->ds->dept_name, x->year,
                        x->ds->phase == YS_PHASE_FINAL ? "度决算" : "预算"),
                true);
    ys_buf_puts(b,
                "</title>\n<style>\nbody{font-family:\"SimSun\",\"Songti SC\","
                "serif;max-width:46em;margin:2em auto;line-height:1.8;"
                "padding:0 1em}\np{text-indent:2em;margin:.3em 0}\n"
                "h1{font-size:1.4em;text-align:center}h2{font-size:1.2em}"
                "h3,h4,h5{font-size:1em}\n</style>\n</head>\n<body>\n");
  }
  for (size_t i = 0; i < x->nb; i++) {
    const block *k = &x->blocks[i];
    int lv = k->level > 6 ? 6 : k->level;
    switch (fmt) {
    case YS_EXPLAIN_TXT:
      if (lv == 1 && i) ys_buf_puts(b, "\n");
      ys_buf_puts(b, k->text);
      ys_buf_puts(b, "\n");
      break;
    case YS_EXPLAIN_MD:
      if (i) ys_buf_puts(b, "\n");
      if (lv) {
        for (int j = 0; j < lv; j++) ys_buf_puts(b, "#");
        ys_buf_puts(b, " ");
      }
      put_escaped(b, k->text, false);
      ys_buf_puts(b, "\n");
      break;
    case YS_EXPLAIN_HTML: {
      char open[16], close[16];
      if (lv) {
        snprintf(open, sizeof open, "<h%d>", lv);
        snprintf(close, sizeof close, "</h%d>", lv);
      } else {
        snprintf(open, sizeof open, "<p>");
        snprintf(close, sizeof close, "</p>");
      }
      ys_buf_puts(b, open);
      put_escaped(b, k->text, true);
      ys_buf_puts(b, close);
      ys_buf_puts(b, "\n");
      break;
    }
    }
  }
  if (fmt == YS_EXPLAIN_HTML) ys_buf_puts(b, "</body>\n</html>\n");
}

/* ---------------------------------------------------------------------- */

static int family_of(const char *name) {
  if (!name) return FAM_MOF;
  for (int k = 0; k < FAM_COUNT; k++)
    if (ex_starts(name, family_id[k])) return k;
  return FAM_MOF;
}

int ys_explain(char **out, const ys_dataset *ds, const ys_catalog *cat,
               const ys_profile *profile, ys_explain_format fmt,
               ys_errors *errs) {
  if (!out) return YS_EUSAGE;
  *out = NULL;
  if (!ds || !cat || fmt < YS_EXPLAIN_TXT || fmt > YS_EXPLAIN_HTML)
    return YS_EUSAGE;
  ex x;
  memset(&x, 0, sizeof x);
  x.ds = ds;
  x.cat = cat;
  x.errs = errs;
  x.year = ds->year;
  x.a = ys_arena_new(0);
  if (!x.a) return YS_ENOMEM;
  const char *pn = profile ? ys_profile_name(profile) : ds->profile;
  x.fam = family_of(pn);
  x.running_fact = pn && ex_starts(pn, "shanghai");
  const char *dir = ds->dir ? ds->dir : "";
  const char *sep = *dir && dir[strlen(dir) - 1] != '/' ? "/" : "";
  x.facts_file = aprintf(&x, "%s%sfacts.csv", dir, sep);
  x.targets_file = aprintf(&x, "%s%stargets.csv", dir, sep);
  switch (x.fam) {
  case FAM_SHAANXI:
    x.subj = "本单位";
    break;
  case FAM_SICHUAN:
  case FAM_HEBEI:
    x.subj = ds->dept_name;
    break;
  default:
    x.subj = "本部门";
  }
  int st = load_data(&x);
  if (st == YS_OK) {
    switch (ds->phase == YS_PHASE_FINAL ? -1 : x.fam) {
    case -1:
      plan_final(&x);
      break;
    case FAM_SHAANXI:
      plan_shaanxi(&x);
      break;
    case FAM_HEBEI:
      plan_hebei(&x);
      break;
    default:
      plan_sichuan(&x);
    }
    endp(&x);
    st = x.status;
  }
  if (st == YS_OK) {
    ys_buf b = {0};
    render(&x, &b, fmt);
    if (b.oom || x.status) {
      free(b.s);
      st = b.oom ? YS_ENOMEM : x.status;
    } else {
      *out = b.s ? b.s : calloc(1, 1);
      if (!*out) st = YS_ENOMEM;
    }
  }
  free(x.para.s);
  ys_arena_free(x.a);
  return st;
}
