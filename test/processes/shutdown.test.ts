import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { producerConnection, QueueName } from '@kuaizhuan/platform';
import { eventually, startApi } from '../support/apps';
import { bearer, signIn, uniqueEmail, type SignedIn } from '../support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../support/environment';
import { runApp } from '../support/processes';
import { freePort } from '../support/redis-server';

/** An SMTP server that holds each message for `holdMs` before accepting it, and says when one arrives. */
class SlowSmtp {
  readonly accepted: string[] = [];
  arriving = 0;
  private server!: SMTPServer;
  port = 0;

  constructor(private readonly holdMs: number) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        this.arriving += 1;
        stream.resume();
        stream.on('end', () => {
          setTimeout(() => {
            this.accepted.push(...session.envelope.rcptTo.map((r) => r.address));
            callback();
          }, this.holdMs);
        });
      },
    });
    this.port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    expect((this.server.server.address() as AddressInfo).port).toBe(this.port);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('graceful shutdown', () => {
  let env: TestEnvironment;
  let smtp: SlowSmtp;
  let api: NestExpressApplication;
  let admin: SignedIn;
  let operatorOrgId: string;

  beforeAll(async () => {
    smtp = new SlowSmtp(2_000);
    await smtp.start();
    env = await setUpTestEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = await startApi();
    const accounts = await seedIdentity(api.get(DataSource));
    admin = await signIn(api.getHttpServer(), accounts.operator.email, DEMO_PASSWORD);
    operatorOrgId = admin.orgId;
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    await env?.teardown();
  });

  async function invite(): Promise<string> {
    const email = uniqueEmail('colleague');
    await request(api.getHttpServer())
      .post(`/api/organisations/${operatorOrgId}/invitations`)
      .set(bearer(admin.accessToken))
      .send({ email, role: 'admin' })
      .expect(201);
    return email;
  }

  it('lets the worker finish its active job on SIGTERM and start no new one', async () => {
    const worker = runApp('apps/worker/src/main.ts', { LOG_LEVEL: 'info' });
    try {
      // Started from source: on a busy machine the first start takes a while.
      await worker.waitForOutput(/worker started/, 60_000);
      const first = await invite();
      await eventually(async () => smtp.arriving === 1, 15_000, 'the first e-mail to reach the SMTP server');

      // The job is now active, waiting for the SMTP server to accept the message.
      worker.child.kill('SIGTERM');
      const second = await invite();

      const exit = await worker.exited;
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      expect(smtp.accepted).toEqual([first]);

      const queue = new Queue(QueueName.Deliver, {
        connection: producerConnection(process.env.REDIS_URL!),
        prefix: env.queuePrefix,
      });
      try {
        const completed = await queue.getCompleted();
        expect(completed).toHaveLength(1);
        expect(await queue.getActiveCount()).toBe(0);
      } finally {
        await queue.close();
      }
      const [row] = await api.get(DataSource).query(`SELECT sent_at FROM invitation WHERE email = $1`, [second]);
      expect(row.sent_at).toBeNull();
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
  }, 120_000);

  it('stops the api on SIGTERM after closing its server', async () => {
    const port = await freePort();
    const server = runApp('apps/api/src/main.ts', { PORT: String(port), LOG_LEVEL: 'info' });
    try {
      await server.waitForOutput(/api listening/, 60_000);
      await request(`http://127.0.0.1:${port}`).get('/api/health/ready').expect(200);
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      await expect(request(`http://127.0.0.1:${port}`).get('/api/health/live')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 120_000);
});
