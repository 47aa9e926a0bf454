import { ForbiddenError } from '@app/errors';

/** A cookie route was called without the custom header that no cross-site form can send. */
export class CsrfHeaderRequiredError extends ForbiddenError {
  constructor(header: string) {
    super('CSRF_HEADER_REQUIRED', `Send the header "${header}" with requests to the session routes`);
  }
}

/** The browser says the request comes from another site (Sec-Fetch-Site). */
export class CrossSiteRequestError extends ForbiddenError {
  constructor() {
    super('CROSS_SITE_REQUEST_REFUSED', "The session routes answer only this site's own pages");
  }
}
