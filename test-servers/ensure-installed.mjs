// Installs the pinned test servers into ./node_modules (never globally), as the Maven build of
// dynamorm-test does in generate-resources. Idempotent and fast: when node_modules was installed
// from the current package.json and package-lock.json, it does nothing.
//
//   node ensure-installed.mjs          install if needed
//   node ensure-installed.mjs --force  reinstall
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const stamp = join(here, 'node_modules', '.dynamorm-installed');
const digest = createHash('sha256')
  .update(readFileSync(join(here, 'package.json')))
  .update(readFileSync(join(here, 'package-lock.json')))
  .digest('hex');

const complete = existsSync(join(here, 'node_modules', 'dynalite', 'cli.js'));
const current = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest;
if (complete && current && !process.argv.includes('--force')) {
  console.log(`test-servers: node_modules is up to date (${here})`);
  process.exit(0);
}

// --ignore-scripts: nothing we need builds at install time (dynalite runs in memory)
const args = ['ci', '--no-audit', '--no-fund', '--ignore-scripts'];
console.log(`test-servers: npm ${args.join(' ')} in ${here}`);
const npm = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
  cwd: here,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (npm.error) {
  console.error(`test-servers: cannot run npm (${npm.error.message}): install Node.js 20+ with npm,`
    + ' or build with -Ddynamorm.skipNpm=true');
  process.exit(1);
}
if (npm.status !== 0) {
  console.error(`test-servers: npm ci failed with exit code ${npm.status}; see its output above`);
  process.exit(npm.status ?? 1);
}
writeFileSync(stamp, digest + '\n');
