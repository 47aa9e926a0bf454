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
        perRequestMs: {
          gateway: { off: [0.5, 0.4, 9], on: [0.45, 0.6, 0.44] },
          like: { off: [2, 2, 2], on: [2.2, 2.2, 2.3] },
        },
      },
    ],
  };

  it("compares each hop's median rounds, so that one disturbed round does not decide", () => {
    expect(tracingCosts(comparison)).toEqual([
      { scenario: 'first-like', app: 'gateway', off: 0.5, on: 0.45, change: expect.closeTo(-0.1), met: true },
      { scenario: 'first-like', app: 'like', off: 2, on: 2.2, change: expect.closeTo(0.1), met: true },
    ]);
  });

  it('misses the budget past +10 %', () => {
    const over = {
      ...comparison,
      scenarios: [{ ...comparison.scenarios[0], perRequestMs: { like: { off: [2], on: [2.21] } } }],
    };
    expect(tracingCosts(over)).toMatchObject([{ app: 'like', met: false }]);
  });

  it('prints a line per hop with the sampler and the change', () => {
    const text = formatTracingComparison(comparison, 'always_on');
    expect(text).toContain('on (always_on)');
    expect(text).toMatch(/first-like\s+like\s+2\.000 ms\s+2\.200 ms\s+\+10\.0 %\s+met/);
  });
});
