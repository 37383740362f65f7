// A mutation fuzzer over real .xlsx packages (the bundled samples): bit flips and truncation inside
// XML parts, shuffled zip entries, bad lengths in the zip's headers, flipped bytes and truncation
// of the file itself. Each case is read and checked as the command line does it, in a child
// process of its own with a 256 MB heap and a 20 s limit (isolated.ts), so that a hang or an
// out-of-memory is caught and reported like a crash. A case passes when the workbook is checked
// or refused with a message in both languages; it fails on a crash (any error other than the
// readers' WorkbookReadError), a timeout or running out of memory.
//
// Budget: 36 cases by default (6 per class; about 30 s on 2 cores). FUZZ_RUNS=N runs N cases;
// FC_RUNS (the nightly size of the property tests) runs FC_RUNS / 100. FC_SEED (or FUZZ_SEED)
// replays a run. Failing cases are kept in the temp folder named in the table.
import JSZip from 'jszip';
import * as fs from 'fs';
import * as path from 'path';
import { checkInChild, pool, type ChildResult } from './isolated';
import { hasChinese, tempDir } from './support';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const CLASSES = ['xml-bitflip', 'xml-truncate', 'zip-shuffle', 'zip-lengths', 'byte-flip', 'file-truncate'] as const;
type MutationClass = (typeof CLASSES)[number];

function runs(): number {
  const fuzz = Number(process.env.FUZZ_RUNS);
  if (Number.isFinite(fuzz) && fuzz > 0) return Math.floor(fuzz);
  const fc = Number(process.env.FC_RUNS);
  if (Number.isFinite(fc) && fc > 0) return Math.max(CLASSES.length, Math.ceil(fc / 100));
  return 36;
}

/** Seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: () => number, n: number): number => Math.floor(rnd() * n);

async function loadParts(bytes: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Array<{ name: string; data: Buffer }> = [];
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.push({ name: entry.name, data: await entry.async('nodebuffer') });
  return out;
}

async function rezip(parts: Array<{ name: string; data: Buffer }>): Promise<Buffer> {
  const zip = new JSZip();
  for (const p of parts) zip.file(p.name, p.data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Offsets of the zip's local (PK\3\4) and central (PK\1\2) headers. */
function headers(bytes: Buffer): Array<{ at: number; central: boolean }> {
  const out: Array<{ at: number; central: boolean }> = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x04034b50) out.push({ at: i, central: false });
    else if (sig === 0x02014b50) out.push({ at: i, central: true });
  }
  return out;
}

/** One mutation of `seed` (a workbook's bytes) of the given class; `what` says where. */
async function mutate(kind: MutationClass, seed: Buffer, rnd: () => number): Promise<{ bytes: Buffer; what: string }> {
  switch (kind) {
    case 'xml-bitflip':
    case 'xml-truncate': {
      const parts = await loadParts(seed);
      const xml = parts.filter((p) => /\.(xml|rels)$/.test(p.name));
      const part = xml[int(rnd, xml.length)];
      if (kind === 'xml-bitflip') {
        const flips = 1 + int(rnd, 8);
        const data = Buffer.from(part.data);
        const at: number[] = [];
        for (let k = 0; k < flips; k++) {
          const i = int(rnd, data.length);
          data[i] ^= 1 << int(rnd, 8);
          at.push(i);
        }
        part.data = data;
        return { bytes: await rezip(parts), what: `${part.name}: ${flips} bit(s) at ${at.join(',')}` };
      }
      const cut = int(rnd, part.data.length);
      part.data = part.data.subarray(0, cut);
      return { bytes: await rezip(parts), what: `${part.name}: cut at ${cut} of ${part.data.length}` };
    }
    case 'zip-shuffle': {
      const parts = await loadParts(seed);
      for (let i = parts.length - 1; i > 0; i--) {
        const j = int(rnd, i + 1);
        [parts[i], parts[j]] = [parts[j], parts[i]];
      }
      return { bytes: await rezip(parts), what: parts.map((p) => p.name).join(' ') };
    }
    case 'zip-lengths': {
      const bytes = Buffer.from(seed);
      const list = headers(bytes);
      const h = list[int(rnd, list.length)];
      // Local: compressed 18, uncompressed 22, name length 26, extra length 28.
      // Central: compressed 20, uncompressed 24, name length 28, extra length 30, local offset 42.
      const fields = h.central ? [[20, 4], [24, 4], [28, 2], [30, 2], [42, 4]] : [[18, 4], [22, 4], [26, 2], [28, 2]];
      const [off, size] = fields[int(rnd, fields.length)];
      const old = size === 4 ? bytes.readUInt32LE(h.at + off) : bytes.readUInt16LE(h.at + off);
      const max = size === 4 ? 0xffffffff : 0xffff;
      const choices = [0, 1, old + 1, Math.max(0, old - 1), old * 2, max, int(rnd, max)];
      const value = Math.min(max, choices[int(rnd, choices.length)]);
      if (size === 4) bytes.writeUInt32LE(value >>> 0, h.at + off);
      else bytes.writeUInt16LE(value, h.at + off);
      return { bytes, what: `${h.central ? 'central' : 'local'} header at ${h.at}, field +${off}: ${old} → ${value}` };
    }
    case 'byte-flip': {
      const bytes = Buffer.from(seed);
      const n = 1 + int(rnd, 16);
      for (let k = 0; k < n; k++) bytes[int(rnd, bytes.length)] = int(rnd, 256);
      return { bytes, what: `${n} random byte(s)` };
    }
    case 'file-truncate': {
      const cut = int(rnd, seed.length);
      return { bytes: seed.subarray(0, cut), what: `cut at ${cut} of ${seed.length}` };
    }
  }
}

type Verdict = 'checked' | 'refused' | 'crash' | 'timeout' | 'oom' | 'not bilingual';

function verdictOf(r: ChildResult): Verdict {
  if (r.outcome === 'refused') {
    const m = r.message;
    const ok = hasChinese(m['zh-CN']) && /[A-Za-z]{3,}.*[A-Za-z]{3,}/.test(m['en-US']) && m['zh-CN'] !== m['en-US'];
    return ok ? 'refused' : 'not bilingual';
  }
  return r.outcome;
}

describe('mutation fuzzer over the sample workbooks', () => {
  it(
    `${runs()} mutated workbooks: each checked or refused in both languages, none crashes, hangs or runs out of memory`,
    async () => {
      const dir = tempDir('fuzz');
      const seedNo = Number(process.env.FUZZ_SEED ?? process.env.FC_SEED ?? 20240607);
      const rnd = prng(seedNo);
      const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort();
      const seeds = samples.map((f) => fs.readFileSync(path.join(SAMPLES, f)));
      // Warm the transpile cache with one clean sample, so the children start fast.
      const warm = await checkInChild(path.join(SAMPLES, samples[0]), { heapMB: 256, timeoutMs: 120_000 });
      expect(warm.outcome).toBe('checked');

      const n = runs();
      const cases: Array<{ kind: MutationClass; sample: string; file: string; what: string }> = [];
      for (let i = 0; i < n; i++) {
        const kind = CLASSES[i % CLASSES.length];
        const k = int(rnd, seeds.length);
        const { bytes, what } = await mutate(kind, seeds[k], rnd);
        const file = path.join(dir, `${String(i).padStart(4, '0')}-${kind}.xlsx`);
        fs.writeFileSync(file, bytes);
        cases.push({ kind, sample: samples[k], file, what });
      }
      const results = await pool(
        // Every other case is read with its worksheets tokenized on the reader's second thread.
        cases.map((c, i) => () => checkInChild(c.file, { heapMB: 256, timeoutMs: 20_000, ...(i % 2 ? { threadMinBytes: 0 } : {}) })),
        2,
      );

      const table = new Map<MutationClass, Record<Verdict, number>>();
      for (const kind of CLASSES) table.set(kind, { checked: 0, refused: 0, crash: 0, timeout: 0, oom: 0, 'not bilingual': 0 });
      const failures: string[] = [];
      results.forEach((r, i) => {
        const v = verdictOf(r);
        (table.get(cases[i].kind) as Record<Verdict, number>)[v]++;
        if (v !== 'checked' && v !== 'refused') {
          const detail = r.outcome === 'crash' || r.outcome === 'oom' ? r.error.split('\n').slice(0, 4).join(' | ') : r.outcome === 'refused' ? JSON.stringify(r.message) : `${r.wallMs} ms`;
          failures.push(`${v}: ${path.basename(cases[i].file)} (from ${cases[i].sample}; ${cases[i].what}): ${detail}`);
        } else fs.rmSync(cases[i].file, { force: true });
      });
      const pad = (s: string | number, w: number): string => String(s).padEnd(w);
      const lines = [
        `Fuzzer: ${n} cases, seed ${seedNo}, 256 MB heap and 20 s per case${failures.length ? `; failing cases kept in ${dir}` : ''}`,
        `${pad('class of bad input', 16)} ${pad('cases', 6)} ${pad('checked', 8)} ${pad('refused', 8)} ${pad('crash', 6)} ${pad('timeout', 8)} ${pad('oom', 4)} result`,
      ];
      for (const [kind, t] of table) {
        const cnt = Object.values(t).reduce((a, b) => a + b, 0);
        const bad = t.crash + t.timeout + t.oom + t['not bilingual'];
        lines.push(`${pad(kind, 16)} ${pad(cnt, 6)} ${pad(t.checked, 8)} ${pad(t.refused, 8)} ${pad(t.crash, 6)} ${pad(t.timeout, 8)} ${pad(t.oom, 4)} ${bad === 0 ? 'ok' : `FAIL (${bad})`}`);
      }
      const slowest = Math.max(...results.map((r) => r.wallMs));
      lines.push(`slowest case ${slowest} ms`);
      console.log([...lines, ...failures].join('\n'));
      expect(failures).toEqual([]);
    },
    Math.max(120_000, runs() * 25_000),
  );
});
