// The cross-period and cross-district detectors (历史审核) as checks of the registry: what each
// one flags and the settings it takes. The detectors themselves are in conflict.ts,
// structure.ts, yoy.ts, robust.ts and hb.ts; their messages are in messages.ts.
import { defineCheck, type CheckDeclaration, type CheckModule } from '../checks/check';
import type { PanelCheckContext } from '../checks/stages';
import { DEFAULT_HISTORY_OPTIONS, type HistoryOptions } from './common';
import { detectConflicts } from './conflict';
import { detectHb } from './hb';
import { detectRobust } from './robust';
import { detectStructure } from './structure';
import { detectYoy } from './yoy';

/** A detector: a panel check the options can switch off by its name. */
export interface PanelCheck extends CheckModule<PanelCheckContext> {
  detector: keyof HistoryOptions['detectors'];
}

/** A detector's declaration: a check of the panel stage, switched off by its name in the options. */
function panelCheck(detector: PanelCheck['detector'], declaration: Omit<CheckDeclaration<PanelCheckContext>, 'stage'>): PanelCheck {
  return { detector, ...defineCheck<PanelCheckContext>({ ...declaration, stage: 'panel' }) };
}

const D = DEFAULT_HISTORY_OPTIONS;

export const conflictCheck = panelCheck('conflict', {
  id: 'history.conflict',
  title: { 'zh-CN': '两处数值不一：同一指标、同一年在两张表或两个文件中不同', 'en-US': 'Two values: one indicator and year, different in two sheets or files' },
  findings: [{ id: 'history.conflict', severity: 'warning', flags: { 'zh-CN': '同一指标同一年有两个不同的数值', 'en-US': 'one indicator and year with two different values' } }],
  messageKeys: ['history.conflict'],
  run: (ctx) => detectConflicts(ctx.panel),
});

export const structureCheck = panelCheck('structure', {
  id: 'history.structure',
  title: { 'zh-CN': '指标的增减：消失的指标、新增的指标、下降的强制性比率', 'en-US': 'Indicators that come and go: vanished, new, and mandated rates that fell' },
  findings: [
    { id: 'history.vanished', severity: 'warning', flags: { 'zh-CN': '上一年有数值的指标今年没有了', 'en-US': 'an indicator with a value last year and none this year' } },
    { id: 'history.new', severity: 'info', flags: { 'zh-CN': '今年新增的指标', 'en-US': 'an indicator new this year' } },
    { id: 'history.rate-fell', severity: 'warning', flags: { 'zh-CN': '强制性比率从 100% 降了下来', 'en-US': 'a mandated rate that fell from 100 %' } },
  ],
  messageKeys: ['history.vanished', 'history.new', 'history.rate-fell'],
  run: (ctx) => detectStructure(ctx.panel, ctx.options),
});

export const yoyCheck = panelCheck('yoy', {
  id: 'history.yoy',
  title: { 'zh-CN': '同比变动过大', 'en-US': 'A large change against last year' },
  findings: [
    { id: 'history.yoy', severity: 'warning', flags: { 'zh-CN': '与上一年相比变动超过同比范围', 'en-US': 'a change against last year beyond the year-over-year range' } },
    { id: 'history.yoy.scale', severity: 'warning', flags: { 'zh-CN': '约为上一年的 10 倍、1 万倍或其分之一：单位或多录少录数字', 'en-US': 'about 10×, 10,000× or a fraction of last year: a unit or digit slip' } },
  ],
  parameters: [
    { name: 'yoy.relative', default: JSON.stringify(D.yoy.relative), about: { 'zh-CN': '按数值种类，相对变动超过多少才提示（0.5 即 50%）', 'en-US': 'by kind of value, the relative change it takes (0.5 = 50 %)' } },
    { name: 'yoy.floor', default: JSON.stringify(D.yoy.floor), about: { 'zh-CN': '按数值种类，绝对变动也要超过多少（金额以元计，比率 0.05 即 5 个百分点）', 'en-US': 'by kind of value, the absolute change it also takes (money in 元, rate 0.05 = 5 points)' } },
  ],
  messageKeys: ['history.yoy', 'history.yoy.scale', 'history.yoy.details', 'history.note.approx'],
  run: (ctx) => detectYoy(ctx.panel, ctx.options),
});

export const robustCheck = panelCheck('robust', {
  id: 'history.robust',
  title: { 'zh-CN': '与本地区往年相差过大（中位数与 MAD）', 'en-US': 'Far from the district\'s own earlier years (median and MAD)' },
  findings: [{ id: 'history.robust', severity: 'warning', flags: { 'zh-CN': '今年的数值远离往年的范围', 'en-US': 'this year\'s value far outside the earlier years\' range' } }],
  parameters: [
    { name: 'robust.z', default: String(D.robust.z), about: { 'zh-CN': '稳健 z 值超过多少才提示', 'en-US': 'the robust z it takes' } },
    { name: 'robust.minHistory', default: String(D.robust.minHistory), about: { 'zh-CN': '至少要有几期往年数据', 'en-US': 'earlier periods needed' } },
  ],
  messageKeys: ['history.robust', 'history.robust.details', 'history.robust.flat', 'history.robust.flat.details'],
  run: (ctx) => detectRobust(ctx.panel, ctx.options),
});

export const hbCheck = panelCheck('hb', {
  id: 'history.hb',
  title: { 'zh-CN': '变化与其他地区不同（Hidiroglou–Berthelot）', 'en-US': 'A change unlike the other districts\' (Hidiroglou–Berthelot)' },
  findings: [{ id: 'history.hb', severity: 'warning', flags: { 'zh-CN': '按地区规模，今年的变化与其他地区相差过大', 'en-US': 'for its size, a district whose change is unlike the others\'' } }],
  parameters: [
    { name: 'hb.C', default: String(D.hb.C), about: { 'zh-CN': '界限的宽度', 'en-US': 'the width of the bounds' } },
    { name: 'hb.minEntities', default: String(D.hb.minEntities), about: { 'zh-CN': '至少要有几个地区', 'en-US': 'districts needed' } },
  ],
  messageKeys: ['history.hb', 'history.hb.details'],
  run: (ctx) => detectHb(ctx.panel, ctx.options),
});
