import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import {
  ConflictError,
  InvalidInputError,
  RateLimitedError,
  UnauthenticatedError,
  UpstreamUnavailableError,
} from '@app/errors';
import { BODY_LIMIT_BYTES } from './request-limits';
import { toErrorResponse } from './error-response';

const withFields = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

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

  it("passes a domain error's details on, and adds no details key when it has none", () => {
    const fields = { content: ['must be 1 to 200 characters long'] };
    expect(toErrorResponse(new InvalidInputError('VALIDATION_FAILED', 'bad', { fields }), 'r1')).toEqual({
      body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'bad', requestId: 'r1', details: { fields } },
      headers: {},
    });
    expect(Object.keys(toErrorResponse(new ConflictError('TAKEN', 'taken'), 'r1').body)).not.toContain('details');
  });

  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'MALFORMED_JSON', 'The request body is not valid JSON'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'MALFORMED_JSON', 'The request body is empty'],
    [
      'FST_ERR_CTP_BODY_TOO_LARGE',
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than ${BODY_LIMIT_BYTES} bytes`,
    ],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 400, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'MALFORMED_REQUEST', 'The content length is wrong'],
    ['FST_ERR_BAD_URL', 400, 'MALFORMED_PATH', 'The path is not a valid URL'],
  ])("answers Fastify's %s with %i %s, raised or handed over by Nest", (fastifyCode, statusCode, code, message) => {
    const raised = withFields('internal wording', { code: fastifyCode, statusCode });
    const expected = { body: { statusCode, code, message, requestId: 'r1' }, headers: {} };
    expect(toErrorResponse(raised, 'r1')).toEqual(expected);
    expect(toErrorResponse(new BadRequestException('wrapped', { cause: raised }), 'r1')).toEqual(expected);
  });

  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'ROUTE_NOT_FOUND'],
    [405, 'METHOD_NOT_ALLOWED'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
    [418, 'HTTP_ERROR'],
  ])('answers an HttpException of status %i with %s and its message', (statusCode, code) => {
    expect(toErrorResponse(new HttpException('what went wrong', statusCode), 'r1')).toEqual({
      body: { statusCode, code, message: 'what went wrong', requestId: 'r1' },
      headers: {},
    });
  });

  it.each([
    [400, 'BAD_REQUEST'],
    [405, 'METHOD_NOT_ALLOWED'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [418, 'BAD_REQUEST'],
    [499, 'BAD_REQUEST'],
  ])('keeps the status of another client error a plugin raises (%i) and names it %s', (statusCode, code) => {
    expect(toErrorResponse(withFields('plugin wording', { statusCode }), 'r1')).toEqual({
      body: { statusCode, code, message: 'The request is malformed', requestId: 'r1' },
      headers: {},
    });
  });

  it.each([
    ['a server error status', withFields('boom', { statusCode: 500 })],
    ['a status under 400', withFields('moved', { statusCode: 399 })],
    ['a status that is not a number', withFields('odd', { statusCode: '404' })],
    ['an unknown error code', withFields('odd', { code: 'FST_ERR_SOMETHING_ELSE' })],
    ['a thrown string', 'boom'],
    ['a thrown null', null],
  ])('answers %s with a plain 500', (_case, error) => {
    expect(toErrorResponse(error, 'r1')).toEqual({
      body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong', requestId: 'r1' },
      headers: {},
    });
  });

  it('adds Retry-After to rate limits only', () => {
    expect(toErrorResponse(new ConflictError('TAKEN', 'taken'), 'r1').headers).toEqual({});
    expect(toErrorResponse(new UpstreamUnavailableError(), 'r1').headers).toEqual({});
  });
});
