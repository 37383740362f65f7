// Messages of reading sheets: layouts, headers, values and units, regions, corrections, explanations (src/core other than checks, rules, history, report, text), in English: the keys of ../zh-CN/layout.ts.
import type { layout as zh } from '../zh-CN/layout';

export const layout: Record<keyof typeof zh, string> = {
  'layout.period': '({period})',
  'layout.list.sep': ', ',

  'layout.value.unreadable': 'Cannot read "{text}" as a number',
  'layout.value.out-of-range': 'The number "{text}" is out of the computable range',
  'layout.value.nan': 'Invalid number (NaN)',
  'layout.value.infinite': 'Infinite number ({text})',
  'layout.value.logical': 'The logical value {text} is not a number',
  'layout.value.date': 'The date {text} is not a number',

  'layout.far-cells':
    'Sheet "{sheet}" has {count, plural, one {# non-empty cell far from its data ({data}), at {places}: it was left out. Move it into the table to have it checked.} other {# non-empty cells far from its data ({data}), at {places}: they were left out. Move them into the table to have them checked.}}',
  'layout.far-cells.places': '{list}',
  'layout.far-cells.places-more': '{list}, …',
  'layout.too-large':
    'Sheet "{sheet}" was not checked: its data region {where} spans {area, plural, one {# cell} other {# cells}}{nonEmpty}, above the limit of {limit, plural, one {# cell} other {# cells}} that can be checked at once. Delete what was typed outside the data (select the extra rows or columns, right-click, Delete), or split the data over several sheets, then check again.',
  'layout.too-large.non-empty': ' ({count} of them non-empty)',

  'layout.sheet-names.same':
    'Two sheets are both named "{name}" (Excel does not allow this; another program may have written the file): a cell located by sheet name may be on the other sheet. Rename one of them in Excel, then check again.',
  'layout.sheet-names.alike':
    'The sheet names "{name}" and "{earlier}" are the same once case, full- and half-width forms and spaces at either end are ignored (Excel does not allow this; another program may have written the file): a cell located by sheet name may be on the other sheet. Rename one of them in Excel, then check again.',

  'layout.explanation.not-for-errors': 'errors cannot be explained away',

  'layout.duplicates': 'Sheet "{sheet}" lists an indicator more than once: {list}{more}. Remove the repeated rows or confirm each row\'s figures.',
  'layout.duplicates.item': '"{label}" ({cells})',
  'layout.duplicates.sep': '; ',
  'layout.duplicates.more': '; and {count} more',

  'layout.fix.invalid': 'Row {row} of the 结构 sheet was not applied: {why}.',
  'layout.fix.no-action-column': 'no 操作 (action) column (the header is 工作表 | 操作 | 合计 | 组成项 | 说明)',
  'layout.fix.unknown-action': 'the action "{action}" is not known (use 合计组, 非合计 or 不核对)',
  'layout.fix.no-total': 'no 合计 (the total row, by name or cell)',
  'layout.fix.group-needs-parts': 'a 合计组 needs its 组成项 (parts)',
  'layout.fix.unused': 'Row {row} of the 结构 sheet matches nothing: {where}no "{total}"{parts}.',
  'layout.fix.unused.in-sheet': 'sheet "{sheet}" has ',
  'layout.fix.unused.or-parts': ' or none of its parts',

  'layout.from.sheet-name': 'the sheet name "{sheet}"',
  'layout.from.the-sheet-name': 'the sheet name',
  'layout.from.title': 'the title "{title}"',
  'layout.from.column-headers': 'the years in the column headers',
  'layout.ignored.unit-column': 'the unit column ({cell})',
  'layout.ignored.number-column': 'a number column ({cell})',
  'layout.ignored.not-data': '"{label}" is not data to check (a change, rank or remark)',
  'layout.ignored.text-column': '"{label}" holds text, not values',
  'layout.ignored.notes-line': 'a notes line: {text}',
  'layout.ignored.unnamed-row': 'a row without a name',
  'layout.ignored.part-year': '"{label}" covers only part of a year; not checked with full years',
  'layout.ignored.not-year': '"{label}" is not a year column',
  'layout.crosstab.part-year': 'Sheet "{sheet}" covers only part of {period}; it is not compared with full years.',

  'layout.explain.shape': 'shape',
  'layout.explain.header-rows': 'header rows',
  'layout.explain.axis.rows': 'rows',
  'layout.explain.axis.columns': 'columns',
  'layout.explain.group': 'group',
  'layout.explain.ignored': 'ignored',
  'layout.explain.total-mark': ' (total)',
  'layout.explain.holds.indicators': 'indicators',
  'layout.explain.holds.periods': 'periods',
  'layout.explain.holds.entities': 'entities',
  'layout.explain.direction.rows': 'down the rows',
  'layout.explain.direction.columns': 'across the columns',
  'layout.explain.direction.entities': 'across entities',
  'layout.explain.scope.each-indicator': 'each indicator',
  'layout.explain.scope.each-district': 'each district',
  'layout.explain.scope.each-district-year': 'each district and year',
  'layout.explain.scope.each-year-column': 'each year column',
  'layout.explain.row': 'row {row}',
  'layout.explain.column': 'column {column}',
};
