import type { ClientGrpc } from '@nestjs/microservices';
import { Observable, of, throwError } from 'rxjs';
import type { GetUsersRequest, GetUsersResponse } from '@app/auth-rpc';
import { UserDirectory } from './user-directory';

const MAX_AGE_SECONDS = 60;

/** A user directory over a stand-in for auth's gRPC client that records each request. */
function directoryWith(names: Map<string, string>) {
  const requests: string[][] = [];
  let reachable = true;
  const getUsers = ({ ids }: GetUsersRequest): Observable<GetUsersResponse> => {
    requests.push(ids);
    if (!reachable) return throwError(() => new Error('14 UNAVAILABLE: No connection established'));
    return of({ users: ids.filter((id) => names.has(id)).map((id) => ({ id, displayName: names.get(id) ?? '' })) });
  };
  const client = { getService: () => ({ getUsers }) } as unknown as ClientGrpc;
  const directory = new UserDirectory(client, { DISPLAY_NAME_MAX_AGE_SECONDS: MAX_AGE_SECONDS });
  directory.onModuleInit();
  return { directory, requests, cutOff: () => (reachable = false) };
}

describe('UserDirectory', () => {
  // Off 0: lru-cache reads a start time of 0 as none, and Jest's fake clock starts there.
  beforeEach(() => jest.useFakeTimers().advanceTimersByTime(1_000));
  afterEach(() => jest.useRealTimers());

  it('asks auth once for a name, then answers from what it holds until the name is older than its max age', async () => {
    const names = new Map([['ada', 'Ada']]);
    const { directory, requests } = directoryWith(names);
    await expect(directory.displayNames(['ada', 'ada'])).resolves.toEqual(new Map([['ada', 'Ada']]));
    names.set('ada', 'Ada Lovelace');
    jest.advanceTimersByTime(MAX_AGE_SECONDS * 1_000 - 1);
    await expect(directory.displayNames(['ada'])).resolves.toEqual(new Map([['ada', 'Ada']]));
    expect(requests).toEqual([['ada']]);

    jest.advanceTimersByTime(2);
    await expect(directory.displayNames(['ada'])).resolves.toEqual(new Map([['ada', 'Ada Lovelace']]));
    expect(requests).toEqual([['ada'], ['ada']]);
  });

  it('asks only for the names it does not hold, and again for ids auth did not know', async () => {
    const names = new Map([['ada', 'Ada']]);
    const { directory, requests } = directoryWith(names);
    await directory.displayNames(['ada', 'newcomer']);
    names.set('newcomer', 'Newcomer');
    await expect(directory.displayNames(['ada', 'newcomer'])).resolves.toEqual(
      new Map([
        ['ada', 'Ada'],
        ['newcomer', 'Newcomer'],
      ]),
    );
    expect(requests).toEqual([['ada', 'newcomer'], ['newcomer']]);
  });

  it('answers with the names it holds, and without the others, while auth is unreachable', async () => {
    const { directory, cutOff } = directoryWith(
      new Map([
        ['ada', 'Ada'],
        ['grace', 'Grace'],
      ]),
    );
    await directory.displayNames(['ada']);
    cutOff();
    await expect(directory.displayNames(['ada', 'grace'])).resolves.toEqual(new Map([['ada', 'Ada']]));
  });
});
