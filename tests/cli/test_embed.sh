#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The installed library (issue 12): `cmake --install` puts libkeyhound, keyhound/keyhound.h,
# keyhound.pc and the CMake package under a prefix; examples/embed.c is built against it
# through pkg-config and through find_package(keyhound), shared and static, and scans
# with the findings callback: every finding streamed (redacted) is one the report holds,
# and a callback that returns nonzero stops the scan with KEYHOUND_EUSER.
. "$(dirname "$0")/lib.sh"
B=${KH_BUILD_DIR:?}
P=$T/prefix

cmake --install "$B" --prefix "$P" >"$T/install.log" 2>&1
check "cmake --install puts the library, header, .pc and CMake package under the prefix" \
	test -e "$P/include/keyhound/keyhound.h" -a -e "$P/include/keyhound/version.h" \
	-a -n "$(ls "$P"/lib*/libkeyhound.so.0 "$P"/lib*/*/libkeyhound.so.0 2>/dev/null)" \
	-a -n "$(ls "$P"/lib*/keyhound.pc "$P"/lib*/pkgconfig/keyhound.pc "$P"/lib*/*/pkgconfig/keyhound.pc 2>/dev/null)" \
	-a -n "$(ls "$P"/lib*/cmake/keyhound/keyhoundConfig.cmake "$P"/lib*/*/cmake/keyhound/keyhoundConfig.cmake 2>/dev/null)"
pc=$(dirname "$(ls "$P"/lib*/pkgconfig/keyhound.pc "$P"/lib*/*/pkgconfig/keyhound.pc 2>/dev/null | head -1)")
libdir=$(dirname "$pc")

# a sanitizer build's library needs the sanitizer runtime in what links it
extra=()
if nm "$B/libkeyhound.a" 2>/dev/null | grep -q __asan_init; then
	extra=(-fsanitize=address,undefined)
fi

# through keyhound.pc, the shared library
if cc "${extra[@]}" "$SRC/examples/embed.c" -o "$T/embed_pc" \
	$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs keyhound) 2>"$T/cc.err"; then
	ok "examples/embed.c builds against the installed keyhound.pc"
else
	not_ok "examples/embed.c builds against the installed keyhound.pc: $(head -5 "$T/cc.err")"
fi
LD_LIBRARY_PATH=$libdir "$T/embed_pc" >"$T/pc.out" 2>"$T/pc.err"
rc=$?
check "the callback streams both findings of the buffer, the report holds the same two (exit 1)" \
	bash -c "[ $rc = 1 ] && grep -q '^2 findings streamed, 2 in the report$' '$T/pc.out'"
check "streamed findings are redacted (no secret whole)" \
	bash -c "! grep -q 'AKIAZ3MK7QW2RTYV5PLX\|fQ9mZ2vK8xL4pR7tW1yB3nC6hJ0sD5gE9aU2iO4k' '$T/pc.out'"
check "keyhound_version() is the header's KEYHOUND_VERSION" bash -c "! grep -q 'running library' '$T/pc.err'"

# through the CMake package: keyhound::keyhound and keyhound::keyhound_static
cmake -S "$SRC/examples" -B "$T/eb" -DCMAKE_PREFIX_PATH="$P" -DCMAKE_BUILD_TYPE=Release \
	-DCMAKE_C_FLAGS="${extra[*]}" -DCMAKE_EXE_LINKER_FLAGS="${extra[*]}" >"$T/eb.log" 2>&1 &&
	cmake --build "$T/eb" >>"$T/eb.log" 2>&1
check "examples builds with find_package(keyhound), shared and static" \
	test -x "$T/eb/embed" -a -x "$T/eb/embed_static"
mkdir -p "$T/tree/a" "$T/tree/b"
printf 'token = "ghp_%s"\n' R7mK2pQ9xW4tL8vB3nZ6cY1hJ5sD0fG2aE7u >"$T/tree/a/one.py"
printf 'token = "ghp_%s"\n' T3kM8qW1zX6vN4bC9hJ2lP7sD5fG0aE8rY4u >"$T/tree/b/two.py"
"$T/eb/embed_static" "$T/tree" >"$T/st.out" 2>&1
check "the static library scans a folder through the callback (2 streamed, 2 in the report)" \
	grep -q '^2 findings streamed, 2 in the report$' "$T/st.out"
LD_LIBRARY_PATH=$libdir "$T/eb/embed" --max 1 "$T/tree" >"$T/stop.out" 2>&1
check "a callback returning nonzero stops the scan: one finding streamed, KEYHOUND_EUSER" \
	bash -c "grep -q '^1 findings streamed, .* (stopped)$' '$T/stop.out' && [ \$(grep -c ghp_ '$T/stop.out') = 1 ]"
finish
