// A list whose long versions are windowed: only the rows near the visible part of its own
// scroll box are in the DOM (a supervisor's workbook can give 10,000+ findings). Rows have
// their own, variable height (messages wrap): each rendered row is measured (ResizeObserver,
// through @tanstack/react-virtual) and the others are estimated until they are shown.
//
// Screen readers still get the whole list: a <ul role="list"> whose rendered items carry
// aria-setsize (the full count) and aria-posinset. The row that has the keyboard focus stays
// rendered while the box scrolls away from it, so focus is never lost to the page.
//
// Short lists (up to `windowFrom` rows) render whole, in the page's flow, without a scroll box.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  defaultRangeExtractor,
  measureElement as measureWithObserver,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { Fragment, useCallback, useMemo, useRef, type CSSProperties, type FocusEvent, type ReactNode, type Ref } from 'react';

/** Rows up to this count render whole; longer lists are windowed. */
export const WINDOW_FROM = 50;
/** Rows rendered above and below the visible ones (keeps Tab and Shift+Tab inside the list). */
export const OVERSCAN = 6;
/** Height assumed for a row not measured yet (px). */
export const ESTIMATED_ROW_HEIGHT = 72;
/** Rows shown while the scroll box has no height yet (first render, a hidden tab, jsdom). */
export const INITIAL_ROWS = 10;

/** What a row spreads on its <li>: position in the list, and for a windowed list the measuring ref and place. */
export interface ItemSlot {
  ref?: Ref<HTMLLIElement>;
  'data-index': number;
  'aria-posinset': number;
  'aria-setsize': number;
  style?: CSSProperties;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Accessible name of the list. */
  label: string;
  /** The row: an <li> spreading `slot` (see ItemSlot). */
  renderItem: (item: T, index: number, slot: ItemSlot) => ReactNode;
  /** A stable key per row (default: its index). */
  itemKey?: (item: T, index: number) => string | number;
  className?: string;
  /** Lists longer than this are windowed (default WINDOW_FROM). */
  windowFrom?: number;
  overscan?: number;
  estimatedRowHeight?: number;
  /**
   * Measures a rendered row (px). Defaults to its border box as ResizeObserver or offsetHeight
   * report it. A zero (a hidden tab, jsdom) counts as not measured: the estimate is used.
   */
  measure?: (element: HTMLElement) => number;
  /** Extra attributes of the windowed list's scroll box. */
  scrollerProps?: Record<`data-${string}`, string>;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  windowed: { position: 'relative', width: '100%' },
  scroller: {
    maxHeight: 'max(12rem, 60vh)',
    overflowY: 'auto',
    overflowX: 'hidden',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The list: whole when short, windowed in its own scroll box when long. */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const windowFrom = props.windowFrom ?? WINDOW_FROM;
  return props.items.length > windowFrom ? <WindowedList {...props} /> : <WholeList {...props} />;
}

function WholeList<T>({ items, label, renderItem, itemKey, className }: VirtualListProps<T>) {
  const styles = useStyles();
  const n = items.length;
  const slots = useMemo(
    () => Array.from({ length: n }, (_, i): ItemSlot => ({ 'data-index': i, 'aria-posinset': i + 1, 'aria-setsize': n })),
    [n],
  );
  return (
    <ul role="list" className={mergeClasses(styles.list, className)} aria-label={label}>
      {items.map((item, i) => (
        <Fragment key={itemKey ? itemKey(item, i) : i}>{renderItem(item, i, slots[i])}</Fragment>
      ))}
    </ul>
  );
}

function WindowedList<T>({
  items,
  label,
  renderItem,
  itemKey,
  className,
  overscan = OVERSCAN,
  estimatedRowHeight = ESTIMATED_ROW_HEIGHT,
  measure,
  scrollerProps,
}: VirtualListProps<T>) {
  const styles = useStyles();
  const n = items.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Index of the row holding the keyboard focus, kept rendered (-1: none). */
  const focused = useRef(-1);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const keyRef = useRef(itemKey);
  keyRef.current = itemKey;

  const getItemKey = useCallback((i: number) => {
    const key = keyRef.current;
    const item = itemsRef.current[i];
    return key && item !== undefined ? key(item, i) : i;
  }, []);

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const f = focused.current;
    if (f < 0 || f >= range.count || indexes.includes(f)) return indexes;
    return f < indexes[0] ? [f, ...indexes] : [...indexes, f];
  }, []);

  const measureRow = useCallback(
    (el: HTMLLIElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, HTMLLIElement>) => {
      const size = measure ? measure(el) : measureWithObserver(el, entry, instance);
      return size > 0 ? size : estimatedRowHeight;
    },
    [measure, estimatedRowHeight],
  );

  // A box without a height (not laid out yet, in a hidden tab, in jsdom) would show no row at
  // all; it counts as showing INITIAL_ROWS estimated rows until it is laid out.
  const unmeasured = INITIAL_ROWS * estimatedRowHeight;
  const observeRect = useCallback(
    (instance: Virtualizer<HTMLDivElement, HTMLLIElement>, cb: (rect: { width: number; height: number }) => void) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: unmeasured })),
    [unmeasured],
  );

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: n,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeRect,
    estimateSize: () => estimatedRowHeight,
    overscan,
    getItemKey,
    rangeExtractor,
    measureElement: measureRow,
  });

  // One slot object per row and place, so memoised rows re-render only when they move.
  const slots = useMemo(() => new Map<number, ItemSlot>(), [n, virtualizer]);
  const slotOf = (index: number, start: number): ItemSlot => {
    const cached = slots.get(index);
    if (cached && cached.style?.transform === `translateY(${start}px)`) return cached;
    const slot: ItemSlot = {
      ref: virtualizer.measureElement,
      'data-index': index,
      'aria-posinset': index + 1,
      'aria-setsize': n,
      style: { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${start}px)` },
    };
    slots.set(index, slot);
    return slot;
  };

  const onFocus = (e: FocusEvent<HTMLUListElement>): void => {
    const li = (e.target as Element).closest?.('li[data-index]');
    focused.current = li ? Number(li.getAttribute('data-index')) : -1;
  };
  const onBlur = (e: FocusEvent<HTMLUListElement>): void => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focused.current = -1;
  };

  return (
    <div ref={scrollRef} className={styles.scroller} data-windowed="true" {...scrollerProps}>
      <ul
        role="list"
        className={mergeClasses(styles.list, styles.windowed, className)}
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          return item === undefined ? null : <Fragment key={v.key}>{renderItem(item, v.index, slotOf(v.index, v.start))}</Fragment>;
        })}
      </ul>
    </div>
  );
}
