// The second thread of the streaming reader (started by sheet-thread.ts): it inflates one large
// worksheet part and tokenizes it with FastXml, and hands the rows over in document order while
// the reading thread turns those before them into cells. Only what needs no workbook state runs
// here: shared strings, styles and the cell budget stay with the reading thread.
//
// The two threads share the tokenizing: whenever the reading thread has nothing left to apply,
// the next stretch of whole rows goes to it as text, to be tokenized there (FastXml.rowsOnly), so
// that neither thread waits long for the other.
//
// Messages in: a job { type: 'job', job, compressed, magic, size, where, pending, split } per worksheet,
// one at a time; { type: 'reuse', batch }: a batch applied and handed back.
// Messages out, for a job: { job, type: 'rows', batch } and { job, type: 'text', text } in
// document order, then one of
//   { type: 'done', worksheet }   the part was read; the worksheet's model (rows left out);
//   { type: 'gave-up' }           FastXml gave up: the reading thread parses the part with saxes;
//   { type: 'limit', bilingual }  a limit of the package (PackageLimitError) was reached;
//   { type: 'failed', message }   anything else: the reading thread reads the part itself.
import { parentPort } from 'worker_threads';
import { PackageLimitError } from '../package-guard';
import { parseEntryFast } from './fast-xml';
import { FastPathGaveUp } from './fast-xml-support';
import { RowBatcher, transferList, type RowBatch } from './row-batches';
import { rowStreamingXform } from './worksheet-xform';

/** Batches and stretches of text handed over and not yet applied, at most; the tokenizer waits beyond. */
const MAX_PENDING = 8;
/** A stretch of rows handed over as text: about this many characters, cut after a row. */
const TEXT_STRETCH = 128 * 1024;

export interface SheetJob {
  type: 'job';
  job: number;
  compressed: Uint8Array;
  /** JSZip's compression magic of the entry: stored or deflated. */
  magic: string;
  /** The inflated size the zip states for the entry. */
  size: number;
  where: { name: string; part: string };
  /** One Int32: batches and stretches in flight, raised here, lowered by the reading thread as it applies them. */
  pending: SharedArrayBuffer;
  /** How the tokenizing is shared (ThreadOptions.split). */
  split: 'balance' | 'worker' | 'alternate';
}

export interface ReuseBatch {
  type: 'reuse';
  batch: RowBatch;
}

/** The batcher of the job being read: batches handed back are filled again by it. */
let batcher: RowBatcher | undefined;

async function run(job: SheetJob): Promise<void> {
  const port = parentPort as NonNullable<typeof parentPort>;
  const pending = new Int32Array(job.pending);
  const handOver = (message: object, transfer: ArrayBuffer[]): void => {
    // Memory stays bounded: the tokenizer waits while the reading thread is that far behind.
    for (let n = Atomics.load(pending, 0); n >= MAX_PENDING; n = Atomics.load(pending, 0)) Atomics.wait(pending, 0, n, 1000);
    Atomics.add(pending, 0, 1);
    port.postMessage(message, transfer);
  };
  const rows = new RowBatcher((batch) => handOver({ job: job.job, type: 'rows', batch }, transferList(batch)));
  batcher = rows;
  // With nothing left to apply, the reading thread takes the next stretch of whole rows as text
  // (what is before them is handed over first, so that the order holds).
  let turn = false;
  const divert = (s: string, k: number): number => {
    let end: number;
    if (job.split === 'alternate') {
      // Every other row (tests: the two kinds of hand-over interleaved as much as they can be).
      turn = !turn;
      end = turn ? s.indexOf('</row>', k) : -1;
    } else {
      if (Atomics.load(pending, 0) > 0) return k;
      end = s.indexOf('</row>', Math.min(s.length, k + TEXT_STRETCH));
      if (end < 0) end = s.lastIndexOf('</row>');
    }
    if (end < k) return k;
    end += 6;
    rows.flush();
    handOver({ job: job.job, type: 'text', text: s.slice(k, end) }, []);
    return end;
  };
  // The entry as inflate() reads JSZip's: its compressed bytes, compression and stated size.
  const entry = { _data: { compressedContent: job.compressed, compression: { magic: job.magic }, uncompressedSize: job.size } };
  // A second <sheetData> makes FastXml give up before the xform would restart the rows.
  const xform = rowStreamingXform(() => undefined, rows.model);
  try {
    const worksheet = await parseEntryFast(entry, xform, rows.model, job.where, rows.plain, job.split === 'worker' ? undefined : divert);
    rows.flush();
    port.postMessage({ job: job.job, type: 'done', worksheet });
  } catch (e) {
    if (e instanceof PackageLimitError) port.postMessage({ job: job.job, type: 'limit', bilingual: e.bilingual });
    else if (e instanceof FastPathGaveUp) port.postMessage({ job: job.job, type: 'gave-up' });
    // Anything else (a model that cannot be copied between threads …): the reading thread reads
    // the part itself, as it would without this thread.
    else port.postMessage({ job: job.job, type: 'failed', message: String((e as Error)?.message ?? e) });
  } finally {
    batcher = undefined;
  }
}

if (parentPort) {
  let queue = Promise.resolve();
  parentPort.on('message', (m: SheetJob | ReuseBatch) => {
    if (m.type === 'reuse') batcher?.reuse(m.batch);
    else queue = queue.then(() => run(m));
  });
}
