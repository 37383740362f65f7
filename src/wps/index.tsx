// Composition root of the task pane inside WPS Spreadsheets: the same App as in Excel, over the
// WPS host (src/hosts/wps) built on the `Application` object WPS gives its add-in pages. The
// pane is opened by the ribbon button of addin/main.js (Application.CreateTaskPane).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { message } from '../core/i18n';
import type { Bilingual } from '../core/types';
import type { EtApplication } from '../hosts/wps/et-api';
import { WpsHost } from '../hosts/wps/wps-host';
import { App } from '../taskpane/App';
import { langFromDisplayLanguage } from '../taskpane/i18n';
import { createUnavailableHost } from '../taskpane/office-host-factory';
import { lightTheme } from '../taskpane/theme';

/** Set by the inline legacy check in taskpane.html when the webview is too old for the pane. */
const LEGACY_FLAG = '__indicatorCheckerLegacyBrowser';
/** How long to wait for WPS to provide `Application` before saying the page is not in WPS. */
const APPLICATION_WAIT_MS = 3000;
const APPLICATION_POLL_MS = 100;

export const OPEN_IN_WPS: Bilingual = message('checker.wps.open-in-wps');

function wpsApplication(): EtApplication | undefined {
  const app = (window as unknown as { Application?: EtApplication }).Application;
  return app && typeof app === 'object' ? app : undefined;
}

/** WPS provides `Application` to its add-in pages; wait briefly in case it comes after the page's scripts. */
function waitForApplication(): Promise<EtApplication | undefined> {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = (): void => {
      const app = wpsApplication();
      if (app || Date.now() - started >= APPLICATION_WAIT_MS) resolve(app);
      else setTimeout(poll, APPLICATION_POLL_MS);
    };
    poll();
  });
}

async function start(): Promise<void> {
  if ((window as unknown as Record<string, unknown>)[LEGACY_FLAG] === true) return; // the page shows the upgrade message
  const container = document.getElementById('container');
  if (!container) return;
  const app = await waitForApplication();
  const host = app ? new WpsHost(app) : createUnavailableHost(OPEN_IN_WPS);
  createRoot(container).render(
    <StrictMode>
      <App host={host} lang={langFromDisplayLanguage(navigator.language)} theme={lightTheme} />
    </StrictMode>,
  );
}

void start();
