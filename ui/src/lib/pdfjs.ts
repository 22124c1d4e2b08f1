// pdf.js, loaded the first time a preview is shown (it is most of the UI's code, and
// most windows never need it), with one worker shared by every preview.
import type { PDFWorker } from 'pdfjs-dist';

export type Pdfjs = { lib: typeof import('pdfjs-dist'); worker: PDFWorker };

let loading: Promise<Pdfjs> | null = null;

async function load(): Promise<Pdfjs> {
  const [lib, { default: workerUrl }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  lib.GlobalWorkerOptions.workerSrc = workerUrl;
  return { lib, worker: new lib.PDFWorker() };
}

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= load();
  return loading;
}
