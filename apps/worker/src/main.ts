import 'reflect-metadata';
import { loadDotEnv } from '@kuaizhuan/platform';
import { createWorker } from './bootstrap';

loadDotEnv();
createWorker()
  .then(() => console.log(JSON.stringify({ level: 30, service: 'worker', msg: 'worker started' })))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
