// The claims the prose reader finds (claims.ts): a total and its parts as written, the verdict on
// their sum, and the markers that opened no checkable list. Types only.
import type { Bilingual } from '../types';
import type { Period } from './period';

/**
 * ok: the parts add up (or explain the total, see Claim.note); exceeds: parts above the total that
 * no reading explains (error); short: parts below a total the wording says is complete (error);
 * short-partial: parts below the total (warning: partial list?); overlap: parts above the total by
 * items that may count the same cases again — marked 并处/同时, or listed after parts that already
 * make up the total (warning); mixed-units: figures of different units that do not add up (warning);
 * approx: an approximate figure, not checked.
 */
export type Verdict = 'ok' | 'exceeds' | 'short-partial' | 'short' | 'approx' | 'mixed-units' | 'overlap';

export interface ClaimItem {
  label: string;
  /** Base units, as Mention.value (万元 → 元). */
  value: number;
  unit: string;
  /** As written: `108家`, `94.23万元`, `1200余名`. */
  text: string;
  approx: boolean;
  /** Index into the mentions. */
  mention: number;
  /** Marked 并处 / 同时 / 另, or listed after the parts that already make up the total: may overlap the other parts. */
  overlap?: boolean;
}

/** How a claim was found. */
export type Reading =
  /** A marker (其中, 包括, 分别为, 含) in the sentence of the total. */
  | 'marker'
  /** A marker at the start of a sentence after the total's. */
  | 'previous-sentence'
  /** A marker after a label that names an earlier figure (A许可包括…, 在公开信息中…). */
  | 'reference'
  /** A part of another claim broken down in turn. */
  | 'nested'
  /** No marker: figures after a total that add up to it exactly. */
  | 'no-marker'
  /** A list after 从…看 / 按…分 that breaks down an earlier total. */
  | 'dimension'
  /** The parts first, then their total (新收17件，上年结转3件，总计20件). */
  | 'total-after'
  /** A column of a table written with | in the text: its 总计 row and the rows it totals. */
  | 'table'
  /**
   * A row or column of a statutory form of a 政府信息公开年度报告 (disclosure-form.ts): the template
   * defines the total as the sum, so any difference is an error.
   */
  | 'form'
  /** Shares written with their fractions over one denominator (占72.6%(320/441)，占27.4%(121/441)). */
  | 'fraction'
  /** A count of the things a list names, right after it (…、细菌总数、大肠菌群6项): one part per name. */
  | 'names'
  /** A share of a stated base (以苯中毒为主(214例，占76.16%) of 化学中毒281例): its count is one part of the base. */
  | 'share'
  /** The stated shares of one whole (占30.2%，占19.7%，…), which together are 100 %. */
  | 'share-sum';

export interface Claim {
  /** The claim as written, from the total's phrase to the end of the list (closing bracket included). */
  text: string;
  start: number;
  end: number;
  /** 1-based line and column of start. */
  line: number;
  column: number;
  /** The word that opened the list: 其中, 包括, 分别为, 分别是, 含, 在…中; '' when there is none. */
  trigger: string;
  total: ClaimItem;
  parts: ClaimItem[];
  /** Sum of the parts in base units; null when their units differ and they do not add up to the total. */
  sum: number | null;
  /** sum − total; null when not compared. */
  difference: number | null;
  /** The wording says the list is complete (分别为, 共计…包括, 全部). */
  complete: boolean;
  /** true for 'ok' and 'approx' (nothing to report); false for errors and warnings. */
  ok: boolean;
  verdict: Verdict;
  /** How the claim was found. */
  reading: Reading;
  /** Why the verdict is what it is when that is not plain arithmetic (zh-CN first): the parts that overlap, a total made of two figures, units that differ. */
  note?: Bilingual;
  /** The period of the total (see period.ts). */
  period?: Period;
  /** For a nested claim: the index of the claim whose part it breaks down. */
  parent?: number;
}

/** A 其中/包括/分别为 that opens no checkable list, with the reason. */
export interface SkippedClaim {
  text: string;
  start: number;
  line: number;
  trigger: string;
  /** no-parts: no number follows; rate-parts: the parts are rates/shares (其中…100%覆盖); no-total: no total before it. */
  reason: 'no-parts' | 'rate-parts' | 'no-total';
}
