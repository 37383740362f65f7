// Turns a list of labelled rows into parent links, from 其中 markers, indentation, outline codes
// and closing total rows (合计 under its list).
import { codeLevel } from '../names';

export interface HierarchyItem {
  /** Leading spaces in half-width units plus Excel indent levels (×2). */
  indent: number;
  /** The label starts with 其中. */
  qizhong: boolean;
  /** An outline code: `3`, `3.1`, or a section code `一、` `(一)` `(1)` `①` (names.ts). */
  code?: string;
  /** The row has no value in any value column: with a code, a section heading (一、行政执法). */
  heading?: boolean;
  /** A blank row stands between this row and the one before it. */
  gap?: boolean;
  /** The label is a total word alone (合计, 小计, 总计): with no parts below, it closes the list above. */
  closing?: boolean;
}

/** Levels are far apart so that indentation (a few units) orders rows within one level. */
const LEVEL = 1000;

/**
 * Returns, for each item, the index of its parent or undefined.
 *
 * - Outline codes give levels (一、 → （一） → 1. → （1） → ①; 3 → 3.1 → 3.1.2): a row is a child
 *   of the nearest earlier row of a lower level, and `3.1` of the nearest earlier `3`.
 * - A row without a code: an indented or 其中 row takes the level of the last row that was not a
 *   part (indentation and 其中 then decide within it); a plain row is half a level below the last
 *   coded heading, or else at the level of the block's shallowest code.
 * - A 其中 row is a child of the row just above it (or of that row's 其中 group); when the row
 *   after it is indented or coded deeper, the 其中 row counts as deep as that one, so that
 *   `其中：公共场所卫生` / `　　　生活饮用水卫生` and `1. 其中：警告` / `2. 罚款` are siblings.
 * - Otherwise a row is a child of the nearest earlier row that is indented less.
 * - A total word (合计, 小计) that has no parts below it closes the list above: back to the previous
 *   heading, total or blank row, the rows of that list's top level become its parts.
 */
export function buildHierarchy(items: HierarchyItem[]): Array<number | undefined> {
  const parents: Array<number | undefined> = new Array(items.length).fill(undefined);
  const eff: number[] = new Array(items.length).fill(0);
  const byCode = new Map<string, number>();
  const stack: number[] = [];
  // Levels of uncoded rows. Codes are compared with each other, so an uncoded row needs a level
  // among them: a part (indented, or 其中) belongs to the level of the row it hangs under; a plain
  // row is a list item — under the last coded heading (half a level below it), else at the level
  // of the block's shallowest code, as if it were one of its top items.
  let minLevel = Infinity;
  for (const item of items) if (item.code) minLevel = Math.min(minLevel, codeLevel(item.code));
  const top = Number.isFinite(minLevel) ? minLevel * LEVEL : 0;
  // The level of the last row that was not a part (coded, or a plain list item).
  let lastBase: number | undefined;
  let headingLevel: number | undefined;
  const base = (item: HierarchyItem): number => {
    if (item.code) return codeLevel(item.code) * LEVEL;
    // A total word (合计) stands at the level of the list it closes, like its items.
    if (item.indent > 0 || item.qizhong || item.closing) return lastBase ?? top;
    return headingLevel !== undefined ? headingLevel + LEVEL / 2 : top;
  };
  const own = (item: HierarchyItem) => item.indent + base(item);

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let e = own(item);
    if (item.qizhong && i > 0) {
      // Find the row this 其中 group hangs under: the previous row, unless the previous row is
      // itself a member of a group at the same visual level as this one.
      const above = eff[i - 1];
      e = Math.max(e, above + 1);
      const next = items[i + 1];
      if (next && !next.qizhong) {
        const nextEff = next.code || next.indent > 0 ? own(next) : -1;
        if (nextEff > above) e = Math.max(e, nextEff);
      }
    }
    eff[i] = e;
    if (item.code) {
      const level = codeLevel(item.code) * LEVEL;
      if (item.heading) headingLevel = level;
      else if (headingLevel !== undefined && level <= headingLevel) headingLevel = undefined;
    }
    if (item.code || (item.indent === 0 && !item.qizhong && !item.closing)) lastBase = base(item);

    let parent: number | undefined;
    if (item.code && item.code.includes('.')) {
      const prefix = item.code.slice(0, item.code.lastIndexOf('.'));
      parent = byCode.get(prefix);
    }
    while (stack.length > 0 && eff[stack[stack.length - 1]] >= e) stack.pop();
    if (parent === undefined && stack.length > 0) parent = stack[stack.length - 1];
    parents[i] = parent;
    stack.push(i);
    if (item.code) byCode.set(item.code, i);
  }
  closeTotals(items, parents);
  return parents;
}

/** Makes a closing total (合计 under its list) the parent of the list's top-level rows. */
function closeTotals(items: HierarchyItem[], parents: Array<number | undefined>): void {
  const hasChildren = new Uint8Array(items.length);
  for (const p of parents) if (p !== undefined) hasChildren[p] = 1;
  for (let i = 1; i < items.length; i++) {
    if (!items[i].closing || hasChildren[i] || items[i].heading) continue;
    // The list: back from the row above to a heading, another total, or a blank row.
    let s = i;
    while (s > 0) {
      const prev = items[s - 1];
      if (prev.heading || prev.closing) break;
      s--;
      if (items[s].gap) break;
    }
    if (s >= i) continue;
    const top = parents[s];
    const parts: number[] = [];
    for (let k = s; k < i; k++) if (parents[k] === top) parts.push(k);
    if (parts.length < 2) continue;
    for (const k of parts) parents[k] = i;
    parents[i] = top;
    hasChildren[i] = 1;
  }
}
