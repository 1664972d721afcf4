// Reads the QR code of a printed document the way a phone would see the paper: the PDF rendered to
// a bitmap at a printer's resolution (pdftoppm), then decoded by jsQR from the pixels alone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function readQrFromPdf(pdf: string, dpi: number): string | null {
  const base = pdf.replace(/\.pdf$/, `-${dpi}dpi`);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', '-gray', pdf, base]);
  const png = PNG.sync.read(readFileSync(`${base}.png`));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}
