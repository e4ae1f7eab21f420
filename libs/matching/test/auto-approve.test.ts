import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createAccounts, publishedAchievement, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { SmtpCapture } from '../../../test/support/smtp';

describe('auto-approval policy', () => {
  let env: TestEnvironment;
  let smtp: SmtpCapture;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let accounts: Accounts;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    // Every match scores at least 0: with the threshold at 0 each one skips review.
    env = await setUpTestEnvironment({
      MATCH_AUTO_APPROVE_SCORE: '0',
      SMTP_URL: smtp.url,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    });
    api = await startApi();
    worker = await startWorker();
    dataSource = api.get(DataSource);
    accounts = await createAccounts(api.getHttpServer(), dataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.teardown();
    await smtp?.stop();
  });

  it('approves matches above the threshold without review, and they are pushed', async () => {
    const http = api.getHttpServer();
    const achievement = await publishedAchievement(http, accounts.tto, accounts.admin);
    await eventually(async () => {
      const rows: unknown[] = await dataSource.query(`SELECT 1 FROM search_document WHERE id = $1`, [achievement]);
      return rows.length > 0;
    });
    const need = await publishedNeed(http, accounts.enterprise, accounts.admin);

    const row = await eventually(async () => {
      const [found]: { id: string; status: string; review_note: string }[] = await dataSource.query(
        `SELECT id, status, review_note FROM recommendation WHERE need_id = $1 AND achievement_id = $2`,
        [need, achievement],
      );
      return found?.status === 'delivered' ? found : undefined;
    }, 20_000);
    expect(row.review_note).toBe('auto-approved');
    const events: { payload: { recommendationId?: string } }[] = await dataSource.query(
      `SELECT payload FROM outbox WHERE event = 'recommendation.approved'`,
    );
    expect(events.map((e) => e.payload.recommendationId)).toContain(row.id);
    await eventually(async () => smtp.messagesTo(accounts.enterprise.email).length > 0, 20_000, 'the company e-mail');
  });
});
