// FunctionFile script. The ribbon button opens the task pane (ShowTaskpane), so nothing is
// associated here; Office still expects the page to initialise Office.js.
const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') {
  void office.onReady();
}

export {};
