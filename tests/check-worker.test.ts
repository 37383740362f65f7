// The engine's Web Worker protocol (src/taskpane/check-worker.ts) and its client's fallbacks
// (check-worker-client.ts), with a fake Worker that runs the worker's handler after a structured
// clone, as a browser would. The real worker runs in Chromium in the end-to-end tests.
import { checkWorkbook } from '../src/core/engine';
import type { Bilingual, WorkbookSnapshot } from '../src/core/types';
import { handleRequest, type CheckReply, type CheckRequest } from '../src/taskpane/check-worker';
import { grid, workbook } from './helpers/grid';

type Listener = (event: { data?: unknown; message?: string; preventDefault?: () => void }) => void;

/** How the next fake worker behaves. */
let mode: 'work' | 'fail-to-load' | 'throw-on-spawn' = 'work';
const spawned: FakeWorker[] = [];

class FakeWorker {
  private listeners = new Map<string, Listener[]>();
  terminated = false;
  received: CheckRequest[] = [];

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  private dispatch(type: string, event: Parameters<Listener>[0]): void {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }

  postMessage(message: CheckRequest): void {
    const request = structuredClone(message); // what crosses to a worker is a copy
    this.received.push(request);
    setTimeout(() => {
      if (this.terminated) return;
      if (mode === 'fail-to-load') {
        this.dispatch('error', { message: 'Refused by Content-Security-Policy', preventDefault: () => undefined });
        return;
      }
      handleRequest(request, (reply: CheckReply) => this.dispatch('message', { data: structuredClone(reply) }));
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

jest.mock('../src/taskpane/check-worker-spawn', () => ({
  spawnCheckWorker: () => {
    if (mode === 'throw-on-spawn') throw new Error('SecurityError: worker-src');
    const w = new FakeWorker();
    spawned.push(w);
    return w;
  },
}));

// Imported after the mock is declared (jest hoists jest.mock anyway).
import { checkWorkerAvailable, disposeCheckWorker, resetCheckWorker, runCheckInWorker } from '../src/taskpane/check-worker-client';

const HEADER = ['序号', '指标名称', '单位', '2021年', '2022年'];
const SNAPSHOT: WorkbookSnapshot = workbook(
  '乐山市市中区.xlsx',
  grid('法治指标', [
    ['乐山市市中区卫生健康局法治政府建设年度指标表'],
    HEADER,
    ['1', '国家双随机监督抽检任务', '家', 190, 209],
    ['1.1', '其中：公共场所卫生', '家', 95, 108],
    ['1.2', '　　　生活饮用水卫生', '家', 12, 12],
    ['1.3', '　　　学校卫生', '家', 21, 12],
    ['1.4', '　　　医疗卫生', '家', 30, 32],
    ['1.5', '　　　放射卫生', '家', 10, 11],
    ['1.6', '　　　传染病防治', '家', 25, 28],
    ['1.7', '　　　消毒产品', '家', 4, 4],
    ['1.8', '　　　职业卫生', '家', 2, 2],
    ['2', '法制审核率', '%', 0.9333, 1],
  ]),
);

const g = globalThis as { Worker?: unknown };

beforeEach(() => {
  mode = 'work';
  spawned.length = 0;
  g.Worker = FakeWorker;
  resetCheckWorker();
});

afterAll(() => {
  delete g.Worker;
  resetCheckWorker();
});

describe('engine worker', () => {
  test('the handler posts progress, then the same result as the engine on this thread', () => {
    const replies: CheckReply[] = [];
    handleRequest({ id: 7, snapshot: SNAPSHOT, options: {} }, (r) => replies.push(r));
    const last = replies[replies.length - 1];
    expect(replies.slice(0, -1).every((r) => r.type === 'progress' && r.id === 7)).toBe(true);
    expect(replies.length).toBeGreaterThan(1);
    expect(last).toEqual({ id: 7, type: 'result', result: checkWorkbook(SNAPSHOT) });
    expect(last.type === 'result' && last.result.findings.some((f) => f.ruleId === 'balance.exceeds')).toBe(true);
  });

  test('an engine error comes back as an error reply', () => {
    const replies: CheckReply[] = [];
    const broken = { name: 'x', sheets: null } as unknown as WorkbookSnapshot;
    handleRequest({ id: 1, snapshot: broken, options: {} }, (r) => replies.push(r));
    expect(replies[replies.length - 1]).toMatchObject({ id: 1, type: 'error' });
  });

  test('the client checks in the worker, forwarding progress and options', async () => {
    const stages: Bilingual[] = [];
    const result = await runCheckInWorker(SNAPSHOT, { entity: '乐山市市中区', onProgress: (_f, s) => stages.push(s) });
    expect(spawned).toHaveLength(1);
    expect(spawned[0].received[0].options).toEqual({ entity: '乐山市市中区' });
    expect(result).toEqual(checkWorkbook(SNAPSHOT, { entity: '乐山市市中区' }));
    expect(stages.length).toBeGreaterThan(0);
    expect(checkWorkerAvailable()).toBe(true);

    // Concurrent checks share the worker; each gets its own answer.
    const other: WorkbookSnapshot = { ...SNAPSHOT, name: '其他.xlsx' };
    const [a, b] = await Promise.all([runCheckInWorker(SNAPSHOT), runCheckInWorker(other)]);
    expect(spawned).toHaveLength(1);
    expect(a.workbook).toBe('乐山市市中区.xlsx');
    expect(b.workbook).toBe('其他.xlsx');
  });

  test('without Worker (jsdom, old webviews) the engine runs on this thread', async () => {
    delete g.Worker;
    expect(checkWorkerAvailable()).toBe(false);
    expect(await runCheckInWorker(SNAPSHOT)).toEqual(checkWorkbook(SNAPSHOT));
    expect(spawned).toHaveLength(0);
  });

  test('a worker the CSP refuses (throws, or errors before answering) falls back for good', async () => {
    mode = 'throw-on-spawn';
    expect(await runCheckInWorker(SNAPSHOT)).toEqual(checkWorkbook(SNAPSHOT));
    expect(checkWorkerAvailable()).toBe(false);

    resetCheckWorker();
    mode = 'fail-to-load';
    expect(await runCheckInWorker(SNAPSHOT)).toEqual(checkWorkbook(SNAPSHOT));
    expect(spawned).toHaveLength(1);
    expect(spawned[0].terminated).toBe(true);
    expect(checkWorkerAvailable()).toBe(false);
    await runCheckInWorker(SNAPSHOT);
    expect(spawned).toHaveLength(1); // no second try
  });

  test('a worker that dies after it worked rejects the running check; the next check starts a new one', async () => {
    await runCheckInWorker(SNAPSHOT);
    mode = 'fail-to-load';
    await expect(runCheckInWorker(SNAPSHOT)).rejects.toMatchObject({ bilingual: { 'zh-CN': expect.stringContaining('请重试') } });
    mode = 'work';
    await expect(runCheckInWorker(SNAPSHOT)).resolves.toMatchObject({ workbook: '乐山市市中区.xlsx' });
    expect(spawned).toHaveLength(2);
  });

  test('disposing the worker rejects checks still running', async () => {
    const running = runCheckInWorker(SNAPSHOT);
    // This timer is queued before the fake worker's reply (queued once the client posted).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(spawned[0].received).toHaveLength(1);
    disposeCheckWorker();
    await expect(running).rejects.toMatchObject({ name: 'AbortError', bilingual: { 'zh-CN': '校验已取消。', 'en-US': 'The check was cancelled.' } });
  });
});
