// Messages of report prose (src/core/text), in English: the keys of ../zh-CN/text.ts.
import type { text as zh } from '../zh-CN/text';

export const text: Record<keyof typeof zh, string> = {
  'text.claim-exceeds':
    'Line {line}: "{total}" is {totalValue} but its parts add up to {sum}, {diff} more. Parts can never exceed their total. Text: "{text}"',
  'text.claim-short':
    'Line {line}: "{total}" is {totalValue}; the listed parts add up to {sum}, {diff} short, although the wording says the list is complete ("{wording}"): the total must equal the sum of its parts. Text: "{text}"',
  'text.form-mismatch':
    'Line {line}: in the form of the information-disclosure report, "{total}" reads {totalValue}, but by the form\'s own arithmetic it equals the sum of {parts}, {sum}: {diff} {direction}.',
  'text.claim-partial':
    'Line {line}: "{total}" is {totalValue}; the listed parts add up to {sum}, {diff} short: a partial list or a missing part? Text: "{text}"',
  'text.claim-overlap':
    'Line {line}: "{total}" is {totalValue} and its parts add up to {sum}, {diff} more; the excess comes from the additional-penalty item "{overlap}" (并处/同时), so the categories may overlap. Please verify. Text: "{text}"',
  'text.claim-subset':
    'Line {line}: "{total}" is {totalValue} and its parts add up to {sum}, {diff} more. {note} Text: "{text}"',
  'text.claim-mixed-units':
    'Line {line}: the parts of "{total}" have different units ({units}) and cannot be added; the total was not checked. Text: "{text}"',
  'text.claim-approx': 'Line {line}: total check of "{total}" skipped: {approx} is an approximate figure. Text: "{text}"',
  'text.repeated-figure':
    'The same indicator is stated with different values: line {line1} "{text1}" says {value1}, line {line2} "{text2}" says {value2}.',
  'text.sheet-mismatch': 'Line {line} "{text}" differs from "{indicator}" {period} in sheet "{sheet}" {cell} ({sheetValue}).',
  'text.share-mismatch':
    'Line {line}: "{label}" {part} is {computed} of {total}, but the text says {stated}: more than half a unit of its last digit apart. Text: "{text}"',
  'text.share-forced':
    'Line {line}: "{label}" {part} is {computed} of {total}, but the text says {stated}; the stated shares add up to exactly 100 %, so they may have been adjusted to do so. Please verify. Text: "{text}"',
  'text.rate-mismatch':
    'Line {line}: {rate} should be {numerator} ÷ {denominator} = {computed}, but the text says {stated}: more than half a unit of its last digit apart. Text: "{text}"',
  'text.period-partial': 'The report covers {period} ("{text}"), not a whole year: its figures cannot be compared with full-year figures as they are.',
  'text.across-reports': 'Two reports disagree on "{indicator}" for {period}: "{report1}" line {line1} says {value1}, "{report2}" line {line2} says {value2}.',
  'text.across-reports-period': '"{indicator}" covers different periods in two reports, so it was not compared: "{report1}" line {line1} says {value1} for {period1}, "{report2}" line {line2} says {value2} for {period2}.',
  'text.note-stages': '{stages} are successive stages of handling the cases, each within the one before: they are not added up against {total}.',
  'text.note-apart': 'The other parts already make up the total {total}; "{rest}" is counted apart or imposed together with them, so it is not added.',
  'text.note-channels': '"{channel}" alone already equals the total {total}: the channels published the same items again, so they are not added.',
  'text.note-subset': 'The first parts {lead} already make up the total {total}; "{rest}" after them count the same cases by another dimension and overlap them, so they are not added.',
  'text.note-outcome': '“{outcome}” counts how cases of the total {total} ended, by another dimension than “{other}”; the two may overlap. Please verify.',
  'text.note-second-breakdown': 'The total {total} was already made up exactly by an earlier list; this list breaks it down again by another dimension, and its items may overlap. Please verify.',
  'text.note-share-sum': 'The {count} stated shares add up to {sum}, which is 100 % within the rounding of each.',
  'text.note-subset-unsure': 'The first parts {lead} already make up the total {total}; "{rest}" after them may count the same cases by another dimension and overlap them. Please verify.',
  'text.note-units': 'The parts have different units ({units}) but add up to the total.',
  'text.note-info-items': 'The parts have different units ({units}); all count items of published information, so they are added as one unit.',
  'text.note-compound': 'The total is {figures} = {total} (written as two figures).',
  'text.note-form-others': '{named} and the others of its {count} items',
  'text.note-form-more': 'more',
  'text.note-form-short': 'short',
  'text.note-selection': 'The list after 分别 is a selection (such as the largest ones), not every part.',
};
