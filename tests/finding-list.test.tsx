/** @jest-environment jsdom */
// The windowed list of the task pane (VirtualList): long lists keep only the rows near the view
// in the DOM, with variable measured heights, the whole count for screen readers, and the focused
// row kept while the box scrolls. jsdom has no layout: the box's height is mocked and the row
// heights are injected through `measure`.
import './helpers/jsdom-polyfills';

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ESTIMATED_ROW_HEIGHT, VirtualList, WINDOW_FROM, type ItemSlot } from '../src/taskpane/components/VirtualList';

const VIEWPORT = 500;
/** Rows wrap to one, two or three lines. */
const heightOf = (i: number): number => [40, 70, 100][i % 3];
const startOf = (i: number): number => Array.from({ length: i }, (_, j) => heightOf(j)).reduce((a, b) => a + b, 0);

const measure = (el: HTMLElement): number => heightOf(Number(el.getAttribute('data-index')));

function Row({ text, slot }: { text: string; slot: ItemSlot }) {
  return (
    <li {...slot}>
      <button type="button">{text}</button>
    </li>
  );
}

function renderList(n: number, props: { windowFrom?: number } = {}) {
  const items = Array.from({ length: n }, (_, i) => `第 ${i + 1} 条`);
  return render(
    <VirtualList
      items={items}
      label="警告列表"
      measure={measure}
      renderItem={(text, _i, slot) => <Row text={text} slot={slot} />}
      scrollerProps={{ 'data-testid': 'box' }}
      {...props}
    />,
  );
}

const items = (): HTMLElement[] => within(screen.getByRole('list', { name: '警告列表' })).getAllByRole('listitem');
const indexes = (): number[] => items().map((li) => Number(li.getAttribute('aria-posinset')) - 1);
const offsetOf = (li: HTMLElement): number => Number(/translateY\((-?[\d.]+)px\)/.exec(li.style.transform)?.[1]);

async function scrollTo(box: HTMLElement, top: number): Promise<void> {
  Object.defineProperty(box, 'scrollTop', { configurable: true, value: top });
  fireEvent.scroll(box);
  await act(async () => new Promise((resolve) => setTimeout(resolve, 200))); // the "scrolling" flag resets
}

/**
 * A ResizeObserver that reports an observed row's height as a browser would, shortly after it
 * is observed: rows rendered while the box scrolls are measured this way, not on mount.
 */
class RowResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    void Promise.resolve().then(() => {
      if (!target.isConnected) return;
      const blockSize = target.hasAttribute('data-index') ? measure(target as HTMLElement) : target.clientHeight;
      const entry = { target, borderBoxSize: [{ blockSize, inlineSize: 300 }], contentBoxSize: [], devicePixelContentBoxSize: [], contentRect: {} };
      this.callback([entry as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
    });
  }
  unobserve(): void {}
  disconnect(): void {}
}

let viewport: jest.SpyInstance;
const jsdomResizeObserver = globalThis.ResizeObserver;
beforeEach(() => {
  viewport = jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT);
  globalThis.ResizeObserver = RowResizeObserver as unknown as typeof ResizeObserver;
});
afterEach(() => {
  viewport.mockRestore();
  globalThis.ResizeObserver = jsdomResizeObserver;
});

describe('VirtualList', () => {
  test('a long list renders a window of rows, placed by their measured heights, with the whole count', async () => {
    renderList(10000);
    await act(async () => undefined);
    const shown = indexes();
    expect(shown[0]).toBe(0);
    expect(shown.length).toBeLessThan(30);
    expect(shown).toEqual(shown.map((_, k) => k));
    for (const li of items()) {
      const i = Number(li.getAttribute('data-index'));
      expect(li.getAttribute('aria-setsize')).toBe('10000');
      expect(li.getAttribute('aria-posinset')).toBe(String(i + 1));
      expect(offsetOf(li)).toBe(startOf(i));
    }
    // Enough rows to fill the box, not many more.
    const last = items()[items().length - 1];
    expect(offsetOf(last) + heightOf(shown[shown.length - 1])).toBeGreaterThanOrEqual(VIEWPORT);
    // Measured rows count with their own height, the others with the estimate.
    const list = screen.getByRole('list', { name: '警告列表' });
    expect(parseFloat(list.style.height)).toBe(startOf(shown.length) + (10000 - shown.length) * ESTIMATED_ROW_HEIGHT);
  });

  test('scrolling renders the rows at the new place and drops the old ones', async () => {
    renderList(10000);
    const box = screen.getByTestId('box');
    const target = startOf(3000); // row 3000 starts here once the rows before it are measured
    // Scroll in steps so the rows on the way are measured, as a user's scrolling does.
    await scrollTo(box, 2000 * ESTIMATED_ROW_HEIGHT);
    const first = indexes();
    expect(first).not.toContain(0);
    expect(Math.min(...first)).toBeGreaterThan(1900);
    expect(first.length).toBeLessThan(30);

    await scrollTo(box, target);
    for (const li of items()) {
      const i = Number(li.getAttribute('data-index'));
      expect(li.getAttribute('aria-setsize')).toBe('10000');
      // Rows are stacked without gaps or overlaps: each starts where the one before ends.
      const next = items().find((x) => Number(x.getAttribute('data-index')) === i + 1);
      if (next) expect(offsetOf(next)).toBe(offsetOf(li) + heightOf(i));
    }
    // The rows rendered cover the visible part of the box.
    const shown = items();
    expect(offsetOf(shown[0])).toBeLessThanOrEqual(target);
    const end = shown[shown.length - 1];
    expect(offsetOf(end) + heightOf(Number(end.getAttribute('data-index')))).toBeGreaterThanOrEqual(target + VIEWPORT);
  });

  test('the row with the keyboard focus stays rendered while the box scrolls away, and goes once focus leaves', async () => {
    renderList(10000);
    const box = screen.getByTestId('box');
    const button = screen.getByRole('button', { name: '第 3 条' });
    act(() => button.focus());
    expect(document.activeElement).toBe(button);

    await scrollTo(box, 5000 * ESTIMATED_ROW_HEIGHT);
    expect(indexes()[0]).toBe(2); // pinned, before the window
    expect(Math.min(...indexes().slice(1))).toBeGreaterThan(4000);
    expect(document.activeElement).toBe(button);
    expect(button.closest('li')?.getAttribute('aria-posinset')).toBe('3');

    act(() => button.blur());
    await scrollTo(box, 5001 * ESTIMATED_ROW_HEIGHT);
    expect(indexes()).not.toContain(2);
  });

  test(`a list of up to ${WINDOW_FROM} rows renders whole, in the page's flow, with the same semantics`, () => {
    renderList(WINDOW_FROM);
    expect(screen.queryByTestId('box')).toBeNull();
    expect(indexes()).toEqual(Array.from({ length: WINDOW_FROM }, (_, i) => i));
    expect(items().every((li) => li.getAttribute('aria-setsize') === String(WINDOW_FROM) && li.style.transform === '')).toBe(true);
  });

  test('a windowed list without layout (a hidden tab, jsdom) still renders its first rows', async () => {
    viewport.mockReturnValue(0);
    renderList(500);
    await act(async () => undefined);
    expect(indexes()[0]).toBe(0);
    expect(items().length).toBeGreaterThan(3);
    expect(items().length).toBeLessThan(20);
  });
});
