import { parseEnv } from '@app/config-kit';
import { runCommand } from '@app/database';
import { storesEnv } from './config';
import { migrateStores } from './database';

runCommand('monolith-migrate', () => migrateStores(parseEnv('monolith', storesEnv, process.env)));
