/*
 * rules.h - the index of the checker's rules (rules.c): each rule's id,
 * category, default severity and Chinese title, in documentation order
 * (docs/rules.md, `yusuan rules`).
 */
#ifndef YUSUAN_RULES_H
#define YUSUAN_RULES_H

#include "export.h"

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_rule {
  const char *id;       /* "sum.code-tree" */
  const char *category; /* "sum", "cross", "balance", "catalog", ... */
  ys_severity severity; /* default severity */
  const char *title;    /* Chinese, one line */
  const char *message;  /* Chinese message template (docs) */
} ys_rule;

/* The rule index, in documentation order. */
YS_API const ys_rule *ys_rules(size_t *n);
YS_API const ys_rule *ys_rule_find(const char *id);

#ifdef __cplusplus
}
#endif
#endif
