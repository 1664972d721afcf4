// Renders the app's icons from their source, build/icons/icon.svg: a 512×512 PNG (Linux, the
// window, electron-builder's source for macOS) and a Windows .ico holding 16–256 px, each size
// rendered from the SVG itself rather than scaled down from 512 (small sizes stay sharp).
// The outputs are committed; run `npm run icons` after changing the SVG.
//   build/icon.png  build/icon.ico  (electron-builder's buildResources)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const svg = readFileSync(join(buildDir, 'icons', 'icon.svg'));

export function renderPng(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

export async function makeIcons() {
  const png = renderPng(512);
  writeFileSync(join(buildDir, 'icon.png'), png);
  const ico = await pngToIco([256, 128, 64, 48, 32, 24, 16].map(renderPng));
  writeFileSync(join(buildDir, 'icon.ico'), ico);
  return { png: png.length, ico: ico.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await makeIcons();
  console.log(`[icons] build/icon.png ${sizes.png} B, build/icon.ico ${sizes.ico} B`);
}
