/* SPDX-License-Identifier: Apache-2.0 */
/* Generated list: the functions of this library that keyhound calls, reached through
 * pointers that kh_dl_require() fills on first use (see core/dl.h). Add a function
 * here when the code starts calling it. */
#ifndef KH_DL_ARCHIVE_H
#define KH_DL_ARCHIVE_H

#include <archive.h>
#include <archive_entry.h>

#include "core/dl.h"

#define KH_DL_ARCHIVE_FUNCS(X) \
	X(archive_entry_filetype) \
	X(archive_entry_hardlink) \
	X(archive_entry_is_encrypted) \
	X(archive_entry_pathname) \
	X(archive_entry_size) \
	X(archive_entry_size_is_set) \
	X(archive_entry_symlink) \
	X(archive_error_string) \
	X(archive_format) \
	X(archive_read_data) \
	X(archive_read_data_block) \
	X(archive_read_free) \
	X(archive_read_new) \
	X(archive_read_next_header) \
	X(archive_read_open2) \
	X(archive_read_open_fd) \
	X(archive_read_open_filename) \
	X(archive_read_open_memory) \
	X(archive_read_support_filter_gzip) \
	X(archive_read_support_filter_zstd) \
	X(archive_read_support_format_empty) \
	X(archive_read_support_format_raw) \
	X(archive_read_support_format_tar) \
	X(archive_read_support_format_zip_seekable) \
	X(archive_read_support_format_zip_streamable) \
	X(archive_set_error)

#ifndef KH_DL_DEFINE
#define X(f) extern __typeof__(f) *kh_dl_##f;
KH_DL_ARCHIVE_FUNCS(X)
#undef X

#define archive_entry_filetype (*kh_dl_archive_entry_filetype)
#define archive_entry_hardlink (*kh_dl_archive_entry_hardlink)
#define archive_entry_is_encrypted (*kh_dl_archive_entry_is_encrypted)
#define archive_entry_pathname (*kh_dl_archive_entry_pathname)
#define archive_entry_size (*kh_dl_archive_entry_size)
#define archive_entry_size_is_set (*kh_dl_archive_entry_size_is_set)
#define archive_entry_symlink (*kh_dl_archive_entry_symlink)
#define archive_error_string (*kh_dl_archive_error_string)
#define archive_format (*kh_dl_archive_format)
#define archive_read_data (*kh_dl_archive_read_data)
#define archive_read_data_block (*kh_dl_archive_read_data_block)
#define archive_read_free (*kh_dl_archive_read_free)
#define archive_read_new (*kh_dl_archive_read_new)
#define archive_read_next_header (*kh_dl_archive_read_next_header)
#define archive_read_open2 (*kh_dl_archive_read_open2)
#define archive_read_open_fd (*kh_dl_archive_read_open_fd)
#define archive_read_open_filename (*kh_dl_archive_read_open_filename)
#define archive_read_open_memory (*kh_dl_archive_read_open_memory)
#define archive_read_support_filter_gzip (*kh_dl_archive_read_support_filter_gzip)
#define archive_read_support_filter_zstd (*kh_dl_archive_read_support_filter_zstd)
#define archive_read_support_format_empty (*kh_dl_archive_read_support_format_empty)
#define archive_read_support_format_raw (*kh_dl_archive_read_support_format_raw)
#define archive_read_support_format_tar (*kh_dl_archive_read_support_format_tar)
#define archive_read_support_format_zip_seekable (*kh_dl_archive_read_support_format_zip_seekable)
#define archive_read_support_format_zip_streamable (*kh_dl_archive_read_support_format_zip_streamable)
#define archive_set_error (*kh_dl_archive_set_error)
#endif

#endif
