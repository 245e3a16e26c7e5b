/*
 * vocab.h - the words of the trade and what they mean.
 *
 * One vocabulary, kept as data (data/vocab/phrases.csv), turns the phrases
 * of table titles, header cells, row labels and narrative subjects into
 * the dimensions of a quantity (quantity.h) and the roles of columns and
 * rows: "一般公共预算财政拨款基本支出" is fund=gpb ∧ kind=basic, "合计" is
 * a total, "功能分类科目编码" a code column of the function classes. The
 * table reader and the narrative reader both ask it, so a header and a
 * sentence that name the same thing meet in one quantity.
 *
 * A vocabulary is loaded once and shared read-only by every document.
 */
#ifndef YUSUAN_VOCAB_H
#define YUSUAN_VOCAB_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"
#include "profile.h"
#include "quantity.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_vocab ys_vocab;

/* Roles a phrase can give a column or a row (bits of ys_meaning.roles). */
enum {
  YS_ROLE_TOTAL = 1u << 0, /* 合计, 小计: the sum of its group */
  YS_ROLE_GRAND = 1u << 1, /* 总计 */
  YS_ROLE_LABEL = 1u << 2, /* the row-label column */
  YS_ROLE_CODE = 1u << 3,  /* a code column */
  YS_ROLE_LEI = 1u << 4,   /* 类 / 款 / 项 of a split code */
  YS_ROLE_KUAN = 1u << 5,
  YS_ROLE_XIANG = 1u << 6,
  YS_ROLE_UNIT = 1u << 7,   /* unit code column */
  YS_ROLE_DIFF = 1u << 8,   /* 增减额 */
  YS_ROLE_RATE = 1u << 9,   /* 增减率, % */
  YS_ROLE_COUNT = 1u << 10, /* a count, not money */
  YS_ROLE_TEXT = 1u << 11,  /* text: 备注, 指标 */
  YS_ROLE_SEQ = 1u << 12,   /* 序号 */
  YS_ROLE_SUBSET = 1u << 13 /* 其中: not a part of the sum above */
};

/* Classifications a table's rows follow (bits of ys_meaning.axes). */
enum {
  YS_AXIS_FUNC = 1u << 0,
  YS_AXIS_ECON = 1u << 1,
  YS_AXIS_GECON = 1u << 2,
  YS_AXIS_UNIT = 1u << 3,
  YS_AXIS_PROJECT = 1u << 4
};

/* Layouts a title can name (bits of ys_meaning.layouts). */
enum {
  YS_LAYOUT_BALANCE = 1u << 0, /* 收支总表: income and spending side by side */
  YS_LAYOUT_SANGONG = 1u << 1,
  YS_LAYOUT_TARGETS = 1u << 2,
  YS_LAYOUT_PROCUREMENT = 1u << 3,
  YS_LAYOUT_ASSETS = 1u << 4
};

typedef struct ys_meaning {
  ys_qfilter q;     /* src, funds, kinds, natures, periods, econ, key, yoff */
  uint32_t roles;   /* YS_ROLE_* */
  uint32_t axes;    /* YS_AXIS_* */
  uint32_t layouts; /* YS_LAYOUT_* */
  uint32_t measures; /* bits (1u << ys_phase): 预算数 / 调整预算数 / 决算数 */
  int year;          /* a year written out ("2025年"), 0 if none */
  bool conflict;    /* two phrases contradict each other */
  size_t phrases;   /* how many phrases matched */
  const char *rest; /* what no phrase matched, normalised ("" if all) */
} ys_meaning;

YS_API int ys_vocab_open_builtin(ys_vocab **out, ys_errors *errs);
/* A phrases.csv of one's own (same format as data/vocab/phrases.csv). */
YS_API int ys_vocab_open_file(ys_vocab **out, const char *path,
                              ys_errors *errs);
YS_API void ys_vocab_free(ys_vocab *v);
/* The built-in profiles, opened with the vocabulary (read-only, shared by
 * every document read with it): the titles that detect a document's table
 * set are reading vocabulary too. */
YS_API const ys_profiles *ys_vocab_profiles(const ys_vocab *v);
YS_API size_t ys_vocab_size(const ys_vocab *v);

/*
 * What text means: the text is normalised (ys_text_key), a year "2025年"
 * is taken out, then phrases are matched longest first from left to right
 * and their meanings conjoined; characters no phrase covers go to rest,
 * except the small words that carry nothing (的 及 和 与 数 表 年 度, digits
 * and punctuation). Returns YS_OK or YS_ENOMEM (rest is allocated in a).
 */
YS_API int ys_vocab_parse(const ys_vocab *v, const char *text, ys_meaning *out,
                          ys_arena *a);

/* Does the meaning of a name read it whole as one amount of the
 * document's year: nothing left unread, no contradiction, no role but
 * 合计 / 总计 (no rate, count, label or difference), no code set over its
 * capacity, and no kind of table but with an item's codes ("政府采购支出"
 * is none, "三公经费" is)? What a narrative subject or a share's whole
 * must be to be matched with the tables' cells. */
YS_API bool ys_meaning_names_amount(const ys_meaning *m);

/* Traditional characters into simplified (OpenCC t2s), for reading texts
 * from mirror sites: *out is a malloc'd copy when s (n bytes) had any, or
 * NULL when it is simplified already (or OpenCC's tables are missing).
 * YS_OK or YS_ENOMEM. */
YS_API int ys_vocab_simplify(const ys_vocab *v, const char *s, size_t n,
                             char **out);

/* Like ys_vocab_parse, but only the longest phrase at the start of text
 * (already normalised): its byte length (0 if none) and meaning. */
YS_API size_t ys_vocab_prefix(const ys_vocab *v, const char *key, size_t len,
                              ys_meaning *out);

#ifdef __cplusplus
}
#endif
#endif
