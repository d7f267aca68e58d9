#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a report file back the way a spreadsheet would, with nothing but the standard
library, and prints every cell of its tables, one a line:

    TABLE <tab> ROW <tab> COLUMN <tab> KIND <tab> VALUE

Row 0 holds a table's headings and its figures follow.  KIND is "s" for text, or for a
number "n" and the number format the cell is shown with ("n:0.0%").  Tabs, line breaks
and backslashes in values are escaped (\\t, \\n, \\\\).

    report-cells.py csv FILE    the CSV as Excel would read it (byte order mark, RFC 4180)
    report-cells.py xlsx FILE   every worksheet of the workbook, from its XML
"""

import csv
import io
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
REL = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
PKG_REL = '{http://schemas.openxmlformats.org/package/2006/relationships}'
# The number formats Excel knows by number, for those without their own code.
BUILTIN_FORMATS = {0: 'General', 1: '0', 2: '0.00', 9: '0%', 10: '0.00%', 22: 'm/d/yy h:mm'}
# The table's headings on each worksheet: title, period, a blank row, then the headings.
HEADING_ROW = 3


def escape(text):
    return text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def emit(table, row, column, kind, value):
    print('\t'.join([escape(table), str(row), str(column), kind, escape(value)]))


def read_csv(path):
    with open(path, 'rb') as f:
        data = f.read()
    if not data.startswith(b'\xef\xbb\xbf'):
        sys.exit('no UTF-8 byte order mark')
    rows = list(csv.reader(io.StringIO(data[3:].decode('utf-8'), newline='')))
    # Sections are separated by empty lines: the report's own lines first, then each
    # table as its title, its headings and its rows.
    sections, current = [], []
    for row in rows:
        if row == []:
            sections.append(current)
            current = []
        else:
            current.append(row)
    sections.append(current)
    for r, line in enumerate(sections[0]):
        emit('', r, 0, 's', line[0])
    for section in sections[1:]:
        title = section[0][0]
        for r, row in enumerate(section[1:]):
            for c, value in enumerate(row):
                emit(title, r, c, 's', value)


def column_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord('A') + 1
    return n - 1, int(ref[len(letters):]) - 1


def read_xlsx(path):
    z = zipfile.ZipFile(path)
    strings = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(MAIN + 'si'):
            strings.append(''.join(t.text or '' for t in si.iter(MAIN + 't')))

    styles = ET.fromstring(z.read('xl/styles.xml'))
    codes = dict(BUILTIN_FORMATS)
    for fmt in styles.iter(MAIN + 'numFmt'):
        codes[int(fmt.get('numFmtId'))] = fmt.get('formatCode')
    xfs = [int(xf.get('numFmtId', '0'))
           for xf in styles.find(MAIN + 'cellXfs').findall(MAIN + 'xf')]

    rels = {}
    for rel in ET.fromstring(z.read('xl/_rels/workbook.xml.rels')).iter(PKG_REL + 'Relationship'):
        rels[rel.get('Id')] = posixpath.join('xl', rel.get('Target'))

    workbook = ET.fromstring(z.read('xl/workbook.xml'))
    for sheet in workbook.iter(MAIN + 'sheet'):
        name = sheet.get('name')
        root = ET.fromstring(z.read(rels[sheet.get(REL + 'id')]))
        for cell in root.iter(MAIN + 'c'):
            column, row = column_index(cell.get('r'))
            if row < HEADING_ROW:
                continue
            kind = cell.get('t', 'n')
            value = cell.find(MAIN + 'v')
            if value is None:
                if kind == 'inlineStr':
                    text = ''.join(t.text or '' for t in cell.iter(MAIN + 't'))
                    emit(name, row - HEADING_ROW, column, 's', text)
                continue
            if kind == 's':
                emit(name, row - HEADING_ROW, column, 's', strings[int(value.text)])
            elif kind == 'str':
                emit(name, row - HEADING_ROW, column, 's', value.text or '')
            else:
                code = codes.get(xfs[int(cell.get('s', '0'))], '?')
                emit(name, row - HEADING_ROW, column, 'n:' + code, value.text)


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('csv', 'xlsx'):
        sys.exit(__doc__)
    (read_csv if sys.argv[1] == 'csv' else read_xlsx)(sys.argv[2])
