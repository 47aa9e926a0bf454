import { join } from 'node:path';

/** The Mythical Mysfits web page: plain files, served as they are (copied next to the build by `npm run build`). */
export const WEB_ROOT = join(__dirname, '..', 'web');
