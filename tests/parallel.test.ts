// The detectors in a worker thread (issue 7): a model sent to another thread (ModelData.pack /
// unpack, structured clone as postMessage does it) answers as the model itself, the detectors give
// the same findings there, and the command line's parallel check gives checkWorkbookWithModel's
// result — with the worker, and on this thread whenever the worker cannot be used.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile } from '../src/cli/index';
import { checkWorkbookParallel, type WorkerScript } from '../src/cli/parallel';
import { buildModel } from '../src/core/checks/context';
import { analyzeWorkbook, checkModel, checkWorkbookWithModel, historyFindings } from '../src/core/engine';
import { buildPanel, detectAnomalies } from '../src/core/history';
import { conflictSeries, packPanel, unpackPanel } from '../src/core/history/align';
import { ModelData, parsedKindOf, PK_NUMBER, type PackedModelData } from '../src/core/model-data';
import { packHistoryJob, runHistoryJob } from '../src/core/parallel';
import type { WorkbookSnapshot } from '../src/core/types';
import { readXlsxStream } from '../src/hosts/xlsx/read-xlsx-stream';
import { grid, workbook } from './helpers/grid';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makePanel } = require('../scripts/bench/panel') as { makePanel: (o: { districts: number }) => { snapshot: WorkbookSnapshot } };

const ROOT = path.join(__dirname, '..');
/** The worker from source: its .ts file through the repository's require hook. */
const WORKER: WorkerScript = { file: path.join(ROOT, 'src', 'cli', 'history-worker.ts'), execArgv: ['--require', path.join(ROOT, 'scripts', 'bench', 'ts-require-hook.js')] };

async function sample(name: string): Promise<WorkbookSnapshot> {
  return readXlsxStream(fs.readFileSync(path.join(ROOT, 'samples', name)), name);
}

/** A wide sheet with the cells staff type besides numbers, and a per-year sheet. */
function oddWorkbook(): WorkbookSnapshot {
  const wide = grid(
    '指标',
    [
      ['指标', '单位', '2019年', '2020年', '2021年', '2022年', '2023年'],
      ['行政处罚案件', '件', 120, 130, '约140', 150, 900],
      ['其中：警告', '件', 20, '—', 25, { error: '#DIV/0!' }, 30],
      ['罚没款', '万元', 10.5, 11.25, 12, '见附件', 12.75],
      ['法制审核率', '%', 1, 0.98, 1, null, 0.5],
    ],
    { originRow: 2, originCol: 1, numberFormats: [[], [], [], [], ['', '', '0.0%', '0.0%', '0.0%', '0.0%', '0.0%']] },
  );
  return workbook('某区.xlsx', wide);
}

/** Structured clone, as postMessage sends a job to a worker thread. */
const clone = <T>(x: T): T => structuredClone(x);

function sameAnswers(a: ModelData, b: ModelData): void {
  expect(b.rowCount).toBe(a.rowCount);
  expect(b.obsCount).toBe(a.obsCount);
  for (let i = 0; i < a.rowCount; i++) {
    expect(b.row(i)).toEqual(a.row(i));
    expect([b.codeOf(i), b.idOf(i), b.sheetName(i), b.unitOf(i), b.labelOf(i)]).toEqual([a.codeOf(i), a.idOf(i), a.sheetName(i), a.unitOf(i), a.labelOf(i)]);
  }
  let sent = 0;
  for (let o = 0; o < a.obsCount; o++) {
    expect([b.rowOf(o), b.entityOf(o), b.periodOf(o), b.colOf(o), b.stepOf(o), b.address(o), b.obsFlags[o]]).toEqual([a.rowOf(o), a.entityOf(o), a.periodOf(o), a.colOf(o), a.stepOf(o), a.address(o), a.obsFlags[o]]);
    expect(Object.is(b.obsValue[o], a.obsValue[o])).toBe(true);
    if (parsedKindOf(a.obsFlags[o]) !== PK_NUMBER) {
      expect(b.obs(o)).toEqual(a.obs(o));
      sent++;
    }
  }
  expect(b.children()).toEqual(a.children());
  // A plain number's cell is not sent: obs() says so rather than guessing it.
  const plain = Array.from({ length: a.obsCount }, (_, o) => o).find((o) => parsedKindOf(a.obsFlags[o]) === PK_NUMBER);
  if (plain !== undefined) expect(() => b.obs(plain)).toThrow(/was not sent/);
  expect(sent).toBe(a.pack()?.cells.length);
}

describe('a model sent to another thread', () => {
  it('answers as the model on the samples, a generated panel and odd cells', async () => {
    const books = [await sample('示例-乐山市市中区-法治指标.xlsx'), await sample('示例-各地区-长表.xlsx'), await sample('示例-嘉兴市-分年度.xlsx'), makePanel({ districts: 6 }).snapshot, oddWorkbook()];
    let nonNumbers = 0;
    for (const book of books) {
      const data = analyzeWorkbook(book).model.data;
      const packed = data.pack() as PackedModelData;
      expect(packed).toBeDefined();
      nonNumbers += packed.cells.length;
      sameAnswers(data, ModelData.unpack(clone(packed)));
    }
    expect(nonNumbers).toBeGreaterThan(5);
  });

  it('shares a large arena with the other thread instead of copying it', () => {
    const data = analyzeWorkbook(makePanel({ districts: 120 }).snapshot).model.data;
    expect(data.arena.shared).toBe(true);
    const copy = clone(data.pack() as PackedModelData);
    const original = data.pack() as PackedModelData;
    expect(Object.prototype.toString.call(copy.obs.value.buffer)).toBe('[object SharedArrayBuffer]');
    // The clone's view sees a write to the original's buffer: one memory, not two.
    const before = original.obs.value[0];
    original.obs.value[0] = 12345.5;
    expect(copy.obs.value[0]).toBe(12345.5);
    original.obs.value[0] = before;
    // The copy has an arena of its own for what is built on it (the panel): no overlap.
    expect(ModelData.unpack(copy).arena).not.toBe(data.arena);
  });

  it('is not made for a model built from objects (no grid to read cells from)', () => {
    const read = analyzeWorkbook(oddWorkbook()).model;
    const handmade = buildModel(read.sheets.map((s) => ({ sheet: s.sheet, layout: s.layout, rows: s.rows, observations: s.observations, notes: s.notes })));
    expect(handmade.data).not.toBe(read.data);
    expect(handmade.data.pack()).toBeUndefined();
    expect(packHistoryJob([{ file: 'a', model: handmade }], {})).toBeUndefined();
  });

  it('the checks and rules leave the model arrays alone (the worker reads them meanwhile)', () => {
    const book = makePanel({ districts: 20 }).snapshot;
    const { model } = analyzeWorkbook(book);
    const d = model.data;
    const snapshot = () => [d.obsValue, d.obsFlags, d.rowParent, d.rowLabel, d.rowBlock, d.rowR].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64'));
    const before = snapshot();
    expect(checkModel(book, model).findings.length).toBeGreaterThan(0);
    expect(snapshot()).toEqual(before);
  });
});

describe('the detectors as a job for another thread', () => {
  it('give the same findings as on the model itself, for one workbook and across files', async () => {
    const panel = makePanel({ districts: 30 }).snapshot;
    const { model } = analyzeWorkbook(panel);
    const direct = historyFindings(panel.name, model, {});
    expect(direct.length).toBeGreaterThan(10);
    const job = packHistoryJob([{ file: panel.name, model }], {});
    expect(JSON.stringify(runHistoryJob(clone(job!)))).toBe(JSON.stringify(direct));
    // Options travel with the job.
    const strict = { robust: { z: 2 }, hb: { C: 2 } };
    expect(JSON.stringify(runHistoryJob(clone(packHistoryJob([{ file: panel.name, model }], strict)!)))).toBe(JSON.stringify(historyFindings(panel.name, model, strict)));

    const files = [{ file: 'a/长表.xlsx', model: analyzeWorkbook(await sample('示例-各地区-长表.xlsx')).model }, { file: 'b/分年度.xlsx', model: analyzeWorkbook(await sample('示例-嘉兴市-分年度.xlsx')).model }];
    const across = detectAnomalies(buildPanel(files), {});
    expect(across.length).toBeGreaterThan(0);
    expect(JSON.stringify(runHistoryJob(clone(packHistoryJob(files, {})!)))).toBe(JSON.stringify(across));
  });

  it('detect on a panel built by the sender as on the models, conflicts between files included', () => {
    const panel = makePanel({ districts: 30 }).snapshot;
    const { model } = analyzeWorkbook(panel);
    const inputs = [{ file: panel.name, model }];
    const built = buildPanel(inputs);
    const job = packHistoryJob(inputs, {}, built)!;
    expect(job.panel).toBeDefined();
    expect(JSON.stringify(runHistoryJob(clone(job)))).toBe(JSON.stringify(historyFindings(panel.name, model, {})));

    // The same workbook twice, one number changed in the second: a conflict across the files.
    const other = structuredClone(panel);
    const sheet = other.sheets[other.sheets.length - 1];
    const r = sheet.values.findIndex((row, i) => i > 0 && typeof row[3] === 'number' && (row[3] as number) > 10);
    sheet.values[r][3] = (sheet.values[r][3] as number) * 3;
    const two = [
      { file: 'a.xlsx', model },
      { file: 'b.xlsx', model: analyzeWorkbook(other).model },
    ];
    const twoPanel = buildPanel(two);
    expect(twoPanel.conflicts.length).toBeGreaterThan(0);
    const direct = detectAnomalies(twoPanel, {});
    expect(direct.some((f) => f.ruleId === 'history.conflict')).toBe(true);
    expect(JSON.stringify(runHistoryJob(clone(packHistoryJob(two, {}, buildPanel(two))!)))).toBe(JSON.stringify(direct));
    // Each conflict still knows its series there (else the detector makes every series to find it).
    const models = two.map((t) => {
      const data = ModelData.unpack(clone(t.model.data.pack()!));
      return { file: t.file, model: buildModel(data.sheets.map((x) => x.model)) };
    });
    const copy = unpackPanel(clone(packPanel(twoPanel)!), models);
    expect(copy.conflicts.map((c) => conflictSeries.get(c))).toEqual(twoPanel.conflicts.map((c) => conflictSeries.get(c)));
    expect(copy.conflicts.every((c) => conflictSeries.get(c) !== undefined)).toBe(true);
    expect(packPanel({ ...twoPanel })).toBeUndefined();
  });
});

describe('checkWorkbookParallel (command line)', () => {
  const book = makePanel({ districts: 25 }).snapshot;
  const expected = JSON.stringify(checkWorkbookWithModel(book).result);

  it('runs the detectors in a worker thread and gives checkWorkbookWithModel’s result', async () => {
    const modes: string[] = [];
    const steps: number[] = [];
    const r = await checkWorkbookParallel(book, { onProgress: (p) => void steps.push(p) }, { worker: WORKER, minObservations: 0, onMode: (m) => void modes.push(m) });
    expect(modes).toEqual(['worker']);
    expect(JSON.stringify(r.result)).toBe(expected);
    expect(r.result.findings.some((f) => f.ruleId.startsWith('history.'))).toBe(true);
    expect(steps[steps.length - 1]).toBe(1);
  });

  it('runs them on this thread, with the same result, when the worker fails or is not wanted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-'));
    const broken = path.join(dir, 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('cannot load');\n");
    const silent = path.join(dir, 'silent-worker.js');
    fs.writeFileSync(silent, "require('worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const cases: Array<[WorkerScript | null, number, RegExp]> = [
      [{ file: broken }, 0, /worker failed: .*cannot load/],
      [{ file: silent }, 0, /worker failed: history worker exited \(3\)/],
      [null, 0, /no worker script/],
      [WORKER, 1e9, /small workbook/],
    ];
    for (const [worker, minObservations, why] of cases) {
      const modes: string[] = [];
      const r = await checkWorkbookParallel(book, {}, { worker, minObservations, onMode: (m, reason) => void modes.push(`${m}: ${reason}`) });
      expect(modes).toHaveLength(1);
      expect(modes[0]).toMatch(/^this-thread: /);
      expect(modes[0]).toMatch(why);
      expect(JSON.stringify(r.result)).toBe(expected);
    }
    const modes: string[] = [];
    const off = await checkWorkbookParallel(book, { history: false }, { worker: WORKER, minObservations: 0, onMode: (m, reason) => void modes.push(`${m}: ${reason}`) });
    expect(modes).toEqual(['this-thread: no detectors']);
    expect(off.result.findings.some((f) => f.ruleId.startsWith('history.'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is what checkFile runs for a workbook file', async () => {
    const file = path.join(ROOT, 'samples', '示例-各地区-长表.xlsx');
    const modes: string[] = [];
    const r = await checkFile(file, {}, { worker: WORKER, minObservations: 0, onMode: (m) => void modes.push(m) });
    expect(modes).toEqual(['worker']);
    expect(JSON.stringify(r.result)).toBe(JSON.stringify(checkWorkbookWithModel(await sample('示例-各地区-长表.xlsx')).result));
  });
});
