#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against the project.

Usage: check-flatpak.py MANIFEST SOURCE_ROOT

The manifest must name the app, the GNOME runtime and the command, grant what a
softphone needs, build every module from pinned sources, and provide every pkg-config
dependency that a meson.build file of the project asks for, from the runtime or from a
module.
"""

import json
import os
import re
import sys

APP_ID = "io.github.rexian.Rexian"

# What the GNOME Platform/SDK already ships (pkg-config names, or fnmatch-like prefixes
# ending in '*').
RUNTIME_PROVIDES = [
    "glib-2.0",
    "gio-2.0",
    "gio-unix-2.0",
    "gobject-2.0",
    "gmodule-2.0",
    "gtk4",
    "libadwaita-1",
    "sqlite3",
    "json-glib-1.0",
    "libsecret-1",
    "libsoup-3.0",
    "libxml-2.0",
    "cairo",
    "pango",
    "pangocairo",
    "gstreamer*",
    "libpulse",
    "libpulse-mainloop-glib",
    "openssl",
    "zlib",
]

# Which module builds a pkg-config name that the runtime lacks.
MODULE_PROVIDES = {
    "sofia-sip-ua": "sofia-sip",
    "sofia-sip-ua-glib": "sofia-sip",
    "xlsxwriter": "libxlsxwriter",
}

REQUIRED_FINISH_ARGS = [
    "--share=network",
    "--socket=pulseaudio",
    "--socket=wayland",
    "--socket=fallback-x11",
]

DEPENDENCY_RE = re.compile(r"""dependency\(\s*['"]([^'"]+)['"]""")
HEX40_RE = re.compile(r"^[0-9a-f]{40}$")

failures = []


def fail(message):
    failures.append(message)
    print("not ok: " + message)


def runtime_provides(name):
    for entry in RUNTIME_PROVIDES:
        if entry.endswith("*"):
            if name.startswith(entry[:-1]):
                return True
        elif name == entry:
            return True
    return False


def project_dependencies(root):
    """Every pkg-config name asked for with dependency('NAME' in a meson.build."""
    found = {}
    skip = {".git", "flatpak", "subprojects"}
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        top = rel.split(os.sep)[0]
        if top in skip or top.startswith("_build") or (top.startswith("build") and top != "build-aux"):
            dirnames[:] = []
            continue
        if "meson.build" not in filenames:
            continue
        path = os.path.join(dirpath, "meson.build")
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                code = line.split("#", 1)[0]
                for name in DEPENDENCY_RE.findall(code):
                    found.setdefault(name, "%s:%d" % (os.path.relpath(path, root), lineno))
    return found


def walk_modules(modules, out):
    for module in modules:
        if isinstance(module, str):
            fail("module %s is an external file; keep every module in the manifest" % module)
            continue
        out.append(module)
        walk_modules(module.get("modules", []), out)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    manifest_path, root = sys.argv[1], sys.argv[2]
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)

    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != APP_ID:
        fail("id is %r, not %r" % (app_id, APP_ID))
    if os.path.basename(manifest_path) != APP_ID + ".json":
        fail("the manifest file should be named %s.json" % APP_ID)
    if manifest.get("runtime") != "org.gnome.Platform":
        fail("runtime is %r, not org.gnome.Platform" % manifest.get("runtime"))
    if manifest.get("sdk") != "org.gnome.Sdk":
        fail("sdk is %r, not org.gnome.Sdk" % manifest.get("sdk"))
    version = str(manifest.get("runtime-version", ""))
    if not re.fullmatch(r"\d+", version):
        fail("runtime-version %r is not a stable GNOME release" % version)
    if manifest.get("command") != "rexian":
        fail("command is %r, not rexian" % manifest.get("command"))

    finish_args = manifest.get("finish-args", [])
    for arg in REQUIRED_FINISH_ARGS:
        if arg not in finish_args:
            fail("finish-args lack %s" % arg)
    for arg in finish_args:
        if arg in ("--filesystem=host", "--filesystem=home", "--device=all",
                   "--socket=x11", "--socket=session-bus", "--socket=system-bus"):
            fail("finish-args grant more than needed: %s" % arg)

    modules = []
    walk_modules(manifest.get("modules", []), modules)
    names = set()
    for module in modules:
        name = module.get("name", "?")
        names.add(name)
        sources = module.get("sources", [])
        if not sources:
            fail("module %s has no sources" % name)
        for source in sources:
            if isinstance(source, str):
                fail("module %s uses an external source file %s" % (name, source))
                continue
            kind = source.get("type")
            if kind == "git":
                commit = source.get("commit", "")
                if not HEX40_RE.match(commit):
                    fail("module %s: git source %s is not pinned to a 40-hex commit"
                         % (name, source.get("url")))
                if not source.get("url", "").startswith("https://"):
                    fail("module %s: git source is not fetched over https" % name)
            elif kind in ("archive", "file"):
                if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                    fail("module %s: %s source has no sha256" % (name, kind))
            elif kind == "dir":
                path = os.path.normpath(os.path.join(os.path.dirname(manifest_path),
                                                     source.get("path", "")))
                if not os.path.isfile(os.path.join(path, "meson.build")):
                    fail("module %s: dir source %s holds no meson.build" % (name, path))

    if not modules or modules[-1].get("name") != "rexian":
        fail("the last module should be rexian itself")

    deps = project_dependencies(root)
    if not deps:
        fail("no dependency() calls found under %s" % root)
    for dep, where in sorted(deps.items()):
        if runtime_provides(dep):
            continue
        module = MODULE_PROVIDES.get(dep)
        if module is None:
            fail("%s (%s) is neither in the GNOME runtime nor mapped to a module" % (dep, where))
        elif module not in names:
            fail("%s (%s) needs the module %s, which the manifest lacks" % (dep, where, module))
        else:
            print("ok: %s from the module %s" % (dep, module))

    print("checked %d dependencies and %d modules" % (len(deps), len(modules)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
