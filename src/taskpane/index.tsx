// Composition root of the task pane: decides which Host the App gets, the UI language and the
// theme, and renders. The only module of the pane that knows about the Excel adapter.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Theme } from '@fluentui/react-components';
import type { Lang } from '../core/types';
import type { Host } from '../core/host';
import { ExcelHost } from '../hosts/excel/excel-host';
import { App } from './App';
import { langFromDisplayLanguage, paneMessage } from './i18n';
import { createUnavailableHost, isTrident } from './office-host-factory';
import { lightTheme, themeFromOffice } from './theme';

/** Set by the inline script in taskpane.html when the webview is Trident (IE11). */
const LEGACY_FLAG = '__indicatorCheckerLegacyBrowser';

/** How long to wait for Office.onReady before showing the pane outside Excel (it keeps waiting). */
const OFFICE_READY_GRACE_MS = 8000;

function browserLang(): Lang {
  return typeof navigator !== 'undefined' ? langFromDisplayLanguage(navigator.language) : 'zh-CN';
}

function start(): void {
  const flags = window as unknown as Record<string, unknown>;
  if (flags[LEGACY_FLAG] === true || isTrident(navigator.userAgent)) return; // the page shows the upgrade message

  const container = document.getElementById('container');
  if (!container) return;
  const root: Root = createRoot(container);
  const show = (host: Host, lang: Lang, theme: Theme): void => {
    root.render(
      <StrictMode>
        <App host={host} lang={lang} theme={theme} />
      </StrictMode>,
    );
  };
  const showOutsideExcel = (): void => show(createUnavailableHost(), browserLang(), lightTheme);

  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') {
    // office.js did not load (offline, blocked, or a plain browser preview): start anyway.
    showOutsideExcel();
    return;
  }

  let ready = false;
  const grace = setTimeout(() => {
    if (!ready) showOutsideExcel();
  }, OFFICE_READY_GRACE_MS);

  office.onReady().then(
    (info) => {
      ready = true;
      clearTimeout(grace);
      if (String(info.host) !== 'Excel') {
        showOutsideExcel();
        return;
      }
      const lang = langFromDisplayLanguage(office.context?.displayLanguage);
      let host: Host;
      try {
        host = new ExcelHost();
      } catch (e) {
        console.error(e);
        host = createUnavailableHost(paneMessage('host.connect-failed', { reason: String(e) }));
      }
      show(host, lang, themeFromOffice());
    },
    (e: unknown) => {
      ready = true;
      clearTimeout(grace);
      console.error('Office.onReady failed', e);
      showOutsideExcel();
    },
  );
}

start();
