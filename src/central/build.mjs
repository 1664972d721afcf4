// Builds the central service to JavaScript: one ES module, dist/cli.js, with its own code and the
// shared code it imports (src/shared) bundled, and its packages left to node_modules (the
// workspace's production install: `npm ci --omit=dev --workspace src/central`). The shipped
// contribution-rate schedule, published when the central first starts, is copied beside it.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
cpSync(join(here, '../../resources/reference/contribution-rates.json'), join(dist, 'resources', 'reference', 'contribution-rates.json'));
console.log(`[central] built ${join('src/central/dist', 'cli.js')}`);
