import { readSamples } from '@app/observability';
import { hopTotals, hopWindow } from './hops';

const scrape = (count: number, sum: number, buckets: [string, number][], failed = 0) =>
  readSamples(
    [
      '# TYPE http_client_request_duration_seconds histogram',
      ...buckets.map(
        ([le, value]) =>
          `http_client_request_duration_seconds_bucket{le="${le}",service="like",peer="monolith",outcome="success"} ${value}`,
      ),
      `http_client_request_duration_seconds_sum{service="like",peer="monolith",outcome="success"} ${sum}`,
      `http_client_request_duration_seconds_count{service="like",peer="monolith",outcome="success"} ${count}`,
      `http_client_request_duration_seconds_bucket{le="+Inf",service="like",peer="monolith",outcome="timeout"} ${failed}`,
      `http_client_request_duration_seconds_sum{service="like",peer="monolith",outcome="timeout"} ${failed * 1.5}`,
      `http_client_request_duration_seconds_count{service="like",peer="monolith",outcome="timeout"} ${failed}`,
      '',
    ].join('\n'),
  );

describe('the hops of the status page', () => {
  it('reports the calls, errors, mean and p95 of the window between two readings', () => {
    const before = hopTotals(
      scrape(10, 0.1, [
        ['0.01', 10],
        ['0.1', 10],
        ['+Inf', 10],
      ]),
    );
    const after = hopTotals(
      scrape(
        110,
        5.1,
        [
          ['0.01', 10],
          ['0.1', 110],
          ['+Inf', 110],
        ],
        10,
      ),
    );
    const hop = hopWindow(before, after, 10).find((status) => status.hop === 'like → monolith');
    // 100 successes, all between 10 and 100 ms, and 10 timeouts: 110 calls.
    expect(hop).toMatchObject({ calls: 110, perSecond: 11, errorRatio: 10 / 110 });
    expect(hop?.meanMs).toBeCloseTo(((5 + 15) / 110) * 1000);
    // The 104.5th of 110 calls lies past the 100 ms bound, in +Inf's bucket: reported as that bound.
    expect(hop?.p95Ms).toBeCloseTo(100);
  });

  it('reports no figure for a hop with no call', () => {
    const totals = hopTotals([]);
    expect(hopWindow(totals, totals, 5)).toContainEqual({
      hop: 'gateway → like',
      calls: 0,
      perSecond: 0,
      errorRatio: null,
      meanMs: null,
      p95Ms: null,
    });
  });
});
