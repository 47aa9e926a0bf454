/** JSON bodies of this API are small; anything bigger is refused (413) before it is parsed. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * A body refused before it was read is read to its end and dropped when it declares at most this many
 * bytes, so that the client's keep-alive connection stays in step and the client, still sending, does
 * not lose the answer to a reset. A larger body, or one sent chunked, closes the connection instead.
 */
export const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;
