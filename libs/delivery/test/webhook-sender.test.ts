import { AppConfig, validateEnvironment } from '@kuaizhuan/platform';
import { DeliveryConfig } from '../src/delivery-config';
import { WebhookSender } from '../src/jobs/webhook-sender';
import { freePort } from '../../../test/support/redis-server';
import { WebhookReceiver } from '../../../test/support/webhook-receiver';

let receiver: WebhookReceiver;

function sender(nodeEnv: 'test' | 'production', extra: Record<string, string> = {}): WebhookSender {
  const app = new AppConfig(
    validateEnvironment({ NODE_ENV: nodeEnv, JWT_ACCESS_SECRET: 'a production secret that is long enough to pass' }),
  );
  // Generous by default so a loaded machine never turns an answer into a timeout.
  return new WebhookSender(DeliveryConfig.load({ WEBHOOK_TIMEOUT_MS: '10000', ...extra }, app));
}

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});

afterAll(async () => {
  await receiver?.stop();
});

describe(WebhookSender.name, () => {
  describe('post', () => {
    it('posts the body and headers as given and reports the answer', async () => {
      receiver.respond('/ok', () => 201);
      const call = await sender('test').post(receiver.url('/ok'), '{"a":"成果"}', { 'x-kuaizhuan-delivery': 'd-1' });
      expect(call).toMatchObject({ statusCode: 201, error: null, responseExcerpt: 'ok' });
      expect(call.durationMs).toBeGreaterThanOrEqual(0);
      const [received] = receiver.callsTo('/ok');
      expect(received.body).toBe('{"a":"成果"}');
      expect(received.headers['x-kuaizhuan-delivery']).toBe('d-1');
      expect(received.headers['content-type']).toBe('application/json; charset=utf-8');
    });

    it('gives up after the timeout', async () => {
      receiver.delay('/slow', 2_000);
      const call = await sender('test', { WEBHOOK_TIMEOUT_MS: '300' }).post(receiver.url('/slow'), '{}', {});
      expect(call).toMatchObject({ statusCode: null, error: 'no answer within 300 ms' });
      expect(call.durationMs).toBeLessThan(1_500);
    });

    it('does not follow redirects', async () => {
      receiver.respond('/moved', () => 302);
      const call = await sender('test').post(receiver.url('/moved'), '{}', {});
      expect(call).toMatchObject({ statusCode: 302, error: 'the receiver answered HTTP 302' });
      expect(receiver.callsTo('/elsewhere')).toHaveLength(0);
    });

    it('reports a refused connection', async () => {
      const call = await sender('test').post(`http://127.0.0.1:${await freePort()}/closed`, '{}', {});
      expect(call.statusCode).toBeNull();
      expect(call.error).toMatch(/fetch failed.*ECONNREFUSED/);
    });

    it('refuses loopback targets in production, by address and by name, without calling them', async () => {
      const before = receiver.calls.length;
      for (const url of [receiver.url('/prod'), `http://localhost:${receiver.port}/prod`]) {
        const call = await sender('production').post(url, '{}', {});
        expect(call.statusCode).toBeNull();
        expect(call.error).toMatch(/^target not allowed: .* resolves to .*loopback address$/);
      }
      expect(receiver.calls.length).toBe(before);
    });
  });
});

describe(DeliveryConfig.name, () => {
  it('names every bad variable', () => {
    const app = new AppConfig(validateEnvironment({}));
    expect(() =>
      DeliveryConfig.load(
        { WEBHOOK_TIMEOUT_MS: '5', WEBHOOK_DISABLE_AFTER: '0', DIGEST_TIMEZONE: 'Mars/Olympus' },
        app,
      ),
    ).toThrow(/WEBHOOK_TIMEOUT_MS[\s\S]*WEBHOOK_DISABLE_AFTER[\s\S]*DIGEST_TIMEZONE/);
    expect(() => DeliveryConfig.load({ WEBHOOK_SECRET_KEY: 'short' }, app)).toThrow(/WEBHOOK_SECRET_KEY/);
  });

  it('seals with WEBHOOK_SECRET_KEY when set, else with the access-token secret', () => {
    const app = new AppConfig(validateEnvironment({}));
    expect(DeliveryConfig.load({}, app).secretMaster).toBe(app.get('JWT_ACCESS_SECRET'));
    const own = 'a webhook master key of at least thirty-two chars';
    expect(DeliveryConfig.load({ WEBHOOK_SECRET_KEY: own }, app).secretMaster).toBe(own);
  });
});
