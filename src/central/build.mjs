// Builds the central service to JavaScript: one ES module, dist/cli.js, with its own code and the
// shared code it imports (src/shared) bundled, and its packages left to node_modules (the
// workspace's production install: `npm ci --omit=dev --workspace src/central`). The reference files
// the central opens are copied beside it: the shipped contribution-rate schedule (published when
// the central first starts) and the admin units (the communes' dated statuses VSI support is
// derived from, stored when the central first starts) with the old communes' table, and their
// licences. The provincial console's pages (src/console) are built with Vite into dist/console,
// which the central serves at /console (src/central/http/console-pages.ts): a production install
// runs no build, so they ship here, built.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: [join(here, 'cli.ts')],
  outfile: join(dist, 'cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
mkdirSync(join(dist, 'resources', 'reference'), { recursive: true });
for (const file of ['contribution-rates.json', 'admin-units.json', 'admin-units.LICENSE', 'legacy-63-to-34-2025.csv', 'legacy-63-to-34-2025.LICENSE']) {
  cpSync(join(here, '../../resources/reference', file), join(dist, 'resources', 'reference', file));
}
await viteBuild({
  configFile: join(here, '../../vite.console.config.ts'),
  logLevel: 'warn',
  build: { outDir: join(dist, 'console'), emptyOutDir: true },
});
console.log(`[central] built ${join('src/central/dist', 'cli.js')}`);
