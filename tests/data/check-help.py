#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the user help.

Usage: check-help.py HELP_DIR

Validates help/C with yelp-check, checks that the Chinese translation (help/zh_CN/
zh_CN.po) is complete, valid and up to date with the C pages, builds the Chinese pages
with itstool, checks that every C page has a Chinese counterpart and validates those.
"""

import os
import re
import subprocess
import sys
import tempfile

LANGUAGE = "zh_CN"
failures = []


def fail(message):
    failures.append(message)
    print("not ok: " + message)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"), **kwargs)


def validate(directory, what):
    result = run(["yelp-check", "validate", directory])
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or output:
        print("# " + output.replace("\n", "\n# "))
        fail("yelp-check validate rejects the %s pages" % what)
    else:
        print("ok: the %s pages are valid Mallard" % what)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    help_dir = os.path.abspath(sys.argv[1])
    c_dir = os.path.join(help_dir, "C")
    lang_dir = os.path.join(help_dir, LANGUAGE)
    c_pages = sorted(p for p in os.listdir(c_dir) if p.endswith(".page"))
    if "index.page" not in c_pages:
        fail("help/C has no index.page")

    with open(os.path.join(help_dir, "meson.build"), encoding="utf-8") as f:
        listed = set(re.findall(r"'([^']+\.page)'", f.read()))
    for page in c_pages:
        if page not in listed:
            fail("help/meson.build does not list %s" % page)
    for page in sorted(listed - set(c_pages)):
        fail("help/meson.build lists %s, which is not in help/C" % page)

    validate(c_dir, "C")

    po = os.path.join(lang_dir, LANGUAGE + ".po")
    if not os.path.isfile(po):
        fail("%s does not exist" % os.path.relpath(po, help_dir))
        return 1

    result = run(["msgfmt", "--statistics", "-c", "-o", os.devnull, po])
    report = (result.stdout + result.stderr).strip()
    print("# msgfmt: " + report.replace("\n", "\n# "))
    if result.returncode != 0:
        fail("msgfmt -c rejects %s" % po)
    for kind in ("fuzzy", "untranslated"):
        m = re.search(r"(\d+) %s" % kind, report)
        if m and int(m.group(1)) > 0:
            fail("%s has %s %s messages" % (os.path.basename(po), m.group(1), kind))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "rexian-help.pot")
        result = run(["itstool", "-o", pot] + [os.path.join(c_dir, p) for p in c_pages])
        if result.returncode != 0:
            fail("itstool cannot extract the C pages: %s" % result.stderr.strip())
            return 1
        result = run(["msgcmp", po, pot])
        if result.returncode != 0:
            print("# " + result.stderr.strip().replace("\n", "\n# "))
            fail("%s lacks messages of the C pages; run `meson compile "
                 "help-rexian-update-po` and translate them" % os.path.basename(po))

        mo = os.path.join(tmp, LANGUAGE + ".mo")
        result = run(["msgfmt", "-o", mo, po])
        if result.returncode != 0:
            fail("msgfmt cannot compile %s" % po)
            return 1
        out = os.path.join(tmp, LANGUAGE)
        os.mkdir(out)
        result = run(["itstool", "-m", mo, "-l", LANGUAGE, "-o", out + os.sep]
                     + [os.path.join(c_dir, p) for p in c_pages])
        if result.returncode != 0 or result.stderr.strip():
            print("# " + result.stderr.strip().replace("\n", "\n# "))
            fail("itstool cannot merge the translation into the pages")
        for page in c_pages:
            path = os.path.join(out, page)
            if not os.path.isfile(path):
                fail("%s has no %s counterpart" % (page, LANGUAGE))
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if not re.search(r"[\u4e00-\u9fff]", text):
                fail("the %s %s has no Chinese text" % (LANGUAGE, page))
        validate(out, LANGUAGE)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
