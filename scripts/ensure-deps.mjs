// Installs dependencies from the lock file when they are missing or older than the lock,
// so `npm start` and `npm run check` work straight after cloning. Does nothing otherwise.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale) {
  console.error('Installing dependencies from package-lock.json (npm ci)…');
  // npm's output goes to stderr: stdout belongs to the script (`npm run ask -- --jsonl` prints JSON only).
  execSync('npm ci --no-audit --no-fund', { stdio: ['ignore', 2, 2] });
}
