/**
 * Standalone data source for the TypeORM CLI (`npm run migration:*`).
 * The api and worker build theirs from the same options in DatabaseModule.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

const env = validateEnvironment(process.env);

export default new DataSource(
  dataSourceOptions({ url: env.DATABASE_URL, logging: env.DATABASE_LOGGING, applicationName: 'kuaizhuan-cli' }),
);
