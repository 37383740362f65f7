// Rules as data: the shapes shared by the parser, the evaluator and the rule sources.
import type { Bilingual, Finding, Severity } from '../types';

/**
 * Where a rule came from. Precedence when ids collide: sheet > file > pack. 'pane' marks the
 * task pane's session overrides (patches only, applied last: pane > sheet > file > pack).
 */
export type RuleSource = 'pack' | 'file' | 'sheet' | 'pane';

/** Where a rule sits in the workbook's 校验规则 sheet: its row and the cell of each column. */
export interface RuleOrigin {
  sheet: string;
  /** 1-based row number as Excel shows it. */
  row: number;
  /** A1 addresses of the row's cells by column ('id', 'name', 'expr', 'severity', …). */
  cells: Partial<Record<RuleField, string>>;
}

export type RuleField = 'id' | 'name' | 'expr' | 'severity' | 'tolerance' | 'enabled' | 'description';

export interface Rule {
  /** Stable id; findings of the rule carry it as ruleId. */
  id: string;
  name: Bilingual;
  /** The expression as written, e.g. `[依法公开执法处罚信息] == [行政处罚案件]`. */
  expr: string;
  severity: Severity;
  /**
   * Absolute tolerance of comparisons, in base units (元, fractions for rates: 0.5 % = 0.005).
   * Absent: half a unit of the displayed precision of the values read.
   */
  tolerance?: number;
  enabled: boolean;
  description?: string;
  source: RuleSource;
  /** Set when a later source changed some fields of this rule (e.g. the sheet switched a pack rule off). */
  patchedBy?: RuleSource;
  /**
   * Balance rules of the pack (`[total] == [a] + [b] …`): skipped where the total's row already has
   * breakdown rows in the sheet, because the hierarchy check (checks/balance.ts) covers it there.
   */
  deferToHierarchy?: boolean;
  origin?: RuleOrigin;
}

/**
 * A row or entry that names an existing rule without an expression: it changes only the fields it
 * gives (e.g. 启用 = 否 switches a pack rule off from the workbook).
 */
export interface RulePatch {
  id: string;
  source: RuleSource;
  name?: Bilingual;
  severity?: Severity;
  tolerance?: number;
  enabled?: boolean;
  description?: string;
  origin?: RuleOrigin;
}

export interface RuleSet {
  version?: string;
  rules: Rule[];
  /** Canonical indicator name → variants. A variant written `/…/` is a regular expression on normalised names. */
  aliases: Record<string, string[]>;
  /** Patches that found no rule to patch (after merging); reported by runRules. */
  patches?: RulePatch[];
}

/** A problem in a rule's expression: the rule, the 1-based column in the original text, and what is wrong. */
export interface RuleError {
  ruleId: string;
  column: number;
  message: Bilingual;
}

/** A likely one-digit typo that would make a failing balance or equality hold (Finding.hint). */
export type TypoHint = NonNullable<Finding['hint']>;

/**
 * swap: two adjacent digits exchanged (21 → 12); substitute: one digit replaced (190 → 199);
 * drop: the fix removes a digit typed once too often (100 → 10); insert: the fix adds a digit
 * that was left out (10 → 100).
 */
export type TypoKind = TypoHint['kind'];
