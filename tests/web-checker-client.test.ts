// The web checker's worker protocol without a browser: the worker's handler answers each request
// (progress, results, a marked copy, the report, a bilingual error), and the page's client turns
// replies into promises, reports progress, and cancels by terminating the worker.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { handle, type CheckerReply, type CheckerRequest } from '../src/checker/checker-worker';
import { CancelledError, CheckerClient, CheckerError } from '../src/checker/worker-client';
import { fromInput, isWorkbookName, mergePicked } from '../src/checker/pick-files';

const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');
const bytesOf = (file: string): ArrayBuffer => {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

async function replies(request: CheckerRequest): Promise<CheckerReply[]> {
  const out: CheckerReply[] = [];
  await handle(request, (r) => out.push(r));
  return out;
}

describe('the checker worker', () => {
  it('checks, copies and reports; a bad request gets a bilingual error', async () => {
    const check = await replies({ id: 1, type: 'check', files: [{ file: 'a/乐山.xlsx', bytes: bytesOf(SAMPLE) }] });
    expect(check[0]).toMatchObject({ id: 1, type: 'progress' });
    const done = check[check.length - 1] as Extract<CheckerReply, { type: 'checked' }>;
    expect(done.type).toBe('checked');
    const findings = done.results[0].result?.findings ?? [];
    expect(findings.length).toBeGreaterThan(0);
    expect(done.results[0].model).toBeUndefined();

    const [copy] = (await replies({ id: 2, type: 'copy', file: 'a/乐山.xlsx', bytes: bytesOf(SAMPLE), findings })) as Array<Extract<CheckerReply, { type: 'copy' }>>;
    expect(copy.name).toBe('乐山-已标记.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy.bytes);
    expect(wb.getWorksheet('校验结果')?.rowCount).toBe(findings.length + 1);

    const [report] = (await replies({ id: 3, type: 'report', results: done.results, lang: 'en-US' })) as Array<Extract<CheckerReply, { type: 'report' }>>;
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(report.bytes);
    expect(rb.getWorksheet('Summary')?.getRow(2).getCell(1).value).toBe('乐山.xlsx');

    const [bad] = await replies({ id: 4, type: 'copy', file: 'x.xlsx', bytes: new TextEncoder().encode('no').buffer as ArrayBuffer, findings: [] });
    expect(bad.type).toBe('error');
    const message = (bad as Extract<CheckerReply, { type: 'error' }>).message;
    expect(message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(message['en-US'].length).toBeGreaterThan(5);
  });
});

/** A stand-in Worker: records what is posted and lets the test answer. */
class FakeWorker {
  posted: CheckerRequest[] = [];
  terminated = false;
  private listeners = new Map<string, Array<(e: unknown) => void>>();
  addEventListener(type: string, l: (e: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }
  postMessage(m: CheckerRequest): void {
    this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: CheckerReply): void {
    for (const l of this.listeners.get('message') ?? []) l({ data });
  }
  crash(message: string): void {
    for (const l of this.listeners.get('error') ?? []) l({ message, preventDefault: () => undefined });
  }
}

describe('CheckerClient', () => {
  it('resolves with the results and passes progress on', async () => {
    const workers: FakeWorker[] = [];
    const client = new CheckerClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const progress: number[] = [];
    const pending = client.check([{ file: 'a.xlsx', bytes: new ArrayBuffer(4) }], (p) => progress.push(p.done));
    const id = workers[0].posted[0].id;
    workers[0].reply({ id, type: 'progress', progress: { done: 0, total: 1, file: 'a.xlsx', stage: { 'zh-CN': '读', 'en-US': 'read' } } });
    workers[0].reply({ id, type: 'checked', results: [{ file: 'a.xlsx' }] });
    await expect(pending).resolves.toEqual([{ file: 'a.xlsx' }]);
    expect(progress).toEqual([0]);
  });

  it('cancel terminates the worker, rejects what was pending, and the next request starts a new worker', async () => {
    const workers: FakeWorker[] = [];
    const client = new CheckerClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const pending = client.check([{ file: 'a.xlsx', bytes: new ArrayBuffer(4) }]);
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    void client.report([], 'zh-CN').catch(() => undefined);
    expect(workers).toHaveLength(2);
  });

  it('a crashed worker rejects with a bilingual error', async () => {
    const w = new FakeWorker();
    const client = new CheckerClient(() => w as unknown as Worker);
    const pending = client.report([], 'zh-CN');
    w.crash('out of memory');
    const e = (await pending.catch((x: unknown) => x)) as CheckerError;
    expect(e).toBeInstanceOf(CheckerError);
    expect(e.bilingual['zh-CN']).toContain('out of memory');
    expect(e.bilingual['en-US']).toContain('Please try again');
  });
});

describe('picking files', () => {
  const file = (name: string, rel = ''): File => Object.assign(new File(['x'], name), rel ? { webkitRelativePath: rel } : {});

  it('keeps workbooks and reports only (no lock files, no hidden files), with the folder path when a folder was picked', () => {
    expect(['a.xlsx', 'B.XLS', 'c.et', 'd.csv', '报告.txt', '报告.DOCX', '报告.pdf'].every(isWorkbookName)).toBe(true);
    expect(['~$a.xlsx', '.a.xlsx', 'a.jpg', 'a.xlsx.bak', 'dir/~$x.xls', '报告.doc'].some(isWorkbookName)).toBe(false);
    const picked = fromInput([file('乐山.xlsx', '各区县/乐山.xlsx'), file('照片.jpg', '各区县/照片.jpg'), file('~$乐山.xlsx', '各区县/~$乐山.xlsx'), file('报告.pdf', '各区县/报告.pdf')]);
    expect(picked.files.map((p) => p.path)).toEqual(['各区县/乐山.xlsx', '各区县/报告.pdf']);
    expect(picked.skipped).toBe(2);
  });

  it('adds a path once, in order', () => {
    const a = { path: 'b.xlsx', file: file('b.xlsx') };
    const b = { path: 'a.xlsx', file: file('a.xlsx') };
    const again = { path: 'b.xlsx', file: file('b.xlsx') };
    expect(mergePicked([a], [b, again]).map((p) => p.path)).toEqual(['a.xlsx', 'b.xlsx']);
  });
});
