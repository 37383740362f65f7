// Turns a list of labelled rows into parent links, from 其中 markers, indentation and outline codes.

export interface HierarchyItem {
  /** Leading spaces in half-width units plus Excel indent levels (×2). */
  indent: number;
  /** The label starts with 其中. */
  qizhong: boolean;
  /** An outline code such as `3` or `3.1`. */
  code?: string;
}

/**
 * Returns, for each item, the index of its parent or undefined.
 *
 * - Outline codes win: `3.1` is a child of the nearest earlier `3`.
 * - A 其中 row is a child of the row just above it (or of that row's 其中 group); when the row
 *   after it is indented, the 其中 row counts as indented like it, so that
 *   `其中：公共场所卫生` / `　　　生活饮用水卫生` are siblings.
 * - Otherwise a row is a child of the nearest earlier row that is indented less.
 */
export function buildHierarchy(items: HierarchyItem[]): Array<number | undefined> {
  const parents: Array<number | undefined> = new Array(items.length).fill(undefined);
  const eff: number[] = new Array(items.length).fill(0);
  const byCode = new Map<string, number>();
  const stack: number[] = [];

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const codeDepth = item.code ? item.code.split('.').length - 1 : 0;
    let e = item.indent + codeDepth * 1000;
    if (item.qizhong && i > 0) {
      // Find the row this 其中 group hangs under: the previous row, unless the previous row is
      // itself a member of a group at the same visual level as this one.
      const above = eff[i - 1];
      e = Math.max(e, above + 1);
      const next = items[i + 1];
      if (next && !next.qizhong && next.indent + (next.code ? (next.code.split('.').length - 1) * 1000 : 0) > above) {
        e = Math.max(e, next.indent + (next.code ? (next.code.split('.').length - 1) * 1000 : 0));
      }
    }
    eff[i] = e;

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
  return parents;
}
