// Errors the Excel adapter throws. Every one carries its message in both UI languages, so the
// task pane can show it as is; `message` holds both as well, for logs.
import { BilingualError } from '../../core/errors';
import type { Bilingual } from '../../core/types';

/**
 * Why the adapter itself refused or gave up, as opposed to an error Excel reported. Kept in a
 * field of its own so that a reason never passes for an Office error code or the reverse.
 */
export type HostReason =
  | 'SyncTimeout'
  | 'SheetHidden'
  | 'SheetMissing'
  | 'SheetTooLarge'
  | 'NoWorkbook'
  | 'TargetOccupied'
  | 'TargetOffSheet'
  | 'SheetNameTaken'
  | 'Protected'
  | 'TooMuchData'
  | 'NoData';

export class HostError extends BilingualError {
  /** Office's error code of the underlying failure, when Excel (or WPS) reported one (`ItemNotFound`, …). */
  readonly code?: string;
  /** The adapter's own reason, when it refused or gave up by itself. */
  readonly reason?: HostReason;

  constructor(bilingual: Bilingual, options: { code?: string; reason?: HostReason; cause?: unknown } = {}) {
    super(bilingual, { message: `${bilingual['zh-CN']} / ${bilingual['en-US']}`, cause: options.cause });
    this.name = 'HostError';
    this.code = options.code;
    this.reason = options.reason;
  }
}

export const SYNC_TIMEOUT: Bilingual = {
  'zh-CN': 'Excel 长时间无响应（可能仍在加载或计算），请稍后重试。',
  'en-US': 'Excel did not respond in time (it may still be loading or calculating). Please try again.',
};

export function sheetMissing(sheet: string): Bilingual {
  return {
    'zh-CN': `工作表“${sheet}”已不存在（可能已被重命名或删除），请重新校验。`,
    'en-US': `The sheet "${sheet}" no longer exists (it may have been renamed or deleted). Please run the check again.`,
  };
}

/** A finding on a hidden sheet cannot be shown: Excel does not activate hidden sheets. */
export function sheetHidden(sheet: string, address: string, veryHidden: boolean): Bilingual {
  return veryHidden
    ? {
        'zh-CN': `工作表“${sheet}”被设为“深度隐藏”（取消隐藏菜单中不会列出），无法定位到 ${address}。可在 VBA 中将其 Visible 设为 xlSheetVisible 后再查看。`,
        'en-US': `The sheet "${sheet}" is very hidden (Unhide does not list it), so ${address} cannot be shown. Set its Visible property to xlSheetVisible in VBA to view it.`,
      }
    : {
        'zh-CN': `工作表“${sheet}”已隐藏，无法定位到 ${address}。请右键单击工作表标签，选择“取消隐藏”后再查看。`,
        'en-US': `The sheet "${sheet}" is hidden, so ${address} cannot be shown. Right-click a sheet tab and choose Unhide to view it.`,
      };
}

/** Findings on a protected sheet: not marked, and what to do (Excel and WPS refuse marks there). */
export function sheetProtectedForMarks(sheet: string, count: number): Bilingual {
  return {
    'zh-CN': `工作表“${sheet}”受保护，其中 ${count} 处问题无法标记；请撤销工作表保护后重新校验，或点击“写入结果表”列出全部问题。`,
    'en-US': `The sheet "${sheet}" is protected, so ${count} finding(s) on it cannot be marked. Unprotect the sheet and check again, or click "Write result sheet" to list every finding.`,
  };
}

/** Old marks on a protected sheet cannot be cleared. */
export function sheetProtectedForClear(sheet: string): Bilingual {
  return {
    'zh-CN': `工作表“${sheet}”受保护，其上的旧标记无法清除；撤销工作表保护后再点击“清除标记”。`,
    'en-US': `The sheet "${sheet}" is protected, so its old marks cannot be cleared. Unprotect the sheet, then click "Clear marks".`,
  };
}

/** No sheet can be added to a workbook whose structure is protected (Excel and WPS alike). */
export function structureLocked(sheet: string, hint?: Bilingual): Bilingual {
  return {
    'zh-CN': `工作簿结构受保护，无法添加“${sheet}”工作表，未写入任何内容。请撤销工作簿保护（审阅 > 保护工作簿）后重试${hint ? `，${hint['zh-CN']}` : ''}。本加载项不会撤销任何保护。`,
    'en-US': `The workbook structure is protected, so the sheet "${sheet}" cannot be added; nothing was written. Unprotect the workbook (Review > Protect Workbook) and try again${hint ? `, ${hint['en-US']}` : ''}. This add-in never removes protection.`,
  };
}

/** The way round a protected structure for a summary table: the selection needs no new sheet. */
export const SUMMARY_AT_SELECTION: Bilingual = {
  'zh-CN': '或改为插入到“当前选定单元格”',
  'en-US': 'or insert it at the "Selected cell" instead',
};

/** Nothing can be written on a protected sheet (a summary table at the selection). */
export function sheetLocked(sheet: string): Bilingual {
  return {
    'zh-CN': `工作表“${sheet}”受保护，无法写入，未写入任何内容。请撤销该表的保护，或选择另一个工作表中的空白单元格后重试。`,
    'en-US': `The sheet "${sheet}" is protected, so nothing can be written there; nothing was written. Unprotect it, or select an empty cell on another sheet, and try again.`,
  };
}

export function requirementMissing(feature: Bilingual, set: string): Bilingual {
  return {
    'zh-CN': `当前 Excel 版本不支持${feature['zh-CN']}（需要 ExcelApi ${set}），请升级 Office。`,
    'en-US': `This version of Excel cannot ${feature['en-US']} (needs ExcelApi ${set}). Please update Office.`,
  };
}

export function resultSheetTaken(sheet: string): Bilingual {
  return {
    'zh-CN': `已有一个名为“${sheet}”的工作表，且不是本加载项创建的。请将其重命名或删除后再写入校验结果。`,
    'en-US': `A sheet named "${sheet}" already exists and was not created by this add-in. Rename or delete it, then write the results again.`,
  };
}

/** The Office error code of an error (`RichApi.Error` carries one in `code`). */
export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Wraps anything thrown by Office.js into a HostError; HostErrors pass through. */
export function toHostError(e: unknown, action: Bilingual): HostError {
  if (e instanceof HostError) return e;
  const detail = errorText(e);
  return new HostError(
    {
      'zh-CN': `${action['zh-CN']}失败：${detail}`,
      'en-US': `${action['en-US']} failed: ${detail}`,
    },
    { code: errorCode(e), cause: e },
  );
}
