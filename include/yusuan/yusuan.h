/*
 * yusuan.h - libyusuan, everything at once.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
#ifndef YUSUAN_H
#define YUSUAN_H

#include "annotate.h"
#include "arena.h"
#include "catalog.h"
#include "check.h"
#include "compile.h"
#include "dataset.h"
#include "doc.h"
#include "error.h"
#include "explain.h"
#include "findings.h"
#include "ingest.h"
#include "money.h"
#include "outdir.h"
#include "package.h"
#include "profile.h"
#include "quantity.h"
#include "rawtable.h"
#include "rules.h"
#include "read.h"
#include "render.h"
#include "tables.h"
#include "text.h"
#include "vocab.h"

#endif
