#!/usr/bin/env bash
# setup.sh installs the Debian packages Glassbox needs to build and test.
#
# It is idempotent and fast when nothing is missing: it asks dpkg which
# packages are installed and only runs apt-get when some are not.
#
# Why each group is needed (see shared/design/gpu.md):
#   build  cgo for go-gl (GL/GLES/EGL headers), GLFW (X11 headers), and
#          Gio's gpu package, which compiles its Vulkan and Wayland backends
#          unless built with -tags novulkan,nowayland.
#   run    Xvfb for window tests without a display, and Mesa's software
#          drivers (llvmpipe) for GLX, EGL and GLES. libgles2 is loaded by
#          Gio at run time even inside a desktop context.
set -euo pipefail

build_pkgs=(
	gcc libc6-dev pkg-config
	libx11-dev libxrandr-dev libxinerama-dev libxcursor-dev libxi-dev libxxf86vm-dev
	libgl-dev libegl-dev libgles-dev
	libvulkan-dev libwayland-dev
)
run_pkgs=(
	xvfb xauth
	libgles2 libgl1-mesa-dri libglx-mesa0 libegl-mesa0
)

if ! command -v dpkg >/dev/null 2>&1; then
	echo "setup.sh: dpkg not found; this script knows Debian and Ubuntu only." >&2
	echo "setup.sh: install the equivalents of: ${build_pkgs[*]} ${run_pkgs[*]}" >&2
	exit 1
fi

missing=()
for p in "${build_pkgs[@]}" "${run_pkgs[@]}"; do
	# dpkg -s succeeds for packages that were removed but not purged, so
	# look at the status line too.
	if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
		missing+=("$p")
	fi
done

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

echo "setup.sh: installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null 2>&1; then
	sudo=(sudo)
else
	echo "setup.sh: not root and no sudo; as root, run:" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
