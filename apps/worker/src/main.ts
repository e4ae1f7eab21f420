import 'reflect-metadata';
import { createWorker } from './bootstrap';

createWorker()
  .then(() => console.log(JSON.stringify({ level: 30, service: 'worker', msg: 'worker started' })))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
