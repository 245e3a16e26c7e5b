/*
 * export.h - what the library exports.
 *
 * The library is built with hidden visibility (CMakeLists.txt): only the
 * declarations of include/yusuan/ marked YS_API are its interface; the
 * helpers one file of src/ shares with another (csvread.h, claims.h, …)
 * stay inside it. tests/exports.sh checks both ways.
 */
#ifndef YUSUAN_EXPORT_H
#define YUSUAN_EXPORT_H

#if defined(__GNUC__)
#define YS_API __attribute__((visibility("default")))
#else
#define YS_API
#endif

#endif
