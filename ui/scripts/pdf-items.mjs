// Prints the text items of a PDF as pdf.js reads them — as applicant tracking systems
// built on it do — in content-stream order, one JSON array:
// [{ page, str, x, y, width, size, font, eol }], `font` being the embedded font's name.
// Used by the ATS tests: `node ui/scripts/pdf-items.mjs file.pdf`.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(await readFile(process.argv[2]));
const pdf = await getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
const items = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  // Loads the page's fonts, so that their names can be read.
  await page.getOperatorList();
  const content = await page.getTextContent();
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const font = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName).name : item.fontName;
    const [a, b, , , x, y] = item.transform;
    items.push({ page: number, str: item.str, x, y, width: item.width, size: Math.hypot(a, b), font, eol: item.hasEOL });
  }
}
process.stdout.write(JSON.stringify(items));
