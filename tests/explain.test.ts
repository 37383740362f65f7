// `npm run check -- FILE --explain` on every bundled sample: the shape recognised, the header,
// what each axis holds, the balance groups with their cells, and what was left out.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/index';

const SAMPLES = path.join(__dirname, '..', 'samples');

async function explain(file: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<string> {
  const out: string[] = [];
  await main([path.join(SAMPLES, file), '--explain', '--lang', lang], { stdout: (s) => void out.push(s), stderr: () => undefined });
  const text = out.join('');
  // The explanation comes before the findings.
  return text.slice(0, text.indexOf('\n\n== '));
}

/** What each sample must show: its shape, the axes, and groups written as "total [cell] = parts". */
const EXPECTED: Record<string, { shape: string; lines: RegExp[] }> = {
  '示例-乐山市市中区-法治指标.xlsx': { shape: 'wide', lines: [/列: 期间 — 2021 \w、2022 \w/, /合计组 \(按行.*国家双随机监督抽检任务 \[B\d+\] = 其中：公共场所卫生 \[B\d+\] \+ /] },
  '示例-嘉兴市-分年度.xlsx': { shape: 'per-year', lines: [/列: 期间 — 20\d\d/] },
  '示例-各地区-长表.xlsx': { shape: 'long', lines: [/行: 地区\/单位 — 乐山市市中区、临沂市罗庄区/] },
  '示例-各区县交叉表-乐山市.xlsx': {
    shape: 'cross-tab',
    lines: [/表头行: 3–4/, /行: 地区\/单位 — 市中区、沙湾区、五通桥区、犍为县、井研县、全市合计/, /合计组 \(按列.*行政处罚案件 \[B\] = 警告 \[C\] \+ 罚款 \[D\] \+ 其他 \[E\]/, /合计组 \(跨地区.*全市合计 \[10\] = 市中区 \[5\] \+ 沙湾区 \[6\]/, /未读取 H 列: “备注”/, /未读取 第 11 行: 注释行/],
  },
  '示例-沙湾区-分节指标表.xlsx': {
    shape: 'wide',
    lines: [/合计组 \(按行.*行政处罚案件（件） \[B7\] = 其中：警告 \[B8\] \+ 罚款 \[B9\] \+ 停产停业 \[B10\]/, /合计组 \(按行.*合计 \[B18\] = 自然人办件（件） \[B16\] \+ 法人办件（件） \[B17\]/, /未读取 E 列: “比上年增减”/],
  },
};

describe('--explain on every sample', () => {
  const files = fs.readdirSync(SAMPLES).filter((f) => /\.(xlsx|xls)$/.test(f));

  test('every sample has an expectation here', () => {
    for (const f of files) if (f.endsWith('.xlsx')) expect(Object.keys(EXPECTED)).toContain(f);
  });

  test.each(files)('%s', async (file) => {
    const text = await explain(file);
    expect(text).toContain('识别结果');
    expect(text).toMatch(/形状: (wide|per-year|long|cross-tab)/);
    const want = EXPECTED[file];
    if (want) {
      expect(text).toContain(`形状: ${want.shape}`);
      for (const re of want.lines) expect(text).toMatch(re);
    }
    // Every sample has an indicator sheet that was read (notes sheets beside it are skipped).
    expect(text).toMatch(/形状: (wide|per-year|long|cross-tab) — /);
  });

  test('in English too', async () => {
    const text = await explain('示例-各区县交叉表-乐山市.xlsx', 'en-US');
    expect(text).toContain('shape: cross-tab');
    expect(text).toMatch(/group \(across entities.*全市合计/);
    expect(text).toMatch(/ignored column H: "备注" is not data to check/);
  });
});
