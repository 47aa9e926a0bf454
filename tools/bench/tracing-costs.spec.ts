import { formatTracingComparison, median, TracingComparison, tracingCosts } from './tracing-costs';

describe('median', () => {
  it('takes the middle round, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('tracingCosts', () => {
  const comparison: TracingComparison = {
    rounds: 3,
    scenarios: [
      {
        scenario: 'first-like',
        requestsPerSecond: 150,
        perRequestMs: {
          gateway: { off: [0.5, 0.4, 9], control: [0.5, 0.5, 0.5], on: [0.45, 0.6, 0.44] },
          like: { off: [1.9, 1.9, 1.9], control: [2.1, 2.1, 2.1], on: [2.1, 2.1, 2.2] },
        },
      },
    ],
  };

  it("compares each hop's median rounds with the mean of the two untraced sets, so that one disturbed round does not decide", () => {
    expect(tracingCosts(comparison)).toEqual([
      {
        scenario: 'first-like',
        requestsPerSecond: 150,
        app: 'gateway',
        untraced: 0.5,
        on: 0.45,
        change: expect.closeTo(-0.1),
        noise: 0,
        met: true,
      },
      {
        scenario: 'first-like',
        requestsPerSecond: 150,
        app: 'like',
        untraced: expect.closeTo(2),
        on: 2.1,
        change: expect.closeTo(0.05),
        noise: expect.closeTo(0.105),
        met: true,
      },
    ]);
  });

  it('misses the budget past +10 %', () => {
    const over = {
      ...comparison,
      scenarios: [{ ...comparison.scenarios[0], perRequestMs: { like: { off: [2], control: [2], on: [2.21] } } }],
    };
    expect(tracingCosts(over)).toMatchObject([{ app: 'like', met: false }]);
  });

  it('prints a line per hop with the sampler, the change and how far the untraced sets are apart', () => {
    const text = formatTracingComparison(comparison, 'always_on');
    expect(text).toContain('on (always_on)');
    expect(text).toMatch(/first-like\s+150\s+like\s+2\.000 ms\s+2\.100 ms\s+\+5\.0 %\s+±10\.5 %\s+met/);
  });
});
