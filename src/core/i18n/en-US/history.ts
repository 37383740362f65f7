// Messages of the cross-period detectors (src/core/history), in English: the keys of ../zh-CN/history.ts.
import type { history as zh } from '../zh-CN/history';

export const history: Record<keyof typeof zh, string> = {
  'history.yoy':
    '"{indicator}"{who} is {currentValue} in {current} and was {baseValue} in {base}: {change} ({relative}), outside the year-over-year range {lower} to {upper}.{note}',
  'history.yoy.details': 'Flagged when the year-over-year change exceeds {threshold} and {floor}.',
  'history.yoy.scale':
    '"{indicator}"{who} is {currentValue} in {current} and was {baseValue} in {base}, about {factor}: possibly a unit or extra-digit error (元 vs 万元). Year-over-year range {lower} to {upper}.{note}',
  'history.robust':
    '"{indicator}"{who} is {currentValue} in {current}, far from the {n, plural, one {# earlier period} other {# earlier periods}} ({years}): by those years it should lie between {lower} and {upper}.{note}',
  'history.robust.details': 'Median of the earlier years {median}, MAD {mad}, robust z = {z} (flagged when |z| > {zMax} and the deviation exceeds {floor}).',
  'history.robust.flat':
    '"{indicator}"{who} is {currentValue} in {current}; the {n, plural, one {# earlier period ({years}) is} other {# earlier periods ({years}) are}} mostly {median}; {change}, outside the range {lower} to {upper}.{note}',
  'history.robust.flat.details': 'Median of the earlier years {median}, MAD 0 (most earlier values are equal); flagged when the deviation exceeds {floor}.',
  'history.hb':
    '"{indicator}"{who} is {currentValue} in {current} and was {baseValue} in {base}, a change unlike {n, plural, one {the other region\'s} other {the other # regions\'}}: for a region of this size {current} should lie between {lower} and {upper}.{note}',
  'history.hb.details':
    'The ratio {current}/{base} is {ratio}, median ratio of the regions {medianRatio}; HB score E = {score}, bounds {lowerE} to {upperE} (Hidiroglou–Berthelot, U = {U}, A = {A}, C = {C}).',
  'history.vanished': '"{indicator}"{who} was {baseValue} in {base} and has no value in {current}: was the indicator removed or left blank?',
  'history.new': '"{indicator}"{who} is new in {current} (absent in {base}): {currentValue}.',
  'history.rate-fell': '"{indicator}"{who} was {baseValue} in {base} and fell to {currentValue} in {current}: a mandated rate must stay at 100%.',
  'history.conflict': '"{indicator}"{who} {period} has two different values: {firstValue} at {first} and {secondValue} at {second}; cross-period checks use the first.',
  'history.note.approx': ' ({text} is an approximate figure; the comparison is indicative.)',
  'history.change.up': 'up {amount}',
  'history.change.down': 'down {amount}',
  'history.change.none': 'no change',
  'history.change.from-zero': 'from 0',
  'history.money': '{amount} 元',
  'history.points': '{amount, plural, one {# percentage point} other {# percentage points}}',
  'history.factor.up': '{k} times as much',
  'history.factor.down': '1/{k} as much',
  'history.year': '{year}',
};
