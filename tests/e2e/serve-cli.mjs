// Serves a built dist/ folder under a sub-path, like a plain static host, until
// killed; prints the URL on the first line of stdout (used by scripts/lighthouse.sh).
// With --rewrite, unknown paths get 404.html with status 200 instead of 404,
// like a host with a rewrite rule to the app; with --gzip, responses are
// compressed for clients that accept it, like real static hosts.
//
//   node tests/e2e/serve-cli.mjs [--rewrite] [--gzip] DIST [PUBLIC_URL]
import { resolve } from 'node:path';
import { serveDist } from './server.mjs';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const [dist, publicUrl = '/dateline/'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rewrite = flags.includes('--rewrite');
const gzip = flags.includes('--gzip');
if (!dist) {
  console.error('usage: node tests/e2e/serve-cli.mjs [--rewrite] [--gzip] DIST [PUBLIC_URL]');
  process.exit(2);
}
const server = await serveDist(resolve(dist), publicUrl, { fallbackStatus: rewrite ? 200 : 404, gzip });
console.log(server.url);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
