// ExcelJS's WorksheetXform as the streaming reader runs it, on either thread: a finished row goes
// to a sink as soon as it closes instead of being kept in the worksheet's model.
import { WorksheetXform } from './exceljs-internals';

/**
 * A new WorksheetXform whose <sheetData> hands each finished row model to `onRow`, and calls
 * `onRestart` when a second <sheetData> starts the rows again (ListXform.parseOpen does so).
 */
export function rowStreamingXform(onRestart: () => void, onRow: (model: any) => void): any {
  const xform = new WorksheetXform(undefined);
  const sheetData = xform.map.sheetData;
  const parseOpen = sheetData.parseOpen;
  let opened = false;
  sheetData.parseOpen = function open(this: any, node: any): boolean {
    if (!this.parser && node.name === 'sheetData') {
      if (opened) onRestart();
      opened = true;
    }
    return parseOpen.call(this, node);
  };
  // ListXform.parseClose, except that a finished row is handed on instead of kept.
  sheetData.parseClose = function close(this: any, name: string): boolean {
    if (this.parser) {
      if (!this.parser.parseClose(name)) {
        onRow(this.parser.model);
        this.parser = undefined;
      }
      return true;
    }
    return false;
  };
  return xform;
}
