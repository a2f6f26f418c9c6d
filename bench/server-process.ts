import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from '../apps/server/src/gen/bench-users';
import { benchEnv, type GenTarget } from '../apps/server/src/gen/target';
import type { MemorySample } from './memory-probe';

/** The real server as a child process on 127.0.0.1, as `npm run serve` starts it. */
export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** The server's output, for the report when it fails. */
  output(): string;
  /** What the server's memory consists of now (bench/memory-probe.ts over IPC), or undefined. */
  memory(): Promise<MemorySample | undefined>;
  stop(): Promise<void>;
}

/** A port the system says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The Node flags `npm run serve` starts the server with (package.json), e.g. its heap limit. */
export function serveNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const words = (pkg.scripts?.serve ?? '').split(/\s+/);
  return words.filter((w, i) => w.startsWith('--') && w !== '--import' && words[i - 1] !== '--import');
}

export async function startServer(target: GenTarget): Promise<ServerProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...benchEnv(target),
  };
  // The Node flags of `npm run serve` (the heap settings), then BENCH_NODE_OPTIONS for experiments
  // (e.g. --cpu-prof): the bench's own NODE_OPTIONS is not passed on to the server.
  const nodeFlags = [...serveNodeFlags(), ...(process.env.BENCH_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
  // `node --import tsx`, not the tsx CLI: one process, so its pid is the server's (for RSS). The
  // memory probe answers the bench over the IPC channel only.
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', '--import', './bench/memory-probe.ts', 'apps/server/src/server.ts'],
    { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    pid: child.pid!,
    baseUrl,
    output: () => log,
    memory: () => askMemory(child),
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };

  // A county on PGlite opens, migrates and checks its encrypted columns for a while on a busy machine.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited while starting:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`the server did not answer /api/health within 300 s:\n${log}`);
}

/** One memory sample from the server's probe; undefined when it does not answer within a second. */
function askMemory(child: ChildProcess): Promise<MemorySample | undefined> {
  if (!child.connected) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const done = (sample: MemorySample | undefined) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(sample);
    };
    const onMessage = (message: unknown) => {
      const memory = (message as { memory?: MemorySample } | null)?.memory;
      if (memory) done(memory);
    };
    const timer = setTimeout(() => done(undefined), 1000);
    child.on('message', onMessage);
    child.send('memory', (error) => error && done(undefined));
  });
}

/** The server's memory during a run: the sample at its highest RSS, and the highest of each part. */
export function sampleMemory(server: ServerProcess, everyMs = 250) {
  let atPeak: MemorySample | undefined;
  const max: Record<string, number> = {};
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const sample = await server.memory();
      if (sample) {
        if (!atPeak || sample.rssMb > atPeak.rssMb) atPeak = sample;
        const flat = { ...sample, ...sample.spacesMb, spacesMb: 0 };
        for (const [key, value] of Object.entries(flat)) max[key] = Math.max(max[key] ?? 0, value);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop(): Promise<{ atPeak?: MemorySample; max: Record<string, number> }> {
      stopped = true;
      await loop;
      delete max.spacesMb;
      return { atPeak, max };
    },
  };
}

/** Resident memory of a process in MB (VmRSS), or undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(path.join('/proc', String(pid), 'status'), 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; answers the peak and the mean. */
export function sampleRss(pid: number, everyMs = 200) {
  const samples: number[] = [];
  const take = () => {
    const mb = rssMb(pid);
    if (mb !== undefined) samples.push(mb);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop(): { peakMb: number; meanMb: number; samples: number } {
      clearInterval(timer);
      take();
      const peakMb = Math.max(...samples, 0);
      const meanMb = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : 0;
      return { peakMb, meanMb, samples: samples.length };
    },
  };
}

/** Clock ticks per second of /proc/<pid>/stat times (getconf CLK_TCK; 100 on Linux in practice). */
const clockTicks = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/**
 * CPU time a process has used (user + system, ms), or undefined once it is gone. Unlike latency it
 * does not grow when other work shares the machine, so CPU per request stays comparable.
 */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(path.join('/proc', String(pid), 'stat'), 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}
