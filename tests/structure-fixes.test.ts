// The user's corrections of a reading, kept in the workbook's 结构 sheet: declare a group, mark a
// row as not a total, switch a detected group off; rows that cannot be used are reported.
import { checkWorkbook } from '../src/core/engine';
import type { CellValue, SheetGrid } from '../src/core/types';

const n = null;

/** A form whose breakdown has no 其中, indent or code: the reader cannot see it. */
function plainForm(total: number): SheetGrid {
  const values: CellValue[][] = [
    ['指标', '2022年', '2023年'],
    ['行政处罚案件', 100, total],
    ['警告', 40, 45],
    ['罚款', 60, 70],
    ['监督检查户次', 500, 520],
  ];
  return { name: '指标', originRow: 0, originCol: 0, values };
}

function structureSheet(rows: CellValue[][]): SheetGrid {
  return { name: '结构', originRow: 0, originCol: 0, values: [['工作表', '操作', '合计', '组成项', '说明'], ...rows] };
}

function errors(sheets: SheetGrid[]) {
  return checkWorkbook({ name: 't.xlsx', sheets }, { history: false }).findings;
}

describe('结构 sheet', () => {
  test('a declared group is checked like a detected one (by name, or by cells)', () => {
    expect(errors([plainForm(116)]).filter((f) => f.ruleId.startsWith('balance'))).toEqual([]);
    const byName = errors([plainForm(116), structureSheet([['指标', '合计组', '行政处罚案件', '警告、罚款', n]])]).filter((f) => f.severity === 'error');
    expect(byName.map((f) => `${f.ruleId}@${f.cells[0].address}`)).toEqual(['balance.mismatch@C2']);
    expect(byName[0].difference).toBe(1);
    const byCell = errors([plainForm(116), structureSheet([[n, '合计组', 'A2', 'A3:A4', n]])]).filter((f) => f.severity === 'error');
    expect(byCell.map((f) => `${f.ruleId}@${f.cells[0].address}`)).toEqual(['balance.mismatch@C2']);
    // A clean year stays clean with the group declared.
    expect(errors([plainForm(115), structureSheet([['指标', '合计组', '行政处罚案件', '警告、罚款', n]])]).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('非合计 / 不核对 take a detected group off', () => {
    const form: SheetGrid = {
      name: '指标',
      originRow: 0,
      originCol: 0,
      values: [
        ['序号', '指标', '2023年'],
        ['一、', '队伍建设', n],
        ['1', '执法人员', 20],
        ['2', '协管员', 61],
        [n, '合计', 90],
      ],
    };
    // The 合计 under its list sums the two rows above it: 81 ≠ 90.
    expect(errors([form]).filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['balance.mismatch']);
    for (const action of ['非合计', '不核对']) {
      expect(errors([form, structureSheet([['指标', action, '合计', n, n]])]).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  test('an entity total of a cross-tab can be switched off', () => {
    const grid: SheetGrid = {
      name: '2023年',
      originRow: 0,
      originCol: 0,
      values: [
        ['区县', '行政处罚案件', '监督检查户次'],
        ['市中区', 10, 100],
        ['沙湾区', 8, 80],
        ['犍为县', 5, 50],
        ['合计', 24, 230],
      ],
    };
    expect(errors([grid]).filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['balance.entities']);
    expect(errors([grid, structureSheet([['2023年', '非合计', '合计', n, n]])]).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('rows that cannot be used are reported in both languages, and the rest still apply', () => {
    const found = errors([
      plainForm(116),
      structureSheet([
        ['指标', '合并', '行政处罚案件', '警告', n],
        ['指标', '合计组', '行政处罚案件', n, n],
        ['指标', '合计组', '不存在的指标', '警告', n],
        ['指标', '合计组', '行政处罚案件', '警告、罚款', n],
      ]),
    ]);
    const notes = found.filter((f) => f.ruleId.startsWith('structure.'));
    expect(notes.map((f) => f.ruleId)).toEqual(['structure.fix-invalid', 'structure.fix-invalid', 'structure.fix-unused']);
    for (const f of notes) {
      expect(f.message['zh-CN']).toMatch(/结构表第 \d 行/);
      expect(f.message['en-US']).toMatch(/Row \d of the 结构 sheet/);
    }
    expect(found.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['balance.mismatch']);
  });

  test('the 结构 sheet is not read as an indicator sheet', () => {
    const r = checkWorkbook({ name: 't.xlsx', sheets: [plainForm(115), structureSheet([])] }, { history: false });
    expect(r.sheets.find((s) => s.sheet === '结构')?.layout).toBe('skipped');
  });
});
