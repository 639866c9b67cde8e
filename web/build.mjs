// Builds the client into dist/ (committed, embedded in the Go binary by
// web.go): dist/assets/app-<hash>.js and .css, dist/sw.js, dist/index.html
// and dist/neutral.html (the quick exit's page). The output depends on the
// sources and the pinned esbuild only (CI rebuilds it and fails on a diff).
//   node build.mjs          build once
//   node build.mjs --watch  rebuild on every change (serve with WEB_DIR=web/dist)
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const watch = process.argv.includes('--watch');
const target = ['es2020'];

async function finish(result) {
  if (result.errors.length) return;
  const outputs = Object.keys(result.metafile.outputs).filter((f) => !f.endsWith('.map'));
  const js = outputs.find((f) => f.endsWith('.js'));
  const css = outputs.find((f) => f.endsWith('.css'));
  const assets = [js, css].map((f) => `/app/assets/${basename(f)}`);
  const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
  await esbuild.build({
    entryPoints: ['src/sw.ts'],
    outfile: 'dist/sw.js',
    bundle: true,
    minify: true,
    target,
    legalComments: 'none',
    define: { __SHELL__: JSON.stringify(assets), __VERSION__: JSON.stringify(version) },
  });
  const html = readFileSync('index.html', 'utf8').replace('%CSS%', assets[1]).replace('%JS%', assets[0]);
  writeFileSync('dist/index.html', html);
  copyFileSync('neutral.html', 'dist/neutral.html');
  copyFileSync('favicon.svg', 'dist/favicon.svg');
  console.log(`built ${assets.join(' ')} (sw ${version})`);
}

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/assets', { recursive: true });
const options = {
  entryPoints: { app: 'src/main.ts' },
  outdir: 'dist/assets',
  entryNames: '[name]-[hash]',
  bundle: true,
  minify: true,
  format: 'esm',
  target,
  legalComments: 'none',
  metafile: true,
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [{ name: 'pages', setup: (b) => b.onEnd(finish) }],
};
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('watching src/ (Ctrl-C to stop)');
} else {
  await esbuild.build(options);
}
