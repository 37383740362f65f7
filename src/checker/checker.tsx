// Composition root of the web checker (checker.html): the page and its worker. `?lang=en-US`
// picks the language to start in (default: the browser's).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../core/types';
import { langFromDisplayLanguage } from '../taskpane/i18n';
import { CheckerPage } from './CheckerPage';
import { spawnCheckerWorker } from './checker-worker-spawn';
import { CheckerClient } from './worker-client';

function start(): void {
  const container = document.getElementById('container');
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const lang: Lang = langFromDisplayLanguage(params.get('lang') ?? navigator.language);
  const client = new CheckerClient(spawnCheckerWorker);
  createRoot(container).render(
    <StrictMode>
      <CheckerPage initialLang={lang} client={client} />
    </StrictMode>,
  );
}

start();
