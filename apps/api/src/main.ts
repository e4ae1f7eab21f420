import 'reflect-metadata';
import { AppConfig, loadDotEnv } from '@kuaizhuan/platform';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  loadDotEnv();
  const app = await createApi();
  const port = app.get(AppConfig).get('PORT');
  await app.listen(port);
  console.log(JSON.stringify({ level: 30, service: 'api', msg: `api listening on http://localhost:${port}` }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
