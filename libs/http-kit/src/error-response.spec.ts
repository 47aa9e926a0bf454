import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ConflictError, RateLimitedError, UnauthenticatedError, UpstreamUnavailableError } from '@app/errors';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('maps each kind of domain error to its status and keeps its code', () => {
    expect(toErrorResponse(new ConflictError('ALREADY_ADOPTED', 'taken'), 'r1').body).toEqual({
      statusCode: 409,
      code: 'ALREADY_ADOPTED',
      message: 'taken',
      requestId: 'r1',
    });
    expect(toErrorResponse(new UnauthenticatedError('TOKEN_INVALID', 'bad'), 'r1').body.statusCode).toBe(401);
    expect(toErrorResponse(new UpstreamUnavailableError(), 'r1').body).toMatchObject({
      statusCode: 503,
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('adds Retry-After to rate limits', () => {
    const response = toErrorResponse(new RateLimitedError('TOO_MANY', 'slow down', 42), 'r1');
    expect(response.body.statusCode).toBe(429);
    expect(response.headers).toEqual({ 'retry-after': '42' });
  });

  it('names the Fastify body errors Nest hands over as HttpExceptions', () => {
    const parseError = Object.assign(new Error('Body is not valid JSON'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    const wrapped = new BadRequestException('Body is not valid JSON', { cause: parseError });
    expect(toErrorResponse(wrapped, 'r1').body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE, and a URL the router cannot decode with 400', () => {
    const tooLarge = Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toErrorResponse(tooLarge, 'r1').body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const badUrl = Object.assign(new Error("'/%' is not a valid url component"), { code: 'FST_ERR_BAD_URL' });
    expect(toErrorResponse(badUrl, 'r1').body).toMatchObject({ statusCode: 400, code: 'MALFORMED_PATH' });
  });

  it('answers an unknown route with ROUTE_NOT_FOUND', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'), 'r1').body).toMatchObject({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
    });
  });

  it('answers 503 UPSTREAM_UNAVAILABLE when a database cannot be reached, not 500', () => {
    const lost = new Error('Connection terminated due to connection timeout', {
      cause: new Error('Connection terminated unexpectedly'),
    });
    expect(toErrorResponse(lost, 'r1').body).toEqual({
      statusCode: 503,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'A service this request depends on is unavailable; try again shortly',
      requestId: 'r1',
    });
  });

  it('hides the details of unexpected errors behind a 500', () => {
    expect(toErrorResponse(new Error('connection string with a password'), 'r1').body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong',
      requestId: 'r1',
    });
  });
});
