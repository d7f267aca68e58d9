#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Chinese translation is complete and po/POTFILES is right.

Usage: check-po.py SOURCE_ROOT

Fails when po/zh_CN.po has an untranslated or fuzzy message or does not pass
`msgfmt -c`, when it lacks a message the sources have (xgettext over POTFILES, compared
with msgcmp), when POTFILES lists a file that does not exist, or when it misses a file
with translatable strings: src/**/*.c and *.h with _( N_( C_( NC_(, src/**/*.ui with
translatable="yes", and data/*.in.
"""

import os
import re
import subprocess
import sys
import tempfile

LANGUAGE = "zh_CN"
C_MARK_RE = re.compile(r"(?<![A-Za-z0-9_])(?:N|C|NC)?_\(")
UI_MARK_RE = re.compile(r"""translatable\s*=\s*["']yes["']""")
# The keywords of meson's 'glib' preset for i18n.gettext().
XGETTEXT_ARGS = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

failures = []


def fail(message):
    failures.append(message)
    print("not ok: " + message)


def read_potfiles(root):
    for name in ("POTFILES.in", "POTFILES"):  # the order meson reads them in
        path = os.path.join(root, "po", name)
        if os.path.isfile(path):
            entries = []
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.split("#", 1)[0].strip()
                    if line:
                        entries.append(os.path.normpath(line))
            return path, entries
    return None, []


def needs_translation(root, rel):
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if rel.endswith((".c", ".h")):
        # Drop comments and the lines that define the macros themselves.
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        text = re.sub(r"//[^\n]*", "", text)
        text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#"))
        return bool(C_MARK_RE.search(text))
    if rel.endswith(".ui"):
        return bool(UI_MARK_RE.search(text))
    return True


def expected_files(root):
    wanted = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, "src")):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".c", ".h", ".ui")):
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                if needs_translation(root, rel):
                    wanted.append(os.path.normpath(rel))
    data = os.path.join(root, "data")
    if os.path.isdir(data):
        for name in sorted(os.listdir(data)):
            if name.endswith(".in") and os.path.isfile(os.path.join(data, name)):
                wanted.append(os.path.join("data", name))
    return wanted


def check_statistics(po):
    result = subprocess.run(["msgfmt", "--statistics", "-c", "-o", os.devnull, po],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    report = (result.stdout + result.stderr).strip()
    print("# msgfmt: " + report.replace("\n", "\n# "))
    if result.returncode != 0:
        fail("msgfmt -c rejects %s" % po)
    fuzzy = re.search(r"(\d+) fuzzy", report)
    untranslated = re.search(r"(\d+) untranslated", report)
    if fuzzy and int(fuzzy.group(1)) > 0:
        fail("%s has %s fuzzy translations" % (po, fuzzy.group(1)))
    if untranslated and int(untranslated.group(1)) > 0:
        fail("%s has %s untranslated messages" % (po, untranslated.group(1)))


def check_up_to_date(root, po, potfiles):
    existing = [p for p in potfiles if os.path.isfile(os.path.join(root, p))]
    if not existing:
        return
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "rexian.pot")
        result = subprocess.run(["xgettext", "--package-name=rexian", "-o", pot]
                                + XGETTEXT_ARGS + existing,
                                cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            fail("xgettext failed: %s" % result.stderr.strip())
            return
        if not os.path.exists(pot):
            return
        result = subprocess.run(["msgcmp", "--use-untranslated", po, pot],
                                capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL="C"))
        if result.returncode != 0:
            missing = result.stderr.count("this message is used but not defined")
            print("# " + result.stderr.strip().replace("\n", "\n# "))
            fail("%s lacks %d messages of the sources; run "
                 "`meson compile rexian-update-po` and translate them" % (po, missing))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = os.path.abspath(sys.argv[1])

    po = os.path.join(root, "po", LANGUAGE + ".po")
    if not os.path.isfile(po):
        fail("po/%s.po does not exist" % LANGUAGE)
    else:
        check_statistics(po)

    potfiles_path, potfiles = read_potfiles(root)
    if potfiles_path is None:
        fail("po/POTFILES does not exist")
    else:
        for rel in potfiles:
            if not os.path.isfile(os.path.join(root, rel)):
                fail("POTFILES lists %s, which does not exist" % rel)
        listed = set(potfiles)
        for rel in expected_files(root):
            if rel not in listed:
                fail("POTFILES misses %s, which has translatable strings" % rel)
        if os.path.isfile(po):
            check_up_to_date(root, po, potfiles)

    if not failures:
        print("ok: %s is complete and POTFILES lists every file with strings" % LANGUAGE)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
