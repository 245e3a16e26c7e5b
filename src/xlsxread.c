/*
 * xlsxread.c - a bounded XLSX reader on libzip + expat.
 *
 * An XLSX file is a ZIP of XML parts. The reader follows the package's
 * relationships: _rels/.rels names the workbook part, the workbook lists
 * the sheets (name, relationship id, state), the workbook's relationships
 * map ids to the sheet parts and name the shared-strings and styles parts.
 * Each part is streamed: zip_fread fills a 64 KB buffer that goes straight
 * into XML_Parse, with the decompressed byte count checked as it grows, so
 * no allocation ever depends on a size the file declares.
 *
 * Element and attribute names are matched on their local part (expat is
 * run with namespace processing, and "x:c" and "c" both arrive as
 * "<uri>|c"), which covers workbooks written with prefixes. Cells are
 * collected sparsely while parsing and laid into a dense grid afterwards,
 * sized by the non-empty cells only (a formatted but empty cell far away
 * does not grow the grid). Everything the caller receives lives in one
 * arena with a limit.
 */
#include "xlsxread.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* ------------------------------------------------------------------ */
/* Reader state                                                        */

typedef struct rel {
  const char *id, *type, *target;
} rel;

typedef struct sparse_cell {
  uint32_t row, col;
  const char *text;
  uint8_t kind, indent;
} sparse_cell;

typedef struct reader {
  zip_t *za;
  const char *name; /* for messages */
  ys_errors *errs;
  ys_arena *arena;
  size_t total; /* decompressed bytes read so far */
  int status;   /* first error */

  const char **strings; /* shared strings */
  size_t nstrings, capstrings;
  uint8_t *xf_indent; /* per cellXfs index */
  size_t nxf, capxf;
} reader;

static int fail(reader *R, int code, const char *fmt, const char *arg) {
  if (!R->status) {
    R->status = code;
    ys_errors_add(R->errs, code, R->name, 0, 0, fmt, arg ? arg : "");
  }
  return R->status;
}

/* Common head of every parse context. */
typedef struct pctx {
  reader *R;
  XML_Parser p;
  const char *part;
  int depth;
} pctx;

static const char *local(const char *n) {
  const char *p = strrchr(n, '|');
  return p ? p + 1 : n;
}

static const char *attr(const char **atts, const char *name) {
  for (int i = 0; atts[i]; i += 2)
    if (!strcmp(local(atts[i]), name)) return atts[i + 1];
  return NULL;
}

/* Stops the parser with an error about the current part. */
static void stop(pctx *c, int code, const char *fmt) {
  fail(c->R, code, fmt, c->part);
  XML_StopParser(c->p, XML_FALSE);
}

/* Returns 0 when the element may be entered; depth is checked here. */
static int enter(pctx *c) {
  if (++c->depth > YS_XLSX_MAX_DEPTH) {
    stop(c, YS_EINPUT, "XLSX 部件 %s 的 XML 嵌套过深");
    return -1;
  }
  return 0;
}

/* A growable text buffer with a cap. */
typedef struct tbuf {
  char *s;
  size_t n, cap;
  bool over;
} tbuf;

static void tb_add(tbuf *b, const char *s, int len) {
  if (len <= 0 || b->over) return;
  if (b->n + (size_t)len > YS_XLSX_MAX_TEXT) {
    b->over = true;
    return;
  }
  if (b->n + (size_t)len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + (size_t)len + 1) cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) {
      b->over = true;
      return;
    }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->n, s, (size_t)len);
  b->n += (size_t)len;
  b->s[b->n] = '\0';
}

/* ------------------------------------------------------------------ */
/* Streaming one part                                                  */

static void XMLCALL on_doctype(void *ud, const XML_Char *name,
                               const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal_subset) {
  (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
  stop(ud, YS_EINPUT, "XLSX 部件 %s 含有 DTD（不接受）");
}

/*
 * Parses the part `part` with the handlers; ctx starts with a pctx. Returns
 * YS_OK, YS_ENOTFOUND when the part is absent (nothing reported), or an
 * error (reported).
 */
static int parse_part(reader *R, const char *part, pctx *ctx,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler chars) {
  zip_int64_t idx = zip_name_locate(R->za, part, ZIP_FL_NOCASE);
  if (idx < 0) return YS_ENOTFOUND;
  zip_file_t *zf = zip_fopen_index(R->za, (zip_uint64_t)idx, 0);
  if (!zf) return fail(R, YS_EINPUT, "无法读取 XLSX 部件 %s", part);
  XML_Parser p = XML_ParserCreateNS(NULL, '|');
  if (!p) {
    zip_fclose(zf);
    return fail(R, YS_ENOMEM, "内存不足（解析 %s）", part);
  }
  ctx->R = R;
  ctx->p = p;
  ctx->part = part;
  ctx->depth = 0;
  XML_SetUserData(p, ctx);
  XML_SetElementHandler(p, start, end);
  XML_SetCharacterDataHandler(p, chars);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  char *buf = malloc(64 * 1024);
  size_t part_bytes = 0;
  int rc = buf ? YS_OK : fail(R, YS_ENOMEM, "内存不足（解析 %s）", part);
  while (rc == YS_OK) {
    zip_int64_t n = zip_fread(zf, buf, 64 * 1024);
    if (n < 0) {
      rc = fail(R, YS_EINPUT, "XLSX 部件 %s 已损坏（解压失败）", part);
      break;
    }
    part_bytes += (size_t)n;
    R->total += (size_t)n;
    if (part_bytes > YS_XLSX_MAX_PART || R->total > YS_XLSX_MAX_TOTAL) {
      rc = fail(R, YS_EINPUT, "XLSX 部件 %s 过大（解压后超过上限）", part);
      break;
    }
    if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
      if (R->status)
        rc = R->status;
      else {
        char what[300];
        snprintf(what, sizeof what, "%s 第 %lu 行：%s", part,
                 (unsigned long)XML_GetCurrentLineNumber(p),
                 XML_ErrorString(XML_GetErrorCode(p)));
        rc = fail(R, YS_EINPUT, "XLSX 部件 XML 有误：%s", what);
      }
      break;
    }
    if (R->status) {
      rc = R->status;
      break;
    }
    if (n == 0) break;
  }
  free(buf);
  XML_ParserFree(p);
  zip_fclose(zf);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Relationships                                                       */

typedef struct rels_ctx {
  pctx c;
  rel *v;
  size_t n, cap;
} rels_ctx;

static void XMLCALL rels_start(void *ud, const XML_Char *name,
                               const XML_Char **atts) {
  rels_ctx *x = ud;
  if (enter(&x->c)) return;
  if (strcmp(local(name), "Relationship")) return;
  const char *id = attr(atts, "Id"), *type = attr(atts, "Type"),
             *target = attr(atts, "Target"), *mode = attr(atts, "TargetMode");
  if (!id || !type || !target || (mode && !strcmp(mode, "External"))) return;
  /* a workbook's relationships: one per sheet and part; more than any
   * workbook has is a hostile file, said so (not read in part) */
  if (x->n >= 4096) {
    stop(&x->c, YS_EINPUT, "XLSX 关系条目过多（%s）");
    return;
  }
  rel *v = ys_arena_reserve(x->c.R->arena, x->v, x->n, &x->cap, sizeof *v);
  if (!v) {
    stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
    return;
  }
  x->v = v;
  ys_arena *a = x->c.R->arena;
  rel *r = &x->v[x->n];
  r->id = ys_arena_strdup(a, id);
  r->type = ys_arena_strdup(a, type);
  r->target = ys_arena_strdup(a, target);
  if (!r->id || !r->type || !r->target) {
    stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
    return;
  }
  x->n++;
}

static void XMLCALL generic_end(void *ud, const XML_Char *name) {
  (void)name;
  ((pctx *)ud)->depth--;
}

static void XMLCALL no_chars(void *ud, const XML_Char *s, int len) {
  (void)ud, (void)s, (void)len;
}

/* The relationship whose type ends with "/suffix". */
static const rel *rel_by_type(const rels_ctx *x, const char *suffix) {
  size_t sl = strlen(suffix);
  for (size_t i = 0; i < x->n; i++) {
    size_t tl = strlen(x->v[i].type);
    if (tl > sl && x->v[i].type[tl - sl - 1] == '/' &&
        !strcmp(x->v[i].type + tl - sl, suffix))
      return &x->v[i];
  }
  return NULL;
}

/*
 * Resolves a relationship target against the directory of the source part
 * (base_dir ends with '/' or is ""). Returns 0, or -1 if the result would
 * leave the package or not fit.
 */
static int resolve(const char *base_dir, const char *target, char *out,
                   size_t n) {
  char tmp[1024];
  int len = target[0] == '/'
                ? snprintf(tmp, sizeof tmp, "%s", target + 1)
                : snprintf(tmp, sizeof tmp, "%s%s", base_dir, target);
  if (len < 0 || (size_t)len >= sizeof tmp) return -1;
  /* Normalise "." and ".." segments. */
  size_t o = 0;
  char *save = NULL;
  for (char *seg = strtok_r(tmp, "/", &save); seg;
       seg = strtok_r(NULL, "/", &save)) {
    if (!strcmp(seg, ".")) continue;
    if (!strcmp(seg, "..")) {
      if (o == 0) return -1;
      while (o > 0 && out[o - 1] != '/') o--;
      if (o > 0) o--; /* drop the '/' */
      continue;
    }
    size_t sl = strlen(seg);
    if (o + (o ? 1 : 0) + sl + 1 > n) return -1;
    if (o) out[o++] = '/';
    memcpy(out + o, seg, sl);
    o += sl;
  }
  if (o == 0) return -1;
  out[o] = '\0';
  return 0;
}

/* ------------------------------------------------------------------ */
/* Workbook                                                            */

typedef struct wsheet {
  const char *name, *rid;
  bool hidden;
} wsheet;

typedef struct wb_ctx {
  pctx c;
  wsheet *v;
  size_t n, cap;
} wb_ctx;

static void XMLCALL wb_start(void *ud, const XML_Char *name,
                             const XML_Char **atts) {
  wb_ctx *x = ud;
  if (enter(&x->c)) return;
  if (strcmp(local(name), "sheet")) return;
  const char *nm = attr(atts, "name"), *rid = attr(atts, "id"),
             *state = attr(atts, "state");
  if (!nm || !rid) return;
  if (x->n >= YS_XLSX_MAX_SHEETS) {
    stop(&x->c, YS_EINPUT, "XLSX 工作表过多（%s）");
    return;
  }
  wsheet *v = ys_arena_reserve(x->c.R->arena, x->v, x->n, &x->cap, sizeof *v);
  if (!v) {
    stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
    return;
  }
  x->v = v;
  wsheet *s = &x->v[x->n];
  s->name = ys_arena_strdup(x->c.R->arena, nm);
  s->rid = ys_arena_strdup(x->c.R->arena, rid);
  s->hidden = state && strcmp(state, "visible") != 0;
  if (!s->name || !s->rid) {
    stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
    return;
  }
  x->n++;
}

/* ------------------------------------------------------------------ */
/* Shared strings                                                      */

typedef struct sst_ctx {
  pctx c;
  int in_si, in_t, in_rph;
  tbuf t;
} sst_ctx;

static void XMLCALL sst_start(void *ud, const XML_Char *name,
                              const XML_Char **atts) {
  sst_ctx *x = ud;
  (void)atts;
  if (enter(&x->c)) return;
  const char *l = local(name);
  if (!strcmp(l, "si")) {
    x->in_si = 1;
    x->t.n = 0;
    x->t.over = false;
    if (x->t.s) x->t.s[0] = '\0';
  } else if (!strcmp(l, "rPh")) {
    x->in_rph++;
  } else if (!strcmp(l, "t") && x->in_si && !x->in_rph) {
    x->in_t = 1;
  }
}

static void XMLCALL sst_end(void *ud, const XML_Char *name) {
  sst_ctx *x = ud;
  reader *R = x->c.R;
  x->c.depth--;
  const char *l = local(name);
  if (!strcmp(l, "t"))
    x->in_t = 0;
  else if (!strcmp(l, "rPh")) {
    if (x->in_rph) x->in_rph--;
  } else if (!strcmp(l, "si") && x->in_si) {
    x->in_si = 0;
    if (x->t.over) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中有过长的字符串");
      return;
    }
    if (R->nstrings >= YS_XLSX_MAX_STRINGS) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中共享字符串过多");
      return;
    }
    const char **v = ys_arena_reserve(R->arena, (void *)R->strings, R->nstrings,
                                      &R->capstrings, sizeof *v);
    if (!v) {
      stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
      return;
    }
    R->strings = v;
    const char *s = ys_arena_strndup(R->arena, x->t.s ? x->t.s : "", x->t.n);
    if (!s) {
      stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
      return;
    }
    R->strings[R->nstrings++] = s;
  }
}

static void XMLCALL sst_chars(void *ud, const XML_Char *s, int len) {
  sst_ctx *x = ud;
  if (x->in_t) tb_add(&x->t, s, len);
}

/* ------------------------------------------------------------------ */
/* Styles: the indent of each cellXfs entry                            */

typedef struct sty_ctx {
  pctx c;
  int in_cellxfs;
  int in_xf;
} sty_ctx;

static void XMLCALL sty_start(void *ud, const XML_Char *name,
                              const XML_Char **atts) {
  sty_ctx *x = ud;
  reader *R = x->c.R;
  if (enter(&x->c)) return;
  const char *l = local(name);
  if (!strcmp(l, "cellXfs"))
    x->in_cellxfs = 1;
  else if (!strcmp(l, "xf") && x->in_cellxfs) {
    x->in_xf = 1;
    if (R->nxf >= 65536) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中单元格格式过多");
      return;
    }
    uint8_t *v = ys_arena_reserve(R->arena, R->xf_indent, R->nxf, &R->capxf, 1);
    if (!v) {
      stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
      return;
    }
    R->xf_indent = v;
    R->xf_indent[R->nxf++] = 0;
  } else if (!strcmp(l, "alignment") && x->in_xf && R->nxf) {
    const char *ind = attr(atts, "indent");
    if (ind) {
      long v = strtol(ind, NULL, 10);
      R->xf_indent[R->nxf - 1] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
    }
  }
}

static void XMLCALL sty_end(void *ud, const XML_Char *name) {
  sty_ctx *x = ud;
  x->c.depth--;
  const char *l = local(name);
  if (!strcmp(l, "cellXfs"))
    x->in_cellxfs = 0;
  else if (!strcmp(l, "xf"))
    x->in_xf = 0;
}

/* ------------------------------------------------------------------ */
/* Worksheets                                                          */

typedef struct ws_ctx {
  pctx c;
  sparse_cell *cells;
  size_t n, cap;
  ys_xlsx_merge *merges;
  size_t nmerges, capmerges;
  uint32_t nrows, ncols;
  long cur_row;  /* 0-based row of the current <row>, -1 before any */
  long next_col; /* column after the last cell of the row */
  /* the cell being read */
  int in_c, in_v, in_is, in_t, in_rph;
  uint32_t row, col;
  char type[16];
  long style;
  tbuf v, is;
} ws_ctx;

/* Parses "B12" (letters then digits); a missing part gives -1 for it.
 * Returns 0, or -1 for anything else. */
static int parse_ref(const char *s, long *row, long *col) {
  long c = 0, r = 0;
  int nl = 0, nd = 0;
  for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++, nl++) {
    if (nl >= 3) return -1;
    c = c * 26 + ((*s | 0x20) - 'a' + 1);
  }
  for (; *s >= '0' && *s <= '9'; s++, nd++) {
    if (nd >= 7) return -1;
    r = r * 10 + (*s - '0');
  }
  if (*s || (!nl && !nd)) return -1;
  *col = nl ? c - 1 : -1;
  *row = nd ? r - 1 : -1;
  return 0;
}

static void XMLCALL ws_start(void *ud, const XML_Char *name,
                             const XML_Char **atts) {
  ws_ctx *x = ud;
  if (enter(&x->c)) return;
  const char *l = local(name);
  if (!strcmp(l, "row")) {
    const char *r = attr(atts, "r");
    long row = x->cur_row + 1;
    if (r) {
      char *end;
      row = strtol(r, &end, 10) - 1;
      if (*end || row < 0) {
        stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中行号无效");
        return;
      }
    }
    if (row >= YS_XLSX_MAX_ROWS) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中行号超出范围");
      return;
    }
    x->cur_row = row;
    x->next_col = 0;
  } else if (!strcmp(l, "c")) {
    const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
    long row = x->cur_row < 0 ? 0 : x->cur_row, col = x->next_col;
    if (r) {
      long rr, cc;
      if (parse_ref(r, &rr, &cc) || cc < 0) {
        stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中单元格引用无效");
        return;
      }
      col = cc;
      if (rr >= 0) row = rr;
    }
    if (row >= YS_XLSX_MAX_ROWS || col >= YS_XLSX_MAX_COLS) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中单元格位置超出范围");
      return;
    }
    x->in_c = 1;
    x->row = (uint32_t)row;
    x->col = (uint32_t)col;
    x->next_col = col + 1;
    snprintf(x->type, sizeof x->type, "%s", t ? t : "n");
    x->style = s ? strtol(s, NULL, 10) : 0;
    x->v.n = x->is.n = 0;
    x->v.over = x->is.over = false;
  } else if (x->in_c && !strcmp(l, "v")) {
    x->in_v = 1;
  } else if (x->in_c && !strcmp(l, "is")) {
    x->in_is = 1;
  } else if (x->in_is && !strcmp(l, "rPh")) {
    x->in_rph++;
  } else if (x->in_is && !x->in_rph && !strcmp(l, "t")) {
    x->in_t = 1;
  } else if (!strcmp(l, "mergeCell")) {
    const char *ref = attr(atts, "ref");
    const char *colon = ref ? strchr(ref, ':') : NULL;
    char a[16], b[16];
    long r1, c1, r2, c2;
    if (!colon || colon - ref >= (long)sizeof a ||
        strlen(colon + 1) >= sizeof b)
      return;
    memcpy(a, ref, (size_t)(colon - ref));
    a[colon - ref] = '\0';
    snprintf(b, sizeof b, "%s", colon + 1);
    if (parse_ref(a, &r1, &c1) || parse_ref(b, &r2, &c2) || r1 < 0 || c1 < 0 ||
        r2 < r1 || c2 < c1 || r2 >= YS_XLSX_MAX_ROWS || c2 >= YS_XLSX_MAX_COLS)
      return; /* a range we cannot use is ignored */
    if (x->nmerges >= 100000) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中合并单元格过多");
      return;
    }
    ys_xlsx_merge *v = ys_arena_reserve(x->c.R->arena, x->merges, x->nmerges,
                                        &x->capmerges, sizeof *v);
    if (!v) {
      stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
      return;
    }
    x->merges = v;
    x->merges[x->nmerges++] =
        (ys_xlsx_merge){(uint32_t)r1, (uint32_t)c1, (uint32_t)r2, (uint32_t)c2};
  }
}

/* Finishes the cell being read. */
static void end_cell(ws_ctx *x) {
  reader *R = x->c.R;
  const char *text = NULL;
  uint8_t kind = YS_XLSX_STRING;
  const char *v = x->v.s && x->v.n ? x->v.s : "";
  if (x->v.over || x->is.over) {
    stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中有过长的单元格");
    return;
  }
  if (!strcmp(x->type, "s")) {
    char *end;
    long i = strtol(v, &end, 10);
    if (!*v) return;
    if (*end || i < 0 || (size_t)i >= R->nstrings) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 引用了不存在的共享字符串");
      return;
    }
    text = R->strings[i];
  } else if (!strcmp(x->type, "inlineStr")) {
    text = ys_arena_strndup(R->arena, x->is.s ? x->is.s : "", x->is.n);
  } else if (!strcmp(x->type, "b")) {
    if (!*v) return;
    kind = YS_XLSX_BOOL;
    text = !strcmp(v, "0") ? "FALSE" : "TRUE";
  } else {
    if (!*v) return;
    if (!strcmp(x->type, "e"))
      kind = YS_XLSX_ERROR;
    else if (strcmp(x->type, "str") && strcmp(x->type, "d"))
      kind = YS_XLSX_NUMBER;
    text = ys_arena_strndup(R->arena, v, x->v.n);
    /* a number is a double: "0.07199999999999999" is 0.072 as Excel
     * shows it, to its 15 significant digits */
    if (kind == YS_XLSX_NUMBER && text && x->v.n > 15) {
      char *end = NULL;
      double dv = strtod(text, &end);
      if (end && !*end && dv == dv) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", dv);
        if (!strchr(buf, 'e')) text = ys_arena_strdup(R->arena, buf);
      }
    }
  }
  if (!text) {
    stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
    return;
  }
  if (!*text) return;
  if (x->n == x->cap) {
    if (x->cap >= YS_XLSX_MAX_CELLS) {
      stop(&x->c, YS_EINPUT, "XLSX 部件 %s 中单元格过多");
      return;
    }
    size_t cap = x->cap ? x->cap * 2 : 256;
    sparse_cell *c = realloc(x->cells, cap * sizeof *c);
    if (!c) {
      stop(&x->c, YS_ENOMEM, "内存不足（解析 %s）");
      return;
    }
    x->cells = c;
    x->cap = cap;
  }
  uint8_t indent =
      x->style >= 0 && (size_t)x->style < R->nxf ? R->xf_indent[x->style] : 0;
  x->cells[x->n++] = (sparse_cell){x->row, x->col, text, kind, indent};
  if (x->row + 1 > x->nrows) x->nrows = x->row + 1;
  if (x->col + 1 > x->ncols) x->ncols = x->col + 1;
}

static void XMLCALL ws_end(void *ud, const XML_Char *name) {
  ws_ctx *x = ud;
  x->c.depth--;
  const char *l = local(name);
  if (!strcmp(l, "c") && x->in_c) {
    end_cell(x);
    x->in_c = x->in_v = x->in_is = x->in_t = x->in_rph = 0;
  } else if (!strcmp(l, "v"))
    x->in_v = 0;
  else if (!strcmp(l, "is"))
    x->in_is = 0;
  else if (!strcmp(l, "rPh")) {
    if (x->in_rph) x->in_rph--;
  } else if (!strcmp(l, "t"))
    x->in_t = 0;
}

static void XMLCALL ws_chars(void *ud, const XML_Char *s, int len) {
  ws_ctx *x = ud;
  if (x->in_v)
    tb_add(&x->v, s, len);
  else if (x->in_t)
    tb_add(&x->is, s, len);
}

static int read_sheet(reader *R, const char *part, ys_xlsx_sheet *out) {
  ws_ctx x;
  memset(&x, 0, sizeof x);
  x.cur_row = -1;
  int rc = parse_part(R, part, &x.c, ws_start, ws_end, ws_chars);
  if (rc == YS_ENOTFOUND)
    rc = fail(R, YS_EINPUT, "XLSX 文件缺少工作表部件 %s", part);
  if (rc == YS_OK) {
    size_t nr = x.nrows, nc = x.ncols;
    if (nr && nc > YS_XLSX_MAX_GRID / nr) {
      rc = fail(R, YS_EINPUT, "XLSX 工作表 %s 过大", part);
    } else {
      out->nrows = nr;
      out->ncols = nc;
      out->cells = ys_arena_alloc(R->arena, (nr && nc ? nr * nc : 1) *
                                                sizeof *out->cells);
      if (!out->cells) rc = fail(R, YS_ENOMEM, "内存不足（%s）", part);
      for (size_t i = 0; rc == YS_OK && i < nr * nc; i++)
        out->cells[i].text = "";
      for (size_t i = 0; rc == YS_OK && i < x.n; i++) {
        ys_xlsx_cell *c =
            &out->cells[(size_t)x.cells[i].row * nc + x.cells[i].col];
        c->text = x.cells[i].text;
        c->kind = x.cells[i].kind;
        c->indent = x.cells[i].indent;
      }
      out->merges = x.merges;
      out->nmerges = x.nmerges;
    }
  }
  free(x.cells);
  free(x.v.s);
  free(x.is.s);
  return rc;
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

static int read_workbook(reader *R, ys_xlsx *x) {
  /* The workbook part, from the package relationships. */
  char wb_part[1024] = "xl/workbook.xml";
  rels_ctx pr;
  memset(&pr, 0, sizeof pr);
  int rc =
      parse_part(R, "_rels/.rels", &pr.c, rels_start, generic_end, no_chars);
  if (rc && rc != YS_ENOTFOUND) return rc;
  const rel *od = rc == YS_OK ? rel_by_type(&pr, "officeDocument") : NULL;
  if (od && resolve("", od->target, wb_part, sizeof wb_part))
    return fail(R, YS_EINPUT, "XLSX 包关系中的工作簿路径无效：%s", od->target);

  wb_ctx wb;
  memset(&wb, 0, sizeof wb);
  rc = parse_part(R, wb_part, &wb.c, wb_start, generic_end, no_chars);
  if (rc == YS_ENOTFOUND)
    return fail(R, YS_EINPUT, "不是 XLSX 工作簿（缺少 %s）", wb_part);
  if (rc) return rc;

  /* Relationships of the workbook part: <dir>/_rels/<file>.rels */
  char base[1024], rels_part[1200];
  const char *slash = strrchr(wb_part, '/');
  size_t bl = slash ? (size_t)(slash - wb_part + 1) : 0;
  memcpy(base, wb_part, bl);
  base[bl] = '\0';
  snprintf(rels_part, sizeof rels_part, "%s_rels/%s.rels", base, wb_part + bl);
  rels_ctx wr;
  memset(&wr, 0, sizeof wr);
  rc = parse_part(R, rels_part, &wr.c, rels_start, generic_end, no_chars);
  if (rc == YS_ENOTFOUND)
    return fail(R, YS_EINPUT, "XLSX 文件缺少工作簿关系 %s", rels_part);
  if (rc) return rc;

  char part[1024];
  const rel *sst = rel_by_type(&wr, "sharedStrings");
  if (sst && resolve(base, sst->target, part, sizeof part) == 0) {
    sst_ctx sc;
    memset(&sc, 0, sizeof sc);
    rc = parse_part(R, part, &sc.c, sst_start, sst_end, sst_chars);
    free(sc.t.s);
    if (rc && rc != YS_ENOTFOUND) return rc;
  }
  const rel *sty = rel_by_type(&wr, "styles");
  if (sty && resolve(base, sty->target, part, sizeof part) == 0) {
    sty_ctx yc;
    memset(&yc, 0, sizeof yc);
    rc = parse_part(R, part, &yc.c, sty_start, sty_end, no_chars);
    if (rc && rc != YS_ENOTFOUND) return rc;
  }

  x->sheets = ys_arena_alloc(R->arena, (wb.n ? wb.n : 1) * sizeof *x->sheets);
  if (!x->sheets) return fail(R, YS_ENOMEM, "内存不足%s", "");
  for (size_t i = 0; i < wb.n; i++) {
    const rel *r = NULL;
    for (size_t k = 0; k < wr.n && !r; k++)
      if (!strcmp(wr.v[k].id, wb.v[i].rid)) r = &wr.v[k];
    if (!r) continue; /* a sheet without a part (or a chartsheet) */
    size_t tl = strlen(r->type);
    if (tl < 9 || strcmp(r->type + tl - 9, "worksheet")) continue;
    if (resolve(base, r->target, part, sizeof part))
      return fail(R, YS_EINPUT, "XLSX 工作表路径无效：%s", r->target);
    ys_xlsx_sheet *s = &x->sheets[x->nsheets];
    s->name = wb.v[i].name;
    s->hidden = wb.v[i].hidden;
    rc = read_sheet(R, part, s);
    if (rc) return rc;
    x->nsheets++;
  }
  return YS_OK;
}

static int open_zip(ys_xlsx **out, zip_t *za, const char *name,
                    ys_errors *errs) {
  ys_xlsx *x = calloc(1, sizeof *x);
  ys_arena *a = ys_arena_new(YS_XLSX_MAX_MEMORY);
  if (!x || !a) {
    free(x);
    ys_arena_free(a);
    zip_discard(za);
    ys_errors_add(errs, YS_ENOMEM, name, 0, 0, "内存不足");
    return YS_ENOMEM;
  }
  x->arena = a;
  reader R;
  memset(&R, 0, sizeof R);
  R.za = za;
  R.name = name;
  R.errs = errs;
  R.arena = a;
  int rc = read_workbook(&R, x);
  zip_discard(za);
  if (rc) {
    ys_xlsx_free(x);
    return rc;
  }
  *out = x;
  return YS_OK;
}

int ys_xlsx_open(ys_xlsx **out, const char *path, ys_errors *errs) {
  *out = NULL;
  int ze = 0;
  zip_t *za = zip_open(path, ZIP_RDONLY, &ze);
  if (!za) {
    zip_error_t e;
    zip_error_init_with_code(&e, ze);
    int io = ze == ZIP_ER_OPEN || ze == ZIP_ER_READ || ze == ZIP_ER_NOENT;
    ys_errors_add(errs, io ? YS_EIO : YS_EINPUT, path, 0, 0,
                  io ? "无法打开文件：%s" : "不是有效的 XLSX（ZIP）文件：%s",
                  zip_error_strerror(&e));
    zip_error_fini(&e);
    return io ? YS_EIO : YS_EINPUT;
  }
  return open_zip(out, za, path, errs);
}

int ys_xlsx_open_buffer(ys_xlsx **out, const void *data, size_t len,
                        const char *name, ys_errors *errs) {
  *out = NULL;
  zip_error_t e;
  zip_error_init(&e);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &e);
  zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &e) : NULL;
  if (!za) {
    if (src) zip_source_free(src);
    ys_errors_add(errs, YS_EINPUT, name, 0, 0, "不是有效的 XLSX（ZIP）文件：%s",
                  zip_error_strerror(&e));
    zip_error_fini(&e);
    return YS_EINPUT;
  }
  zip_error_fini(&e);
  return open_zip(out, za, name, errs);
}

void ys_xlsx_free(ys_xlsx *x) {
  if (!x) return;
  ys_arena_free(x->arena);
  free(x);
}

const ys_xlsx_sheet *ys_xlsx_sheet_named(const ys_xlsx *x, const char *name) {
  for (size_t i = 0; x && i < x->nsheets; i++)
    if (!strcmp(x->sheets[i].name, name)) return &x->sheets[i];
  return NULL;
}

const ys_xlsx_cell *ys_xlsx_at(const ys_xlsx_sheet *s, size_t row, size_t col) {
  if (!s || row >= s->nrows || col >= s->ncols) return NULL;
  return &s->cells[row * s->ncols + col];
}

const char *ys_xlsx_text(const ys_xlsx_sheet *s, size_t row, size_t col) {
  const ys_xlsx_cell *c = ys_xlsx_at(s, row, col);
  return c ? c->text : "";
}
