import { describe, expect, it } from '@jest/globals';
import { selfTime, shortenUrl, type CpuProfile } from '../../lib/profile.ts';

const ROOT = '/work/repo';

describe('shortenUrl', () => {
  it('names a dependency by its package and path, a workspace file from the root, and keeps node: modules', () => {
    expect(shortenUrl('file:///work/repo/node_modules/@graphql-hive/gateway-runtime/dist/index.js', ROOT)).toBe('@graphql-hive/gateway-runtime/dist/index.js');
    expect(shortenUrl('file:///work/repo/bench/node_modules/graphql/execution/execute.js', ROOT)).toBe('graphql/execution/execute.js');
    expect(shortenUrl('file:///work/repo/gateway/dist/server.js', ROOT)).toBe('gateway/dist/server.js');
    expect(shortenUrl('file:///elsewhere/x.js', ROOT)).toBe('/elsewhere/x.js');
    expect(shortenUrl('node:internal/streams/readable', ROOT)).toBe('node:internal/streams/readable');
    expect(shortenUrl('', ROOT)).toBe('');
  });
});

describe('selfTime', () => {
  const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber, columnNumber: 0 });
  // root → parse (two call sites of one function: nodes 3 and 5), a native function under handle, and idle.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 4, 6] },
      { id: 2, callFrame: frame('handle', 'file:///work/repo/gateway/dist/server.js', 9), children: [3, 7] },
      { id: 3, callFrame: frame('parse', 'file:///work/repo/node_modules/graphql/language/parser.js', 99) },
      { id: 4, callFrame: frame('', 'file:///work/repo/gateway/dist/server.js', 20), children: [5] },
      { id: 5, callFrame: frame('parse', 'file:///work/repo/node_modules/graphql/language/parser.js', 99) },
      { id: 6, callFrame: frame('(idle)') },
      { id: 7, callFrame: frame('run') },
    ],
    startTime: 0,
    endTime: 1000,
    // Ten samples, 100 µs apart (the last until the end): parse ×5 (two places in the tree), handle ×2, run ×1 (native, called by handle), the anonymous function ×1, idle ×1.
    samples: [3, 5, 2, 3, 6, 7, 4, 5, 2, 3],
    timeDeltas: [0, 100, 100, 100, 100, 100, 100, 100, 100, 100],
  };

  it('adds up one function reached by several paths, ranks by samples, and leaves idle out of the ranking but in the total', () => {
    const summary = selfTime(profile, ROOT, 2);
    expect(summary.samples).toBe(10);
    expect(summary.durationMs).toBe(1);
    expect(summary.idlePercent).toBe(10);
    expect(summary.top).toEqual([
      { function: 'parse', file: 'graphql/language/parser.js:100', selfMs: 0.5, percent: 50 },
      { function: 'handle', file: 'gateway/dist/server.js:10', selfMs: 0.2, percent: 20 },
    ]);
  });

  it('names an anonymous function as such, native code by the script function that called it, and an empty profile has no rows', () => {
    const rows = selfTime(profile, ROOT).top;
    expect(rows.find((r) => r.file === 'gateway/dist/server.js:21')?.function).toBe('(anonymous)');
    expect(rows.find((r) => r.function === 'run')).toEqual({ function: 'run', file: 'native, under handle (gateway/dist/server.js:10)', selfMs: 0.1, percent: 10 });
    expect(selfTime({ nodes: [], startTime: 0, endTime: 0 }, ROOT)).toEqual({ samples: 0, durationMs: 0, idlePercent: 0, top: [] });
  });
});
