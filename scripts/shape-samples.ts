// Samples of the sheet shapes supervisors and counties make themselves (npm run samples):
//  - a city's district cross-tab for one year, with a two-row header whose merged group cells hold
//    合计 | 其中… sub-columns and a 全市合计 row;
//  - a county's own form with 一、（一）1.（1） sections, a 其中 list that goes on through numbered
//    siblings, a 合计 row below its list, and 增减/备注 columns beside the years.
// Figures follow the seeds (DOMAIN.md); each sample carries planted mistakes, listed here.
import ExcelJS from 'exceljs';

/**
 * 乐山市 2022 by district (districts × indicators). Planted mistakes:
 *  1. 沙湾区 行政处罚案件 合计 30 but 警告 12 + 罚款 17 + 其他 2 = 31 (B6);
 *  2. 全市合计 罚没款 is 171.40 万元 but the districts add up to 170.40 (F10);
 *  3. 犍为县 法制审核率 0.95 (fractions: 95 %, mandated 100 %) (G8).
 * The 全市合计 row's 合计 (B10) sums the districts' 合计 as typed, so mistake 1 shows there too.
 */
export function districtCrossTab(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2022年');
  ws.addRow(['乐山市2022年各区县卫生健康行政执法情况统计表']);
  ws.mergeCells('A1:H1');
  ws.addRow(['单位：件、万元、%']);
  ws.addRow(['区县', '行政处罚案件', null, null, null, '罚没款（万元）', '法制审核率（%）', '备注']);
  ws.addRow([null, '合计', '其中：警告', '罚款', '其他', null, null, null]);
  ws.mergeCells('B3:E3');
  for (const c of ['A', 'F', 'G', 'H']) ws.mergeCells(`${c}3:${c}4`);
  const rows: Array<[string, number, number, number, number, number, number, string | null]> = [
    ['市中区', 106, 40, 63, 3, 72.86, 1, null],
    ['沙湾区', 30, 12, 17, 2, 21.3, 1, null],
    ['五通桥区', 27, 10, 15, 2, 12.0, 1, null],
    ['犍为县', 41, 15, 24, 2, 30.14, 0.95, '含移送案件'],
    ['井研县', 35, 14, 19, 2, 34.1, 1, null],
  ];
  for (const r of rows) ws.addRow(r);
  // The 全市合计 row as the sums of the districts, but for the planted 罚没款.
  const sum = (k: number) => rows.reduce((a, r) => a + (r[k] as number), 0);
  ws.addRow(['全市合计', sum(1), sum(2), sum(3), sum(4), 171.4, null, null]);
  ws.addRow(['注：罚没款按决定书金额统计。']);
  for (const row of [3, 4]) ws.getRow(row).font = { bold: true };
  ws.getColumn(1).width = 12;
  return wb;
}

/**
 * 乐山市沙湾区 2021–2022 on the county's own form (figures shaped like seed 000's, illustrative). Planted mistakes:
 *  1. 2022 行政处罚案件 106 but 警告 40 + 罚款 63 + 停产停业 5 = 108 (D7, parts above the total);
 *  2. 2021 政务服务 合计 5084 but 自然人 4530 + 法人 551 = 5081 (C18, a 合计 below its list).
 */
export function countyForm(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标表');
  ws.addRow(['乐山市沙湾区卫生健康局法治政府建设主要指标']);
  ws.mergeCells('A1:F1');
  ws.addRow(['填报单位：乐山市沙湾区卫生健康局']);
  ws.addRow(['序号', '指标名称', '2021年', '2022年', '比上年增减', '备注']);
  const rows: Array<[string, string, number | null, number | null, number | null, string | null]> = [
    ['一、', '行政执法', null, null, null, null],
    ['（一）', '重大执法决定法制审核（件）', 12, 15, 3, null],
    ['（二）', '法制审核率（%）', 1, 1, 0, null],
    ['（三）', '行政处罚案件（件）', 163, 106, -57, null],
    ['1.', '其中：警告', 60, 40, -20, null],
    ['2.', '罚款', 101, 63, -38, null],
    ['3.', '停产停业', 2, 5, 3, null],
    ['（四）', '国家双随机监督抽检任务（家）', 190, 209, 19, null],
    ['1.', '其中：公共场所卫生', 98, 108, 10, null],
    ['2.', '生活饮用水卫生', 12, 12, 0, null],
    ['3.', '其他专业', 80, 89, 9, '含学校、医疗等'],
    ['二、', '政务服务', null, null, null, null],
    ['（一）', '自然人办件（件）', 4530, 4818, null, null],
    ['（二）', '法人办件（件）', 551, 586, null, null],
    ['', '合计', 5084, 5404, null, null],
    ['三、', '投诉举报', null, null, null, null],
    ['（一）', '投诉处理完结率（%）', 1, 1, 0, null],
  ];
  for (const r of rows) ws.addRow(r);
  ws.addRow(['注：2022年政务服务办件量含线上办理。']);
  ws.getRow(3).font = { bold: true };
  ws.getColumn(2).width = 30;
  return wb;
}
