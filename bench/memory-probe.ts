import fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

/**
 * Bench-only preload (`node --import tsx --import ./bench/memory-probe.ts`): answers the bench's
 * "memory" message on the IPC channel the bench opened with what the server's RSS consists of.
 * Nothing is served over HTTP and nothing runs unless the parent process asks; without an IPC
 * channel (a server not started by the bench) it does nothing.
 */
export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** Linux: RSS in anonymous pages (heaps, malloc) and in mapped files (the node binary, libraries). */
  rssAnonMb?: number;
  rssFileMb?: number;
  /** V8 heap spaces by name (new_space, old_space, code_space, large_object_space …): committed MB. */
  spacesMb: Record<string, number>;
  /** Garbage collection since the server started: main-thread pause ms, and major (mark-compact) runs. */
  gcMs: number;
  majorGcs: number;
}

let gcMs = 0;
let majorGcs = 0;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function memorySample(): MemorySample {
  const m = process.memoryUsage();
  const spacesMb: Record<string, number> = {};
  for (const space of v8.getHeapSpaceStatistics()) spacesMb[space.space_name] = mb(space.space_size);
  let status = '';
  try {
    status = fs.readFileSync('/proc/self/status', 'utf8');
  } catch {
    // not Linux
  }
  const kb = (field: string) => {
    const value = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
    return value === undefined ? undefined : mb(Number(value) * 1024);
  };
  return {
    rssMb: mb(m.rss),
    rssAnonMb: kb('RssAnon'),
    rssFileMb: kb('RssFile'),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
    spacesMb,
    gcMs: Math.round(gcMs),
    majorGcs,
  };
}

if (process.send && process.channel) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      // perf_hooks.constants.NODE_PERFORMANCE_GC_MAJOR
      if ((entry as { detail?: { kind?: number } }).detail?.kind === 4) majorGcs++;
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message) => {
    if (message === 'memory') process.send?.({ memory: memorySample() });
  });
  // The channel must not keep the server alive after it closed.
  process.channel.unref();
}
