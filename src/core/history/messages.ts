// Message catalogue of the cross-period detectors (历史审核), in the pattern of ../messages.ts:
// one template per id in each language, {name} placeholders, numbers formatted by the caller.
// A finding's message is what a clerk reads (the value, the year, the range it should lie in);
// its `.details` template holds the method's statistics and thresholds (Finding.details).
import type { Bilingual } from '../types';

const zhCN = {
  'history.yoy': '“{indicator}”{who}{current}为 {currentValue}，{base}为 {baseValue}，{change}（{relative}），超出同比范围 {lower}～{upper}。{note}',
  'history.yoy.details': '同比变动超过 {threshold} 且绝对变动超过 {floor} 即提示。',
  'history.yoy.scale':
    '“{indicator}”{who}{current}为 {currentValue}，{base}为 {baseValue}，约为上期的 {factor}：可能是单位错误或多录/少录了数字（如元与万元混用）。同比范围 {lower}～{upper}。{note}',
  'history.robust': '“{indicator}”{who}{current}为 {currentValue}，与此前 {n} 期（{years}）相差过大，按往年应在 {lower}～{upper} 之间。{note}',
  'history.robust.details': '往年中位数 {median}，MAD {mad}，稳健 z 值 {z}（|z| > {zMax} 且偏离超过 {floor} 即提示）。',
  'history.robust.flat': '“{indicator}”{who}{current}为 {currentValue}，此前 {n} 期（{years}）多数为 {median}，{change}，超出范围 {lower}～{upper}。{note}',
  'history.robust.flat.details': '往年中位数 {median}，MAD 为 0（往年数值多数相同），偏离超过 {floor} 即提示。',
  'history.hb':
    '“{indicator}”{who}{current}为 {currentValue}，{base}为 {baseValue}，变化与其他 {n} 个地区相差过大：按该地区规模，{current}应在 {lower}～{upper} 之间。{note}',
  'history.hb.details':
    '{current}与{base}之比 {ratio}，各地区比值中位数 {medianRatio}；HB 得分 E = {score}，界限 {lowerE}～{upperE}（Hidiroglou–Berthelot，U = {U}，A = {A}，C = {C}）。',
  'history.vanished': '“{indicator}”{who}{base}为 {baseValue}，{current}没有数值：指标是否被删除或漏填？',
  'history.new': '“{indicator}”{who}是{current}新增的指标（{base}没有），{current}为 {currentValue}。',
  'history.rate-fell': '“{indicator}”{who}{base}为 {baseValue}，{current}降为 {currentValue}：强制性比率应保持 100%。',
  'history.conflict': '“{indicator}”{who}{period}在两处的数值不同：{first} 为 {firstValue}，{second} 为 {secondValue}；跨期比较采用前者。',
  'history.note.approx': '（{text} 是约数，比较仅供参考。）',
  'history.change.up': '增加 {amount}',
  'history.change.down': '减少 {amount}',
  'history.change.none': '没有变化',
  'history.change.from-zero': '上期为 0',
  'history.points': '{amount} 个百分点',
  'history.factor.up': '{k} 倍',
  'history.factor.down': '{k} 分之一',
} as const;

export type HistoryMessageId = keyof typeof zhCN;

const enUS: Record<HistoryMessageId, string> = {
  'history.yoy':
    '"{indicator}"{who} is {currentValue} in {current} and was {baseValue} in {base}: {change} ({relative}), outside the year-over-year range {lower} to {upper}.{note}',
  'history.yoy.details': 'Flagged when the year-over-year change exceeds {threshold} and {floor}.',
  'history.yoy.scale':
    '"{indicator}"{who} is {currentValue} in {current} and was {baseValue} in {base}, about {factor}: possibly a unit or extra-digit error (元 vs 万元). Year-over-year range {lower} to {upper}.{note}',
  'history.robust':
    '"{indicator}"{who} is {currentValue} in {current}, far from the {n} earlier periods ({years}): by those years it should lie between {lower} and {upper}.{note}',
  'history.robust.details': 'Median of the earlier years {median}, MAD {mad}, robust z = {z} (flagged when |z| > {zMax} and the deviation exceeds {floor}).',
  'history.robust.flat':
    '"{indicator}"{who} is {currentValue} in {current}; the {n} earlier periods ({years}) are mostly {median}; {change}, outside the range {lower} to {upper}.{note}',
  'history.robust.flat.details': 'Median of the earlier years {median}, MAD 0 (most earlier values are equal); flagged when the deviation exceeds {floor}.',
  'history.hb':
    '"{indicator}"{who} is {currentValue} in {current} and was {baseValue} in {base}, a change unlike the other {n} regions\': for a region of this size {current} should lie between {lower} and {upper}.{note}',
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
  'history.points': '{amount} percentage points',
  'history.factor.up': '{k} times as much',
  'history.factor.down': '1/{k} as much',
};

export type HistoryParams = Record<string, string | number | Bilingual | undefined>;

/** A template split at its {name} placeholders: text, name, text, name, …, text. */
const compiled = new Map<string, string[]>();

function parts(template: string): string[] {
  let p = compiled.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    compiled.set(template, p);
  }
  return p;
}

function fill(template: string, params: HistoryParams, lang: 'zh-CN' | 'en-US'): string {
  // As template.replace(/\{(\w+)\}/g, …): a missing parameter keeps its placeholder.
  const p = parts(template);
  let out = p[0];
  for (let i = 1; i < p.length; i += 2) {
    const v = params[p[i]];
    out += (v === undefined ? `{${p[i]}}` : typeof v === 'object' ? v[lang] : String(v)) + p[i + 1];
  }
  return out;
}

/** Renders a history message in both languages. A parameter may itself be bilingual. */
export function historyMessage(id: HistoryMessageId, params: HistoryParams = {}): Bilingual {
  return { 'zh-CN': fill(zhCN[id], params, 'zh-CN'), 'en-US': fill(enUS[id], params, 'en-US') };
}

/** The same text in both languages (numbers, cell addresses). */
export function both(s: string): Bilingual {
  return { 'zh-CN': s, 'en-US': s };
}

/** A period as it reads in a sentence: `2023年` / `2023`. */
export function yearText(period: string | undefined): Bilingual {
  if (!period) return both('');
  return /^\d{4}$/.test(period) ? { 'zh-CN': `${period}年`, 'en-US': period } : both(period);
}

/** The entity inside a sentence: `罗庄区` right after the indicator, ` (罗庄区)` in English. */
export function whoText(entity: string): Bilingual {
  if (!entity) return both('');
  return { 'zh-CN': entity, 'en-US': ` (${entity})` };
}
