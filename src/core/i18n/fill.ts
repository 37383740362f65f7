// Filling a message template: the one filler of every message the project shows.
//
// A template is text with placeholders:
//   {name}                                   the parameter's text (a bilingual one in the language)
//   {count, plural, one {# finding} other {# findings}}
//                                            the form the language's plural rules choose for the
//                                            number (Intl.PluralRules: English has one/other, Chinese
//                                            only other); `=0 {…}` matches a number exactly, and # in
//                                            a form is the number as given
// A parameter that is missing keeps its placeholder, so the gap shows instead of a silent blank;
// quoted text longer than MAX_QUOTED characters is cut (a cell may hold 32,767).
import type { Bilingual, Lang } from '../types';

export type Params = Record<string, string | number | Bilingual | undefined>;

/** Longest text a message quotes from a cell or label; longer text is cut. */
export const MAX_QUOTED = 500;

type Part = string | { name: string } | { name: string; forms: Map<string, Part[]> };

/** `text`, or its first MAX_QUOTED characters and how long it is. */
function clip(text: string, lang: Lang): string {
  if (text.length <= MAX_QUOTED) return text;
  const cut = text.slice(0, MAX_QUOTED).replace(/[\uD800-\uDBFF]$/, '');
  return lang === 'zh-CN' ? `${cut}…（共 ${text.length} 字）` : `${cut}… (${text.length} characters)`;
}

/** The index of the `}` that closes the `{` at `open`, or −1. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The forms of a plural placeholder: `one {…} other {…}`; undefined when they do not parse. */
function pluralForms(body: string): Map<string, Part[]> | undefined {
  const forms = new Map<string, Part[]>();
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /\s/.test(body[i])) i++;
    if (i >= body.length) break;
    const m = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) return undefined;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) return undefined;
    forms.set(m[1], parse(body.slice(open + 1, end)));
    i = end + 1;
  }
  return forms.has('other') ? forms : undefined;
}

function parse(template: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '{') {
      const end = closing(template, i);
      const inner = end < 0 ? '' : template.slice(i + 1, end);
      const simple = /^(\w+)$/.exec(inner);
      const plural = /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
      const forms = plural ? pluralForms(plural[2]) : undefined;
      if (simple || (plural && forms)) {
        if (text) parts.push(text);
        text = '';
        parts.push(simple ? { name: simple[1] } : { name: plural![1], forms: forms! });
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) parts.push(text);
  return parts;
}

/** Templates parsed once each (the templates are the packs' constants: a bounded set). */
const parsed = new Map<string, Part[]>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

function rulesOf(lang: Lang): Intl.PluralRules {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

function render(parts: Part[], params: Params, lang: Lang, hash?: string): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      out += hash === undefined ? p : p.replace(/#/g, hash);
      continue;
    }
    const v = params[p.name];
    if (!('forms' in p)) {
      out += v === undefined ? `{${p.name}}` : clip(typeof v === 'object' ? v[lang] : String(v), lang);
      continue;
    }
    if (v === undefined) {
      out += `{${p.name}}`;
      continue;
    }
    // A value that is no plain number (∞, a bilingual text) takes the "other" form.
    const shown = typeof v === 'object' ? v[lang] : String(v);
    const n = typeof v === 'number' ? v : Number(shown.replace(/[,\s]/g, ''));
    const form = Number.isFinite(n) ? (p.forms.get(`=${n}`) ?? p.forms.get(rulesOf(lang).select(n)) ?? p.forms.get('other')!) : p.forms.get('other')!;
    out += render(form, params, lang, typeof v === 'object' ? v[lang] : String(v));
  }
  return out;
}

/** Fills `template` from `params` in one language. */
export function fill(template: string, params: Params, lang: Lang): string {
  let parts = parsed.get(template);
  if (!parts) parsed.set(template, (parts = parse(template)));
  return render(parts, params, lang);
}

/** The names of a template's placeholders, sorted, each once (for checking two languages agree). */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  const walk = (parts: Part[]): void => {
    for (const p of parts) {
      if (typeof p === 'string') continue;
      names.add(p.name);
      if ('forms' in p) for (const f of p.forms.values()) walk(f);
    }
  };
  walk(parse(template));
  return [...names].sort();
}
