import { ArgumentsHost, Logger } from '@nestjs/common';
import { UpstreamUnavailableError } from '@app/errors';
import { ApiExceptionFilter } from './api-exception.filter';

function hostFor(sent: { status?: number }): ArgumentsHost {
  const reply = {
    status: (status: number) => {
      sent.status = status;
      return reply;
    },
    headers: () => reply,
    send: () => reply,
  };
  return {
    switchToHttp: () => ({ getRequest: () => ({ id: 'r1' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}

describe('ApiExceptionFilter', () => {
  let error: jest.SpyInstance;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const answer = (thrown: unknown) => {
    const sent: { status?: number } = {};
    new ApiExceptionFilter().catch(thrown, hostFor(sent));
    return sent.status;
  };

  it('logs nothing for an outage a domain error already explains: a like during one is no stack trace', () => {
    expect(answer(new UpstreamUnavailableError())).toBe(503);
    expect([error.mock.calls, warn.mock.calls]).toEqual([[], []]);
  });

  it('logs an unreachable database in one warning naming it, without a stack', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(answer(lost)).toBe(503);
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(
      { dependencyError: { name: 'Error', message: lost.message, code: 'ECONNREFUSED' } },
      'A dependency is unreachable',
    );
  });

  it('logs a bug with its stack', () => {
    const bug = new TypeError('undefined is not a function');
    expect(answer(bug)).toBe(500);
    expect(error).toHaveBeenCalledWith({ err: bug }, 'Request failed');
  });
});
