// PDF.js for the task pane: unpdf's serverless build (its ES module, with the worker inlined), as
// a lazy chunk of its own that is fetched the first time a PDF is opened. unpdf's main entry is
// for Node (it looks for pdfjs-dist's font files there) and is not bundled.
import type { PdfjsLike, PdfjsLoader } from './read-pdf';

export const browserPdfjs: PdfjsLoader = async () => (await import(/* webpackChunkName: "report-pdfjs" */ 'unpdf/pdfjs')) as unknown as PdfjsLike;
