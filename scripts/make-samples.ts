// Generates the bundled sample workbooks in samples/ from the seeds' real figures
// (../shared/seeds: 乐山市市中区 2022 = seed 000, 嘉兴市 2022 = seed 004, 临沂市罗庄区 2023 =
// seed 001, and the other three for the district table). Prior-year figures are illustrative,
// and a few realistic mistakes are planted on purpose (each one is listed in MISTAKES below).
// The 罗庄区 sample is an Excel 97-2003 .xls (written by SheetJS), as many bureaus still keep them.
// Run: npm run samples
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { countyForm, districtCrossTab } from './shape-samples';
import * as fs from 'fs';
import * as path from 'path';

type V = number | string | null | { formula: string; result: { error: string } };
interface Row { code?: string; name: string; unit: string; values: V[]; indent?: number; rate?: boolean }

export const MISTAKES = [
  'wide F? 2021 学校卫生 21 instead of 12 (digits swapped): the breakdown exceeds 国家双随机监督抽检任务 190',
  'wide 2021 法制审核率 93.3% (14 of 15 cases): a mandated rate below 100%',
  'wide 2021 投诉处理完结率 is #DIV/0! (a formula with an empty denominator)',
  'wide 2021 持证执法人员 says 见附件 (text where a number belongs)',
  'wide 2021 监督检查医疗机构 700余 (approximate: exact checks skip it with an info finding)',
  'per-year 2021年 行政处罚案件 110 but 警告 50 + 罚款等 58 + 停产停业 1 = 109',
  'wide 2021 依法公开执法处罚信息 98 but 全部行政处罚案件 163: published penalty items must equal penalty cases (pack rule)',
  'wide 医疗服务类罚款 58,590 (2021) → 585,900 (2022): ×10, an extra digit or 元/万元 mix-up (warning)',
  'wide 罚没款 30.63万元 → 728,588 元: +138 % (warning; the domain example 306300 → 728588)',
  'long 五通桥区 行政处罚案件 3 → 27 while the other districts grow ~10 % (Hidiroglou–Berthelot warning)',
  'xls (罗庄区) 2022 信访积案 4 but 其中：已化解 5: a part above its total',
  'xls (罗庄区) 2022 依法执业自查率 96.8% (30 of 31 医疗机构, a % formatted cell): a mandated rate below 100%',
  'cross-tab (各区县, 2022) 沙湾区 行政处罚案件 合计 30 but 警告 12 + 罚款 17 + 其他 2 = 31; the 全市合计 合计 sums the districts as typed and shows it too',
  'cross-tab (各区县, 2022) 全市合计 罚没款 171.40 万元 but the districts add up to 170.40',
  'cross-tab (各区县, 2022) 犍为县 法制审核率 0.95 (rates stored as fractions): a mandated rate below 100%',
  'county form (沙湾区, sections 一、（一）1.) 2022 行政处罚案件 106 but 警告 40 + 罚款 63 + 停产停业 5 = 108',
  'county form (沙湾区) 2021 政务服务 合计 5084 (a 合计 row below its list) but 自然人 4530 + 法人 551 = 5081',
];

const TITLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { horizontal: 'center' };
  });
}

function writeRows(ws: ExcelJS.Worksheet, rows: Row[], firstValueCol: number, hasCode: boolean): void {
  for (const r of rows) {
    const cells: ExcelJS.CellValue[] = [];
    if (hasCode) cells.push(r.code ?? '');
    cells.push(r.name, r.unit, ...(r.values as ExcelJS.CellValue[]));
    const row = ws.addRow(cells);
    const nameCell = row.getCell(hasCode ? 2 : 1);
    if (r.indent) nameCell.alignment = { indent: r.indent };
    r.values.forEach((v, i) => {
      const c = row.getCell(firstValueCol + i);
      if (typeof v === 'number') c.numFmt = r.rate ? '0.0%' : r.unit === '元' ? '#,##0' : '0';
      c.alignment = { horizontal: 'right' };
    });
  }
}

/** 乐山市市中区 (seed 000): wide layout, years as columns, breakdown by 其中, codes and indent. */
export function leshanWide(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '指标校验 samples';
  const ws = wb.addWorksheet('法治指标');
  ws.addRow(['乐山市市中区卫生健康局法治政府建设年度指标表']);
  ws.mergeCells('A1:E1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').fill = TITLE_FILL;
  styleHeader(ws.addRow(['序号', '指标名称', '单位', '2021年', '2022年']));
  const rows: Row[] = [
    { code: '1', name: '重大执法决定法制审核案件', unit: '件', values: [15, 15] },
    { code: '2', name: '法制审核率', unit: '%', values: [14 / 15, 1], rate: true },
    { code: '3', name: '依法公开执法处罚信息', unit: '条', values: [98, 106] },
    { code: '4', name: '持证执法人员', unit: '人', values: ['见附件', '十二'] },
    { code: '5', name: '国家双随机监督抽检任务', unit: '家', values: [190, 209] },
    { code: '5.1', name: '其中：公共场所卫生', unit: '家', values: [95, 108] },
    { code: '5.2', name: '　　　生活饮用水卫生', unit: '家', values: [12, 12] },
    { code: '5.3', name: '　　　学校卫生', unit: '家', values: [21, 12] },
    { code: '5.4', name: '　　　医疗卫生', unit: '家', values: [30, 32] },
    { code: '5.5', name: '　　　放射卫生', unit: '家', values: [10, 11] },
    { code: '5.6', name: '　　　传染病防治', unit: '家', values: [25, 28] },
    { code: '5.7', name: '　　　消毒产品', unit: '家', values: [4, 4] },
    { code: '5.8', name: '　　　职业卫生', unit: '家', values: [2, 2] },
    { code: '6', name: '公共场所卫生行政处罚', unit: '家', values: [14, 16] },
    { code: '7', name: '监督检查医疗机构', unit: '家次', values: ['700余', 736] },
    { code: '8', name: '医疗服务类案件', unit: '件', values: [58, 63] },
    { code: '9', name: '医疗服务类行政处罚决定书', unit: '份', values: [77, 85] },
    { code: '10', name: '医疗服务类罚款', unit: '元', values: [58590, '585,900'] },
    { code: '11', name: '打击非法行医案件', unit: '件', values: [4, 3] },
    { code: '12', name: '非法行医罚没款', unit: '元', values: [61200, 70876] },
    { code: '13', name: '全部行政处罚案件', unit: '件', values: [163, 106] },
    { code: '14', name: '行政处罚决定书', unit: '份', values: [120, 129] },
    { code: '15', name: '罚没款', unit: '元', values: ['30.63万元', 728588] },
    { code: '16', name: '舆情件', unit: '件', values: [2800, 3074] },
    { code: '17', name: '舆情处理完结率', unit: '%', values: [1, 1], rate: true },
    { code: '18', name: '投诉处理完结率', unit: '%', values: [{ formula: 'E30/E31', result: { error: '#DIV/0!' } }, 1], rate: true },
    { code: '19', name: '群众满意率', unit: '%', values: [0.976, 0.983], rate: true },
  ];
  writeRows(ws, rows, 4, true);
  ws.addRow([]);
  ws.addRow(['注：2022年数据摘自《乐山市市中区卫生健康局2022年法治政府建设工作情况报告》；2021年为示例数据。']);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 6;
  ws.getColumn(4).width = 12;
  ws.getColumn(5).width = 12;
  const notes = wb.addWorksheet('填报说明');
  notes.addRow(['本工作簿是指标校验的示例：2022年数字来自真实报告，2021年含若干故意留下的错误。']);
  notes.getColumn(1).width = 80;
  return wb;
}

/** 嘉兴市 (seed 004): one sheet per year with 指标 / 单位 / 数值. */
export function jiaxingPerYear(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, values: Record<string, V>) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`嘉兴市卫生健康委员会 ${name} 法治政府建设指标`]);
    styleHeader(ws.addRow(['指标', '单位', '数值']));
    const rows: Array<[string, string, number?]> = [
      ['集中学法', '次'],
      ['持证执法人员', '人'],
      ['普法活动', '次'],
      ['普法受众', '人'],
      ['规范性文件清理', '件'],
      ['其中：继续有效', '件'],
      ['　　　废止', '件'],
      ['　　　失效', '件'],
      ['政务服务办件量', '件'],
      ['其中：自然人办件', '件'],
      ['　　　法人办件', '件'],
      ['行政处罚案件', '件'],
      ['其中：警告', '件'],
      ['　　　罚款等', '件'],
      ['　　　停产停业', '件'],
      ['行政处罚罚款', '元'],
      ['行政许可受理', '件'],
      ['全系统行政处罚案件', '起'],
      ['全系统罚没款', '万元'],
      ['单案平均罚没款', '元'],
      ['行政诉讼出庭应诉率', '%'],
    ];
    for (const [name2, unit] of rows) {
      const v = values[name2] ?? null;
      const row = ws.addRow([name2, unit, v as ExcelJS.CellValue]);
      if (unit === '%' && typeof v === 'number') row.getCell(3).numFmt = '0%';
    }
    ws.getColumn(1).width = 24;
    ws.getColumn(3).width = 14;
  };
  sheet('2021年', {
    集中学法: 6, 持证执法人员: 55, 普法活动: 15, 普法受众: 30120, 规范性文件清理: 12, '其中：继续有效': 10, '　　　废止': 1, '　　　失效': 1,
    政务服务办件量: 5120, '其中：自然人办件': 4580, '　　　法人办件': 540, 行政处罚案件: 110, '其中：警告': 50, '　　　罚款等': 58, '　　　停产停业': 1,
    行政处罚罚款: '88.6万元', 行政许可受理: 2410, 全系统行政处罚案件: 2010, 全系统罚没款: 1850.2, 单案平均罚没款: 9204.98, 行政诉讼出庭应诉率: 1,
  });
  sheet('2022年', {
    集中学法: 8, 持证执法人员: 58, 普法活动: 17, 普法受众: 32541, 规范性文件清理: 14, '其中：继续有效': 11, '　　　废止': 2, '　　　失效': 1,
    政务服务办件量: 5404, '其中：自然人办件': 4818, '　　　法人办件': 586, 行政处罚案件: 120, '其中：警告': 57, '　　　罚款等': 62, '　　　停产停业': 1,
    行政处罚罚款: '94.23万元', 行政许可受理: 2554, 全系统行政处罚案件: 2150, 全系统罚没款: 1991.8, 单案平均罚没款: 9264.18, 行政诉讼出庭应诉率: 1,
  });
  return wb;
}

/** A supervisor's long table: 地区 | 年份 | 指标 | 数值 | 单位 for several districts (seeds 000–004). */
export function districtsLong(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('各地区指标');
  styleHeader(ws.addRow(['地区', '年份', '指标', '数值', '单位']));
  const data: Array<[string, number, string, number | string, string]> = [];
  const add = (d: string, y: number, rows: Array<[string, number | string, string]>) => rows.forEach(([n, v, u]) => data.push([d, y, n, v, u]));
  // 2022 figures of 乐山市中区 and 嘉兴 and 2021 of 北碚 are the seeds'; the rest are illustrative.
  const districts: Array<[string, [number, number], [string, string], [string, string]]> = [
    ['乐山市市中区', [163, 106], ['93.3%', '100%'], ['306300', '728588']],
    ['临沂市罗庄区', [150, 171], ['100%', '100%'], ['420000', '380000']],
    ['重庆市北碚区', [163, 170], ['100%', '100%'], ['306300', '350000']],
    ['韶关市武江区', [40, 45], ['100%', '100%'], ['88000', '105000']],
    ['嘉兴市', [110, 120], ['100%', '100%'], ['88.6万元', '94.23万元']],
    ['乐山市五通桥区', [3, 27], ['100%', '96%'], ['9000', '12000']],
  ];
  for (const [d, cases, review, fines] of districts) {
    [2021, 2022].forEach((y, i) => add(d, y, [['行政处罚案件', cases[i], '件'], ['法制审核率', review[i], '%'], ['罚没款', fines[i], '元']]));
  }
  add('韶关市武江区', 2021, [['12345投诉回复率', '98%', '%']]);
  add('韶关市武江区', 2022, [['12345投诉回复率', '100%', '%']]);
  for (const r of data) ws.addRow(r);
  ws.getColumn(1).width = 16;
  ws.getColumn(3).width = 20;
  return wb;
}

/**
 * 临沂市罗庄区 (seed 001, 2023): wide layout saved as Excel 97-2003 (.xls, BIFF8). 2023 figures are
 * the report's (首违不罚13次, 送法助企84场次 179家 1200余名 38条 56个, 评估医疗机构33个, 监督1387户
 * 覆盖率100%, 处罚案件188起, 双随机77家, 权责清单228项, 信访积案3件 化解率100%); 2022 figures and the
 * 依法执业自查率, 法制审核率 and 罚没款 rows are illustrative. The 2022 行政处罚案件, 法制审核率 and 罚没款
 * are the district table's 罗庄区 figures, so checking all samples together finds no conflict there.
 */
export function luozhuangXls(): Uint8Array {
  const rate = (v: number | string, z = '0.0%'): XLSX.CellObject => (typeof v === 'number' ? { t: 'n', v, z } : { t: 's', v });
  const rows: Array<[string, string, string, XLSX.CellObject | number | string, XLSX.CellObject | number | string]> = [
    ['1', '集中学习习近平法治思想', '次', 5, 6],
    ['2', '党组会集体研究重大事项', '次', 9, 10],
    ['3', '首违不罚', '次', 10, 13],
    ['4', '送法助企活动', '场次', 76, 84],
    ['5', '送法助企走访企业、商超、宾馆', '家', 160, 179],
    ['6', '送法助企普法从业人员', '名', '1000余', '1200余'],
    ['7', '征求意见建议', '条', 31, 38],
    ['8', '解决实际问题', '个', 45, 56],
    ['9', '法治建设评估医疗机构', '个', 31, 33],
    ['10', '依法执业自查率', '%', rate(30 / 31), rate(1)],
    ['11', '监督户数', '户', 1302, 1387],
    // 2023 typed as text, as often in sheets filled in WPS: the engine reads 100% all the same.
    ['12', '监督覆盖率', '%', rate(1, '0%'), rate('100%')],
    ['13', '行政处罚案件', '起', 171, 188],
    ['14', '法制审核率', '%', rate(1, '0%'), rate(1, '0%')],
    ['15', '罚没款', '元', { t: 'n', v: 380000, z: '#,##0' }, { t: 'n', v: 415000, z: '#,##0' }],
    ['16', '国家“双随机、一公开”抽查', '家', 75, 77],
    ['17', '权责清单事项', '项', 220, 228],
    ['18', '信访积案', '件', 4, 3],
    ['18.1', '其中：已化解', '件', 5, 3],
    ['19', '信访积案化解率', '%', rate(1, '0%'), rate(1, '0%')],
  ];
  const aoa: unknown[][] = [
    ['临沂市罗庄区卫生健康局法治政府建设年度指标表'],
    ['序号', '指标名称', '单位', '2022年', '2023年'],
    ...rows,
    [],
    ['注：2023年数据摘自《罗庄区卫生健康局关于2023年度法治政府建设工作的报告》；2022年数据及2023年的依法执业自查率、法制审核率、罚没款为示例数据。'],
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  // aoa_to_sheet keeps a cell object as given (with its number format) and types the rest.
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }];
  ws['!cols'] = [{ wch: 6 }, { wch: 30 }, { wch: 6 }, { wch: 12 }, { wch: 12 }];
  const notes = XLSX.utils.aoa_to_sheet([['本工作簿是指标校验的 .xls 示例：2023年数字来自真实报告，2022年含两处故意留下的错误。']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '法治指标');
  XLSX.utils.book_append_sheet(wb, notes, '填报说明');
  // SheetJS writes no dates of its own into a BIFF8 file, so a fresh run writes the same bytes (in
  // a process that wrote other files first, they also list those files' custom number formats).
  return new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
}

/** The samples in other formats than .xlsx, as bytes. */
export const LEGACY_SAMPLES: Record<string, () => Uint8Array> = {
  '示例-罗庄区-法治指标.xls': luozhuangXls,
};

export const SAMPLES: Record<string, () => ExcelJS.Workbook> = {
  '示例-乐山市市中区-法治指标.xlsx': leshanWide,
  '示例-嘉兴市-分年度.xlsx': jiaxingPerYear,
  '示例-各地区-长表.xlsx': districtsLong,
  '示例-各区县交叉表-乐山市.xlsx': districtCrossTab,
  '示例-沙湾区-分节指标表.xlsx': countyForm,
};

export async function writeSamples(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, make] of Object.entries(SAMPLES)) {
    const wb = make();
    // Fixed dates keep the files byte-stable across runs.
    wb.created = new Date('2026-01-01T00:00:00Z');
    wb.modified = new Date('2026-01-01T00:00:00Z');
    const out = path.join(dir, file);
    await wb.xlsx.writeFile(out);
    written.push(out);
  }
  for (const [file, make] of Object.entries(LEGACY_SAMPLES)) {
    const out = path.join(dir, file);
    fs.writeFileSync(out, make());
    written.push(out);
  }
  return written;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '../../../samples');
  writeSamples(dir).then(
    (files) => files.forEach((f) => console.log(`wrote ${f}`)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
