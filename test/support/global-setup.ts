import { randomBytes } from 'node:crypto';
import { prepareTemplate } from './database';

/**
 * Once per run: migrate a template database of this run's own (so runs side by side never
 * share one); every test file clones it. The name reaches the test workers through the env.
 */
export default async function globalSetup(): Promise<void> {
  const template = `kz_tpl_${randomBytes(4).toString('hex')}`;
  process.env.KZ_TEST_TEMPLATE = template;
  await prepareTemplate(template);
}
