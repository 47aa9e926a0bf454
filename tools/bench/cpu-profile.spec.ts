import { CpuProfile, placeOf, summarizeProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('createPublicKey', 'node:internal/crypto/keys', 9) },
    { id: 4, callFrame: frame('writeString') },
    { id: 5, callFrame: frame('verify', 'file:///repo/node_modules/jsonwebtoken/verify.js', 41) },
    { id: 6, callFrame: frame('handle', 'file:///repo/dist/apps/like/src/likes/likes.service.js', 19) },
    { id: 7, callFrame: frame('', 'file:///repo/node_modules/@nestjs/core/router/router-proxy.js', 4) },
  ],
  samples: [2, 3, 3, 4, 5, 6, 7, 2, 3],
  timeDeltas: [5_000, 1_000, 1_000, 500, 250, 125, 125, 9_000, 1_000],
  startTime: 1_000_000,
};

describe('summarizeProfile', () => {
  const summary = summarizeProfile(profile, 3);

  it('counts busy time only, leaving idle samples out', () => {
    expect(summary.busyMs).toBe(4);
  });

  it('ranks functions by self time, with where they are defined', () => {
    expect(summary.functions).toEqual([
      { name: 'createPublicKey node:internal/crypto/keys:10', selfMs: 3, share: 0.75 },
      { name: 'writeString', selfMs: 0.5, share: 0.125 },
      { name: 'verify jsonwebtoken/verify.js:42', selfMs: 0.25, share: 0.0625 },
    ]);
  });

  it('adds the same time up by package, Node.js module and source folder', () => {
    expect(summarizeProfile(profile, 10).places.map((place) => place.name)).toEqual([
      'node:internal/crypto',
      '(native code)',
      'jsonwebtoken',
      'apps/like',
      '@nestjs/core',
    ]);
  });

  it("gives tracing's share of busy time: OpenTelemetry's packages and libs/tracing, even outside the top places", () => {
    const traced: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('handle', 'file:///repo/dist/apps/gateway/src/proxy/gateway.server.js', 7) },
        {
          id: 2,
          callFrame: frame('startSpan', 'file:///repo/node_modules/@opentelemetry/sdk-trace/dist/Tracer.cjs', 41),
        },
        { id: 3, callFrame: frame('inject', 'file:///repo/node_modules/@opentelemetry/core/dist/composite.cjs', 29) },
        { id: 4, callFrame: frame('inServerSpan', 'file:///repo/dist/libs/tracing/src/node-http-span.js', 6) },
        { id: 5, callFrame: frame('(idle)') },
        { id: 6, callFrame: frame('tracer', 'file:///repo/dist/libs/tracing-free/src/x.js', 1) },
      ],
      samples: [1, 1, 1, 1, 1, 2, 3, 4, 5, 6],
      timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 9_000, 1_000],
      startTime: 0,
    };
    const summary = summarizeProfile(traced, 1);
    expect(summary.places.map((place) => place.name)).toEqual(['apps/gateway']);
    expect(summary.tracingShare).toBeCloseTo(3 / 9);
  });

  it('keeps to the samples taken within a window, when given one', () => {
    // Samples at 1_005_000, 1_006_000, 1_007_000, 1_007_500, 1_007_750, ...: the window holds the second and third.
    const windowed = summarizeProfile(profile, 3, { startUs: 1_005_500, endUs: 1_007_000 });
    expect(windowed.busyMs).toBe(2);
    expect(windowed.functions.map((line) => line.name)).toEqual(['createPublicKey node:internal/crypto/keys:10']);
  });
});

describe('placeOf', () => {
  it('names the innermost package of a nested node_modules', () => {
    expect(placeOf('file:///r/node_modules/a/node_modules/@s/b/x.js', 'f')).toBe('@s/b');
  });

  it('keeps V8 pseudo-frames as they are', () => {
    expect(placeOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('names the library of compiled library code', () => {
    expect(placeOf('file:///r/dist/libs/http-kit/src/bootstrap.js', 'f')).toBe('libs/http-kit');
  });
});
