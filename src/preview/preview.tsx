// Composition root of the browser preview (preview.html): no Office.js, an XlsxHost over a
// bundled sample or a file the user opens. `?sample=<file name>` and `?lang=en-US` pick the start.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../core/types';
import { langFromDisplayLanguage } from '../taskpane/i18n';
import { Preview } from './PreviewPage';
import { defaultSample, SAMPLES } from './samples';

function start(): void {
  const container = document.getElementById('container');
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const lang: Lang = langFromDisplayLanguage(params.get('lang') ?? navigator.language);
  const asked = params.get('sample');
  const sample = asked && SAMPLES.includes(asked) ? asked : defaultSample();
  createRoot(container).render(
    <StrictMode>
      <Preview lang={lang} samples={SAMPLES} initialSample={sample} />
    </StrictMode>,
  );
}

start();
