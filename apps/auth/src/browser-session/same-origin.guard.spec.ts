import { CrossSiteRequestError, CsrfHeaderRequiredError } from './browser-session.errors';
import { crossSiteRefusal } from './same-origin.guard';

describe('crossSiteRefusal', () => {
  it.each([
    ['a script of this origin', { 'x-requested-with': 'fetch', 'sec-fetch-site': 'same-origin' }],
    ['a client without fetch metadata (curl)', { 'x-requested-with': 'fetch' }],
  ])('lets through %s', (_case, headers) => {
    expect(crossSiteRefusal(headers)).toBeUndefined();
  });

  it.each([
    ['no custom header', { 'sec-fetch-site': 'same-origin' }],
    ['another value', { 'x-requested-with': 'XMLHttpRequest' }],
    ['the header twice', { 'x-requested-with': ['fetch', 'fetch'] as unknown as string }],
  ])('asks for the custom header given %s', (_case, headers) => {
    expect(crossSiteRefusal(headers)).toBeInstanceOf(CsrfHeaderRequiredError);
  });

  it.each(['cross-site', 'same-site', 'none'])('refuses Sec-Fetch-Site: %s', (site) => {
    expect(crossSiteRefusal({ 'x-requested-with': 'fetch', 'sec-fetch-site': site })).toBeInstanceOf(
      CrossSiteRequestError,
    );
  });
});
