// Prints the JavaScript (gzip) each route downloads: its first show (entry, layout, page, their
// static imports and the feature texts it loads beside them), with its heaviest part loaded on
// request (a tab and what it loads in turn), and with every part. Exit 1 over issue 8's limits.
// Run after `vite build`: npm run size -w @shouwang/web (the measuring code is bench/bundle.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../../..');
const dist = path.resolve(import.meta.dirname, '../dist');
const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/bundle.ts'), dist], {
  cwd: repo,
  stdio: 'inherit',
});
process.exitCode = run.status ?? 1;
