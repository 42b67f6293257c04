/**
 * Dev helper: writes plain-text dumps of the two decoy PDFs to test/fixtures/text/ so the metadata tests run fast
 * and do not depend on the PDF reader being built in parallel. Run once after changing the fixtures:
 *
 *   npx tsx test/unit/metadata/dump-pdf-text.ts
 *
 * The dump approximates what the ingest stage gives: pages merged with '\n', NFC, form feeds removed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';

const pairs: Array<[string, string]> = [
  ['test/fixtures/extra/decoy-online-safety-policy-2016.pdf', 'test/fixtures/text/decoy-2016.txt'],
  ['test/fixtures/extra/decoy-online-safety-policy-2018.pdf', 'test/fixtures/text/decoy-2018.txt'],
];

for (const [pdfPath, txtPath] of pairs) {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(pdfPath)));
  const { text } = await extractText(pdf, { mergePages: true });
  const normalised = text.normalize('NFC').replace(/\f/g, '\n');
  writeFileSync(txtPath, normalised.endsWith('\n') ? normalised : normalised + '\n');
  console.log(`${txtPath}: ${normalised.length} chars`);
}
